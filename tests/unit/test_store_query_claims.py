"""`Store.query_claims` (SQL) finds, orders and pages claims exactly as `filter_claims` (Python) does."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from sqlalchemy import delete

from claimledger.api.query import ClaimQuery, ClaimSort, filter_claims
from claimledger.models import (
    Attribution,
    Claim,
    Grade,
    GradeOverride,
    Origin,
    Report,
    ReportMeta,
    SourceKind,
    SourceMention,
    Span,
    Statement,
)
from claimledger.settings import Settings
from claimledger.store import SqlStore, open_store
from claimledger.store.base import Batch
from claimledger.store.schema import ClaimSearchRow

CONTENTS = {
    "a1": "Dockers blocked the gates of Saltmere",
    "a2": "No troops crossed; the ÉCLUSE stayed shut",
    "a3": "Talks resume on Monday in Orlin",
}
REPORT = Report("r1", "r1.txt", " ".join(CONTENTS.values()), ReportMeta(published=dt.date(2026, 3, 1)))


def attribution(attribution_id: str) -> Attribution:
    content = CONTENTS[attribution_id]
    start = REPORT.text.index(content)
    mention = SourceMention(None, "official", False, "Harbour master")
    return Attribution(
        attribution_id,
        "r1",
        (mention,),
        Span(0, 4, "said"),
        Span(start, start + len(content), content),
        False,
        "assert",
        "certain",
    )


def claim(
    claim_id: str,
    summary: str,
    *,
    grade: str,
    seen: tuple[str, str] | None,
    origins: tuple[tuple[str, SourceKind], ...],
    said: tuple[str, ...],
    story: str | None = None,
) -> Claim:
    found = tuple(Origin(f"k:{name}", name, kind, False, None, ("r1",)) for name, kind in origins)
    first, last = (
        (None, None) if seen is None else (dt.date.fromisoformat(seen[0]), dt.date.fromisoformat(seen[1]))
    )
    return Claim(
        claim_id,
        summary,
        tuple(Statement(a, "r1", "assert", 1.0, "why") for a in said),
        found,
        (),
        Grade(grade[0], int(grade[1]), "why"),  # type: ignore[arg-type]  # a letter A-F
        first,
        last,
        story,
    )


CLAIMS = [
    claim("c1", "troops gathered at the border", grade="B2", seen=("2026-03-01", "2026-03-03"),
          origins=(("Ministry of Defence", "ministry"), ("Jon Ekwe", "person")), said=("a2",), story="s1"),
    claim("c2", "the port is closed", grade="C3", seen=("2026-03-05", "2026-03-05"),
          origins=(("Harbour master", "official"),), said=("a1", "missing"), story="s1"),
    claim("c3", "talks resume on Monday", grade="A1", seen=("2026-03-02", "2026-03-04"),
          origins=(("Ministry c3", "ministry"),), said=("a3",), story="s2"),
    claim("c4", "Saltmere port reopened", grade="B2", seen=None,
          origins=(("Port authority", "official"), ("Écluse office", "ngo"), ("Anon", "anonymous")), said=()),
    claim("c5", "the éCLUSE of the port failed", grade="B1", seen=("2026-03-04", "2026-03-04"),
          origins=(("Harbour master", "official"),), said=("a1", "a2")),
]  # fmt: skip
QUERIES = [
    ClaimQuery(),
    ClaimQuery(entity="PORT"),
    ClaimQuery(entity="Ministry c3"),
    ClaimQuery(entity="tal"),
    ClaimQuery(entity="écluse"),
    ClaimQuery(entity="harbour master"),
    ClaimQuery(source_kind="official"),
    ClaimQuery(source_kind="person"),
    ClaimQuery(reliability="B"),
    ClaimQuery(credibility=2),
    ClaimQuery(reliability="B", credibility=1),
    ClaimQuery(date_from=dt.date(2026, 3, 4)),
    ClaimQuery(date_to=dt.date(2026, 3, 2)),
    ClaimQuery(date_from=dt.date(2026, 3, 3), date_to=dt.date(2026, 3, 4)),
    ClaimQuery(text="GATHERED"),
    ClaimQuery(text="dockers"),
    ClaimQuery(text="écluse"),
    ClaimQuery(text="50%_"),
    ClaimQuery(text="the"),
    ClaimQuery(entity="port", source_kind="official", text="the"),
]
SORTS: list[ClaimSort] = ["origins", "credibility", "recency"]


@pytest.fixture
def ledger(store: SqlStore) -> SqlStore:
    store.add_batch(Batch(reports=[REPORT], attributions=[attribution(a) for a in CONTENTS]))
    store.replace_claims(CLAIMS)
    return store


def expected(
    query: ClaimQuery, claims: list[Claim], *, min_origins: int = 0, story: str | None = None
) -> list[str]:
    kept = [
        c for c in claims if c.independent_origins >= min_origins and (story is None or c.story_id == story)
    ]
    return [c.id for c in filter_claims(kept, query, CONTENTS)]


@pytest.mark.parametrize(("query", "sort"), list(itertools.product(QUERIES, SORTS)))
def test_store_query_claims_matches_filter_claims(
    ledger: SqlStore, query: ClaimQuery, sort: ClaimSort
) -> None:
    query = dataclasses.replace(query, sort=sort)
    shown, total = ledger.query_claims(query, limit=50, offset=0)
    assert [c.id for c in shown] == expected(query, CLAIMS)
    assert total == len(shown)


@pytest.mark.parametrize("query", [q for q in QUERIES if q.entity])
def test_store_query_claims_tests_entity_words_in_python_without_regexp(
    ledger: SqlStore, query: ClaimQuery
) -> None:
    ledger._regexp = False  # as on PostgreSQL, whose regular expressions are not Python's
    shown, total = ledger.query_claims(query, limit=1, offset=1)
    assert [c.id for c in shown] == expected(query, CLAIMS)[1:2]
    assert total == len(expected(query, CLAIMS))


@pytest.mark.parametrize(("min_origins", "story"), [(0, "s1"), (2, None), (2, "s1"), (3, None), (0, "s9")])
def test_store_query_claims_min_origins_and_story(
    ledger: SqlStore, min_origins: int, story: str | None
) -> None:
    shown, total = ledger.query_claims(
        ClaimQuery(), min_origins=min_origins, story_id=story, limit=50, offset=0
    )
    assert [c.id for c in shown] == expected(ClaimQuery(), CLAIMS, min_origins=min_origins, story=story)
    assert total == len(shown)


@pytest.mark.parametrize(
    ("query", "limit", "offset"), [(ClaimQuery(), 2, 1), (ClaimQuery(entity="port"), 1, 1)]
)
def test_store_query_claims_pages(ledger: SqlStore, query: ClaimQuery, limit: int, offset: int) -> None:
    everything = expected(query, CLAIMS)
    shown, total = ledger.query_claims(query, limit=limit, offset=offset)
    assert [c.id for c in shown] == everything[offset : offset + limit]
    assert total == len(everything)


def test_store_query_claims_returns_the_stored_claims(ledger: SqlStore) -> None:
    shown, _ = ledger.query_claims(ClaimQuery(sort="recency"), limit=50, offset=0)
    assert sorted(shown, key=lambda c: c.id) == sorted(ledger.claims(), key=lambda c: c.id)


def test_store_query_claims_filters_by_the_analysts_grade(ledger: SqlStore) -> None:
    at = dt.datetime(2026, 3, 6, tzinfo=dt.UTC)
    ledger.add_override(GradeOverride("c3", "F", 6, "retracted", "ana", at))
    ledger.add_override(GradeOverride("c3", "E", 5, "partly retracted", "ana", at))
    claims = list(ledger.claims())
    for query in [ClaimQuery(reliability="E"), ClaimQuery(reliability="A"), ClaimQuery(sort="credibility")]:
        shown, _ = ledger.query_claims(query, limit=50, offset=0)
        assert [c.id for c in shown] == expected(query, claims)
    assert ledger.query_claims(ClaimQuery(credibility=5), limit=50, offset=0)[0][0].override is not None
    ledger.replace_claims(CLAIMS)
    shown, _ = ledger.query_claims(ClaimQuery(reliability="E"), limit=50, offset=0)
    assert [c.id for c in shown] == ["c3"]


def test_store_query_claims_rebuilds_the_index_of_an_older_ledger(
    ledger: SqlStore, settings: Settings
) -> None:
    with ledger._engine.begin() as conn:  # a ledger written before claim_search existed
        conn.execute(delete(ClaimSearchRow))
    reopened = open_store(settings)
    shown, total = reopened.query_claims(ClaimQuery(text="dockers"), limit=50, offset=0)
    reopened.close()
    assert ([c.id for c in shown], total) == (["c2", "c5"], 2)


@pytest.mark.parametrize(("query", "sort"), list(itertools.product(QUERIES, SORTS)))
def test_store_query_claims_pages_every_filter_and_sort_from_an_offset(
    ledger: SqlStore, query: ClaimQuery, sort: ClaimSort
) -> None:
    query = dataclasses.replace(query, sort=sort)
    shown, total = ledger.query_claims(query, limit=2, offset=1)
    assert [c.id for c in shown] == expected(query, CLAIMS)[1:3]
    assert total == len(expected(query, CLAIMS))
