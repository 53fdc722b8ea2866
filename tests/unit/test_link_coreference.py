"""Unnamed origins resolved within their report: "the company", "he", "satellite images released by X"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from link_values import attribution, by_id, source

from claimledger.link.coreference import ReportSources
from claimledger.link.origins import claim_origins
from claimledger.models import Attribution, Report, ReportMeta, SourceKind, SourceMention, Span

KNOWN: dict[str, tuple[str, SourceKind]] = {
    "skylark orbital imaging": ("Skylark Orbital Imaging", "organisation"),
    "state border guard service": ("State Border Guard Service (Orlenia)", "military"),
    "intelligence directorate": ("Intelligence Directorate (Orlenia)", "intelligence_agency"),
    "harbour chamber": ("Harbour Chamber", "organisation"),
}
TEXT = (
    "Commercial satellite images released on Wednesday by Skylark Orbital Imaging show hundreds of"
    " vehicles in the valley.\n"
    "The company said its analysts had counted about 340 vehicles.\n"
    "Its analysts said the camps were built for weeks.\n"
    "Orlenia's ambassador presented logs from the State Border Guard Service that he said showed more"
    " than 300 vehicles.\n"
    "Later he said the talks had failed.\n"
    "Orlenia's Intelligence Directorate warned the cabinet.\n"
    "The directorate said the launchers had left.\n"
    "Sources cited a classified assessment by the Intelligence Directorate.\n"
    "The assessment said the launchers had left Torvel.\n"
)


def _report(text: str = TEXT) -> Report:
    meta = ReportMeta(publisher="The Continental Review", published=dt.date(2026, 3, 4))
    return Report(id="r1", origin="r1.txt", text=text, meta=meta)


def _said(attribution_id: str, phrase: str, cue: str, kind: SourceKind = "unspecified") -> Attribution:
    """An attribution of TEXT whose source is the first `phrase` and whose cue is the next `cue` after it."""
    start = re.search(rf"\b{re.escape(phrase)}\b", TEXT).start()  # type: ignore[union-attr]  # in TEXT
    cue_start = TEXT.index(cue, start + len(phrase))
    mention = SourceMention(Span.of(TEXT, start, start + len(phrase)), kind, False, phrase.casefold())
    content = Span.of(TEXT, cue_start + len(cue) + 1, TEXT.index("\n", cue_start))
    return Attribution(
        id=attribution_id,
        report_id="r1",
        chain=(mention,),
        cue=Span.of(TEXT, cue_start, cue_start + len(cue)),
        content=content,
        direct=False,
        stance="assert",
        certainty="certain",
    )


def _origin_names(*statements: Attribution) -> list[str]:
    reports = by_id(_report())
    sources = ReportSources(statements, reports, KNOWN)
    origins, _ = claim_origins(statements, reports, sources=sources)
    return [o.canonical for o in origins]


@pytest.mark.parametrize(
    ("phrase", "cue", "kind", "rule"),
    [
        ("Commercial satellite images", "show", "unspecified", "are evidence credited to Skylark"),
        ("The company", "said", "organisation", "refers back to Skylark Orbital Imaging"),
        ("Its analysts", "said", "expert", "are those of Skylark Orbital Imaging"),
        ("he", "said", "unspecified", "relays evidence credited to State Border Guard Service"),
        ("The directorate", "said", "unspecified", "refers back to Intelligence Directorate"),
        ("The assessment", "said", "unspecified", "refers back to the assessment credited to Intelligence"),
    ],
)
def test_link_coreference_resolves_unnamed_origin_in_its_report(
    phrase: str, cue: str, kind: SourceKind, rule: str
) -> None:
    statement = _said("a1", phrase, cue, kind)
    referent = ReportSources([statement], by_id(_report()), KNOWN).referent(statement)
    assert referent is not None
    assert rule in referent.reason


def test_link_coreference_images_and_the_company_are_one_origin_with_the_named_firm() -> None:
    images = _said("a1", "Commercial satellite images", "show")
    company = _said("a2", "The company", "said", "organisation")
    assert _origin_names(images, company) == ["Skylark Orbital Imaging"]


def test_link_coreference_leaves_an_uncredited_pronoun_alone() -> None:
    later = TEXT.index("Later he")
    statement = _said("a1", "he said the talks", "said")
    start = later + len("Later ")
    moved = SourceMention(Span.of(TEXT, start, start + 2), "unspecified", False, None)
    statement = Attribution(**{**_fields(statement), "chain": (moved,)})
    assert ReportSources([statement], by_id(_report()), KNOWN).referent(statement) is None


def _fields(statement: Attribution) -> dict[str, object]:
    return {name: getattr(statement, name) for name in Attribution.__dataclass_fields__}


def test_link_coreference_without_known_sources_changes_nothing() -> None:
    images = _said("a1", "Commercial satellite images", "show")
    company = _said("a2", "The company", "said", "organisation")
    reports = by_id(_report())
    origins, _ = claim_origins([images, company], reports, sources=ReportSources([], reports, {}))
    assert len(origins) == 2


STATES = frozenset({"Orlenia", "Vessaria"})


def test_link_origins_organs_of_one_state_are_one_origin() -> None:
    reports = by_id(_report())
    statements = [
        attribution("a1", "r1", "troops massed", source("State Border Guard Service (Orlenia)", "military")),
        attribution("a2", "r1", "troops massed", source("Ministry of Foreign Affairs (Orlenia)", "ministry")),
        attribution("a3", "r1", "troops massed", source("Orlenia (government)", "government")),
        attribution("a4", "r1", "troops massed", source("State Border Guard Service (Orlenia)", "military")),
        attribution("a5", "r1", "troops massed", source("Ministry of Defence (Vessaria)", "ministry")),
    ]
    origins, origin_of = claim_origins(statements, reports, states=STATES)
    assert [o.canonical for o in origins] == [
        "State Border Guard Service (Orlenia)",
        "Ministry of Defence (Vessaria)",
    ]
    assert origins[0].reason == (
        "organs of one state (Orlenia) count as one origin: State Border Guard Service (Orlenia) with"
        " Ministry of Foreign Affairs (Orlenia), Orlenia (government)"
    )
    assert len(set(origin_of.values())) == 2


@pytest.mark.parametrize(
    ("canonical", "kind", "anonymous"),
    [
        ("Tobias Wren", "expert", False),
        ("Orlenia (unnamed government source)", "official", True),
        ("Orlenia (residents of Velka)", "unspecified", False),
        ("Aldmark (government)", "government", False),
    ],
    ids=["person", "anonymous", "not-an-organ", "unknown-state"],
)
def test_link_origins_sources_that_are_not_known_organs_stay_independent(
    canonical: str, kind: SourceKind, anonymous: bool
) -> None:
    reports = by_id(_report())
    statements = [
        attribution("a1", "r1", "troops massed", source("State Border Guard Service (Orlenia)", "military")),
        attribution("a2", "r1", "troops massed", source(canonical, kind, anonymous=anonymous)),
    ]
    origins, _ = claim_origins(statements, reports, states=STATES)
    assert len(origins) == 2


SOLE_CREDIT = (
    "The ministry said the drills had ended, but new satellite images show armour still in the valley.\n"
    "Skylark Orbital Imaging said its latest pictures showed tents taken down.\n"
)


def _sole_credit_statement(text: str) -> Attribution:
    start = text.index("new satellite images")
    cue = text.index("show", start + len("new satellite images"))
    mention = SourceMention(Span.of(text, start, start + 20), "unspecified", False, "new satellite images")
    return Attribution(
        id="s1",
        report_id="r1",
        chain=(mention,),
        cue=Span.of(text, cue, cue + 4),
        content=Span.of(text, cue + 5, text.index(".", cue)),
        direct=False,
        stance="assert",
        certainty="certain",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SOLE_CREDIT, "Skylark Orbital Imaging", id="the-one-firm-credited-with-images"),
        pytest.param(
            SOLE_CREDIT + "The Harbour Chamber released photographs of the quay.\n",
            None,
            id="two-sources-credited-with-images-stay-unnamed",
        ),
        pytest.param(
            SOLE_CREDIT.replace("its latest pictures showed", "the camps were"),
            None,
            id="a-firm-credited-with-no-images",
        ),
    ],
)
def test_link_coreference_uncredited_images_are_those_of_the_one_source_credited_with_images(
    text: str, expected: str | None
) -> None:
    sources = ReportSources([], {"r1": _report(text)}, KNOWN)
    found = sources.referent(_sole_credit_statement(text))
    assert (found.canonical if found else None) == expected
