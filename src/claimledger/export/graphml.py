"""The provenance graph as GraphML: origins relay into reports, reports state (or deny) claims.

Nodes are `origin:<key>`, `report:<id>` and `claim:<id>`; an edge origin → report is `relays` (once per
pair, whatever the claim), an edge report → claim is one statement, `states` with its stance, and
`denial` true for a denial. Written with the stdlib's ElementTree, which escapes `<` and `&` in report
text; characters XML 1.0 cannot hold at all (most control characters) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from claimledger.export import admiralty
from claimledger.export.ledger import Ledger
from claimledger.models import Claim, Origin, Report
from claimledger.serialize import iso

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
# (id, for, attr.type); the id is also the attribute's name.
KEYS = (
    ("type", "node", "string"),
    ("label", "node", "string"),
    ("source_kind", "node", "string"),
    ("anonymous", "node", "boolean"),
    ("via", "node", "string"),
    ("publisher", "node", "string"),
    ("published", "node", "string"),
    ("url", "node", "string"),
    ("copy_of", "node", "string"),
    ("grade", "node", "string"),
    ("origins", "node", "int"),
    ("relation", "edge", "string"),
    ("stance", "edge", "string"),
    ("denial", "edge", "boolean"),
    ("attribution", "edge", "string"),
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Data = dict[str, str | int | bool | None]


def export(ledger: Ledger) -> Iterator[str]:
    """The graph as an indented GraphML document."""
    root = graph(ledger)
    ET.indent(root)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def graph(ledger: Ledger) -> ET.Element:
    """`<graphml>` with its keys and one directed graph: origins, then reports, then claims, then edges."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for key, domain, kind in KEYS:
        ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": key, "attr.type": kind})
    body = ET.SubElement(root, "graph", {"id": "claimledger", "edgedefault": "directed"})
    origins = {origin.key: origin for claim in ledger.claims for origin in claim.origins}
    for origin in origins.values():
        _add(body, "node", {"id": f"origin:{origin.key}"}, _origin_data(origin))
    for report in ledger.reports.values():
        _add(body, "node", {"id": f"report:{report.id}"}, _report_data(report))
    for claim in ledger.claims:
        _add(body, "node", {"id": f"claim:{claim.id}"}, _claim_data(claim))
    edges = 0
    relays = dict.fromkeys((o.key, r) for claim in ledger.claims for o in claim.origins for r in o.reports)
    for origin_key, report_id in relays:
        edges += 1
        ends = {"id": f"e{edges}", "source": f"origin:{origin_key}", "target": f"report:{report_id}"}
        _add(body, "edge", ends, {"relation": "relays"})
    for claim in ledger.claims:
        for statement in claim.statements:
            edges += 1
            ends = {
                "id": f"e{edges}",
                "source": f"report:{statement.report_id}",
                "target": f"claim:{claim.id}",
            }
            data: Data = {
                "relation": "states",
                "stance": statement.stance,
                "denial": statement.stance == "deny",
                "attribution": statement.attribution_id,
            }
            _add(body, "edge", ends, data)
    return root


def _origin_data(origin: Origin) -> Data:
    return {
        "type": "origin",
        "label": origin.canonical,
        "source_kind": origin.kind,
        "anonymous": origin.anonymous,
        "via": origin.via,
    }


def _report_data(report: Report) -> Data:
    meta = report.meta
    return {
        "type": "report",
        "label": meta.title or report.origin,
        "publisher": meta.publisher,
        "published": iso(meta.published),
        "url": meta.url,
        "copy_of": report.copy_of,
    }


def _claim_data(claim: Claim) -> Data:
    return {
        "type": "claim",
        "label": claim.summary,
        "grade": admiralty.letters(claim.effective_grade),
        "origins": claim.independent_origins,
    }


def _add(parent: ET.Element, tag: str, attributes: dict[str, str], data: Data) -> None:
    """A node or edge with its non-null data; ElementTree escapes the text and the attribute values."""
    element = ET.SubElement(parent, tag, {name: _xml_text(value) for name, value in attributes.items()})
    for key, value in data.items():
        if value is None:
            continue
        text = str(value).lower() if isinstance(value, bool) else str(value)
        ET.SubElement(element, "data", {"key": key}).text = _xml_text(text)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
