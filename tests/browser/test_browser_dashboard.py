"""The dashboard in Chromium against the real server: filter the ledger, open a claim, open a report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture
def page(browser: Any) -> Any:
    """A new tab that records any dialog (alert, confirm) a page opens."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    tab.close()


def test_browser_ledger_filter_claim_and_report(page: Any, server: str, artifacts: Path) -> None:
    page.goto(server + "/")
    rows = page.locator("table.claims tbody tr")
    everything = rows.count()
    assert everything == 25
    page.screenshot(path=str(artifacts / "ledger.png"), full_page=True)

    page.fill("input[name=min_origins]", "3")
    page.select_option("select[name=sort]", "credibility")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*min_origins=3*")
    assert 0 < rows.count() < everything

    page.click("table.claims tbody tr:first-child a")
    page.wait_for_url("**/claims/*")
    graph = page.locator("svg.provenance")
    assert graph.is_visible()
    assert page.locator("svg.provenance g.node.origin").count() >= 3
    assert page.locator("svg.provenance g.node.claim").count() == 1
    assert page.locator("svg.provenance line.edge").count() > 3
    page.screenshot(path=str(artifacts / "claim.png"), full_page=True)

    page.click("table.statements tbody tr:first-child a")
    page.wait_for_url("**/reports/*")
    for kind in ("source", "cue", "content"):
        assert page.locator(f".text mark.{kind}").count() > 0
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    assert page.dialogs == []


def test_browser_hostile_report_fires_no_dialog(page: Any, server: str, artifacts: Path) -> None:
    reports = httpx.get(f"{server}/api/reports", params={"limit": 500}).json()["items"]
    hostile = next(r["id"] for r in reports if r["publisher"] == "The Hostile Herald")
    page.set_content("<script>alert('probe')</script>")  # the listener does see a dialog that fires
    assert page.dialogs == ["probe"]
    page.dialogs.clear()
    page.goto(f"{server}/reports/{hostile}")
    page.wait_for_load_state("load")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert "<img src=x onerror=alert(1)>" in page.locator(".text").inner_text()
    assert page.locator("main script, main img").count() == 0
    page.screenshot(path=str(artifacts / "hostile-report.png"), full_page=True)
    assert page.dialogs == []
