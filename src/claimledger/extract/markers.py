"""Attributions no reporting verb's subject gives.

"According to X", a speaker's label ("Varga: ..."), reportatives with no source
("reportedly", "is said to"), and quotations whose cue sits beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.contents import background_clauses
from claimledger.extract.found import Found, Skip, child_of, has_dep
from claimledger.extract.nlp import text_of
from claimledger.extract.spans import (
    CLOSE_QUOTES,
    DOUBLE_APOSTROPHE,
    STRAIGHT_QUOTE,
    Quote,
    Quotes,
    strip_final_period,
    subtree_range,
    trim,
)
from claimledger.extract.speakers import chain_of, last_word, phrase_of, possessive_chain, subject_of


def according_to(doc: Doc, skip: Skip) -> Iterator[Found]:
    """ "..., according to X" and "According to X, ..."."""
    for token in doc:
        if token.lower_ != "according" or skip(token.idx, token.idx + 1):
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = child_of(to, "pobj") if to is not None else None
        if to is None or source is None:
            continue
        clause = token.head if token.head.i != token.i else token.sent.root
        if clause.dep_ in {"aux", "auxpass"}:  # misparse: "According to X, Y is leading" on "is"
            clause = clause.head
        if token.left_edge.i <= clause.left_edge.i:  # "According to X, ..." opens the clause
            rest = [t for t in clause.subtree if t.i > token.right_edge.i and not t.is_space]
            if not rest:
                continue
            start, end = trim(text_of(doc), rest[0].idx, rest[-1].idx + len(rest[-1].text))
        else:
            start, end = subtree_range(clause, cut=[token])
        start, end = strip_final_period(text_of(doc), start, end)
        cue = (token.idx, to.idx + len(to.text))
        yield Found(
            token, cue, (start, end), clause, sources=possessive_chain(_described(source)), frame="according"
        )


def _described(source: Token) -> Span:
    """The source of "according to" with what describes it: "a CBS poll released Monday", "three
    sources who were not authorized to speak" (what follows the source is not what it says)."""
    left = source.left_edge.i
    return source.doc[left : last_word(source.doc, left, source.right_edge.i) + 1]


# "Name: words" at the start of a paragraph: a headline's speaker ("Mayor: Ferry will run") or
# a transcript's ("VARGA: We will reopen"). Up to four capitalised words before the colon.
_SPEAKER_LABEL = re.compile(
    r"^[ \t]*((?:[A-Z][\w.'’-]*|and|&)(?:[ \t]+(?:[A-Z][\w.'’-]*|and|&)){0,3}):[ \t]+(?=\S)", re.M
)


def speaker_labels(doc: Doc, results: list[Found], skip: Skip) -> Iterator[Found]:
    """ "Mayor Varga: Ferry will run again" opens a paragraph: the label speaks the rest."""
    text = text_of(doc)
    for match in _SPEAKER_LABEL.finditer(text):
        label_start, label_end = match.span(1)
        colon = match.end(1)
        if match.group(1).lower() in lx.NOT_SPEAKER_LABELS or skip(label_start, match.end()):
            continue
        line_end = text.find("\n", colon)
        start, end = strip_final_period(text, match.end(), len(text) if line_end < 0 else line_end)
        source = doc.char_span(label_start, label_end)
        content = doc.char_span(start, end, alignment_mode="expand")
        cue = doc.char_span(colon, colon + 1)
        if source is None or content is None or cue is None or len(content) < 2:
            continue
        if any(f.cue[0] <= colon < f.content[1] and f.content[0] <= colon for f in results):
            continue
        yield Found(cue.root, (colon, colon + 1), (start, end), content.root, sources=[source])


def reportatives(doc: Doc, results: list[Found], skip: Skip) -> Iterator[Found]:
    """ "The personnel would reportedly be recruited ..." with no source named anywhere."""
    for token in doc:
        if (
            token.lower_ not in lx.REPORTATIVE_ADVERBS
            or token.dep_ != "advmod"
            or skip(token.idx, token.idx + 1)
        ):
            continue
        if any(f.content[0] <= token.idx < f.content[1] for f in results):
            continue
        clause = token.head
        start, end = subtree_range(clause, cut=background_clauses(clause))
        start, end = strip_final_period(text_of(doc), start, end)
        found = Found(
            token, (token.idx, token.idx + len(token.text)), (start, end), clause, frame="reportative"
        )
        subject = _shared_subject(clause)
        if subject is not None and subject.end_char <= start:
            # "Meg Whitman is a Republican, but has reportedly been critical": who it is said of
            found.fragments = [(subject.start_char, subject.end_char), (start, end)]
        yield found


def _shared_subject(clause: Token) -> Span | None:
    """The subject a conjoined clause shares with the one before it, when it has none of its own."""
    if clause.dep_ != "conj" or has_dep(clause, {"nsubj", "nsubjpass", "expl"}):
        return None
    subject = child_of(clause.head, "nsubj", "nsubjpass")
    return phrase_of(subject) if subject is not None else None


def passive_reportatives(doc: Doc, results: list[Found], skip: Skip) -> Iterator[Found]:
    """ "The shipyard is said to have been sold": a report with no one named as its source."""
    for token in doc:
        if (
            token.lemma_.lower() not in lx.PASSIVE_REPORTATIVES
            or token.tag_ != "VBN"
            or child_of(token, "nsubjpass") is None
            or child_of(token, "xcomp") is None
            or child_of(token, "agent") is not None
            or skip(token.idx, token.idx + 1)
            or any(f.content[0] <= token.idx < f.content[1] or f.cue_token.i == token.i for f in results)
        ):
            continue
        aux = [c.idx for c in token.lefts if c.dep_ == "auxpass"]
        start, end = subtree_range(token, cut=background_clauses(token))
        start, end = strip_final_period(text_of(doc), start, end)
        cue = (min([token.idx, *aux]), token.idx + len(token.text))
        yield Found(token, cue, (start, end), child_of(token, "xcomp"), frame="reportative")


def attach_orphan_quotes(doc: Doc, quotes: Quotes, results: list[Found], skip: Skip) -> None:
    """A quotation no content covers belongs to the speaker whose cue ends or opens it.

    "“A,” the spokesperson said, “B.”" and "“A,” the spokesperson said. “B.”" give B to the
    same attribution as A, and so does a quotation that opens the next paragraph with nothing
    between ("“C.”"); "“D.” the spokesperson said." gives D to a cue that had no content of its own.
    """
    text = text_of(doc)
    for quote in quotes.quotes:
        words = len(text[quote.start : quote.end].split())
        if skip(quote.start, quote.end) or words < 2:
            continue
        # Covered by a content whose cue is outside it: a cue inside ("“The fact that ... tells you
        # ...”") is the quoted speaker's own wording, and leaves the quotation to its speaker.
        if any(
            f.content[0] <= quote.start
            and quote.end <= f.content[1] + 1
            and not quote.start <= f.cue[0] < quote.end
            for f in results
        ):
            continue
        # A quotation carries on a speaker only when it ends a sentence ("“B,” she added" has
        # a cue of its own), and a short one only when it also opens one ("“He is an
        # embarrassment.”"): inside a sentence it is more often a phrase the writer borrows.
        carries_on = _ends_sentence(text, quote) and (words >= 4 or _opens_sentence(text, quote.start))
        speaker = _speaker_carried_on(doc, quote.start, results) if carries_on else None
        if speaker is not None:
            if not speaker.fragments:
                speaker.fragments.append(speaker.content)
            speaker.fragments.append((quote.start, quote.end))
            continue
        bare = _bare_speech_cue(doc, quote.start, quote.end) if words >= 4 else None
        if bare is not None:
            results.append(bare)


def _speaker_carried_on(doc: Doc, start: int, results: list[Found]) -> Found | None:
    """The attribution whose direct quotation the one at `start` carries on.

    Either the cue stands between them and nothing but the cue's own sentence does ("“A,” said
    X, a strategist who advised the mayor. “B.”"), or the attribution's words end in a closing
    quotation mark and only white space follows before this one opens.
    """
    text = text_of(doc)
    for found in results:
        if found.frame in _NOT_CARRIED or not found.sources:
            continue
        end = max([found.content[1], *(piece[1] for piece in found.fragments)])
        if end > start:
            continue
        if found.content[1] <= found.cue[0] and found.cue[1] <= start:
            if _only_cue_sentence_between(doc, found.cue_token, end, start):
                return found
        elif not text[end:start].strip() and text[end - 1 : end] in _CLOSING_MARKS:
            return found
    return None


_NOT_CARRIED = frozenset({"decline", "reportative", "concern"})
_CLOSING_MARKS = frozenset({*CLOSE_QUOTES, STRAIGHT_QUOTE, "'"})


def _only_cue_sentence_between(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """Every word in `[start, end)` belongs to the cue's sentence (white space and marks may not)."""
    sentence = cue.sent
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return False
    return all(
        sentence.start <= token.i < sentence.end
        for token in first
        if not (token.is_space or token.is_punct or token.idx >= end)
    )


def _ends_sentence(text: str, quote: Quote) -> bool:
    """The quotation's last words end a sentence, or its paragraph ends with it."""
    inner = text[quote.start : quote.end - quote.mark].rstrip()
    after = text[quote.end : quote.end + 80].lstrip(" \t")
    return inner[-1:] in {".", "!", "?", "…"} or not after or after[0] == "\n"


def _opens_sentence(text: str, start: int) -> bool:
    """Only white space, or a sentence's end and its closing mark, comes before `start`."""
    before = text[max(0, start - 80) : start].rstrip()
    if before[-1:] in _CLOSING_MARKS:
        before = before[:-1]
    return not before or before[-1] in ".!?"


def _bare_speech_cue(doc: Doc, start: int, end: int) -> Found | None:
    """ "“...,” the minister said." where the parse gave the verb no complement."""
    quote_span = doc.char_span(start, end, alignment_mode="expand")
    if quote_span is None:
        return None
    window = doc[quote_span.end : min(quote_span.end + 12, len(doc))]
    for token in window:
        if token.is_sent_start and (token.i > quote_span.end or not _closes_quote(doc, quote_span.end)):
            break  # the next sentence has a speaker of its own, unless it opens right after the quote
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in lx.SPEECH_VERBS
            and not has_dep(token, {"neg", "ccomp", "xcomp"})
        ):
            subject = subject_of(token)
            if subject is not None:
                cue = (token.idx, token.idx + len(token.text))
                return Found(token, cue, (start, end), quote_span.root, sources=chain_of(token, subject))
        if token.text in {".", "!", "?"} or "\n" in token.text:
            break
    return None


def _closes_quote(doc: Doc, after: int) -> bool:
    """ "“We will reopen.” Varga said.": the token before `after` closes a quotation."""
    return after > 0 and doc[after - 1].text in {*CLOSE_QUOTES, STRAIGHT_QUOTE, DOUBLE_APOSTROPHE}
