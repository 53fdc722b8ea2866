"""Exports read through the Store and reuse serialize; they import no stage, no CLI, and print nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claimledger.export

EXPORT = Path(claimledger.export.__file__).parent
ALLOWED = (
    "claimledger.models",
    "claimledger.errors",
    "claimledger.serialize",
    "claimledger.store.base",
    "claimledger.export",
)


@pytest.mark.parametrize("module", sorted(EXPORT.glob("*.py")), ids=lambda path: path.name)
def test_export_imports_only_models_store_protocol_serialize(module: Path) -> None:
    tree = ast.parse(module.read_text("utf-8"))
    imported = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
    ours = [name for name in imported if name.startswith("claimledger")]
    assert [name for name in ours if not name.startswith(ALLOWED)] == []
    calls = [n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert "print" not in calls
