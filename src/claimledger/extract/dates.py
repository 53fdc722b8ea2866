"""When a statement was made: the date expression on its cue, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser
from spacy.tokens import Token

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:late\s+|early\s+)?(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
_RELATIVE_ADVERBS = frozenset({"earlier", "yesterday", "today", "recently", "previously", "later"})
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def date_expression(cue: Token) -> str | None:
    """The time expression attached to the cue verb ("Tuesday", "on Friday", "in a statement on Monday")."""
    for child in date_bearers(cue):
        if child.dep_ == "advmod" and child.lower_ in _RELATIVE_ADVERBS:
            return child.text
        for token in child.subtree:
            if token.ent_type_ in {"DATE", "TIME"}:
                text = _date_entity_text(token)
                before = token.doc[token.i - 1] if token.i > 0 else None
                if before is not None and before.lower_ == "on" and token.ent_iob_ == "B":
                    return f"on {text}"
                return text
    return None


def date_bearers(cue: Token) -> list[Token]:
    """The cue's children whose subtrees may hold its date: the only words `date_expression` reads."""
    return [child for child in cue.children if child.dep_ in _DATE_BEARING]


_DATE_BEARING = frozenset({"npadvmod", "tmod", "prep", "advmod"})


def _date_entity_text(token: Token) -> str:
    """The date or time entity around `token`, joined with an adjacent one ("Tuesday" + "morning")."""
    doc = token.doc
    ents = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    for index, ent in enumerate(ents):
        if ent.start <= token.i < ent.end:
            end = ent.end
            for following in ents[index + 1 :]:
                if following.start != end:
                    break
                end = following.end
            return doc[ent.start : end].text
    return token.text


def resolve(expression: str, published: dt.date | None) -> dt.date | None:
    """The calendar date `expression` names, read as a news report dated `published` would mean it."""
    if published is None:
        return _absolute(expression)
    return _resolve(expression.strip(), published)


@lru_cache(maxsize=4096)
def _resolve(expression: str, published: dt.date) -> dt.date | None:
    weekday = _BARE_WEEKDAY.match(expression)
    if weekday:
        # News style: a bare weekday is this week's, and the publication day itself when it matches;
        # dateparser would read "Tuesday" on a Tuesday as a week ago.
        back = (published.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        return published - dt.timedelta(days=back)
    base = dt.datetime.combine(published, dt.time(12))
    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed is not None else None


@lru_cache(maxsize=1024)
def _absolute(expression: str) -> dt.date | None:
    """Only a date that carries its own year can be resolved without a publication date."""
    if not _YEAR.search(expression):
        return None
    # A fixed base: a missing month or day is January or the 1st, not today's.
    settings = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None
