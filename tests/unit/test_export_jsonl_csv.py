"""export/jsonl.py and export/csv.py on a hand-built ledger."""

from __future__ import annotations

import csv
import io
import json

from export_values import HOSTILE, ledger

from claimledger.export import csv as csv_export
from claimledger.export import jsonl
from claimledger.serialize import claim_to_dict


def test_export_jsonl_is_claim_to_dict_per_line() -> None:
    built = ledger(override=True)
    lines = "".join(jsonl.export(built)).splitlines()
    assert [json.loads(line) for line in lines] == [claim_to_dict(claim) for claim in built.claims]
    assert json.loads(lines[0])["grade"]["reliability"] == "A"


def test_export_csv_header_and_one_row_per_statement() -> None:
    built = ledger()
    rows = list(csv.DictReader(io.StringIO("".join(csv_export.export(built)))))
    assert list(rows[0]) == list(csv_export.COLUMNS)
    assert len(rows) == sum(len(claim.statements) for claim in built.claims) == 4
    assert [row["attribution_id"] for row in rows] == ["a1", "a2", "a3", "a4"]
    first = rows[0]
    assert first["claim_id"] == "c1"
    assert first["grade"] == "B2"
    assert first["origins"] == "2"
    assert first["publisher"] == "The Harbour Gazette"
    assert first["published"] == "2026-03-03"
    assert first["source_text"] == "Border Guard"
    assert first["source_kind"] == "military"
    assert first["source_anonymous"] == "false"
    assert first["cue"] == "said"
    assert rows[1]["source_anonymous"] == "true"
    assert rows[2]["stance"] == "deny"
    assert rows[3]["published"] == ""
    assert rows[3]["grade"] == "C6"
    assert [row["conflicts"] for row in rows] == ["place;date", "place;date", "", ""]


def test_export_csv_keeps_hostile_text_as_one_cell() -> None:
    rows = list(csv.reader(io.StringIO("".join(csv_export.export(ledger())))))
    assert {len(row) for row in rows} == {len(csv_export.COLUMNS)}
    assert rows[2][13] == f"2,000 soldiers {HOSTILE}"


def test_export_csv_override_wins() -> None:
    rows = list(csv.DictReader(io.StringIO("".join(csv_export.export(ledger(override=True))))))
    assert rows[0]["grade"] == "A1"
