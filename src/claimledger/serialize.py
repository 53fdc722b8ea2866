"""JSON shapes of the models, in one place, for the CLI, the store's JSON columns, the API and exports.

Dates are ISO strings or null; spans are `{text, start, end}`; nothing here touches a database or a file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, cast

from claimledger.models import (
    CONFLICT_KINDS,
    Attribution,
    Boilerplate,
    Claim,
    Conflict,
    Credit,
    Grade,
    GradeOverride,
    Origin,
    Quantity,
    Rejected,
    Reliability,
    Report,
    SourceKind,
    SourceMention,
    Span,
    Stance,
    Statement,
    Story,
    StoryMember,
)

JsonDict = dict[str, Any]


def iso(value: dt.date | None) -> str | None:
    """An ISO string of a date or datetime, or None."""
    return None if value is None else value.isoformat()


def span_to_dict(span: Span) -> JsonDict:
    return {"text": span.text, "start": span.start, "end": span.end}


def span_from_dict(data: JsonDict) -> Span:
    return Span(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]))


def credit_to_dict(credit: Credit) -> JsonDict:
    return {
        "text": credit.text,
        "start": credit.start,
        "end": credit.end,
        "agency": credit.agency,
        "kind": credit.kind,
    }


def boilerplate_to_dict(boilerplate: Boilerplate) -> JsonDict:
    return {"start": boilerplate.start, "end": boilerplate.end, "reason": boilerplate.reason}


def mention_to_dict(mention: SourceMention) -> JsonDict:
    """One chain link; `text`, `start` and `end` are null for a source with no place in the text."""
    span = mention.span
    return {
        "text": None if span is None else span.text,
        "start": None if span is None else span.start,
        "end": None if span is None else span.end,
        "kind": mention.kind,
        "anonymous": mention.anonymous,
        "canonical": mention.canonical,
    }


def quantity_to_dict(quantity: Quantity) -> JsonDict:
    return {
        "value": quantity.value,
        "unit": quantity.unit,
        "text": quantity.span.text,
        "start": quantity.span.start,
        "end": quantity.span.end,
        "approximate": quantity.approximate,
    }


def quantity_from_dict(data: JsonDict) -> Quantity:
    return Quantity(
        value=float(data["value"]),
        unit=None if data["unit"] is None else str(data["unit"]),
        span=span_from_dict(data),
        approximate=bool(data["approximate"]),
    )


def report_to_dict(report: Report) -> JsonDict:
    """The public shape of a report (its text included)."""
    meta = report.meta
    return {
        "id": report.id,
        "origin": report.origin,
        "publisher": meta.publisher,
        "published": iso(meta.published),
        "title": meta.title,
        "author": meta.author,
        "url": meta.url,
        "external_id": meta.external_id,
        "text": report.text,
        "credits": [credit_to_dict(credit) for credit in report.credits],
        "copy_of": report.copy_of,
        "similarity": report.similarity,
        "boilerplate": [boilerplate_to_dict(b) for b in report.boilerplate],
    }


def attribution_to_dict(attribution: Attribution) -> JsonDict:
    """The public shape of an attribution; `source` repeats the first link of `chain`, or is null."""
    chain = [mention_to_dict(mention) for mention in attribution.chain]
    return {
        "id": attribution.id,
        "report_id": attribution.report_id,
        "source": chain[0] if chain else None,
        "chain": chain,
        "cue": span_to_dict(attribution.cue),
        "content": span_to_dict(attribution.content),
        "content_fragments": [span_to_dict(span) for span in attribution.content_fragments],
        "direct": attribution.direct,
        "stance": attribution.stance,
        "certainty": attribution.certainty,
        "hedges": list(attribution.hedges),
        "event_date": iso(attribution.event_date),
        "date_expression": attribution.date_expression,
        "quantities": [quantity_to_dict(quantity) for quantity in attribution.quantities],
    }


def rejected_to_dict(rejected: Rejected) -> JsonDict:
    """The public shape of a rejected input, without its raw bytes."""
    return {
        "origin": rejected.origin,
        "code": rejected.code,
        "message": rejected.message,
        "sha256": rejected.sha256,
        "rejected_at": iso(rejected.rejected_at),
    }


def statement_to_dict(statement: Statement) -> JsonDict:
    return {
        "attribution_id": statement.attribution_id,
        "report_id": statement.report_id,
        "stance": statement.stance,
        "origin": statement.origin,
        "score": statement.score,
        "reason": statement.reason,
    }


def statement_from_dict(data: JsonDict) -> Statement:
    return Statement(
        attribution_id=str(data["attribution_id"]),
        report_id=str(data["report_id"]),
        stance=cast(Stance, data["stance"]),
        score=float(data["score"]),
        reason=str(data["reason"]),
        origin=None if data["origin"] is None else str(data["origin"]),
    )


def origin_to_dict(origin: Origin) -> JsonDict:
    return {
        "key": origin.key,
        "canonical": origin.canonical,
        "kind": origin.kind,
        "anonymous": origin.anonymous,
        "via": origin.via,
        "reports": list(origin.reports),
        "reason": origin.reason,
    }


def origin_from_dict(data: JsonDict) -> Origin:
    return Origin(
        key=str(data["key"]),
        canonical=str(data["canonical"]),
        kind=cast(SourceKind, data["kind"]),
        anonymous=bool(data["anonymous"]),
        via=None if data["via"] is None else str(data["via"]),
        reports=tuple(str(r) for r in data["reports"]),
        reason=str(data.get("reason", "")),
    )


def conflict_to_dict(conflict: Conflict) -> JsonDict:
    return {
        "kind": conflict.kind,
        "unit": conflict.unit,
        "values": list(conflict.values),
        "attribution_ids": list(conflict.attribution_ids),
        "sides": [list(side) for side in conflict.sides],
    }


def conflict_from_dict(data: JsonDict) -> Conflict:
    kind = str(data["kind"])
    if kind not in CONFLICT_KINDS:
        raise ValueError(f"unknown conflict kind {kind!r}; expected one of {', '.join(CONFLICT_KINDS)}")
    return Conflict(
        kind=kind,
        unit=str(data["unit"]),
        values=tuple(str(v) for v in data["values"]),
        attribution_ids=tuple(str(a) for a in data["attribution_ids"]),
        # Rows stored before sides existed have none; their values are then one side each.
        sides=tuple(tuple(str(v) for v in side) for side in data.get("sides", ())),
    )


def grade_to_dict(grade: Grade) -> JsonDict:
    return {"reliability": grade.reliability, "credibility": grade.credibility, "reason": grade.reason}


def override_to_dict(override: GradeOverride) -> JsonDict:
    return {
        "claim_id": override.claim_id,
        "reliability": override.reliability,
        "credibility": override.credibility,
        "why": override.why,
        "analyst": override.analyst,
        "created_at": iso(override.created_at),
    }


def claim_to_dict(claim: Claim) -> JsonDict:
    """The public shape of a claim; `grade` is the analyst's when there is one, with the computed one kept."""
    grade = grade_to_dict(claim.effective_grade)
    grade["override"] = None
    if claim.override is not None:
        grade["override"] = override_to_dict(claim.override) | {"computed": grade_to_dict(claim.grade)}
    return {
        "id": claim.id,
        "summary": claim.summary,
        "story_id": claim.story_id,
        "statements": [statement_to_dict(s) for s in claim.statements],
        "origins": [origin_to_dict(o) for o in claim.origins],
        "independent_origins": claim.independent_origins,
        "denials": [{"attribution_id": s.attribution_id, "report_id": s.report_id} for s in claim.denials],
        "non_confirmations": [
            {"attribution_id": s.attribution_id, "report_id": s.report_id} for s in claim.non_confirmations
        ],
        "conflicts": [conflict_to_dict(c) for c in claim.conflicts],
        "grade": grade,
        "first_seen": iso(claim.first_seen),
        "last_seen": iso(claim.last_seen),
    }


def story_member_to_dict(member: StoryMember) -> JsonDict:
    return {"report_id": member.report_id, "reason": member.reason}


def story_member_from_dict(data: JsonDict) -> StoryMember:
    return StoryMember(report_id=str(data["report_id"]), reason=str(data["reason"]))


def story_to_dict(story: Story) -> JsonDict:
    """The public shape of a story: its reports with why each is there, and its claims' ids."""
    return {
        "id": story.id,
        "title": story.title,
        "summary": story.summary,
        "reports": [story_member_to_dict(member) for member in story.members],
        "claims": list(story.claim_ids),
        "first_seen": iso(story.first_seen),
        "last_seen": iso(story.last_seen),
    }


def grade_from_dict(data: JsonDict) -> Grade:
    return Grade(
        reliability=cast(Reliability, data["reliability"]),
        credibility=int(data["credibility"]),
        reason=str(data["reason"]),
    )


def json_line(data: JsonDict) -> str:
    """One JSON line, UTF-8 kept readable, no trailing newline."""
    return json.dumps(data, ensure_ascii=False)
