"""GET /api/reports and /api/reports/{id}; hostile report text comes back as JSON data only."""

from __future__ import annotations

from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"  # as in the hostile report of conftest.py


def test_api_reports_list_is_paginated(client: TestClient) -> None:
    everything = client.get("/api/reports", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) >= 17
    page = client.get("/api/reports", params={"limit": 3, "offset": 2}).json()
    assert (page["total"], page["limit"], page["offset"]) == (everything["total"], 3, 2)
    assert [r["id"] for r in page["items"]] == [r["id"] for r in everything["items"][2:5]]
    assert {"id", "publisher", "published", "title", "text", "credits", "copy_of"} <= set(page["items"][0])


def test_api_reports_one_by_prefix_with_attributions(client: TestClient) -> None:
    first = client.get("/api/reports", params={"limit": 1}).json()["items"][0]
    response = client.get(f"/api/reports/{first['id'][:6]}")
    assert response.status_code == 200
    report = response.json()
    assert report["id"] == first["id"]
    assert report["attributions"]
    attribution = report["attributions"][0]
    assert attribution["report_id"] == first["id"]
    content = attribution["content"]
    assert report["text"][content["start"] : content["end"]] == content["text"]


def test_api_reports_hostile_text_is_json_data(client: TestClient) -> None:
    hostile = next(
        r
        for r in client.get("/api/reports", params={"limit": 500}).json()["items"]
        if r["publisher"] == "The Hostile Herald"
    )
    response = client.get(f"/api/reports/{hostile['id']}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    report = response.json()
    assert SCRIPT in report["text"]
    assert report["title"] == f"Port closed {SCRIPT}"
    # In the body the tag sits inside a JSON string, never as markup of a document.
    assert response.text.startswith("{")
