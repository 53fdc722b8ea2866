"""Readers: files and folders in, `Document`s and `Rejected` rows out; bad input never raises."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimledger.errors import InputError, MissingInput, UnsupportedInput
from claimledger.ingest.readers.csv import read_csv
from claimledger.ingest.readers.html import looks_like_html, read_html
from claimledger.ingest.readers.jsonl import read_jsonl
from claimledger.ingest.readers.paths import read_bounded, reader_for, rejection, walk
from claimledger.ingest.readers.text import read_text
from claimledger.models import Document, Rejected, ReportMeta
from claimledger.settings import Settings

__all__ = ["read_inputs"]

log = logging.getLogger(__name__)

_NO_META = ReportMeta()


def read_inputs(
    paths: Iterable[str | Path], *, settings: Settings, defaults: ReportMeta = _NO_META
) -> Iterator[Document | Rejected]:
    """Every report in `paths` (files, or folders read recursively), and a `Rejected` for each bad input.

    Folders yield their `.txt`, `.html`, `.htm`, `.jsonl`, `.ndjson` and `.csv` files in sorted
    order, skipping hidden ones; a file named explicitly with another suffix is read as HTML if
    it looks like markup, else as text. `defaults` fills the metadata an input does not carry.
    """
    if isinstance(paths, str | Path):  # one path, not the characters of one
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in walk(path):
                yield from _read_file(file, settings=settings, defaults=defaults)
        elif path.is_file():
            yield from _read_file(path, settings=settings, defaults=defaults)
        elif path.exists():
            error: InputError = UnsupportedInput(
                f"{path} is neither a regular file nor a folder; give a file or a folder", origin=str(path)
            )
            yield rejection(str(path), error, b"")
        else:
            yield rejection(str(path), MissingInput(f"{path} does not exist", origin=str(path)), b"")


def _read_file(path: Path, *, settings: Settings, defaults: ReportMeta) -> Iterator[Document | Rejected]:
    """The reports in one file; an unreadable file becomes one `Rejected`."""
    try:
        yield from _reports(path, settings=settings, defaults=defaults)
    except OSError as e:
        # Raised by the file system (permissions, a file removed mid-run), not by the content.
        error = InputError(f"{path} could not be read: {e.strerror or e}", origin=str(path))
        yield rejection(str(path), error, b"")


def _reports(path: Path, *, settings: Settings, defaults: ReportMeta) -> Iterator[Document | Rejected]:
    """The reports in one file, by the reader its suffix (or, lacking one we know, its content) calls for."""
    reader = reader_for(path)
    if reader == "jsonl":
        yield from read_jsonl(path, settings=settings, defaults=defaults)
        return
    if reader == "csv":
        yield from read_csv(path, settings=settings, defaults=defaults)
        return
    data = read_bounded(path, settings.max_input_bytes)
    if isinstance(data, Rejected):
        yield data
        return
    origin = str(path)
    read = read_html if reader == "html" or (reader is None and looks_like_html(data)) else read_text
    try:
        report: Document | Rejected = read(data, origin=origin, defaults=defaults)
    except InputError as error:
        report = rejection(origin, error, data)
    yield report
