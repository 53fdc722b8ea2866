"""Places a statement puts what it reports in, read from its content with the gazetteer's place names.

A place counts only after a preposition that says where something is ("in", "at", "inside": the
`location`) or where it goes ("to", "into", "toward", "heading for": the `destination`), with at most
an article and a word like "eastern" between ("at the Harsk training range", "in eastern Vessaria").
Places given as reference
points ("15 km from Velka", "opposite Velka", "near the border") say nothing against another place and
are left out. The gazetteer knows each place's state, so a place is either a state or a
place inside one: that is its level, and a state contains the places inside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_ARTICLE = re.compile(r"^(?:(?:the|a|an) )+")
_RELATIONS = {
    "in": "location",
    "at": "location",
    "inside": "location",
    "to": "destination",
    "into": "destination",
    "toward": "destination",
    "towards": "destination",
    # "heading for the valley"; "for" alone names who something is for, not where it goes.
    "heading for": "destination",
    "headed for": "destination",
    "bound for": "destination",
}
# Words that may stand between the preposition and the name; a verb may not ("plans to visit Kastrel").
_DESCRIBING = ("eastern", "western", "northern", "southern", "central", "border", "remote", "nearby")
_BEFORE = re.compile(
    r"\b(?P<relation>" + "|".join(r.replace(" ", r"\s+") for r in _RELATIONS) + r")\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?:" + "|".join(_DESCRIBING) + r")\s+)?$",
    re.IGNORECASE,
)


def place_key(name: str) -> str:
    """A place name compared case-blind, without a leading article or extra spaces."""
    return _ARTICLE.sub("", " ".join(name.replace("’", "'").replace(".", "").casefold().split()))


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in a statement: as written, its key, its state, and whether it is that state."""

    name: str
    key: str
    state: str
    is_state: bool

    def contains(self, other: Place) -> bool:
        """Whether this place is a state and `other` lies in it."""
        return self.is_state and not other.is_state and place_key(other.state) == self.key


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """A place a statement gives for what it reports, and how: as its `location` or `destination`."""

    relation: str
    place: Place


class Gazetteer:
    """The gazetteer's places (normalised name -> state), ready to find in text."""

    def __init__(self, places: Mapping[str, str]) -> None:
        self._states = {place_key(name): state for name, state in places.items()}
        names = sorted(self._states, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        self._pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE) if names else None

    def readings(self, text: str) -> list[PlaceReading]:
        """The places `text` puts something in or sends something to, in their order."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            written = " ".join(match.group().split())
            # A place is a name: "US" or "Tamrin Valley", never "us" or "the south of the valley".
            if not all(word[:1].isupper() for word in written.split()):
                continue
            before = _BEFORE.search(text[max(0, match.start() - 40) : match.start()])
            if before is None:
                continue
            key = place_key(written)
            state = self._states[key]
            # An abbreviation ("US", "EU") stands for the state or union itself, not a place inside it.
            is_state = place_key(state) == key or written.replace(".", "").isupper()
            place = Place(written, key, state, is_state)
            relation = " ".join(before.group("relation").casefold().split())
            found.append(PlaceReading(_RELATIONS[relation], place))
        return found
