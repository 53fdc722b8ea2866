"""Errors as `{"error": {"code", "message"}}`: 404 unknown ids, 422 bad parameters, 400 bad grades."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimledger.api import create_app
from claimledger.settings import Settings, db_url_for


@pytest.mark.parametrize(
    "path",
    ["/api/reports/ffff0000", "/api/claims/ffff0000", "/api/stories/ffff0000", "/api/sources/ffff0000"],
)
def test_api_errors_unknown_id_is_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert set(response.json()) == {"error"}
    assert error["code"] == "CL301"
    assert "ffff0000" in error["message"]


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 501}, "query.limit"),
        ({"offset": -1}, "query.offset"),
        ({"grade": "G7"}, "query.grade"),
        ({"sort": "random"}, "query.sort"),
        ({"source_kind": "oracle"}, "query.source_kind"),
        ({"date_from": "2026-02-30"}, "query.date_from"),
        ({"min_origins": "many"}, "query.min_origins"),
    ],
)
def test_api_errors_bad_parameter_is_422(client: TestClient, params: dict[str, object], where: str) -> None:
    response = client.get("/api/claims", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "CL206"
    assert error["message"].startswith(f"{where}: ")


def test_api_errors_unknown_story_filter_is_404(client: TestClient) -> None:
    response = client.get("/api/claims", params={"story": "ffff0000"})
    assert (response.status_code, response.json()["error"]["code"]) == (404, "CL301")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"reliability": "G", "credibility": 2, "why": "x", "analyst": "ana"}, 400, "CL204"),
        ({"reliability": "A", "credibility": 7, "why": "x", "analyst": "ana"}, 400, "CL204"),
        ({"reliability": "A", "credibility": 1, "why": "  ", "analyst": "ana"}, 400, "CL204"),
        ({"reliability": "A", "credibility": 1, "why": "x", "analyst": ""}, 400, "CL204"),
        ({"reliability": "A", "credibility": "one", "why": "x", "analyst": "ana"}, 422, "CL206"),
        ({"reliability": "A"}, 422, "CL206"),
    ],
)
def test_api_errors_bad_grade(
    writable_client: TestClient, body: dict[str, object], status: int, code: str
) -> None:
    claim_id = writable_client.get("/api/claims", params={"limit": 1}).json()["items"][0]["id"]
    response = writable_client.post(f"/api/claims/{claim_id}/grade", json=body)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code), response.text
    assert writable_client.get(f"/api/claims/{claim_id}").json()["grade"]["override"] is None


def test_api_errors_grade_unknown_claim_is_404(writable_client: TestClient) -> None:
    body = {"reliability": "A", "credibility": 1, "why": "x", "analyst": "ana"}
    response = writable_client.post("/api/claims/ffff0000/grade", json=body)
    assert (response.status_code, response.json()["error"]["code"]) == (404, "CL301")


def test_api_errors_missing_ledger_is_json_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with TestClient(create_app(Settings(db_url=db_url_for(str(missing))))) as client:
        response = client.get("/api/claims")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "CL300"
    assert not missing.exists()


def test_api_errors_openapi_lists_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/reports",
        "/api/reports/{report_id}",
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/claims/{claim_id}/grade",
        "/api/sources",
        "/api/sources/{source_id}",
        "/api/stories",
        "/api/stories/{story_id}",
    }
    assert "post" in paths["/api/claims/{claim_id}/grade"]
