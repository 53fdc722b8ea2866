"""The gazetteer: lookup keys, bundled entries, user files that extend it and user files it rejects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimledger.errors import BadGazetteer
from claimledger.extract.entities import Gazetteer, KnownSource, name_key
from claimledger.models import SourceKind

ARTICLES = ("the ", "a ", "an ")
APOSTROPHES = ("'", "’", "‘", "`")

# Names as they appear in news text: words of letters, with apostrophes and irregular spacing.
word = st.text(st.characters(categories=["Lu", "Ll"], max_codepoint=0x7F), min_size=1, max_size=8)
spacing = st.sampled_from([" ", "  ", "\t", " \n "])
apostrophe = st.sampled_from(APOSTROPHES)
name = st.lists(
    st.tuples(word, st.one_of(st.just(""), apostrophe.map(lambda a: a + "s")), spacing),
    min_size=1,
    max_size=5,
).map(lambda parts: "".join(w + s + gap for w, s, gap in parts).strip())


def without_article(text: str) -> bool:
    """Names that do not open with an article themselves (see the repeated-article case below)."""
    return text.split()[0].casefold() not in {"the", "a", "an"}


@pytest.fixture(scope="module")
def bundled() -> Gazetteer:
    return Gazetteer.load()


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Seoul's spy agency", "seoul's spy agency"),
        ("Seoul’s  spy\tagency", "seoul's spy agency"),
        ("  The Kremlin ", "kremlin"),
        ("an Agency", "agency"),
        ("A source", "source"),
        ("Theodore Brennick", "theodore brennick"),
        ("The", "the"),
        ("", ""),
    ],
)
def test_entities_name_key_normalises(text: str, key: str) -> None:
    assert name_key(text) == key


@given(st.text())
def test_entities_name_key_is_idempotent(text: str) -> None:
    # A key that still starts with an article ("the the x") is the known exception, pinned below.
    key = name_key(text)
    assume(not key.startswith(ARTICLES))
    assert name_key(key) == key


def test_entities_name_key_is_idempotent_with_repeated_articles() -> None:
    assert name_key(name_key("the the Herald")) == name_key("the the Herald")


@given(name.filter(without_article))
def test_entities_name_key_ignores_case(text: str) -> None:
    assert name_key(text.upper()) == name_key(text.lower()) == name_key(text.swapcase()) == name_key(text)


@given(name.filter(without_article), apostrophe)
def test_entities_name_key_ignores_apostrophe_style(text: str, replacement: str) -> None:
    restyled = text
    for mark in APOSTROPHES:
        restyled = restyled.replace(mark, replacement)
    assert name_key(restyled) == name_key(text)


@given(name.filter(without_article), st.sampled_from(["the ", "The ", "THE ", "a ", "A ", "an ", "An "]))
def test_entities_name_key_ignores_leading_article(text: str, article: str) -> None:
    assert name_key(article + text) == name_key(text)


@pytest.mark.parametrize(
    ("text", "canonical", "kind"),
    [
        ("Seoul's spy agency", "National Intelligence Service (South Korea)", "intelligence_agency"),
        ("Seoul’s spy agency", "National Intelligence Service (South Korea)", "intelligence_agency"),
        (
            "the National Intelligence Service",
            "National Intelligence Service (South Korea)",
            "intelligence_agency",
        ),
        ("Yonhap", "Yonhap News Agency", "news_outlet"),
        ("the Pentagon", "United States Department of Defense", "ministry"),
    ],
)
def test_entities_bundled_sources(bundled: Gazetteer, text: str, canonical: str, kind: SourceKind) -> None:
    assert bundled.source(text) == KnownSource(canonical, kind)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the Kremlin", "Russia"),
        ("Kremlin", "Russia"),
        ("Seoul", "South Korea"),
        ("North Korean", "North Korea"),
        ("the White House", "United States"),
        ("Valeport", None),
    ],
)
def test_entities_bundled_places_and_demonyms(bundled: Gazetteer, text: str, country: str | None) -> None:
    assert bundled.country(text) == country


def test_entities_kremlin_is_a_place_not_a_source(bundled: Gazetteer) -> None:
    assert bundled.source("the Kremlin") is None
    assert bundled.country("the Kremlin") == "Russia"


def test_entities_user_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = write_json(
        tmp_path / "extra.json",
        {
            "places": {"Valeport": "Karsland", "Seoul": "Republic of Korea"},
            "demonyms": {"Karslander": "Karsland"},
            "sources": [
                {"canonical": "Dunmore Herald", "kind": "news_outlet", "aliases": ["the Herald"]},
                {
                    "canonical": "Seoul spy service",
                    "kind": "intelligence_agency",
                    "aliases": ["Seoul's spy agency"],
                },
            ],
        },
    )
    gazetteer = Gazetteer.load(extra)
    assert gazetteer.country("Valeport") == "Karsland"
    assert gazetteer.country("Karslander") == "Karsland"
    assert gazetteer.source("The Herald") == KnownSource("Dunmore Herald", "news_outlet")
    assert gazetteer.source("Dunmore Herald") == KnownSource("Dunmore Herald", "news_outlet")
    # The user's entries win over the bundled ones...
    assert gazetteer.country("Seoul") == "Republic of Korea"
    assert gazetteer.source("Seoul’s spy agency") == KnownSource("Seoul spy service", "intelligence_agency")
    # ...and the bundled ones the user did not name stay.
    assert gazetteer.country("the Kremlin") == "Russia"
    assert gazetteer.source("NIS") == KnownSource(
        "National Intelligence Service (South Korea)", "intelligence_agency"
    )


def test_entities_source_kind_defaults_to_organisation(tmp_path: Path) -> None:
    extra = write_json(tmp_path / "extra.json", {"sources": [{"canonical": "Harbour Watch"}]})
    assert Gazetteer.load(extra).source("harbour watch") == KnownSource("Harbour Watch", "organisation")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{not json", "cannot read gazetteer", id="not-json"),
        pytest.param(b"\xff\xfe{}", "cannot read gazetteer", id="not-utf8"),
        pytest.param([], "a gazetteer is a JSON object", id="not-an-object"),
        pytest.param({"places": ["Valeport"]}, "'places' must map names to names", id="places-list"),
        pytest.param({"places": None}, "'places' must map names to names", id="places-null"),
        pytest.param(
            {"demonyms": {"Karslander": 3}}, "'demonyms' must map names to names", id="demonym-number"
        ),
        pytest.param(
            {"sources": [{"kind": "news_outlet"}]}, "every source needs a 'canonical' name", id="no-canonical"
        ),
        pytest.param(
            {"sources": ["Dunmore Herald"]}, "every source needs a 'canonical' name", id="source-string"
        ),
        pytest.param(
            {"sources": [{"canonical": "Dunmore Herald", "kind": "newspaper"}]},
            "unknown source kind 'newspaper'",
            id="unknown-kind",
        ),
        pytest.param(
            {"sources": [{"canonical": "Dunmore Herald", "aliases": "the Herald"}]},
            "'aliases' of 'Dunmore Herald' must be a list of names",
            id="aliases-string",
        ),
        pytest.param(
            {"sources": [{"canonical": "Dunmore Herald", "aliases": ["the Herald", 7]}]},
            "'aliases' of 'Dunmore Herald' must be a list of names",
            id="alias-number",
        ),
        pytest.param(
            {"sources": None},
            "sources",
            id="sources-null",
        ),
        pytest.param(
            {"sources": 5},
            "sources",
            id="sources-number",
        ),
    ],
)
def test_entities_bad_user_file_names_the_file(tmp_path: Path, content: Any, message: str) -> None:
    path = tmp_path / "my gazetteer.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        write_json(path, content)
    with pytest.raises(BadGazetteer) as raised:
        Gazetteer.load(path)
    assert raised.value.code == "CL202"
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


def test_entities_missing_user_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(BadGazetteer, match="cannot read gazetteer") as raised:
        Gazetteer.load(path)
    assert str(path) in str(raised.value)
