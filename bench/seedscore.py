"""Score claimledger's reading of a seed article against its hand-made expected reading.

An expected attribution is found when some extracted attribution has the same content and
names the expected source somewhere in its chain (the seed's "a1b" is the inner link of a1's
chain). Spans are compared after trimming spaces, quotation marks and end punctuation, which
the seed and the extractor place differently around quotes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.models import Attribution

_EDGES = " \t\n.,;:“”\"'‘’"


def norm(text: str | None) -> str | None:
    return None if text is None else text.strip(_EDGES)


@dataclass(frozen=True)
class SeedScore:
    found: list[str]
    missed: list[str]
    stance_ok: list[str]
    certainty_ok: list[str]
    date_ok: list[str]
    extra: int

    def as_json(self, expected_total: int) -> dict[str, Any]:
        return {
            "found": len(self.found),
            "expected": expected_total,
            "missed": self.missed,
            "stance_correct": len(self.stance_ok),
            "certainty_correct": len(self.certainty_ok),
            "dates_correct": len(self.date_ok),
            "extra_attributions": self.extra,
        }


def load_expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def matches(expected: dict[str, Any], attribution: Attribution) -> bool:
    if norm(expected["content"]["text"]) != norm(attribution.content.text):
        return False
    source = expected["source"]["text"]
    if source is None:
        return not attribution.chain
    return any(link.span is not None and norm(link.span.text) == norm(source) for link in attribution.chain)


def score(expected: dict[str, Any], attributions: list[Attribution]) -> SeedScore:
    found, missed, stance_ok, certainty_ok, date_ok = [], [], [], [], []
    used: set[str] = set()
    for item in expected["attributions"]:
        match = next((a for a in attributions if matches(item, a)), None)
        if match is None:
            missed.append(item["id"])
            continue
        found.append(item["id"])
        used.add(match.id)
        if match.stance == item["stance"]:
            stance_ok.append(item["id"])
        if match.certainty == item["certainty"]:
            certainty_ok.append(item["id"])
        expected_date = item.get("event_date")
        if expected_date and match.event_date and match.event_date.isoformat() == expected_date:
            date_ok.append(item["id"])
    return SeedScore(
        found, missed, stance_ok, certainty_ok, date_ok, len([a for a in attributions if a.id not in used])
    )
