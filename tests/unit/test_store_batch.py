"""A batch is one transaction: stored whole, skipped where known, or not at all."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.models import Attribution, Rejected, Report, ReportMeta, SourceMention, Span
from claimledger.settings import Settings
from claimledger.store import Batch, SqlStore


def make_report(report_id: str, text: str = "Officials said the bridge was closed.", day: int = 3) -> Report:
    meta = ReportMeta(
        title=f"Report {report_id}", publisher="The Harbour Gazette", published=dt.date(2026, 3, day)
    )
    return Report(id=report_id, origin=f"{report_id}.txt", text=text, meta=meta)


def make_attribution(attribution_id: str, report_id: str) -> Attribution:
    return Attribution(
        id=attribution_id,
        report_id=report_id,
        chain=(SourceMention(Span(0, 9, "Officials"), "official", anonymous=True, canonical=None),),
        cue=Span(10, 14, "said"),
        content=Span(15, 36, "the bridge was closed"),
        direct=False,
        stance="assert",
        certainty="certain",
    )


def make_rejected(origin: str, code: str = "CL102") -> Rejected:
    return Rejected(origin=origin, code=code, message="the file is empty", sha256="e3b0" + "0" * 60, raw=b"")


def dump(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row of every table, read with plain sqlite3, to compare whole databases."""
    with sqlite3.connect(path) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return [(table, sorted(conn.execute(f'SELECT * FROM "{table}"'), key=repr)) for table in tables]


def db_path(settings: Settings) -> Path:
    return Path(settings.db_url.removeprefix("sqlite:///"))


def first_batch() -> Batch:
    return Batch(
        reports=[make_report("aaaa000000000001"), make_report("bbbb000000000002", day=4)],
        attributions=[make_attribution("a1", "aaaa000000000001")],
        rejected=[make_rejected("empty.txt")],
        signatures={"aaaa000000000001": b"\x01" * 8, "bbbb000000000002": b"\x02" * 8},
    )


def test_store_add_batch_stores_every_table(store: SqlStore) -> None:
    store.add_batch(first_batch())
    assert store.counts() == {
        "schema_version": 1,
        "reports": 2,
        "boilerplate": 0,
        "credits": 0,
        "signatures": 2,
        "attributions": 1,
        "chain_links": 1,
        "rejected": 1,
        "claims": 0,
        "claim_search": 0,
        "stories": 0,
        "grade_overrides": 0,
    }


def test_store_add_batch_twice_changes_nothing(store: SqlStore, settings: Settings) -> None:
    store.add_batch(first_batch())
    before = dump(db_path(settings))
    store.add_batch(first_batch())
    assert dump(db_path(settings)) == before


def test_store_add_batch_skips_attributions_of_known_reports(store: SqlStore) -> None:
    store.add_batch(first_batch())
    again = Batch(
        reports=[make_report("aaaa000000000001")],
        attributions=[make_attribution("a2", "aaaa000000000001")],
    )
    store.add_batch(again)
    assert [a.id for a in store.attributions()] == ["a1"]


def test_store_add_batch_failure_stores_nothing_of_it(store: SqlStore, settings: Settings) -> None:
    store.add_batch(first_batch())
    before = dump(db_path(settings))
    broken = Batch(
        reports=[make_report("cccc000000000003", day=5)],
        # The same attribution id twice violates the primary key after the report was inserted.
        attributions=[make_attribution("c1", "cccc000000000003"), make_attribution("c1", "cccc000000000003")],
        rejected=[make_rejected("other-empty.txt")],
        signatures={"cccc000000000003": b"\x03" * 8},
        copy_updates={"bbbb000000000002": ("cccc000000000003", 0.9)},
    )
    with pytest.raises(StoreError) as raised:
        store.add_batch(broken)
    assert raised.value.code == "CL300"
    assert "nothing of it was" in raised.value.message
    assert "UNIQUE constraint failed: attributions.id" in raised.value.message
    assert dump(db_path(settings)) == before
    assert store.known_report_ids(["cccc000000000003"]) == set()


def test_store_add_batch_attribution_of_unknown_report_fails_whole_batch(store: SqlStore) -> None:
    broken = Batch(reports=[make_report("dddd000000000004")], attributions=[make_attribution("x", "nowhere")])
    with pytest.raises(StoreError, match="FOREIGN KEY constraint failed"):
        store.add_batch(broken)
    assert list(store.reports()) == []


def test_store_add_batch_skips_identical_rejected_rows(store: SqlStore) -> None:
    store.add_batch(Batch(rejected=[make_rejected("empty.txt"), make_rejected("empty.txt")]))
    store.add_batch(Batch(rejected=[make_rejected("empty.txt"), make_rejected("again.txt")]))
    store.add_batch(Batch(rejected=[make_rejected("empty.txt", code="CL103")]))
    assert [(r.origin, r.code) for r in store.rejects()] == [
        ("empty.txt", "CL102"),
        ("again.txt", "CL102"),
        ("empty.txt", "CL103"),
    ]


def test_store_add_batch_applies_copy_updates(store: SqlStore) -> None:
    store.add_batch(Batch(reports=[make_report("bbbb000000000002", day=4)]))
    original = make_report("aaaa000000000001", text="Officials said the bridge had closed.", day=1)
    store.add_batch(Batch(reports=[original], copy_updates={"bbbb000000000002": ("aaaa000000000001", 0.85)}))
    copy = store.report("bbbb000000000002")
    assert (copy.copy_of, copy.similarity) == ("aaaa000000000001", 0.85)


def test_store_add_batch_links_copies_in_any_order(store: SqlStore) -> None:
    copy = replace(make_report("bbbb000000000002", day=4), copy_of="aaaa000000000001")
    store.add_batch(Batch(reports=[copy, make_report("aaaa000000000001", day=1)]))
    assert store.report("bbbb").copy_of == "aaaa000000000001"


def test_store_known_report_ids(store: SqlStore) -> None:
    store.add_batch(first_batch())
    assert store.known_report_ids(["aaaa000000000001", "ffff000000000000"]) == {"aaaa000000000001"}
    assert store.known_report_ids([]) == set()
