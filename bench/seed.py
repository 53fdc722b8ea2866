"""Read the seed article end to end and score it against its hand-made expected reading.

    python bench/seed.py [--data ../shared/seeds]

Prints each expected attribution as found or missed, then one JSON line of figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from claimledger.models import ReportMeta
from claimledger.pipeline import ingest
from claimledger.settings import Settings, db_url_for
from claimledger.store import open_store
from seedscore import load_expected, score

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    seeds = sorted(args.data.glob("*.expected.json")) if args.data.is_dir() else []
    if not seeds:
        print(f"no seed articles (*.expected.json) under {args.data}; nothing to score", file=sys.stderr)
        return 2
    totals = {"found": 0, "expected": 0, "stance_correct": 0, "certainty_correct": 0, "dates_correct": 0}
    with tempfile.TemporaryDirectory(prefix="claimledger-seed-") as tmp:
        settings = Settings(db_url=db_url_for(str(Path(tmp) / "seed.db")))
        store = open_store(settings)
        for expected_path in seeds:
            expected = load_expected(expected_path)
            article = expected_path.with_name(expected["document"])
            meta = ReportMeta(
                publisher=expected["publisher"], published=dt.date.fromisoformat(expected["published"])
            )
            ingest([article], store=store, settings=settings, defaults=meta)
            report = next(r for r in store.reports() if r.origin == str(article))
            result = score(expected, list(store.attributions(report_id=report.id)))
            figures = result.as_json(len(expected["attributions"]))
            print(f"{article.name}: found {figures['found']}/{figures['expected']}, missed {result.missed}")
            for key in totals:
                totals[key] += figures[key]
        store.close()
    print(json.dumps(totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
