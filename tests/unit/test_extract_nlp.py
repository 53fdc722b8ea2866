"""Entities recognised only where an attribution needs them, as a whole-document run would; fragments."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span

from claimledger.extract.nlp import NER, recognise_entities, text_of
from claimledger.extract.pipeline import _outermost

pytestmark = pytest.mark.slow

TEXT = (
    "The weather in Velka was mild on Monday.\n"
    "Kaspar Lindqvist, the Orlenian defence minister, said 2,000 soldiers had reached Dorva on Friday.\n"
    "Shops in Tarn reopened after the holiday."
)


def entities(spans: Iterable[Span]) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in spans]


def test_only_the_chosen_sentences_get_entities(nlp: Language) -> None:
    doc = nlp(TEXT, disable=[NER])
    sentences = list(doc.sents)
    recognise_entities(nlp, doc, [sentences[1]])
    assert doc.ents, "the chosen sentence names a person, a number, a place and a day"
    assert all(sentences[1].start <= e.start and e.end <= sentences[1].end for e in doc.ents)


def test_a_sentence_on_its_own_gets_the_entities_of_the_whole_document_run(nlp: Language) -> None:
    whole = nlp(TEXT)
    doc = nlp(TEXT, disable=[NER])
    middle = list(doc.sents)[1]
    recognise_entities(nlp, doc, [middle])
    expected = [e for e in whole.ents if middle.start <= e.start and e.end <= middle.end]
    assert entities(doc.ents) == entities(expected)


def test_no_sentences_leaves_every_token_outside(nlp: Language) -> None:
    doc = nlp(TEXT, disable=[NER])
    recognise_entities(nlp, doc, [])
    assert doc.ents == ()
    assert all(token.ent_iob_ == "O" for token in doc)


def test_text_of_is_the_document_text_and_kept(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    assert text_of(doc) == TEXT
    assert text_of(doc) is text_of(doc)


RANGES = st.tuples(st.integers(0, 50), st.integers(0, 50)).map(lambda pair: (min(pair), max(pair)))


@given(st.lists(RANGES, max_size=8))
def test_fragments_keep_only_the_outermost_in_text_order(fragments: list[tuple[int, int]]) -> None:
    kept = _outermost(fragments)
    assert kept == sorted(kept)
    assert not any(a != b and a[0] <= b[0] and b[1] <= a[1] for a in kept for b in kept)
    assert all(any(k[0] <= f[0] and f[1] <= k[1] for k in kept) for f in fragments)


def test_a_quotation_reached_with_and_without_its_marks_is_one_fragment() -> None:
    assert _outermost([(10, 30), (40, 61), (41, 59)]) == [(10, 30), (40, 61)]
