"""export/admiralty.py: Admiralty grades as STIX confidence and MISP taxonomy tags."""

from __future__ import annotations

import pytest

from claimledger.export.admiralty import confidence, letters, tags
from claimledger.models import Grade, Reliability

# STIX 2.1 Appendix A reads confidence back into credibility by bands.
STIX_BANDS = {1: range(80, 101), 2: range(60, 80), 3: range(40, 60), 4: range(20, 40), 5: range(0, 20)}


@pytest.mark.parametrize(
    ("reliability", "credibility", "expected"),
    [
        ("C", 1, 90),
        ("C", 2, 70),
        ("C", 3, 50),
        ("C", 4, 30),
        ("C", 5, 10),
        ("A", 1, 98),
        ("B", 2, 74),
        ("D", 3, 46),
        ("E", 5, 2),
        ("F", 2, 70),
        ("A", 6, None),
        ("F", 6, None),
    ],
)
def test_export_admiralty_confidence_documented_table(
    reliability: Reliability, credibility: int, expected: int | None
) -> None:
    assert confidence(Grade(reliability, credibility, "why")) == expected


@pytest.mark.parametrize("reliability", ["A", "B", "C", "D", "E", "F"])
@pytest.mark.parametrize("credibility", [1, 2, 3, 4, 5])
def test_export_admiralty_confidence_stays_in_stix_band(reliability: Reliability, credibility: int) -> None:
    assert confidence(Grade(reliability, credibility, "why")) in STIX_BANDS[credibility]


def test_export_admiralty_confidence_orders_by_reliability_within_band() -> None:
    values = [confidence(Grade(letter, 2, "why")) for letter in ("A", "B", "C", "D", "E")]
    assert values == sorted(values, reverse=True)


def test_export_admiralty_tags_and_letters() -> None:
    grade = Grade("B", 2, "why")
    assert letters(grade) == "B2"
    assert tags(grade) == (
        'admiralty-scale:source-reliability="b"',
        'admiralty-scale:information-credibility="2"',
    )
