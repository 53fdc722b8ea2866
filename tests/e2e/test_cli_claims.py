"""`claimledger link`, `claims`, `claim` and `grade`: what they print, what they store, exit codes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "cli"
GOOD = ["in/grain-talks.txt", "in/port-closure.txt", "in/port-closure-copy.txt", "in/river-bulletin.html"]
EXAMPLES = {"CLAIMLEDGER_GAZETTEER": str(ROOT / "examples" / "gazetteer.json")}
CLAIM_KEYS = {
    "id",
    "summary",
    "story_id",
    "statements",
    "origins",
    "independent_origins",
    "denials",
    "non_confirmations",
    "conflicts",
    "grade",
    "first_seen",
    "last_seen",
}

Cli = Callable[..., Result]


@pytest.fixture(autouse=True)
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "in"


def claims_jsonl(cli: Cli, *args: str) -> list[dict[str, Any]]:
    result = cli("claims", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_claims_examples_troops_claim_first(cli: Cli) -> None:
    assert cli("ingest", str(ROOT / "examples" / "reports"), env=EXAMPLES).exit_code == 0
    table = cli("claims", "--min-origins", "3")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == [
        "id",
        "grade",
        "origins",
        "statements",
        "reports",
        "denials",
        "conflicts",
        "first_seen",
        "last_seen",
        "summary",
    ]
    assert all(int(line.split()[2]) >= 3 for line in lines[2:])
    found = claims_jsonl(cli, "--min-origins", "3")
    assert len(found) == len(lines) - 2
    troops = found[0]
    assert set(troops) == CLAIM_KEYS
    assert troops["independent_origins"] == len(troops["origins"])
    # STORYLINE.md lists vehicle counts (Skylark's about 340) among C1's numbers too, so troops need not
    # be the only unit with a conflict.
    assert "troop" in {c["unit"] for c in troops["conflicts"]}
    assert troops["grade"]["override"] is None
    assert set(troops["statements"][0]) >= {"attribution_id", "report_id", "stance"}
    assert set(troops["origins"][0]) >= {"canonical", "kind", "anonymous", "reports"}

    shown = cli("claim", str(troops["id"])[:6])
    assert shown.exit_code == 0
    text = shown.stdout
    assert text.startswith(f"claim {troops['id']}: ")
    for expected in [
        "grade: B2 — B: best source is",
        "origins: ",
        "(official, anonymous) via Meridian Press Agency",
        "State Border Guard Service (Orlenia) (military)",
        "denials: ",
        "dismissed: “the reports as fabrications”",
        "matched: refers back (“the reports as fabrications”): attached to the main claim of its report",
        "conflicts: ",
        "- troop numbers: at least 5,000 troops vs about 2,000 soldiers",
    ]:
        assert expected in text, expected


def test_cli_claims_grade_override_wins_and_survives_link(cli: Cli, db_path: Path) -> None:
    assert cli("ingest", *GOOD).exit_code == 0
    first = claims_jsonl(cli)[0]
    claim_id = str(first["id"])
    computed = first["grade"]
    result = cli(
        "grade",
        claim_id[:8],
        "--reliability",
        "b",
        "--credibility",
        "2",
        "--why",
        "checked  the port log",
        "--analyst",
        "ana",
    )
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"graded claim {claim_id} B2 by ana\n"
    relinked = cli("link")
    assert relinked.exit_code == 0
    assert relinked.stderr.startswith("linked 13 attributions into 8 claims")
    graded = next(c for c in claims_jsonl(cli) if c["id"] == claim_id)
    grade = graded["grade"]
    assert (grade["reliability"], grade["credibility"]) == ("B", 2)
    assert grade["reason"] == "analyst ana: checked the port log"
    assert grade["override"]["computed"] == {k: v for k, v in computed.items() if k != "override"}
    assert (
        cli(
            "grade",
            claim_id,
            "--reliability",
            "C",
            "--credibility",
            "3",
            "--why",
            "second look",
            "--analyst",
            "bo",
        ).exit_code
        == 0
    )
    shown = cli("claim", claim_id).stdout
    assert "grade: C3 — analyst bo: second look" in shown
    assert "(analyst grade of " in shown
    with sqlite3.connect(db_path) as conn:
        rows = list(
            conn.execute(
                "SELECT claim_id, reliability, credibility, why, analyst FROM grade_overrides ORDER BY id"
            )
        )
    assert rows == [
        (claim_id, "B", 2, "checked the port log", "ana"),
        (claim_id, "C", 3, "second look", "bo"),
    ]
    assert "*" in next(line for line in cli("claims").stdout.splitlines() if line.startswith(claim_id))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reliability", "G", "--credibility", "2"], "error: [CL204] grade G2 is not an Admiralty grade; "),
        (["--reliability", "A", "--credibility", "7"], "error: [CL204] grade A7 is not an Admiralty grade; "),
    ],
)
def test_cli_claims_bad_grade_is_usage_error(cli: Cli, args: list[str], message: str) -> None:
    assert cli("ingest", *GOOD).exit_code == 0
    claim_id = str(claims_jsonl(cli)[0]["id"])
    result = cli("grade", claim_id, *args, "--why", "because")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(message)


def test_cli_claims_unknown_claim_is_error(cli: Cli) -> None:
    assert cli("ingest", *GOOD).exit_code == 0
    for args in (
        ["claim", "ffff0000"],
        ["grade", "ffff0000", "--reliability", "A", "--credibility", "1", "--why", "x"],
    ):
        result = cli(*args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert (
            result.stderr
            == "error: [CL301] no claim with id or id prefix 'ffff0000'; `claimledger claims` lists them\n"
        )


def test_cli_claims_ingest_no_link_then_link(cli: Cli) -> None:
    result = cli("ingest", "--no-link", *GOOD)
    assert result.stderr.splitlines() == [
        "ingested 4 reports (1 near-duplicate copy), 0 already stored, 0 rejected, 13 attributions"
    ]
    assert claims_jsonl(cli) == []
    linked = cli("link")
    assert (linked.exit_code, linked.stdout) == (0, "")
    assert linked.stderr == (
        "linked 13 attributions into 8 claims (0 with 2 or more independent origins), "
        "0 denials attached, 0 conflicts\n"
    )
    assert len(claims_jsonl(cli)) == 8


def test_cli_claims_without_database_is_error(cli: Cli) -> None:
    result = cli("claims")
    assert result.exit_code == 2
    assert "no database here" in result.stderr
