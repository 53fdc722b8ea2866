"""GET /api/sources and /api/sources/{id}: origins and deniers with counts and grades."""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi.testclient import TestClient


def sources(client: TestClient) -> list[dict[str, Any]]:
    body = client.get("/api/sources", params={"limit": 500}).json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def test_api_sources_counts_and_stable_ids(client: TestClient) -> None:
    found = sources(client)
    assert found
    asserted = [s["claims_asserted"] for s in found]
    assert asserted == sorted(asserted, reverse=True)
    for source in found:
        key = f"{source['kind']}:{source['canonical']}".encode()
        assert source["id"] == hashlib.sha256(key).hexdigest()[:16]
        assert sum(source["grades"].values()) == source["claims_asserted"]
    assert any(s["denials_made"] for s in found)


def test_api_sources_one_record(client: TestClient) -> None:
    denier = next(s for s in sources(client) if s["denials_made"] and s["claims_asserted"])
    response = client.get(f"/api/sources/{denier['id']}")
    assert response.status_code == 200
    record = response.json()
    assert {k: record[k] for k in denier} == denier
    assert len(record["claims"]) == denier["claims_asserted"]
    assert len(record["denied"]) == denier["denials_made"]
    claim = client.get(f"/api/claims/{record['claims'][0]}").json()
    assert denier["canonical"] in {o["canonical"] for o in claim["origins"]}
    denied = client.get(f"/api/claims/{record['denied'][0]}").json()
    assert denied["denials"]
