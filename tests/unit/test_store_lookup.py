"""Finding reports by id prefix, their order, and opening databases."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from claimledger.errors import NotFound, StoreError
from claimledger.models import Report, ReportMeta
from claimledger.settings import Settings, db_url_for
from claimledger.store import Batch, SqlStore, open_store


def make_report(report_id: str, published: dt.date | None) -> Report:
    return Report(
        id=report_id, origin="x.txt", text=f"text of {report_id}", meta=ReportMeta(published=published)
    )


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    reports = [
        make_report("abcd111100000000", dt.date(2026, 3, 5)),
        make_report("abcd222200000000", None),
        make_report("ef01333300000000", dt.date(2026, 3, 1)),
        make_report("a_b%444400000000", dt.date(2026, 3, 9)),
    ]
    store.add_batch(Batch(reports=reports))
    return store


@pytest.mark.parametrize(
    ("given", "found"),
    [
        ("ef01333300000000", "ef01333300000000"),
        ("ef01", "ef01333300000000"),
        ("abcd1", "abcd111100000000"),
        ("  abcd2222 ", "abcd222200000000"),
        ("a_b%", "a_b%444400000000"),
    ],
)
def test_store_report_by_id_or_unique_prefix(filled: SqlStore, given: str, found: str) -> None:
    assert filled.report(given).id == found


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("abcd", "id prefix 'abcd' is ambiguous, it matches abcd111100000000, abcd222200000000; give more"),
        ("ef0", "no report with id 'ef0'; give the full id or a prefix of at least 4 characters"),
        ("9999", "no report with id or id prefix '9999'; `claimledger reports` lists them"),
        ("a_b_", "no report with id or id prefix 'a_b_'"),
        ("ab%4", "no report with id or id prefix 'ab%4'"),
    ],
)
def test_store_report_not_found_says_why(filled: SqlStore, given: str, message: str) -> None:
    with pytest.raises(NotFound) as raised:
        filled.report(given)
    assert raised.value.code == "CL301"
    assert raised.value.message.startswith(message)


def test_store_attributions_of_unknown_report_not_found(filled: SqlStore) -> None:
    with pytest.raises(NotFound):
        list(filled.attributions(report_id="0000"))


def test_store_reports_oldest_first_unknown_dates_last(filled: SqlStore) -> None:
    assert [r.id for r in filled.reports()] == [
        "ef01333300000000",
        "abcd111100000000",
        "a_b%444400000000",
        "abcd222200000000",
    ]


def test_store_sqlite_uses_wal_and_foreign_keys(store: SqlStore, settings: Settings) -> None:
    with store._engine.connect() as conn:  # the pragmas are per connection
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_open_records_schema_version(store: SqlStore, settings: Settings) -> None:
    path = settings.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(1,)]


def test_store_open_refuses_other_schema_version(settings: Settings) -> None:
    open_store(settings).close()
    with sqlite3.connect(settings.db_url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="database schema version 99, this claimledger reads version 1"):
        open_store(settings)


def test_store_open_must_exist_refuses_missing_file(tmp_path: Path) -> None:
    settings = Settings(db_url=db_url_for(str(tmp_path / "none.db")))
    with pytest.raises(NotFound, match="no database here"):
        open_store(settings, must_exist=True)
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:////no/such/dir/x.db", "directory '/no/such/dir' does not exist"),
        ("nosuchdialect://x", "cannot use database URL 'nosuchdialect://x'"),
    ],
)
def test_store_open_bad_location_is_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(Settings(db_url=url))


def test_store_open_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open the database: file is not a database"):
        open_store(Settings(db_url=db_url_for(str(path))))


def test_store_read_failure_is_store_error(store: SqlStore) -> None:
    with store._engine.begin() as conn:  # a damaged database: a table gone
        conn.execute(text("DROP TABLE rejected"))
    with pytest.raises(StoreError, match="cannot read the database: no such table: rejected"):
        list(store.rejects())
