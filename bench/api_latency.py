"""How fast `GET /api/claims` answers filtered requests on a large ledger (the analyst's desk).

Builds a temporary SQLite ledger of N synthetic claims (deterministic: seeded), stored through the
Store's own writers (`add_batch` for reports and attributions, `replace_claims` for claims and
stories), then issues a fixed mix of filtered, sorted and paged requests to the app in-process
(FastAPI's TestClient) and prints p50/p95/p99 per filter kind and overall.

    python bench/api_latency.py [--claims 100000] [--requests 200] [--seed 7]

The last line printed is one JSON object of figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.api import create_app
from claimledger.models import (
    SOURCE_KINDS,
    Attribution,
    Claim,
    Grade,
    Origin,
    Report,
    ReportMeta,
    SourceMention,
    Span,
    Statement,
    Story,
)
from claimledger.settings import Settings, db_url_for
from claimledger.store import open_store
from claimledger.store.base import Batch

PLACES = [
    "Saltmere",
    "Vessaria",
    "Tobelua",
    "Karst",
    "Orlin",
    "Maravel",
    "Dunholm",
    "Pessac",
    "Ilvan",
    "Quor",
]
PEOPLE = ["Ana Petrov", "Jon Ekwe", "Mira Salas", "Tomas Lind", "Ravi Nair", "Lena Holt", "Omar Adeyemi"]
BODIES = ["the interior ministry", "the harbour authority", "the coast guard", "the rebel council", "the UN"]
EVENTS = ["closed the port", "shelled the bridge", "evacuated the hospital", "seized the depot", "cut power"]
REPORTS_PER_STORY = 20
ATTRIBUTIONS_PER_REPORT = 4
START = dt.date(2025, 1, 1)


def _id(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()


def build(db: Path, *, claims: int, seed: int) -> list[str]:
    """A ledger of `claims` synthetic claims at `db`; returns the story ids."""
    rng = random.Random(seed)
    store = open_store(Settings(db_url=db_url_for(str(db))))
    n_stories = max(1, claims // 200)
    n_reports = max(1, claims // 5)
    reports: list[Report] = []
    attributions: list[Attribution] = []
    for r in range(n_reports):
        place, person = rng.choice(PLACES), rng.choice(PEOPLE)
        sentences = [
            f"{person} said {rng.choice(BODIES)} {rng.choice(EVENTS)} in {place} (item {r}-{i})."
            for i in range(ATTRIBUTIONS_PER_REPORT)
        ]
        text = " ".join(sentences)
        report = Report(
            id=_id("report", seed, r),
            origin=f"synthetic/{r}.txt",
            text=text,
            meta=ReportMeta(title=f"Report {r}", published=START + dt.timedelta(days=r % 600)),
        )
        reports.append(report)
        offset = 0
        for i, sentence in enumerate(sentences):
            cue = Span(offset + len(person) + 1, offset + len(person) + 5, "said")
            content = Span(cue.end + 1, offset + len(sentence), sentence[len(person) + 6 :])
            mention = SourceMention(Span(offset, offset + len(person), person), "person", False, person)
            attributions.append(
                Attribution(
                    id=_id("attribution", seed, r, i),
                    report_id=report.id,
                    chain=(mention,),
                    cue=cue,
                    content=content,
                    direct=False,
                    stance="assert",
                    certainty="certain",
                )
            )
            offset += len(sentence) + 1
    store.add_batch(Batch(reports=reports, attributions=attributions))
    stories = [_id("story", seed, s) for s in range(n_stories)]
    built = [_claim(rng, c, stories, attributions) for c in range(claims)]
    members: dict[str, list[str]] = {s: [] for s in stories}
    for claim in built:
        members[claim.story_id or stories[0]].append(claim.id)
    store.replace_claims(
        built,
        [
            Story(
                id=s,
                title=f"Story {i}",
                summary=None,
                members=(),
                claim_ids=tuple(members[s]),
                first_seen=START,
                last_seen=START + dt.timedelta(days=600),
            )
            for i, s in enumerate(stories)
        ],
    )
    store.close()
    return stories


def _claim(rng: random.Random, index: int, stories: list[str], attributions: list[Attribution]) -> Claim:
    picked = [rng.choice(attributions) for _ in range(rng.randint(1, 4))]
    origins = tuple(
        Origin(
            key=f"{kind}:{name}",
            canonical=name,
            kind=kind,
            anonymous=False,
            via=None,
            reports=(a.report_id,),
        )
        for a, kind, name in ((a, rng.choice(SOURCE_KINDS), rng.choice(PEOPLE + BODIES)) for a in picked)
    )
    first = START + dt.timedelta(days=rng.randint(0, 600))
    return Claim(
        id=_id("claim", index),
        summary=f"{rng.choice(BODIES)} {rng.choice(EVENTS)} in {rng.choice(PLACES)}",
        statements=tuple(
            Statement(a.id, a.report_id, "assert", round(rng.random(), 3), "synthetic") for a in picked
        ),
        origins=origins,
        conflicts=(),
        grade=Grade(rng.choice("ABCDEF"), rng.randint(1, 6), "synthetic"),  # type: ignore[arg-type]  # a letter A-F
        first_seen=first,
        last_seen=first + dt.timedelta(days=rng.randint(0, 30)),
        story_id=rng.choice(stories),
    )


def request_mix(stories: list[str], *, count: int, seed: int) -> list[tuple[str, dict[str, str]]]:
    """A fixed mix of (filter kind, query parameters) for `GET /api/claims`."""
    rng = random.Random(seed + 1)
    kinds = ["none", "story", "grade", "min_origins", "source_kind", "entity", "dates", "q", "combined"]
    mix: list[tuple[str, dict[str, str]]] = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        day = START + dt.timedelta(days=rng.randint(0, 600))
        params: dict[str, str] = {
            "none": {},
            "story": {"story": rng.choice(stories)},
            "grade": {"grade": rng.choice(["B", "2", "C3", "A1"])},
            "min_origins": {"min_origins": str(rng.randint(2, 4))},
            "source_kind": {"source_kind": rng.choice(SOURCE_KINDS)},
            "entity": {"entity": rng.choice(PLACES + PEOPLE)},
            "dates": {"date_from": day.isoformat(), "date_to": (day + dt.timedelta(days=20)).isoformat()},
            "q": {"q": rng.choice(["port", "item 17-", "hospital in Karst", "bridge"])},
            "combined": {"grade": "B", "min_origins": "2", "q": "the"},
        }[kind]
        params["sort"] = rng.choice(["origins", "credibility", "recency"])
        params["offset"] = str(rng.choice([0, 0, 50, 500]))
        mix.append((kind, params))
    return mix


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "ledger.db"
        started = time.perf_counter()
        stories = build(db, claims=args.claims, seed=args.seed)
        build_seconds = time.perf_counter() - started
        print(f"built {args.claims} claims in {build_seconds:.1f} s", file=sys.stderr)
        timings: dict[str, list[float]] = {}
        with TestClient(create_app(Settings(db_url=db_url_for(str(db))))) as client:
            client.get("/api/claims", params={"limit": "1"})  # warm up: connection, caches
            for kind, params in request_mix(stories, count=args.requests, seed=args.seed):
                started = time.perf_counter()
                response = client.get("/api/claims", params=params)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"GET /api/claims {params} answered {response.status_code}")
                timings.setdefault(kind, []).append(elapsed)
    every = [t for values in timings.values() for t in values]
    print(f"{'filter':<12} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in [*timings.items(), ("overall", every)]:
        print(
            f"{kind:<12} {len(values):>4} {statistics.median(values):>8.1f} "
            f"{percentile(values, 0.95):>8.1f} {percentile(values, 0.99):>8.1f}"
        )
    figures = {
        "claims": args.claims,
        "requests": len(every),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(percentile(every, 0.95), 1),
        "p99_ms": round(percentile(every, 0.99), 1),
        "build_seconds": round(build_seconds, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
