"""Report metadata fields: front matter blocks in text files, and the field → `ReportMeta` mapping.

The same six fields (title, publisher, published, author, url, id) come from front matter, JSONL
objects and CSV columns, so they are read in one place.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping
from dataclasses import fields, replace

from claimledger.errors import MalformedRecord
from claimledger.models import ReportMeta

log = logging.getLogger(__name__)

FIELDS = ("title", "publisher", "published", "author", "url", "id")
_FENCE = "---"
# Front matter is flat `key: value` lines, not YAML: YAML is no dependency of ours, and a YAML
# parser would turn values such as `no` or `2024-10-22` into booleans and dates behind our back.
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_QUOTES = ('"', "'")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter fields (lower-cased keys) of `text` and the body after it.

    Front matter is recognised only when the first line is `---`, a later line is `---`, and
    every non-blank line between is `key: value`; anything else is all body. Leading blank
    lines of the body are dropped so that offsets start at its first line of text.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return {}, text
    found: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == _FENCE:
            return found, _without_blank_lines(lines[number + 1 :])
        if not line.strip():
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            return {}, text
        found[match["key"].lower()] = _unquote(match["value"])
    return {}, text


def _without_blank_lines(lines: list[str]) -> str:
    """`lines` joined, without the leading blank ones (indentation of the first text line is kept)."""
    first = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    return "\n".join(lines[first:])


def _unquote(value: str) -> str:
    """`value` without one pair of matching surrounding quotes, as YAML-minded authors write them."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        return value[1:-1]
    return value


def parse_published(value: object, *, origin: str) -> dt.date | None:
    """An ISO date or datetime (its date part) from a metadata field; None when absent or blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise MalformedRecord(
            f"'published' must be an ISO date string such as 2024-10-22, not {type(value).__name__}",
            origin=origin,
        )
    text = value.strip()
    try:
        # fromisoformat reads bare dates too ("2024-10-22" is midnight of that day).
        return dt.datetime.fromisoformat(text).date()
    except ValueError as e:
        raise MalformedRecord(
            f"'published' is {text!r}, not an ISO date such as 2024-10-22 or 2024-10-22T08:00:00Z",
            origin=origin,
        ) from e


def meta_from_fields(fields_found: Mapping[str, object], *, origin: str, defaults: ReportMeta) -> ReportMeta:
    """A `ReportMeta` from the metadata fields of a record; fields it lacks come from `defaults`."""
    values: dict[str, str] = {}
    for key in ("title", "publisher", "author", "url", "id"):
        value = fields_found.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise MalformedRecord(f"'{key}' must be a string, not {type(value).__name__}", origin=origin)
        if str(value).strip():
            values[key] = str(value).strip()
    found = ReportMeta(
        title=values.get("title"),
        publisher=values.get("publisher"),
        published=parse_published(fields_found.get("published"), origin=origin),
        author=values.get("author"),
        url=values.get("url"),
        external_id=values.get("id"),
    )
    ignored = sorted(set(fields_found) - set(FIELDS) - {"text", "html"})
    if ignored:
        log.debug("%s: ignoring unknown metadata fields %s", origin, ", ".join(ignored))
    return merge_meta(found, defaults)


def merge_meta(found: ReportMeta, defaults: ReportMeta) -> ReportMeta:
    """`found`, with each unknown field taken from `defaults`: metadata in the input wins."""
    missing = {f.name: getattr(defaults, f.name) for f in fields(found) if getattr(found, f.name) is None}
    return replace(found, **missing)
