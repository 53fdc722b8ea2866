"""`claimledger reports | attributions | show | rejects`: exact tables, JSONL shapes and errors."""

# ruff: noqa: E501  # expected tables are written out row by row, as wide as the CLI prints them

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cli"

Cli = Callable[..., Result]

REPORT_FIELDS = [
    "id",
    "origin",
    "publisher",
    "published",
    "title",
    "author",
    "url",
    "external_id",
    "text",
    "credits",
    "copy_of",
    "similarity",
    "boilerplate",
]
ATTRIBUTION_FIELDS = [
    "id",
    "report_id",
    "source",
    "chain",
    "cue",
    "content",
    "content_fragments",
    "direct",
    "stance",
    "certainty",
    "hedges",
    "event_date",
    "date_expression",
    "quantities",
]
MENTION_FIELDS = ["text", "start", "end", "kind", "anonymous", "canonical"]


@pytest.fixture(autouse=True)
def ingested(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture reports ingested, with the real extractor, from `in/` of a temporary working directory."""
    shutil.copytree(FIXTURES, tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    assert cli("ingest", "in").exit_code == 1


def jsonl(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_reports_table(cli: Cli) -> None:
    result = cli("reports")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "id                 published    publisher             title                                   words   copy_of            attributions\n"
        "─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n"
        "c7d9d25ff389e7d8   2026-03-01   Lorn Valley Courier   River levels fall along the Lorn        83      —                  2\n"
        "92a8d54c8cedf4fb   2026-03-02   Ostland Wire          Ferry service to Skarholm suspended     49      —                  1\n"
        "c813dd4ba0d6f4bd   2026-03-02   Northern Ledger       Grain talks resume in Osterholm         65      —                  3\n"
        "0bbc22d58351530d   2026-03-03   The Harbour Gazette   Velmora port closed after tanker fire   132     —                  4\n"
        "5f2d56c3099f6ca9   2026-03-04   Coastline Daily       Fire on tanker shuts Velmora port       132     0bbc22d58351530d   4\n"
        "6d9b5744f4b6661c   2026-03-05   Ostland Wire          Museum reopens after renovation         46      —                  1\n"
    )


def test_cli_reports_jsonl_shape(cli: Cli) -> None:
    reports = jsonl(cli("reports", "--format", "jsonl"))
    assert [list(report) for report in reports] == [REPORT_FIELDS] * 6
    river = reports[0]
    assert river == {
        "id": "c7d9d25ff389e7d8",
        "origin": "in/river-bulletin.html",
        "publisher": "Lorn Valley Courier",
        "published": "2026-03-01",
        "title": "River levels fall along the Lorn",
        "author": "Petra Oskarsson",
        "url": None,
        "external_id": None,
        "text": river["text"],
        "credits": [],
        "copy_of": None,
        "similarity": None,
        "boilerplate": [],
    }
    assert str(river["text"]).startswith(
        "River levels fall along the Lorn\nWater levels along the river Lorn"
    )


def test_cli_reports_jsonl_links_copy_to_original(cli: Cli) -> None:
    by_origin = {report["origin"]: report for report in jsonl(cli("reports", "-f", "jsonl"))}
    original, copy = by_origin["in/port-closure.txt"], by_origin["in/port-closure-copy.txt"]
    assert (original["copy_of"], copy["copy_of"]) == (None, original["id"])
    assert isinstance(copy["similarity"], float) and 0.8 <= copy["similarity"] < 1


def test_cli_attributions_table(cli: Cli) -> None:
    result = cli("attributions")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "report     source                             kind          cue                   content                                                        stance            certainty   event_date\n"
        "─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n"
        "c7d9d25f   Karin Brandt, the regional coun…   unspecified   said                  the embankments had held everywhere except at the old mill,…   assert            certain     —\n"
        "c7d9d25f   Farmers in the valley              unspecified   said                  the spring sowing would be delayed by about a week while th…   assert            possible    —\n"
        "92a8d54c   Erik Lindqvist, a spokesman for…   official      said                  the crossings would resume once the storm had passed           assert            possible    —\n"
        "c813dd4b   Jonas Halvorsen                    unspecified   said                  the two delegations had agreed on a timetable for inspectio…   assert            certain     —\n"
        "c813dd4b   A spokesperson for the Varenian…   official      declined to comment   the talks                                                      no_confirmation   unknown     —\n"
        "c813dd4b   Traders in the capital             unspecified   reported              wheat prices fell slightly after the meeting was announced     assert            certain     —\n"
        "0bbc22d5   the harbour authority              official      said                  The port of Velmora was closed on Tuesday after a fire brok…   assert            certain     —\n"
        "0bbc22d5   The harbour master, Anna Kessler   official      said                  the blaze was brought under control by early evening           assert            certain     —\n"
        "0bbc22d5   a statement from the shipping c…   unspecified   according to          No crew members were hurt                                      assert            certain     —\n"
        "0bbc22d5   Officials at the ministry of tr…   official      said                  the cause of the fire was not yet known                        assert            certain     —\n"
        "5f2d56c3   the harbour authority              official      said                  The port of Velmora was closed on Tuesday after a fire brok…   assert            certain     —\n"
        "5f2d56c3   The harbour master, Anna Kessler   official      said                  the blaze was brought under control by early evening           assert            certain     —\n"
        "5f2d56c3   a statement from the shipping c…   unspecified   according to          No crew members were hurt                                      assert            certain     —\n"
        "5f2d56c3   Officials at the ministry of tr…   official      said                  the cause of the fire was not yet known                        assert            certain     —\n"
        "6d9b5744   The museum's director, Lise Aro…   official      said                  the new galleries would show the history of the harbour fro…   assert            possible    —\n"
    )


def test_cli_attributions_jsonl_shape(cli: Cli) -> None:
    attributions = jsonl(cli("attributions", "--format", "jsonl"))
    assert [list(a) for a in attributions] == [ATTRIBUTION_FIELDS] * 15
    first = attributions[0]
    assert first["source"] == first["chain"][0]  # type: ignore[index]
    assert list(first["source"]) == MENTION_FIELDS  # type: ignore[arg-type]
    brandt = {
        "text": "Karin Brandt, the regional council’s chief engineer",
        "start": 164,
        "end": 215,
        "kind": "unspecified",
        "anonymous": False,
        "canonical": "Karin Brandt",
    }
    assert first == {
        "id": "27d6c79bd800233b",
        "report_id": "c7d9d25ff389e7d8",
        "source": brandt,
        "chain": [brandt],
        "cue": {"text": "said", "start": 217, "end": 221},
        # ", where a short stretch of road was washed away" is Brandt's claim too: a "where" clause
        # stays in the content; only "which"/"who" background clauses are cut.
        "content": {
            "text": "the embankments had held everywhere except at the old mill, where a short stretch of road was washed away",
            "start": 222,
            "end": 327,
        },
        "content_fragments": [],
        "direct": False,
        "stance": "assert",
        "certainty": "certain",
        "hedges": [],
        "event_date": None,
        "date_expression": None,
        "quantities": [],
    }


def test_cli_attributions_of_one_report_by_prefix(cli: Cli) -> None:
    attributions = jsonl(cli("attributions", "--report", "c813dd", "-f", "jsonl"))
    assert [(a["report_id"], a["source"]["text"]) for a in attributions] == [  # type: ignore[index]
        ("c813dd4ba0d6f4bd", "Jonas Halvorsen"),
        ("c813dd4ba0d6f4bd", "A spokesperson for the Varenian foreign ministry"),
        ("c813dd4ba0d6f4bd", "Traders in the capital"),
    ]


def test_cli_show_plain(cli: Cli) -> None:
    result = cli("show", "c813d")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Grain talks resume in Osterholm\n"
        "id: c813dd4ba0d6f4bd\n"
        "publisher: Northern Ledger\n"
        "published: 2026-03-02\n"
        "origin: in/grain-talks.txt\n"
        "\n"
        "marks: [[source]] {cue} <<content>> ~~boilerplate~~\n"
        "\n"
        "Negotiators from Ostland and Varenia met again in Osterholm on Monday to discuss grain shipments "
        "across the Lorn Strait.\n"
        "\n"
        "[[Jonas Halvorsen]], who leads the Ostland delegation, {said} "
        "<<the two delegations had agreed on a timetable for inspections>>. "
        "[[A spokesperson for the Varenian foreign ministry]] {declined to comment} on <<the talks>>.\n"
        "\n"
        "[[Traders in the capital]] {reported} that "
        "<<wheat prices fell slightly after the meeting was announced>>.\n"
        "\n"
        "attributions: 3\n"
        "1. Jonas Halvorsen (unspecified) said: "
        "“the two delegations had agreed on a timetable for inspections” "
        "(assert; certain; indirect; quantities: two)\n"
        "2. A spokesperson for the Varenian foreign ministry (official) declined to comment: “the talks” "
        "(no_confirmation; unknown; indirect)\n"
        "3. Traders in the capital (unspecified) reported: "
        "“wheat prices fell slightly after the meeting was announced” (assert; certain; indirect)\n"
    )


def test_cli_show_on_terminal_styles_instead_of_markers(cli: Cli) -> None:
    result = cli("show", "c813d", env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0
    assert (
        "\x1b[1;36mJonas Halvorsen\x1b[0m, who leads the Ostland delegation, \x1b[1;33msaid\x1b[0m "
        "\x1b[4;32mthe two delegations"
    ) in result.stdout
    assert "[[" not in result.stdout and "marks:" not in result.stdout


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            ["show", "9999"],
            "error: [CL301] no report with id or id prefix '9999'; `claimledger reports` lists them\n",
        ),
        (
            ["show", "ab"],
            "error: [CL301] no report with id 'ab'; give the full id or a prefix of at least 4 characters\n",
        ),
        (
            ["attributions", "--report", "zzzz"],
            "error: [CL301] no report with id or id prefix 'zzzz'; `claimledger reports` lists them\n",
        ),
    ],
)
def test_cli_unknown_report_is_error(cli: Cli, command: list[str], message: str) -> None:
    result = cli(*command)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_cli_rejects_jsonl(cli: Cli) -> None:
    rejects = jsonl(cli("rejects", "--format", "jsonl"))
    assert [list(r) for r in rejects] == [["origin", "code", "message", "sha256", "rejected_at"]]
    assert rejects[0] == {
        "origin": "in/wire.jsonl:2",
        "code": "CL107",
        "message": "line 2 is not valid JSON: Invalid control character at: line 1 column 25 (char 24)",
        "sha256": hashlib.sha256(b'{"title": "broken record\n').hexdigest(),
        "rejected_at": rejects[0]["rejected_at"],
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00", str(rejects[0]["rejected_at"]))


def test_cli_rejects_table(cli: Cli) -> None:
    result = cli("rejects")
    header, _, row = result.stdout.splitlines()
    assert header.split() == ["rejected_at", "code", "origin", "message"]
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ   CL107   in/wire\.jsonl:2   line 2 is not valid JSON: "
        r"Invalid control character at: line 1 column 25 \(char …",
        row,
    )


@pytest.mark.parametrize("command", [["reports"], ["attributions"], ["rejects"], ["show", "abcd"]])
def test_cli_reading_without_database_is_error(tmp_path: Path, command: list[str]) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    result = CliRunner().invoke(app, ["--db", "none.db", *command])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: [CL301] sqlite:///none.db: no database here; run `claimledger ingest` first or pass --db\n"
    )
    assert not (tmp_path / "none.db").exists()
