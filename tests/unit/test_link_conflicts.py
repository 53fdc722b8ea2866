"""Conflicts: numbers, dates and places within a claim that cannot all hold."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from link_values import attribution, quantity, source

from claimledger.link.conflicts import date_conflicts, place_conflicts, quantity_conflicts, value_range
from claimledger.link.places import Gazetteer
from claimledger.models import Quantity

MARCH_4 = dt.date(2026, 3, 4)


@pytest.mark.parametrize(
    ("text", "value", "approximate", "expected"),
    [
        ("about 2,000", 2000.0, True, (1500.0, 2500.0)),
        ("at least 5,000", 5000.0, True, (5000.0, math.inf)),
        ("more than 300", 300.0, True, (300.0, math.inf)),
        ("fewer than 1,500", 1500.0, True, (0.0, 1500.0)),
        ("as many as 600", 600.0, True, (0.0, 600.0)),
        ("thousands", 2000.0, True, (2000.0, math.inf)),
        ("1,460", 1460.0, False, (1460.0, 1460.0)),
    ],
)
def test_link_conflicts_value_range(
    text: str, value: float, approximate: bool, expected: tuple[float, float]
) -> None:
    assert value_range(quantity(text, value, "troops", approximate=approximate)) == expected


def test_link_conflicts_about_2000_soldiers_against_at_least_5000_troops() -> None:
    statements = [
        attribution(
            "a1",
            "r1",
            "about 2,000 soldiers arrived",
            source("guards"),
            quantities=(quantity("about 2,000", 2000, "soldiers"),),
        ),
        attribution(
            "a2",
            "r2",
            "at least 5,000 troops moved",
            source("official"),
            quantities=(quantity("at least 5,000", 5000, "troops"),),
        ),
        attribution(
            "a3",
            "r3",
            "thousands of soldiers gathered",
            source("government"),
            quantities=(quantity("thousands", 2000, "soldiers"),),
        ),
    ]
    (conflict,) = quantity_conflicts(statements)
    assert (conflict.kind, conflict.unit) == ("quantity", "troop")
    assert conflict.values == ("about 2,000 soldiers", "at least 5,000 troops")
    assert conflict.attribution_ids == ("a1", "a2")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (quantity("roughly 12", 12, "kilometres"), quantity("about 15", 15, "kilometres")),
        (quantity("about 340", 340, "armoured vehicles"), quantity("at least 5,000", 5000, "troops")),
        (
            quantity("fewer than 1,500", 1500, "personnel"),
            quantity("1,460", 1460, "personnel", approximate=False),
        ),
        (quantity("two", 2, None, approximate=False), quantity("22", 22, None, approximate=False)),
    ],
    ids=["compatible-distances", "different-kinds", "within-bound", "no-unit"],
)
def test_link_conflicts_compatible_or_incomparable_numbers_do_not_conflict(
    first: Quantity, second: Quantity
) -> None:
    statements = [
        attribution("a1", "r1", "first", source("one"), quantities=(first,)),
        attribution("a2", "r2", "second", source("two"), quantities=(second,)),
    ]
    assert quantity_conflicts(statements) == ()


def test_link_conflicts_groups_compatible_counts_into_sides() -> None:
    """ "hundreds", "about 340" and "more than 300" fit together; only "about 40" clashes with them."""
    counts = [
        ("hundreds", 200, True),
        ("about 340", 340, True),
        ("more than 300", 300, True),
        ("about 40", 40, True),
    ]
    statements = [
        attribution(f"a{i}", f"r{i}", text, source(f"s{i}"), quantities=(quantity(text, value, "vehicles"),))
        for i, (text, value, _) in enumerate(counts)
    ]
    (conflict,) = quantity_conflicts(statements)
    assert conflict.sides == (
        ("hundreds vehicles", "about 340 vehicles", "more than 300 vehicles"),
        ("about 40 vehicles",),
    )
    assert conflict.readings == (
        "hundreds vehicles / about 340 vehicles / more than 300 vehicles vs about 40 vehicles"
    )
    assert conflict.description.startswith("vehicle numbers: ")


def test_link_conflicts_a_reading_that_fits_every_side_takes_none() -> None:
    """ "thousands" fits both "about 2,000" and "at least 5,000": it is not part of the clash."""
    statements = [
        attribution("a1", "r1", "x", source("one"), quantities=(quantity("about 2,000", 2000, "troops"),)),
        attribution("a2", "r2", "y", source("two"), quantities=(quantity("thousands", 2000, "troops"),)),
        attribution(
            "a3", "r3", "z", source("three"), quantities=(quantity("at least 5,000", 5000, "troops"),)
        ),
    ]
    (conflict,) = quantity_conflicts(statements)
    assert conflict.sides == (("about 2,000 troops",), ("at least 5,000 troops",))
    assert conflict.attribution_ids == ("a1", "a3")


def _places(*names: str) -> dict[str, str]:
    states = {"vessaria": "Vessaria", "orlenia": "Orlenia"}
    return states | {name: "Vessaria" for name in names}


def test_link_conflicts_different_places_of_one_level_conflict() -> None:
    statements = [
        attribution("a1", "r1", "the launchers were moved to Kessel", source("one")),
        attribution("a2", "r2", "the launchers were moved to Dorva", source("two")),
        attribution("a3", "r3", "the launchers were moved to Kessel by rail", source("three")),
    ]
    (conflict,) = place_conflicts(statements, Gazetteer(_places("kessel", "dorva")))
    assert (conflict.kind, conflict.unit) == ("place", "destination")
    assert conflict.sides == (("Kessel",), ("Dorva",))
    assert conflict.attribution_ids == ("a1", "a2", "a3")
    assert conflict.description == "places (destination): Kessel vs Dorva"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("troops gathered in Kessel", "troops gathered in Vessaria"),
        ("troops gathered in Kessel", "troops gathered in Kessel and in Dorva"),
        ("troops gathered in Kessel", "troops gathered in Orlenia"),
        ("troops gathered in Kessel", "troops moved to Dorva"),
        ("troops gathered in Kessel", "troops gathered near Dorva"),
    ],
    ids=["state-contains-town", "extra-place", "different-levels", "different-relations", "reference-point"],
)
def test_link_conflicts_places_that_can_both_hold_do_not_conflict(first: str, second: str) -> None:
    statements = [
        attribution("a1", "r1", first, source("one")),
        attribution("a2", "r2", second, source("two")),
    ]
    assert place_conflicts(statements, Gazetteer(_places("kessel", "dorva"))) == ()


def test_link_conflicts_dates_more_than_a_day_apart_conflict() -> None:
    statements = [
        attribution("a1", "r1", "the exercises began on February 20", source("ministry")),
        attribution("a2", "r2", "the exercise began on February 21", source("attache")),
        attribution("a3", "r3", "the drills started on February 28", source("guards")),
    ]
    (conflict,) = date_conflicts(statements, {"r1": MARCH_4, "r2": MARCH_4, "r3": MARCH_4})
    assert (conflict.kind, conflict.unit) == ("date", "began")
    assert conflict.sides == (
        ("began on February 20", "began on February 21"),
        ("started on February 28",),
    )
    assert conflict.attribution_ids == ("a1", "a2", "a3")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("the exercises began on February 20", "the exercises began on February 21"),
        ("the exercises began on February 20", "the exercises began in February"),
        ("the convoys arrived on February 20", "the exercises began on February 28"),
        ("the exercises began on February 20", "the exercises began on Saturday"),
        ("vehicles entered between February 18 and February 25", "vehicles entered on February 24"),
    ],
    ids=["a-day-apart", "within-month", "different-happenings", "relative-date", "within-span"],
)
def test_link_conflicts_dates_that_can_both_hold_do_not_conflict(first: str, second: str) -> None:
    statements = [
        attribution("a1", "r1", first, source("one")),
        attribution("a2", "r2", second, source("two")),
    ]
    assert date_conflicts(statements, {"r1": MARCH_4, "r2": MARCH_4}) == ()


def test_link_conflicts_dates_without_publication_date_or_year_are_not_compared() -> None:
    statements = [
        attribution("a1", "r1", "the exercises began on February 20", source("one")),
        attribution("a2", "r2", "the exercises began on February 28", source("two")),
    ]
    assert date_conflicts(statements, {}) == ()
