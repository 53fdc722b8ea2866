"""The span model: readings decoded into attributions, rule roles as labels, the shipped taggers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.extract.attribution import find_attributions
from claimledger.extract.span_features import CONTENT, SOURCE, DocView, bio
from claimledger.extract.span_model import (
    Reading,
    _runs,
    _source_span,
    _worth_adding,
    rule_view,
    shipped_model,
    to_found,
)
from claimledger.extract.spans import Quotes

pytestmark = pytest.mark.slow


def test_span_model_reading_becomes_an_attribution_without_its_that(nlp: Language) -> None:
    doc = nlp("The mayor said that the ferry will run again.")
    found = to_found(doc, Reading((2, 3), sources=[(0, 2)], contents=[(3, 9)]))
    assert found is not None
    assert doc.text[slice(*found.cue)] == "said"
    assert doc.text[slice(*found.content)] == "the ferry will run again"
    assert [s.text for s in found.sources] == ["The mayor"]
    assert found.cue_token.text == "said" and found.frame == "model"
    assert found.content_root is not None and found.content_root.text == "run"


def test_span_model_reading_in_two_pieces_keeps_its_fragments(nlp: Language) -> None:
    doc = nlp("“The ferry,” the mayor said, “will run again.”")
    found = to_found(doc, Reading((7, 8), sources=[(5, 7)], contents=[(0, 5), (9, 15)]))
    assert found is not None
    assert [doc.text[s:e] for s, e in found.fragments] == ["“The ferry,”", "“will run again.”"]
    assert found.content == (found.fragments[0][0], found.fragments[1][1])


def test_span_model_reading_without_content_is_no_attribution(nlp: Language) -> None:
    doc = nlp("The mayor said so.")
    assert to_found(doc, Reading((2, 3), sources=[(0, 2)], contents=[])) is None


def test_span_model_rule_roles_become_runs_inside_the_window() -> None:
    roles = {0: SOURCE, 1: SOURCE, 3: CONTENT, 4: CONTENT, 5: CONTENT, 9: CONTENT}
    assert _runs(roles, 0, 6) == [(SOURCE, (0, 2)), (CONTENT, (3, 6))]
    assert bio(6, _runs(roles, 0, 6)) == ["B-SRC", "I-SRC", "O", "B-CON", "I-CON", "I-CON"]
    assert _runs(roles, 3, 10) == [(CONTENT, (0, 3)), (CONTENT, (6, 7))]


def test_span_model_rule_view_labels_the_rules_reading(nlp: Language) -> None:
    doc = nlp("The mayor said the ferry will run again.")
    found = find_attributions(doc, Quotes(doc.text), skip=lambda start, end: False)
    view = rule_view(doc, found)
    assert view.cue_of == {2: 0}
    assert view.frames == ["speech"]
    assert view.roles[0] == {0: SOURCE, 1: SOURCE, 3: CONTENT, 4: CONTENT, 5: CONTENT, 6: CONTENT, 7: CONTENT}


def test_span_model_shipped_taggers_read_a_plain_report(nlp: Language) -> None:
    model = shipped_model()
    assert model is not None, "src/claimledger/data/spans_*.crfsuite are missing: run `make train`"
    doc = nlp("The senator said the ferry will run again next spring.")
    found = find_attributions(doc, Quotes(doc.text), skip=lambda start, end: False)
    cues, sure = model.cues(DocView.of(doc, rule_view(doc, found)))
    assert cues == [(2, 3)]
    assert sure[2] > 0.5
    [revised] = model.revise(doc, found, skip=lambda start, end: False)
    assert doc.text[slice(*revised.cue)] == "said"
    assert doc.text[slice(*revised.content)] == "the ferry will run again next spring"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Skylark Orbital Imaging, a commercial satellite operator, said so.",
            (0, 9),
            "Skylark Orbital Imaging",
        ),
        ("Its chief executive, Julian Asante, said so.", (0, 7), "Its chief executive, Julian Asante"),
        ("The mayor said so.", (0, 2), "The mayor"),
        ("Gov. Terry McAuliffe (D) said so.", (0, 6), "Gov. Terry McAuliffe (D)"),
        ("Gov. Terry McAuliffe (D) said so.", (0, 5), "Gov. Terry McAuliffe (D)"),
        ("The mayor (pictured), said so.", (0, 6), "The mayor (pictured)"),
    ],
)
def test_span_model_source_leaves_out_a_descriptive_apposition(
    nlp: Language, text: str, span: tuple[int, int], expected: str
) -> None:
    doc = nlp(text)
    start, end = _source_span(doc, span)
    assert doc[start:end].text == expected


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "worth"),
    [
        (
            "The mayor said that the ferry will run again.",
            "said",
            "The mayor",
            "the ferry will run again",
            True,
        ),
        (
            "The guards saw a convoy leave, the first movement away from the border they have reported.",
            "reported",
            "they",
            "the first movement away from the border",
            False,
        ),
        (
            "The Directorate, whose assessment was first reported by the Courier, declined to comment.",
            "reported",
            "the Courier",
            "whose assessment",
            False,
        ),
    ],
    ids=["a-claim", "a-noun-a-relative-clause-reports", "a-relative-word"],
)
def test_span_model_reading_worth_adding(
    nlp: Language, text: str, cue: str, source: str, content: str, worth: bool
) -> None:
    doc = nlp(text)

    def tokens(words: str) -> tuple[int, int]:
        span = doc.char_span(text.index(words), text.index(words) + len(words))
        assert span is not None
        return span.start, span.end

    found = to_found(doc, Reading(tokens(cue), sources=[tokens(source)], contents=[tokens(content)]))
    assert found is not None
    assert _worth_adding(doc, found, []) is worth
