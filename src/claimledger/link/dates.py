"""Calendar dates a statement gives for what it reports: "the exercises began on February 20".

Only explicit dates are read: a day of a named month ("February 20", "20 February", "2026-02-20"), a
named month ("in February") or a span of days ("between February 28 and March 4"). Relative words
("on Saturday", "last week") are left out on purpose: which day they mean depends on when the
reporter wrote, and a misread weekday must not make a contradiction. A date without a year is taken
in the year that puts it nearest the report's publication. Each date keeps the word it dates ("began",
"arrived"), so only dates of the same happening are compared.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from claimledger.link.terms import STOP_WORDS, stem

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name: number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["Sept"] = 9
# Month names are matched as written in news copy, capitalised: "may" and "march" are also verbs.
_MONTH = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{0}>(?:19|20)\d\d))?"
_MONTH_DAY = (
    f"(?:{_MONTH.format('m{0}')}\\s+{_DAY.format('d{0}')}|{_DAY.format('e{0}')}\\s+{_MONTH.format('n{0}')})"
)
_ONE_DAY = _MONTH_DAY + _YEAR.format("y{0}")
_PATTERN = re.compile(
    r"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)"
    rf"|\b(?i:between|from)\s+(?P<span>{_ONE_DAY.format(1)}\s+(?i:and|to|until)\s+{_ONE_DAY.format(2)})\b"
    rf"|\b(?P<day>{_ONE_DAY.format(0)})\b"
    rf"|\b(?i:in)\s+(?P<month>{_MONTH.format('mm')}{_YEAR.format('my')})\b"
)
# Every date this module reads names a month or is ISO: a cheap test before the full pattern.
_MAYBE_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d-[01]\d-")
# Words that date nothing themselves; the dated word is the nearest other word before the date.
_SKIP = frozenset({"on", "since", "from", "between", "in", "as", "early", "late", "of", "around", "about"})
# Irregular forms the suffix stemmer cannot bring together.
_SAME_HAPPENING = {
    "began": "start",
    "begun": "start",
    "begin": "start",
    "start": "start",
    "commenc": "start",
    "finish": "end",
    "end": "end",
    "took": "take",
    "taken": "take",
    "left": "leave",
    "leav": "leave",
}
_WORD = re.compile(r"[A-Za-z’']+")
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class DateReading:
    """A date or span of days a statement gives, `[first, last]`, for the happening named by `event`."""

    text: str
    event: str
    first: dt.date
    last: dt.date


def dates_in(text: str, published: dt.date | None) -> list[DateReading]:
    """The explicit dates of `text`, with the word each dates; a date without year needs `published`."""
    found: list[DateReading] = []
    if _MAYBE_DATE.search(text) is None:
        return found
    for match in _PATTERN.finditer(text):
        days = _days(match, published)
        if days is None:
            continue
        event = _event_before(text[: match.start()])
        if event is None:
            continue
        written = " ".join(text[event[1] : match.end()].split())
        found.append(DateReading(written, event[0], *days))
    return found


def _days(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    groups = match.groupdict()
    if groups["iso"]:
        day = _date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
        return None if day is None else (day, day)
    if groups["span"]:
        first, last = _day(groups, "1", published), _day(groups, "2", published)
        if first is None or last is None or last < first:
            return None
        return first, last
    if groups["day"]:
        day = _day(groups, "0", published)
        return None if day is None else (day, day)
    month = _MONTHS[groups["mm"]]
    year = int(groups["my"]) if groups["my"] else _nearest_year(month, 15, published)
    if year is None:
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(groups: dict[str, str | None], which: str, published: dt.date | None) -> dt.date | None:
    name = groups[f"m{which}"] or groups[f"n{which}"]
    number = groups[f"d{which}"] or groups[f"e{which}"]
    if name is None or number is None:
        return None
    month, day = _MONTHS[name], int(number)
    written_year = groups[f"y{which}"]
    year = int(written_year) if written_year else _nearest_year(month, day, published)
    return None if year is None else _date(year, month, day)


def _nearest_year(month: int, day: int, published: dt.date | None) -> int | None:
    """The year that puts a month and day nearest the publication date ("February 20" in a March report)."""
    if published is None:
        return None
    years = [published.year - 1, published.year, published.year + 1]
    candidates = [(year, _date(year, month, min(day, 28))) for year in years]
    return min(candidates, key=lambda c: abs((c[1] or published) - published))[0]


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _event_before(text: str) -> tuple[str, int] | None:
    """The word a date dates, as a happening key and where it starts: the nearest verb or noun before it.

    Prepositions, articles and names are passed over ("entering the Tamrin Valley between ...").
    """
    words = list(_WORD.finditer(text))
    for match in reversed(words[-6:]):
        word = match.group()
        lowered = word.casefold()
        if lowered in _SKIP or lowered in _ARTICLES or word[0].isupper():
            continue
        if lowered in STOP_WORDS:
            return None
        key = stem(lowered)
        return _SAME_HAPPENING.get(key, _SAME_HAPPENING.get(lowered, key)), match.start()
    return None
