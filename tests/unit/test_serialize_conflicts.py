"""Conflicts of every kind survive serialize (the store's JSON column, the API, the JSONL export)."""

from __future__ import annotations

import pytest

from claimledger.models import CONFLICT_KINDS, Conflict, ConflictKind
from claimledger.serialize import conflict_from_dict, conflict_to_dict


@pytest.mark.parametrize("kind", CONFLICT_KINDS)
def test_serialize_conflicts_round_trip_every_kind(kind: ConflictKind) -> None:
    conflict = Conflict(kind, "unit", ("a", "b", "c"), ("x1", "x2"), (("a", "b"), ("c",)))
    assert conflict_from_dict(conflict_to_dict(conflict)) == conflict


def test_serialize_conflicts_rows_without_sides_read_as_one_value_a_side() -> None:
    stored = {
        "kind": "quantity",
        "unit": "troop",
        "values": ["about 2,000", "at least 5,000"],
        "attribution_ids": [],
    }
    conflict = conflict_from_dict(stored)
    assert conflict.sides == ()
    assert conflict.description == "troop numbers: about 2,000 vs at least 5,000"


def test_serialize_conflicts_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown conflict kind 'colour'"):
        conflict_from_dict({"kind": "colour", "unit": "", "values": [], "attribution_ids": []})
