"""Places read from a statement's content: where something is or goes, by the gazetteer's names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.link.places import Gazetteer, place_key

PLACES = Gazetteer(
    {
        "vessaria": "Vessaria",
        "orlenia": "Orlenia",
        "tamrin valley": "Vessaria",
        "harsk": "Vessaria",
        "kessel": "Vessaria",
        "velka": "Orlenia",
        "us": "United States",
    }
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("columns moving into the Tamrin Valley", [("destination", "Tamrin Valley", False)]),
        ("launchers could be heading for the Tamrin Valley", [("destination", "Tamrin Valley", False)]),
        ("aid for Orlenia", []),
        ("exercises at the Harsk training range", [("location", "Harsk", False)]),
        ("units in eastern Vessaria", [("location", "Vessaria", True)]),
        ("troops stationed in the US", [("location", "US", True)]),
        ("12 kilometres from Velka, opposite Velka, near Velka", []),
        ("officials plan to visit Kessel", []),
        ("let the tamrin valley be", []),
    ],
)
def test_link_places_reads_location_and_destination(text: str, expected: list[tuple[str, str, bool]]) -> None:
    found = [(r.relation, r.place.name, r.place.is_state) for r in PLACES.readings(text)]
    assert found == expected


def test_link_places_a_state_contains_its_places_only() -> None:
    (vessaria,) = PLACES.readings("in Vessaria")
    (harsk,) = PLACES.readings("at Harsk")
    (velka,) = PLACES.readings("in Velka")
    assert vessaria.place.contains(harsk.place)
    assert not vessaria.place.contains(velka.place)
    assert not harsk.place.contains(vessaria.place)


@given(
    article=st.sampled_from(["", "the ", "The "]),
    spaces=st.text(alphabet=" \t", min_size=1, max_size=3),
    name=st.sampled_from(["Tamrin Valley", "TAMRIN VALLEY", "tamrin  valley"]),
)
def test_link_places_key_ignores_article_case_and_spacing(article: str, spaces: str, name: str) -> None:
    assert place_key(f"{article}{name.replace(' ', spaces)}") == "tamrin valley"


def test_link_places_without_a_gazetteer_reads_nothing() -> None:
    assert Gazetteer({}).readings("moved into the Tamrin Valley") == []
