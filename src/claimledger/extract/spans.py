"""Character ranges from parse trees: clause extents, quotation marks, trimming.

Hand-written because attribution spans follow conventions (PolNeAR's, our seed's) that no
library's noun-chunk or subtree helper produces: the "that" complementiser is left out, a
trailing participle that starts a new attribution is cut, quotes are balanced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
QUOTE_MARKS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE
# Two apostrophes open and close quotations in some newspapers' plain text (the New York Times').
DOUBLE_APOSTROPHE = "''"
_TRIM = " \t\n,;:–—-"
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start` is the opening mark, `end` is just past the closing mark.

    `mark` is the width of each mark: 1, or 2 for two apostrophes.
    """

    start: int
    end: int
    mark: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.mark, self.end - self.mark


class Quotes:
    """The quotations of a text, paired paragraph by paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        quotes: list[Quote] = []
        for paragraph in _PARAGRAPH.finditer(text):
            quotes.extend(_pair_quotes(text, paragraph.start(), paragraph.end()))
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._starts = [q.start for q in self.quotes]

    def at(self, offset: int) -> Quote | None:
        """The quotation that contains `offset`, if any."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and self.quotes[index].start <= offset < self.quotes[index].end:
            return self.quotes[index]
        return None

    def within(self, start: int, end: int) -> list[Quote]:
        """Quotations that overlap `[start, end)`."""
        index = max(bisect_right(self._starts, start) - 1, 0)
        found = []
        for quote in self.quotes[index:]:
            if quote.start >= end:
                break
            if quote.end > start:
                found.append(quote)
        return found

    def balance(self, start: int, end: int) -> tuple[int, int]:
        """Widen `[start, end)` so that no quotation is cut in half."""
        for quote in self.within(start, end):
            if quote.start < start:
                start = quote.start
            if quote.end > end:
                end = quote.end
        return start, end

    def quoted_share(self, start: int, end: int) -> float:
        """The share of non-space characters of `[start, end)` that lie inside quotations."""
        total = sum(1 for ch in self.text[start:end] if not ch.isspace())
        if total == 0:
            return 0.0
        inside = 0
        for quote in self.within(start, end):
            lo, hi = max(quote.start, start), min(quote.end, end)
            inside += sum(1 for ch in self.text[lo:hi] if not ch.isspace())
        return inside / total


def _pair_quotes(text: str, start: int, end: int) -> Iterable[Quote]:
    """Pair opening and closing marks within one paragraph; unpaired marks are ignored."""
    open_at: int | None = None
    apostrophes_at: int | None = None
    offset = start
    while offset < end:
        ch = text[offset]
        offset += 1
        if text.startswith(DOUBLE_APOSTROPHE, offset - 1):
            offset += 1
            if apostrophes_at is None:
                apostrophes_at = offset - 2
            else:
                yield Quote(apostrophes_at, offset, mark=2)
                apostrophes_at = None
        elif ch in OPEN_QUOTES:
            open_at = offset - 1
        elif ch in CLOSE_QUOTES:
            if open_at is not None:
                yield Quote(open_at, offset)
            open_at = None
        elif ch == STRAIGHT_QUOTE:
            if open_at is None:
                open_at = offset - 1
            else:
                yield Quote(open_at, offset)
                open_at = None


def token_range(tokens: list[Token]) -> tuple[int, int] | None:
    """The character range from the first to the last of `tokens`."""
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and clause punctuation (not quotes, not final periods) at both ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def strip_final_period(text: str, start: int, end: int) -> tuple[int, int]:
    """`trim`, and a sentence's final marks left out ("said it was over." ends at "over")."""
    while True:
        start, end = trim(text, start, end)
        if end == start or text[end - 1] not in ".!?" or text[start:end].endswith("..."):
            return start, end
        end -= 1


def subtree_range(root: Token, *, cut: Iterable[Token] = (), drop: Iterable[Token] = ()) -> tuple[int, int]:
    """The characters of `root`'s subtree, stopping before the first `cut` child that ends it.

    `cut` children are clauses that begin something else (a new attribution, a relative clause
    of background); they are removed only when nothing but punctuation follows them, so the
    range stays contiguous. `drop` tokens (a leading "that") are left out at the edges.
    """
    doc = root.doc
    left, right = root.left_edge.i, root.right_edge.i
    for child in sorted(cut, key=lambda t: t.left_edge.i):
        if child.left_edge.i > left and _only_punct_after(doc, child.right_edge.i, right):
            right = child.left_edge.i - 1
            break
    dropped = {t.i for t in drop}
    while left <= right and (left in dropped or (doc[left].is_punct and not is_quote_mark(doc[left].text))):
        left += 1
    while right >= left and (doc[right].is_space or doc[right].text in ",;:–—-" or doc[right].dep_ == "cc"):
        right -= 1
    if right < left:
        return root.idx, root.idx + len(root.text)
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def is_quote_mark(text: str) -> bool:
    """A token that opens or closes a quotation: “ ” « » „ " or two apostrophes."""
    return text == DOUBLE_APOSTROPHE or (len(text) == 1 and text in QUOTE_MARKS)


def _only_punct_after(doc: Doc, after: int, right: int) -> bool:
    return all(doc[i].is_punct or doc[i].is_space for i in range(after + 1, right + 1))


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering `[start, end)`, snapped outwards."""
    return doc.char_span(start, end, alignment_mode="expand")
