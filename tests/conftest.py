"""Shared fixtures: settings on a temporary database, a store and the CLI on it, the real extractor."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

from claimledger.cli import app
from claimledger.extract import Extractor
from claimledger.extract.nlp import load_nlp
from claimledger.settings import Settings, db_url_for
from claimledger.store import SqlStore, open_store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files from the current output; review the diff.",
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claimledger.db"


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return Settings(db_url=db_url_for(str(db_path)))


@pytest.fixture
def store(settings: Settings) -> Iterator[SqlStore]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real spaCy model, loaded once per process (the loader caches it)."""
    return load_nlp(Settings().spacy_models)


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    """The real extractor on default settings; it shares the model `nlp` loaded."""
    return Extractor(Settings())


@pytest.fixture
def cli(db_path: Path) -> Callable[..., Result]:
    """`claimledger --db <tmp db> ARGS...`, run in-process with the real extractor the pipeline creates.

    Exceptions other than exits propagate.
    """
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        # Variables that would style the output or change the database or the gazetteer (and so the
        # attributions found), unset unless a test sets them.
        clean: dict[str, str | None] = dict.fromkeys(
            ["FORCE_COLOR", "TTY_COMPATIBLE", "CLAIMLEDGER_DB", "CLAIMLEDGER_GAZETTEER"]
        )
        return runner.invoke(
            app, ["--db", str(db_path), *args], env=clean | (env or {}), catch_exceptions=False
        )

    return invoke


HOSTILE_MARKUP = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
HOSTILE_REPORT = f"""---
title: Port closed {HOSTILE_MARKUP}
publisher: The Hostile Herald
published: 2026-03-12
---
The harbour master said the port of Saltmere would stay closed {HOSTILE_MARKUP} until further notice.
"""


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite ledger of examples/reports plus a report with markup in title and text; read only."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path_factory.mktemp("web")
    reports = folder / "reports"
    shutil.copytree(root / "examples" / "reports", reports)
    (reports / "2026-03-12_hostile-herald_port.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    db = folder / "ledger.db"
    gazetteer = str(root / "examples" / "gazetteer.json")
    result = CliRunner().invoke(
        app, ["--db", str(db), "ingest", str(reports)], env={"CLAIMLEDGER_GAZETTEER": gazetteer}
    )
    assert result.exit_code == 0, result.output
    return db
