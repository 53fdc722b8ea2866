"""Conversions between the frozen models and table rows, both ways, so reading back rebuilds them exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal, cast

from sqlalchemy import Row

from claimledger.models import (
    Attribution,
    Boilerplate,
    Certainty,
    Claim,
    Credit,
    Grade,
    GradeOverride,
    Rejected,
    Reliability,
    Report,
    ReportMeta,
    SourceKind,
    SourceMention,
    Span,
    Stance,
    Story,
)
from claimledger.serialize import (
    conflict_from_dict,
    conflict_to_dict,
    origin_from_dict,
    origin_to_dict,
    quantity_from_dict,
    quantity_to_dict,
    span_from_dict,
    span_to_dict,
    statement_from_dict,
    statement_to_dict,
    story_member_from_dict,
    story_member_to_dict,
)

Values = dict[str, Any]
AnyRow = Row[Any]
# Credit.kind's values; models.py has no name for this Literal yet.
CreditKind = Literal["contributed", "reporting_by", "dateline", "additional_reporting"]


def report_values(report: Report, ingested_at: dt.datetime) -> Values:
    """The `reports` row of a report; `copy_of` is left empty and set after all reports of a batch exist."""
    meta = report.meta
    return {
        "id": report.id,
        "origin": report.origin,
        "text": report.text,
        "title": meta.title,
        "publisher": meta.publisher,
        "published": meta.published,
        "author": meta.author,
        "url": meta.url,
        "external_id": meta.external_id,
        "copy_of": None,
        "similarity": report.similarity,
        "ingested_at": ingested_at,
        "word_count": report.word_count,
    }


def boilerplate_values(report: Report) -> list[Values]:
    return [
        {"report_id": report.id, "position": i, "start": b.start, "end": b.end, "reason": b.reason}
        for i, b in enumerate(report.boilerplate)
    ]


def credit_values(report: Report) -> list[Values]:
    return [
        {
            "report_id": report.id,
            "position": i,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "agency": c.agency,
            "kind": c.kind,
        }
        for i, c in enumerate(report.credits)
    ]


def report_from(row: AnyRow, credits: Sequence[AnyRow], boilerplate: Sequence[AnyRow]) -> Report:
    meta = ReportMeta(
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        author=row.author,
        url=row.url,
        external_id=row.external_id,
    )
    return Report(
        id=row.id,
        origin=row.origin,
        text=row.text,
        meta=meta,
        credits=tuple(
            Credit(text=c.text, start=c.start, end=c.end, agency=c.agency, kind=cast(CreditKind, c.kind))
            for c in credits
        ),
        boilerplate=tuple(Boilerplate(start=b.start, end=b.end, reason=b.reason) for b in boilerplate),
        copy_of=row.copy_of,
        similarity=row.similarity,
    )


def attribution_values(attribution: Attribution, position: int) -> Values:
    return {
        "id": attribution.id,
        "report_id": attribution.report_id,
        "position": position,
        "cue_start": attribution.cue.start,
        "cue_end": attribution.cue.end,
        "cue_text": attribution.cue.text,
        "content_start": attribution.content.start,
        "content_end": attribution.content.end,
        "content_text": attribution.content.text,
        "direct": attribution.direct,
        "stance": attribution.stance,
        "certainty": attribution.certainty,
        "hedges": list(attribution.hedges),
        "event_date": attribution.event_date,
        "date_expression": attribution.date_expression,
        "quantities": [quantity_to_dict(q) for q in attribution.quantities],
        "content_fragments": [span_to_dict(span) for span in attribution.content_fragments],
    }


def chain_values(attribution: Attribution) -> list[Values]:
    return [
        {
            "attribution_id": attribution.id,
            "position": i,
            "start": None if link.span is None else link.span.start,
            "end": None if link.span is None else link.span.end,
            "text": None if link.span is None else link.span.text,
            "kind": link.kind,
            "anonymous": link.anonymous,
            "canonical": link.canonical,
        }
        for i, link in enumerate(attribution.chain)
    ]


def attribution_from(row: AnyRow, links: Sequence[AnyRow]) -> Attribution:
    return Attribution(
        id=row.id,
        report_id=row.report_id,
        chain=tuple(_mention_from(link) for link in links),
        cue=Span(row.cue_start, row.cue_end, row.cue_text),
        content=Span(row.content_start, row.content_end, row.content_text),
        direct=bool(row.direct),
        stance=cast(Stance, row.stance),
        certainty=cast(Certainty, row.certainty),
        hedges=tuple(str(hedge) for hedge in row.hedges),
        event_date=row.event_date,
        date_expression=row.date_expression,
        quantities=tuple(quantity_from_dict(q) for q in row.quantities),
        content_fragments=tuple(span_from_dict(span) for span in row.content_fragments),
    )


def _mention_from(link: AnyRow) -> SourceMention:
    span = None if link.start is None else Span(link.start, link.end, link.text)
    return SourceMention(
        span=span,
        kind=cast(SourceKind, link.kind),
        anonymous=bool(link.anonymous),
        canonical=link.canonical,
    )


def rejected_values(rejected: Rejected) -> Values:
    return {
        "origin": rejected.origin,
        "code": rejected.code,
        "message": rejected.message,
        "sha256": rejected.sha256,
        "raw": rejected.raw,
        "rejected_at": rejected.rejected_at,
    }


def rejected_from(row: AnyRow) -> Rejected:
    return Rejected(
        origin=row.origin,
        code=row.code,
        message=row.message,
        sha256=row.sha256,
        raw=bytes(row.raw),
        rejected_at=row.rejected_at,
    )


def group(result: Iterable[AnyRow], key: str) -> dict[str, list[AnyRow]]:
    """Rows grouped by the value of column `key`, order kept."""
    grouped: dict[str, list[AnyRow]] = {}
    for row in result:
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped


def claim_values(claim: Claim, position: int) -> Values:
    return {
        "id": claim.id,
        "position": position,
        "summary": claim.summary,
        "story_id": claim.story_id,
        "independent_origins": claim.independent_origins,
        "reliability": claim.grade.reliability,
        "credibility": claim.grade.credibility,
        "reason": claim.grade.reason,
        "first_seen": claim.first_seen,
        "last_seen": claim.last_seen,
        "statements": [statement_to_dict(s) for s in claim.statements],
        "origins": [origin_to_dict(o) for o in claim.origins],
        "conflicts": [conflict_to_dict(c) for c in claim.conflicts],
    }


def claim_from(row: AnyRow, override: GradeOverride | None) -> Claim:
    return Claim(
        id=row.id,
        summary=row.summary,
        statements=tuple(statement_from_dict(s) for s in row.statements),
        origins=tuple(origin_from_dict(o) for o in row.origins),
        conflicts=tuple(conflict_from_dict(c) for c in row.conflicts),
        grade=Grade(cast(Reliability, row.reliability), row.credibility, row.reason),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        story_id=row.story_id,
        override=override,
    )


def override_values(override: GradeOverride) -> Values:
    return {
        "claim_id": override.claim_id,
        "reliability": override.reliability,
        "credibility": override.credibility,
        "why": override.why,
        "analyst": override.analyst,
        "created_at": override.created_at,
    }


def override_from(row: AnyRow) -> GradeOverride:
    return GradeOverride(
        claim_id=row.claim_id,
        reliability=cast(Reliability, row.reliability),
        credibility=row.credibility,
        why=row.why,
        analyst=row.analyst,
        created_at=row.created_at,
    )


def story_values(story: Story, position: int) -> Values:
    return {
        "id": story.id,
        "position": position,
        "title": story.title,
        "summary": story.summary,
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "reports": [story_member_to_dict(member) for member in story.members],
        "claims": list(story.claim_ids),
    }


def story_from(row: AnyRow) -> Story:
    return Story(
        id=row.id,
        title=row.title,
        summary=row.summary,
        members=tuple(story_member_from_dict(member) for member in row.reports),
        claim_ids=tuple(str(claim_id) for claim_id in row.claims),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )
