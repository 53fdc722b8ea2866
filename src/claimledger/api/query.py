"""Claim filters and source records in Python: the reference semantics of `Store.query_claims`.

`GET /api/claims` filters in SQL (`Store.query_claims`); `filter_claims` stays as the plain statement of what
each filter means, used by the web pages and pinned against the SQL query by tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from claimledger.models import Attribution, Claim, SourceKind, SourceMention
from claimledger.store.base import ClaimQuery, ClaimSort

__all__ = [
    "ClaimQuery",
    "ClaimSort",
    "SourceTally",
    "filter_claims",
    "sort_claims",
    "source_id",
    "tally_sources",
]


def grade_parts(grade: str | None) -> tuple[str | None, int | None]:
    """The reliability letter and credibility digit of a grade filter: "B2", "B" or "2"."""
    text = grade or ""
    letter = next((c.upper() for c in text if c.isalpha()), None)
    digit = next((int(c) for c in text if c.isdigit()), None)
    return letter, digit


def filter_claims(
    claims: Iterable[Claim], query: ClaimQuery, contents: Mapping[str, str] | None = None
) -> list[Claim]:
    """The claims that match `query`, sorted; `contents` maps attribution ids to content text (for `text`)."""
    tests: list[Callable[[Claim], bool]] = []
    if query.entity:
        pattern = _words(query.entity)
        tests.append(
            lambda c: bool(pattern.search(c.summary)) or any(pattern.search(o.canonical) for o in c.origins)
        )
    if query.source_kind:
        tests.append(lambda c: any(o.kind == query.source_kind for o in c.origins))
    if query.reliability:
        tests.append(lambda c: c.effective_grade.reliability == query.reliability)
    if query.credibility is not None:
        tests.append(lambda c: c.effective_grade.credibility == query.credibility)
    if query.date_from is not None:
        date_from = query.date_from
        tests.append(lambda c: c.last_seen is not None and c.last_seen >= date_from)
    if query.date_to is not None:
        date_to = query.date_to
        tests.append(lambda c: c.first_seen is not None and c.first_seen <= date_to)
    if query.text:
        needle = query.text.casefold()
        found = contents or {}
        tests.append(
            lambda c: (
                needle in c.summary.casefold()
                or any(needle in found.get(s.attribution_id, "").casefold() for s in c.statements)
            )
        )
    matched = [claim for claim in claims if all(test(claim) for test in tests)]
    return sort_claims(matched, query.sort)


def sort_claims(claims: list[Claim], sort: ClaimSort) -> list[Claim]:
    """Best grade first (credibility, then reliability), most origins first, or latest seen first."""
    if sort == "credibility":
        return sorted(claims, key=lambda c: (c.effective_grade.credibility, c.effective_grade.reliability))
    if sort == "recency":
        return sorted(claims, key=lambda c: c.last_seen or dt.date.min, reverse=True)
    return sorted(claims, key=lambda c: -c.independent_origins)


def _words(phrase: str) -> re.Pattern[str]:
    """`phrase` as whole words, case-insensitive."""
    return re.compile(rf"\b{re.escape(phrase.strip())}\b", re.IGNORECASE)


def source_id(canonical: str, kind: str) -> str:
    """A source's stable id: the first 16 hex digits of sha256 of `<kind>:<canonical>`."""
    return hashlib.sha256(f"{kind}:{canonical}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class SourceTally:
    """What one source did across claims: what it asserted (as an origin), what it denied, their grades."""

    id: str
    canonical: str
    kind: SourceKind
    claims: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    grades: Counter[str] = field(default_factory=Counter)


def tally_sources(claims: Iterable[Claim], attributions: Mapping[str, Attribution]) -> list[SourceTally]:
    """Sources of `claims`, most claims asserted first: origins, and the origins of denying attributions."""
    tallies: dict[str, SourceTally] = {}

    def tally(canonical: str, kind: SourceKind) -> SourceTally:
        key = source_id(canonical, kind)
        return tallies.setdefault(key, SourceTally(key, canonical, kind))

    for claim in claims:
        grade = claim.effective_grade
        for origin in claim.origins:
            found = tally(origin.canonical, origin.kind)
            if claim.id not in found.claims:
                found.claims.append(claim.id)
                found.grades[f"{grade.reliability}{grade.credibility}"] += 1
        for statement in claim.denials:
            attribution = attributions.get(statement.attribution_id)
            mention = None if attribution is None else attribution.origin
            if mention is not None:
                found = tally(_name(mention), mention.kind)
                if claim.id not in found.denied:
                    found.denied.append(claim.id)
    return sorted(tallies.values(), key=lambda t: (-len(t.claims), -len(t.denied), t.canonical))


def _name(mention: SourceMention) -> str:
    """A denier's name: its canonical name, else the words that name it, else its kind."""
    if mention.canonical:
        return mention.canonical
    return mention.span.text if mention.span is not None else mention.kind
