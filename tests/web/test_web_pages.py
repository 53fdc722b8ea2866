"""The dashboard's pages through the app: filters, claim graph, highlighted report, hostile text escaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimledger.api import create_app
from claimledger.settings import Settings, db_url_for
from claimledger.web.highlight import highlighted
from claimledger.web.security import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(web_ledger: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_url=db_url_for(str(web_ledger))))) as test_client:
        yield test_client


def claim_ids(html: str) -> list[str]:
    return re.findall(r'href="/claims/([0-9a-f]{16})"', html)


def top_claim(client: TestClient) -> dict[str, Any]:
    """The claim with most independent origins (the troop build-up on the examples)."""
    claim: dict[str, Any] = client.get("/api/claims", params={"limit": 1}).json()["items"][0]
    return claim


def hostile_report_id(client: TestClient) -> str:
    reports = client.get("/api/reports", params={"limit": 500}).json()["items"]
    return next(r["id"] for r in reports if r["publisher"] == "The Hostile Herald")


def test_web_ledger_lists_claims_with_csp(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert len(claim_ids(response.text)) == 25
    assert 'href="?sort=origins&amp;page=2"' in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"min_origins": "3"},
        {"q": "fewer than 1,500", "min_origins": "", "grade": ""},
        {"source_kind": "military", "grade": "B", "sort": "credibility"},
    ],
)
def test_web_ledger_filters_like_the_api(client: TestClient, params: dict[str, str]) -> None:
    shown = set(claim_ids(client.get("/", params=params).text))
    assert shown
    api = {
        c["id"]
        for c in client.get("/api/claims", params={k: v for k, v in params.items() if v}).json()["items"]
    }
    assert shown == api


def test_web_ledger_sorts_by_recency(client: TestClient) -> None:
    shown = claim_ids(client.get("/", params={"sort": "recency"}).text)
    api = [
        c["id"] for c in client.get("/api/claims", params={"sort": "recency", "limit": 25}).json()["items"]
    ]
    assert shown == api


@pytest.mark.parametrize("params", [{"grade": "Z9"}, {"source_kind": "wizard"}, {"min_origins": "x"}])
def test_web_ledger_bad_filter_is_400(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "CL206"


def test_web_claim_page_draws_graph_and_timeline(client: TestClient) -> None:
    claim = top_claim(client)
    response = client.get(f"/claims/{claim['id'][:8]}")
    assert response.status_code == 200
    html = response.text
    assert '<svg class="provenance"' in html
    assert html.count('class="node origin"') == claim["independent_origins"] > 1
    assert 'class="node denier"' in html and 'class="edge deny"' in html
    assert 'class="node claim"' in html
    assert '<ol class="timeline">' in html
    assert "hedges" in html or "certain" in html


def test_web_report_page_marks_spans(client: TestClient) -> None:
    claim = top_claim(client)
    response = client.get(f"/reports/{claim['statements'][0]['report_id']}")
    assert response.status_code == 200
    for kind in ("source", "cue", "content"):
        assert f'<mark class="{kind}">' in response.text


def test_web_pages_escape_hostile_report(client: TestClient) -> None:
    report_id = hostile_report_id(client)
    claims = client.get("/api/claims", params={"limit": 500}).json()["items"]
    hostile = [c["id"] for c in claims if any(s["report_id"] == report_id for s in c["statements"])]
    pages = [client.get(f"/reports/{report_id}").text, client.get("/", params={"q": "Saltmere"}).text]
    pages += [client.get(f"/claims/{claim_id}").text for claim_id in hostile]
    assert len(pages) > 2
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "Port closed &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert "<script" not in pages[0]


def test_web_source_and_story_pages(client: TestClient) -> None:
    claim = top_claim(client)
    claim_html = client.get(f"/claims/{claim['id']}").text
    source = re.search(r'href="/sources/([0-9a-f]{16})"', claim_html)
    story = re.search(r'href="/stories/([0-9a-f]+)"', claim_html)
    assert source is not None and story is not None
    assert "Claims it is an origin of" in client.get(f"/sources/{source.group(1)}").text
    story_html = client.get(f"/stories/{story.group(1)}").text
    assert '<ol class="timeline">' in story_html and claim["id"] in story_html


@pytest.mark.parametrize(
    "path", ["/claims/ffffffff", "/reports/ffffffff", "/sources/0000", "/stories/ffffffff"]
)
def test_web_unknown_id_is_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_web_static_css_is_served(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/css")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("a<b>c", [], "a&lt;b&gt;c"),
        (
            "said x",
            [(0, 4, "cue"), (5, 6, "content")],
            '<mark class="cue">said</mark> <mark class="content">x</mark>',
        ),
        (
            "abcd",
            [(0, 4, "content"), (1, 2, "source")],
            '<mark class="content">a</mark><mark class="content"><mark class="source">b</mark></mark>'
            '<mark class="content">cd</mark>',
        ),
        (
            "ab&",
            [(1, 3, "boilerplate"), (0, 9, "cue")],
            '<mark class="cue">a</mark><mark class="cue"><span class="boilerplate">b&amp;</span></mark>',
        ),
    ],
)
def test_web_highlight_nests_and_escapes(text: str, spans: list[tuple[int, int, str]], expected: str) -> None:
    assert str(highlighted(text, spans)) == expected  # type: ignore[arg-type]
