"""The link stage: statements from many reports → claims with origins, denials, conflicts and grades.

It imports only models, errors and settings; `pipeline.link` reads the store and writes the claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimledger.link.conflicts import date_conflicts, place_conflicts, quantity_conflicts
from claimledger.link.coreference import ReportSources
from claimledger.link.grade import grade_claim
from claimledger.link.match import ClaimDraft, match_claims
from claimledger.link.origins import claim_origins
from claimledger.link.places import Gazetteer
from claimledger.link.stories import build_stories
from claimledger.models import Attribution, Claim, Conflict, Report, SourceKind, Statement
from claimledger.settings import Settings

__all__ = ["build_claims", "build_stories", "match_claims"]

# Stances that answer a claim rather than assert it; they never add an origin.
_RESPONSES = frozenset({"deny", "no_confirmation", "condemn", "concern"})


def build_claims(
    attributions: Sequence[Attribution],
    reports: Mapping[str, Report],
    *,
    settings: Settings,
    places: Mapping[str, str] | None = None,
    sources: Mapping[str, tuple[str, SourceKind]] | None = None,
) -> list[Claim]:
    """All claims of `attributions` (in reading order), most independent origins first.

    `places` maps the gazetteer's place names to their states: without it no place conflicts are found
    and no organs of one state are merged. `sources` maps its known sources' names to their canonical
    name and kind, to resolve "the company" or "satellite images released by ..." within a report.
    """
    context = _Context(
        reports,
        Gazetteer(places or {}),
        ReportSources(attributions, reports, sources or {}),
        frozenset((places or {}).values()),
    )
    drafts = match_claims(attributions, reports, settings=settings)
    claims = [_claim(draft, context) for draft in drafts]
    return sorted(claims, key=lambda c: (-c.independent_origins, -len(c.statements), _first(c), c.id))


def _first(claim: Claim) -> str:
    return claim.first_seen.isoformat() if claim.first_seen else "9999"


@dataclass(frozen=True, slots=True)
class _Context:
    """What every claim of one run is built with."""

    reports: Mapping[str, Report]
    gazetteer: Gazetteer
    sources: ReportSources
    states: frozenset[str]


def _conflicts(assertions: Sequence[Attribution], context: _Context) -> tuple[Conflict, ...]:
    """Numbers, dates and places of a claim's assertions that cannot all hold."""
    published: dict[str, dt.date | None] = {
        a.report_id: context.reports[a.report_id].meta.published
        for a in assertions
        if a.report_id in context.reports
    }
    return (
        quantity_conflicts(assertions)
        + date_conflicts(assertions, published)
        + place_conflicts(assertions, context.gazetteer)
    )


def _claim(draft: ClaimDraft, context: _Context) -> Claim:
    reports = context.reports
    members = [m.attribution for m in draft.members]
    assertions = [a for a in members if a.stance not in _RESPONSES]
    denials = [a for a in members if a.stance == "deny"]
    non_confirmations = [a for a in members if a.stance == "no_confirmation"]
    # A statement with no source at all ("which allegedly show ...") is an outlet passing on a claim
    # it does not place: beside attributed statements it names no origin of its own (guessing one
    # would mislead); alone, the outlet is all the ledger can name.
    placed = [a for a in assertions if a.chain] or assertions
    origins, origin_of = claim_origins(placed, reports, sources=context.sources, states=context.states)
    conflicts = _conflicts(assertions, context) if len(assertions) > 1 else ()
    statements = tuple(
        Statement(
            attribution_id=m.attribution.id,
            report_id=m.attribution.report_id,
            stance=m.attribution.stance,
            score=round(m.score, 3),
            reason=m.reason,
            origin=origin_of.get(m.attribution.id),
        )
        for m in draft.members
    )
    dates = sorted(
        d for d in (reports[a.report_id].meta.published for a in members if a.report_id in reports) if d
    )
    return Claim(
        id=draft.id,
        summary=draft.summary,
        statements=statements,
        origins=origins,
        conflicts=conflicts,
        grade=grade_claim(origins, assertions, denials, non_confirmations, conflicts),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
    )
