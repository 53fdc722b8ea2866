"""Quotations paired per paragraph, ranges balanced around them, and ranges trimmed."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.extract.spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTE_MARKS,
    STRAIGHT_QUOTE,
    Quote,
    Quotes,
    strip_final_period,
    trim,
)

# Text made of words, spaces, line breaks, clause punctuation and every quotation mark.
news_text = st.text(alphabet=st.sampled_from([*"ab .,;:-–—\n\t", *QUOTE_MARKS]), max_size=80)


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in Quotes(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “the port is shut” today.", ["“the port is shut”"]),
        ('He said "the port is shut" today.', ['"the port is shut"']),
        ("“One,” she said, “two.”", ["“One,”", "“two.”"]),
        ('"One," she said, "two."', ['"One,"', '"two."']),
        ("«Non,» dit-il.", ["«Non,»"]),
        ("„Nein” sagte er.", ["„Nein”"]),
        ("No quotes at all.", []),
        ("", []),
        ("''One,'' she said, ''two.''", ["''One,''", "''two.''"]),
        ("The port's ''shut'' sign", ["''shut''"]),
    ],
)
def test_spans_quotes_pair_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “the port", []),
        ("the port” she said", []),
        ('She said "the port', []),
        ("“first “second” third", ["“second”"]),
        ("closed” then “open”", ["“open”"]),
        ("“a” b” c", ["“a”"]),
        ('"a" b "c', ['"a"']),
    ],
)
def test_spans_quotes_ignore_unpaired_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “the port\nis shut” today.", []),
        ('He said "the port\nis shut" today.', []),
        ('"a\n"b" c"', ['"b"']),
        ("“one”\n“two”", ["“one”", "“two”"]),
        ("“one\n\ntwo” and “three”", ["“three”"]),
    ],
)
def test_spans_quotes_do_not_cross_paragraphs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_spans_quote_inner_excludes_the_marks() -> None:
    text = "He said “shut” today."
    (quote,) = Quotes(text).quotes
    assert quote == Quote(8, 14)
    assert text[slice(*quote.inner)] == "shut"


def test_spans_quote_inner_excludes_two_apostrophes() -> None:
    text = "He said ''shut'' today."
    (quote,) = Quotes(text).quotes
    assert (quote, text[slice(*quote.inner)]) == (Quote(8, 16, mark=2), "shut")


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, None),
        (7, None),
        (8, Quote(8, 14)),
        (10, Quote(8, 14)),
        (13, Quote(8, 14)),
        (14, None),
        (19, Quote(19, 25)),
        (24, Quote(19, 25)),
        (25, None),
        (100, None),
    ],
)
def test_spans_quotes_at_offset(offset: int, expected: Quote | None) -> None:
    text = "He said “shut” and “open”."
    assert text[8] == text[19] == "“"
    assert Quotes(text).at(offset) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 7, (0, 7)),  # touches no quotation
        (0, 10, (0, 14)),  # cuts the first quotation at its end
        (10, 17, (8, 17)),  # cuts it at its start
        (9, 12, (8, 14)),  # lies inside it
        (8, 14, (8, 14)),  # is exactly it
        (10, 21, (8, 25)),  # cuts both
        (14, 19, (14, 19)),  # lies between them
    ],
)
def test_spans_quotes_balance_never_cuts_a_quotation(start: int, end: int, expected: tuple[int, int]) -> None:
    assert Quotes("He said “shut” and “open”.").balance(start, end) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "share"),
    [
        ("He said “abc”", 0, 13, 5 / 11),
        ("“a b c”", 0, 7, 1.0),
        ("no quotes here", 0, 14, 0.0),
        ("He said “abc”", 0, 7, 0.0),
        ("He said “abc”", 10, 12, 1.0),  # inside the quotation
        ("He said “abc”", 3, 3, 0.0),  # empty range
        ("   ", 0, 3, 0.0),  # only spaces
    ],
)
def test_spans_quoted_share(text: str, start: int, end: int, share: float) -> None:
    assert Quotes(text).quoted_share(start, end) == pytest.approx(share)


@given(news_text)
def test_spans_quotes_are_well_formed(text: str) -> None:
    quotes = Quotes(text).quotes
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start] in OPEN_QUOTES + STRAIGHT_QUOTE or text.startswith("''", quote.start)
        assert text[quote.end - 1] in CLOSE_QUOTES + STRAIGHT_QUOTE or text[quote.end - 2 : quote.end] == "''"
        assert "\n" not in text[quote.start : quote.end]
    for before, after in pairwise(quotes):
        assert before.end <= after.start


@given(news_text, st.data())
def test_spans_quotes_at_finds_the_quotation_around_an_offset(text: str, data: st.DataObject) -> None:
    quotes = Quotes(text)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    around = [q for q in quotes.quotes if q.start <= offset < q.end]
    assert quotes.at(offset) == (around[0] if around else None)


@given(news_text, st.data())
def test_spans_quotes_balance_widens_to_whole_quotations(text: str, data: st.DataObject) -> None:
    quotes = Quotes(text)
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    lo, hi = quotes.balance(start, end)
    assert lo <= start <= end <= hi
    for quote in quotes.quotes:
        overlaps = quote.start < hi and lo < quote.end
        assert not overlaps or lo <= quote.start < quote.end <= hi


@given(news_text, st.data())
def test_spans_quoted_share_is_a_share(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    assert 0.0 <= Quotes(text).quoted_share(start, end) <= 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" , the port is shut; ", "the port is shut"),
        ("— the port — ", "the port"),
        ("“the port,”", "“the port,”"),  # quotation marks stay
        ("the port is shut.", "the port is shut."),  # so does a final period
        (" ,;: ", ""),
        ("", ""),
    ],
)
def test_spans_trim_drops_clause_punctuation(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the port is shut.", "the port is shut"),
        ("is the port shut?!", "is the port shut"),
        ("the port is shut ...", "the port is shut ..."),
        ("the port is shut, ", "the port is shut"),
        ("the port is shut.\n\n", "the port is shut"),
        ("the port is shut: \n", "the port is shut"),
        ("“the port is shut.”\n", "“the port is shut.”"),
    ],
)
def test_spans_strip_final_period(text: str, expected: str) -> None:
    start, end = strip_final_period(text, 0, len(text))
    assert text[start:end] == expected


@given(news_text)
def test_spans_strip_final_period_ends_on_a_word_or_a_quotation_mark(text: str) -> None:
    start, end = strip_final_period(text, 0, len(text))
    assert 0 <= start <= end <= len(text)
    if start < end:
        assert text[end - 1] not in " \t\n,;:–—-" and (
            text[end - 1] != "." or text[start:end].endswith("...")
        )


@given(news_text, st.data())
def test_spans_trim_never_grows_a_range(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    lo, hi = trim(text, start, end)
    assert start <= lo <= hi <= end
    assert trim(text, lo, hi) == (lo, hi)
    if lo < hi:
        assert text[lo] not in " \t\n,;:–—-"
        assert text[hi - 1] not in " \t\n,;:–—-"
