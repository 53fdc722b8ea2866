"""The dashboard's pages: the ledger, a claim, a report, a source, a story. HTML, no JavaScript.

Filters are a plain GET form; an empty field means "any", so the form can be submitted as it is.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, cast, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimledger.api.deps import StoreDep
from claimledger.api.query import ClaimQuery, ClaimSort, filter_claims, grade_parts, source_id, tally_sources
from claimledger.errors import BadParameter, NotFound
from claimledger.models import SOURCE_KINDS, Attribution, Claim, Report
from claimledger.render import marks
from claimledger.store import SqlStore
from claimledger.web.graph import layout, svg
from claimledger.web.highlight import highlighted

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
GRADE = re.compile(r"^(?:[A-Fa-f][1-6]?|[1-6])$")
SORTS: tuple[str, ...] = get_args(ClaimSort)


@functools.cache
def templates() -> Jinja2Templates:
    """The templates, autoescaped whatever their file name; built on first use, not at import."""
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    environment.globals["source_id"] = source_id
    return Jinja2Templates(env=environment)


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@router.get("/", response_class=HTMLResponse)
def ledger(
    request: Request,
    store: StoreDep,
    story: str | None = None,
    source_kind: str | None = None,
    grade: str | None = None,
    min_origins: str | None = None,
    q: str | None = None,
    sort: str | None = None,
    page: int = 1,
) -> HTMLResponse:
    """Claims, filtered and sorted by the form's fields, PAGE_SIZE a page."""
    form = {
        "story": _blank(story) or "",
        "source_kind": _blank(source_kind) or "",
        "grade": _blank(grade) or "",
        "min_origins": _blank(min_origins) or "",
        "q": _blank(q) or "",
        "sort": _blank(sort) or "origins",
    }
    query = _claim_query(form)
    least = _origins(form["min_origins"])
    story_id = store.story(form["story"]).id if form["story"] else None
    contents = {a.id: a.content.text for a in store.attributions()} if query.needs_contents else None
    matched = filter_claims(store.claims(min_origins=least, story_id=story_id), query, contents)
    pages = max(1, -(-len(matched) // PAGE_SIZE))
    page = min(max(1, page), pages)
    given = {key: value for key, value in form.items() if value}
    links = {n: "?" + urlencode({**given, "page": n}) for n in range(1, pages + 1)}
    return _render(
        request,
        "ledger.html",
        claims=matched[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        total=len(matched),
        form=form,
        page=page,
        pages=pages,
        links=links,
        stories=list(store.stories()),
        kinds=SOURCE_KINDS,
        sorts=SORTS,
    )


def _claim_query(form: dict[str, str]) -> ClaimQuery:
    """The ClaimQuery of the form's fields; a bad field is a BadParameter naming it."""
    if form["source_kind"] and form["source_kind"] not in SOURCE_KINDS:
        raise BadParameter(f"source kind {form['source_kind']!r} is not one of {', '.join(SOURCE_KINDS)}")
    if form["grade"] and not GRADE.match(form["grade"]):
        raise BadParameter(f"grade {form['grade']!r} is not a letter A–F, a digit 1–6 or both (B2)")
    if form["sort"] not in SORTS:
        raise BadParameter(f"sort {form['sort']!r} is not one of {', '.join(SORTS)}")
    letter, digit = grade_parts(form["grade"])
    return ClaimQuery(
        source_kind=form["source_kind"] or None,
        reliability=letter,
        credibility=digit,
        text=form["q"] or None,
        sort=cast(ClaimSort, form["sort"]),
    )


def _origins(value: str) -> int:
    if not value:
        return 0
    if not value.isdigit():
        raise BadParameter(f"min origins {value!r} is not a whole number of 0 or more")
    return int(value)


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, store: StoreDep, claim_id: str) -> HTMLResponse:
    """A claim's statements, its provenance graph, and when each of its reports appeared."""
    claim = store.claim(claim_id)
    reports, attributions = _reports_of(store, claim)
    timeline = sorted(reports.values(), key=lambda r: (r.meta.published is None, r.meta.published, r.id))
    return _render(
        request,
        "claim.html",
        claim=claim,
        grade=claim.effective_grade,
        reports=reports,
        attributions=attributions,
        graph=svg(layout(claim, reports, attributions)),
        timeline=timeline,
        stances={r.id: sorted({s.stance for s in claim.statements if s.report_id == r.id}) for r in timeline},
    )


def _reports_of(store: SqlStore, claim: Claim) -> tuple[dict[str, Report], dict[str, Attribution]]:
    report_ids = dict.fromkeys(s.report_id for s in claim.statements)
    for origin in claim.origins:
        report_ids.update(dict.fromkeys(origin.reports))
    reports = {rid: store.report(rid) for rid in report_ids}
    attributions = {a.id: a for rid in reports for a in store.attributions(report_id=rid)}
    return reports, attributions


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, store: StoreDep, report_id: str) -> HTMLResponse:
    """A report's text with its sources, cues and contents marked and its boilerplate greyed."""
    report = store.report(report_id)
    attributions = list(store.attributions(report_id=report.id))
    return _render(
        request,
        "report.html",
        report=report,
        attributions=attributions,
        text=highlighted(report.text, marks(report, attributions)),
    )


@router.get("/sources/{source}", response_class=HTMLResponse)
def source_page(request: Request, store: StoreDep, source: str) -> HTMLResponse:
    """One source's record: the claims it is an origin of, the claims it denied, their grades."""
    claims = {c.id: c for c in store.claims()}
    tallies = tally_sources(claims.values(), {a.id: a for a in store.attributions()})
    tally = next((t for t in tallies if t.id == source.strip().lower()), None)
    if tally is None:
        raise NotFound(f"no source with id {source!r}; the sources are linked from each claim's page")
    return _render(request, "source.html", tally=tally, claims=claims)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    """A story's claims on a timeline (by first seen) and its reports with why they belong."""
    story = store.story(story_id)
    claims = sorted(store.claims(story_id=story.id), key=lambda c: (c.first_seen is None, c.first_seen, c.id))
    days: dict[str, list[Claim]] = {}
    for claim in claims:
        days.setdefault(claim.first_seen.isoformat() if claim.first_seen else "undated", []).append(claim)
    reports = {member.report_id: store.report(member.report_id) for member in story.members}
    return _render(request, "story.html", story=story, days=days, reports=reports)
