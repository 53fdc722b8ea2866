"""Dates read from a statement's content: only explicit ones, with the word they date."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.link.dates import dates_in

MARCH_4 = dt.date(2026, 3, 4)


@pytest.mark.parametrize(
    ("text", "event", "first", "last"),
    [
        ("the exercises began on February 20", "start", dt.date(2026, 2, 20), dt.date(2026, 2, 20)),
        ("the drills started on 20 February", "start", dt.date(2026, 2, 20), dt.date(2026, 2, 20)),
        # Arriving, gathering and massing are one happening to the matcher (`link.terms.SYNONYMS`).
        ("units arrived on Feb. 28, 2025", "buildup", dt.date(2025, 2, 28), dt.date(2025, 2, 28)),
        ("the convoy left on 2026-03-01", "leave", dt.date(2026, 3, 1), dt.date(2026, 3, 1)),
        ("the drills started in February", "start", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        (
            "vehicles entering the Tamrin Valley between February 28 and March 4",
            "enter",
            dt.date(2026, 2, 28),
            dt.date(2026, 3, 4),
        ),
        ("an exercise that ends on January 2", "end", dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
    ],
)
def test_link_dates_reads_explicit_dates(text: str, event: str, first: dt.date, last: dt.date) -> None:
    (found,) = dates_in(text, MARCH_4)
    assert (found.event, found.first, found.last) == (event, first, last)


@pytest.mark.parametrize(
    "text",
    [
        "convoys arrived on Saturday night",
        "the build-up began last week",
        "troops moved on February 31",
    ],
)
def test_link_dates_leaves_out_relative_or_impossible_dates(text: str) -> None:
    assert dates_in(text, MARCH_4) == []


def test_link_dates_without_year_need_a_publication_date() -> None:
    assert dates_in("the exercises began on February 20", None) == []
    (found,) = dates_in("the exercises began on February 20, 2026", None)
    assert found.first == dt.date(2026, 2, 20)


def test_link_dates_year_is_the_one_nearest_publication() -> None:
    (found,) = dates_in("the drills began on December 30", dt.date(2026, 1, 3))
    assert found.first == dt.date(2025, 12, 30)


@given(
    day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    style=st.sampled_from(["{m} {d}", "{d} {m}", "{m} {d}, {y}", "{a}. {d}"]),
)
def test_link_dates_any_written_day_reads_back_near_publication(day: dt.date, style: str) -> None:
    """Whatever day is written and however, it reads back as that day, or a year off when none is given."""
    written = style.format(
        m=calendar.month_name[day.month], a=calendar.month_abbr[day.month], d=day.day, y=day.year
    )
    (found,) = dates_in(f"the troops arrived on {written}", day)
    assert found.first == found.last
    assert (found.first.month, found.first.day) == (day.month, day.day)
    assert abs(found.first.year - day.year) <= (0 if "{y}" in style else 1)
    assert found.event == "buildup"
