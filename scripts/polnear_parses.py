"""spaCy parses of PolNeAR articles, cached as DocBin files so training re-parses nothing.

    python scripts/polnear_parses.py --split train [--data DIR] [--cache DIR]

The parse is the extractor's own (`load_nlp`, paragraph boundaries included). A cache file is
keyed by split and model version; delete it to re-parse.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimledger.extract.nlp import load_nlp
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from polnear import DEFAULT_DATA, Article, articles  # noqa: E402  # bench/ is not a package

DEFAULT_CACHE = Path("/tmp/polnear-cache")


def parsed(data: Path, split: str, cache: Path = DEFAULT_CACHE) -> tuple[list[Article], list[Doc], Language]:
    """The split's articles and their parses, read from the cache or parsed and cached."""
    nlp = load_nlp(Settings().spacy_models)
    selected = articles(data, split)
    path = cache / f"{split}-{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}.spacy"
    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in selected]:
            return selected, docs, nlp
    docs = list(nlp.pipe((a.text for a in selected), batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return selected, docs, nlp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    selected, _, _ = parsed(args.data, args.split, args.cache)
    print(f"{len(selected)} {args.split} articles parsed into {args.cache}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
