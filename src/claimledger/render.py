"""Human-readable views of stored things (tables, a marked-up report); built here, printed by the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from rich import box
from rich.table import Table
from rich.text import Text

from claimledger.models import (
    Attribution,
    Claim,
    Origin,
    Rejected,
    Report,
    SourceMention,
    Statement,
    Story,
)

MarkKind = Literal["boilerplate", "content", "cue", "source"]

# Later kinds are applied later, so they win where marks overlap.
STYLES: dict[MarkKind, str] = {
    "boilerplate": "dim",
    "content": "underline green",
    "cue": "bold yellow",
    "source": "bold cyan",
}
MARKERS: dict[MarkKind, tuple[str, str]] = {
    "boilerplate": ("~~", "~~"),
    "content": ("<<", ">>"),
    "cue": ("{", "}"),
    "source": ("[[", "]]"),
}
LEGEND = "marks: [[source]] {cue} <<content>> ~~boilerplate~~"
NONE = "—"
PREFIX = 8


def clip(text: str | None, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, no_wrap=True)
    return table


def reports_table(reports: Iterable[Report], attribution_counts: Mapping[str, int]) -> Table:
    """One row per report: id, date, publisher, title, words, original, attributions."""
    table = _table("id", "published", "publisher", "title", "words", "copy_of", "attributions")
    for report in reports:
        meta = report.meta
        table.add_row(
            report.id,
            meta.published.isoformat() if meta.published else NONE,
            clip(meta.publisher, 24) or NONE,
            clip(meta.title, 48) or NONE,
            str(report.word_count),
            report.copy_of or NONE,
            str(attribution_counts.get(report.id, 0)),
        )
    return table


def attributions_table(attributions: Iterable[Attribution]) -> Table:
    """One row per attribution: report, source, kind, cue, content, stance, certainty, event date."""
    table = _table("report", "source", "kind", "cue", "content", "stance", "certainty", "event_date")
    for attribution in attributions:
        source = attribution.source
        table.add_row(
            attribution.report_id[:PREFIX],
            clip(_mention_text(source), 32) or NONE,
            source.kind if source else NONE,
            clip(attribution.cue.text, 20),
            clip(attribution.content.text, 60),
            attribution.stance,
            attribution.certainty,
            attribution.event_date.isoformat() if attribution.event_date else NONE,
        )
    return table


def rejects_table(rejects: Iterable[Rejected]) -> Table:
    """One row per rejected input: when, code, origin, message."""
    table = _table("rejected_at", "code", "origin", "message")
    for rejected in rejects:
        when = rejected.rejected_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        table.add_row(when, rejected.code, clip(rejected.origin, 60), clip(rejected.message, 80))
    return table


def report_header(report: Report) -> list[str]:
    """Title, then one line each of what else is known of a report."""
    meta = report.meta
    lines = [meta.title or "(untitled)", f"id: {report.id}"]
    facts = [
        ("publisher", meta.publisher),
        ("published", meta.published.isoformat() if meta.published else None),
        ("author", meta.author),
        ("url", meta.url),
        ("origin", report.origin),
    ]
    lines += [f"{name}: {value}" for name, value in facts if value]
    if report.credits:
        lines.append("credits: " + "; ".join(f"{c.agency} ({c.kind})" for c in report.credits))
    if report.copy_of:
        lines.append(f"copy of: {report.copy_of} (similarity {report.similarity or 0:.2f})")
    return lines


def marks(report: Report, attributions: Sequence[Attribution]) -> list[tuple[int, int, MarkKind]]:
    """The character ranges to mark in a report's text, weakest kind first."""
    found: list[tuple[int, int, MarkKind]] = [(b.start, b.end, "boilerplate") for b in report.boilerplate]
    for attribution in attributions:
        contents = attribution.content_fragments or (attribution.content,)
        found += [(span.start, span.end, "content") for span in contents]
        found.append((attribution.cue.start, attribution.cue.end, "cue"))
        found += [(m.span.start, m.span.end, "source") for m in attribution.chain if m.span is not None]
    order = list(STYLES)
    # A source shared by nested attributions is marked once.
    return sorted({m for m in found if m[0] < m[1]}, key=lambda m: (order.index(m[2]), m[0], m[1]))


def styled_text(text: str, spans: Iterable[tuple[int, int, MarkKind]]) -> Text:
    """The text with rich styles on the marked ranges."""
    styled = Text(text)
    for start, end, kind in spans:
        styled.stylize(STYLES[kind], start, end)
    return styled


def marked_text(text: str, spans: Iterable[tuple[int, int, MarkKind]]) -> str:
    """The text with bracket markers around the marked ranges, for output without colour."""
    inserts: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, kind in spans:
        opener, closer = MARKERS[kind]
        # At one offset closers come before openers; inner marks close first and open last.
        inserts.setdefault(end, []).append((0, end - start, closer))
        inserts.setdefault(start, []).append((1, start - end, opener))
    parts: list[str] = []
    previous = 0
    for offset in sorted(inserts):
        parts.append(text[previous:offset])
        parts += [marker for _, _, marker in sorted(inserts[offset], key=lambda i: (i[0], i[1]))]
        previous = offset
    parts.append(text[previous:])
    return "".join(parts)


def attribution_line(number: int, attribution: Attribution) -> str:
    """One attribution as a numbered line: chain, cue, content, stance, certainty, date, hedges."""
    chain = " → ".join(_mention_label(m) for m in attribution.chain) or "(no source)"
    details = [attribution.stance, attribution.certainty, "direct" if attribution.direct else "indirect"]
    if attribution.event_date:
        details.append(f"event {attribution.event_date.isoformat()}")
    if attribution.hedges:
        details.append("hedges: " + ", ".join(attribution.hedges))
    if attribution.quantities:
        details.append("quantities: " + ", ".join(q.span.text for q in attribution.quantities))
    pieces = attribution.content_fragments or (attribution.content,)
    content = clip(" … ".join(piece.text for piece in pieces), 200)
    return f"{number}. {chain} {attribution.cue.text}: “{content}” ({'; '.join(details)})"


def _mention_text(mention: SourceMention | None) -> str | None:
    if mention is None:
        return None
    return mention.span.text if mention.span is not None else mention.canonical


def _mention_label(mention: SourceMention) -> str:
    kind = mention.kind + (", anonymous" if mention.anonymous else "")
    return f"{clip(_mention_text(mention), 60) or '(unnamed)'} ({kind})"


def claims_table(claims: Iterable[Claim]) -> Table:
    """One row per claim: id, grade, origins, statements, reports, denials, conflicts, dates, summary."""
    table = _table(
        "id",
        "grade",
        "origins",
        "statements",
        "reports",
        "denials",
        "conflicts",
        "first_seen",
        "last_seen",
        "summary",
    )
    for claim in claims:
        grade = claim.effective_grade
        table.add_row(
            claim.id,
            f"{grade.reliability}{grade.credibility}" + ("*" if claim.override else ""),
            str(claim.independent_origins),
            str(len(claim.statements)),
            str(len({s.report_id for s in claim.statements})),
            str(len(claim.denials)),
            str(len(claim.conflicts)),
            claim.first_seen.isoformat() if claim.first_seen else NONE,
            claim.last_seen.isoformat() if claim.last_seen else NONE,
            clip(claim.summary, 70),
        )
    return table


def stories_table(stories: Iterable[Story]) -> Table:
    """One row per story: id, reports, claims, first and last seen, title."""
    table = _table("id", "reports", "claims", "first_seen", "last_seen", "title")
    for story in stories:
        table.add_row(
            story.id,
            str(len(story.members)),
            str(len(story.claim_ids)),
            story.first_seen.isoformat() if story.first_seen else NONE,
            story.last_seen.isoformat() if story.last_seen else NONE,
            clip(story.title, 70),
        )
    return table


def claim_lines(
    claim: Claim, attributions: Mapping[str, Attribution], reports: Mapping[str, Report]
) -> list[str]:
    """A claim for people: grade and why, origins with the statements under each, responses, conflicts."""
    grade = claim.effective_grade
    reports_count = len({s.report_id for s in claim.statements})
    seen = " to ".join(
        d.isoformat() for d in dict.fromkeys(d for d in (claim.first_seen, claim.last_seen) if d)
    )
    lines = [
        f"claim {claim.id}: {claim.summary}",
        f"seen: {seen or NONE}; {len(claim.statements)} statements in "
        f"{reports_count} reports; {claim.independent_origins} independent origins",
        f"grade: {grade.reliability}{grade.credibility} — {grade.reason}",
    ]
    if claim.override is not None:
        computed = claim.grade
        lines.append(
            f"  (analyst grade of {claim.override.created_at.strftime('%Y-%m-%dT%H:%M:%SZ')}; "
            f"computed {computed.reliability}{computed.credibility} — {computed.reason})"
        )
    lines += ["", f"origins: {claim.independent_origins} independent"]
    for number, origin in enumerate(claim.origins, start=1):
        lines.append(f"{number}. {_origin_label(origin)}")
        if origin.reason:
            lines.append(f"   why one origin: {origin.reason}")
        for statement in claim.statements:
            if statement.origin == origin.key:
                lines += _statement_lines(statement, attributions, reports, indent="   ")
    responses = {"deny", "no_confirmation", "condemn", "concern"}
    unplaced = [s for s in claim.statements if s.origin is None and s.stance not in responses]
    if unplaced:
        lines += ["", f"no source named (no origin counted): {len(unplaced)}"]
        for statement in unplaced:
            lines += _statement_lines(statement, attributions, reports, indent="")
    for title, stances in (
        ("denials", {"deny"}),
        ("not confirmed", {"no_confirmation"}),
        ("condemnation and concern", {"condemn", "concern"}),
    ):
        chosen = [s for s in claim.statements if s.stance in stances]
        if chosen:
            lines += ["", f"{title}: {len(chosen)}"]
            for statement in chosen:
                lines += _statement_lines(statement, attributions, reports, indent="")
    if claim.conflicts:
        lines += ["", f"conflicts: {len(claim.conflicts)}"]
        for conflict in claim.conflicts:
            ids = ", ".join(a[:PREFIX] for a in conflict.attribution_ids)
            lines.append(f"- {conflict.description} (statements {ids})")
    return lines


def _origin_label(origin: Origin) -> str:
    kind = origin.kind.replace("_", " ") + (", anonymous" if origin.anonymous else "")
    via = f" via {origin.via}" if origin.via else ""
    count = len(origin.reports)
    return f"{origin.canonical} ({kind}){via} — {count} report{'' if count == 1 else 's'}"


def _statement_lines(
    statement: Statement,
    attributions: Mapping[str, Attribution],
    reports: Mapping[str, Report],
    *,
    indent: str,
) -> list[str]:
    report = reports.get(statement.report_id)
    where = statement.report_id[:PREFIX]
    if report is not None:
        meta = report.meta
        where += (
            f" {meta.publisher or '(no publisher)'} {meta.published.isoformat() if meta.published else NONE}"
        )
        if report.copy_of:
            where += f" (copy of {report.copy_of[:PREFIX]})"
    attribution = attributions.get(statement.attribution_id)
    if attribution is None:
        said = f"statement {statement.attribution_id[:PREFIX]}"
    else:
        chain = (
            " → ".join(clip(_mention_text(m), 40) or "(unnamed)" for m in attribution.chain) or "(no source)"
        )
        pieces = attribution.content_fragments or (attribution.content,)
        said = f"{chain} {attribution.cue.text}: “{clip(' … '.join(p.text for p in pieces), 120)}”"
    return [f"{indent}- [{statement.stance}] {where}: {said}", f"{indent}  matched: {statement.reason}"]
