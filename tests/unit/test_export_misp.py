"""export/misp.py: a MISP event with the admiralty-scale taxonomy's tags per claim."""

from __future__ import annotations

import json
from typing import Any

from export_values import HOSTILE, ledger

from claimledger.export import misp


def exported(**options: bool) -> dict[str, Any]:
    event: dict[str, Any] = json.loads("".join(misp.export(ledger(**options))))["Event"]
    return event


def test_export_misp_claim_attributes_carry_taxonomy_tags() -> None:
    event = exported()
    troops, port = event["Attribute"]
    assert troops["value"] == f"about 2,000 soldiers have gathered {HOSTILE}"
    assert troops["type"] == "text"
    assert [t["name"] for t in troops["Tag"]] == [
        'admiralty-scale:source-reliability="b"',
        'admiralty-scale:information-credibility="2"',
        'claimledger:conflict="place"',
        'claimledger:conflict="date"',
    ]
    assert [t["name"] for t in port["Tag"]] == [
        'admiralty-scale:source-reliability="c"',
        'admiralty-scale:information-credibility="6"',
    ]
    assert "grade B2" in troops["comment"]


def test_export_misp_override_tags() -> None:
    names = [t["name"] for t in exported(override=True)["Attribute"][0]["Tag"]]
    assert names == [
        'admiralty-scale:source-reliability="a"',
        'admiralty-scale:information-credibility="1"',
        'claimledger:conflict="place"',
        'claimledger:conflict="date"',
    ]


def test_export_misp_report_objects_reference_claims() -> None:
    event = exported()
    assert event["date"] == "2026-03-04"
    assert event["published"] is False
    objects = {o["Attribute"][0]["value"]: o for o in event["Object"]}
    assert set(objects) == {"Troops gather at the border", HOSTILE, "Undated bulletin"}
    first = objects["Troops gather at the border"]
    assert first["name"] == "report"
    assert [(a["object_relation"], a["value"]) for a in first["Attribute"]][1] == (
        "link",
        "https://gazette.example/r1",
    )
    troops_uuid = event["Attribute"][0]["uuid"]
    assert first["ObjectReference"] == [{"referenced_uuid": troops_uuid, "relationship_type": "states"}]
    # r2 states the claim (a2) and denies it (a3): recorded once, as stating it.
    assert [r["relationship_type"] for r in objects[HOSTILE]["ObjectReference"]] == ["states"]


def test_export_misp_stable_uuids() -> None:
    assert exported() == exported()
    assert exported()["uuid"] == misp.misp_uuid("event:c1,c2")
