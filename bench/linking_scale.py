"""How the link stage scales: `build_claims` on 1k, 10k and 100k synthetic attributions.

The example reports are extracted once; their attributions are then copied into many synthetic
stories. Each story renames every place, person and organisation name (a pronounceable word made
from the seed, with demonyms following their country: "Vessaria"/"Vessarian" → "Tobelua"/"Tobeluan"),
gives about half its other words story-own stand-ins (the same in all its reports), scales its
numbers, shifts its dates and swaps a few words for synonyms, so the stories stay distinct while
reading like the examples to the matcher. Each size runs in its own process, so the peak memory reported is
that process's maximum resident set (Python, data and linking), not a tracemalloc estimate
("data MB" is the same figure just before linking). "mixed" counts claims holding statements of two
synthetic stories: false merges, since the stories are distinct by construction.

    python bench/linking_scale.py [--sizes 1000,10000,100000] [--seed 7]

The last line printed is one JSON object of figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from claimledger.link import build_claims
from claimledger.link.terms import STOP_WORDS, SYNONYMS, stem
from claimledger.models import Attribution, Quantity, Report, SourceKind, SourceMention, Span
from claimledger.settings import Settings, db_url_for
from claimledger.store import open_store

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Capitalised words that are not names: they stay the same in every story.
_COMMON_TEXT = """
The A An In On At But And Or If It Its He She They We Our Their His Her This That These Those
There What When Where Who Why How Some Every Both Nobody Anyone One Two Three Five Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Foreign Minister Ministry Defence Council Security Committee
State Border Guard Service Intelligence Directorate Press Agency Secretary-General Deputy Treaty
Organisation Nations Capt Col Colonel Sec-Gen Mr Ms Dr Reporting"""
# Kept as text, like terms.STOP_WORDS: a list literal would take a line per word.
_COMMON = frozenset(_COMMON_TEXT.split())
# Synonym swaps that vary the wording a little between stories (chosen per story, per pair).
_VARIANTS = (
    ("troops", "soldiers"),
    ("soldiers", "troops"),
    ("massing", "gathering"),
    ("build-up", "buildup"),
    ("vehicles", "armoured vehicles"),
    ("near", "close to"),
    ("said", "stated"),
)
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
STORY_WORD_SHARE = 0.5
_KEPT_TERMS = frozenset(SYNONYMS.values())


def base_corpus(examples: Path, gazetteer: Path, folder: Path) -> Path:
    """Extract the example reports once into `base.db` under `folder`; returns its path."""
    from claimledger.extract import Extractor  # spaCy is loaded here only, never in a timed run
    from claimledger.pipeline import ingest

    path = folder / "base.db"
    settings = Settings(db_url=db_url_for(str(path)), gazetteer_path=gazetteer)
    store = open_store(settings)
    ingest([examples], store=store, settings=settings, extractor=Extractor(settings))
    store.close()
    return path


class Story:
    """The renaming, number scale, date shift and wording of one synthetic story."""

    def __init__(self, number: int, seed: int, names: frozenset[str]) -> None:
        self.number = number
        self.random = random.Random(f"{seed}:{number}")
        self.scale = round(self.random.uniform(0.5, 3.0), 2)
        self.shift = dt.timedelta(days=number * 2)
        self.variants = [pair for pair in _VARIANTS if self.random.random() < 0.4]
        self._names = names
        self._renamed: dict[str, str] = {}

    def name(self, word: str) -> str:
        """The story's name for `word`; a demonym ("Vessarian") follows its country ("Vessaria")."""
        if word not in self._renamed:
            if word[:-1] in self._names and word.endswith("n"):
                self._renamed[word] = self.name(word[:-1]) + "n"
            else:
                digest = hashlib.sha256(f"{self.number}:{word}".encode()).digest()
                made = "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in digest[:3])
                self._renamed[word] = made.capitalize() + ("a" if word.endswith("a") else "")
        return self._renamed[word]

    def text(self, text: str) -> str:
        """`text` with the story's names, numbers and wording."""
        renamed = _WORD.sub(self._word, text)
        scaled = _NUMBER.sub(self._number, renamed)
        for before, after in self.variants:
            scaled = scaled.replace(before, after)
        return scaled

    def _word(self, match: re.Match[str]) -> str:
        word = match[0]
        if word in self._names:
            return self.name(word)
        if word.islower() and len(word) > 3 and word not in STOP_WORDS and stem(word) not in _KEPT_TERMS:
            # About half the ordinary words of a story are its own, as two unrelated events are told in
            # different words; the rest, and the terms the matcher merges as synonyms, stay shared.
            digest = hashlib.sha256(f"{self.number}:{word}".encode()).digest()
            if digest[0] < 256 * STORY_WORD_SHARE:
                return "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in digest[1:4])
        return word

    def _number(self, match: re.Match[str]) -> str:
        value = float(match[0].replace(",", ""))
        if value <= 31 or (1900 <= value <= 2100 and "," not in match[0]):
            return match[0]  # small counts, days of the month and years keep their meaning
        return f"{round(value * self.scale):,}"

    def span(self, span: Span) -> Span:
        text = self.text(span.text)
        return Span(span.start, span.start + len(text), text)

    def date(self, day: dt.date | None) -> dt.date | None:
        return day + self.shift if day else None


def names_of(attributions: Iterable[Attribution]) -> frozenset[str]:
    """Capitalised words inside contents and source names that are not common words."""
    found: set[str] = set()
    lower: set[str] = set()
    for attribution in attributions:
        texts = [attribution.content.text, *(m.canonical or "" for m in attribution.chain)]
        texts += [m.span.text for m in attribution.chain if m.span is not None]
        for text in texts:
            for word in _WORD.findall(text):
                (found if word[0].isupper() else lower).add(word)
    return frozenset(w for w in found if w not in _COMMON and w.lower() not in lower)


def synthesize(
    base: list[Attribution], reports: dict[str, Report], size: int, seed: int
) -> tuple[list[Attribution], dict[str, Report]]:
    """`size` attributions from copies of `base`, one renamed story per copy, in reading order."""
    names = names_of(base)
    made: list[tuple[dt.date, str, int, Attribution]] = []
    made_reports: dict[str, Report] = {}
    number = 0
    while len(made) < size:
        story = Story(number, seed, names)
        rid = _renumber(number)
        for report_id, report in reports.items():
            meta = dataclasses.replace(report.meta, published=story.date(report.meta.published))
            made_reports[rid(report_id)] = dataclasses.replace(
                report, id=rid(report_id), meta=meta, copy_of=rid(report.copy_of) if report.copy_of else None
            )
        for position, attribution in enumerate(base[: size - len(made)]):
            copy = _copy(attribution, story, rid(attribution.report_id))
            published = made_reports[copy.report_id].meta.published or dt.date.max
            made.append((published, copy.report_id, position, copy))
        number += 1
    made.sort(key=lambda item: item[:3])
    return [item[3] for item in made], made_reports


def _renumber(number: int) -> Callable[[str], str]:
    """The id of a report in story `number`."""
    return lambda report_id: f"{report_id}-{number}"


def _copy(attribution: Attribution, story: Story, report_id: str) -> Attribution:
    def mention(m: SourceMention) -> SourceMention:
        canonical = story.text(m.canonical) if m.canonical else m.canonical
        return dataclasses.replace(m, span=story.span(m.span) if m.span else None, canonical=canonical)

    def quantity(q: Quantity) -> Quantity:
        return dataclasses.replace(q, value=q.value * story.scale, span=story.span(q.span))

    return dataclasses.replace(
        attribution,
        id=hashlib.sha256(f"{attribution.id}:{story.number}".encode()).hexdigest()[:16],
        report_id=report_id,
        chain=tuple(mention(m) for m in attribution.chain),
        content=story.span(attribution.content),
        content_fragments=tuple(story.span(s) for s in attribution.content_fragments),
        quantities=tuple(quantity(q) for q in attribution.quantities),
        event_date=story.date(attribution.event_date),
    )


def gazetteer_names(path: Path) -> tuple[dict[str, str], dict[str, tuple[str, SourceKind]]]:
    """The places and known sources of a gazetteer file, as `pipeline.link` passes them to the link stage.

    Read here rather than through `extract.entities`, whose package imports spaCy and would swell the
    peak memory this benchmark measures; only the user's file, keys case-folded.
    """
    data = json.loads(path.read_text("utf-8"))
    places = {" ".join(name.casefold().split()): state for name, state in data.get("places", {}).items()}
    sources: dict[str, tuple[str, SourceKind]] = {}
    for entry in data.get("sources", []):
        for alias in [entry["canonical"], *entry.get("aliases", [])]:
            key = " ".join(alias.casefold().split()).removeprefix("the ")
            sources[key] = (entry["canonical"], entry.get("kind", "organisation"))
    return places, sources


def run_one(base_db: Path, size: int, seed: int, gazetteer: Path) -> dict[str, float]:
    """Time `build_claims` on `size` synthetic attributions in this process."""
    settings = Settings(db_url=db_url_for(str(base_db)))
    store = open_store(settings, must_exist=True)
    base, reports = list(store.attributions()), {r.id: r for r in store.reports()}
    store.close()
    attributions, made_reports = synthesize(base, reports, size, seed)
    places, sources = gazetteer_names(gazetteer)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    claims = build_claims(attributions, made_reports, settings=settings, places=places, sources=sources)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    # A claim with statements from two synthetic stories is a false merge: the stories are distinct.
    mixed = sum(len({s.report_id.rsplit("-", 1)[1] for s in claim.statements}) > 1 for claim in claims)
    return {
        "size": size,
        "seconds": seconds,
        "peak_mb": peak,
        "data_mb": before,
        "claims": len(claims),
        "mixed": mixed,
        "stories": -(-size // len(base)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--examples", type=Path, default=ROOT / "examples" / "reports")
    parser.add_argument("--gazetteer", type=Path, default=ROOT / "examples" / "gazetteer.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child run: one size
    parser.add_argument("--base-db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--extract-to", type=Path, help=argparse.SUPPRESS)  # a child run: extraction
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.base_db, args.one, args.seed, args.gazetteer)))
        return 0
    if args.extract_to is not None:
        base_corpus(args.examples, args.gazetteer, args.extract_to)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimledger-linking-") as tmp:
        print("extracting the example reports once …", file=sys.stderr)
        # In a process of its own: Linux children inherit the parent's peak RSS, and spaCy is big.
        command = [sys.executable, __file__, "--extract-to", tmp, "--examples", str(args.examples)]
        subprocess.run([*command, "--gazetteer", str(args.gazetteer)], check=True, capture_output=True)
        base_db = Path(tmp) / "base.db"
        for size in sizes:
            print(f"linking {size} synthetic attributions …", file=sys.stderr)
            command = [sys.executable, __file__, "--one", str(size), "--base-db", str(base_db)]
            command += ["--seed", str(args.seed), "--gazetteer", str(args.gazetteer)]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            rows.append(json.loads(done.stdout.splitlines()[-1]))

    header = ["size", "seconds", "µs/attr", "peak MB", "data MB", "stories", "claims", "mixed"]
    print("  ".join(f"{h:>8}" for h in header) + "  growth (seconds per 10× size)")
    for k, row in enumerate(rows):
        growth = ""
        if k:
            previous = rows[k - 1]
            per_ten = (row["seconds"] / previous["seconds"]) ** (1 / _decades(previous["size"], row["size"]))
            growth = f"×{per_ten:.1f}"
        print(
            f"{row['size']:>8}  {row['seconds']:>8.2f}  {row['seconds'] / row['size'] * 1e6:>8.1f}  "
            f"{row['peak_mb']:>8.0f}  {row['data_mb']:>8.0f}  {row['stories']:>8}  {row['claims']:>8}  "
            f"{row['mixed']:>8}  {growth}"
        )
    figures = {
        "sizes": [r["size"] for r in rows],
        "seconds": [round(r["seconds"], 2) for r in rows],
        "peak_mb": [round(r["peak_mb"]) for r in rows],
        "claims": [r["claims"] for r in rows],
        "mixed_claims": [r["mixed"] for r in rows],
    }
    print(json.dumps(figures))
    return 0


def _decades(small: int, large: int) -> float:
    """How many factors of ten lie between two sizes (1 for 1,000 → 10,000)."""
    return max(math.log10(large / small), 1e-9)


if __name__ == "__main__":
    raise SystemExit(main())
