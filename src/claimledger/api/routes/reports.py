"""GET /api/reports and /api/reports/{report_id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from claimledger.api.deps import StoreDep
from claimledger.api.paging import Limit, Offset, page
from claimledger.api.schemas import Page, ReportPublic, ReportWithAttributions
from claimledger.serialize import attribution_to_dict, report_to_dict

router = APIRouter(tags=["reports"])


@router.get("/reports", response_model=Page[ReportPublic])
def list_reports(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored reports, oldest publication first, with their text."""
    return page(store.reports(), report_to_dict, limit=limit, offset=offset)


@router.get("/reports/{report_id}", response_model=ReportWithAttributions)
def get_report(store: StoreDep, report_id: str) -> dict[str, Any]:
    """One report (id or unique prefix of 4+ characters) with its attributions in text order."""
    report = store.report(report_id)
    attributions = [attribution_to_dict(a) for a in store.attributions(report_id=report.id)]
    return report_to_dict(report) | {"attributions": attributions}
