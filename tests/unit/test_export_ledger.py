"""export/ledger.py: gather() reads claims and what they rest on through the Store, and refuses gaps."""

from __future__ import annotations

import dataclasses

import pytest
from export_values import ledger

from claimledger.errors import StoreError
from claimledger.export.ledger import gather
from claimledger.models import Statement
from claimledger.store import Batch, SqlStore


def stored(store: SqlStore) -> None:
    built = ledger()
    store.add_batch(
        Batch(reports=list(built.reports.values()), attributions=list(built.attributions.values()))
    )
    store.replace_claims([dataclasses.replace(claim, story_id=None) for claim in built.claims])


def test_export_ledger_gather_reads_claims_reports_attributions(store: SqlStore) -> None:
    stored(store)
    found = gather(store)
    assert [claim.id for claim in found.claims] == ["c1", "c2"]
    assert set(found.reports) == {"r1", "r2", "r3"}
    assert set(found.attributions) == {"a1", "a2", "a3", "a4"}
    only = gather(store, min_origins=2)
    assert [claim.id for claim in only.claims] == ["c1"]
    assert set(only.reports) == {"r1", "r2"}
    assert set(only.attributions) == {"a1", "a2", "a3"}


def test_export_ledger_gather_refuses_missing_attribution(store: SqlStore) -> None:
    stored(store)
    claim = ledger().claims[1]
    broken = dataclasses.replace(
        claim, story_id=None, statements=(*claim.statements, Statement("a9", "r3", "assert", 1.0, "x"))
    )
    store.replace_claims([broken])
    with pytest.raises(StoreError, match=r"\(0 reports, 1 attributions; first a9\); run `claimledger link`"):
        gather(store)
