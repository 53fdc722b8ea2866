"""Analyst grades checked before they reach the store, the same way for the CLI and the API."""

from __future__ import annotations

import datetime as dt

from claimledger.errors import BadGrade
from claimledger.models import RELIABILITIES, GradeOverride, Reliability

_RELIABILITY: dict[str, Reliability] = {letter: letter for letter in RELIABILITIES}


def grade_override(
    claim_id: str,
    *,
    reliability: str,
    credibility: int,
    why: str,
    analyst: str,
    created_at: dt.datetime | None = None,
) -> GradeOverride:
    """An analyst's Admiralty grade of the claim with full id `claim_id`; raises BadGrade if it is not one."""
    letter = _RELIABILITY.get(reliability.strip().upper())
    if letter is None or not 1 <= credibility <= 6:
        raise BadGrade(
            f"grade {reliability}{credibility} is not an Admiralty grade; "
            "give reliability A to F and credibility 1 to 6"
        )
    if not why.strip():
        raise BadGrade("why is empty; say why, so the next analyst can check it")
    if not analyst.strip():
        raise BadGrade("analyst is empty; say who grades")
    return GradeOverride(
        claim_id=claim_id,
        reliability=letter,
        credibility=credibility,
        why=" ".join(why.split()),
        analyst=" ".join(analyst.split()),
        created_at=created_at or dt.datetime.now(dt.UTC),
    )
