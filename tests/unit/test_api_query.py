"""The API's claim filter and source tally on hand-made claims."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.api.query import ClaimQuery, filter_claims, source_id, tally_sources
from claimledger.models import Attribution, Claim, Grade, Origin, SourceMention, Span, Statement


def claim(
    claim_id: str, summary: str, *, grade: str = "B2", seen: str = "2026-03-03", kind: str = "ministry"
) -> Claim:
    origin = Origin(f"named:{claim_id}", f"Ministry {claim_id}", kind, False, None, ("r1",))  # type: ignore[arg-type]
    statements = (
        Statement(f"{claim_id}-a", "r1", "assert", 1.0, "first", origin.key),
        Statement(f"{claim_id}-d", "r1", "deny", 1.0, "denial"),
    )
    day = dt.date.fromisoformat(seen)
    return Claim(
        claim_id,
        summary,
        statements,
        (origin,),
        (),
        Grade(grade[0], int(grade[1]), "why"),
        day,
        day,  # type: ignore[arg-type]
    )


CLAIMS = [
    claim("c1", "troops gathered at the border", grade="B2", seen="2026-03-03"),
    claim("c2", "the port is closed", grade="C3", seen="2026-03-05", kind="official"),
    claim("c3", "talks resume on Monday", grade="A1", seen="2026-03-04"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ClaimQuery(), ["c1", "c2", "c3"]),
        (ClaimQuery(entity="PORT"), ["c2"]),
        (ClaimQuery(entity="Ministry c3"), ["c3"]),
        (ClaimQuery(entity="tal"), []),
        (ClaimQuery(source_kind="official"), ["c2"]),
        (ClaimQuery(reliability="B"), ["c1"]),
        (ClaimQuery(credibility=1), ["c3"]),
        (ClaimQuery(date_from=dt.date(2026, 3, 4)), ["c2", "c3"]),
        (ClaimQuery(date_to=dt.date(2026, 3, 4)), ["c1", "c3"]),
        (ClaimQuery(text="GATHERED"), ["c1"]),
        (ClaimQuery(text="dockers"), ["c2"]),
        (ClaimQuery(sort="credibility"), ["c3", "c1", "c2"]),
        (ClaimQuery(sort="recency"), ["c2", "c3", "c1"]),
    ],
)
def test_api_query_filter_claims(query: ClaimQuery, expected: list[str]) -> None:
    contents = {"c2-a": "Dockers blocked the gates"}
    assert [c.id for c in filter_claims(CLAIMS, query, contents)] == expected


def test_api_query_tally_sources_counts_origins_and_deniers() -> None:
    denier = SourceMention(Span(0, 6, "Dravik"), "government", False, "Vessaria (government)")
    attributions = {
        f"{c.id}-d": Attribution(
            f"{c.id}-d",
            "r1",
            (denier,),
            Span(7, 11, "said"),
            Span(12, 20, "no troops"),
            False,
            "deny",
            "certain",
        )
        for c in CLAIMS[:2]
    }
    tallies = {t.canonical: t for t in tally_sources(CLAIMS, attributions)}
    assert tallies["Vessaria (government)"].denied == ["c1", "c2"]
    assert tallies["Vessaria (government)"].claims == []
    ministry = tallies["Ministry c1"]
    assert (ministry.claims, dict(ministry.grades)) == (["c1"], {"B2": 1})
    assert ministry.id == source_id("Ministry c1", "ministry") == source_id("Ministry c1", "ministry")
    assert len(ministry.id) == 16 and ministry.id != source_id("Ministry c1", "official")
