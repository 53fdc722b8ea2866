"""Origins that name no state, placed by the claim's other statements ("Its Defence Ministry", Senn)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from link_values import attribution, by_id, report, source

from claimledger.link.affiliation import _spokesperson_of, affiliations
from claimledger.link.origins import claim_origins, resolve
from claimledger.models import Attribution, Report, SourceKind

STATES = frozenset({"Vessaria", "Orlenia"})
TEXT = "“No build-up,” ministry spokesperson Colonel Radek Senn said. Senn said the drills would end."


def _reports() -> dict[str, Report]:
    return by_id(replace(report("r1", "Vessaria Today"), text=TEXT), report("r2", "The Lantern Post"))


def _placed(*statements: Attribution) -> dict[str, tuple[str, str]]:
    reports = _reports()
    resolved = {a.id: resolve(a, reports) for a in statements}
    return affiliations(statements, resolved, reports, STATES)


def _said(attribution_id: str, name: str, kind: SourceKind, report_id: str = "r2") -> Attribution:
    return attribution(attribution_id, report_id, "the drills are routine", source(name, kind))


def test_link_affiliation_organ_without_state_joins_the_one_placed_organ_of_its_name() -> None:
    found = _placed(
        _said("a1", "Ministry of Defence (Vessaria)", "ministry"),
        _said("a2", "Its Defence Ministry", "ministry"),
    )
    assert found["a2"][0] == "Vessaria"
    assert "a1" not in found  # its name says its state already


def test_link_affiliation_two_states_with_such_an_organ_place_nothing() -> None:
    found = _placed(
        _said("a1", "Ministry of Defence (Vessaria)", "ministry"),
        _said("a2", "Ministry of Defence (Orlenia)", "ministry"),
        _said("a3", "the Defence Ministry", "ministry"),
    )
    assert "a3" not in found


def test_link_affiliation_spokesperson_speaks_for_the_placed_organ() -> None:
    found = _placed(
        _said("a1", "Ministry of Defence (Vessaria)", "ministry"),
        _said("a2", "Radek Senn", "military", report_id="r1"),
    )
    state, why = found["a2"]
    assert state == "Vessaria"
    assert "ministry spokesperson" in why


def test_link_affiliation_a_person_never_called_a_spokesperson_stays_independent() -> None:
    found = _placed(
        _said("a1", "Ministry of Defence (Vessaria)", "ministry"),
        _said("a2", "Maren Holtby", "official", report_id="r1"),
    )
    assert "a2" not in found


def test_link_affiliation_merges_them_into_one_origin() -> None:
    statements = [
        _said("a1", "Ministry of Defence (Vessaria)", "ministry"),
        _said("a2", "Its Defence Ministry", "ministry"),
        _said("a3", "Radek Senn", "military", report_id="r1"),
    ]
    origins, _ = claim_origins(statements, _reports(), states=STATES)
    assert [o.canonical for o in origins] == ["Ministry of Defence (Vessaria)"]


@pytest.mark.parametrize(
    ("text", "organ"),
    [
        ("ministry spokesperson Colonel Radek Senn said", "ministry"),
        ("Colonel Radek Senn, the ministry spokesperson, said", "ministry"),
        ("Army spokesman Radek Senn said", "army"),
        ("Radek Senn said", None),
        ("a ministry spokesperson said, and Radek Senn added", None),
    ],
)
def test_link_affiliation_reads_a_spokesperson_in_either_order(text: str, organ: str | None) -> None:
    assert _spokesperson_of("Radek Senn", text) == organ


@given(st.text(max_size=200))
def test_link_affiliation_spokesperson_reader_takes_any_text(text: str) -> None:
    found = _spokesperson_of("Radek Senn", text)
    assert found is None or found == found.casefold()
