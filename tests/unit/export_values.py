"""A small hand-built ledger for the exports' unit tests: two reports (one hostile), two claims, a denial."""

from __future__ import annotations

import datetime as dt

from link_values import attribution, source

from claimledger.export.ledger import Ledger
from claimledger.models import Claim, Conflict, Grade, GradeOverride, Origin, Report, ReportMeta, Statement

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def report(report_id: str, title: str, *, day: int | None, url: str | None = None) -> Report:
    published = None if day is None else dt.date(2026, 3, day)
    meta = ReportMeta(title=title, publisher="The Harbour Gazette", published=published, url=url)
    return Report(id=report_id, origin=f"{report_id}.txt", text=f"{title}\n\nSome text.", meta=meta)


def ledger(*, override: bool = False) -> Ledger:
    reports = (
        report("r1", "Troops gather at the border", day=3, url="https://gazette.example/r1"),
        report("r2", HOSTILE, day=4),
        report("r3", "Undated bulletin", day=None),
    )
    ministry = source("Ministry of Defence (Vessaria)", "ministry")
    attributions = (
        attribution("a1", "r1", "about 2,000 soldiers have gathered", source("Border Guard", "military")),
        attribution(
            "a2", "r2", f"2,000 soldiers {HOSTILE}", source("an official", "official", anonymous=True)
        ),
        attribution("a3", "r2", "the reports are fabrications", ministry, stance="deny"),
        attribution("a4", "r3", "the port is closed", source("Port Authority", "organisation")),
    )
    troops = Claim(
        id="c1",
        summary=f"about 2,000 soldiers have gathered {HOSTILE}",
        statements=(
            Statement("a1", "r1", "assert", 1.0, "first", origin="named:border guard"),
            Statement("a2", "r2", "assert", 0.8, "shares troop", origin="anonymous:gazette:official"),
            Statement("a3", "r2", "deny", 0.5, "refers back"),
        ),
        origins=(
            Origin("named:border guard", "Border Guard", "military", False, None, ("r1",)),
            Origin("anonymous:gazette:official", "an official", "official", True, "Gazette", ("r2",)),
        ),
        conflicts=(
            Conflict("place", "location", ("Kessel", "Dorva"), ("a1", "a2"), (("Kessel",), ("Dorva",))),
            Conflict(
                "date",
                "began",
                ("began on February 20", "began on February 28"),
                ("a1", "a2"),
                (("began on February 20",), ("began on February 28",)),
            ),
        ),
        grade=Grade("B", 2, "B: a named military; 2: two origins, denied once"),
        first_seen=dt.date(2026, 3, 3),
        last_seen=dt.date(2026, 3, 4),
        story_id="s1",
        override=(
            GradeOverride("c1", "A", 1, "satellite images", "ana", dt.datetime(2026, 3, 9, 12, tzinfo=dt.UTC))
            if override
            else None
        ),
    )
    port = Claim(
        id="c2",
        summary="the port is closed",
        statements=(Statement("a4", "r3", "assert", 1.0, "first", origin="named:port authority"),),
        origins=(Origin("named:port authority", "Port Authority", "organisation", False, None, ("r3",)),),
        conflicts=(),
        grade=Grade("C", 6, "C: an organisation; 6: one origin, cannot be judged"),
        first_seen=None,
        last_seen=None,
    )
    return Ledger(
        claims=(troops, port),
        reports={r.id: r for r in reports},
        attributions={a.id: a for a in attributions},
    )
