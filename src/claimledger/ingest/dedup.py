"""Duplicates: the report id (hash of normalised text) for exact copies, MinHash LSH for near ones.

Syndicated copies of one wire report differ by a headline, a credit line or a few edited words;
linking counts them as one origin, so each near-duplicate is pointed at its earliest copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash, MinHashLSH

from claimledger.errors import ConfigError
from claimledger.models import Boilerplate
from claimledger.settings import Settings

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_BYTE_ORDER = "<"  # stored signatures read the same on every machine
_SEED = 1
# The LSH bands are tuned a little below the threshold so that pairs just above it are not
# missed by banding; every candidate is then checked against the threshold itself.
_LSH_SLACK = 0.1
_MIN_LSH_THRESHOLD = 0.05


def normalise_text(text: str) -> str:
    """`text` in Unicode NFC with every run of whitespace one space, stripped; quotes are kept."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def report_id(text: str) -> str:
    """The id of a report: the first 16 hex digits of the SHA-256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class _Entry:
    published: dt.date | None
    order: int
    signature: MinHash


class NearDuplicateIndex:
    """Reports by MinHash signature, to find a report's earliest near-duplicate and its later copies.

    Earliest means by publication date, unknown dates counting as latest, ties going to the
    report indexed first; a report not yet indexed counts as indexed after all others.
    """

    def __init__(self, settings: Settings) -> None:
        self._threshold = settings.near_duplicate_threshold
        self._permutations = settings.minhash_permutations
        self._shingle_words = settings.shingle_words
        self._lsh = MinHashLSH(
            threshold=max(self._threshold - _LSH_SLACK, _MIN_LSH_THRESHOLD), num_perm=self._permutations
        )
        self._entries: dict[str, _Entry] = {}

    def signature(self, text: str, boilerplate: Iterable[Boilerplate] = ()) -> MinHash:
        """The MinHash of the word shingles of `text`, leaving out its `boilerplate` ranges."""
        kept, position = [], 0
        for span in sorted(boilerplate, key=lambda span: span.start):
            kept.append(text[position : max(position, span.start)])
            position = max(position, span.end)
        kept.append(text[position:])
        words = _WORD.findall(normalise_text(" ".join(kept)).casefold())
        size = self._shingle_words
        shingles = (
            {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))} if words else set()
        )
        signature = MinHash(num_perm=self._permutations, seed=_SEED)
        signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
        return signature

    def add(self, report_id: str, published: dt.date | None, signature: MinHash) -> None:
        """Index a report; adding an id again changes nothing."""
        self._check(report_id, signature)
        if report_id in self._entries:
            return
        self._entries[report_id] = _Entry(published, len(self._entries), signature)
        if not signature.is_empty():  # a report without words is nobody's duplicate
            self._lsh.insert(report_id, signature, check_duplication=False)

    def original_of(
        self, report_id: str, published: dt.date | None, signature: MinHash
    ) -> tuple[str, float] | None:
        """The earliest indexed near-duplicate and its similarity, if it is earlier than this report."""
        own = self._rank(report_id, published)
        earlier = [
            (rank, other, similarity)
            for rank, other, similarity in self._near(report_id, signature)
            if rank < own
        ]
        if not earlier:
            return None
        _, other, similarity = min(earlier)
        return other, similarity

    def later_copies(
        self, report_id: str, published: dt.date | None, signature: MinHash
    ) -> list[tuple[str, float]]:
        """Indexed near-duplicates later than this report, earliest first, with their similarity."""
        own = self._rank(report_id, published)
        near = sorted(self._near(report_id, signature))
        return [(other, similarity) for rank, other, similarity in near if rank > own]

    @staticmethod
    def to_bytes(signature: MinHash) -> bytes:
        """`signature` as bytes for storage (little-endian, with its seed and scheme)."""
        lean = LeanMinHash(signature)
        buffer = bytearray(lean.bytesize(byteorder=_BYTE_ORDER))
        lean.serialize(buffer, byteorder=_BYTE_ORDER)
        return bytes(buffer)

    @staticmethod
    def from_bytes(data: bytes) -> MinHash:
        """The signature `to_bytes` stored."""
        try:
            return LeanMinHash.deserialize(data, byteorder=_BYTE_ORDER)
        except (struct.error, ValueError) as e:
            raise ValueError(f"not a stored MinHash signature ({len(data)} bytes): {e}") from e

    def _rank(self, report_id: str, published: dt.date | None) -> tuple[bool, dt.date, int]:
        """The sort key of a report in time: known dates first, then by date, then by indexing order."""
        entry = self._entries.get(report_id)
        order = entry.order if entry is not None else len(self._entries)
        return (published is None, published or dt.date.min, order)

    def _near(self, report_id: str, signature: MinHash) -> list[tuple[tuple[bool, dt.date, int], str, float]]:
        """Indexed reports (other than `report_id`) at or above the threshold, with rank and similarity."""
        self._check(report_id, signature)
        if signature.is_empty():
            return []
        found = []
        for other in self._lsh.query(signature):
            if other == report_id:
                continue
            entry = self._entries[other]
            similarity = float(signature.jaccard(entry.signature))
            if similarity >= self._threshold:
                found.append((self._rank(other, entry.published), str(other), similarity))
        return found

    def _check(self, report_id: str, signature: MinHash) -> None:
        """Refuse a signature made with other settings: its similarities would mean nothing."""
        if len(signature) != self._permutations:
            raise ConfigError(
                f"the signature of report {report_id} has {len(signature)} permutations but "
                f"minhash_permutations is {self._permutations}; use the settings it was made with"
            )
