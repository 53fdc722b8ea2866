"""GET /api/claims with each filter, sorts and pagination; GET /api/claims/{id}; POST .../grade."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def claims(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/claims", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


@pytest.fixture(scope="module")
def everything(client: TestClient) -> list[dict[str, Any]]:
    return claims(client)


def test_api_claims_all_most_origins_first(everything: list[dict[str, Any]]) -> None:
    assert len(everything) > 50
    origins = [c["independent_origins"] for c in everything]
    assert origins == sorted(origins, reverse=True)
    assert {"id", "summary", "story_id", "statements", "origins", "grade", "first_seen"} <= set(everything[0])


def test_api_claims_pagination(client: TestClient, everything: list[dict[str, Any]]) -> None:
    body = client.get("/api/claims", params={"limit": 5, "offset": 10}).json()
    assert (body["total"], body["limit"], body["offset"]) == (len(everything), 5, 10)
    assert [c["id"] for c in body["items"]] == [c["id"] for c in everything[10:15]]
    assert client.get("/api/claims", params={"offset": 10_000}).json()["items"] == []


def test_api_claims_story(client: TestClient, everything: list[dict[str, Any]]) -> None:
    story = client.get("/api/stories").json()["items"][0]
    found = claims(client, story=story["id"][:6])
    assert found and {c["story_id"] for c in found} == {story["id"]}
    assert {c["id"] for c in found} == {c["id"] for c in everything if c["story_id"] == story["id"]}


def test_api_claims_min_origins(client: TestClient, everything: list[dict[str, Any]]) -> None:
    found = claims(client, min_origins=3)
    assert found and all(c["independent_origins"] >= 3 for c in found)
    assert len(found) == sum(c["independent_origins"] >= 3 for c in everything)


@pytest.mark.parametrize("entity", ["Vessaria", "vessaria", "Tobias Wren"])
def test_api_claims_entity(client: TestClient, everything: list[dict[str, Any]], entity: str) -> None:
    found = claims(client, entity=entity)
    assert found and len(found) < len(everything)
    word = entity.casefold()
    for claim in found:
        names = [o["canonical"].casefold() for o in claim["origins"]]
        assert word in claim["summary"].casefold() or any(word in name for name in names)


def test_api_claims_source_kind(client: TestClient) -> None:
    found = claims(client, source_kind="ministry")
    assert found and all(any(o["kind"] == "ministry" for o in c["origins"]) for c in found)


@pytest.mark.parametrize(
    ("grade", "reliability", "credibility"), [("B", "B", None), ("b2", "B", 2), ("3", None, 3)]
)
def test_api_claims_grade(
    client: TestClient,
    everything: list[dict[str, Any]],
    grade: str,
    reliability: str | None,
    credibility: int | None,
) -> None:
    found = claims(client, grade=grade)

    def matches(claim: dict[str, Any]) -> bool:
        got = claim["grade"]
        return reliability in (None, got["reliability"]) and credibility in (None, got["credibility"])

    assert found and all(matches(c) for c in found)
    assert len(found) == sum(matches(c) for c in everything)


def test_api_claims_date_range(client: TestClient, everything: list[dict[str, Any]]) -> None:
    found = claims(client, date_from="2026-03-10", date_to="2026-03-11")
    assert found and len(found) < len(everything)
    for claim in found:
        assert claim["last_seen"] >= "2026-03-10" and claim["first_seen"] <= "2026-03-11"


def test_api_claims_full_text(client: TestClient, everything: list[dict[str, Any]]) -> None:
    found = {c["id"] for c in claims(client, q="SOLDIERS")}
    in_summary = {c["id"] for c in everything if "soldiers" in c["summary"].casefold()}
    assert in_summary and in_summary <= found
    # A statement's content counts too: the hostile report's words find its claim whatever its summary.
    hostile = claims(client, q="<script>alert(1)</script>")
    assert hostile
    assert claims(client, q="no such words anywhere in the ledger") == []


def test_api_claims_sorts(client: TestClient) -> None:
    by_grade = [c["grade"] for c in claims(client, sort="credibility")]
    assert [(g["credibility"], g["reliability"]) for g in by_grade] == sorted(
        (g["credibility"], g["reliability"]) for g in by_grade
    )
    seen = [c["last_seen"] or "" for c in claims(client, sort="recency")]
    assert seen == sorted(seen, reverse=True)


def test_api_claims_one_by_prefix(client: TestClient, everything: list[dict[str, Any]]) -> None:
    first = everything[0]
    response = client.get(f"/api/claims/{first['id'][:8]}")
    assert response.status_code == 200
    assert response.json() == first


def test_api_claims_grade_then_get_shows_override(writable_client: TestClient) -> None:
    claim = writable_client.get("/api/claims", params={"limit": 1}).json()["items"][0]
    computed = {k: v for k, v in claim["grade"].items() if k != "override"}
    body = {"reliability": "e", "credibility": 5, "why": "  the   images are old ", "analyst": "ana"}
    response = writable_client.post(f"/api/claims/{claim['id'][:8]}/grade", json=body)
    assert response.status_code == 200, response.text
    graded = response.json()["grade"]
    assert (graded["reliability"], graded["credibility"]) == ("E", 5)
    assert graded["reason"] == "analyst ana: the images are old"
    assert graded["override"]["computed"] == computed
    assert writable_client.get(f"/api/claims/{claim['id']}").json()["grade"] == graded
    assert claim["id"] in {c["id"] for c in claims(writable_client, grade="E5")}
