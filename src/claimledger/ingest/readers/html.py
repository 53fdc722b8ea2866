"""HTML reports: main text and metadata by trafilatura, on markup stripped of anything executable."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

import trafilatura
from lxml.etree import LxmlError
from lxml_html_clean import Cleaner

from claimledger.errors import EmptyInput, MalformedHTML
from claimledger.ingest.frontmatter import merge_meta
from claimledger.ingest.readers.text import bom_encoding, checked_text, decode, looks_binary
from claimledger.models import Document, ReportMeta

log = logging.getLogger(__name__)

# Defence in depth: trafilatura already drops <script> and friends, but the tree it extracts
# from is first cleaned by lxml_html_clean, so no script, event handler, javascript: link,
# frame or embedded object can reach the text whatever trafilatura's heuristics decide.
# Metadata is read from the uncleaned tree: JSON-LD lives in <script type="application/ld+json">.
_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    links=False,  # keeps <link rel="canonical">
    meta=False,
    page_structure=False,
    remove_unknown_tags=False,
    safe_attrs_only=False,  # trafilatura's boilerplate heuristics read class, id and role
)
# Sniffing files of unknown type: a document type, an <html>/<head>/<body> tag or a common
# block tag near the start. Written here because trafilatura parses anything as HTML.
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.IGNORECASE)
_SNIFF_BYTES = 4096


def looks_like_html(data: bytes) -> bool:
    """Whether `data` of unknown type looks like HTML rather than plain text."""
    return _MARKUP.search(data[:_SNIFF_BYTES]) is not None


def read_html(markup: bytes | str, *, origin: str, defaults: ReportMeta) -> Document:
    """A `Document` from an HTML page: its main text (paragraphs one `\\n` apart) and metadata."""
    raw = markup.encode("utf-8") if isinstance(markup, str) else markup
    if not raw.strip():
        raise EmptyInput(f"{origin} is empty; nothing to ingest", origin=origin)
    codec = bom_encoding(raw) if isinstance(markup, bytes) else None
    if codec is not None:  # UTF-16 and UTF-32 pages hold NULs: decode them before the binary check
        markup = decode(raw, origin=origin)
    elif isinstance(markup, bytes) and looks_binary(raw):
        raise MalformedHTML(f"{origin} looks like binary data, not HTML", origin=origin)
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise MalformedHTML(
            f"{origin} could not be parsed as HTML; check that it is a web page", origin=origin
        )
    try:
        safe_tree = _CLEANER.clean_html(tree)  # a cleaned copy; `tree` keeps its metadata
        extracted = trafilatura.bare_extraction(
            safe_tree,
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=False,
            # The balanced default, not favor_precision: precision drops short paragraphs,
            # and credit lines ("AFP contributed reporting.") are short. clean() handles
            # the publisher boilerplate that recall lets through.
        )
        metadata = trafilatura.extract_metadata(tree)
    except (LxmlError, ValueError) as e:
        raise MalformedHTML(f"{origin} is HTML that could not be processed: {e}", origin=origin) from e
    text = getattr(extracted, "text", None)
    if not text or not text.strip():
        raise MalformedHTML(
            f"{origin} has no main text that could be found; check that it is an article page", origin=origin
        )
    meta = merge_meta(_meta_of(metadata, origin=origin), defaults)
    return Document(origin=origin, text=checked_text(text, origin=origin), meta=meta, raw=raw)


def _meta_of(metadata: Any, *, origin: str) -> ReportMeta:
    """The `ReportMeta` of trafilatura's metadata; its date comes from htmldate already."""
    return ReportMeta(
        title=_text_or_none(metadata.title),
        publisher=_text_or_none(metadata.sitename),
        published=_date_or_none(metadata.date, origin=origin),
        author=_text_or_none(metadata.author),
        url=_text_or_none(metadata.url),
    )


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date_or_none(value: object, *, origin: str) -> dt.date | None:
    """trafilatura's `YYYY-MM-DD` date, None if absent or (logged) not a date."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        log.debug("%s: ignoring the page date %r, which is not an ISO date", origin, value)
        return None
