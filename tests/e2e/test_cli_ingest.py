"""`claimledger ingest`: exact summaries, rejects named one per line, exit codes, nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cli"
GOOD = ["in/grain-talks.txt", "in/port-closure.txt", "in/port-closure-copy.txt", "in/river-bulletin.html"]

Cli = Callable[..., Result]


def linked(attributions: int, claims: int) -> str:
    """The line `ingest` prints after its summary when it has linked the stored attributions into claims."""
    return (
        f"linked {attributions} attributions into {claims} claims (0 with 2 or more independent origins), "
        "0 denials attached, 0 conflicts"
    )


@pytest.fixture(autouse=True)
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixtures copied to `in/` of a temporary working directory, so origins are short and stable."""
    shutil.copytree(FIXTURES, tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "in"


def dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db_path) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(conn.execute(f'SELECT * FROM "{table}"'), key=repr) for table in tables}


def test_cli_ingest_good_inputs_exit_0(cli: Cli) -> None:
    result = cli("ingest", *GOOD)
    assert (result.exit_code, result.stdout) == (0, "")
    assert (
        result.stderr
        == "ingested 4 reports (1 near-duplicate copy), 0 already stored, 0 rejected, 13 attributions\n"
        + linked(13, 8)
        + "\n"
    )


def test_cli_ingest_bad_jsonl_line_rejected_rest_stored(cli: Cli) -> None:
    result = cli("ingest", "in/wire.jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "rejected: in/wire.jsonl:2: [CL107] line 2 is not valid JSON: Invalid control character at: "
        "line 1 column 25 (char 24)",
        "ingested 2 reports (0 near-duplicate copies), 0 already stored, 1 rejected, 2 attributions",
        linked(2, 2),
    ]


def test_cli_ingest_folder(cli: Cli) -> None:
    result = cli("ingest", "in")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        "ingested 6 reports (1 near-duplicate copy), 0 already stored, 1 rejected, 15 attributions",
        linked(15, 10),
    ]


def test_cli_ingest_again_changes_nothing(cli: Cli, db_path: Path) -> None:
    cli("ingest", *GOOD)
    before = dump(db_path)
    result = cli("ingest", *reversed(GOOD))
    assert (result.exit_code, result.stderr) == (
        0,
        "ingested 0 reports (0 near-duplicate copies), 4 already stored, 0 rejected, 0 attributions\n"
        + linked(13, 8)
        + "\n",
    )
    assert dump(db_path) == before


def test_cli_ingest_bad_inputs_rejected_one_line_each_earlier_data_kept(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    assert cli("ingest", *GOOD).exit_code == 0
    before = dump(db_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_text("  \n\n \t\n")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (bad / "cp1252.txt").write_bytes(
        "Der Hafen blieb geschlossen, sagte Müller am Dienstag.".encode("cp1252")
    )
    with (bad / "huge.txt").open("wb") as handle:
        handle.write(b"The port stayed closed for the whole week. " * (50 * 1024 * 1024 // 43 + 1))
    result = cli("ingest", "bad", "bad/missing.txt")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "rejected: bad/binary.txt: [CL103] bad/binary.txt looks like binary data (NUL or control bytes), "
        "not text; nothing to ingest",
        "rejected: bad/blank.txt: [CL102] bad/blank.txt is empty; nothing to ingest",
        "rejected: bad/empty.txt: [CL102] bad/empty.txt is empty; nothing to ingest",
        "rejected: bad/garbled.txt: [CL104] bad/garbled.txt is not UTF-8 and its encoding could not be "
        "detected with confidence; re-encode it as UTF-8 and ingest it again",
        "rejected: bad/huge.txt: [CL105] bad/huge.txt is 52,428,825 bytes, "
        "over the limit of 10,485,760 bytes; split it or raise max_input_bytes in the settings",
        "rejected: bad/missing.txt: [CL101] bad/missing.txt does not exist",
        "ingested 1 report (0 near-duplicate copies), 0 already stored, 6 rejected, 0 attributions",
        linked(13, 8),
    ]
    after = dump(db_path)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), table
    assert (len(after["reports"]), len(after["rejected"])) == (len(before["reports"]) + 1, 6)
    stored = cli("reports", "--format", "jsonl").stdout
    assert '"origin": "bad/cp1252.txt"' in stored and "sagte Müller" in stored


def test_cli_ingest_bad_batch_with_good_file_stores_the_good_one(cli: Cli, tmp_path: Path) -> None:
    cli("ingest", "in/grain-talks.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("ingest", "empty.txt", "in/port-closure.txt", "missing.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "rejected: empty.txt: [CL102] empty.txt is empty; nothing to ingest",
        "rejected: missing.txt: [CL101] missing.txt does not exist",
        "ingested 1 report (0 near-duplicate copies), 0 already stored, 2 rejected, 4 attributions",
        linked(7, 6),
    ]
    assert len(cli("reports", "--format", "jsonl").stdout.splitlines()) == 2


def test_cli_ingest_rejects_are_not_stored_twice(cli: Cli, db_path: Path) -> None:
    cli("ingest", "missing.txt", "in/wire.jsonl")
    cli("ingest", "missing.txt", "in/wire.jsonl")
    assert len(dump(db_path)["rejected"]) == 2


def test_cli_ingest_defaults_for_missing_metadata(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "bare.txt").write_text("Holm said the lighthouse on Skarholm would be repaired by May.\n")
    result = cli(
        "ingest", "--publisher", "Island Post", "--published", "2026-03-06", "bare.txt", "in/grain-talks.txt"
    )
    assert result.exit_code == 0
    published = {
        line.split('"title": ')[1].split(",")[0]: line
        for line in cli("reports", "--format", "jsonl").stdout.splitlines()
    }
    assert '"publisher": "Island Post", "published": "2026-03-06"' in published["null"]
    assert (
        '"publisher": "Northern Ledger", "published": "2026-03-02"'
        in published['"Grain talks resume in Osterholm"']
    )


@pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "03/03/2026", "20260303", "yesterday"])
def test_cli_ingest_bad_published_is_usage_error(cli: Cli, db_path: Path, value: str) -> None:
    result = cli("ingest", "--published", value, "in/grain-talks.txt")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == f"error: [CL201] --published '{value}' is not a date; give YYYY-MM-DD, e.g. 2026-03-03\n"
    )
    assert not db_path.exists()


def test_cli_ingest_without_paths_is_usage_error(cli: Cli) -> None:
    result = cli("ingest")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == "Error: Missing argument 'PATH'."


def test_cli_ingest_database_in_missing_folder_is_error(cli: Cli) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    result = CliRunner().invoke(app, ["--db", "no/such/folder/x.db", "ingest", "in/grain-talks.txt"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: [CL300] sqlite:///no/such/folder/x.db: "
        "directory 'no/such/folder' does not exist; create it first\n"
    )


def test_cli_ingest_database_from_environment(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["ingest", "in/grain-talks.txt"], env={"CLAIMLEDGER_DB": "env.db"})
    assert result.exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert not (tmp_path / "claimledger.db").exists()


def test_cli_ingest_progress_on_terminal_goes_to_stderr(cli: Cli) -> None:
    result = cli("ingest", "in/grain-talks.txt", env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert (result.exit_code, result.stdout) == (0, "")
    # The bar shows the last progress message when it stops; with link after ingest, that is link's.
    assert "\x1b[" in result.stderr and "linking 3 attributions" in result.stderr
    assert result.stderr.splitlines()[-2].endswith(
        "ingested 1 report (0 near-duplicate copies), 0 already stored, 0 rejected, 3 attributions"
    )
    assert result.stderr.splitlines()[-1] == linked(3, 2)
