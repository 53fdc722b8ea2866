"""Duplicates: report ids for exact copies, the MinHash LSH index for syndicated near-copies."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from claimledger.errors import ConfigError
from claimledger.ingest import NearDuplicateIndex, normalise_text, report_id
from claimledger.models import Boilerplate
from claimledger.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
SETTINGS = Settings()
MARCH_12, MARCH_13 = dt.date(2024, 3, 12), dt.date(2024, 3, 13)


@pytest.fixture(scope="module")
def original() -> str:
    return (FIXTURES / "wire_original.txt").read_text(encoding="utf-8").rstrip()


@pytest.fixture(scope="module")
def syndicated(original: str) -> str:
    """A partner outlet's copy: a headline added, a few words edited, a credit line appended."""
    edited = (
        original.replace("more than forty cranes", "over forty cranes")
        .replace("generous and final", "generous")
        .replace("roughly four million", "about four million")
    )
    return f"Port strike drags on\n{edited}\nMPA contributed reporting."


@pytest.fixture(scope="module")
def unrelated() -> str:
    return (FIXTURES / "news_mentions.txt").read_text(encoding="utf-8")


def index_of(*reports: tuple[str, str, dt.date | None], settings: Settings = SETTINGS) -> NearDuplicateIndex:
    index = NearDuplicateIndex(settings)
    for rid, text, published in reports:
        index.add(rid, published, index.signature(text))
    return index


def test_dedup_report_id_is_16_hex_of_normalised_text() -> None:
    rid = report_id("Talks  stalled.\n\nOfficials said.")
    assert len(rid) == 16 and int(rid, 16) >= 0
    assert rid == report_id(" Talks stalled. Officials said. ")
    assert rid != report_id("Talks stalled. Officials said!")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a\tb\n\nc  ", "a b c"),
        ("Cafe\u0301", "Café"),
        ("“quoted” and ‘single’", "“quoted” and ‘single’"),
        ("non\u00a0breaking\u2028line", "non breaking line"),
    ],
)
def test_dedup_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_dedup_exact_copy_has_the_same_report_id(original: str) -> None:
    assert report_id(original) == report_id(original.replace("\n", "\n\n") + "\n")


def test_dedup_syndicated_copy_points_to_the_earlier_original(original: str, syndicated: str) -> None:
    index = index_of(("orig", original, MARCH_12))
    copy_signature = index.signature(syndicated)
    found = index.original_of("copy", MARCH_13, copy_signature)
    assert found is not None
    assert found[0] == "orig" and SETTINGS.near_duplicate_threshold <= found[1] < 1.0


def test_dedup_unrelated_report_has_no_original(original: str, unrelated: str) -> None:
    index = index_of(("orig", original, MARCH_12))
    assert index.original_of("other", MARCH_13, index.signature(unrelated)) is None
    assert index.later_copies("other", MARCH_13, index.signature(unrelated)) == []


def test_dedup_original_is_none_for_the_earliest_and_later_copies_are_listed(
    original: str, syndicated: str
) -> None:
    index = index_of(("copy", syndicated, MARCH_13))
    signature = index.signature(original)
    assert index.original_of("orig", MARCH_12, signature) is None
    later = index.later_copies("orig", MARCH_12, signature)
    assert [rid for rid, _ in later] == ["copy"]


@pytest.mark.parametrize(
    ("first_date", "second_date", "expected_original"),
    [
        (MARCH_12, MARCH_13, "first"),
        (MARCH_13, MARCH_12, "second"),
        (None, MARCH_13, "second"),  # an unknown date counts as latest
        (MARCH_12, MARCH_12, "first"),  # a tie goes to the report indexed first
        (None, None, "first"),
    ],
)
def test_dedup_earliest_of_several_copies_is_the_original(
    original: str,
    syndicated: str,
    first_date: dt.date | None,
    second_date: dt.date | None,
    expected_original: str,
) -> None:
    reports = {"first": (original, first_date), "second": (syndicated, second_date)}
    index = index_of(*((rid, text, published) for rid, (text, published) in reports.items()))
    third = original.replace("Provincial labour minister", "Regional labour minister")
    found = index.original_of("third", None, index.signature(third))
    assert found is not None and found[0] == expected_original
    later = "second" if expected_original == "first" else "first"
    text, published = reports[later]
    found_for_later = index.original_of(later, published, index.signature(text))
    assert found_for_later is not None and found_for_later[0] == expected_original
    text, published = reports[expected_original]
    assert index.original_of(expected_original, published, index.signature(text)) is None


def test_dedup_add_is_idempotent(original: str) -> None:
    index = index_of(("orig", original, MARCH_12), ("orig", original, MARCH_13))
    assert index.original_of("orig", MARCH_12, index.signature(original)) is None


def test_dedup_signature_leaves_boilerplate_out(original: str) -> None:
    index = NearDuplicateIndex(SETTINGS)
    appeal_a = "\nA Message from The Harbour Ledger:\nDear readers, please support us today."
    appeal_b = "\nSupport independent journalism\nBecome a member of the Coast Courier for $3 a month."
    text_a, text_b = original + appeal_a, original + appeal_b
    span_a = Boilerplate(len(original), len(text_a), "appeal")
    span_b = Boilerplate(len(original), len(text_b), "appeal")
    with_bp = index.signature(text_a, (span_a,)).jaccard(index.signature(text_b, (span_b,)))
    without_bp = index.signature(text_a).jaccard(index.signature(text_b))
    assert with_bp == 1.0 > without_bp


def test_dedup_signature_round_trips_through_bytes(original: str) -> None:
    index = NearDuplicateIndex(SETTINGS)
    signature = index.signature(original)
    data = NearDuplicateIndex.to_bytes(signature)
    restored = NearDuplicateIndex.from_bytes(data)
    assert isinstance(data, bytes)
    assert list(restored.hashvalues) == list(signature.hashvalues)
    assert restored.jaccard(signature) == 1.0
    index.add("orig", MARCH_12, restored)
    assert index.original_of("copy", MARCH_13, signature) == ("orig", 1.0)


def test_dedup_from_bytes_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not a stored MinHash signature"):
        NearDuplicateIndex.from_bytes(b"\x01\x02")


def test_dedup_signature_from_other_settings_is_refused(original: str) -> None:
    other = NearDuplicateIndex(replace(SETTINGS, minhash_permutations=64)).signature(original)
    with pytest.raises(ConfigError, match="minhash_permutations"):
        NearDuplicateIndex(SETTINGS).add("orig", MARCH_12, other)


def test_dedup_empty_text_is_nobodys_duplicate() -> None:
    index = index_of(("blank", "  ", MARCH_12))
    assert index.original_of("blank2", MARCH_13, index.signature("\n\t")) is None


def test_dedup_short_text_below_shingle_size_still_matches_itself() -> None:
    index = index_of(("short", "Talks stalled.", MARCH_12))
    assert index.original_of("again", MARCH_13, index.signature("talks  STALLED")) == ("short", 1.0)
