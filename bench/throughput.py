"""Ingest + extract throughput on the bundled examples, next to spaCy's own `nlp.pipe` on the same text.

The examples are repeated until the corpus reaches --target-mb; every copy gets a distinct first
line so that it is a new report (exact duplicates would be skipped and measure nothing). Both
runs use the same loaded model in the same process; the ratio is the figure to watch.

    python bench/throughput.py [--target-mb 2] [--examples examples/reports]

The last line printed is one JSON object of figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from claimledger.extract.nlp import load_nlp
from claimledger.ingest import read_inputs
from claimledger.models import Document
from claimledger.pipeline import ingest
from claimledger.settings import Settings, db_url_for
from claimledger.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def corpus(examples: Path, target_bytes: int, settings: Settings) -> list[Document]:
    """Example documents, repeated with a numbered first line until `target_bytes` of text."""
    originals = [d for d in read_inputs([examples], settings=settings) if isinstance(d, Document)]
    if not originals:
        raise SystemExit(f"no readable reports under {examples}")
    documents: list[Document] = []
    size, copy = 0, 0
    while size < target_bytes:
        copy += 1
        for original in originals:
            text = f"Bulletin {copy} of the throughput run.\n{original.text}"
            documents.append(Document(f"{original.origin}#{copy}", text, original.meta))
            size += len(text.encode())
    return documents


def write_reports(documents: list[Document], folder: Path) -> None:
    """One front-matter text file per document, as a user's folder of reports would be."""
    for index, document in enumerate(documents):
        meta = document.meta
        header = [f"title: {meta.title or 'untitled'}", f"publisher: {meta.publisher or 'unknown'}"]
        if meta.published:
            header.append(f"published: {meta.published.isoformat()}")
        body = "\n".join(["---", *header, "---", document.text])
        (folder / f"{index:06d}.txt").write_text(body, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-mb", type=float, default=2.0)
    parser.add_argument("--examples", type=Path, default=ROOT / "examples" / "reports")
    parser.add_argument("--gazetteer", type=Path, default=ROOT / "examples" / "gazetteer.json")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        settings = Settings(db_url=db_url_for(str(Path(tmp) / "bench.db")), gazetteer_path=args.gazetteer)
        documents = corpus(args.examples, int(args.target_mb * 1024 * 1024), settings)
        write_reports(documents, folder)
        texts = [d.text for d in documents]
        words = sum(len(t.split()) for t in texts)
        megabytes = sum(len(t.encode()) for t in texts) / 1024 / 1024
        print(f"corpus: {len(texts)} reports, {words} words, {megabytes:.2f} MB", file=sys.stderr)

        nlp = load_nlp(settings.spacy_models)
        nlp("warm up the model")
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        spacy_seconds = time.perf_counter() - started

        store = open_store(settings)
        started = time.perf_counter()
        summary = ingest([folder], store=store, settings=settings)
        ours_seconds = time.perf_counter() - started
        store.close()

    figures = {
        "reports": len(texts),
        "words": words,
        "megabytes": round(megabytes, 2),
        "spacy_pipe_seconds": round(spacy_seconds, 2),
        "spacy_pipe_words_per_s": round(words / spacy_seconds),
        "claimledger_seconds": round(ours_seconds, 2),
        "claimledger_reports_per_s": round(len(texts) / ours_seconds, 1),
        "claimledger_words_per_s": round(words / ours_seconds),
        "ratio_to_spacy": round(spacy_seconds / ours_seconds, 3),
        "attributions": summary.attributions,
        "date": dt.date.today().isoformat(),
    }
    print(f"spaCy nlp.pipe:        {figures['spacy_pipe_words_per_s']:>8} words/s ({spacy_seconds:.1f} s)")
    print(
        f"claimledger ingest:    {figures['claimledger_words_per_s']:>8} words/s, "
        f"{figures['claimledger_reports_per_s']} reports/s ({ours_seconds:.1f} s, "
        f"{summary.attributions} attributions)"
    )
    print(f"ratio (claimledger / spaCy): {figures['ratio_to_spacy']}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
