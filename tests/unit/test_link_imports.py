"""The link stage imports only models, errors, settings and itself (ARCHITECTURE.md, rules of the house)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claimledger.link

LINK = Path(claimledger.link.__file__).parent
ALLOWED = ("claimledger.models", "claimledger.errors", "claimledger.settings", "claimledger.link")


@pytest.mark.parametrize("module", sorted(LINK.glob("*.py")), ids=lambda path: path.name)
def test_link_imports_only_models_errors_settings(module: Path) -> None:
    imported = []
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
    ours = [name for name in imported if name.startswith("claimledger")]
    assert [name for name in ours if not name.startswith(ALLOWED)] == []
