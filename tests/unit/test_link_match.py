"""Matching: one proposition across reports is one claim; responses join what they answer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from link_values import attribution, by_id, quantity, report, source

from claimledger.link import match as match_module
from claimledger.link.match import claim_id, match_claims
from claimledger.link.terms import stem, terms_of
from claimledger.models import Attribution, Span
from claimledger.settings import Settings

SETTINGS = Settings()
TROOPS = "Vessaria has moved at least 5,000 troops to the border crossing at Velka"
TROOPS_AGAIN = "at least 5,000 Vessarian troops were moved to the border crossing near Velka"
STRIKE = "dockworkers at the port of Saltmere walked out over automated cranes"


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("soldiers", "troop"),
        ("troops", "troop"),
        ("personnel", "troop"),
        ("Vessarian", "vessaria"),
        ("build-up", "buildup"),
        ("massing", "buildup"),
        ("moved", "buildup"),
        ("exercises", "drill"),
    ],
)
def test_link_match_stem_meets_synonyms(word: str, term: str) -> None:
    assert stem(word) == term


def test_link_match_terms_drop_stop_words_and_mark_names() -> None:
    terms = terms_of(attribution("a", "r", "the troops were near Velka on Monday"))
    assert terms.words == {"troop", "velka"}
    assert terms.names == {"velka"}


def test_link_match_same_proposition_in_two_reports_is_one_claim() -> None:
    reports = by_id(report("r1"), report("r2", "Northgate Tribune"), report("r3", "Coastline Journal"))
    found = match_claims(
        [
            attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
            attribution("a2", "r2", TROOPS_AGAIN, source("border guards", "military")),
            attribution("a3", "r3", STRIKE, source("the union", "organisation")),
        ],
        reports,
        settings=SETTINGS,
    )
    groups = [[m.attribution.id for m in draft.members] for draft in found]
    assert groups == [["a1", "a2"], ["a3"]]
    assert found[0].members[1].reason.startswith("shares ")
    assert "velka" in found[0].members[1].reason


def test_link_match_denial_joins_the_claim_it_denies() -> None:
    reports = by_id(report("r1"), report("r2", "Vessaria Today"))
    found = match_claims(
        [
            attribution(
                "a1", "r1", "Vessaria has massed troops on the Orlenian border", source("guards", "military")
            ),
            attribution(
                "d1",
                "r2",
                "foreign media reports of a military build-up on the Orlenian border",
                source("Ministry of Defence", "ministry"),
                stance="deny",
            ),
        ],
        reports,
        settings=SETTINGS,
    )
    assert len(found) == 1
    assert [m.attribution.stance for m in found[0].members] == ["assert", "deny"]


def test_link_match_denial_that_only_refers_back_joins_its_reports_main_claim() -> None:
    reports = by_id(report("r1"), report("r2", "Signal Desk"))
    statements = [
        attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
        attribution("a2", "r1", STRIKE, source("the union", "organisation")),
        attribution("a3", "r2", TROOPS_AGAIN, source("border guards", "military")),
        attribution(
            "d1", "r1", "the reports as fabrications", source("the ministry", "ministry"), stance="deny"
        ),
    ]
    found = match_claims(statements, reports, settings=SETTINGS)
    (troops,) = [d for d in found if d.members[0].attribution.id == "a1"]
    assert [m.attribution.id for m in troops.members] == ["a1", "a3", "d1"]
    assert troops.members[-1].reason.startswith("refers back (“the reports as fabrications”)")


def test_link_match_response_matching_nothing_is_a_claim_of_its_own() -> None:
    found = match_claims(
        [
            attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
            attribution(
                "d1", "r2", "any jobs would be lost at the harbour", source("port", "official"), stance="deny"
            ),
        ],
        by_id(report("r1"), report("r2")),
        settings=SETTINGS,
    )
    assert [[m.attribution.id for m in d.members] for d in found] == [["a1"], ["d1"]]
    assert found[1].members[0].reason == "matches no assertion: a claim of its own"


def test_link_match_thin_assertion_stays_alone() -> None:
    found = match_claims(
        [
            attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
            attribution("a2", "r2", "troops involved", source("someone", "unspecified")),
        ],
        by_id(report("r1"), report("r2")),
        settings=SETTINGS,
    )
    assert len(found) == 2


def test_link_match_thin_count_joins_the_claim_of_its_best_match() -> None:
    at_least_5000 = (quantity("at least 5,000", 5000, "troops"),)
    a1 = attribution("a1", "r1", TROOPS, source("an official", anonymous=True), quantities=at_least_5000)
    thin = "at least 5,000 troops were in place"
    found = match_claims(
        [
            a1,
            attribution("a2", "r2", STRIKE, source("the union", "organisation")),
            attribution("a3", "r3", thin, source("an official", anonymous=True), quantities=at_least_5000),
        ],
        by_id(report("r1"), report("r2"), report("r3")),
        settings=SETTINGS,
    )
    assert [[m.attribution.id for m in d.members] for d in found] == [["a1", "a3"], ["a2"]]
    assert found[0].members[1].reason.startswith("shares count:troop, troop and its number with statement a1")
    assert found[0].id == claim_id(a1)


def test_link_match_summary_and_id_are_stable() -> None:
    statements = [
        attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
        attribution("a2", "r2", TROOPS_AGAIN, source("border guards", "military")),
    ]
    reports = by_id(report("r1"), report("r2"))
    first = match_claims(statements, reports, settings=SETTINGS)
    again = match_claims(statements, reports, settings=SETTINGS)
    assert first == again
    assert first[0].id == claim_id(statements[0]) and len(first[0].id) == 16
    assert first[0].summary == TROOPS


def test_link_match_compares_only_blocked_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Statements on 300 unrelated topics are not compared all against all."""
    calls = 0
    similarity = match_module._Matcher._pair_score

    def counting(self: match_module._Matcher, *args: object) -> object:
        nonlocal calls
        calls += 1
        return similarity(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(match_module._Matcher, "_pair_score", counting)
    tags = ["".join(chr(ord("a") + int(digit)) for digit in f"{i:03d}") for i in range(300)]
    topics = [f"alpha{tag} bravo{tag} charlie{tag} delta{tag}" for tag in tags]
    statements = [attribution(f"a{i}", f"r{i}", text, source("someone")) for i, text in enumerate(topics)]
    statements.append(attribution("dup", "r-dup", topics[7], source("someone else")))
    reports = by_id(*(report(f"r{i}") for i in range(300)), report("r-dup"))
    found = match_claims(statements, reports, settings=SETTINGS)
    assert len(found) == 300
    assert calls < 10


def test_link_match_could_not_verify_answers_the_claim_instead_of_asserting_it() -> None:
    envoy = "his office had been unable to verify reports of Vessarian troops massing at the Velka crossing"
    found = match_claims(
        [
            attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
            attribution("n1", "r2", envoy, source("Council of Nations envoy", "organisation")),
        ],
        by_id(report("r1"), report("r2", "Northgate Tribune")),
        settings=SETTINGS,
    )
    (claim,) = found
    envoy_member = claim.members[1]
    assert envoy_member.attribution.stance == "no_confirmation"
    assert envoy_member.reason.startswith(
        "read as not confirmed: the statement says “had been unable to verify”; "
    )
    assert "shares " in envoy_member.reason


def test_link_match_names_alone_do_not_make_one_claim() -> None:
    found = match_claims(
        [
            attribution(
                "a1", "r1", "rocket launchers are heading for the Tamrin Valley near Velka", source("x")
            ),
            attribution("a2", "r2", "no soldier was anywhere near the Tamrin Valley or Velka", source("y")),
        ],
        by_id(report("r1"), report("r2")),
        settings=SETTINGS,
    )
    assert [[m.attribution.id for m in d.members] for d in found] == [["a1"], ["a2"]]


def test_link_match_weak_match_on_one_word_besides_names_does_not_join() -> None:
    note = "the Vessarian units moved back"
    found = match_claims(
        [
            attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
            attribution("a2", "r2", TROOPS_AGAIN, source("border guards", "military")),
            attribution("a3", "r3", note, source("Sela Marovin", "politician")),
        ],
        by_id(report("r1"), report("r2"), report("r3")),
        settings=SETTINGS,
    )
    assert [[m.attribution.id for m in d.members] for d in found] == [["a1", "a2"], ["a3"]]
    assert found[1].members[0].reason == "first statement of this claim"


def _nested(
    outer_text: str, inner_text: str, *, outer_chain: tuple[str, ...], inner_chain: tuple[str, ...]
) -> tuple[Attribution, Attribution]:
    """An outer statement and one nested in it at its real offset, in report r1."""
    offset = outer_text.index(inner_text)
    outer = attribution("outer", "r1", outer_text, *(source(name) for name in outer_chain))
    inner = attribution("inner", "r1", inner_text, *(source(name) for name in inner_chain))
    return outer, replace(inner, content=Span(offset, offset + len(inner_text), inner_text))


def test_link_match_statement_nested_in_another_is_cut_from_its_words() -> None:
    rockets = "two batteries of heavy rocket launchers could be heading for the valley, where officials say "
    gathered = "thousands of Vessarian soldiers have gathered in the past week"
    outer, inner = _nested(
        rockets + gathered, gathered, outer_chain=("the Courier",), inner_chain=("officials",)
    )
    elsewhere = attribution(
        "a2", "r2", "about 2,000 Vessarian soldiers have gathered", source("guards", "military")
    )
    found = match_claims([outer, inner, elsewhere], by_id(report("r1"), report("r2")), settings=SETTINGS)
    groups = [[m.attribution.id for m in d.members] for d in found]
    assert ["inner", "a2"] in groups and ["outer"] in groups


def test_link_match_statement_reporting_a_nested_one_joins_its_claim() -> None:
    said = "the Directorate has told the government that "
    claim = "Vessaria may be preparing to move long-range rocket artillery into the Tamrin Valley"
    outer, inner = _nested(
        said + claim + ", which would put towns deep inside Orlenia within range",
        claim,
        outer_chain=("people familiar with the matter",),
        inner_chain=("people familiar with the matter", "the Directorate"),
    )
    (found,) = match_claims([outer, inner], by_id(report("r1")), settings=SETTINGS)
    assert [m.attribution.id for m in found.members] == ["outer", "inner"]
    assert (
        found.members[0].reason
        == "its content holds statement inner, which its source reports: joins that claim"
    )


def test_link_match_same_number_of_the_same_thing_counts_in_the_score() -> None:
    about_2000 = (quantity("about 2,000", 2000, "soldiers"),)
    first = "convoys moved into the valley overnight and about 2,000 soldiers were camped near the river"
    found = match_claims(
        [
            attribution("a1", "r1", first, source("guards", "military"), quantities=about_2000),
            attribution(
                "a2",
                "r2",
                "about 2,000 soldiers were seen",
                source("guards", "military"),
                quantities=about_2000,
            ),
        ],
        by_id(report("r1"), report("r2")),
        settings=SETTINGS,
    )
    assert len(found) == 1
    assert "and its number with statement a1" in found[0].members[1].reason


def test_link_match_word_capitalised_only_once_is_not_a_name() -> None:
    statements = [
        attribution("a1", "r1", "the units returned from Harsk to their home bases", source("x")),
        attribution("a2", "r2", "the last units left Harsk for home", source("y")),
        attribution("a3", "r3", "a Unit of the Harsk garrison stayed", source("z")),
    ]
    matcher = match_module._Matcher(statements, SETTINGS)
    assert "harsk" in matcher._names
    assert "unit" not in matcher._names


def test_link_match_one_word_response_refers_back_rather_than_matching_elsewhere() -> None:
    reports = by_id(report("r1"), report("r2", "Signal Desk"))
    statements = [
        attribution("a1", "r1", TROOPS, source("an official", anonymous=True)),
        attribution(
            "a2",
            "r2",
            "the union's figure of striking workers is inflated",
            source("the port", "organisation"),
        ),
        attribution(
            "n1", "r1", "any of the figures", source("the envoy", "official"), stance="no_confirmation"
        ),
    ]
    found = match_claims(statements, reports, settings=SETTINGS)
    (troops,) = [d for d in found if d.members[0].attribution.id == "a1"]
    assert [m.attribution.id for m in troops.members] == ["a1", "n1"]
    assert troops.members[-1].reason.startswith("refers back (“any of the figures”)")
