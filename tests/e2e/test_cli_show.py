"""`claimledger show`: nested attributions, quote fragments, boilerplate and the numbered list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from typer.testing import Result

from claimledger.models import (
    Attribution,
    Boilerplate,
    Credit,
    Quantity,
    Report,
    ReportMeta,
    SourceMention,
    Span,
)
from claimledger.store import Batch, SqlStore

TEXT = (
    "Yonhap reported that officials said 300 troops had crossed.\n"
    '"We saw them," a villager said, "near the bridge."\n'
    "Support our journalism today."
)


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span.of(TEXT, start, start + len(text))


def stored_report(store: SqlStore) -> Report:
    report = Report(
        id="5eed000000000001",
        origin="yonhap.txt",
        text=TEXT,
        meta=ReportMeta(title="Troops cross", publisher="Harbour Gazette", published=dt.date(2026, 3, 3)),
        credits=(Credit("Yonhap", 0, 6, "Yonhap", "dateline"),),
        boilerplate=(Boilerplate(TEXT.index("Support"), len(TEXT), "appeal"),),
    )
    officials = SourceMention(span("officials"), "official", anonymous=True, canonical=None)
    yonhap = SourceMention(span("Yonhap"), "news_outlet", anonymous=False, canonical="Yonhap")
    outer = Attribution(
        id="a-outer",
        report_id=report.id,
        chain=(yonhap, officials),
        cue=span("reported"),
        content=span("officials said 300 troops had crossed"),
        direct=False,
        stance="assert",
        certainty="probable",
        hedges=("reportedly",),
        event_date=dt.date(2026, 3, 2),
        quantities=(Quantity(300.0, "troops", span("300"), approximate=False),),
    )
    inner = Attribution(
        id="a-inner",
        report_id=report.id,
        chain=(officials,),
        cue=span("said"),
        content=span("300 troops had crossed"),
        direct=False,
        stance="assert",
        certainty="certain",
    )
    quote = Attribution(
        id="a-quote",
        report_id=report.id,
        chain=(SourceMention(span("a villager"), "unspecified", anonymous=True, canonical=None),),
        cue=span("said", 1),
        content=Span.of(TEXT, TEXT.index("We"), TEXT.index("bridge.") + 6),
        direct=True,
        stance="assert",
        certainty="certain",
        content_fragments=(span("We saw them"), span("near the bridge")),
    )
    store.add_batch(Batch(reports=[report], attributions=[outer, inner, quote]))
    return report


def test_cli_show_marks_nested_attributions_fragments_and_boilerplate(
    cli: Callable[..., Result], store: SqlStore
) -> None:
    stored_report(store)
    result = cli("show", "5eed")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Troops cross\n"
        "id: 5eed000000000001\n"
        "publisher: Harbour Gazette\n"
        "published: 2026-03-03\n"
        "origin: yonhap.txt\n"
        "credits: Yonhap (dateline)\n"
        "\n"
        "marks: [[source]] {cue} <<content>> ~~boilerplate~~\n"
        "\n"
        "[[Yonhap]] {reported} that <<[[officials]] {said} <<300 troops had crossed>>>>.\n"
        '"<<We saw them>>," [[a villager]] {said}, "<<near the bridge>>."\n'
        "~~Support our journalism today.~~\n"
        "\n"
        "attributions: 3\n"
        "1. Yonhap (news_outlet) → officials (official, anonymous) reported: "
        "“officials said 300 troops had crossed” "
        "(assert; probable; indirect; event 2026-03-02; hedges: reportedly; quantities: 300)\n"
        "2. officials (official, anonymous) said: “300 troops had crossed” (assert; certain; indirect)\n"
        "3. a villager (unspecified, anonymous) said: “We saw them … near the bridge” "
        "(assert; certain; direct)\n"
    )
