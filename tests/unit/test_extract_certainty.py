"""Hedges on a content's predicate, found through the real spaCy model, and the certainty they leave."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.extract.certainty import certainty_of, hedges_of
from claimledger.models import Certainty, Stance


@pytest.mark.parametrize(
    ("hedges", "stance", "certainty"),
    [
        ([], "no_confirmation", "unknown"),
        (["may"], "no_confirmation", "unknown"),
        (["reportedly"], "no_confirmation", "unknown"),
        (["may"], "assert", "possible"),
        (["could"], "assert", "possible"),
        (["might"], "deny", "possible"),
        (["possibly"], "assert", "possible"),
        (["perhaps"], "assert", "possible"),
        (["there is a possibility"], "assert", "possible"),
        (["considering whether"], "assert", "possible"),
        (["would"], "assert", "possible"),
        (["Would"], "assert", "possible"),
        (["would", "reportedly"], "assert", "probable"),
        (["would", "allegedly"], "assert", "probable"),
        (["reportedly", "could"], "assert", "possible"),
        (["would", "reportedly", "may"], "assert", "possible"),
        (["reportedly"], "assert", "probable"),
        (["probably"], "assert", "probable"),
        (["likely"], "assert", "probable"),
        (["appear"], "assert", "probable"),
        ([], "assert", "certain"),
        ([], "deny", "certain"),
        ([], "condemn", "certain"),
        ([], "concern", "certain"),
    ],
)
def test_certainty_of_maps_hedges_and_stance(hedges: list[str], stance: Stance, certainty: Certainty) -> None:
    assert certainty_of(hedges, stance) == certainty


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "hedges", "certainty"),
    [
        ("The ministry said the troops may be sent to the front.", ["may"], "possible"),
        ("The ministry said the troops could be sent to the front.", ["could"], "possible"),
        ("The ministry said the troops might possibly be sent.", ["might", "possibly"], "possible"),
        ("The ministry said the troops would be sent to the front.", ["would"], "possible"),
        (
            "The ministry said the troops would reportedly be sent to the front.",
            ["would", "reportedly"],
            "probable",
        ),
        ("The ministry said the troops were probably sent to the front.", ["probably"], "probable"),
        ("The ministry said the troops appear to have left.", ["appear"], "probable"),
        ("The ministry said the troops left and may return.", ["may"], "possible"),
        (
            "The ministry said there is a possibility that troops were sent.",
            ["there is a possibility"],
            "possible",
        ),
        ("The ministry said it is considering whether to send troops.", ["considering whether"], "possible"),
        ("The ministry said the troops were sent to the front.", [], "certain"),
        pytest.param(
            "The ministry said the troops are likely to be sent to the front.",
            ["likely"],
            "probable",
        ),
    ],
)
def test_certainty_hedges_on_the_content_predicate(
    nlp: Language, sentence: str, hedges: list[str], certainty: Certainty
) -> None:
    doc = nlp(sentence)
    cue = doc[:].root
    content_root = next(c for c in cue.children if c.dep_ == "ccomp")
    assert cue.lemma_ == "say"
    found = hedges_of(content_root, cue)
    assert found == hedges
    assert certainty_of(found, "assert") == certainty


@pytest.mark.slow
def test_certainty_reportative_cue_is_its_own_hedge(nlp: Language) -> None:
    doc = nlp("The troops were reportedly sent to the front.")
    cue = next(t for t in doc if t.lower_ == "reportedly")
    assert hedges_of(cue.head, cue) == ["reportedly"]
    assert hedges_of(None, cue) == ["reportedly"]


@pytest.mark.slow
def test_certainty_no_content_no_hedges(nlp: Language) -> None:
    doc = nlp("The ministry said so.")
    assert hedges_of(None, doc[:].root) == []
