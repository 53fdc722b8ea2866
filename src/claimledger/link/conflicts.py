"""What the statements of one claim say that cannot all hold: numbers, dates and places.

Numbers: "about 2,000 soldiers" against "at least 5,000 troops".
Each quantity is read as a range from its wording ("at least" opens it upwards, "fewer than" downwards,
"about" allows a quarter either way, "thousands" means two thousand or more); two quantities counting
the same kind of thing (troops, soldiers and personnel are one kind) conflict when their ranges do not
meet. Dates and places are read from the content (`link.dates`, `link.places`) and compared only
for the same happening or relation. Only assertions are compared: a denial quotes what it denies.
Clashing readings are shown as sides: readings that fit together on one side, sides that cannot.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimledger.link.dates import dates_in
from claimledger.link.places import Gazetteer, Place
from claimledger.link.terms import unit_family
from claimledger.models import Attribution, Conflict, ConflictKind, Quantity

APPROXIMATE_SHARE = 0.25
# Half a day either side of a day-precise date: two dates conflict only when more than a day apart.
DAY_MARGIN = 0.5
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


def date_conflicts(
    assertions: Sequence[Attribution], published: Mapping[str, dt.date | None]
) -> tuple[Conflict, ...]:
    """One conflict per happening ("began", "arrived") whose explicit dates are more than a day apart.

    A day is read as the half day either side of it, so dates a day apart still meet (reports differ
    on time zones and on when "late at night" ends); a month or a span of days is read whole.
    """
    readings: dict[str, list[Reading]] = {}
    for attribution in assertions:
        for found in dates_in(attribution.content.text, published.get(attribution.report_id)):
            low = found.first.toordinal() - DAY_MARGIN
            high = found.last.toordinal() + DAY_MARGIN
            readings.setdefault(found.event, []).append(Reading(attribution.id, found.text, low, high))
    conflicts = []
    for group in readings.values():
        conflict = interval_conflict("date", group[0].text.split()[0], group)
        if conflict is not None:
            conflicts.append(conflict)
    return tuple(conflicts)


def place_conflicts(assertions: Sequence[Attribution], gazetteer: Gazetteer) -> tuple[Conflict, ...]:
    """One conflict per relation (location, destination) whose places cannot all be true at once.

    Two statements clash when each gives places of the same level and none of one's is among the
    other's: "moved into the Tamrin Valley" against "are at Harsk". A state against a place inside it,
    a state against a place of another state (different levels) or a statement naming one place more
    than another do not clash.
    """
    by_relation: dict[str, dict[str, tuple[Place, ...]]] = {}
    for attribution in assertions:
        for reading in gazetteer.readings(attribution.content.text):
            places = by_relation.setdefault(reading.relation, {})
            places[attribution.id] = (*places.get(attribution.id, ()), reading.place)
    conflicts = []
    for relation, places in by_relation.items():
        clashing = [a for a in places if any(_places_clash(places[a], places[b]) for b in places)]
        if not clashing:
            continue
        sides = tuple(dict.fromkeys(tuple(dict.fromkeys(p.name for p in places[a])) for a in clashing))
        values = tuple(dict.fromkeys(name for side in sides for name in side))
        conflicts.append(Conflict("place", relation, values, tuple(clashing), sides))
    return tuple(conflicts)


def _places_clash(first: Sequence[Place], second: Sequence[Place]) -> bool:
    return not any(_places_fit(a, b) for a in first for b in second)


def _places_fit(first: Place, second: Place) -> bool:
    """Whether two places can both be right: the same, one inside the other, or not of one level."""
    same_level = first.is_state == second.is_state
    return first.key == second.key or first.contains(second) or second.contains(first) or not same_level
