"""GET /api/sources and /api/sources/{source_id}: who asserted and who denied what, with grades.

A source's id is the first 16 hex digits of sha256 of `<kind>:<canonical>` (see `query.source_id`), so it is
stable across runs of `link` as long as the source keeps its canonical name and kind.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from claimledger.api.deps import StoreDep
from claimledger.api.paging import Limit, Offset, page
from claimledger.api.query import SourceTally, tally_sources
from claimledger.api.schemas import Page, SourcePublic, SourceRecord
from claimledger.errors import NotFound
from claimledger.store import SqlStore

router = APIRouter(tags=["sources"])


@router.get("/sources", response_model=Page[SourcePublic])
def list_sources(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Origins and deniers across all claims, most claims asserted first."""
    return page(_tallies(store), _summary, limit=limit, offset=offset)


@router.get("/sources/{source_id}", response_model=SourceRecord)
def get_source(store: StoreDep, source_id: str) -> dict[str, Any]:
    """One source's record: the claims it asserts, those it denies, and their grades."""
    for tally in _tallies(store):
        if tally.id == source_id.strip().lower():
            return _summary(tally) | {"claims": tally.claims, "denied": tally.denied}
    raise NotFound(f"no source with id {source_id!r}; GET /api/sources lists them")


def _tallies(store: SqlStore) -> list[SourceTally]:
    attributions = {a.id: a for a in store.attributions()}
    return tally_sources(store.claims(), attributions)


def _summary(tally: SourceTally) -> dict[str, Any]:
    return {
        "id": tally.id,
        "canonical": tally.canonical,
        "kind": tally.kind,
        "claims_asserted": len(tally.claims),
        "denials_made": len(tally.denied),
        "grades": dict(sorted(tally.grades.items())),
    }
