"""Input paths: which files a directory holds, bounded reads, and `Rejected` rows for bad inputs."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from claimledger.errors import InputError, InputTooLarge
from claimledger.models import Rejected

log = logging.getLogger(__name__)

# Suffix → reader. Only these are read from directories, so READMEs, notes and stray files
# sitting next to reports are not ingested as reports.
READERS_BY_SUFFIX = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
KEPT_RAW_BYTES = 1 << 20  # a rejected input keeps this much of its bytes; its hash covers all of them
_CHUNK = 1 << 20


def reader_for(path: Path) -> str | None:
    """The reader name for `path` by its suffix, None when the suffix is not a known one."""
    return READERS_BY_SUFFIX.get(path.suffix.lower())


def walk(root: Path) -> Iterator[Path]:
    """Files under `root` with a known suffix, recursively, sorted; hidden files and folders skipped."""
    found: list[Path] = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        here = Path(folder)
        found.extend(
            here / name for name in files if not name.startswith(".") and reader_for(Path(name)) is not None
        )
    yield from sorted(found, key=lambda path: path.relative_to(root).parts)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as hex."""
    return hashlib.sha256(data).hexdigest()


def rejection(origin: str, error: InputError, raw: bytes, *, sha256: str | None = None) -> Rejected:
    """The `Rejected` row for `error`, keeping at most `KEPT_RAW_BYTES` of `raw`."""
    log.debug("rejected %s: %s", origin, error.one_line())
    return Rejected(
        origin=origin,
        code=error.code,
        message=error.message,
        sha256=sha256 if sha256 is not None else sha256_hex(raw),
        raw=raw[:KEPT_RAW_BYTES],
    )


def too_large(origin: str, size: int, limit: int) -> InputTooLarge:
    """The error for an input of `size` bytes over `limit`."""
    return InputTooLarge(
        f"{origin} is {size:,} bytes, over the limit of {limit:,} bytes; "
        "split it or raise max_input_bytes in the settings",
        origin=origin,
    )


def read_bounded(path: Path, limit: int) -> bytes | Rejected:
    """The bytes of `path`, or a `Rejected` (InputTooLarge) if it holds more than `limit` bytes.

    The size is checked before reading, and never more than `limit + 1` bytes are held in
    memory; an oversized file is hashed in chunks so its `Rejected` row still names it exactly.
    """
    origin = str(path)
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size <= limit:
            data = handle.read(limit + 1)
            if len(data) <= limit:
                return data
        else:
            data = handle.read(KEPT_RAW_BYTES)
        digest = hashlib.sha256(data)
        size = len(data)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return rejection(origin, too_large(origin, size, limit), data, sha256=digest.hexdigest())


def head_and_sha256(path: Path) -> tuple[bytes, str]:
    """The first `KEPT_RAW_BYTES` of `path` and the SHA-256 of all of it, read in chunks."""
    with path.open("rb") as handle:
        head = handle.read(KEPT_RAW_BYTES)
        digest = hashlib.sha256(head)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return head, digest.hexdigest()


def file_rejection(path: Path, error: InputError, *, origin: str | None = None) -> Rejected:
    """The `Rejected` row for the whole file `path` (or for a part of it, as `origin` says)."""
    head, sha256 = head_and_sha256(path)
    return rejection(origin or str(path), error, head, sha256=sha256)
