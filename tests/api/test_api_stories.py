"""GET /api/stories and /api/stories/{id}."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_api_stories_list_and_one(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == len(body["items"]) >= 2
    largest = body["items"][0]
    assert len(largest["reports"]) >= len(body["items"][1]["reports"])
    response = client.get(f"/api/stories/{largest['id'][:6]}")
    assert response.status_code == 200
    assert response.json() == largest
    assert {"id", "title", "summary", "reports", "claims", "first_seen", "last_seen"} == set(largest)
