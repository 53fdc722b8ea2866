"""CSV archives: a header row naming the columns, then one report per row, read as a stream.

The columns are the JSONL fields (`text` or `html`, and `id`, `url`, `title`, `publisher`,
`published`, `author`), matched case-insensitively; other columns are ignored. The origin of a
row is `path:LINE`, LINE being the 1-based line of the file where the row starts (the header is
line 1). The encoding is detected from the first 64 KiB (BOM, UTF-8, else a confident guess).
After a row the csv module cannot parse (a NUL byte, a field over its 128 KiB field limit) or
bytes that do not decode, the rest of the file is one `Rejected`: the parser's position in the
file can no longer be trusted.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from claimledger.errors import EmptyInput, InputError, MalformedRecord, UndecodableInput
from claimledger.ingest.readers.jsonl import record_document
from claimledger.ingest.readers.paths import file_rejection, rejection
from claimledger.ingest.readers.text import detect_encoding
from claimledger.models import Document, Rejected, ReportMeta
from claimledger.settings import Settings

log = logging.getLogger(__name__)

_SNIFF_BYTES = 64 * 1024


class _RowReader(Protocol):
    """What we use of a `csv.reader`: its rows, and how many lines of the file it has consumed."""

    @property
    def line_num(self) -> int: ...

    def __next__(self) -> list[str]: ...

    def __iter__(self) -> Iterator[list[str]]: ...


def read_csv(path: Path, *, settings: Settings, defaults: ReportMeta) -> Iterator[Document | Rejected]:
    """Every report of the CSV file `path`, in order; rows with no content at all are skipped."""
    origin = str(path)
    with path.open("rb") as binary:
        sample = binary.read(_SNIFF_BYTES)
        if not sample.strip():
            yield file_rejection(path, EmptyInput(f"{origin} is empty; nothing to ingest", origin=origin))
            return
        try:
            encoding = detect_encoding(sample, origin=origin, partial=len(sample) == _SNIFF_BYTES)
        except InputError as error:
            yield file_rejection(path, error)
            return
        binary.seek(0)
        with io.TextIOWrapper(binary, encoding=encoding, newline="") as stream:
            yield from _rows(path, csv.reader(stream), settings=settings, defaults=defaults)


def _rows(
    path: Path, reader: _RowReader, *, settings: Settings, defaults: ReportMeta
) -> Iterator[Document | Rejected]:
    """The reports of the rows `reader` yields after the header row."""
    header = _next_row(path, reader, line=1)
    if isinstance(header, Rejected):
        yield header
        return
    if header is None:
        yield file_rejection(
            path, EmptyInput(f"{path} has no header row; nothing to ingest", origin=str(path))
        )
        return
    columns = [name.strip().lower() for name in header]
    if "text" not in columns and "html" not in columns:
        error = MalformedRecord(
            f"{path} has no 'text' or 'html' column; its first row must name the columns", origin=str(path)
        )
        yield file_rejection(path, error)
        return
    end = reader.line_num
    while True:
        start = end + 1
        row = _next_row(path, reader, line=start)
        if row is None or isinstance(row, Rejected):
            if row is not None:
                yield row
            return
        end = reader.line_num
        if any(cell.strip() for cell in row):
            yield _report(row, columns, origin=f"{path}:{start}", settings=settings, defaults=defaults)


def _next_row(path: Path, reader: _RowReader, *, line: int) -> list[str] | Rejected | None:
    """The next row, None at the end, or the `Rejected` for the rest of the file."""
    origin = f"{path}:{line}"
    try:
        return next(reader, None)
    except UnicodeDecodeError as e:
        error: InputError = UndecodableInput(
            f"{path} does not decode near line {line} ({e.reason}); re-encode it as UTF-8", origin=origin
        )
    except csv.Error as e:
        error = MalformedRecord(f"{path} cannot be parsed as CSV at line {line}: {e}", origin=origin)
    log.debug("%s: not reading the rest of the file", origin)
    return file_rejection(path, error, origin=origin)


def _report(
    row: list[str], columns: list[str], *, origin: str, settings: Settings, defaults: ReportMeta
) -> Document | Rejected:
    """The report in one row, or its `Rejected`."""
    raw = _serialised(row)
    if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
        error = MalformedRecord(
            f"the row has {len(row)} cells but the header names {len(columns)} columns", origin=origin
        )
        return rejection(origin, error, raw)
    record = dict(zip(columns, row, strict=False))
    try:
        return record_document(record, origin=origin, raw=raw, settings=settings, defaults=defaults)
    except InputError as error:
        return rejection(origin, error, raw)


def _serialised(row: list[str]) -> bytes:
    """The row written back as one CSV record in UTF-8: the raw bytes kept for it."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    return buffer.getvalue().encode("utf-8")
