"""The command line: the only module that prints or exits. stdout carries data, stderr progress and logs."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimledger import render
from claimledger.errors import BadDate, ClaimledgerError, OutputError
from claimledger.models import ReportMeta
from claimledger.overrides import grade_override
from claimledger.serialize import (
    JsonDict,
    attribution_to_dict,
    claim_to_dict,
    json_line,
    rejected_to_dict,
    report_to_dict,
    story_to_dict,
)
from claimledger.settings import Settings
from claimledger.store import SqlStore, open_store

if TYPE_CHECKING:
    from claimledger.pipeline import IngestSummary, LinkSummary

logger = logging.getLogger(__name__)
_Item = TypeVar("_Item")

EXIT_OK, EXIT_REJECTED, EXIT_ERROR = 0, 1, 2
# Piped output is not wrapped: one table row, one text line per line, whatever the width.
UNWRAPPED = 100_000

HELP = """Who claimed what, through whom, how hedged, who denied it: a ledger of attributed claims
in news reports.

\b
Exit codes:
  0  everything went well
  1  some inputs were rejected (each named on stderr; the rest was stored)
  2  usage, configuration or database error: one line `error: [CODE] message` on stderr

\b
Error codes:
  CL1xx  an input that cannot become a report (CL100 unreadable, CL101 missing, CL102 empty, CL103 binary,
         CL104 undecodable, CL105 too large, CL106 bad HTML, CL107 bad record,
         CL108 unsupported)
  CL2xx  usage or configuration (CL201 bad date, CL202 bad gazetteer, CL203 no language model,
         CL204 bad grade, CL205 cannot write the output file, CL206 bad API request)
  CL3xx  the database (CL300 cannot open or write, CL301 not found or ambiguous id)
"""

app = typer.Typer(
    name="claimledger",
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, jsonl for programs.")
]


@app.callback()
def _main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="SQLite file or SQLAlchemy URL [env CLAIMLEDGER_DB; default ./claimledger.db].",
        ),
    ] = None,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose", "-v", count=True, show_default=False, help="Log more to stderr (-vv for debug)."
        ),
    ] = 0,
) -> None:
    _configure_logging(verbose)
    ctx.obj = Settings.from_env(db=db)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files or folders to read.", show_default=False)
    ],
    publisher: Annotated[
        str | None, typer.Option(metavar="NAME", help="Publisher of reports that do not name one.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Publication date of reports that do not give one."),
    ] = None,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="Do not recompute claims afterwards (run `link` later).")
    ] = False,
) -> None:
    """Read reports, find their attributions, store what is new, then link claims."""
    # Imported here: the readers and the MinHash index take a second to import, which the other
    # commands and --help need not wait for.
    from claimledger import pipeline

    settings: Settings = ctx.obj
    with _errors():
        defaults = ReportMeta(publisher=publisher, published=_parse_date("--published", published))
        store = open_store(settings)
        try:
            with _progress() as on_progress:
                summary = pipeline.ingest(
                    paths, store=store, settings=settings, defaults=defaults, on_progress=on_progress
                )
                linked = None if no_link else pipeline.link(store, settings, on_progress=on_progress)
        finally:
            store.close()
    for rejected in summary.rejected:
        _err(f"rejected: {rejected.origin}: [{rejected.code}] {rejected.message}")
    _err(summary_line(summary))
    if linked is not None:
        _err(link_line(linked))
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def link(ctx: typer.Context) -> None:
    """Recompute claims from all stored attributions: matches, origins, denials, conflicts, grades."""
    from claimledger import pipeline

    with _errors(), _reading(ctx) as store, _progress() as on_progress:
        linked = pipeline.link(store, ctx.obj, on_progress=on_progress)
    _err(link_line(linked))


@app.command()
def claims(
    ctx: typer.Context,
    output_format: FormatOption = OutputFormat.table,
    min_origins: Annotated[
        int, typer.Option("--min-origins", metavar="N", min=0, help="Only claims with N or more origins.")
    ] = 0,
    story: Annotated[
        str | None, typer.Option("--story", metavar="ID", help="Only claims of this story (id or prefix).")
    ] = None,
) -> None:
    """List claims, most independent origins first, with their grades."""
    with _errors(), _reading(ctx) as store:
        story_id = None if story is None else store.story(story).id
        found = store.claims(min_origins=min_origins, story_id=story_id)
        _emit(output_format, found, claim_to_dict, lambda: render.claims_table(found))


@app.command()
def stories(ctx: typer.Context, output_format: FormatOption = OutputFormat.table) -> None:
    """List stories (reports of one developing event), largest first, with when they were seen."""
    with _errors(), _reading(ctx) as store:
        _emit(output_format, store.stories(), story_to_dict, lambda: render.stories_table(store.stories()))


@app.command()
def claim(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="A claim id or unique prefix.")],
) -> None:
    """Show one claim: statements, origins, denials, conflicts, grade and why."""
    with _errors(), _reading(ctx) as store:
        found = store.claim(claim_id)
        attributions = {
            a.id: a
            for report_id in dict.fromkeys(s.report_id for s in found.statements)
            for a in store.attributions(report_id=report_id)
        }
        reports = {
            report_id: store.report(report_id) for report_id in {s.report_id for s in found.statements}
        }
    for line in render.claim_lines(found, attributions, reports):
        _out(line)


@app.command()
def grade(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="A claim id or unique prefix.")],
    reliability: Annotated[
        str, typer.Option("--reliability", metavar="A-F", help="Source reliability, A (best) to F.")
    ],
    credibility: Annotated[
        int, typer.Option("--credibility", metavar="1-6", help="Information credibility, 1 (best) to 6.")
    ],
    why: Annotated[str, typer.Option("--why", metavar="TEXT", help="Why; kept with the grade.")],
    analyst: Annotated[str | None, typer.Option(metavar="NAME", help="Who grades [default: $USER].")] = None,
) -> None:
    """Grade a claim yourself; the grade is stored as its own row and wins over the computed one."""
    with _errors(), _reading(ctx) as store:
        found = store.claim(claim_id)
        override = grade_override(
            found.id,
            reliability=reliability,
            credibility=credibility,
            why=why,
            analyst=analyst or os.environ.get("USER") or "unknown",
        )
        store.add_override(override)
    _err(f"graded claim {found.id} {override.reliability}{credibility} by {override.analyst}")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    stix = "stix"
    misp = "misp"
    graphml = "graphml"


@app.command()
def export(
    ctx: typer.Context,
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (claims), csv (one row per statement), stix (STIX 2.1 bundle), misp (MISP event),"
            " graphml (provenance graph).",
        ),
    ],
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout.")
    ] = None,
    story: Annotated[
        str | None, typer.Option("--story", metavar="ID", help="Only claims of this story (id or prefix).")
    ] = None,
    min_origins: Annotated[
        int, typer.Option("--min-origins", metavar="N", min=0, help="Only claims with N or more origins.")
    ] = 0,
) -> None:
    """Export claims with their reports and sources for other tools."""
    from claimledger.export import EXPORTERS, gather

    with _errors(), _reading(ctx) as store:
        story_id = None if story is None else store.story(story).id
        ledger = gather(store, min_origins=min_origins, story_id=story_id)
    chunks = EXPORTERS[export_format.value](ledger)
    if output is None:
        for chunk in chunks:
            typer.echo(chunk, nl=False)
        return
    with _errors():
        _write(output, chunks)
    _err(f"exported {_count(len(ledger.claims), 'claim')} as {export_format.value} to {output}")


def _write(path: str, chunks: Iterator[str]) -> None:
    """Write `chunks` to a new or truncated UTF-8 file."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.writelines(chunks)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}; check the path and its folder") from e


@app.command()
def reports(ctx: typer.Context, output_format: FormatOption = OutputFormat.table) -> None:
    """List stored reports, oldest first."""
    with _errors(), _reading(ctx) as store:
        _emit(
            output_format,
            store.reports(),
            report_to_dict,
            lambda: render.reports_table(store.reports(), Counter(a.report_id for a in store.attributions())),
        )


@app.command()
def attributions(
    ctx: typer.Context,
    report: Annotated[str | None, typer.Option(metavar="ID", help="Only this report (id or prefix).")] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """List stored attributions: who said what, how sure, about when."""
    with _errors(), _reading(ctx) as store:
        found = store.attributions(report_id=report)
        _emit(output_format, found, attribution_to_dict, lambda: render.attributions_table(found))


@app.command()
def show(
    ctx: typer.Context,
    report_id: Annotated[str, typer.Argument(metavar="REPORT_ID", help="A report id or unique prefix.")],
) -> None:
    """Show one report with its sources, cues and contents marked, then its attributions."""
    with _errors(), _reading(ctx) as store:
        report = store.report(report_id)
        found = list(store.attributions(report_id=report.id))
    console = _stdout()
    for line in render.report_header(report):
        _out(line)
    _out("")
    spans = render.marks(report, found)
    if console.is_terminal:
        console.print(render.styled_text(report.text.rstrip(), spans))
    else:
        _out(render.LEGEND)
        _out("")
        _out(render.marked_text(report.text, spans).rstrip())
    _out("")
    _out(f"attributions: {len(found)}")
    for number, attribution in enumerate(found, start=1):
        _out(render.attribution_line(number, attribution))


@app.command()
def rejects(ctx: typer.Context, output_format: FormatOption = OutputFormat.table) -> None:
    """List inputs that could not become reports, with why."""
    with _errors(), _reading(ctx) as store:
        _emit(output_format, store.rejects(), rejected_to_dict, lambda: render.rejects_table(store.rejects()))


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(metavar="HOST", help="Address to listen on; 0.0.0.0 exposes it.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(metavar="PORT", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the dashboard (/) and the JSON API (/api/claims, /api/reports, ...; /docs) until Ctrl-C."""
    import uvicorn

    from claimledger.api import create_app

    with _errors(), _reading(ctx):
        pass  # refuse a missing or unreadable ledger now, not at the first request
    _err(
        f"serving {ctx.obj.db_url}: dashboard at http://{host}:{port}/,"
        f" JSON on http://{host}:{port}/api/claims (OpenAPI at /openapi.json)"
    )
    uvicorn.run(create_app(ctx.obj), host=host, port=port, log_level="warning")


def summary_line(summary: IngestSummary) -> str:
    """`ingested 14 reports (2 near-duplicate copies), 3 already stored, 1 rejected, 57 attributions`."""
    return (
        f"ingested {_count(summary.stored, 'report')}"
        f" ({_count(summary.copies, 'near-duplicate copy', 'near-duplicate copies')}),"
        f" {summary.duplicates} already stored, {len(summary.rejected)} rejected,"
        f" {_count(summary.attributions, 'attribution')}"
    )


def link_line(summary: LinkSummary) -> str:
    """`linked 170 attributions into 86 claims (9 with 2 or more independent origins), ...`."""
    return (
        f"linked {_count(summary.attributions, 'attribution')} into {_count(summary.claims, 'claim')}"
        f" ({summary.corroborated} with 2 or more independent origins),"
        f" {_count(summary.denials, 'denial')} attached, {_count(summary.conflicts, 'conflict')}"
    )


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _parse_date(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass  # a well-formed but impossible date, such as 2026-02-30, gets the same message
    raise BadDate(f"{option} {value!r} is not a date; give YYYY-MM-DD, e.g. 2026-03-03")


@contextmanager
def _errors() -> Iterator[None]:
    """Turn a claimledger error into one line on stderr and exit code 2."""
    try:
        yield
    except ClaimledgerError as e:
        _err(f"error: {e.one_line()}")
        raise typer.Exit(EXIT_ERROR) from e


@contextmanager
def _reading(ctx: typer.Context) -> Iterator[SqlStore]:
    """The store for a reading command; it must exist already."""
    store = open_store(ctx.obj, must_exist=True)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress() -> Iterator[Callable[[str], None]]:
    """A progress callback: a rich progress bar when stderr is a terminal, nothing otherwise."""
    console = Console(stderr=True, highlight=False, markup=False, emoji=False)
    if not console.is_terminal:
        yield lambda message: None
        return
    columns = (SpinnerColumn(), BarColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("starting", total=None)
        yield lambda message: progress.update(task, description=render.clip(message, 80), advance=1)


def _stdout() -> Console:
    """A console on stdout: styled on a terminal, plain and unwrapped when piped."""
    console = Console(file=sys.stdout, highlight=False, markup=False, emoji=False)
    if not console.is_terminal:
        console.width = UNWRAPPED
    return console


def _emit(
    output_format: OutputFormat,
    items: Iterable[_Item],
    to_dict: Callable[[_Item], JsonDict],
    table: Callable[[], Table],
) -> None:
    """`items` as JSON lines, or the table `table()` builds (only built when it is shown)."""
    if output_format is OutputFormat.jsonl:
        for item in items:
            _out(json_line(to_dict(item)))
        return
    _print_table(table())


def _print_table(table: Table) -> None:
    """A table on stdout, without the padding rich leaves at the end of each line."""
    console = _stdout()
    with console.capture() as captured:
        console.print(table)
    for line in captured.get().splitlines():
        _out(line.rstrip())


def _out(line: str) -> None:
    typer.echo(line)


def _err(line: str) -> None:
    typer.echo(" ".join(line.split()), err=True)


class _CliLogHandler(logging.StreamHandler[TextIO]):
    """Logs to the stderr of the moment (tests swap it), configured by the CLI only."""


def _configure_logging(verbosity: int) -> None:
    package = logging.getLogger("claimledger")
    for handler in [h for h in package.handlers if isinstance(h, _CliLogHandler)]:
        package.removeHandler(handler)
    handler = _CliLogHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    package.addHandler(handler)
    package.setLevel(max(logging.DEBUG, logging.WARNING - 10 * verbosity))


def main() -> None:
    """The `claimledger` console script."""
    app(prog_name="claimledger")
