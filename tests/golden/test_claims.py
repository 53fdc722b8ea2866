"""Claims linked from our example reports, against examples/STORYLINE.md and `claims.golden.jsonl`.

Run `pytest tests/golden --update-golden` to rewrite the golden file after a deliberate change, then
review the diff. The named tests pin what the storyline promises of claim C1 (troops massing near Velka)
and what v1 of the link stage gives for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.extract import Extractor
from claimledger.models import Attribution, Claim, Report, Statement
from claimledger.pipeline import LinkSummary, ingest, link
from claimledger.serialize import claim_to_dict
from claimledger.settings import Settings
from claimledger.store import SqlStore, open_store

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("claims.golden.jsonl")
MPA = "Meridian Press Agency"
ANONYMOUS_OFFICIAL = "anonymous:meridian press agency:official"
BORDER_GUARDS = "named:state border guard service (orlenia)"
SKYLARK = "named:skylark orbital imaging"


class Linked:
    def __init__(self, store: SqlStore, summary: LinkSummary) -> None:
        self.store = store
        self.summary = summary
        self.claims = list(store.claims())
        self.reports = list(store.reports())
        self.attributions = {a.id: a for a in store.attributions()}

    def report(self, file_prefix: str) -> Report:
        (found,) = [r for r in self.reports if Path(r.origin.split(":")[0]).name.startswith(file_prefix)]
        return found

    def claim_of(self, attribution: Attribution) -> Claim:
        (found,) = [c for c in self.claims if attribution.id in {s.attribution_id for s in c.statements}]
        return found

    def statement(self, file_prefix: str, content_start: str) -> Attribution:
        report = self.report(file_prefix)
        (found,) = [
            a
            for a in self.attributions.values()
            if a.report_id == report.id and a.content.text.startswith(content_start)
        ]
        return found

    def troops(self) -> Claim:
        return self.claim_of(self.statement("2026-03-03_mpa", "Vessaria has moved at least 5,000 troops"))


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Linked]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        settings = Settings(
            db_url=f"sqlite:///{tmp_path_factory.mktemp('claims') / 'claims.db'}",
            gazetteer_path=Path("examples/gazetteer.json"),
        )
        store = open_store(settings)
        ingest(["examples/reports"], store=store, settings=settings, extractor=Extractor(settings))
        yield Linked(store, link(store, settings))
        store.close()


def test_claims_match_golden(linked: Linked, request: pytest.FixtureRequest) -> None:
    lines = [json.dumps(claim_to_dict(c), ensure_ascii=False, sort_keys=True) for c in linked.claims]
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text("\n".join(lines) + "\n", "utf-8")
    assert GOLDEN.exists(), "no golden file yet: run pytest tests/golden --update-golden and review it"
    assert lines == GOLDEN.read_text("utf-8").splitlines()


def test_claims_every_attribution_is_in_exactly_one_claim(linked: Linked) -> None:
    placed = [s.attribution_id for c in linked.claims for s in c.statements]
    assert sorted(placed) == sorted(linked.attributions)
    assert linked.summary.attributions == len(linked.attributions) == 186


def test_claims_troops_near_velka_has_three_independent_origins(linked: Linked) -> None:
    """STORYLINE: C1 has exactly three origins, the border guards (O1), MPA's official (O2), Skylark (O3)."""
    troops = linked.troops()
    assert [o.key for o in troops.origins] == [BORDER_GUARDS, ANONYMOUS_OFFICIAL, SKYLARK]
    assert troops.independent_origins == 3
    assert troops is linked.claims[0], "the best-corroborated claim is listed first"


def test_claims_relayed_anonymous_official_counts_once(linked: Linked) -> None:
    troops = linked.troops()
    officials = [o for o in troops.origins if o.anonymous and o.kind == "official"]
    assert [o.key for o in officials] == [ANONYMOUS_OFFICIAL]
    assert officials[0].via == MPA
    publishers = {r.id: r.meta.publisher for r in linked.reports}
    assert {publishers[r] for r in officials[0].reports} >= {MPA, "The Harbor Ledger", "Northgate Tribune"}


def test_claims_syndicated_copies_add_no_origin(linked: Linked) -> None:
    original = linked.report("2026-03-03_mpa")
    copies = {r.id for r in linked.reports if r.copy_of == original.id}
    assert len(copies) == 2
    for claim in linked.claims:
        for origin in claim.origins:
            if copies & set(origin.reports):
                assert original.id in origin.reports, (claim.id, origin.key)


def test_claims_denials_are_attached_to_what_they_deny(linked: Linked) -> None:
    troops = linked.troops()
    denied = {linked.attributions[s.attribution_id].content.text for s in troops.denials}
    assert "the reports as fabrications" in denied
    assert "foreign media reports of a military build-up on the Orlenian border" in denied
    assert all(s.origin is None for s in troops.denials)


def test_claims_conflicting_troop_numbers_are_flagged(linked: Linked) -> None:
    (conflict,) = [c for c in linked.troops().conflicts if c.unit == "troop"]
    assert {"about 2,000 soldiers", "at least 5,000 troops"} <= set(conflict.values)


def test_claims_grades_have_reasons(linked: Linked) -> None:
    troops = linked.troops()
    assert (troops.grade.reliability, troops.grade.credibility) == ("B", 2)
    assert "independent origins" in troops.grade.reason
    assert "denied in" in troops.grade.reason
    assert "conflicting troop numbers" in troops.grade.reason
    for claim in linked.claims:
        assert claim.grade.reason.endswith(".")
        assert claim.grade.reliability in "ABCDEF" and 1 <= claim.grade.credibility <= 6


def test_claims_second_story_stays_apart(linked: Linked) -> None:
    strike = {linked.report("2026-03-05_coastline").id}
    strike |= {
        a.report_id
        for a in linked.attributions.values()
        if "Saltmere" in a.content.text or "dock" in a.content.text.casefold()
    }
    war = {
        linked.report(prefix).id
        for prefix in ("2026-03-03_mpa", "2026-03-02_orlenian", "2026-03-04_vessaria")
    }
    for claim in linked.claims:
        reports = {s.report_id for s in claim.statements}
        assert not (reports & strike and reports & war), claim.id


def test_claims_relink_changes_nothing(linked: Linked) -> None:
    settings = Settings(gazetteer_path=Path("examples/gazetteer.json"))
    link(linked.store, settings)
    assert list(linked.store.claims()) == linked.claims


# What v2 of the link stage matches as the storyline says (examples/STORYLINE.md, "Claims and origins").


def _anywhere(linked: Linked, content_start: str) -> Attribution:
    (found,) = [a for a in linked.attributions.values() if a.content.text.startswith(content_start)]
    return found


def _statement_of(claim: Claim, attribution: Attribution) -> Statement:
    (found,) = [s for s in claim.statements if s.attribution_id == attribution.id]
    return found


def test_claims_troops_includes_the_border_guards_first_report(linked: Linked) -> None:
    """O1 is first reported by the Courier on 03-02: that report belongs to C1, not to a claim of its own."""
    first = linked.statement(
        "2026-03-02_orlenian", "it had tracked long columns of Vessarian military vehicles"
    )
    troops = linked.troops()
    assert linked.claim_of(first) is troops
    assert _statement_of(troops, first).origin == BORDER_GUARDS
    assert troops.first_seen is not None and troops.first_seen.isoformat() == "2026-03-02"


def test_claims_troops_includes_the_skylark_vehicle_count(linked: Linked) -> None:
    """O3: Skylark's count of about 340 vehicles (Continental Review 03-04) is evidence for C1."""
    count = linked.statement("2026-03-04_continental", "its analysts had counted about 340")
    troops = linked.troops()
    assert linked.claim_of(count) is troops
    assert _statement_of(troops, count).origin in {o.key for o in troops.origins}


def test_claims_council_envoy_unable_to_verify_is_a_non_confirmation(linked: Linked) -> None:
    """The Council envoy "had been unable to verify reports" of the build-up: not an origin of it."""
    envoy = linked.statement("2026-03-06_harbor", "his office had been unable to verify reports")
    troops = linked.troops()
    statement = _statement_of(troops, envoy)
    assert statement.stance == "no_confirmation" and statement.origin is None
    assert statement.reason.startswith(
        "read as not confirmed: the statement says “had been unable to verify”"
    )
    assert not [o for o in troops.origins if "council" in o.key]
    assert "not confirmed in" in troops.grade.reason


def test_claims_troops_origins_leave_out_statements_about_other_things(linked: Linked) -> None:
    """Orlenia's note to the ambassador and the Directorate's rocket warning are not observations of C1."""
    keys = {o.key for o in linked.troops().origins}
    assert "named:sela marovin" not in keys
    assert "named:intelligence directorate (orlenia)" not in keys
    note = linked.statement(
        "2026-03-05_northgate", "the ambassador, Dmitar Olev, had been handed a formal note"
    )
    assert linked.claim_of(note) is not linked.troops()


def test_claims_rocket_launchers_relayed_by_signal_desk_and_mpa_are_one_claim(linked: Linked) -> None:
    """C3 (Courier 03-07) and its relays by Signal Desk and MPA on 03-08 are one claim, apart from C1."""
    courier = linked.statement("2026-03-07_orlenian", "two batteries of heavy rocket launchers had left")
    rockets = linked.claim_of(courier)
    relays = [
        _anywhere(linked, "two batteries of long-range rocket launchers had left a garrison"),
        _anywhere(linked, "two batteries of heavy rocket launchers could be heading for the Tamrin Valley"),
    ]
    assert all(linked.claim_of(relay) is rockets for relay in relays)
    assert rockets is not linked.troops()
    assert len({s.report_id for s in rockets.statements}) >= 3


# What v3 adds: unnamed origins resolved in their report, organs of one state as one origin, conflicts
# shown as sides, dates and places, and disputes read as denials.


def test_claims_skylark_named_differently_in_a_report_is_one_origin(linked: Linked) -> None:
    """ "Commercial satellite images released by Skylark", "the company" and "satellite images released
    by ... Skylark" are Skylark, each resolved within its own report, and the origin says why."""
    troops = linked.troops()
    (skylark,) = [o for o in troops.origins if o.key == SKYLARK]
    images = linked.statement("2026-03-04_continental", "hundreds of military vehicles")
    company = linked.statement("2026-03-04_continental", "its analysts had counted about 340")
    relayed = linked.statement("2026-03-05_northgate", "about 340 vehicles in the Tamrin Valley")
    assert {_statement_of(troops, s).origin for s in (images, company, relayed)} == {SKYLARK}
    assert "“Commercial satellite images” are evidence credited to Skylark Orbital Imaging" in skylark.reason
    assert "“The company” refers back to Skylark Orbital Imaging" in skylark.reason
    assert linked.report("2026-03-05_northgate").id in skylark.reports


def test_claims_organs_of_orlenia_are_not_independent_of_its_border_guards(linked: Linked) -> None:
    """MPA 03-08 "where Orlenia ... say thousands of Vessarian soldiers have gathered" and the ambassador's
    border-guard logs ("that he said showed") are the Orlenian state again, not new origins."""
    troops = linked.troops()
    (guards,) = [o for o in troops.origins if o.key == BORDER_GUARDS]
    orlenia = _anywhere(linked, "thousands of Vessarian soldiers have gathered in the past week")
    logs = _anywhere(linked, "that he said showed more than 300 military vehicles")
    assert _statement_of(troops, orlenia).origin == _statement_of(troops, logs).origin == BORDER_GUARDS
    assert "organs of one state (Orlenia) count as one origin" in guards.reason
    assert "“he” relays evidence credited to State Border Guard Service (Orlenia)" in guards.reason


def test_claims_vehicle_counts_that_fit_together_are_one_side(linked: Linked) -> None:
    """ "hundreds", "about 340" and "more than 300" vehicles agree; only the convoy of about 40 clashes."""
    (conflict,) = [c for c in linked.troops().conflicts if c.unit == "vehicle"]
    assert conflict.kind == "quantity"
    assert conflict.sides == (
        (
            "hundreds vehicles",
            "about 340 armoured vehicles",
            "about 340 vehicles",
            "about 340 military vehicles",
            "more than 300 military vehicles",
        ),
        ("about 40 vehicles",),
    )


def test_claims_launchers_moved_to_harsk_conflicts_with_heading_for_the_valley(linked: Linked) -> None:
    """C3: the Courier and MPA have the launchers going into / heading for the Tamrin Valley; Skylark
    (Continental Review 03-12) has them moved to Harsk. Both places lie in Vessaria: a place conflict."""
    skylark = linked.statement("2026-03-12_continental", "two batteries of long-range rocket launchers")
    courier = linked.statement("2026-03-07_orlenian", "two batteries of heavy rocket launchers had left")
    rockets = linked.claim_of(skylark)
    assert linked.claim_of(courier) is rockets
    (conflict,) = [c for c in rockets.conflicts if c.kind == "place"]
    assert (conflict.unit, conflict.sides) == ("destination", (("Tamrin Valley",), ("Harsk",)))
    assert skylark.id in conflict.attribution_ids
    assert "conflicting places (destination) (Tamrin Valley vs Harsk)" in rockets.grade.reason


def test_claims_no_date_or_place_conflict_where_accounts_agree(linked: Linked) -> None:
    """ "in" and "into the Tamrin Valley", or "at Harsk" again and again, never clash: the launchers'
    destination is the only date or place conflict in the examples."""
    rockets = linked.claim_of(
        _anywhere(linked, "two batteries of long-range rocket launchers had left their")
    )
    flagged = [(c.id, k.description) for c in linked.claims for k in c.conflicts if k.kind != "quantity"]
    assert flagged == [(rockets.id, "places (destination): Tamrin Valley vs Harsk")]


def test_claims_holtby_disputing_the_routine_drills_is_a_denial_of_them(linked: Linked) -> None:
    """STORYLINE: "deny C4: Holtby 'not consistent with the routine drills'" — not an origin of a claim."""
    holtby = linked.statement("2026-03-05_northgate", "“What we are seeing is not consistent with")
    drills = linked.claim_of(holtby)
    statement = _statement_of(drills, holtby)
    assert (statement.stance, statement.origin) == ("deny", None)
    assert statement.reason.startswith("read as disputing: the statement says “is not consistent with”")
    vessaria = _anywhere(linked, "fewer than 1,500 personnel are taking part in routine drills")
    assert linked.claim_of(vessaria) is drills
    assert drills is not linked.troops()


def test_claims_a_statement_with_no_source_counts_no_origin(linked: Linked) -> None:
    """Vessaria Today's "which allegedly show armoured vehicles" names no source: it stays in the troop
    claim as a statement but is not put under the border guards (or anyone) as an origin."""
    troops = linked.troops()
    unsourced = _anywhere(linked, "which allegedly show armoured vehicles remaining in the Tamrin Valley")
    assert _statement_of(troops, unsourced).origin is None
    assert troops.independent_origins == 3


def test_claims_routine_drills_have_one_origin_vessaria(linked: Linked) -> None:
    """STORYLINE C4 is Vessaria's account: its ministry, its spokesperson Senn, its embassy and "Its
    Defence Ministry" are one state speaking, so one origin, each merge saying why."""
    drills = linked.claim_of(_anywhere(linked, "fewer than 1,500 personnel are taking part in scheduled"))
    (vessaria,) = drills.origins
    assert vessaria.canonical == "Vessaria (government)"
    assert "Radek Senn is the ministry spokesperson in their report" in vessaria.reason
    assert "“Its Defence Ministry” is taken as Vessaria's" in vessaria.reason
