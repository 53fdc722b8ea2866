"""What an export writes, read through the Store: claims, and the reports and attributions behind them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimledger.errors import StoreError
from claimledger.models import Attribution, Claim, Report
from claimledger.store.base import Store


@dataclass(frozen=True, slots=True)
class Ledger:
    """Claims in the store's order, with every report and attribution their statements and origins name."""

    claims: tuple[Claim, ...]
    reports: Mapping[str, Report]
    attributions: Mapping[str, Attribution]

    def attribution(self, attribution_id: str) -> Attribution:
        """The attribution of a statement; gather() guarantees that there is one."""
        return self.attributions[attribution_id]


def report_ids_of(claims: tuple[Claim, ...]) -> dict[str, None]:
    """Ids of the reports claims rest on (statements first, then origins' copies), in first-seen order."""
    ids = dict.fromkeys(s.report_id for claim in claims for s in claim.statements)
    ids.update(dict.fromkeys(r for claim in claims for origin in claim.origins for r in origin.reports))
    return ids


def gather(store: Store, *, min_origins: int = 0, story_id: str | None = None) -> Ledger:
    """The claims with `min_origins` or more origins (of one story if given), and what they rest on."""
    claims = tuple(store.claims(min_origins=min_origins, story_id=story_id))
    wanted = report_ids_of(claims)
    reports = {report.id: report for report in store.reports() if report.id in wanted}
    attributions = {a.id: a for report_id in reports for a in store.attributions(report_id=report_id)}
    missing = [s.attribution_id for c in claims for s in c.statements if s.attribution_id not in attributions]
    lost = [report_id for report_id in wanted if report_id not in reports]
    if missing or lost:
        raise StoreError(
            f"stored claims name reports or attributions that are not stored ({len(lost)} reports,"
            f" {len(missing)} attributions; first {(lost + missing)[0]});"
            " run `claimledger link` to recompute the claims"
        )
    return Ledger(claims, reports, attributions)
