"""Numbers in a content with what they count, read through the real spaCy model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.extract.quantities import quantities_in

pytestmark = pytest.mark.slow


def quantities(nlp: Language, sentence: str) -> list[tuple[float, str | None, bool]]:
    return [(q.value, q.unit, q.approximate) for q in quantities_in(nlp(sentence)[:])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army sent about 2,000 soldiers to the border.", [(2000.0, "soldiers", True)]),
        ("At least 5,000 troops crossed the river.", [(5000.0, "troops", True)]),
        ("Some 2,000 soldiers were sent north.", [(2000.0, "soldiers", True)]),
        ("Up to 300 drones were launched.", [(300.0, "drones", True)]),
        ("More than 500 sailors were rescued.", [(500.0, "sailors", True)]),
        ("Pyongyang deployed 1,500 North Korean special forces.", [(1500.0, "special forces", False)]),
        ("The convoy of 30 armoured vehicles reached the town.", [(30.0, "armoured vehicles", False)]),
        ("The city has 2.5 million residents.", [(2_500_000.0, "residents", False)]),
        ("Two soldiers were wounded.", [(2.0, "soldiers", False)]),
        (
            "Officials counted three tanks and some 40 trucks.",
            [(3.0, "tanks", False), (40.0, "trucks", True)],
        ),
        ("They moved 12,000 troops on March 3, 2023.", [(12_000.0, "troops", False)]),
        pytest.param(
            "Thousands of people fled the city.",
            [(2000.0, "people", True)],
        ),
    ],
)
def test_quantities_value_unit_and_approximation(
    nlp: Language, sentence: str, expected: list[tuple[float, str | None, bool]]
) -> None:
    assert quantities(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The army sent about 2,000 soldiers to the border.", "about 2,000"),
        ("More than 500 sailors were rescued.", "More than 500"),
        ("Up to 300 drones were launched.", "Up to 300"),
        ("The city has 2.5 million residents.", "2.5 million"),
        ("Pyongyang deployed 1,500 North Korean special forces.", "1,500"),
        pytest.param(
            "At least 5,000 troops crossed the river.",
            "At least 5,000",
        ),
    ],
)
def test_quantities_span_covers_approximator_and_number(nlp: Language, sentence: str, span: str) -> None:
    (quantity,) = quantities_in(nlp(sentence)[:])
    assert quantity.span.text == span
    assert sentence[quantity.span.start : quantity.span.end] == span


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in 2022.",
        "The talks collapsed on March 3, 2023.",
        "It was a loud protest, not a silent one.",
        "The ship sank on its first voyage.",
        "No soldiers were sent.",
    ],
)
def test_quantities_dates_and_pronoun_one_are_not_quantities(nlp: Language, sentence: str) -> None:
    assert quantities(nlp, sentence) == []


def test_quantities_number_without_noun_has_no_unit(nlp: Language) -> None:
    assert quantities(nlp, "The group sent 2.5 million") == [(2_500_000.0, None, False)]
