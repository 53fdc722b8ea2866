"""`claimledger export`: every format on the examples, filters, output files, hostile text, errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from stix2validator import validate_string
from typer.testing import CliRunner, Result

from claimledger.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {"CLAIMLEDGER_GAZETTEER": str(ROOT / "examples" / "gazetteer.json")}
STRIKE = "9538fab9d7a8b568"
GRAPHML = {"g": "http://graphml.graphdrawing.org/xmlns"}

Cli = Callable[..., Result]


@pytest.fixture
def examples(cli: Cli) -> Cli:
    assert cli("ingest", str(ROOT / "examples" / "reports"), env=EXAMPLES).exit_code == 0
    return cli


def run(cli: Cli, *args: str) -> str:
    result = cli("export", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def claims(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run_claims(cli, *args).splitlines()]


def run_claims(cli: Cli, *args: str) -> str:
    result = cli("claims", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_cli_export_jsonl_equals_claims_jsonl(examples: Cli) -> None:
    assert run(examples, "--format", "jsonl") == run_claims(examples)
    assert run(examples, "-f", "jsonl", "--min-origins", "2") == run_claims(examples, "--min-origins", "2")
    strike = run(examples, "-f", "jsonl", "--story", STRIKE[:6])
    assert strike == run_claims(examples, "--story", STRIKE)
    assert {json.loads(line)["story_id"] for line in strike.splitlines()} == {STRIKE}


def test_cli_export_csv_one_row_per_statement(examples: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(run(examples, "--format", "csv"))))
    found = claims(examples)
    assert len(rows) == sum(len(claim["statements"]) for claim in found)
    assert rows[0]["claim_id"] == found[0]["id"]
    assert {row["stance"] for row in rows} >= {"assert", "deny"}


def test_cli_export_stix_valid_and_stable(examples: Cli, tmp_path: Path) -> None:
    text = run(examples, "--format", "stix", "--min-origins", "2")
    results = validate_string(text)
    assert results.is_valid, [str(e) for e in results.errors]
    assert results.errors == []
    bundle = json.loads(text)
    types = {o["type"] for o in bundle["objects"]}
    assert types == {"identity", "report", "note", "opinion"}
    notes = [o for o in bundle["objects"] if o["type"] == "note"]
    assert len(notes) == len(claims(examples, "--min-origins", "2"))
    result = examples("export", "--format", "stix", "--min-origins", "2", "-o", str(tmp_path / "b.json"))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"exported {len(notes)} claims as stix to {tmp_path / 'b.json'}\n"
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == text


def test_cli_export_misp_tags(examples: Cli) -> None:
    event = json.loads(run(examples, "--format", "misp", "--min-origins", "3"))["Event"]
    found = claims(examples, "--min-origins", "3")
    assert len(event["Attribute"]) == len(found)
    for attribute, claim in zip(event["Attribute"], found, strict=True):
        grade = claim["grade"]
        kinds = dict.fromkeys(c["kind"] for c in claim["conflicts"])
        assert [t["name"] for t in attribute["Tag"]] == [
            f'admiralty-scale:source-reliability="{grade["reliability"].lower()}"',
            f'admiralty-scale:information-credibility="{grade["credibility"]}"',
            *[f'claimledger:conflict="{kind}"' for kind in kinds],
        ]
    # The troop numbers and the launchers' destination: both kinds of conflict are tagged.
    tags = {t["name"] for attribute in event["Attribute"] for t in attribute["Tag"]}
    assert {'claimledger:conflict="quantity"', 'claimledger:conflict="place"'} <= tags


def test_cli_export_graphml_counts(examples: Cli) -> None:
    found = claims(examples)
    root = ET.fromstring(run(examples, "--format", "graphml").encode("utf-8"))
    nodes = root.findall("g:graph/g:node", GRAPHML)
    edges = root.findall("g:graph/g:edge", GRAPHML)
    origins = {o["key"] for c in found for o in c["origins"]}
    reports = {s["report_id"] for c in found for s in c["statements"]}
    reports |= {r for c in found for o in c["origins"] for r in o["reports"]}
    relays = {(o["key"], r) for c in found for o in c["origins"] for r in o["reports"]}
    assert len(nodes) == len(origins) + len(reports) + len(found)
    assert len(edges) == len(relays) + sum(len(c["statements"]) for c in found)


def test_cli_export_hostile_report_text(cli: Cli, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "---\ntitle: <script>alert(1)</script> & friends\npublisher: Night & Day <b>News</b>\n"
        "published: 2026-03-02\n---\n"
        "Jonas Halvorsen said the <script>alert(2)</script> talks & inspections would resume on Monday.\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(hostile)).exit_code == 0
    text = run(cli, "--format", "graphml")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends" in text
    root = ET.fromstring(text.encode("utf-8"))
    assert [e.tag for e in root.iter() if "script" in e.tag or e.tag.endswith("}b")] == []
    assert validate_string(run(cli, "--format", "stix")).is_valid
    event = json.loads(run(cli, "--format", "misp"))["Event"]
    assert event["Object"][0]["Attribute"][0]["value"] == "<script>alert(1)</script> & friends"


def test_cli_export_errors(examples: Cli, tmp_path: Path) -> None:
    unknown = examples("export", "--format", "csv", "--story", "zzzz")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert unknown.stderr.startswith("error: [CL301] ")
    missing = tmp_path / "no" / "such" / "folder" / "out.csv"
    unwritable = examples("export", "--format", "csv", "-o", str(missing))
    assert unwritable.exit_code == 2
    assert unwritable.stderr == (
        f"error: [CL205] cannot write {missing}: No such file or directory; check the path and its folder\n"
    )
    bad_format = examples("export", "--format", "pdf")
    assert bad_format.exit_code == 2


def test_cli_export_without_database_is_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--db", "none.db", "export", "--format", "jsonl"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: [CL301] sqlite:///none.db: no database here")
    assert not (tmp_path / "none.db").exists()
