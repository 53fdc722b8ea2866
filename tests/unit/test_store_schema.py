"""The schema stays portable: every table compiles for PostgreSQL as well as SQLite."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateTable

from claimledger.store.schema import metadata

TABLES = [
    "attributions",
    "boilerplate",
    "chain_links",
    "claim_search",
    "claims",
    "credits",
    "grade_overrides",
    "rejected",
    "reports",
    "schema_version",
    "signatures",
    "stories",
]


def test_store_schema_has_the_tables() -> None:
    assert sorted(metadata.tables) == TABLES


@pytest.mark.parametrize("dialect", [postgresql.dialect(), sqlite.dialect()], ids=["postgresql", "sqlite"])
def test_store_schema_compiles_for(dialect: Dialect) -> None:
    ddl = {name: str(CreateTable(table).compile(dialect=dialect)) for name, table in metadata.tables.items()}
    assert "BLOB" in ddl["signatures"] or "BYTEA" in ddl["signatures"]
    assert "WITH TIME ZONE" in ddl["rejected"] or dialect.name == "sqlite"
    assert "FOREIGN KEY(copy_of) REFERENCES reports (id)" in ddl["reports"]
