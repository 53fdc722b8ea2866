"""One CSV row per statement: the claim it belongs to, its report, its source and what was said.

Cells are written as they are (quoted by the csv module); a spreadsheet may read a cell that begins
with `=` as a formula, so open the file as data, not by double-click, when its reports are untrusted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from claimledger.export.ledger import Ledger
from claimledger.models import Claim, Statement
from claimledger.serialize import iso

COLUMNS = (
    "claim_id",
    "summary",
    "grade",
    "origins",
    "attribution_id",
    "report_id",
    "publisher",
    "published",
    "source_text",
    "source_canonical",
    "source_kind",
    "source_anonymous",
    "cue",
    "content",
    "stance",
    "certainty",
    "conflicts",
)


def export(ledger: Ledger) -> Iterator[str]:
    """A header row, then one row per statement of each claim, in the claims' order."""
    yield _line(COLUMNS)
    for claim in ledger.claims:
        for statement in claim.statements:
            yield _line(_row(ledger, claim, statement))


def _row(ledger: Ledger, claim: Claim, statement: Statement) -> tuple[str, ...]:
    attribution = ledger.attribution(statement.attribution_id)
    meta = ledger.reports[statement.report_id].meta
    grade = claim.effective_grade
    source = attribution.source
    span = None if source is None else source.span
    return (
        claim.id,
        claim.summary,
        f"{grade.reliability}{grade.credibility}",
        str(claim.independent_origins),
        attribution.id,
        statement.report_id,
        meta.publisher or "",
        iso(meta.published) or "",
        "" if span is None else span.text,
        "" if source is None else source.canonical or "",
        "" if source is None else source.kind,
        "" if source is None else str(source.anonymous).lower(),
        attribution.cue.text,
        attribution.content.text,
        statement.stance,
        attribution.certainty,
        # The kinds of conflict this statement takes a side in ("quantity;place"), so a sheet can filter.
        ";".join(dict.fromkeys(c.kind for c in claim.conflicts if attribution.id in c.attribution_ids)),
    )


def _line(cells: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()
