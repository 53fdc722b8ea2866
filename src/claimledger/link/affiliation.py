"""Which state an origin speaks for when its own name does not say: "Its Defence Ministry", a spokesperson.

`state_of` reads the state from a canonical name ("Ministry of Defence (Vessaria)"). Two
kinds of origin name none, and would count as independent of their own government:

1. an organ named without its state ("the Defence Ministry", "Its Defence Ministry") is the organ of
   that name the claim's other statements place in a state, when exactly one state has one;
2. a person their report calls an organ's spokesperson ("ministry spokesperson Colonel Radek Senn",
   "Senn, the ministry spokesperson,") speaks for that organ, placed the same way.

Both only ever join an origin to a state another statement of the same claim already names; nothing
is guessed from a report's country or an outlet's home.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from claimledger.models import Attribution, Report

if TYPE_CHECKING:
    from claimledger.link.origins import Resolved

# Kinds of source that speak for a state; one state's organs are not independent of each other.
STATE_ORGANS = frozenset({"government", "ministry", "military", "intelligence_agency"})
_AFFILIATED = re.compile(r"^(?P<name>.+?) \((?P<of>[^()]+)\)$")
# Words that make a description of a state's source an organ of it: "Vessaria (statement from the embassy)".
_ORGAN_WORDS = re.compile(r"\b(?:government|embassy|ministry|army|armed forces|foreign office)\b", re.I)


def state_of(found: Resolved, states: frozenset[str]) -> str | None:
    """The state a named organ speaks for, from the extractor's canonical name.

    "State Border Guard Service (Orlenia)" (an organ with its state), "Orlenia (government)", and
    "Vessaria (statement from the embassy)" (the state with a description naming one of its organs).
    """
    parts = _AFFILIATED.match(found.canonical)
    if found.anonymous or parts is None:
        return None
    if parts["of"] in states and found.kind in STATE_ORGANS:
        return parts["of"]
    if parts["name"] in states and _ORGAN_WORDS.search(parts["of"]):
        return parts["name"]
    return None


PERSON_KINDS = frozenset({"official", "military", "diplomat", "politician", "unspecified"})
_FILLER = frozenset({"the", "its", "their", "of", "s", "'s", "’s"})
_SPOKES = r"spokes(?:person|man|woman)"


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w’']+", name.casefold()) if w not in _FILLER)


def affiliations(
    statements: Sequence[Attribution],
    resolved: Mapping[str, Resolved],
    reports: Mapping[str, Report],
    states: frozenset[str],
) -> dict[str, tuple[str, str]]:
    """The state (and why) of each statement whose origin names none but belongs to a placed organ."""
    placed: dict[frozenset[str], set[str]] = {}
    for found in resolved.values():
        parts = _AFFILIATED.match(found.canonical)
        if parts and parts["of"] in states and found.kind in STATE_ORGANS and not found.anonymous:
            placed.setdefault(_words(parts["name"]), set()).add(parts["of"])
    if not placed:
        return {}
    found_states: dict[str, tuple[str, str]] = {}
    for attribution in statements:
        found = resolved[attribution.id]
        if found.anonymous or _AFFILIATED.match(found.canonical):
            continue
        state = _only_state(_words(found.canonical), placed) if found.kind in STATE_ORGANS else None
        if state is not None:
            why = f"“{found.canonical}” is taken as {state}'s, the only one of that name in this claim"
            found_states[attribution.id] = (state, why)
            continue
        report = reports.get(attribution.report_id)
        if found.kind in PERSON_KINDS and report is not None:
            organ = _spokesperson_of(found.canonical, report.text)
            state = _only_state(frozenset({organ}), placed) if organ else None
            if state is not None:
                why = f"{found.canonical} is the {organ} spokesperson in their report, a {state} {organ}"
                found_states[attribution.id] = (state, why)
    return found_states


def _only_state(words: frozenset[str], placed: Mapping[frozenset[str], set[str]]) -> str | None:
    """The one state that has a placed organ whose name holds all of `words`."""
    if not words:
        return None
    matching = {state for name, found in placed.items() if words <= name for state in found}
    return next(iter(matching)) if len(matching) == 1 else None


def _spokesperson_of(name: str, text: str) -> str | None:
    """The organ noun of "<organ> spokesperson [Title] Name" or "Name, the <organ> spokesperson"."""
    surname = re.escape(name.split()[-1])
    before = re.search(rf"\b(\w+) {_SPOKES}\b(?:\s+[A-Z][\w.]*){{0,4}}\s+{surname}\b", text)
    after = re.search(rf"\b{surname},\s+(?:the|a)\s+(\w+) {_SPOKES}\b", text)
    found = before or after
    return found.group(1).casefold() if found else None
