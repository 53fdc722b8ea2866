"""export/graphml.py: the provenance graph parses, has the expected nodes and edges, escapes report text."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from export_values import HOSTILE, ledger

from claimledger.export import graphml

NS = {"g": graphml.GRAPHML_NS}


def parsed(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def data(element: ET.Element) -> dict[str, str]:
    return {d.attrib["key"]: d.text or "" for d in element.findall("g:data", NS)}


def test_export_graphml_nodes_and_edges() -> None:
    root = parsed("".join(graphml.export(ledger())))
    nodes = {n.attrib["id"]: data(n) for n in root.findall("g:graph/g:node", NS)}
    # 3 origins, 3 reports, 2 claims
    assert sorted(d["type"] for d in nodes.values()) == ["claim"] * 2 + ["origin"] * 3 + ["report"] * 3
    edges = [(e.attrib["source"], e.attrib["target"], data(e)) for e in root.findall("g:graph/g:edge", NS)]
    relays = [(s, t) for s, t, d in edges if d["relation"] == "relays"]
    assert relays == [
        ("origin:named:border guard", "report:r1"),
        ("origin:anonymous:gazette:official", "report:r2"),
        ("origin:named:port authority", "report:r3"),
    ]
    states = [(s, t, d["stance"], d["denial"]) for s, t, d in edges if d["relation"] == "states"]
    assert states == [
        ("report:r1", "claim:c1", "assert", "false"),
        ("report:r2", "claim:c1", "assert", "false"),
        ("report:r2", "claim:c1", "deny", "true"),
        ("report:r3", "claim:c2", "assert", "false"),
    ]
    assert nodes["claim:c1"]["grade"] == "B2"
    assert nodes["origin:anonymous:gazette:official"]["via"] == "Gazette"
    assert {key.attrib["id"] for key in root.findall("g:key", NS)} >= {"type", "relation", "denial"}


def test_export_graphml_escapes_hostile_text() -> None:
    text = "".join(graphml.export(ledger()))
    assert "<script>" not in text
    assert "<b>" not in text
    assert "&lt;script&gt;" in text
    assert "&amp; " in text
    root = parsed(text)
    assert root.find("g:graph/g:node/g:script", NS) is None
    labels = {data(n)["label"] for n in root.findall("g:graph/g:node", NS)}
    assert HOSTILE in labels
    assert f"about 2,000 soldiers have gathered {HOSTILE}" in labels


def test_export_graphml_control_characters_stay_well_formed() -> None:
    built = ledger()
    bad = built.reports["r1"]
    meta = dataclasses.replace(bad.meta, title="bell\x07 and nul\x00 <here>")
    reports = dict(built.reports) | {"r1": dataclasses.replace(bad, meta=meta)}
    root = parsed("".join(graphml.export(dataclasses.replace(built, reports=reports))))
    labels = {data(n)["label"] for n in root.findall("g:graph/g:node", NS)}
    assert "bell\ufffd and nul\ufffd <here>" in labels
