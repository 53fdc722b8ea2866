"""Numbers within one claim that cannot all hold: "about 2,000 soldiers" against "at least 5,000 troops".

Each quantity is read as a range from its wording ("at least" opens it upwards, "fewer than" downwards,
"about" allows a quarter either way, "thousands" means two thousand or more); two quantities counting
the same kind of thing (troops, soldiers and personnel are one kind) conflict when their ranges do not
meet. Only assertions are compared: a denial quotes the number it denies.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.link.terms import unit_family
from claimledger.models import Attribution, Conflict, ConflictKind, Quantity

APPROXIMATE_SHARE = 0.25
_LOWER_BOUNDS = ("at least", "more than", "over ", "upwards of", "in excess of", "no fewer than")
_UPPER_BOUNDS = (
    "fewer than",
    "less than",
    "up to",
    "as many as",
    "many as",
    "at most",
    "under ",
    "no more than",
)
_VAGUE = ("dozens", "hundreds", "thousands")


@dataclass(frozen=True, slots=True)
class Reading:
    """A quantity of a statement read as the range of values its wording allows."""

    attribution_id: str
    text: str
    low: float
    high: float


def value_range(quantity: Quantity) -> tuple[float, float]:
    """The values a quantity's wording allows, as `[low, high]`."""
    wording = quantity.span.text.casefold()
    value = quantity.value
    if any(cue in wording for cue in _UPPER_BOUNDS):
        return 0.0, value
    if any(cue in wording for cue in _LOWER_BOUNDS) or any(cue in wording for cue in _VAGUE):
        return value, math.inf
    if quantity.approximate:
        return value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)
    return value, value


def quantity_conflicts(assertions: Sequence[Attribution]) -> tuple[Conflict, ...]:
    """One conflict per kind of thing counted whose numbers cannot all hold together."""
    readings: dict[str, list[Reading]] = {}
    for attribution in assertions:
        for quantity in attribution.quantities:
            if quantity.unit is None:
                continue
            low, high = value_range(quantity)
            text = f"{' '.join(quantity.span.text.split())} {quantity.unit}"
            readings.setdefault(unit_family(quantity.unit), []).append(
                Reading(attribution.id, text, low, high)
            )
    found = (interval_conflict("quantity", family, group) for family, group in readings.items())
    return tuple(conflict for conflict in found if conflict is not None)


def interval_conflict(kind: ConflictKind, unit: str, readings: Sequence[Reading]) -> Conflict | None:
    """The conflict among readings of one thing, as sides of readings that can hold together, if any.

    Only readings that cannot meet some other reading are shown: a reading that fits with all the
    others ("thousands" beside "about 2,000" and "at least 5,000") takes no side.
    """
    clashing = _clashing(readings)
    if not clashing:
        return None
    sides = _sides(clashing)
    values = tuple(dict.fromkeys(text for side in sides for text in side))
    ids = tuple(dict.fromkeys(r.attribution_id for r in clashing))
    return Conflict(kind, unit, values, ids, sides)


def _clashing(readings: Sequence[Reading]) -> list[Reading]:
    """The readings that do not meet at least one other reading, in their order."""
    clashing = []
    for reading in readings:
        if any(reading.high < other.low or other.high < reading.low for other in readings):
            clashing.append(reading)
    return clashing


def _sides(readings: Sequence[Reading]) -> tuple[tuple[str, ...], ...]:
    """The largest groups of readings that share a value, each as its distinct texts, in reading order.

    Ranges that meet pairwise all share one value, so every group is the readings covering the lower
    end of one of them; a group inside another is left out.
    """
    groups: list[frozenset[int]] = []
    for reading in readings:
        covering = frozenset(
            index for index, other in enumerate(readings) if other.low <= reading.low <= other.high
        )
        groups.append(covering)
    largest = [g for g in dict.fromkeys(groups) if not any(g < other for other in groups)]
    largest.sort(key=min)
    return tuple(tuple(dict.fromkeys(readings[i].text for i in sorted(group))) for group in largest)
