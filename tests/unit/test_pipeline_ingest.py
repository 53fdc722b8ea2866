"""pipeline.ingest: read → clean → dedup → extract → one stored batch, with the real extractor."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import StoreError
from claimledger.extract import Extractor
from claimledger.models import Attribution, Report, ReportMeta
from claimledger.pipeline import IngestSummary, ingest
from claimledger.settings import Settings
from claimledger.store import Batch, SqlStore

CLI = Path(__file__).parents[1] / "fixtures" / "cli"
ORIGINAL, COPY, GRAIN = CLI / "port-closure.txt", CLI / "port-closure-copy.txt", CLI / "grain-talks.txt"


class SpyExtractor(Extractor):
    """The real extractor, recording the number of reports in each `extract_many` call."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.calls: list[int] = []

    def extract_many(
        self, reports: Sequence[Report], *, batch_size: int = 16
    ) -> list[tuple[Attribution, ...]]:
        self.calls.append(len(reports))
        return super().extract_many(reports, batch_size=batch_size)


@pytest.fixture
def created(monkeypatch: pytest.MonkeyPatch) -> list[SpyExtractor]:
    """Every extractor the pipeline creates itself, each a `SpyExtractor`, in order of creation."""
    instances: list[SpyExtractor] = []

    class Recorded(SpyExtractor):
        def __init__(self, settings: Settings) -> None:
            super().__init__(settings)
            instances.append(self)

    monkeypatch.setattr("claimledger.extract.Extractor", Recorded)
    return instances


@pytest.fixture
def run(store: SqlStore, settings: Settings, extractor: Extractor) -> Run:
    """`ingest` on the test store with the real extractor."""

    def run_ingest(paths: Sequence[Path | str], **options: Any) -> IngestSummary:
        return ingest(paths, store=store, settings=settings, extractor=extractor, **options)

    return run_ingest


Run = Callable[..., IngestSummary]


def test_pipeline_ingest_stores_reports_and_attributions(store: SqlStore, run: Run) -> None:
    summary = run([GRAIN, ORIGINAL])
    assert summary == IngestSummary(stored=2, duplicates=0, copies=0, rejected=(), attributions=7)
    stored = {report.meta.title: report for report in store.reports()}
    assert sorted(stored) == ["Grain talks resume in Osterholm", "Velmora port closed after tanker fire"]
    report = stored["Velmora port closed after tanker fire"]
    assert report.meta == ReportMeta(
        title="Velmora port closed after tanker fire",
        publisher="The Harbour Gazette",
        published=report.meta.published,
        author="Mira Tallen",
        url="https://harbour-gazette.example/velmora-port-closed",
    )
    assert report.text.startswith("The port of Velmora was closed on Tuesday")
    assert [a.chain[0].canonical for a in store.attributions(report_id=report.id)] == [
        "harbour authority",
        "Anna Kessler",
        "statement from the shipping company that operates the vessel",
        "unnamed officials at the ministry of transport",
    ]


def test_pipeline_ingest_again_stores_nothing_new(store: SqlStore, run: Run) -> None:
    run([GRAIN, ORIGINAL])
    before = list(store.reports()), list(store.attributions()), store.counts()
    summary = run([ORIGINAL, GRAIN])
    assert summary == IngestSummary(stored=0, duplicates=2, copies=0, rejected=(), attributions=0)
    assert (list(store.reports()), list(store.attributions()), store.counts()) == before


def test_pipeline_ingest_same_text_twice_in_one_run_is_a_duplicate(
    store: SqlStore, run: Run, tmp_path: Path
) -> None:
    shutil.copy(GRAIN, tmp_path / "grain-again.txt")
    summary = run([GRAIN, tmp_path / "grain-again.txt"])
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert [report.origin for report in store.reports()] == [str(GRAIN)]


def test_pipeline_ingest_links_later_near_duplicate_to_original(store: SqlStore, run: Run) -> None:
    summary = run([ORIGINAL, COPY])
    assert (summary.stored, summary.copies) == (2, 1)
    original, copy = (store.report(_id_of(store, path)) for path in (ORIGINAL, COPY))
    assert original.copy_of is None
    assert copy.copy_of == original.id
    assert copy.similarity is not None and 0.8 <= copy.similarity < 1.0


@pytest.mark.parametrize("separate_runs", [False, True])
def test_pipeline_ingest_earlier_original_arriving_later_relinks_copy(
    store: SqlStore, run: Run, separate_runs: bool
) -> None:
    if separate_runs:
        assert run([COPY]).copies == 0
        summary = run([ORIGINAL])
    else:
        summary = run([COPY, ORIGINAL])
    original, copy = (store.report(_id_of(store, path)) for path in (ORIGINAL, COPY))
    assert (original.copy_of, copy.copy_of) == (None, original.id)
    assert summary.copies == (0 if separate_runs else 1)


def test_pipeline_ingest_rejects_bad_inputs_and_goes_on(store: SqlStore, run: Run, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = run([tmp_path / "missing.txt", tmp_path / "empty.txt", GRAIN])
    assert summary.stored == 1
    assert [(r.origin, r.code) for r in summary.rejected] == [
        (str(tmp_path / "missing.txt"), "CL101"),
        (str(tmp_path / "empty.txt"), "CL102"),
    ]
    assert [(r.origin, r.code) for r in store.rejects()] == [(r.origin, r.code) for r in summary.rejected]


def test_pipeline_ingest_nothing_new_creates_no_extractor(
    store: SqlStore, settings: Settings, tmp_path: Path, created: list[SpyExtractor]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = ingest([tmp_path / "empty.txt"], store=store, settings=settings)
    assert (summary.stored, len(summary.rejected)) == (0, 1)
    assert created == []


def test_pipeline_ingest_already_stored_creates_no_extractor(
    store: SqlStore, settings: Settings, run: Run, created: list[SpyExtractor]
) -> None:
    run([GRAIN])
    summary = ingest([GRAIN], store=store, settings=settings)
    assert (summary.stored, summary.duplicates) == (0, 1)
    assert created == []


def test_pipeline_ingest_creates_extractor_when_needed(
    store: SqlStore, settings: Settings, created: list[SpyExtractor]
) -> None:
    assert ingest([GRAIN], store=store, settings=settings).attributions == 3
    assert [extractor.calls for extractor in created] == [[1]]


def test_pipeline_ingest_extracts_in_batches(store: SqlStore, settings: Settings) -> None:
    extractor = SpyExtractor(settings)
    summary = ingest(
        sorted(CLI.glob("*.txt")), store=store, settings=settings, extractor=extractor, batch_size=2
    )
    assert extractor.calls == [2, 1]
    assert summary.attributions == 11


def test_pipeline_ingest_reports_progress(run: Run, tmp_path: Path) -> None:
    messages: list[str] = []
    run([GRAIN, tmp_path / "missing.txt"], on_progress=messages.append)
    assert messages == [
        f"read {GRAIN}",
        f"rejected {tmp_path / 'missing.txt'}",
        "extracted 1/1 reports",
        "storing 1 reports, 3 attributions",
    ]


def test_pipeline_ingest_store_failure_keeps_earlier_data(
    store: SqlStore, settings: Settings, run: Run
) -> None:
    run([ORIGINAL])
    before = list(store.reports()), list(store.attributions()), store.counts()

    class DuplicatingExtractor(Extractor):
        """The real extractor, but every attribution gets the same id, so storing fails after some inserts."""

        def extract_many(
            self, reports: Sequence[Report], *, batch_size: int = 16
        ) -> list[tuple[Attribution, ...]]:
            found = super().extract_many(reports, batch_size=batch_size)
            return [tuple(replace(a, id="same") for a in attributions) for attributions in found]

    with pytest.raises(StoreError, match=r"UNIQUE constraint failed: attributions\.id"):
        ingest(
            [GRAIN, COPY, "missing.txt"],
            store=store,
            settings=settings,
            extractor=DuplicatingExtractor(settings),
        )
    assert (list(store.reports()), list(store.attributions()), store.counts()) == before


def _id_of(store: SqlStore, path: Path) -> str:
    return next(report.id for report in store.reports() if report.origin == str(path))


def test_pipeline_ingest_keeps_boilerplate_and_credits(store: SqlStore, run: Run, tmp_path: Path) -> None:
    (tmp_path / "only-boilerplate.txt").write_text("Subscribe now\nRemind me later\nDonate\n")
    (tmp_path / "credited.txt").write_text(
        "Ekberg said the ferry would sail again on Friday.\nSubscribe now\nAFP contributed reporting.\n"
    )
    summary = run([tmp_path / "only-boilerplate.txt", tmp_path / "credited.txt"])
    assert summary.stored == 2
    only, credited = (
        store.report(_id_of(store, tmp_path / name)) for name in ("only-boilerplate.txt", "credited.txt")
    )
    assert all(only.in_boilerplate(i, i + 1) for i, char in enumerate(only.text) if not char.isspace())
    assert [(credited.text[c.start : c.end], c.kind) for c in credited.credits] == [
        ("AFP contributed reporting.", "contributed")
    ]
    assert [credited.text[b.start : b.end] for b in credited.boilerplate] == ["Subscribe now"]


def test_pipeline_ingest_unreadable_stored_signature_is_store_error(store: SqlStore, run: Run) -> None:
    store.add_batch(
        Batch(
            reports=[Report("feed000000000000", "x.txt", "text", ReportMeta())],
            signatures={"feed000000000000": b"junk"},
        )
    )
    with pytest.raises(StoreError, match="stored MinHash signature of report feed000000000000 is unreadable"):
        run([GRAIN])
