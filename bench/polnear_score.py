"""Score quote extraction against PolNeAR's brat annotations, the way BBC's citron scores it.

A quote is a cue, its source spans and its content spans. Gold and predicted quotes are put in the
same shape (cue joined first to last character, fragments sorted, whitespace stripped at both ends),
then every span is snapped to spaCy tokens (a span covers every token it touches) so that figures
compare with citron's: exact matches and token overlaps, micro-summed over articles.

Exact recall follows citron: true positives are the predicted quotes that count, misses are the gold
quotes no predicted quote matches, and recall is tp / (tp + misses).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

CharSpan = tuple[int, int]
TokenSpan = tuple[int, int]
ELEMENTS = ("cue", "source", "content", "all")

# `T12<tab>Content 315 448;463 553<tab>text...`; the text may run over several lines, so only the
# offsets are trusted.
_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)", re.MULTILINE)
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$", re.MULTILINE)
_ROLE = re.compile(r"([A-Za-z-]+?)\d*:(T\d+)")
_SPAN_TYPES = {"Source", "Cue", "Content"}


@dataclass(frozen=True)
class Quote:
    """A cue, its sources and its contents, in character offsets, normalised for scoring."""

    cue: CharSpan
    sources: tuple[CharSpan, ...]
    contents: tuple[CharSpan, ...]


def parse_ann(ann: str) -> dict[str, dict[str, list[CharSpan]]]:
    """Events of a brat `.ann` file: event id → role (`cue`, `source`, `content`) → fragments.

    Roles numbered by brat (`Content2`) join their unnumbered role; triggers, `Discuss`, `Discard`
    and `#` notes are left out, and so are events without a Cue or a Content.
    """
    spans: dict[str, list[CharSpan]] = {}
    for match in _SPAN_LINE.finditer(ann):
        span_id, kind, offsets = match.groups()
        if kind in _SPAN_TYPES:
            spans[span_id] = [_pair(piece) for piece in offsets.split(";")]
    events: dict[str, dict[str, list[CharSpan]]] = {}
    for match in _EVENT_LINE.finditer(ann):
        roles: dict[str, list[CharSpan]] = {"cue": [], "source": [], "content": []}
        for role, span_id in _ROLE.findall(match.group(2)):
            key = role.lower()
            if key in roles and span_id in spans:
                roles[key].extend(spans[span_id])
        if roles["cue"] and roles["content"]:
            events[match.group(1)] = roles
    return events


def _pair(piece: str) -> CharSpan:
    start, end = piece.split()
    return int(start), int(end)


def gold_quotes(ann: str, text: str) -> list[Quote]:
    """The gold quotes of one article, in event order."""
    quotes = []
    for roles in parse_ann(ann).values():
        quote = make_quote(text, roles["cue"], roles["source"], roles["content"])
        if quote is not None:
            quotes.append(quote)
    return quotes


def make_quote(
    text: str, cue: Sequence[CharSpan], sources: Iterable[CharSpan], contents: Iterable[CharSpan]
) -> Quote | None:
    """A quote from raw spans: the cue joined first to last, fragments sorted, whitespace stripped.

    None when the cue or every content fragment is only whitespace: there is nothing to score.
    """
    joined = _strip(text, (min(s for s, _ in cue), max(e for _, e in cue)))
    kept_sources = sorted(s for s in (_strip(text, span) for span in sources) if s is not None)
    kept_contents = sorted(c for c in (_strip(text, span) for span in contents) if c is not None)
    if joined is None or not kept_contents:
        return None
    return Quote(joined, tuple(kept_sources), tuple(kept_contents))


def prediction_quote(text: str, prediction: Mapping[str, Any]) -> Quote | None:
    """A predicted quote `{cue: (s, e), sources: [(s, e)...], contents: [(s, e)...]}`, normalised."""
    return make_quote(
        text,
        [tuple(prediction["cue"])],
        [tuple(s) for s in prediction["sources"]],
        [tuple(c) for c in prediction["contents"]],
    )


def _strip(text: str, span: CharSpan) -> CharSpan | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class TokenGrid:
    """Character spans of one text snapped to its spaCy tokens."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [token.idx for token in doc]
        self.ends = [token.idx + len(token.text) for token in doc]

    def snap(self, span: CharSpan) -> TokenSpan:
        """`[first, last + 1)` over every token the span touches, by character."""
        start, end = span
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end) - 1
        return (first, max(first, last + 1))


@dataclass(frozen=True)
class TokenQuote:
    """A quote in token offsets: the form exact and overlap scores compare."""

    cue: TokenSpan
    sources: tuple[TokenSpan, ...]
    contents: tuple[TokenSpan, ...]

    @classmethod
    def of(cls, quote: Quote, grid: TokenGrid) -> TokenQuote:
        return cls(
            grid.snap(quote.cue),
            tuple(grid.snap(s) for s in quote.sources),
            tuple(grid.snap(c) for c in quote.contents),
        )

    def tokens(self, element: str) -> frozenset[int]:
        spans = {"cue": (self.cue,), "source": self.sources, "content": self.contents}[element]
        return frozenset(i for start, end in spans for i in range(start, end))


@dataclass
class Counts:
    """Exact tp/fp/fn and overlap sums per element, added up over articles."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ELEMENTS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ELEMENTS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ELEMENTS, 0))
    shared: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ELEMENTS, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ELEMENTS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ELEMENTS, 0))

    def add(self, other: Counts) -> None:
        for name in ("tp", "fp", "fn", "shared", "predicted", "gold"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for element in ELEMENTS:
                mine[element] += theirs[element]

    def exact(self, element: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of exact matches, in percent."""
        tp, fp, fn = self.tp[element], self.fp[element], self.fn[element]
        return _prf(tp, tp + fp, tp + fn)

    def overlap(self, element: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of token overlap, in percent."""
        return _prf(self.shared[element], self.predicted[element], self.gold[element])


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = 100 * hits / predicted if predicted else 0.0
    recall = 100 * hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _overlaps(a: TokenSpan, b: TokenSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# Whether a predicted quote (first) and a gold quote (second) match, per element.
_MATCHES: dict[str, Callable[[TokenQuote, TokenQuote], bool]] = {
    "cue": lambda p, g: p.cue == g.cue,
    "source": lambda p, g: _overlaps(p.cue, g.cue) and p.sources == g.sources,
    "content": lambda p, g: _overlaps(p.cue, g.cue) and p.contents == g.contents,
    "all": lambda p, g: p.cue == g.cue and p.sources == g.sources and p.contents == g.contents,
}


def score_article(
    text: str, gold: Sequence[Quote], predicted: Sequence[Quote], tokenize: Callable[[str], Doc]
) -> Counts:
    """Counts of one article; `tokenize` is a spaCy tokenizer (`nlp.make_doc`)."""
    grid = TokenGrid(tokenize(text))
    gold_tokens = [TokenQuote.of(q, grid) for q in gold]
    predicted_tokens = [TokenQuote.of(q, grid) for q in predicted]
    counts = Counts()
    for element, matches in _MATCHES.items():
        hits = sum(any(matches(p, g) for g in gold_tokens) for p in predicted_tokens)
        counts.tp[element] = hits
        counts.fp[element] = len(predicted_tokens) - hits
        counts.fn[element] = sum(not any(matches(p, g) for p in predicted_tokens) for g in gold_tokens)
    for element in ("cue", "source", "content"):
        predicted_sets = [q.tokens(element) for q in predicted_tokens]
        gold_sets = [q.tokens(element) for q in gold_tokens]
        counts.shared[element] = sum(len(p & g) for p in predicted_sets for g in gold_sets)
        counts.predicted[element] = sum(map(len, predicted_sets))
        counts.gold[element] = sum(map(len, gold_sets))
    for name in ("shared", "predicted", "gold"):
        totals = getattr(counts, name)
        totals["all"] = totals["cue"] + totals["source"] + totals["content"]
    return counts
