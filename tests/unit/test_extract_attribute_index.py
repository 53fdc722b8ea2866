"""The attribute ruler's index finds exactly what spaCy's Matcher finds: made-up patterns, the model's own."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from claimledger.extract.attribute_index import AttributeIndex, index_attribute_ruler
from claimledger.extract.nlp import NER, load_nlp
from claimledger.settings import Settings

WORDS = ["ai", "n't", "is", "'s", "nothin'", "y'", "ferry", "the", "not", "Port", " "]
TAGS = ["VBZ", "VBP", "RB", "NN", "DT", "POS", "NNP", "_SP"]
DEPS = ["ROOT", "det", "neg", "nsubj", "dep", "aux"]

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", "aux"]}, "LOWER": "the"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", "DT"]}}]], "attrs": {"MORPH": "Foo=Bar"}},
    {"patterns": [[{"LOWER": "ai"}, {"LOWER": "n't"}]], "attrs": {"LEMMA": "not"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"ORTH": "Port"}], [{"DEP": "neg", "TAG": "RB"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "VERB"}},  # a later rule over the same tokens
]


@pytest.fixture(scope="module")
def ruler() -> AttributeRuler:
    nlp = spacy.blank("en")
    built = nlp.add_pipe("attribute_ruler")
    assert isinstance(built, AttributeRuler)
    built.add_patterns(PATTERNS)
    return built


def made_doc(ruler: AttributeRuler, rows: list[tuple[str, str, str]]) -> Doc:
    words = [w for w, _, _ in rows]
    return Doc(
        ruler.vocab,
        words=words,
        spaces=[False] * len(words),
        tags=[t for _, t, _ in rows],
        deps=[d for _, _, d in rows],
        heads=[0] * len(words),
    )


tokens = st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS))


@settings(max_examples=300, deadline=None)
@given(st.lists(tokens, min_size=1, max_size=12))
def test_attribute_index_finds_what_the_matcher_finds(
    ruler: AttributeRuler, rows: list[tuple[str, str, str]]
) -> None:
    doc = made_doc(ruler, rows)
    index = AttributeIndex.of(ruler)
    assert index is not None
    assert index.match(doc) == AttributeRuler.match(ruler, doc)


def test_attribute_index_reads_in_not_in_and_regular_expressions(ruler: AttributeRuler) -> None:
    doc = made_doc(
        ruler, [("ai", "VBP", "ROOT"), ("n't", "RB", "neg"), ("nothin'", "NN", "dep"), ("the", "DT", "nsubj")]
    )
    index = AttributeIndex.of(ruler)
    assert index is not None
    rules = {(rule, start, end) for rule, _, start, end in index.match(doc)}
    assert {(2, 0, 1), (6, 0, 2), (3, 2, 3), (4, 3, 4), (8, 1, 2)} <= rules
    assert (5, 2, 3) not in rules  # "nothin'" is tagged NN, which the exclusion names


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "ferry", "OP": "+"}],
        [{"LENGTH": {">=": 3}}],
        [{"SHAPE": "Xxxx"}],
        [{}],
    ],
    ids=["operator", "comparison", "unread-attribute", "empty-token"],
)
def test_attribute_index_leaves_a_ruler_it_cannot_read_to_spacy(pattern: list[dict[str, object]]) -> None:
    nlp = spacy.blank("en")
    built = nlp.add_pipe("attribute_ruler")
    assert isinstance(built, AttributeRuler)
    built.add_patterns([{"patterns": [pattern], "attrs": {"POS": "NOUN"}}])
    assert AttributeIndex.of(built) is None
    assert index_attribute_ruler(nlp) is False
    assert "match" not in vars(built)


@pytest.mark.slow
def test_attribute_index_serves_the_models_ruler_exactly() -> None:
    nlp: Language = load_nlp(Settings().spacy_models)
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    assert "match" in vars(ruler), "load_nlp puts the index in front of the Matcher"
    text = (
        "The harbour master said he ain't sure the ferries will run, y' know, and it's nothin' new.\n\n"
        "“We have n't seen the pilots since Tuesday,” she told reporters in Dunmore's port office."
    )
    doc = nlp(text, disable=[NER])
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)
    assert [t.pos_ for t in doc if t.lower_ == "'s"] == ["AUX", "PART"]  # "it's", "Dunmore's"
