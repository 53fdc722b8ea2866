"""A MISP event as plain JSON: a `text` attribute per claim tagged with its `admiralty-scale` grade, and a
`report` object per news report that references the claims it states (or denies).

MISP objects cannot carry tags, so the grade sits on the claim's attribute. UUIDs are UUIDv5 of our ids,
so a re-export updates the same event in MISP rather than adding another. The objects name their template
(`report`) but carry no template uuid or version; MISP accepts them as they are.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from claimledger.export import admiralty
from claimledger.export.ledger import Ledger
from claimledger.models import Claim, Report
from claimledger.serialize import iso

# uuid5(NAMESPACE_URL, "urn:claimledger:misp"); fixed forever, or a re-export makes new MISP entries.
NAMESPACE = uuid.UUID("7e7dcfb6-237b-597e-8661-534aad3cd524")
# MISP's enumerations, as strings the way MISP writes them.
THREAT_LEVEL_UNDEFINED, ANALYSIS_COMPLETED, DISTRIBUTION_ORGANISATION, DISTRIBUTION_INHERIT = (
    "4",
    "2",
    "0",
    "5",
)

JsonDict = dict[str, Any]


def misp_uuid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def export(ledger: Ledger) -> Iterator[str]:
    """The event as indented JSON."""
    yield json.dumps(event(ledger), ensure_ascii=False, indent=2) + "\n"


def event(ledger: Ledger) -> JsonDict:
    """`{"Event": {...}}` with one attribute per claim and one object per report."""
    claim_ids = [claim.id for claim in ledger.claims]
    relations = _relations(ledger)
    dates = [d for claim in ledger.claims for d in (claim.first_seen, claim.last_seen) if d is not None]
    # MISP dates an event without a date by the day of import.
    date = {"date": iso(max(dates))} if dates else {}
    return {
        "Event": {
            "uuid": misp_uuid("event:" + ",".join(sorted(claim_ids))),
            "info": f"claimledger: {len(claim_ids)} claims from {len(ledger.reports)} reports",
            **date,
            "threat_level_id": THREAT_LEVEL_UNDEFINED,
            "analysis": ANALYSIS_COMPLETED,
            "distribution": DISTRIBUTION_ORGANISATION,
            "published": False,
            "Tag": [{"name": "claimledger"}],
            "Attribute": [_claim_attribute(claim) for claim in ledger.claims],
            "Object": [
                _report_object(report, relations.get(report.id, {})) for report in ledger.reports.values()
            ],
        }
    }


def _claim_attribute(claim: Claim) -> JsonDict:
    grade = claim.effective_grade
    return {
        "uuid": misp_uuid(f"claim:{claim.id}"),
        "type": "text",
        "category": "Other",
        "value": claim.summary,
        "comment": (
            f"claimledger claim {claim.id}, {claim.independent_origins} independent origins,"
            f" grade {admiralty.letters(grade)}: {grade.reason}"
        ),
        "to_ids": False,
        "distribution": DISTRIBUTION_INHERIT,
        "first_seen": iso(claim.first_seen),
        "last_seen": iso(claim.last_seen),
        "Tag": [{"name": name} for name in [*admiralty.tags(grade), *_conflict_tags(claim)]],
    }


def _conflict_tags(claim: Claim) -> list[str]:
    """One machine tag per kind of conflict in the claim: `claimledger:conflict="date"`."""
    return [f'claimledger:conflict="{kind}"' for kind in dict.fromkeys(c.kind for c in claim.conflicts)]


def _relations(ledger: Ledger) -> dict[str, dict[str, str]]:
    """Per report, per claim: `states`, or `denies` when every statement of it there is a denial."""
    relations: dict[str, dict[str, str]] = {}
    for claim in ledger.claims:
        for statement in claim.statements:
            of_report = relations.setdefault(statement.report_id, {})
            stated = of_report.get(claim.id) == "states" or statement.stance != "deny"
            of_report[claim.id] = "states" if stated else "denies"
    return relations


def _report_object(report: Report, by_claim: dict[str, str]) -> JsonDict:
    meta = report.meta
    attributes = [_object_attribute(report.id, "summary", "text", meta.title or report.origin)]
    if meta.url:
        attributes.append(_object_attribute(report.id, "link", "link", meta.url))
    published = " ".join(x for x in (meta.publisher, iso(meta.published)) if x)
    return {
        "uuid": misp_uuid(f"report:{report.id}"),
        "name": "report",
        "meta-category": "misc",
        "comment": f"claimledger report {report.id}" + (f", {published}" if published else ""),
        "distribution": DISTRIBUTION_INHERIT,
        "Attribute": attributes,
        "ObjectReference": [
            {"referenced_uuid": misp_uuid(f"claim:{claim_id}"), "relationship_type": relation}
            for claim_id, relation in by_claim.items()
        ],
    }


def _object_attribute(report_id: str, relation: str, attribute_type: str, value: str) -> JsonDict:
    return {
        "uuid": misp_uuid(f"report:{report_id}:{relation}"),
        "object_relation": relation,
        "type": attribute_type,
        "category": "Other" if attribute_type == "text" else "External analysis",
        "value": value,
        "to_ids": False,
    }
