"""Stories grouped from our example reports, against examples/STORYLINE.md.

The storyline has two stories: the Vessaria–Orlenia build-up (every report but two) and the Saltmere
dock strike (Coastline Business Journal 03-05 and the Northgate Tribune line of the 03-08 JSONL feed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.extract import Extractor
from claimledger.models import Claim, Report, Story
from claimledger.pipeline import LinkSummary, ingest, link
from claimledger.settings import Settings
from claimledger.store import SqlStore, open_store

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Grouped:
    store: SqlStore
    settings: Settings
    summary: LinkSummary
    stories: list[Story]
    claims: list[Claim]
    reports: list[Report]

    def strike_reports(self) -> set[str]:
        return {
            r.id
            for r in self.reports
            if Path(r.origin).name.startswith("2026-03-05_coastline")
            or r.meta.external_id == "nt-2026-0308-saltmere"
        }


@pytest.fixture(scope="module")
def grouped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Grouped]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        settings = Settings(
            db_url=f"sqlite:///{tmp_path_factory.mktemp('stories') / 'stories.db'}",
            gazetteer_path=Path("examples/gazetteer.json"),
        )
        store = open_store(settings)
        ingest(["examples/reports"], store=store, settings=settings, extractor=Extractor(settings))
        summary = link(store, settings)
        yield Grouped(
            store, settings, summary, list(store.stories()), list(store.claims()), list(store.reports())
        )
        store.close()


def test_stories_strike_is_a_story_of_its_own(grouped: Grouped) -> None:
    strike = grouped.strike_reports()
    assert len(strike) == 2
    assert [set(s.report_ids) for s in grouped.stories if strike & set(s.report_ids)] == [strike]


def test_stories_build_up_reports_form_one_story(grouped: Grouped) -> None:
    assert grouped.summary.stories == len(grouped.stories) == 2
    build_up = grouped.stories[0]
    assert set(build_up.report_ids) == {r.id for r in grouped.reports} - grouped.strike_reports()
    assert (build_up.first_seen, build_up.last_seen) == (dt.date(2026, 3, 2), dt.date(2026, 3, 12))
    assert build_up.title == "Border guards report convoy movements near Velka crossing"


def test_stories_every_claim_has_the_story_of_its_reports(grouped: Grouped) -> None:
    story_of = {report_id: s.id for s in grouped.stories for report_id in s.report_ids}
    for claim in grouped.claims:
        assert {story_of[statement.report_id] for statement in claim.statements} == {claim.story_id}
    assert sorted(c for s in grouped.stories for c in s.claim_ids) == sorted(c.id for c in grouped.claims)


def test_stories_every_report_says_why_it_is_there(grouped: Grouped) -> None:
    for story in grouped.stories:
        assert story.members[0].reason == "first report of this story"
        for member in story.members[1:]:
            assert member.reason.startswith(("shares claim ", "shares terms ", "near-duplicate copy"))


def test_stories_relink_changes_nothing(grouped: Grouped) -> None:
    link(grouped.store, grouped.settings)
    assert list(grouped.store.stories()) == grouped.stories
    assert list(grouped.store.claims()) == grouped.claims
