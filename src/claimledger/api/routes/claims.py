"""GET /api/claims (filtered, sorted, paged), GET /api/claims/{claim_id}, POST .../{claim_id}/grade."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from claimledger.api.deps import StoreDep
from claimledger.api.paging import Limit, Offset
from claimledger.api.query import ClaimQuery, ClaimSort, grade_parts
from claimledger.api.schemas import ClaimPublic, GradeIn, Page
from claimledger.models import SourceKind
from claimledger.overrides import grade_override
from claimledger.serialize import claim_to_dict

router = APIRouter(tags=["claims"])


@router.get("/claims", response_model=Page[ClaimPublic])
def list_claims(
    store: StoreDep,
    story: Annotated[str | None, Query(description="Only claims of this story (id or prefix).")] = None,
    entity: Annotated[
        str | None,
        Query(min_length=1, description="A source's canonical name or words of the summary (whole words)."),
    ] = None,
    source_kind: Annotated[
        SourceKind | None, Query(description="Only claims with an origin of this kind.")
    ] = None,
    grade: Annotated[
        str | None,
        Query(
            pattern=r"^(?:[A-Fa-f][1-6]?|[1-6])$",
            description="Effective grade: reliability letter, credibility digit, or both (`B`, `2`, `B2`).",
        ),
    ] = None,
    min_origins: Annotated[int, Query(ge=0, description="At least this many independent origins.")] = 0,
    date_from: Annotated[dt.date | None, Query(description="Last seen on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[dt.date | None, Query(description="First seen on or before (YYYY-MM-DD).")] = None,
    q: Annotated[
        str | None, Query(min_length=1, description="Text in the summary or a statement (any case).")
    ] = None,
    sort: Annotated[
        ClaimSort, Query(description="origins (most first), credibility (best first), recency.")
    ] = "origins",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims that match every filter given, with their effective grades."""
    story_id = None if story is None else store.story(story).id
    letter, digit = grade_parts(grade)
    query = ClaimQuery(
        entity=entity,
        source_kind=source_kind,
        reliability=letter,
        credibility=digit,
        date_from=date_from,
        date_to=date_to,
        text=q,
        sort=sort,
    )
    shown, total = store.query_claims(
        query, min_origins=min_origins, story_id=story_id, limit=limit, offset=offset
    )
    return {"items": [claim_to_dict(c) for c in shown], "total": total, "limit": limit, "offset": offset}


@router.get("/claims/{claim_id}", response_model=ClaimPublic)
def get_claim(store: StoreDep, claim_id: str) -> dict[str, Any]:
    """One claim (id or unique prefix of 4+ characters): statements, origins, denials, conflicts, grade."""
    return claim_to_dict(store.claim(claim_id))


@router.post("/claims/{claim_id}/grade", response_model=ClaimPublic)
def grade_claim(store: StoreDep, claim_id: str, body: GradeIn) -> dict[str, Any]:
    """Grade a claim as an analyst; stored as its own row, it wins over the computed grade."""
    found = store.claim(claim_id)
    override = grade_override(
        found.id,
        reliability=body.reliability,
        credibility=body.credibility,
        why=body.why,
        analyst=body.analyst,
    )
    store.add_override(override)
    return claim_to_dict(store.claim(found.id))
