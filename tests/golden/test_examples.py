"""Our example reports, ingested end to end, against the reading pinned in `examples.golden.jsonl`.

Run `pytest tests/golden --update-golden` to rewrite the golden file after a deliberate change,
then review the diff. The named tests below pin what examples/STORYLINE.md promises.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.extract import Extractor
from claimledger.models import Attribution, Report
from claimledger.pipeline import IngestSummary, ingest
from claimledger.serialize import attribution_to_dict, report_to_dict
from claimledger.settings import Settings
from claimledger.store import open_store

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("examples.golden.jsonl")


class Ledger:
    def __init__(
        self, summary: IngestSummary, reports: list[Report], attributions: list[Attribution]
    ) -> None:
        self.summary = summary
        self.reports = reports
        self.attributions = attributions

    def report(self, file_prefix: str) -> Report:
        (found,) = [r for r in self.reports if Path(r.origin.split(":")[0]).name.startswith(file_prefix)]
        return found

    def of(self, report: Report) -> list[Attribution]:
        return [a for a in self.attributions if a.report_id == report.id]


@pytest.fixture(scope="module")
def ledger(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
) -> Iterator[Ledger]:
    monkeypatch_module.chdir(ROOT)
    settings = Settings(
        db_url=f"sqlite:///{tmp_path_factory.mktemp('examples') / 'examples.db'}",
        gazetteer_path=Path("examples/gazetteer.json"),
    )
    store = open_store(settings)
    summary = ingest(["examples/reports"], store=store, settings=settings, extractor=Extractor(settings))
    yield Ledger(summary, list(store.reports()), list(store.attributions()))
    store.close()


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _golden_lines(ledger: Ledger) -> list[str]:
    lines = []
    for report in sorted(ledger.reports, key=lambda r: r.origin):
        data = report_to_dict(report)
        data.pop("text")
        lines.append(json.dumps({"report": data}, ensure_ascii=False, sort_keys=True))
        for attribution in ledger.of(report):
            lines.append(
                json.dumps(
                    {"attribution": attribution_to_dict(attribution)}, ensure_ascii=False, sort_keys=True
                )
            )
    return lines


def test_examples_match_golden_reading(ledger: Ledger, request: pytest.FixtureRequest) -> None:
    lines = _golden_lines(ledger)
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text("\n".join(lines) + "\n", "utf-8")
    assert GOLDEN.exists(), "no golden file yet: run pytest tests/golden --update-golden and review it"
    expected = GOLDEN.read_text("utf-8").splitlines()
    assert lines == expected


def test_examples_all_stored_none_rejected(ledger: Ledger) -> None:
    assert (ledger.summary.stored, len(ledger.summary.rejected)) == (19, 0)
    assert len({r.meta.publisher for r in ledger.reports}) >= 7


def test_examples_syndicated_copies_point_to_the_wire_original(ledger: Ledger) -> None:
    original = ledger.report("2026-03-03_mpa")
    copies = {r.origin for r in ledger.reports if r.copy_of == original.id}
    assert {Path(c).name for c in copies} == {
        "2026-03-03_harbor-ledger_vessaria-build-up.txt",
        "2026-03-04_northgate-tribune_vessaria-troops.txt",
    }
    assert [r for r in ledger.reports if r.copy_of and r.copy_of != original.id] == []


def test_examples_wire_credits_are_kept(ledger: Ledger) -> None:
    harbor = ledger.report("2026-03-03_harbor-ledger")
    northgate = ledger.report("2026-03-04_northgate-tribune")
    assert [(c.agency, c.kind) for c in harbor.credits] == [("Meridian Press Agency", "contributed")]
    assert ("Meridian Press Agency", "dateline") in [(c.agency, c.kind) for c in northgate.credits]


def test_examples_donation_appeal_is_boilerplate_and_silent(ledger: Ledger) -> None:
    report = ledger.report("2026-03-06_harbor-ledger")
    assert len(report.boilerplate) == 1
    appeal = report.boilerplate[0]
    assert "Remind me later" in report.text[appeal.start : appeal.end]
    assert ledger.of(report)
    assert not [a for a in ledger.of(report) if report.in_boilerplate(a.content.start, a.content.end)]


def test_examples_hostile_html_never_reaches_the_text(ledger: Ledger) -> None:
    report = ledger.report("2026-03-06_lantern-post")
    assert report.meta.publisher == "The Lantern Post"
    for payload in ("<script", "onerror", "alert(", "<img"):
        assert payload not in report.text


def _stances(ledger: Ledger) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for a in ledger.attributions:
        found.setdefault(a.stance, set()).add(a.cue.text)
    return found


def test_examples_denials_non_confirmations_condemnation_and_concern(ledger: Ledger) -> None:
    stances = _stances(ledger)
    assert {"dismissed", "rejected", "denied"} <= stances["deny"]
    assert "has not confirmed" in stances["no_confirmation"]
    # The cue keeps its adverb, as PolNeAR's do ("strongly condemned"), since the span model.
    assert any("condemned" in cue for cue in stances["condemn"])
    assert any("voiced concern" in cue for cue in stances["concern"])


def test_examples_conflicting_troop_numbers_are_quantities(ledger: Ledger) -> None:
    numbers = {(q.value, q.unit, q.approximate) for a in ledger.attributions for q in a.quantities}
    assert (2000.0, "soldiers", True) in numbers
    assert (5000.0, "troops", True) in numbers


def test_examples_relayed_anonymous_official_is_chained_through_the_wire(ledger: Ledger) -> None:
    report = ledger.report("2026-03-06_harbor-ledger")
    chains = [[(m.canonical, m.anonymous) for m in a.chain] for a in ledger.of(report)]
    assert [("Meridian Press Agency", False), ("unnamed MPA source", True)] in chains


def test_examples_every_span_points_into_its_report(ledger: Ledger) -> None:
    texts = {r.id: r.text for r in ledger.reports}
    for a in ledger.attributions:
        text = texts[a.report_id]
        spans = [a.cue, a.content, *a.content_fragments, *(m.span for m in a.chain if m.span)]
        for span in spans:
            assert text[span.start : span.end] == span.text
