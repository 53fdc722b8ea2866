"""Stories in the store: written with the claims in one transaction, read back whole, found by prefix."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.errors import NotFound
from claimledger.models import Claim, Grade, Statement, Story, StoryMember
from claimledger.store import SqlStore


def make_claim(claim_id: str, story: str | None) -> Claim:
    statement = Statement(
        attribution_id=f"a-{claim_id}", report_id="r1", stance="assert", score=1.0, reason="x"
    )
    return Claim(
        id=claim_id,
        summary=f"summary of {claim_id}",
        statements=(statement,),
        origins=(),
        conflicts=(),
        grade=Grade("F", 6, "test."),
        first_seen=None,
        last_seen=None,
        story_id=story,
    )


def make_story(sid: str, *claim_ids: str) -> Story:
    return Story(
        id=sid,
        title=f"title of {sid}",
        summary=None,
        members=(StoryMember("r1", "first report of this story"), StoryMember("r2", "shares claim c1")),
        claim_ids=claim_ids,
        first_seen=dt.date(2026, 3, 2),
        last_seen=dt.date(2026, 3, 9),
    )


@pytest.fixture
def linked(store: SqlStore) -> SqlStore:
    claims = [
        make_claim("c1aa000000000000", "5aaa000000000000"),
        make_claim("c2bb000000000000", "5bbb000000000000"),
    ]
    stories = [
        make_story("5aaa000000000000", "c1aa000000000000"),
        make_story("5bbb000000000000", "c2bb000000000000"),
    ]
    store.replace_claims(claims, stories)
    return store


def test_store_stories_read_back_in_order(linked: SqlStore) -> None:
    assert list(linked.stories()) == [
        make_story("5aaa000000000000", "c1aa000000000000"),
        make_story("5bbb000000000000", "c2bb000000000000"),
    ]


def test_store_stories_claims_of_one_story(linked: SqlStore) -> None:
    assert [c.id for c in linked.claims(story_id="5bbb000000000000")] == ["c2bb000000000000"]
    assert [c.story_id for c in linked.claims()] == ["5aaa000000000000", "5bbb000000000000"]


@pytest.mark.parametrize("given", ["5bbb000000000000", "5bbb", " 5bbb0 "])
def test_store_stories_found_by_id_or_prefix(linked: SqlStore, given: str) -> None:
    assert linked.story(given).id == "5bbb000000000000"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("5ccc", "[CL301] no story with id or id prefix '5ccc'; `claimledger stories` lists them"),
        ("5b", "[CL301] no story with id or id prefix '5b' (give at least 4 characters); "),
    ],
)
def test_store_stories_unknown_or_short_prefix_is_not_found(
    linked: SqlStore, given: str, message: str
) -> None:
    with pytest.raises(NotFound) as caught:
        linked.story(given)
    assert str(caught.value).startswith(message)


def test_store_stories_ambiguous_prefix_is_not_found(store: SqlStore) -> None:
    store.replace_claims([], [make_story("5aaa000000000001"), make_story("5aaa000000000002")])
    with pytest.raises(NotFound, match="story id prefix '5aaa' is ambiguous"):
        store.story("5aaa")


def test_store_stories_relink_replaces_them(linked: SqlStore) -> None:
    linked.replace_claims([make_claim("c3cc000000000000", None)], [])
    assert list(linked.stories()) == []
    assert [c.story_id for c in linked.claims()] == [None]
