"""Grades: Admiralty reliability from the best origin, credibility from corroboration and disputes."""

from __future__ import annotations

import pytest
from link_values import attribution, source

from claimledger.link.grade import grade_claim, reliability
from claimledger.models import Attribution, Certainty, Conflict, Origin, SourceKind

GUARDS = Origin("named:guards", "State Border Guard Service", "military", False, None, ("r1",))
OFFICIAL = Origin("anonymous:mpa:official", "an unnamed official", "official", True, "MPA", ("r2", "r3"))
EXPERT = Origin("named:wren", "Tobias Wren", "expert", False, None, ("r4",))
CLAIM = attribution("a1", "r1", "troops massed near Velka", source("guards", "military"))


def denial(attribution_id: str, who: str) -> Attribution:
    return attribution(attribution_id, "r9", "the reports", source(who, "ministry"), stance="deny")


@pytest.mark.parametrize(
    ("kind", "anonymous", "letter"),
    [
        ("military", False, "B"),
        ("official", True, "C"),
        ("expert", False, "C"),
        ("news_outlet", False, "C"),
        ("unspecified", False, "D"),
        ("unspecified", True, "E"),
        ("social_media", False, "E"),
    ],
)
def test_link_grade_reliability_by_kind_and_anonymity(kind: SourceKind, anonymous: bool, letter: str) -> None:
    assert reliability(Origin("k", "someone", kind, anonymous, None, ("r1",))) == letter


def test_link_grade_two_origins_undisputed_is_confirmed() -> None:
    grade = grade_claim([GUARDS, OFFICIAL], [CLAIM], [], [], [])
    assert (grade.reliability, grade.credibility) == ("B", 1)
    assert grade.reason == (
        "B: best source is State Border Guard Service, a named military; "
        "1: 2 independent origins, not disputed."
    )


def test_link_grade_two_origins_denied_and_contradicted_is_probably_true() -> None:
    conflict = Conflict("quantity", "troop", ("about 2,000 soldiers", "at least 5,000 troops"), ("a1", "a2"))
    grade = grade_claim([OFFICIAL, GUARDS], [CLAIM], [denial("d1", "Ministry of Defence")], [], [conflict])
    assert grade.credibility == 2
    assert "denied in 1 statement by Ministry of Defence" in grade.reason
    assert "conflicting troop numbers (about 2,000 soldiers vs at least 5,000 troops)" in grade.reason


def test_link_grade_single_anonymous_origin_is_possibly_true() -> None:
    grade = grade_claim([OFFICIAL], [CLAIM], [], [], [])
    assert (grade.reliability, grade.credibility) == ("C", 3)
    assert "an anonymous official" in grade.reason


@pytest.mark.parametrize(
    ("denials", "non_confirmations", "certainty", "credibility"),
    [
        (1, 0, "certain", 4),
        (0, 1, "certain", 4),
        (0, 0, "possible", 4),
        (2, 0, "certain", 5),
    ],
)
def test_link_grade_single_origin_disputed_or_hedged(
    denials: int, non_confirmations: int, certainty: Certainty, credibility: int
) -> None:
    claim = attribution("a1", "r1", "rockets may move", source("Wren", "expert"), certainty=certainty)
    deniers = [denial(f"d{i}", f"Ministry {i}") for i in range(denials)]
    unconfirmed = [
        attribution(f"n{i}", "r8", "the report", source("Council"), stance="no_confirmation")
        for i in range(non_confirmations)
    ]
    assert grade_claim([EXPERT], [claim], deniers, unconfirmed, []).credibility == credibility


def test_link_grade_no_origin_cannot_be_judged() -> None:
    grade = grade_claim([], [], [denial("d1", "Ministry")], [], [])
    assert (grade.reliability, grade.credibility) == ("F", 6)
    assert grade.reason.startswith("6/F: no source asserts this claim")
