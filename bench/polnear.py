"""Attribution quality on PolNeAR (train or dev), scored the way BBC's citron is scored.

Reads `DIR/data/<split>/text/*.txt`, scores claimledger's attributions against the first
annotator's `.ann` listed in `DIR/data/metadata.tsv`, and prints the six dev figures of
`shared/data/README.md`. The test split is kept elsewhere and never read here.

    python bench/polnear.py --split dev [--data DIR] [--predictions FILE] [--limit N]

The last line printed is one JSON object of figures.

Convention adapter: PolNeAR counts a leading complementiser "that" as part of the content ("said
*that the port is shut*"); claimledger's convention leaves it out. The mapping from an attribution
to a predicted quote extends the content back over an immediately preceding "that" (that word
only, whitespace between), so the figures measure the extractor, not the difference in convention.
Likewise PolNeAR closes a source's apposition with its comma ("*John Weaver, a GOP strategist,*
said"), where claimledger's source stops before it: a source holding a comma is extended over a
comma right after it. On 140 held-out train articles this matched 37 gold sources and unmatched 2.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.extract import Extractor
from claimledger.models import Attribution, Report, ReportMeta
from claimledger.settings import Settings
from polnear_score import Counts, gold_quotes, prediction_quote, score_article

BATCH = 16  # articles per extract_many call, as `claimledger ingest` batches them
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
FIGURES = (
    ("cue exact", "cue", "exact"),
    ("source exact", "source", "exact"),
    ("content exact", "content", "exact"),
    ("content overlap", "content", "overlap"),
    ("all exact", "all", "exact"),
    ("all overlap", "all", "overlap"),
)


@dataclass(frozen=True)
class Article:
    """One article of a split, with its first annotator's `.ann` text."""

    name: str
    text: str
    ann: str
    published: dt.date | None


def data_missing(data: Path) -> bool:
    """Whether PolNeAR is absent at `data`; if so, says so on stderr (callers exit 2)."""
    if (data / "data" / "metadata.tsv").is_file():
        return False
    print(f"PolNeAR data not found at {data} (no data/metadata.tsv there); pass --data DIR", file=sys.stderr)
    return True


def read_text(path: Path) -> str:
    """The file's text exactly as stored: brat offsets count code points, newlines untranslated."""
    return path.read_bytes().decode("utf-8")


def articles(data: Path, split: str) -> list[Article]:
    """The split's articles, sorted by name, each with its first annotator's annotation."""
    root = data / "data"
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = {row["filename"]: row for row in reader}
    found = []
    for path in sorted((root / split / "text").glob("*.txt")):
        row = rows[path.stem]
        annotator = row["annotators"].split("|")[0]
        ann = read_text(root / split / "attributions" / f"{path.stem}_{annotator}.ann")
        published = dt.date.fromisoformat(row["publication_date"]) if row["publication_date"] else None
        found.append(Article(path.stem, read_text(path), ann, published))
    return found


# A complementiser "that" right before a content: a whole word, then only whitespace.
_THAT_BEFORE = re.compile(r"(?:^|(?<=\W))that\s*$", re.IGNORECASE)


def prediction(attribution: Attribution, text: str) -> dict[str, Any]:
    """One attribution as a quote: the outermost source as written, the content's fragments.

    The first fragment starts back at an immediately preceding "that", and a source with an
    apposition ends with its closing comma: PolNeAR's conventions, not ours (see the module docstring).
    """
    outer = attribution.chain[0].span if attribution.chain else None
    contents = [[c.start, c.end] for c in attribution.content_fragments or (attribution.content,)]
    first = min(contents)
    first[0] = with_leading_that(text, first[0])
    return {
        "cue": [attribution.cue.start, attribution.cue.end],
        "sources": [[outer.start, with_closing_comma(text, outer.start, outer.end)]]
        if outer is not None
        else [],
        "contents": contents,
    }


def with_closing_comma(text: str, start: int, end: int) -> int:
    """`end` moved over the comma that closes an apposition the source holds ("X, a strategist,")."""
    return end + 1 if text[end : end + 1] == "," and "," in text[start:end] else end


def with_leading_that(text: str, start: int) -> int:
    """`start` moved back over a "that" that only whitespace separates from it."""
    match = _THAT_BEFORE.search(text, max(0, start - 12), start)
    return match.start() if match is not None else start


def figures_of(counts: Counts, seconds: float, total: int, words: int = 0) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for label, element, kind in FIGURES:
        _, _, f1 = counts.exact(element) if kind == "exact" else counts.overlap(element)
        figures[f"{label.replace(' ', '_')}_f1"] = round(f1, 1)
    figures["seconds_per_article"] = round(seconds / total, 3) if total else 0.0
    figures["articles"] = total
    if words:
        figures["seconds_per_750_words"] = round(seconds / words * 750, 3)
    return figures


def run(selected: list[Article]) -> tuple[Counts, float, dict[str, list[dict[str, Any]]], int]:
    """Extract and score every article: counts, extraction seconds, predictions, gold quotes.

    Articles are extracted in batches of BATCH, the way `claimledger ingest` hands them to the
    extractor; the seconds are those of extraction only (the spaCy parse included), not scoring.
    """
    extractor = Extractor(Settings())
    extractor.extract(Report(id="warm-up", origin="warm-up", text="He said it.", meta=ReportMeta()))
    reports = [Report(a.name, a.name, a.text, ReportMeta(published=a.published)) for a in selected]
    found: list[tuple[Attribution, ...]] = []
    started = time.perf_counter()
    for first in range(0, len(reports), BATCH):
        found += extractor.extract_many(reports[first : first + BATCH], batch_size=BATCH)
        if sys.stderr.isatty():
            print(f"\r{len(found)}/{len(reports)} extracted", end="", file=sys.stderr)
    seconds = time.perf_counter() - started
    if sys.stderr.isatty():
        print(file=sys.stderr)
    counts, written, gold_total = Counts(), {}, 0
    for article, attributions in zip(selected, found, strict=True):
        written[article.name] = [prediction(a, article.text) for a in attributions]
        predicted = [prediction_quote(article.text, p) for p in written[article.name]]
        gold = gold_quotes(article.ann, article.text)
        gold_total += len(gold)
        quotes = [q for q in predicted if q is not None]
        counts.add(score_article(article.text, gold, quotes, extractor.nlp.make_doc))
    return counts, seconds, written, gold_total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--predictions", type=Path, help="write the predicted quotes here as JSON")
    parser.add_argument("--limit", type=int, help="score only the first N articles (by name)")
    args = parser.parse_args(argv)

    if data_missing(args.data):
        return 2
    selected = articles(args.data, args.split)[: args.limit]
    counts, seconds, written, gold_total = run(selected)
    if args.predictions:
        args.predictions.write_text(json.dumps(written, indent=1) + "\n", "utf-8")
    predicted_total = counts.tp["cue"] + counts.fp["cue"]
    print(
        f"PolNeAR {args.split}: {len(selected)} articles, "
        f"{gold_total} gold quotes, {predicted_total} predicted quotes"
    )
    for label, element, kind in FIGURES:
        precision, recall, f1 = counts.exact(element) if kind == "exact" else counts.overlap(element)
        print(f"{label:<16} P {precision:5.1f}  R {recall:5.1f}  F1 {f1:5.1f}")
    words = sum(len(article.text.split()) for article in selected)
    per_article, per_750 = seconds / max(len(selected), 1), seconds / max(words, 1) * 750
    average = words / max(len(selected), 1)
    print(f"seconds per article: {per_article:.3f} ({average:.0f} words on average; {per_750:.3f} s per 750)")
    print(json.dumps(figures_of(counts, seconds, len(selected), words)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
