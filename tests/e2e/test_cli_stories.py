"""`claimledger stories` and `claims --story`: the exact table, the JSONL shape, filtering and errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {"CLAIMLEDGER_GAZETTEER": str(ROOT / "examples" / "gazetteer.json")}
BUILD_UP = "ad56530d0162e486"
STRIKE = "9538fab9d7a8b568"
HEADER = "id                 reports   claims   first_seen   last_seen    title"
RULE = "─" * 134
TITLES = {
    BUILD_UP: "Border guards report convoy movements near Velka crossing",
    STRIKE: "Saltmere dockworkers strike over automated cranes, halting container …",
}

Cli = Callable[..., Result]


@pytest.fixture
def examples(cli: Cli) -> Cli:
    assert cli("ingest", str(ROOT / "examples" / "reports"), env=EXAMPLES).exit_code == 0
    return cli


def jsonl(result: Result) -> list[dict[str, Any]]:
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_stories_table(examples: Cli) -> None:
    # How many claims each story has depends on claim matching, so that column comes from the JSONL.
    claims = {story["id"]: len(story["claims"]) for story in jsonl(examples("stories", "--format", "jsonl"))}
    rows = [
        (BUILD_UP, 17, "2026-03-02", "2026-03-12"),
        (STRIKE, 2, "2026-03-05", "2026-03-08"),
    ]
    expected = [HEADER, RULE] + [
        f"{sid}   {reports:<7}   {claims[sid]:<6}   {first}   {last}   {TITLES[sid]}"
        for sid, reports, first, last in rows
    ]
    result = examples("stories")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == expected


def test_cli_stories_jsonl(examples: Cli) -> None:
    found = jsonl(examples("stories", "--format", "jsonl"))
    assert [story["id"] for story in found] == [BUILD_UP, STRIKE]
    strike = found[1]
    assert list(strike) == ["id", "title", "summary", "reports", "claims", "first_seen", "last_seen"]
    assert (strike["first_seen"], strike["last_seen"]) == ("2026-03-05", "2026-03-08")
    assert [set(member) for member in strike["reports"]] == [{"report_id", "reason"}] * 2
    assert strike["reports"][0]["reason"] == "first report of this story"
    assert len(strike["claims"]) >= 2


def test_cli_stories_claims_of_one_story(examples: Cli) -> None:
    strike = jsonl(examples("claims", "--story", STRIKE[:6], "--format", "jsonl"))
    everything = jsonl(examples("claims", "--format", "jsonl"))
    assert [claim["id"] for claim in strike] == [c["id"] for c in everything if c["story_id"] == STRIKE]
    assert {claim["story_id"] for claim in everything} == {BUILD_UP, STRIKE}
    table = examples("claims", "--story", BUILD_UP, "--min-origins", "3")
    assert table.exit_code == 0
    assert len(table.stdout.splitlines()) - 2 == sum(
        1 for c in everything if c["story_id"] == BUILD_UP and c["independent_origins"] >= 3
    )


def test_cli_stories_unknown_story_is_error(examples: Cli) -> None:
    result = examples("claims", "--story", "ffff0000")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: [CL301] no story with id or id prefix 'ffff0000'; `claimledger stories` lists them\n"
    )


def test_cli_stories_without_database_is_error(cli: Cli) -> None:
    result = cli("stories")
    assert result.exit_code == 2
    assert "no database here" in result.stderr
