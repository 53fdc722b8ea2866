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
