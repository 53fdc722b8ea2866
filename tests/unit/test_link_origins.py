"""Origins: chains, copies and credits resolve each statement; the same source relayed counts once."""

from __future__ import annotations

from dataclasses import replace

from link_values import attribution, by_id, report, source

from claimledger.link import build_claims
from claimledger.link.origins import claim_origins, reports_nested, resolve
from claimledger.models import Span
from claimledger.settings import Settings

MPA = "Meridian Press Agency"
OFFICIAL = "unnamed senior defence official from an Aldera Treaty Organisation member state"
CLAIM = "Vessaria has moved at least 5,000 troops to the border"


def test_link_origins_copies_add_no_origin() -> None:
    reports = by_id(report("wire", MPA), report("copy", "The Harbor Ledger", copy_of="wire"))
    statements = [
        attribution("a1", "wire", CLAIM, source(OFFICIAL, anonymous=True)),
        attribution("a2", "copy", CLAIM, source(OFFICIAL, anonymous=True)),
    ]
    origins, origin_of = claim_origins(statements, reports)
    assert len(origins) == 1
    assert origins[0].reports == ("wire", "copy")
    assert origins[0].via == MPA
    assert origin_of == {"a1": origins[0].key, "a2": origins[0].key}


def test_link_origins_anonymous_source_relayed_through_the_agency_is_one_origin() -> None:
    reports = by_id(report("wire", MPA), report("explainer", "The Lantern Post"), report("credited", "Daily"))
    reports["credited"] = report("credited", "Daily", credits=(MPA,))
    statements = [
        attribution("a1", "wire", CLAIM, source(OFFICIAL, anonymous=True)),
        attribution(
            "a2", "explainer", CLAIM, source(MPA, "news_outlet"), source("unnamed official", anonymous=True)
        ),
        attribution("a3", "credited", CLAIM, source("an official", anonymous=True)),
    ]
    origins, _ = claim_origins(statements, reports)
    assert [(o.key, o.canonical, o.anonymous) for o in origins] == [
        ("anonymous:meridian press agency:official", OFFICIAL, True)
    ]
    assert origins[0].reports == ("wire", "explainer", "credited")


def test_link_origins_same_detailed_anonymous_description_is_one_origin() -> None:
    reports = by_id(report("wire", MPA), report("other", "The Harbor Ledger"))
    statements = [
        attribution("a1", "wire", CLAIM, source(OFFICIAL, anonymous=True)),
        attribution("a2", "other", CLAIM, source(OFFICIAL + " who spoke last week", anonymous=True)),
    ]
    origins, _ = claim_origins(statements, reports)
    assert len(origins) == 1


def test_link_origins_short_anonymous_descriptions_in_different_outlets_stay_apart() -> None:
    reports = by_id(report("r1", "Northgate Tribune"), report("r2", "Vessaria Today"))
    statements = [
        attribution("a1", "r1", CLAIM, source("an official", anonymous=True)),
        attribution("a2", "r2", CLAIM, source("an official", anonymous=True)),
    ]
    origins, _ = claim_origins(statements, reports)
    assert [o.via for o in origins] == ["Northgate Tribune", "Vessaria Today"]


def test_link_origins_chain_end_is_the_origin() -> None:
    statement = attribution(
        "a1",
        "r1",
        CLAIM,
        source("Signal Desk", "news_outlet"),
        source("State Border Guard Service", "military"),
    )
    found = resolve(statement, by_id(report("r1", "Signal Desk")))
    assert (found.key, found.kind, found.anonymous) == ("named:state border guard service", "military", False)


def test_link_origins_outlet_relaying_its_own_reports_is_not_an_origin() -> None:
    reports = by_id(report("wire", MPA), report("explainer", "The Lantern Post"))
    statements = [
        attribution("a1", "wire", CLAIM, source(OFFICIAL, anonymous=True)),
        attribution("a2", "explainer", CLAIM, source(MPA, "news_outlet")),
    ]
    origins, origin_of = claim_origins(statements, reports)
    assert len(origins) == 1
    assert origin_of["a2"] == origins[0].key


def test_link_origins_statement_without_source_is_the_outlets_own() -> None:
    found = resolve(attribution("a1", "r1", CLAIM), by_id(report("r1", "The Lantern Post")))
    assert (found.key, found.canonical, found.kind) == (
        "outlet:lantern post",
        "The Lantern Post",
        "news_outlet",
    )


def test_link_origins_named_sources_are_independent() -> None:
    reports = by_id(report("r1"), report("r2"))
    statements = [
        attribution("a1", "r1", CLAIM, source("State Border Guard Service", "military")),
        attribution("a2", "r2", CLAIM, source("Skylark Orbital Imaging", "organisation")),
        attribution("a3", "r2", CLAIM, source("the State Border Guard Service", "military")),
    ]
    origins, _ = claim_origins(statements, reports)
    assert [o.key for o in origins] == ["named:state border guard service", "named:skylark orbital imaging"]
    assert origins[0].reports == ("r1", "r2")


def test_link_origins_possessive_determiner_is_not_part_of_the_name() -> None:
    reports = by_id(report("r1", "The Lantern Post"), report("r2", "Vessaria Today"))
    statements = [
        attribution("a1", "r1", CLAIM, source("Its Defence Ministry", "ministry")),
        attribution("a2", "r2", CLAIM, source("Defence Ministry", "ministry")),
    ]
    origins, _ = claim_origins(statements, reports)
    assert [o.key for o in origins] == ["named:defence ministry"]


def test_link_origins_statement_reporting_a_nested_one_has_its_origin() -> None:
    said = "the Directorate has told the government that "
    inner_text = "Vessaria may be preparing to move rocket artillery into the valley"
    people = source("people familiar with the matter", "unspecified", anonymous=True)
    outer = attribution("outer", "r1", said + inner_text, people)
    inner = attribution(
        "inner", "r1", inner_text, people, source("Intelligence Directorate", "intelligence_agency")
    )
    inner = replace(inner, content=Span(len(said), len(said) + len(inner_text), inner_text))
    origins, origin_of = claim_origins([outer, inner], by_id(report("r1", "The Orlenian Courier")))
    assert [o.key for o in origins] == ["named:intelligence directorate"]
    assert origin_of == {"outer": "named:intelligence directorate", "inner": "named:intelligence directorate"}


def test_link_origins_nested_statement_with_another_chain_keeps_its_own_origin() -> None:
    outer_text = "launchers are heading for the valley, where officials say thousands have gathered"
    inner_text = "thousands have gathered"
    outer = attribution("outer", "r1", outer_text, source("Intelligence Directorate", "intelligence_agency"))
    inner = attribution("inner", "r1", inner_text, source("Orlenia", "government"))
    start = outer_text.index(inner_text)
    inner = replace(inner, content=Span(start, start + len(inner_text), inner_text))
    origins, _ = claim_origins([outer, inner], by_id(report("r1")))
    assert len(origins) == 2


def test_link_origins_relative_clause_is_not_reported_speech() -> None:
    outer_text = "launchers are heading for the valley, where officials say thousands have gathered"
    inner_text = "thousands have gathered"
    directorate = source("Intelligence Directorate", "intelligence_agency")
    outer = attribution("outer", "r1", outer_text, directorate)
    inner = attribution("inner", "r1", inner_text, directorate, source("Orlenia", "government"))
    start = outer_text.index(inner_text)
    inner = replace(inner, content=Span(start, start + len(inner_text), inner_text))
    assert not reports_nested(outer, inner)
    origins, _ = claim_origins([outer, inner], by_id(report("r1")))
    assert [o.key for o in origins] == ["named:intelligence directorate", "named:orlenia"]


def test_link_origins_short_nested_phrase_is_not_reported_speech() -> None:
    outer_text = "they would press Vessaria to let outside monitors verify the withdrawal"
    officials = source("Orlenian officials", "official", anonymous=True)
    outer = attribution("outer", "r1", outer_text, officials)
    inner = attribution(
        "inner", "r1", "the withdrawal", officials, source("outside monitors", "organisation")
    )
    start = outer_text.index("the withdrawal")
    inner = replace(inner, content=Span(start, start + len("the withdrawal"), "the withdrawal"))
    assert not reports_nested(outer, inner)


def test_link_origins_a_statement_with_no_source_names_no_origin_beside_sourced_ones() -> None:
    text = "Vessarian armoured vehicles remain in the Tamrin Valley despite the announced withdrawal"
    reports = by_id(report("r1", "The Continental Review"), report("r2", "Vessaria Today", day=4))
    sourced = attribution("a1", "r1", text, source("Skylark Orbital Imaging", "organisation"))
    unsourced = attribution("a2", "r2", text)
    (claim,) = build_claims([sourced, unsourced], reports, settings=Settings())
    assert [o.canonical for o in claim.origins] == ["Skylark Orbital Imaging"]
    assert {s.attribution_id: s.origin for s in claim.statements}["a2"] is None
    (alone,) = build_claims([unsourced], reports, settings=Settings())
    assert [o.canonical for o in alone.origins] == ["Vessaria Today"]
