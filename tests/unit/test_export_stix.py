"""export/stix.py: a valid STIX 2.1 bundle with stable ids and the grade as confidence."""

from __future__ import annotations

import json
from typing import Any

import pytest
from export_values import HOSTILE, ledger
from stix2validator import ValidationOptions, validate_instance, validate_string

from claimledger.export import stix

JsonDict = dict[str, Any]


def exported(**options: bool) -> str:
    return "".join(stix.export(ledger(**options)))


def objects(text: str, object_type: str) -> list[JsonDict]:
    return [o for o in json.loads(text)["objects"] if o["type"] == object_type]


def warning_codes(results: Any) -> set[str]:
    return {str(w).split("{", 1)[1][:3] for w in results.warnings}


@pytest.mark.parametrize("override", [False, True])
def test_export_stix_validates(override: bool) -> None:
    text = exported(override=override)
    results = validate_string(text)
    assert results.is_valid, [str(e) for e in results.errors]
    assert results.errors == []
    # 103: our ids are UUIDv5 (stable), not the recommended v4; 302: a report's URL has no page hash.
    assert warning_codes(results) <= {"103", "302"}
    strict = validate_instance(json.loads(text), ValidationOptions(strict=True, disabled=["103", "302"]))
    assert strict.is_valid, [str(e) for e in strict.errors]


def test_export_stix_same_ledger_same_bundle() -> None:
    first, second = exported(), exported()
    assert first == second
    assert json.loads(first)["id"] == json.loads(second)["id"]
    assert stix.stix_id("note", "c1") == stix.stix_id("note", "c1") != stix.stix_id("note", "c2")


def test_export_stix_objects() -> None:
    text = exported()
    reports = {o["name"]: o for o in objects(text, "report")}
    assert set(reports) == {"Troops gather at the border", HOSTILE, "Undated bulletin"}
    assert reports["Troops gather at the border"]["published"] == "2026-03-03T00:00:00Z"
    assert reports["Undated bulletin"]["labels"] == ["published-date-unknown"]
    identities = {o["name"]: o for o in objects(text, "identity")}
    assert identities["Border Guard"]["identity_class"] == "organization"
    assert identities["an official"]["identity_class"] == "individual"
    assert identities["an official"]["description"] == "an anonymous source"
    assert identities["Ministry of Defence (Vessaria)"]["roles"] == ["ministry"]
    notes = {o["abstract"]: o for o in objects(text, "note")}
    troops = notes[f"about 2,000 soldiers have gathered {HOSTILE}"]
    assert "\nconflict (place): places (location): Kessel vs Dorva\n" in troops["content"]
    assert (
        "\nconflict (date): dates (began): began on February 20 vs began on February 28\n"
        in troops["content"]
    )
    refs = set(troops["object_refs"])
    assert {stix.stix_id("report", r) for r in ("r1", "r2")} <= refs
    assert identities["Border Guard"]["id"] in refs
    assert identities["an official"]["id"] in refs
    (opinion,) = objects(text, "opinion")
    assert opinion["opinion"] == "strongly-disagree"
    assert opinion["authors"] == ["Ministry of Defence (Vessaria)"]
    assert opinion["object_refs"] == [
        troops["id"],
        stix.stix_id("report", "r2"),
        identities["Ministry of Defence (Vessaria)"]["id"],
    ]


def test_export_stix_grade_as_confidence_and_labels() -> None:
    notes = {o["abstract"]: o for o in objects(exported(), "note")}
    troops = notes[f"about 2,000 soldiers have gathered {HOSTILE}"]
    assert troops["confidence"] == 74
    assert 'admiralty-scale:source-reliability="b"' in troops["labels"]
    assert 'admiralty-scale:information-credibility="2"' in troops["labels"]
    port = notes["the port is closed"]
    assert "confidence" not in port
    assert 'admiralty-scale:information-credibility="6"' in port["labels"]


def test_export_stix_override_changes_grade_and_modified_not_id() -> None:
    plain = objects(exported(), "note")[0]
    graded = objects(exported(override=True), "note")[0]
    assert graded["id"] == plain["id"]
    assert graded["confidence"] == 98
    assert plain["modified"] == "2026-03-04T00:00:00.000Z"
    assert graded["modified"] > plain["modified"]
