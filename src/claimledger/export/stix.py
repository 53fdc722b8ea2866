"""A STIX 2.1 bundle: a `report` per news report, an `identity` per source, a `note` per claim, and an
`opinion` per denial.

A claim is a `note` (its summary the abstract; grade, reason and statements the content) because STIX has
no object for "a proposition some sources state"; its `object_refs` are its reports and its sources'
identities. A denial is a source's judgement that the claim is false, which is what an `opinion` is: one
`strongly-disagree` opinion per denying statement, pointing at the claim's note, the report and the denier.
The grade is the note's `confidence` (see `export.admiralty`) and its MISP-style `admiralty-scale` labels.

Ids are UUIDv5 of our ids in a fixed namespace and timestamps come from report dates, so exporting the same
ledger twice gives the same bundle; STIX recommends UUIDv4 for these objects, and a validator says so
(warning 103), which is the price of stable ids.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import stix2

from claimledger.export import admiralty
from claimledger.export.ledger import Ledger
from claimledger.models import Claim, Report, SourceKind, SourceMention, Statement
from claimledger.serialize import iso

# uuid5(NAMESPACE_URL, "urn:claimledger:stix"); fixed forever, or every exported id changes.
NAMESPACE = uuid.UUID("358b1ac9-70c7-561b-b6b4-55f2dba303c4")
# The timestamp of an object with no known date (STIX requires one).
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

IDENTITY_CLASS: dict[SourceKind, str] = {
    "news_outlet": "organization",
    "government": "organization",
    "ministry": "organization",
    "intelligence_agency": "organization",
    "military": "organization",
    "organisation": "organization",
    "diplomat": "individual",
    "official": "individual",
    "politician": "individual",
    "expert": "individual",
    # An account may be a person or an organisation; an unspecified source may be anything.
    "social_media": "unknown",
    "unspecified": "unknown",
}


def stix_id(object_type: str, key: str) -> str:
    """`object_type--<uuid5 of object_type:key>`: the same key always gives the same id."""
    return f"{object_type}--{uuid.uuid5(NAMESPACE, f'{object_type}:{key}')}"


def export(ledger: Ledger) -> Iterator[str]:
    """The bundle as indented JSON."""
    yield bundle(ledger).serialize(pretty=True) + "\n"


@dataclass(slots=True)
class _Source:
    name: str
    kind: SourceKind
    anonymous: bool
    seen: dt.datetime


@dataclass(slots=True)
class _Refs:
    """What the pass over claims collects: sources, and what each report refers to."""

    sources: dict[str, _Source] = field(default_factory=dict)
    of_report: dict[str, dict[str, None]] = field(default_factory=dict)


def bundle(ledger: Ledger) -> stix2.Bundle:
    """Identities, reports, notes, then opinions, each in the ledger's order."""
    refs = _Refs()
    notes = [_note(ledger, claim, refs) for claim in ledger.claims]
    opinions = [_opinion(ledger, claim, statement) for claim in ledger.claims for statement in claim.denials]
    identities = [_identity(key, source) for key, source in refs.sources.items()]
    reports = [_report(report, refs.of_report.get(report.id, {})) for report in ledger.reports.values()]
    objects: list[Any] = [*identities, *reports, *notes, *opinions]
    bundle_key = ",".join(sorted(str(o.id) for o in objects))
    return stix2.Bundle(objects=objects, id=stix_id("bundle", bundle_key))


def _note(ledger: Ledger, claim: Claim, refs: _Refs) -> stix2.Note:
    note_id = stix_id("note", claim.id)
    object_refs: dict[str, None] = {}
    for origin in claim.origins:
        key = f"source:{_norm(origin.canonical)}" if not origin.anonymous else f"origin:{origin.key}"
        seen = [ledger.reports[r] for r in origin.reports]
        identity = _add_source(
            refs, key, _Source(origin.canonical, origin.kind, origin.anonymous, EPOCH), seen
        )
        for report in seen:
            _refer(refs, object_refs, report.id, note_id, identity)
    for statement in claim.statements:
        report = ledger.reports[statement.report_id]
        _refer(refs, object_refs, report.id, note_id)
        for mention in ledger.attribution(statement.attribution_id).chain:
            mention_key = _mention_key(mention)
            if mention_key is not None and mention.canonical is not None:
                source = _Source(mention.canonical, mention.kind, False, EPOCH)
                identity = _add_source(refs, mention_key, source, [report])
                _refer(refs, object_refs, report.id, note_id, identity)
    grade = claim.effective_grade
    created = _timestamp(claim.first_seen)
    changed = [created, _timestamp(claim.last_seen)]
    if claim.override is not None:
        changed.append(claim.override.created_at)
    return stix2.Note(
        id=note_id,
        created=created,
        modified=max(changed),
        abstract=claim.summary,
        content="\n".join(_note_lines(ledger, claim)),
        authors=["claimledger"],
        object_refs=list(object_refs),
        confidence=admiralty.confidence(grade),
        labels=[*admiralty.tags(grade), f"claimledger-claim:{claim.id}"],
        external_references=[{"source_name": "claimledger", "external_id": claim.id}],
    )


def _note_lines(ledger: Ledger, claim: Claim) -> Iterator[str]:
    grade = claim.effective_grade
    yield f"Admiralty grade {admiralty.letters(grade)}: {grade.reason}"
    yield f"{claim.independent_origins} independent origins; {len(claim.statements)} statements"
    for conflict in claim.conflicts:
        yield f"conflict ({conflict.kind}): {conflict.description}"
    for statement in claim.statements:
        yield f"- {_statement_line(ledger, statement)}"


def _statement_line(ledger: Ledger, statement: Statement) -> str:
    attribution = ledger.attribution(statement.attribution_id)
    meta = ledger.reports[statement.report_id].meta
    source = attribution.source
    who = "(no source)" if source is None else _mention_name(source)
    where = " ".join(x for x in (meta.publisher, iso(meta.published)) if x) or statement.report_id
    return f"[{statement.stance}] {where}: {who} {attribution.cue.text}: {attribution.content.text}"


def _opinion(ledger: Ledger, claim: Claim, statement: Statement) -> stix2.Opinion:
    report = ledger.reports[statement.report_id]
    source = ledger.attribution(statement.attribution_id).source
    object_refs = [stix_id("note", claim.id), stix_id("report", report.id)]
    key = None if source is None else _mention_key(source)
    if key is not None:
        object_refs.append(stix_id("identity", key))
    when = _timestamp(report.meta.published)
    return stix2.Opinion(
        id=stix_id("opinion", statement.attribution_id),
        created=when,
        modified=when,
        opinion="strongly-disagree",
        explanation=_statement_line(ledger, statement),
        authors=None if source is None else [_mention_name(source)],
        object_refs=object_refs,
    )


def _identity(key: str, source: _Source) -> stix2.Identity:
    return stix2.Identity(
        id=stix_id("identity", key),
        created=source.seen,
        modified=source.seen,
        name=source.name,
        identity_class=IDENTITY_CLASS[source.kind],
        roles=[source.kind],
        description="an anonymous source" if source.anonymous else None,
    )


def _report(report: Report, object_refs: dict[str, None]) -> stix2.Report:
    meta = report.meta
    published = _timestamp(meta.published)
    references = [{"source_name": "claimledger", "external_id": report.id}]
    if meta.url:
        references.append({"source_name": meta.publisher or "url", "url": meta.url})
    return stix2.Report(
        id=stix_id("report", report.id),
        created=published,
        modified=published,
        published=published,
        name=meta.title or report.origin,
        description=None if meta.publisher is None else f"published by {meta.publisher}",
        labels=["published-date-unknown"] if meta.published is None else None,
        object_refs=list(object_refs),
        external_references=references,
    )


def _add_source(refs: _Refs, key: str, source: _Source, seen: Iterable[Report]) -> str:
    """Record a source (first name and kind win, earliest date kept); its identity id."""
    kept = refs.sources.setdefault(key, source)
    dates = [_timestamp(r.meta.published) for r in seen if r.meta.published is not None]
    if dates:
        kept.seen = min(dates) if kept.seen == EPOCH else min(kept.seen, *dates)
    return stix_id("identity", key)


def _refer(refs: _Refs, note_refs: dict[str, None], report_id: str, note_id: str, *ids: str) -> None:
    """The note refers to the report and `ids`; the report refers to the note and `ids`."""
    note_refs[stix_id("report", report_id)] = None
    note_refs.update(dict.fromkeys(ids))
    of_report = refs.of_report.setdefault(report_id, {})
    of_report[note_id] = None
    of_report.update(dict.fromkeys(ids))


def _mention_key(mention: SourceMention) -> str | None:
    """Named sources with a canonical name are identities; an anonymous one only as a claim's origin."""
    if mention.anonymous or mention.canonical is None:
        return None
    return f"source:{_norm(mention.canonical)}"


def _mention_name(mention: SourceMention) -> str:
    if mention.canonical:
        return mention.canonical
    return "(unnamed source)" if mention.span is None else mention.span.text


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _timestamp(date: dt.date | None) -> dt.datetime:
    """Midnight UTC of a date; EPOCH for an unknown one."""
    return EPOCH if date is None else dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
