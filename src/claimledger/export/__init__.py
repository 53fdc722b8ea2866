"""Exports of the ledger: claims with the reports and attributions they rest on, in other tools' formats.

Each format is one module with `export(ledger) -> Iterator[str]` yielding text chunks; the CLI writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from claimledger.export import csv, graphml, jsonl, misp, stix
from claimledger.export.ledger import Ledger, gather

Exporter = Callable[[Ledger], Iterator[str]]

EXPORTERS: dict[str, Exporter] = {
    "jsonl": jsonl.export,
    "csv": csv.export,
    "stix": stix.export,
    "misp": misp.export,
    "graphml": graphml.export,
}

__all__ = ["EXPORTERS", "Exporter", "Ledger", "gather"]
