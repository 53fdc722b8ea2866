"""A ledger of the examples plus a hostile report, ingested once with the real extractor; the API on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimledger.api import create_app
from claimledger.cli import app
from claimledger.settings import Settings, db_url_for

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = str(ROOT / "examples" / "gazetteer.json")
SCRIPT = "<script>alert(1)</script>"
HOSTILE = f"""---
title: Port closed {SCRIPT}
publisher: The Hostile Herald
published: 2026-03-12
---
The harbour master said the port of Saltmere would stay closed {SCRIPT} until further notice.
"""


@pytest.fixture(scope="session")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite ledger of examples/reports and a report carrying a script tag; tests must not write to it."""
    folder = tmp_path_factory.mktemp("api")
    reports = folder / "reports"
    shutil.copytree(ROOT / "examples" / "reports", reports)
    (reports / "2026-03-12_hostile-herald_port.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "ledger.db"
    result = CliRunner().invoke(
        app, ["--db", str(db), "ingest", str(reports)], env={"CLAIMLEDGER_GAZETTEER": GAZETTEER}
    )
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def client(ledger: Path) -> Iterator[TestClient]:
    """The API on the shared ledger, read only."""
    with TestClient(create_app(Settings(db_url=db_url_for(str(ledger))))) as test_client:
        yield test_client


@pytest.fixture
def writable_client(ledger: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The API on a copy of the ledger, for tests that write."""
    copy = tmp_path / "ledger.db"
    shutil.copy(ledger, copy)
    with TestClient(create_app(Settings(db_url=db_url_for(str(copy))))) as test_client:
        yield test_client
