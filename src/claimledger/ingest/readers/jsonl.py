"""JSON Lines archives: one report per line, read as a stream; each bad line is its own `Rejected`.

A line is an object with `text` or `html` (if both, `text` is used) and optional `id`, `url`,
`title`, `publisher`, `published` (ISO date or datetime) and `author`. The origin of every line,
good or bad, is `path:LINE` with LINE counted from 1; `id` is kept as `meta.external_id`.
The `max_input_bytes` limit applies to each line, so archives of any size stream through.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from claimledger.errors import EmptyInput, InputError, MalformedRecord, UndecodableInput
from claimledger.ingest.frontmatter import meta_from_fields
from claimledger.ingest.readers.html import read_html
from claimledger.ingest.readers.paths import KEPT_RAW_BYTES, rejection, too_large
from claimledger.ingest.readers.text import checked_text
from claimledger.models import Document, Rejected, ReportMeta
from claimledger.settings import Settings

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a file; `sha256` is set (and `data` truncated) when the line was over the limit."""

    number: int
    data: bytes
    size: int
    sha256: str | None = None


def read_jsonl(path: Path, *, settings: Settings, defaults: ReportMeta) -> Iterator[Document | Rejected]:
    """Every report of the JSON Lines file `path`, in order; blank lines are skipped."""
    limit = settings.max_input_bytes
    with path.open("rb") as handle:
        for line in _lines(handle, limit):
            origin = f"{path}:{line.number}"
            if line.sha256 is not None:
                yield rejection(origin, too_large(origin, line.size, limit), line.data, sha256=line.sha256)
                continue
            if not line.data.strip():
                continue
            try:
                yield _document(line, origin=origin, settings=settings, defaults=defaults)
            except InputError as error:
                yield rejection(origin, error, line.data)


def _lines(handle: BinaryIO, limit: int) -> Iterator[_Line]:
    """The lines of `handle`, never holding more than `limit + 1` bytes of one in memory."""
    number = 0
    while data := handle.readline(limit + 1):
        number += 1
        if len(data) <= limit or data.endswith(b"\n"):
            yield _Line(number, data, len(data))
            continue
        digest, size, kept = hashlib.sha256(data), len(data), data[:KEPT_RAW_BYTES]
        while not data.endswith(b"\n") and (data := handle.readline(_CHUNK)):
            digest.update(data)
            size += len(data)
        yield _Line(number, kept, size, digest.hexdigest())


def _document(line: _Line, *, origin: str, settings: Settings, defaults: ReportMeta) -> Document:
    """The report on one line of JSON."""
    try:
        record = json.loads(line.data.decode("utf-8-sig" if line.number == 1 else "utf-8"))
        # JSON may spell lone surrogates ("\ud800"), which no later stage could store or encode.
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError) as e:
        raise UndecodableInput(
            f"line {line.number} is not valid UTF-8 ({e.reason}); re-encode the file as UTF-8",
            origin=origin,
        ) from e
    except (ValueError, RecursionError) as e:
        raise MalformedRecord(f"line {line.number} is not valid JSON: {e}", origin=origin) from e
    if not isinstance(record, dict):
        kind = _JSON_TYPES.get(type(record), "a number")
        raise MalformedRecord(f"line {line.number} is {kind}, not a JSON object", origin=origin)
    return record_document(record, origin=origin, raw=line.data, settings=settings, defaults=defaults)


def record_document(
    record: Mapping[str, object], *, origin: str, raw: bytes, settings: Settings, defaults: ReportMeta
) -> Document:
    """The report in one JSONL object or CSV row: its `text` (or its `html`, read as a page) and fields.

    Metadata in the record wins over metadata found in its HTML, which wins over `defaults`.
    """
    if len(raw) > settings.max_input_bytes:
        raise too_large(origin, len(raw), settings.max_input_bytes)
    text, html = record.get("text"), record.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise MalformedRecord(f"'{key}' must be a string, not {type(value).__name__}", origin=origin)
    if isinstance(text, str) and text.strip():
        meta = meta_from_fields(record, origin=origin, defaults=defaults)
        return Document(origin=origin, text=checked_text(text, origin=origin), meta=meta, raw=raw)
    if isinstance(html, str) and html.strip():
        page = read_html(html, origin=origin, defaults=defaults)
        return replace(page, meta=meta_from_fields(record, origin=origin, defaults=page.meta), raw=raw)
    if text is not None or html is not None:
        raise EmptyInput("the record's 'text' and 'html' are empty; nothing to ingest", origin=origin)
    raise MalformedRecord("the record has no 'text' or 'html' field; each report needs one", origin=origin)
