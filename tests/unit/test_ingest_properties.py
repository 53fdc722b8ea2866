"""Properties of the ingest stage that must hold for any input (hypothesis)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.ingest import clean, normalise_text, read_inputs, report_id
from claimledger.ingest.frontmatter import split_front_matter
from claimledger.models import Document, Rejected, ReportMeta
from claimledger.settings import Settings

SETTINGS = Settings(max_input_bytes=64 * 1024)
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".csv", ".md", ""]
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text made of the pieces that matter to the readers and cleaners, in any order.
PIECES = st.sampled_from(
    [
        "\n", "\r\n", "\r", " ", "\t", "---", "title: x", "published: 2024-10-22", "published: nope",
        "A Message from The Harbour Ledger:", "Dear readers,", "please support us", "donate",
        "Remind me later.", "Read more", "Related: x", "AFP contributed reporting.", "Reporting by Ana Paz;",
        "KYIV, Oct 22 (MPA) — ", "“We need your support,” he said.",
        "<p>", "</p>", "<script>alert(1)</script>",
        '{"text": "a"}', ",", '"', "é", "\u00a0", "\ufeff", "\x00", "\x1b",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join))
BYTES = st.one_of(st.binary(max_size=2048), TEXTS.map(lambda text: text.encode("utf-8", "surrogatepass")))


@PROPERTY
@given(data=BYTES, suffix=st.sampled_from(SUFFIXES))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        results = list(read_inputs([path], settings=SETTINGS))
    assert all(isinstance(result, Document | Rejected) for result in results)
    for result in results:
        assert result.origin.startswith(str(path))
        if isinstance(result, Rejected):
            assert result.code.startswith("CL1") and len(result.sha256) == 64 and result.message
        else:
            assert result.text.strip() and "\r" not in result.text


@PROPERTY
@given(data=BYTES)
def test_readers_folder_of_arbitrary_files_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".txt", ".html", ".jsonl", ".csv"):
            (Path(folder) / f"input{suffix}").write_bytes(data)
        results = list(read_inputs([folder], settings=SETTINGS))
    assert len(results) >= 2  # .txt and .html yield one each; .jsonl and .csv any number
    assert all(isinstance(result, Document | Rejected) for result in results)


FIELD_VALUES = st.text(
    alphabet=st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1, max_size=30
).filter(lambda value: value == value.strip() and value != "---")
QUOTES = ('"', "'")


@PROPERTY
@given(
    fields=st.dictionaries(st.sampled_from(["title", "publisher", "author", "url", "id"]), FIELD_VALUES),
    published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1))),
    quoted=st.booleans(),
    body=st.text(min_size=1).filter(lambda body: body.strip() and not body.strip().startswith("---")),
)
def test_frontmatter_round_trips(
    fields: dict[str, str], published: dt.date | None, quoted: bool, body: str
) -> None:
    values = {**fields, **({"published": published.isoformat()} if published else {})}
    rendered = [
        f'{key}: "{value}"' if quoted or value[0] in QUOTES or value[-1] in QUOTES else f"{key}: {value}"
        for key, value in values.items()
    ]
    body = body.replace("\r", "")
    first_text_line = next(line for line in body.split("\n") if line.strip())
    source = "---\n" + "".join(line + "\n" for line in rendered) + "---\n\n" + body
    found, parsed_body = split_front_matter(source)
    assert found == values
    assert parsed_body.split("\n")[0] == first_text_line
    assert body.endswith(parsed_body)


@PROPERTY
@given(text=TEXTS)
def test_clean_spans_are_inside_sorted_disjoint_and_text_unchanged(text: str) -> None:
    result = clean(Document(origin="prop", text=text, meta=ReportMeta()))
    assert result.text == text
    previous_end = 0
    for span in result.boilerplate:
        assert previous_end <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        previous_end = span.end
    starts = [credit.start for credit in result.credits]
    assert starts == sorted(starts)
    for credit in result.credits:
        assert 0 <= credit.start < credit.end <= len(text)
        assert text[credit.start : credit.end] == credit.text
        assert not any(b.start < credit.end and credit.start < b.end for b in result.boilerplate)


@PROPERTY
@given(text=TEXTS)
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "  " not in once and once == once.strip()


WHITESPACE = st.text(alphabet=" \t\n\r\u00a0\u2028\u3000", min_size=1, max_size=4)


@PROPERTY
@given(
    words=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=["Z", "Cc", "Cs"]), min_size=1), min_size=1
    ),
    gaps=st.data(),
)
def test_report_id_is_stable_under_whitespace_changes(words: list[str], gaps: st.DataObject) -> None:
    spaced = gaps.draw(WHITESPACE) + "".join(word + gaps.draw(WHITESPACE) for word in words)
    assert report_id(spaced) == report_id(" ".join(words))
