"""Stance as the link stage reads it: a neutral cue whose content says "could not verify" answers a claim."""

from __future__ import annotations

import pytest
from link_values import attribution, source

from claimledger.link.stance import read_stance

ENVOY = source("Council of Nations special envoy", "organisation")


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (
            "his office had been unable to verify reports of a large troop deployment",
            "had been unable to verify",
        ),
        ("the Council has not confirmed the size or location of the forces", "has not confirmed"),
        ("his office still could not verify the competing troop estimates", "could not verify"),
        ("the ministry cannot independently confirm the figures", "cannot independently confirm"),
    ],
)
def test_link_stance_not_verified_content_is_a_non_confirmation(content: str, phrase: str) -> None:
    read, note = read_stance(attribution("a1", "r1", content, ENVOY))
    assert read.stance == "no_confirmation"
    assert note == f"read as not confirmed: the statement says “{phrase}”"
    assert read.id == "a1" and read.content.text == content


@pytest.mark.parametrize(
    "content",
    [
        "5,000 troops had moved into the valley overnight, a build-up that the Council has not confirmed",
        "the images could not establish how many soldiers were present",
        "about 2,000 soldiers are in the area",
    ],
)
def test_link_stance_assertions_stay_assertions(content: str) -> None:
    statement = attribution("a1", "r1", content, ENVOY)
    assert read_stance(statement) == (statement, None)


def test_link_stance_only_neutral_cues_are_read_again() -> None:
    denial = attribution("d1", "r1", "reports it has not confirmed", ENVOY, stance="deny")
    assert read_stance(denial) == (denial, None)


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (
            "“What we are seeing is not consistent with the routine drills that have been described to us,”",
            "is not consistent with",
        ),
        ("the activity did not look like routine drills", "did not look like"),
        ("the camps aren't compatible with a short exercise", "aren't compatible with"),
        ("the build-up doesn’t look like training", "doesn’t look like"),
    ],
)
def test_link_stance_content_disputing_an_account_is_a_denial(content: str, phrase: str) -> None:
    read, note = read_stance(attribution("a1", "r1", content, source("Maren Holtby")))
    assert read.stance == "deny"
    assert note == f"read as disputing: the statement says “{phrase}”"


@pytest.mark.parametrize(
    "content",
    [
        "“The layout is consistent with a force of several thousand troops settling in for weeks,”",
        "the convoys moved into the valley overnight in long columns, which does not look like a pattern "
        "announced before by the ministry",
    ],
    ids=["consistent", "late-in-content"],
)
def test_link_stance_agreeing_or_late_comparisons_stay_assertions(content: str) -> None:
    statement = attribution("a1", "r1", content, source("Tobias Wren", "expert"))
    assert read_stance(statement) == (statement, None)
