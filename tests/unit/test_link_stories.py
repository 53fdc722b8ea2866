"""Story grouping on hand-built reports and claims: shared claims, shared terms and numbers, average linkage
with a cohesion check, dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from claimledger.link.stories import ReportLink, build_stories, group_reports, number_terms, story_id
from claimledger.models import Boilerplate, Claim, Grade, Report, ReportMeta, Statement
from claimledger.settings import Settings

SETTINGS = Settings()
HARBOUR = (
    "Dockworkers at the Port of Saltmere walked out on Wednesday over automated cranes. "
    "The Saltmere union said container traffic had stopped and ships waited at the breakwater."
)
HARBOUR_LATER = (
    "The Saltmere dock strike entered its fourth day as the union and the port authority met. "
    "Container ships still waited outside the Saltmere breakwater, the port authority said."
)
BORDER = (
    "Vessarian troops are massing in the Tamrin Valley opposite the Velka crossing, Orlenian border "
    "guards said. Convoys of armoured vehicles were seen near Velka late on Saturday."
)
BORDER_LATER = (
    "Satellite images show hundreds of vehicles in the Tamrin Valley, about 12 km from Velka. "
    "Vessaria says the troops are only drilling at the Harsk range."
)
# Two like events with the same names: one boxer's title defences against two opponents, years apart.
RAHMAN = (
    "Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim on Saturday to keep his "
    "heavyweight titles; Klitschko is now 52-3 with 46 knockouts."
)
RAHMAN_LATER = (
    "Klitschko beat Rahman in Mannheim: the referee stopped the heavyweight fight 44 seconds into the "
    "seventh round, and Klitschko moved to 52-3."
)
THOMPSON = (
    "Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern on Saturday to keep his "
    "heavyweight titles; Klitschko is now 58-3 with 51 knockouts."
)
THOMPSON_LATER = (
    "Klitschko beat Thompson in Bern, July 7, 2012: the referee stopped the heavyweight fight in the "
    "sixth round, and Klitschko moved to 58-3."
)
UNRELATED = "The Kelmont orchestra announced a new season of chamber concerts featuring baroque cellists."


def report(report_id: str, text: str, day: int, title: str | None = None) -> Report:
    meta = ReportMeta(title=title or f"Report {report_id}", published=dt.date(2026, 3, day))
    return Report(id=report_id, origin=f"{report_id}.txt", text=text, meta=meta)


def claim(claim_id: str, *report_ids: str, summary: str = "a claim") -> Claim:
    statements = tuple(
        Statement(attribution_id=f"{claim_id}-{r}", report_id=r, stance="assert", score=1.0, reason="test")
        for r in report_ids
    )
    return Claim(
        id=claim_id,
        summary=summary,
        statements=statements,
        origins=(),
        conflicts=(),
        grade=Grade("F", 6, "test."),
        first_seen=None,
        last_seen=None,
    )


def stories_of(reports: list[Report], claims: list[Claim] | None = None) -> list[set[str]]:
    stories, _ = build_stories(reports, claims or [], settings=SETTINGS)
    return [set(story.report_ids) for story in stories]


def test_link_stories_shared_terms_group_reports_of_one_event() -> None:
    reports = [
        report("b1", BORDER, 2),
        report("h1", HARBOUR, 5),
        report("b2", BORDER_LATER, 4),
        report("h2", HARBOUR_LATER, 8),
        report("u1", UNRELATED, 6),
    ]
    assert sorted(stories_of(reports), key=sorted) == [{"b1", "b2"}, {"h1", "h2"}, {"u1"}]


def test_link_stories_like_events_with_the_same_names_stay_apart() -> None:
    reports = [
        report("r1", RAHMAN, 2),
        report("r2", RAHMAN_LATER, 3),
        report("t1", THOMPSON, 4),
        report("t2", THOMPSON_LATER, 5),
    ]
    assert sorted(stories_of(reports), key=sorted) == [{"r1", "r2"}, {"t1", "t2"}]


def test_link_stories_numbers_are_shared_terms() -> None:
    reports = [report("t1", THOMPSON, 4), report("t2", THOMPSON_LATER, 5)]
    (story,), _ = build_stories(reports, [], settings=SETTINGS)
    assert story.members[1].reason.startswith("shares terms 58, klitschko, bern, thompson, ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 7, 2012: 1,200 people", {"2012": 1, "1200": 1}),
        ("a magnitude 6.1 quake, then a 6.1 aftershock", {"6.1": 2}),
        # Small counts are in reports of any event; digits inside words and ordinals are no numbers.
        ("3 days, MS08-078, the 6th round, 52-3", {"078": 1, "52": 1}),
        ("no numbers here", {}),
    ],
)
def test_link_stories_number_terms(text: str, expected: dict[str, int]) -> None:
    assert number_terms(text) == expected


def test_link_stories_shared_claim_joins_reports_whatever_their_words() -> None:
    reports = [report("b1", BORDER, 2), report("u1", UNRELATED, 6)]
    assert {"b1", "u1"} in stories_of(reports, [claim("c1", "b1", "u1")])


def test_link_stories_copy_joins_its_original() -> None:
    original = report("b1", BORDER, 2)
    copy = Report(id="u1", origin="u1.txt", text=UNRELATED, meta=original.meta, copy_of="b1")
    assert stories_of([original, copy]) == [{"b1", "u1"}]


def test_link_stories_story_has_dates_title_claims_and_reasons() -> None:
    reports = [
        report("h2", HARBOUR_LATER, 8, title="Strike enters fourth day"),
        report("h1", HARBOUR, 5, title="Saltmere dockworkers strike"),
    ]
    claims = [claim("c1", "h1", "h2", summary="ships are waiting"), claim("c2", "h2")]
    (story,), placed = build_stories(reports, claims, settings=SETTINGS)
    assert story.id == story_id("h1")
    assert (story.first_seen, story.last_seen) == (dt.date(2026, 3, 5), dt.date(2026, 3, 8))
    assert story.title == "Saltmere dockworkers strike"
    assert story.summary == "ships are waiting"
    assert story.claim_ids == ("c1", "c2")
    assert story.report_ids == ("h1", "h2")
    assert story.members[0].reason == "first report of this story"
    assert story.members[1].reason == "shares claim c1 (“ships are waiting”), with report h1"
    assert [c.story_id for c in placed] == [story.id, story.id]


def test_link_stories_term_reason_names_shared_terms() -> None:
    (story,), _ = build_stories(
        [report("h1", HARBOUR, 5), report("h2", HARBOUR_LATER, 8)], [], settings=SETTINGS
    )
    reason = story.members[1].reason
    assert reason.startswith("shares terms saltmer, port, ")
    assert reason.endswith(", with report h1")


def test_link_stories_claim_goes_to_the_story_of_its_reports() -> None:
    reports = [report("b1", BORDER, 2), report("b2", BORDER_LATER, 4), report("u1", UNRELATED, 6)]
    stories, placed = build_stories(reports, [claim("c1", "b1", "b2"), claim("c2", "u1")], settings=SETTINGS)
    border = next(s for s in stories if "b1" in s.report_ids)
    assert placed[0].story_id == border.id
    assert placed[1].story_id not in {None, border.id}
    assert border.claim_ids == ("c1",)


def test_link_stories_claim_of_unknown_reports_has_no_story() -> None:
    _, placed = build_stories([report("b1", BORDER, 2)], [claim("c1", "zz")], settings=SETTINGS)
    assert placed[0].story_id is None


def test_link_stories_empty_input_gives_no_stories() -> None:
    assert build_stories([], [], settings=SETTINGS) == ([], [])


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        # {a, b} and c: mean of a–c (0) and b–c (0.5) is 0.25.
        (0.2, [[0, 1, 2]]),
        (0.3, [[0, 1], [2]]),
        (0.7, [[0], [1], [2]]),
    ],
)
def test_link_stories_average_linkage_does_not_chain(threshold: float, expected: list[list[int]]) -> None:
    links = [ReportLink(0, 1, 0.6, "shares terms x"), ReportLink(1, 2, 0.5, "shares terms y")]
    groups = group_reports(["a", "b", "c"], [], links, threshold=threshold)
    assert [[i for i, _ in group] for group in groups] == expected


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        # {a, b} and {c, d} are 0.8 alike inside and 0.2 between.
        (0.0, [[0, 1, 2, 3]]),
        (0.25, [[0, 1, 2, 3]]),
        (0.3, [[0, 1], [2, 3]]),
    ],
)
def test_link_stories_cohesion_keeps_close_knit_stories_apart(
    ratio: float, expected: list[list[int]]
) -> None:
    links = [ReportLink(0, 1, 0.8, "shares terms x"), ReportLink(2, 3, 0.8, "shares terms y")]
    links += [ReportLink(i, j, 0.2, "shares terms z") for i in (0, 1) for j in (2, 3)]
    groups = group_reports(["a", "b", "c", "d"], [], links, threshold=0.1, cohesion_ratio=ratio)
    assert [[i for i, _ in group] for group in groups] == expected


def test_link_stories_claim_links_override_threshold() -> None:
    groups = group_reports(["a", "b"], [ReportLink(0, 1, 1.0, "shares claim c1")], [], threshold=0.99)
    assert groups == [[(0, "first report of this story"), (1, "shares claim c1, with report a")]]


def test_link_stories_lone_report_says_why() -> None:
    assert group_reports(["a"], [], [], threshold=0.1) == [
        [(0, "shares no claim and few terms with other reports")]
    ]


def test_link_stories_boilerplate_links_no_reports() -> None:
    appeal = "\nSupport independent journalism: donate to the Harbour Gazette membership fund today."
    first = report("b1", BORDER + appeal, 2)
    second = report("u1", UNRELATED + appeal, 6)
    assert len(stories_of([first, second])) == 1
    first = replace(first, boilerplate=(Boilerplate(len(BORDER), len(first.text), "appeal"),))
    second = replace(second, boilerplate=(Boilerplate(len(UNRELATED), len(second.text), "appeal"),))
    assert len(stories_of([first, second])) == 2
