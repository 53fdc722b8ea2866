"""The installed command and `python -m claimledger`: help, exit codes, a real run with the language model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cli"
COMMANDS = [
    "ingest",
    "reports",
    "attributions",
    "show",
    "rejects",
    "link",
    "claims",
    "claim",
    "grade",
    "export",
    "serve",
]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    unset = {"CLAIMLEDGER_DB", "CLAIMLEDGER_GAZETTEER", "FORCE_COLOR", "TTY_COMPATIBLE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "-m", "claimledger", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_main_module_help_documents_commands_and_exit_codes(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    for text in [
        *COMMANDS,
        "Exit codes:",
        "1  some inputs were rejected",
        "CL301",
        "--db PATH",
        "CLAIMLEDGER_DB",
    ]:
        assert text in result.stdout
    assert not (tmp_path / "claimledger.db").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_main_every_command_has_help(tmp_path: Path, command: str) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    summary = result.stdout.split("\n\n")[1].strip()
    assert summary and not summary.startswith("Options")


def test_cli_main_console_script_is_installed(tmp_path: Path) -> None:
    script = shutil.which("claimledger", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run([script], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert "Usage: claimledger [OPTIONS] COMMAND [ARGS]..." in result.stdout + result.stderr


@pytest.mark.slow
def test_cli_main_real_run_offsets_point_into_report_text(tmp_path: Path) -> None:
    """With the real extractor: every stored span's text is the report text at its offsets."""
    shutil.copytree(FIXTURES, tmp_path / "in")
    ingest = run("ingest", "in", cwd=tmp_path)
    assert ingest.returncode == 1, ingest.stderr
    assert ingest.stderr.splitlines()[-2] == (
        "ingested 6 reports (1 near-duplicate copy), 0 already stored, 1 rejected, 15 attributions"
    )
    assert ingest.stderr.splitlines()[-1].startswith("linked 15 attributions into ")
    texts = {
        r["id"]: r["text"]
        for r in map(json.loads, run("reports", "-f", "jsonl", cwd=tmp_path).stdout.splitlines())
    }
    attributions = [
        json.loads(line) for line in run("attributions", "-f", "jsonl", cwd=tmp_path).stdout.splitlines()
    ]
    assert len(attributions) == 15
    for attribution in attributions:
        text = texts[attribution["report_id"]]
        spans = [attribution["cue"], attribution["content"], *attribution["content_fragments"]]
        spans += [link for link in attribution["chain"] if link["start"] is not None]
        spans += attribution["quantities"]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
    shown = run("show", attributions[0]["report_id"][:6], cwd=tmp_path)
    assert shown.returncode == 0
    assert "[[" in shown.stdout and "{" in shown.stdout and "<<" in shown.stdout
