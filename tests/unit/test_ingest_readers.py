"""Readers: text, front matter, encodings, size and type checks, folders, HTML, JSONL and CSV."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    MalformedHTML,
    MalformedRecord,
    MissingInput,
    UndecodableInput,
)
from claimledger.ingest import read_inputs
from claimledger.models import Document, Rejected, ReportMeta
from claimledger.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
SETTINGS = Settings()
ENGLISH = (
    "The minister said the talks were \u201cvery advanced\u201d \u2014 a claim the opposition called "
    "\u2018premature\u2019. Officials declined to comment on the cost, estimated at \u20ac2 million."
)
FRENCH = (
    "Le président a déclaré mercredi que les négociations étaient « très avancées », selon l'agence. "
    "Les délégués ont été reçus à Genève où ils ont discuté des échanges de prisonniers."
)
GERMAN = (
    "Der Außenminister erklärte am Dienstag, die Gespräche über den Gefangenenaustausch seien weit "
    "fortgeschritten. Über die Einzelheiten wurde Stillschweigen vereinbart."
)


def read(
    *paths: str | Path, settings: Settings = SETTINGS, **kwargs: ReportMeta
) -> list[Document | Rejected]:
    return list(read_inputs(paths, settings=settings, **kwargs))


def only(results: list[Document | Rejected]) -> Document | Rejected:
    assert len(results) == 1, results
    return results[0]


def document(results: list[Document | Rejected]) -> Document:
    result = only(results)
    assert isinstance(result, Document), result
    return result


def rejected(results: list[Document | Rejected], error: type[Exception]) -> Rejected:
    result = only(results)
    assert isinstance(result, Rejected), result
    assert result.code == error.code  # type: ignore[attr-defined]
    return result


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


# --- plain text -------------------------------------------------------------------------------


def test_text_reads_utf8_with_origin_and_raw(tmp_path: Path) -> None:
    path = write(tmp_path / "report.txt", "First paragraph.\nSecond paragraph.\n\n")
    report = document(read(path))
    assert report.origin == str(path)
    assert report.text == "First paragraph.\nSecond paragraph."
    assert report.raw == path.read_bytes()
    assert report.meta == ReportMeta()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree"),
        (b"\xef\xbb\xbfwith a BOM", "with a BOM"),
        (b"  indented first line", "  indented first line"),
    ],
)
def test_text_normalises_newlines_and_bom(tmp_path: Path, data: bytes, expected: str) -> None:
    assert document(read(write(tmp_path / "a.txt", data))).text == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(FRENCH, "latin-1"), (GERMAN, "latin-1"), (ENGLISH, "cp1252"), (FRENCH, "cp1252")],
)
def test_text_detects_legacy_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = write(tmp_path / "legacy.txt", text.encode(encoding))
    assert document(read(path)).text == text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_text_reads_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = write(tmp_path / "wide.txt", bom + f"{ENGLISH}\r\n{GERMAN}".encode(encoding))
    assert document(read(path)).text == f"{ENGLISH}\n{GERMAN}"


def test_text_rejects_undetectable_encoding_with_advice(tmp_path: Path) -> None:
    text = "外務大臣は火曜日、捕虜交換に関する協議はかなり進んでいると述べた。詳細は明らかにされていない。"
    path = write(tmp_path / "tokyo.txt", text.encode("shift_jis"))
    result = rejected(read(path), UndecodableInput)
    assert str(path) in result.message
    assert "re-encode it as UTF-8" in result.message
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.raw == path.read_bytes()


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n\n", "\ufeff".encode("utf-16")])
def test_text_rejects_empty(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "empty.txt", data)
    result = rejected(read(path), EmptyInput)
    assert str(path) in result.message


@pytest.mark.parametrize(
    "data",
    [b"plain text\x00with a NUL", bytes(range(1, 9)) * 40, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"],
)
def test_text_rejects_binary(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "blob.txt", data)
    assert rejected(read(path), BinaryInput).raw == data


def test_text_rejects_too_large_before_reading(tmp_path: Path) -> None:
    data = b"x" * 300
    path = write(tmp_path / "big.txt", data)
    result = rejected(read(path, settings=Settings(max_input_bytes=100)), InputTooLarge)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert "300" in result.message and "100" in result.message


def test_text_accepts_input_at_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "edge.txt", b"y" * 100)
    assert document(read(path, settings=Settings(max_input_bytes=100))).text == "y" * 100


def test_text_rejects_50_mb_with_default_limit_and_keeps_1_mib(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = b"A line of a very long report.\n" * 35_000
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(block)
    result = rejected(read(path), InputTooLarge)
    assert len(result.raw) == 1 << 20
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    assert result.sha256 == digest.hexdigest()


# --- front matter and defaults ----------------------------------------------------------------


def test_frontmatter_sets_meta_and_strips_block(tmp_path: Path) -> None:
    source = (
        "---\n"
        'title: "Talks stall: day two"\n'
        "publisher: The Harbour Ledger\n"
        "published: 2024-03-05\n"
        "author: Mara Quill\n"
        "url: https://ledger.example/talks\n"
        "id: hl-0042\n"
        "---\n"
        "\n\n"
        "PORT ELLIS (MPA) — Talks stalled.\n"
    )
    report = document(read(write(tmp_path / "fm.txt", source)))
    assert report.text == "PORT ELLIS (MPA) — Talks stalled."
    assert report.meta == ReportMeta(
        title="Talks stall: day two",
        publisher="The Harbour Ledger",
        published=dt.date(2024, 3, 5),
        author="Mara Quill",
        url="https://ledger.example/talks",
        external_id="hl-0042",
    )


def test_frontmatter_wins_over_defaults_which_fill_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path / "fm.txt", "---\npublisher: Own Publisher\n---\nBody.")
    defaults = ReportMeta(publisher="CLI Publisher", published=dt.date(2024, 10, 22))
    meta = document(read(path, defaults=defaults)).meta
    assert meta.publisher == "Own Publisher"
    assert meta.published == dt.date(2024, 10, 22)


@pytest.mark.parametrize("value", ["22/10/2024", "yesterday", "2024-13-01"])
def test_frontmatter_rejects_bad_published_naming_the_key(tmp_path: Path, value: str) -> None:
    path = write(tmp_path / "bad.txt", f"---\npublished: {value}\n---\nBody.")
    assert "'published'" in rejected(read(path), MalformedRecord).message


@pytest.mark.parametrize(
    "source",
    [
        "---\nNot front matter\n---\nBody.",
        "---\ntitle: never closed\nBody.",
        "Body first\n---\ntitle: x\n---",
    ],
)
def test_frontmatter_absent_keeps_all_text(tmp_path: Path, source: str) -> None:
    report = document(read(write(tmp_path / "plain.txt", source)))
    assert report.text == source
    assert report.meta.title is None


def test_frontmatter_with_empty_body_is_empty(tmp_path: Path) -> None:
    rejected(read(write(tmp_path / "fm.txt", "---\ntitle: Only metadata\n---\n\n")), EmptyInput)


# --- paths and folders ------------------------------------------------------------------------


def test_paths_missing_input_is_rejected_and_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Still read.")
    missing = tmp_path / "nope.txt"
    first, second = read(missing, good)
    assert isinstance(first, Rejected) and first.code == MissingInput.code
    assert first.origin == str(missing) and str(missing) in first.message
    assert isinstance(second, Document) and second.text == "Still read."


def test_paths_folder_is_read_recursively_sorted_known_suffixes_only(tmp_path: Path) -> None:
    for name in ["b.txt", "a.html", "sub/c.txt", "sub/deeper/d.htm", "A.txt", "sub/e.TXT"]:
        content = "<html><body><p>Page text.</p></body></html>" if "htm" in name else f"Text of {name}."
        write(tmp_path / name, content)
    for name in [".hidden.txt", ".git/config.txt", "README.md", "STORYLINE.md", "notes.json", "x.pdf"]:
        write(tmp_path / name, "Not a report.")
    origins = [result.origin for result in read(tmp_path)]
    expected = ["A.txt", "a.html", "b.txt", "sub/c.txt", "sub/deeper/d.htm", "sub/e.TXT"]
    assert origins == [str(tmp_path / name) for name in expected]


def test_paths_single_path_string_is_one_input(tmp_path: Path) -> None:
    path = write(tmp_path / "one.txt", "Only report.")
    results = list(read_inputs(str(path), settings=SETTINGS))
    assert [r.origin for r in results] == [str(path)]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.md", "# Heading\nA markdown note.", "# Heading\nA markdown note."),
        ("page.xyz", "<!DOCTYPE html><html><body><p>Sniffed as HTML.</p></body></html>", "Sniffed as HTML."),
        ("NOSUFFIX", "Plain words.", "Plain words."),
    ],
)
def test_paths_explicit_unknown_suffix_is_sniffed(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    assert document(read(write(tmp_path / name, content))).text == expected


# --- HTML -------------------------------------------------------------------------------------


def test_html_extracts_text_and_metadata() -> None:
    report = document(read(FIXTURES / "article.html"))
    assert report.meta == ReportMeta(
        title="Ceasefire talks stall",
        publisher="The Harbour Ledger",
        published=dt.date(2024, 3, 5),
        author="Mara Quill",
        url="https://ledger.example/2024/03/05/ceasefire-talks",
    )
    lines = report.text.split("\n")
    assert lines[1].startswith("PORT ELLIS, March 5 (MPA) — Talks on a ceasefire")
    assert lines[-1] == "MPA contributed reporting."
    assert "" not in lines  # paragraphs are one newline apart
    assert "Home" not in report.text and "All rights reserved" not in report.text


def test_html_metadata_wins_over_defaults() -> None:
    defaults = ReportMeta(publisher="Given", published=dt.date(2020, 1, 1), external_id="given-id")
    meta = document(read(FIXTURES / "article.html", defaults=defaults)).meta
    assert (meta.publisher, meta.published, meta.external_id) == (
        "The Harbour Ledger",
        dt.date(2024, 3, 5),
        "given-id",
    )


@pytest.mark.parametrize("needle", ["<script", "alert(", "javascript:", "onerror", "onload", "injected", "<"])
def test_html_drops_hostile_markup(needle: str) -> None:
    report = document(read(FIXTURES / "hostile.html"))
    assert "Dock workers extended their strike" in report.text
    assert "Shipping companies said" in report.text
    assert needle not in report.text.lower()


@pytest.mark.parametrize(
    "markup",
    [
        b"<html><body></body></html>",
        b"<html><head><title>Only a title</title></head><body><script>alert(1)</script></body></html>",
        b"<<<>>>",
    ],
)
def test_html_without_main_text_is_rejected_naming_the_file(tmp_path: Path, markup: bytes) -> None:
    path = write(tmp_path / "broken.html", markup)
    assert str(path) in rejected(read(path), MalformedHTML).message


def test_html_empty_file_is_empty(tmp_path: Path) -> None:
    rejected(read(write(tmp_path / "empty.html", b" \n")), EmptyInput)


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_rejects_bad_ones(tmp_path: Path) -> None:
    page = "<html><body><article><p>From the html field.</p></article></body></html>"
    lines = [
        json.dumps({"text": "First report.", "id": "r1", "published": "2024-10-22T08:00:00Z", "title": "T"}),
        "",
        "{not json",
        json.dumps(["an", "array"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Bad date.", "published": "22 October"}),
        json.dumps({"html": page, "publisher": "Record Publisher"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Surrogate \ud800 inside."}),
        "   ",
        json.dumps({"text": "Last report.", "author": "Ana Paz"}),
    ]
    path = write(tmp_path / "archive.jsonl", "\n".join(lines) + "\n")
    results = read(path, defaults=ReportMeta(publisher="Default"))
    summary = [(r.origin, r.code if isinstance(r, Rejected) else "ok") for r in results]
    assert summary == [
        (f"{path}:1", "ok"),
        (f"{path}:3", MalformedRecord.code),
        (f"{path}:4", MalformedRecord.code),
        (f"{path}:5", MalformedRecord.code),
        (f"{path}:6", MalformedRecord.code),
        (f"{path}:7", "ok"),
        (f"{path}:8", EmptyInput.code),
        (f"{path}:9", MalformedRecord.code),
        (f"{path}:10", UndecodableInput.code),
        (f"{path}:12", "ok"),
    ]
    first, html, last = (r for r in results if isinstance(r, Document))
    assert first.text == "First report."
    assert first.meta == ReportMeta(
        title="T", publisher="Default", published=dt.date(2024, 10, 22), external_id="r1"
    )
    assert first.raw == (lines[0] + "\n").encode()
    assert html.text == "From the html field." and html.meta.publisher == "Record Publisher"
    assert last.meta.author == "Ana Paz"
    bad_date = results[4]
    assert isinstance(bad_date, Rejected) and "'published'" in bad_date.message
    assert bad_date.sha256 == hashlib.sha256((lines[5] + "\n").encode()).hexdigest()


def test_jsonl_line_over_limit_is_rejected_and_next_line_read(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "x" * 500})
    path = write(tmp_path / "a.ndjson", long_line + "\n" + json.dumps({"text": "short"}) + "\n")
    results = read(path, settings=Settings(max_input_bytes=200))
    assert [type(r) for r in results] == [Rejected, Document]
    too_big = results[0]
    assert isinstance(too_big, Rejected) and too_big.code == InputTooLarge.code
    assert too_big.sha256 == hashlib.sha256((long_line + "\n").encode()).hexdigest()


def test_jsonl_invalid_utf8_line_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    first, second = read(path)
    assert isinstance(first, Rejected) and first.code == UndecodableInput.code
    assert isinstance(second, Document) and second.text == "fine"


def test_jsonl_first_line_may_carry_a_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'\xef\xbb\xbf{"text": "with BOM"}\n')
    assert document(read(path)).text == "with BOM"


# --- CSV --------------------------------------------------------------------------------------


def test_csv_reads_good_rows_and_rejects_bad_ones(tmp_path: Path) -> None:
    source = (
        "ID,Text,Published,Publisher,extra\n"
        '1,"First row, with a comma.",2024-05-06,,ignored\n'
        "2,,,,\n"
        '3,"Multi\nline row.",not-a-date,,\n'
        "\n"
        "4,Fourth row.,2024-01-01,Row Publisher,,surplus\n"
        "5,Fifth row.,2024-01-02T10:00:00+02:00,Row Publisher\n"
    )
    path = write(tmp_path / "archive.csv", source)
    results = read(path, defaults=ReportMeta(publisher="Default"))
    summary = [(r.origin, r.code if isinstance(r, Rejected) else "ok") for r in results]
    assert summary == [
        (f"{path}:2", "ok"),
        (f"{path}:3", EmptyInput.code),
        (f"{path}:4", MalformedRecord.code),
        (f"{path}:7", MalformedRecord.code),
        (f"{path}:8", "ok"),
    ]
    first, fifth = (r for r in results if isinstance(r, Document))
    assert first.text == "First row, with a comma."
    assert first.meta == ReportMeta(publisher="Default", published=dt.date(2024, 5, 6), external_id="1")
    assert fifth.meta.publisher == "Row Publisher" and fifth.meta.published == dt.date(2024, 1, 2)


def test_csv_without_text_column_is_one_rejection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,body\n1,Some text\n2,More text\n")
    result = rejected(read(path), MalformedRecord)
    assert result.origin == str(path) and "'text'" in result.message


def test_csv_html_column_goes_through_html_reader(tmp_path: Path) -> None:
    page = "<html><body><article><p>Row page text.</p></article></body></html>"
    path = write(tmp_path / "a.csv", f'id,html\n1,"{page}"\n')
    assert document(read(path)).text == "Row page text."


def test_csv_in_windows_1252_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", f'id,text\n1,"{ENGLISH}"\n'.encode("cp1252"))
    assert document(read(path)).text == ENGLISH


def test_csv_binary_file_is_rejected(tmp_path: Path) -> None:
    rejected(read(write(tmp_path / "a.csv", b"id,text\n1,First.\n2,Bro\x00ken\n")), BinaryInput)


def test_csv_unparseable_row_rejects_the_rest_of_the_file(tmp_path: Path) -> None:
    # A field over the csv module's 128 KiB field limit, well after the encoding sample.
    source = 'id,text\n1,First.\n2,"' + "y" * 140_000 + '"\n3,Never read.\n'
    path = write(tmp_path / "a.csv", source)
    results = read(path)
    assert [type(r) for r in results] == [Document, Rejected]
    assert isinstance(results[1], Rejected) and results[1].code == MalformedRecord.code
    assert results[1].origin == f"{path}:3"


@pytest.mark.parametrize("source", [b"", b"  \n"])
def test_csv_empty_file_is_empty(tmp_path: Path, source: bytes) -> None:
    rejected(read(write(tmp_path / "a.csv", source)), EmptyInput)
