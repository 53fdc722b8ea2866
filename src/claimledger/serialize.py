"""JSON shapes of the models, in one place, for the CLI, the store's JSON columns, the API and exports.

Dates are ISO strings or null; spans are `{text, start, end}`; nothing here touches a database or a file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from claimledger.models import (
    Attribution,
    Boilerplate,
    Credit,
    Quantity,
    Rejected,
    Report,
    SourceMention,
    Span,
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


def json_line(data: JsonDict) -> str:
    """One JSON line, UTF-8 kept readable, no trailing newline."""
    return json.dumps(data, ensure_ascii=False)
