"""Small hand-built reports and attributions for the link stage's unit tests."""

from __future__ import annotations

import datetime as dt

from claimledger.models import (
    Attribution,
    Certainty,
    Credit,
    Quantity,
    Report,
    ReportMeta,
    SourceKind,
    SourceMention,
    Span,
    Stance,
)


def report(
    report_id: str,
    publisher: str = "The Harbour Gazette",
    *,
    day: int = 3,
    copy_of: str | None = None,
    credits: tuple[str, ...] = (),
) -> Report:
    meta = ReportMeta(title=f"Report {report_id}", publisher=publisher, published=dt.date(2026, 3, day))
    return Report(
        id=report_id,
        origin=f"{report_id}.txt",
        text="(text not needed by the link stage)",
        meta=meta,
        credits=tuple(
            Credit(f"{agency} contributed reporting", 0, 1, agency, "contributed") for agency in credits
        ),
        copy_of=copy_of,
    )


def source(canonical: str, kind: SourceKind = "official", *, anonymous: bool = False) -> SourceMention:
    return SourceMention(
        span=Span(0, len(canonical), canonical), kind=kind, anonymous=anonymous, canonical=canonical
    )


def quantity(text: str, value: float, unit: str | None, *, approximate: bool = True) -> Quantity:
    return Quantity(value=value, unit=unit, span=Span(0, len(text), text), approximate=approximate)


def attribution(
    attribution_id: str,
    report_id: str,
    content: str,
    *chain: SourceMention,
    stance: Stance = "assert",
    certainty: Certainty = "certain",
    quantities: tuple[Quantity, ...] = (),
    event_date: dt.date | None = None,
) -> Attribution:
    return Attribution(
        id=attribution_id,
        report_id=report_id,
        chain=chain,
        cue=Span(0, 4, "said"),
        content=Span(0, len(content), content),
        direct=False,
        stance=stance,
        certainty=certainty,
        quantities=quantities,
        event_date=event_date,
    )


def by_id(*reports: Report) -> dict[str, Report]:
    return {r.id: r for r in reports}
