"""Entities recognised only where an attribution reads them, as a whole-document run would; fragments."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span
from threadpoolctl import threadpool_info

from claimledger.extract.attribution import find_attributions
from claimledger.extract.nlp import BLAS_THREADS, CONTEXT, NER, _windows, recognise_entities, text_of
from claimledger.extract.pipeline import _entity_reads, _outermost
from claimledger.extract.spans import Quotes
from claimledger.settings import Settings

pytestmark = pytest.mark.slow

TEXT = (
    "The weather in Velka was mild on Monday.\n"
    "Kaspar Lindqvist, the Orlenian defence minister, said 2,000 soldiers had reached Dorva on Friday.\n"
    "Shops in Tarn reopened after the holiday."
)


def entities(spans: Iterable[Span]) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in spans]


def _range_of(doc: Doc, words: str) -> tuple[int, int]:
    start = text_of(doc).index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    return span.start, span.end


def test_only_the_words_asked_about_and_their_context_get_entities(nlp: Language) -> None:
    doc = nlp(TEXT, disable=[NER])
    start, end = _range_of(doc, "Kaspar Lindqvist")
    recognise_entities(nlp, doc, [(start, end)])
    assert ("Kaspar Lindqvist", "PERSON") in entities(doc.ents)
    sentence = doc[start].sent
    assert all(sentence.start <= e.start and e.end <= min(end + CONTEXT, sentence.end) for e in doc.ents)
    assert "Tarn" not in {e.text for e in doc.ents}, "another sentence is not read"


@pytest.mark.parametrize("words", ["Kaspar Lindqvist", "2,000 soldiers", "on Friday", "Dorva"])
def test_words_read_in_their_window_get_the_entities_of_the_whole_document_run(
    nlp: Language, words: str
) -> None:
    whole = nlp(TEXT)
    doc = nlp(TEXT, disable=[NER])
    start, end = _range_of(doc, words)
    recognise_entities(nlp, doc, [(start, end)])
    inside = [e for e in doc.ents if start <= e.start and e.end <= end]
    expected = [e for e in whole.ents if start <= e.start and e.end <= end]
    assert expected, f"the whole-document run finds an entity in {words!r}"
    assert entities(inside) == entities(expected)


def test_a_whole_sentence_gets_the_entities_of_the_whole_document_run(nlp: Language) -> None:
    whole = nlp(TEXT)
    doc = nlp(TEXT, disable=[NER])
    middle = list(doc.sents)[1]
    recognise_entities(nlp, doc, [(middle.start, middle.end)])
    expected = [e for e in whole.ents if middle.start <= e.start and e.end <= middle.end]
    assert entities(doc.ents) == entities(expected)


def test_nothing_asked_leaves_every_token_outside(nlp: Language) -> None:
    doc = nlp(TEXT, disable=[NER])
    recognise_entities(nlp, doc, [])
    assert doc.ents == ()
    assert all(token.ent_iob_ == "O" for token in doc)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=6))
def test_windows_cover_every_range_inside_its_sentences_and_never_overlap(
    nlp: Language, asked: list[tuple[int, int]]
) -> None:
    doc = _parsed(nlp)
    ranges = sorted((min(s, len(doc) - 1), min(s + n, len(doc))) for s, n in asked)
    windows = _windows(doc, ranges)
    assert all(a[1] <= b[0] for a, b in pairwise(windows))
    for start, end in ranges:
        assert any(w[0] <= start and end <= w[1] for w in windows)
    for first, last in windows:
        inside = [r for r in ranges if first <= r[0] and r[1] <= last]
        assert inside, "no window is read for nothing"
        assert first >= doc[min(r[0] for r in inside)].sent.start
        assert last <= doc[max(r[1] for r in inside) - 1].sent.end


@cache
def _parsed(nlp: Language) -> Doc:
    return nlp(TEXT, disable=[NER])


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


def test_every_layer_multiplies_with_numpy_on_one_blas_thread(nlp: Language) -> None:
    layers = [layer for _, c in nlp.pipeline if getattr(c, "model", None) for layer in c.model.walk()]
    assert layers
    assert all(not layer.ops.use_blis for layer in layers)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas
    assert all(pool["num_threads"] == BLAS_THREADS for pool in blas)


def _package_loaded_as_shipped() -> Language:
    """The model package `load_nlp` found, loaded by the package itself (thinc's default, BLIS)."""
    for name in Settings().spacy_models:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        loaded: Language = module.load()
        return loaded
    raise AssertionError("no spaCy model package installed")


def test_numpy_products_parse_and_recognise_as_the_model_does_with_blis(nlp: Language) -> None:
    shipped = _package_loaded_as_shipped()
    assert any(layer.ops.use_blis for layer in shipped.get_pipe("tok2vec").model.walk())
    ours, theirs = nlp(TEXT * 3), shipped(TEXT * 3)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in ours] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_) for t in theirs
    ]
    assert entities(ours.ents) == entities(theirs.ents)


def test_entities_are_not_read_for_pronoun_sources_or_undated_cue_words(nlp: Language) -> None:
    text = (
        "He said in an interview that the port was shut.\n"
        "Mayor Ilse Varga said on Tuesday that the ferry would run."
    )
    doc = nlp(text, disable=[NER])
    found = find_attributions(doc, Quotes(text), skip=lambda start, end: False)
    assert [doc[s.start : s.end].text for f in found for s in f.sources] == ["He", "Mayor Ilse Varga"]
    read = [doc[start:end].text for start, end in _entity_reads(found)]
    assert "Mayor Ilse Varga" in read
    assert "on Tuesday" in read
    assert not any(words in {"He", "in an interview"} for words in read)
