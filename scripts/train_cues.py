"""Learn which verbs are attribution cues from PolNeAR's train split; write the cue lexicon.

    python scripts/train_cues.py [--data DIR] [--out FILE]

Parses every train article (840) with the project's spaCy model, and for every verb the
extractor could take as a cue (`is_candidate_verb`) counts, by lemma and frame (the complement
it takes: a clause, an infinitive, an object, a preposition, none), how often the first
annotator marked it inside a cue span. Keeps (lemma, frame) pairs seen at least MIN_SUPPORT
times with a probability of at least KEEP_FLOOR, and writes them with counts to
`src/claimledger/data/cue_lexicon.json`. Only counts leave the corpus: no PolNeAR text is
written. Offline and deterministic; `make train` runs it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from claimledger.extract.cues import frame_of
from claimledger.extract.found import is_candidate_verb
from claimledger.extract.nlp import load_nlp
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from polnear import DEFAULT_DATA, articles, data_missing  # noqa: E402  # bench/ is not a package
from polnear_score import parse_ann  # noqa: E402

OUT = ROOT / "src" / "claimledger" / "data" / "cue_lexicon.json"
MIN_SUPPORT = 8
KEEP_FLOOR = 0.2
# Chosen on the train split with bench/polnear.py's figures, cue exact / content overlap F1 at
# 0.3: 52.8/76.3, 0.4: 52.8/75.8, 0.5: 52.5/75.5, 0.6: 52.0/74.7; 0.4 keeps more precision than 0.3.
THRESHOLD = 0.4
# "according to" has a rule of its own, with the source in the preposition's object.
EXCLUDED = frozenset({"accord"})


def count(data: Path) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], int]:
    """Per (lemma, frame): how many candidate verbs, how many inside a gold cue; and articles."""
    nlp = load_nlp(Settings().spacy_models)
    selected = articles(data, "train")
    seen: Counter[tuple[str, str]] = Counter()
    cues: Counter[tuple[str, str]] = Counter()
    texts = (article.text for article in selected)
    for article, doc in zip(selected, nlp.pipe(texts, batch_size=16), strict=True):
        spans = [
            (min(s for s, _ in roles["cue"]), max(e for _, e in roles["cue"]))
            for roles in parse_ann(article.ann).values()
        ]
        for token in doc:
            if not is_candidate_verb(token):
                continue
            key = (token.lemma_.lower(), frame_of(token))
            seen[key] += 1
            if any(start <= token.idx < end for start, end in spans):
                cues[key] += 1
    return seen, cues, len(selected)


def lexicon(seen: Counter[tuple[str, str]], cues: Counter[tuple[str, str]], total: int) -> dict[str, object]:
    lemmas: dict[str, dict[str, dict[str, float | int]]] = {}
    for (lemma, frame), n in sorted(seen.items()):
        p = cues[lemma, frame] / n
        if n >= MIN_SUPPORT and p >= KEEP_FLOOR and lemma not in EXCLUDED:
            lemmas.setdefault(lemma, {})[frame] = {"cue": cues[lemma, frame], "total": n, "p": round(p, 3)}
    return {
        "about": "P(annotated cue | verb lemma, frame) on PolNeAR v1.0.0 train, first annotator",
        "made_by": "scripts/train_cues.py (make train)",
        "model": "en_core_web_sm 3.8, the project's parse",
        "articles": total,
        "min_support": MIN_SUPPORT,
        "keep_floor": KEEP_FLOOR,
        "threshold": THRESHOLD,
        "lemmas": lemmas,
    }


def cues_by_lemma(result: dict[str, object]) -> dict[str, object]:
    lemmas = result["lemmas"]
    return lemmas if isinstance(lemmas, dict) else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if data_missing(args.data):
        return 2
    seen, cues, total = count(args.data)
    result = lexicon(seen, cues, total)
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"{len(cues_by_lemma(result))} lemmas written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
