"""Shared fixtures: settings on a temporary database, a store and the CLI on it, a fast fake extractor."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from claimledger.cli import app
from claimledger.models import Attribution, Report, SourceMention, Span
from claimledger.settings import Settings, db_url_for
from claimledger.store import SqlStore, open_store

SAID = re.compile(r"\b([A-Z][\w-]+) said,? ([^.]+)\.")


class FakeExtractor:
    """`<Name> said <content>.` becomes an attribution: deterministic, instant, no language model."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.calls: list[int] = []

    def extract_many(self, reports: Sequence[Report]) -> list[tuple[Attribution, ...]]:
        self.calls.append(len(reports))
        return [tuple(self._extract(report)) for report in reports]

    def _extract(self, report: Report) -> Iterator[Attribution]:
        for number, match in enumerate(SAID.finditer(report.text)):
            source = Span.of(report.text, *match.span(1))
            cue_start = match.end(1) + 1
            yield Attribution(
                id=f"{report.id}-{number}",
                report_id=report.id,
                chain=(SourceMention(source, "unspecified", anonymous=False, canonical=source.text),),
                cue=Span.of(report.text, cue_start, cue_start + 4),
                content=Span.of(report.text, *match.span(2)),
                direct=False,
                stance="assert",
                certainty="certain",
            )


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


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> type[FakeExtractor]:
    """Every Extractor the pipeline creates is a FakeExtractor."""
    monkeypatch.setattr("claimledger.extract.Extractor", FakeExtractor)
    return FakeExtractor


@pytest.fixture
def cli(db_path: Path) -> Callable[..., Result]:
    """`claimledger --db <tmp db> ARGS...`, run in-process; exceptions other than exits propagate."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        # Variables that would make rich style the output, unset unless a test sets them.
        clean: dict[str, str | None] = {"FORCE_COLOR": None, "TTY_COMPATIBLE": None, "CLAIMLEDGER_DB": None}
        return runner.invoke(
            app, ["--db", str(db_path), *args], env=clean | (env or {}), catch_exceptions=False
        )

    return invoke
