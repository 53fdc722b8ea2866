"""The claim_search rows and the SQL that filters, sorts and pages claims by them (`Store.query_claims`).

The semantics are those of `claimledger.api.query.filter_claims`. `entity` (whole words, any case) is
narrowed by a substring match, then decided by SQLite's REGEXP (Python's `re`), or in Python on the rows
left where the database's regular expressions differ (PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, literal_column, select

from claimledger.models import Claim, GradeOverride
from claimledger.store.base import ClaimQuery
from claimledger.store.schema import ClaimSearchRow

# Separates the parts of the searched texts, so a match never spans two of them.
SEPARATOR = "\x1f"
# A row of `matches`: id, entity text, position, independent origins, reliability, recency, credibility.
Match = tuple[str, str, int, int, str, dt.date, int]


def search_values(
    claim: Claim, position: int, contents: Mapping[str, str], override: GradeOverride | None
) -> dict[str, Any]:
    """The claim_search row of `claim`; `contents` maps attribution ids to content text."""
    names = [claim.summary, *(origin.canonical for origin in claim.origins)]
    texts = [claim.summary, *(contents.get(s.attribution_id, "") for s in claim.statements)]
    return {
        "claim_id": claim.id,
        "position": position,
        "story_id": claim.story_id,
        "independent_origins": claim.independent_origins,
        "reliability": override.reliability if override else claim.grade.reliability,
        "credibility": override.credibility if override else claim.grade.credibility,
        "first_seen": claim.first_seen,
        "last_seen": claim.last_seen,
        "recency": claim.last_seen or dt.date.min,
        "origin_kinds": "|" + "".join(f"{origin.kind}|" for origin in claim.origins),
        "entity_text": SEPARATOR.join(names),
        "entity_key": SEPARATOR.join(names).lower(),
        "search_key": SEPARATOR.join(text.casefold() for text in texts),
    }


@dataclass(frozen=True, slots=True)
class Scope:
    """Which claims a query looks at, and whether the database can test entity's words (`regexp`).

    `regexp` is for SQLite, whose REGEXP SQLAlchemy runs with Python's `re`; elsewhere (PostgreSQL's regular
    expressions differ) the caller tests the words with `entity_matches`.
    """

    min_origins: int = 0
    story_id: str | None = None
    regexp: bool = False
    # SQLite: date ranges pre-select rowids off the covering index ix_claim_search_seen (see `seen_rowids`).
    sqlite: bool = False


def conditions(query: ClaimQuery, scope: Scope) -> list[ColumnElement[bool]]:
    """What claim_search rows must satisfy to match `query`; entity's word boundaries only with `regexp`."""
    min_origins, story_id = scope.min_origins, scope.story_id
    table = ClaimSearchRow
    found: list[ColumnElement[bool]] = []
    if min_origins > 0:
        # Only when asked: even a no-op bound would steer SQLite to the index and a lookup per row.
        found.append(table.independent_origins >= min_origins)
    if story_id is not None:
        found.append(table.story_id == story_id)
    if query.entity:
        found.append(table.entity_key.contains(query.entity.strip().lower(), autoescape=True))
        if scope.regexp:
            found.append(table.entity_text.regexp_match(f"(?i){words(query.entity)}"))
    if query.source_kind:
        found.append(table.origin_kinds.contains(f"|{query.source_kind}|", autoescape=True))
    if query.reliability:
        found.append(table.reliability == query.reliability)
    if query.credibility is not None:
        found.append(table.credibility == query.credibility)
    dates = seen_conditions(query, table.last_seen, table.first_seen)
    found.extend(dates)
    if dates and scope.sqlite:
        found.append(seen_rowids(query))
    if query.text:
        found.append(table.search_key.contains(query.text.casefold(), autoescape=True))
    return found


def seen_conditions(query: ClaimQuery, last_seen: Any, first_seen: Any) -> list[ColumnElement[bool]]:
    """The date-range conditions of `query` on these columns (of claim_search or an alias of it)."""
    found: list[ColumnElement[bool]] = []
    if query.date_from is not None:
        found.append(last_seen >= query.date_from)
    if query.date_to is not None:
        found.append(first_seen <= query.date_to)
    return found


def seen_rowids(query: ClaimQuery) -> ColumnElement[bool]:
    """SQLite: the rowid is among those whose dates match, found on a covering index (no row read).

    Redundant with the date conditions themselves, but SQLite's planner otherwise walks a one-column date
    index and reads every row in its (wide) range to test the other bound.
    """
    seen = ClaimSearchRow.__table__.alias("seen")
    rowids: Select[Any] = select(literal_column("seen.rowid")).where(
        *seen_conditions(query, seen.c.last_seen, seen.c.first_seen)
    )
    return literal_column("claim_search.rowid").in_(rowids)


def selective(query: ClaimQuery) -> bool:
    """Whether `query` filters by entity, text, kinds or dates: filters no sort index serves."""
    return bool(query.entity or query.text or query.source_kind or query.date_from or query.date_to)


def matches(query: ClaimQuery, scope: Scope) -> Select[*Match]:
    """Every match of `query`, unsorted, with what `sort_key` sorts by and the entity text."""
    table = ClaimSearchRow
    return select(
        table.claim_id,
        table.entity_text,
        table.position,
        table.independent_origins,
        table.reliability,
        table.recency,
        table.credibility,
    ).where(*conditions(query, scope))


def sort_key(query: ClaimQuery) -> Callable[[Row[*Match]], tuple[Any, ...]]:
    """The order of `sort_claims` on rows of `matches`: ties keep the ledger's order (position)."""
    if query.sort == "credibility":
        return lambda row: (row.credibility, row.reliability, row.position)
    if query.sort == "recency":
        return lambda row: (-row.recency.toordinal(), row.position)
    return lambda row: (-row.independent_origins, row.position)


def page(query: ClaimQuery, scope: Scope, *, limit: int, offset: int) -> Select[str]:
    """Ids of the page `[offset, offset + limit)` of the matches of `query`, read off a sort index."""
    found = select(ClaimSearchRow.claim_id).where(*conditions(query, scope))
    return found.order_by(*order(query)).limit(limit).offset(offset)


def counted_page(query: ClaimQuery, scope: Scope, *, limit: int, offset: int) -> Select[str, int]:
    """Ids of the page `[offset, offset + limit)` of the matches of `query`, each with how many match.

    One pass over the matches: the database counts them (a window over all of them) and sorts them itself,
    so no match but the page's leaves it. A page past the last match has no rows, so no count either.
    """
    table = ClaimSearchRow
    found = select(table.claim_id, func.count().over().label("total")).where(*conditions(query, scope))
    return found.order_by(*order(query)).limit(limit).offset(offset)


def order(query: ClaimQuery) -> list[Any]:
    """The ORDER BY of `sort_claims` on claim_search: ties keep the ledger's order (position)."""
    table = ClaimSearchRow
    keys: list[Any]
    if query.sort == "credibility":
        keys = [table.credibility, table.reliability]
    elif query.sort == "recency":
        keys = [table.recency.desc()]
    else:
        keys = [table.independent_origins.desc()]
    return [*keys, table.position]


def entity_matches(query: ClaimQuery, entity_text: str) -> bool:
    """Whether the summary or an origin's name (parts of `entity_text`) holds the entity as whole words."""
    if not query.entity:
        return True
    pattern = re.compile(words(query.entity), re.IGNORECASE)
    return any(pattern.search(part) for part in entity_text.split(SEPARATOR))


def words(phrase: str) -> str:
    """A regular expression of `phrase` as whole words (as `filter_claims` matches an entity)."""
    return rf"\b{re.escape(phrase.strip())}\b"
