"""Plain-text reports: decoding (BOM, UTF-8, detected legacy encodings), checks, front matter."""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

from claimledger.errors import BinaryInput, EmptyInput, UndecodableInput
from claimledger.ingest.frontmatter import meta_from_fields, split_front_matter
from claimledger.models import Document, ReportMeta

log = logging.getLogger(__name__)

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 64 * 1024
_WHITESPACE_CONTROLS = frozenset(b"\t\n\r\x0b\x0c")
# Text has next to no C0 control characters besides whitespace; binary data has them in bulk
# (about one byte in ten for random data). Five in a hundred is far from both.
_MAX_CONTROL_RATIO = 0.05
# Below this coherence charset-normalizer recognised no language in the decoded text: the
# encoding it names is a guess among many that decode the bytes equally well.
_MIN_COHERENCE = 0.2
_NEAR_CHAOS = 0.05
_NEAR_COHERENCE = 0.05
_WESTERN = "cp1252"
# A Latin-1 symbol between two letters ("o¶wiadczy³") is how a Central European code page reads
# as Windows-1252; the middle dot is left out, Catalan writes it inside words ("col·legi").
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[\xa1-\xb6\xb8-\xbf\xd7\xf7](?=[^\W\d_])")


def looks_binary(data: bytes) -> bool:
    """Whether `data` is binary: a NUL byte anywhere, or many control bytes in its first 64 KiB.

    Written here rather than using `charset_normalizer.is_binary`, which also calls text in an
    undetectable encoding binary; the two get different rejections and advice.
    """
    if b"\x00" in data:  # no later stage (nor PostgreSQL) can store a NUL in text
        return True
    sample = data[:_SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _WHITESPACE_CONTROLS)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_RATIO


def text_looks_binary(text: str) -> bool:
    """Whether decoded `text` is binary data in disguise (a NUL, or many control characters)."""
    if "\x00" in text:
        return True
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for char in sample if ord(char) < 0x20 and ord(char) not in _WHITESPACE_CONTROLS)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_RATIO


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of `data`, if there is one."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def detect_encoding(data: bytes, *, origin: str, partial: bool = False) -> str:
    """The codec to decode `data` with: a BOM's, else UTF-8 if valid, else a confident detection.

    With `partial`, `data` is the start of a longer input and may end inside a character.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    if looks_binary(data):
        raise BinaryInput(
            f"{origin} looks like binary data (NUL or control bytes), not text; nothing to ingest",
            origin=origin,
        )
    if _is_utf8(data, partial=partial):
        return "utf-8"
    return _detected(data, origin=origin)


def _is_utf8(data: bytes, *, partial: bool) -> bool:
    """Whether `data` is valid UTF-8 (a character cut off at the end is fine when `partial`)."""
    try:
        # The standard library has no non-raising UTF-8 validity check; decoding is the check.
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
    except UnicodeDecodeError:
        return False
    return True


def _detected(data: bytes, *, origin: str) -> str:
    """charset-normalizer's encoding for non-UTF-8 `data`, or UndecodableInput when it is unsure.

    Several code pages often decode a short text equally cleanly. If they all read the same
    and a language was recognised (or Windows-1252 is among them), any will do. Else
    Windows-1252 is taken when it is among the cleanest readings and puts no symbols inside
    words: legacy news files are overwhelmingly Windows-1252 (a superset of Latin-1 for text),
    yet charset-normalizer often ranks, even scores as more coherent, a Baltic or DOS code page
    on them. Else the most coherent reading must clearly beat the others.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if matches:
        least_chaos = min(match.chaos for match in matches)
        near = [match for match in matches if match.chaos <= least_chaos + _NEAR_CHAOS]
        readings = {match.encoding: str(match) for match in near}
        best = max(near, key=lambda match: match.coherence)
        western = next((m for m in near if _WESTERN in (m.encoding, *m.could_be_from_charset)), None)
        if len(set(readings.values())) == 1 and (best.coherence >= _MIN_COHERENCE or western is not None):
            return _WESTERN if western is not None else str(best.encoding)
        if western is not None and not _SYMBOL_IN_WORD.search(readings[western.encoding]):
            return _WESTERN
        rivals = [m.coherence for m in near if readings[m.encoding] != readings[best.encoding]]
        if best.coherence >= _MIN_COHERENCE and best.coherence - max(rivals, default=0.0) >= _NEAR_COHERENCE:
            log.debug("%s: detected encoding %s", origin, best.encoding)
            return str(best.encoding)
    raise UndecodableInput(
        f"{origin} is not UTF-8 and its encoding could not be detected with confidence; "
        "re-encode it as UTF-8 and ingest it again",
        origin=origin,
    )


def decode(data: bytes, *, origin: str) -> str:
    """`data` decoded to text with `\\n` newlines and no byte-order mark."""
    codec = detect_encoding(data, origin=origin)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        raise UndecodableInput(
            f"{origin} is not valid {codec} at byte {e.start}; re-encode it as UTF-8 and ingest it again",
            origin=origin,
        ) from e
    return normalise_newlines(text).removeprefix("\ufeff")


def normalise_newlines(text: str) -> str:
    """`text` with `\\r\\n` and lone `\\r` turned into `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def checked_text(text: str, *, origin: str) -> str:
    """`text` as a report body: newlines normalised, trailing whitespace dropped, not empty or binary.

    Only trailing whitespace is dropped so that offsets into the body stay offsets into the input.
    """
    if text_looks_binary(text):
        raise BinaryInput(f"{origin} holds binary data (NUL or control characters), not text", origin=origin)
    body = normalise_newlines(text).rstrip()
    if not body.strip():
        raise EmptyInput(f"{origin} has no text; nothing to ingest", origin=origin)
    return body


def read_text(data: bytes, *, origin: str, defaults: ReportMeta) -> Document:
    """A `Document` from the bytes of a text file, with metadata from its front matter if any."""
    if not data.strip():
        raise EmptyInput(f"{origin} is empty; nothing to ingest", origin=origin)
    found, body = split_front_matter(decode(data, origin=origin))
    meta = meta_from_fields(found, origin=origin, defaults=defaults)
    return Document(origin=origin, text=checked_text(body, origin=origin), meta=meta, raw=data)
