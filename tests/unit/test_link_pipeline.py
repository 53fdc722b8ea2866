"""pipeline.link: claims recomputed from stored attributions in one transaction; analyst grades kept."""

from __future__ import annotations

import datetime as dt

import pytest
from link_values import attribution, quantity, report, source

from claimledger.errors import NotFound, StoreError
from claimledger.models import GradeOverride
from claimledger.pipeline import link
from claimledger.settings import Settings
from claimledger.store import Batch, SqlStore

TROOPS = "Vessaria has moved at least 5,000 troops to the border crossing at Velka"


def stored(store: SqlStore) -> None:
    store.add_batch(
        Batch(
            reports=[report("r1", "Meridian Press Agency"), report("r2", "Northgate Tribune", day=4)],
            attributions=[
                attribution(
                    "a1",
                    "r1",
                    TROOPS,
                    source("an unnamed official", anonymous=True),
                    quantities=(quantity("at least 5,000", 5000, "troops"),),
                ),
                attribution(
                    "a2",
                    "r2",
                    "about 2,000 soldiers were moved to the border crossing at Velka",
                    source("State Border Guard Service", "military"),
                    quantities=(quantity("about 2,000", 2000, "soldiers"),),
                ),
                attribution(
                    "d1", "r2", "the reports as fabrications", source("Ministry", "ministry"), stance="deny"
                ),
                attribution(
                    "a3",
                    "r2",
                    "the harbour of Saltmere stayed closed on Thursday",
                    source("port", "official"),
                ),
            ],
        )
    )


def override(claim_id: str, why: str, minute: int) -> GradeOverride:
    return GradeOverride(claim_id, "A", 1, why, "ana", dt.datetime(2026, 3, 12, 9, minute, tzinfo=dt.UTC))


def test_link_pipeline_stores_claims_with_origins_denials_conflicts(
    store: SqlStore, settings: Settings
) -> None:
    stored(store)
    summary = link(store, settings)
    assert (
        summary.attributions,
        summary.claims,
        summary.corroborated,
        summary.denials,
        summary.conflicts,
    ) == (
        4,
        2,
        1,
        1,
        1,
    )
    troops, harbour = store.claims()
    assert [s.attribution_id for s in troops.statements] == ["a1", "a2", "d1"]
    assert troops.independent_origins == 2
    assert [d.attribution_id for d in troops.denials] == ["d1"]
    assert troops.conflicts[0].values == ("at least 5,000 troops", "about 2,000 soldiers")
    assert (troops.grade.reliability, troops.grade.credibility) == ("B", 2)
    assert (troops.first_seen, troops.last_seen) == (dt.date(2026, 3, 3), dt.date(2026, 3, 4))
    assert [c.id for c in store.claims(min_origins=2)] == [troops.id]
    assert store.claim(troops.id[:6]) == troops
    assert harbour.independent_origins == 1


def test_link_pipeline_rerun_gives_the_same_claims_and_keeps_overrides(
    store: SqlStore, settings: Settings
) -> None:
    stored(store)
    link(store, settings)
    before = list(store.claims())
    store.add_override(override(before[0].id, "seen the images myself", 0))
    store.add_override(override(before[0].id, "and a second look", 5))
    link(store, settings)
    after = list(store.claims())
    assert [c.id for c in after] == [c.id for c in before]
    assert after[0].grade == before[0].grade
    assert after[0].override == override(before[0].id, "and a second look", 5)
    assert after[0].effective_grade.reason == "analyst ana: and a second look"
    assert [o.why for o in store.overrides(claim_id=before[0].id)] == [
        "seen the images myself",
        "and a second look",
    ]
    assert after[1].override is None


def test_link_pipeline_override_of_unknown_claim_is_refused(store: SqlStore, settings: Settings) -> None:
    stored(store)
    link(store, settings)
    with pytest.raises(NotFound, match="no claim with id 'ffffffffffffffff'"):
        store.add_override(override("ffffffffffffffff", "why", 0))
    assert list(store.overrides()) == []


@pytest.mark.parametrize("prefix", ["", "ab", "zzzz"])
def test_link_pipeline_claim_lookup_needs_a_known_id(
    store: SqlStore, settings: Settings, prefix: str
) -> None:
    stored(store)
    link(store, settings)
    with pytest.raises(NotFound):
        store.claim(prefix)


def test_link_pipeline_failed_write_keeps_old_claims(
    store: SqlStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored(store)
    link(store, settings)
    before = list(store.claims())
    from claimledger.store import rows

    def broken(claim: object, position: int) -> dict[str, object]:
        return {"id": None, "position": position}

    monkeypatch.setattr(rows, "claim_values", broken)
    with pytest.raises(StoreError, match="the claims could not be stored and the old ones are kept"):
        link(store, settings)
    assert list(store.claims()) == before
