"""Claims as JSON lines, the shape `claimledger claims --format jsonl` prints."""

from __future__ import annotations

from collections.abc import Iterator

from claimledger.export.ledger import Ledger
from claimledger.serialize import claim_to_dict, json_line


def export(ledger: Ledger) -> Iterator[str]:
    """One JSON line per claim."""
    for claim in ledger.claims:
        yield json_line(claim_to_dict(claim)) + "\n"
