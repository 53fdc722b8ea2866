"""Cleaning: boilerplate recorded as spans (appeals, prompts, labels, links) and wire credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.ingest import CleanResult, clean
from claimledger.ingest.credits import agency_name, find_credits
from claimledger.models import Boilerplate, Credit, Document, ReportMeta

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
SEED = Path("/work/shared/seeds/000_8d2b9a04e7861566.txt")
NEWS = "The ministry said on Tuesday that the talks would resume next week in the capital."
NEWS_AFTER = "Officials declined to say who would lead the delegation when the talks resume."


def cleaned(text: str) -> CleanResult:
    return clean(Document(origin="test", text=text, meta=ReportMeta()))


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8").rstrip()


def spans(result: CleanResult) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in result.boilerplate]


@pytest.mark.skipif(not SEED.exists(), reason=f"the shared seed {SEED} is not on this machine")
def test_clean_seed_has_one_appeal_span_and_one_credit() -> None:
    text = SEED.read_text(encoding="utf-8")
    result = cleaned(text)
    assert result.text == text
    assert spans(result) == [(2365, 3399)]
    assert result.credits == (
        Credit("AFP contributed reporting.", 2338, 2364, "Agence France-Presse", "contributed"),
    )


def test_clean_own_appeal_fixture_marks_the_whole_appeal_and_the_related_link() -> None:
    text = fixture("appeal.txt")
    result = cleaned(text)
    appeal_start = text.index("A Message from The Harbour Ledger:")
    related_start = text.index("Read also:")
    related_end = text.index("\n", related_start)
    assert result.boilerplate == (
        Boilerplate(related_start, related_end, "related_links"),
        Boilerplate(appeal_start, len(text), "appeal"),
    )
    credit_line = "Additional reporting by Tomas Brill in Port Ellis"
    assert [(c.kind, c.agency, c.text) for c in result.credits] == [
        ("dateline", "Meridian Press Agency", "PORT ELLIS, March 12 (MPA) —"),
        ("additional_reporting", "Tomas Brill in Port Ellis", credit_line),
    ]
    assert all(
        not any(b.start < c.end and c.start < b.end for b in result.boilerplate) for c in result.credits
    )


def test_clean_news_that_mentions_support_and_subscribers_is_not_boilerplate() -> None:
    result = cleaned(fixture("news_mentions.txt"))
    assert result.boilerplate == ()
    assert [c.kind for c in result.credits] == ["dateline", "reporting_by"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia defended its support for North Korea's military cooperation on Tuesday.",
        "The union said its members would support the strike if talks failed.",
        "Netflix said it added nine million subscribers in the quarter.",
        "“We need your support,” the president told lawmakers, “and we thank our allies.”",
        "Donors pledged $2 billion at the conference, the organisers said.",
        "Support for the ceasefire proposal has grown among lawmakers.",
        "Read the statement in full on the ministry's website, officials said.",
        "Related developments were expected in the coming days, diplomats said.",
        "He said the newsletter had been sent to subscribers by mistake.",
        "Contributing: Ana Paz and Tom Lee",
        "Contributing to the shortage, officials said, was a cold spring.",
    ],
)
def test_clean_news_sentence_is_not_boilerplate(sentence: str) -> None:
    for text in (f"{NEWS}\n{sentence}\n{NEWS_AFTER}", f"{NEWS}\n{NEWS_AFTER}\n{sentence}"):
        assert cleaned(text).boilerplate == (), text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Remind me later.", "ui_label"),
        ("Share this article", "ui_label"),
        ("Read more", "ui_label"),
        ("Continue reading", "ui_label"),
        ("Click here to subscribe", "ui_label"),
        ("Follow us on Telegram", "ui_label"),
        ("Advertisement", "ui_label"),
        ("Sign up for our newsletter", "newsletter"),
        ("Get the morning briefing in your inbox: sign up here", "newsletter"),
        ("Related: Harbour pilots vote to join dock strike", "related_links"),
        ("Read also: Minister resigns over port deal", "related_links"),
        ("See also - Timeline of the strike", "related_links"),
    ],
)
def test_clean_prompt_and_label_lines_are_boilerplate(line: str, reason: str) -> None:
    text = f"{NEWS}\n{line}\n{NEWS_AFTER}"
    start = text.index(line)
    assert cleaned(text).boilerplate == (Boilerplate(start, start + len(line), reason),)


def test_clean_adjacent_boilerplate_lines_merge() -> None:
    text = f"{NEWS}\nShare this article\nRead more\n\nRelated: Another story\n{NEWS_AFTER}"
    start = text.index("Share")
    end = text.index("Another story") + len("Another story")
    assert cleaned(text).boilerplate == (Boilerplate(start, end, "ui_label+related_links"),)


def test_clean_mid_article_appeal_ends_at_the_next_news_paragraph() -> None:
    appeal = (
        "Support independent journalism\n"
        "Your donation keeps our reporters in the field. If you can, please donate today."
    )
    text = f"{NEWS}\n{appeal}\n{NEWS_AFTER}"
    start = text.index("Support")
    assert cleaned(text).boilerplate == (Boilerplate(start, start + len(appeal), "appeal"),)


@pytest.mark.parametrize(
    "header",
    [
        "A Message from The Harbour Ledger:",
        "Dear readers,",
        "Please consider donating today",
        "Before you go",
    ],
)
def test_clean_appeal_header_closing_the_report_is_boilerplate(header: str) -> None:
    text = f"{NEWS}\n{NEWS_AFTER}\n{header}"
    start = text.index(header)
    assert spans(cleaned(text)) == [(start, len(text))]


def test_clean_headline_like_header_in_the_middle_is_news() -> None:
    text = f"Support Grows For Harbour Deal\n{NEWS}\n{NEWS_AFTER}"
    assert cleaned(text).boilerplate == ()


def test_clean_one_line_report_with_trailing_appeal_is_not_all_boilerplate() -> None:
    body = " ".join([NEWS, NEWS_AFTER] * 10)
    text = f"{body} Please support us with a monthly donation; thank you for reading."
    assert cleaned(text).boilerplate == ()


def test_clean_keeps_text_unchanged() -> None:
    text = fixture("appeal.txt")
    assert cleaned(text).text is text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "AFP contributed reporting.",
            [("contributed", "Agence France-Presse", "AFP contributed reporting.")],
        ),
        (
            "It ended. The Associated Press contributed to this report.",
            [("contributed", "Associated Press", "The Associated Press contributed to this report.")],
        ),
        (
            "Reuters and dpa contributed reporting.",
            [
                ("contributed", "Reuters", "Reuters and dpa contributed reporting."),
                ("contributed", "Deutsche Presse-Agentur", "Reuters and dpa contributed reporting."),
            ],
        ),
        (
            "Ana Paz contributed reporting from Kyiv.",
            [("contributed", "Ana Paz", "Ana Paz contributed reporting from Kyiv.")],
        ),
        (
            "Reporting by Tom Lee in Kyiv; Additional reporting by Ana Paz; Editing by Bo Li",
            [
                ("reporting_by", "Tom Lee in Kyiv", "Reporting by Tom Lee in Kyiv"),
                ("additional_reporting", "Ana Paz", "Additional reporting by Ana Paz"),
            ],
        ),
        (
            "Talks ended. (Reporting by Ana Paz; Editing by Bo Li)",
            [("reporting_by", "Ana Paz", "Reporting by Ana Paz")],
        ),
        (
            "KYIV, Oct 22 (MPA) — Troops moved.",
            [("dateline", "Meridian Press Agency", "KYIV, Oct 22 (MPA) —")],
        ),
        ("WASHINGTON (AP) — Officials said.", [("dateline", "Associated Press", "WASHINGTON (AP) —")]),
        (
            "SEOUL, South Korea (Yonhap) -- Talks.",
            [("dateline", "Yonhap News Agency", "SEOUL, South Korea (Yonhap) --")],
        ),
        (
            "LONDON, March 5 (Reuters) - Prices rose.",
            [("dateline", "Reuters", "LONDON, March 5 (Reuters) -")],
        ),
        ("Reporting by the BBC showed the plan had leaked.", []),
        ("The strikes contributed to the report of damage.", []),
        ("President Lee (D) - said the vote would pass.", []),
        ("Officials in KYIV (MPA) — no, not at a paragraph start.", []),
    ],
)
def test_credits_found_with_kind_agency_and_text(text: str, expected: list[tuple[str, str, str]]) -> None:
    credits = find_credits(text)
    assert [(c.kind, c.agency, c.text) for c in credits] == expected
    assert all(text[c.start : c.end] == c.text for c in credits)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("AFP", "Agence France-Presse"),
        ("afp", "Agence France-Presse"),
        ("The Associated Press", "Associated Press"),
        ("MPA", "Meridian Press Agency"),
        ("Yonhap", "Yonhap News Agency"),
        ("Harbour Wire", "Harbour Wire"),
    ],
)
def test_credits_agency_names_are_normalised(written: str, canonical: str) -> None:
    assert agency_name(written) == canonical
