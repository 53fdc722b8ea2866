"""The event-factuality bench's reading of hand-made sentences: hedges, negation and governing verbs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from claimledger.extract.factuality import factuality_of, read_event
from claimledger.extract.nlp import doc_from_words


def target(nlp: Language, sentence: str, word: str) -> Token:
    doc = doc_from_words(nlp, sentence.split(" "))
    return next(token for token in doc if token.text == word)


@pytest.mark.slow
def test_factuality_keeps_the_dataset_tokens(nlp: Language) -> None:
    """Token i of the Doc is token i of the dataset, even where spaCy would split differently."""
    words = ["The", "ministry", "said", "rebels", "hadn't", "shelled", "the", "U.S.-run", "depot", "."]
    doc = doc_from_words(nlp, words)
    assert [t.text for t in doc] == words
    assert doc.has_annotation("DEP")
    assert read_event(doc[5]).negated  # the whole-token contraction still negates


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "low", "high"),
    [
        ("Rebels shelled the fuel depot outside Dorvan on Tuesday .", "shelled", 2.9, 3.0),
        ("The ferry sank in the harbour last night .", "sank", 2.9, 3.0),
        ("Rebels may shell the fuel depot outside Dorvan .", "shell", 0.0, 1.6),
        ("Rebels could shell the fuel depot tonight .", "shell", 0.0, 1.3),
        ("The ministry said troops crossed the river at dawn .", "crossed", 2.0, 3.0),
        ("The ministry said that troops have crossed the river .", "crossed", 2.0, 3.0),
        ("The mayor plans to build a bridge over the river .", "build", -0.5, 1.75),
        ("The mayor wants to build a bridge over the river .", "build", -0.5, 1.2),
        ("If troops cross the river , the town will be evacuated .", "cross", -0.5, 1.5),
    ],
)
def test_factuality_reads_plain_hedged_and_embedded_events(
    nlp: Language, sentence: str, word: str, low: float, high: float
) -> None:
    assert low <= factuality_of(target(nlp, sentence, word)) <= high


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Rebels did not shell the fuel depot .", "shell"),
        ("Rebels did n't shell the fuel depot .", "shell"),
        ("Rebels never shelled the fuel depot .", "shelled"),
        ("No rebels shelled the fuel depot .", "shelled"),
        ("Troops failed to cross the river .", "cross"),
    ],
)
def test_factuality_negated_events_are_negative(nlp: Language, sentence: str, word: str) -> None:
    reading = read_event(target(nlp, sentence, word))
    assert reading.negated
    assert reading.value <= -1.0


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry denied that troops crossed the river .",
        "The ministry denied that troops had crossed the river overnight .",
    ],
)
def test_factuality_denied_events_are_not_positive(nlp: Language, sentence: str) -> None:
    assert factuality_of(target(nlp, sentence, "crossed")) <= 0.0


@pytest.mark.slow
def test_factuality_orders_commitment(nlp: Language) -> None:
    """Told as fact > reported > hedged > planned; the exact values may move, the order may not."""
    fact = factuality_of(target(nlp, "Troops crossed the river .", "crossed"))
    may = factuality_of(target(nlp, "Troops may cross the river .", "cross"))
    wants = factuality_of(target(nlp, "The general wants to cross the river .", "cross"))
    denied = factuality_of(target(nlp, "The general denied that troops crossed the river .", "crossed"))
    assert fact > may > wants > 0 > denied


@pytest.mark.slow
def test_factuality_reports_its_hedges(nlp: Language) -> None:
    reading = read_event(target(nlp, "The ministry said troops would probably withdraw .", "withdraw"))
    assert {"would", "probably"} <= set(reading.hedges)
    assert "report" in reading.frames
    assert 0 < reading.value < 2
