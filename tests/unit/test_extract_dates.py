"""Resolving a statement's date expression against the report's publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.extract.dates import resolve

TUESDAY = dt.date(2024, 10, 22)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Tuesday", dt.date(2024, 10, 22)),
        ("Monday", dt.date(2024, 10, 21)),
        ("Friday", dt.date(2024, 10, 18)),
        ("Wednesday", dt.date(2024, 10, 16)),
        ("on Friday", dt.date(2024, 10, 18)),
        ("on Tuesday", dt.date(2024, 10, 22)),
        ("late Friday", dt.date(2024, 10, 18)),
        ("early on Sunday", dt.date(2024, 10, 20)),
        ("TUESDAY", dt.date(2024, 10, 22)),
        ("  Friday ", dt.date(2024, 10, 18)),
    ],
)
def test_dates_bare_weekday_is_that_day_of_the_publication_week(expression: str, expected: dt.date) -> None:
    assert resolve(expression, TUESDAY) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("yesterday", dt.date(2024, 10, 21)),
        ("today", dt.date(2024, 10, 22)),
        ("last week", dt.date(2024, 10, 15)),
        ("last Friday", dt.date(2024, 10, 18)),
        ("on October 3", dt.date(2024, 10, 3)),
        # A month-day after the publication date is last year's: news reports the past.
        ("December 3", dt.date(2023, 12, 3)),
        ("March 5, 2023", dt.date(2023, 3, 5)),
        pytest.param(
            "Tuesday morning",
            dt.date(2024, 10, 22),
        ),
        pytest.param(
            "on Tuesday night",
            dt.date(2024, 10, 22),
        ),
    ],
)
def test_dates_relative_expression_resolves_against_publication(expression: str, expected: dt.date) -> None:
    assert resolve(expression, TUESDAY) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("March 5, 2023", dt.date(2023, 3, 5)),
        ("on March 5, 2023", dt.date(2023, 3, 5)),
        ("5 March 2023", dt.date(2023, 3, 5)),
        ("Oct 3, 2023", dt.date(2023, 10, 3)),
    ],
)
def test_dates_absolute_date_with_year_resolves_without_publication(
    expression: str, expected: dt.date
) -> None:
    assert resolve(expression, None) == expected


@pytest.mark.parametrize(
    "expression", ["Tuesday", "on Friday", "yesterday", "last week", "March 5", "on October 3", "earlier"]
)
def test_dates_expression_without_year_is_unresolved_without_publication(expression: str) -> None:
    assert resolve(expression, None) is None


@given(
    published=st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 31)),
    weekday=st.sampled_from(WEEKDAYS),
    prefix=st.sampled_from(["", "on ", "late ", "early ", "early on "]),
    case=st.sampled_from([str, str.lower, str.upper]),
)
def test_dates_weekday_falls_in_the_week_up_to_publication(
    published: dt.date, weekday: str, prefix: str, case: Callable[[str], str]
) -> None:
    resolved = resolve(case(prefix + weekday), published)
    assert resolved is not None
    assert published - dt.timedelta(days=6) <= resolved <= published
    assert resolved.weekday() == WEEKDAYS.index(weekday)
