"""Who speaks: a reporting verb's subject as a source phrase, and the chain it opens ("citing Y")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.found import child_of
from claimledger.extract.nlp import text_of


def tokens_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens `[start, end)`; empty at the next token when there are none."""
    if end <= start:
        offset = doc[start].idx if start < len(doc) else len(text_of(doc))
        return offset, offset
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def speaks_inside_quote(verb: Token, subject: Span) -> bool:
    """ "“We welcome observers,” he said": inside a quotation, "we" is the quoted speaker talking."""
    return subject.root.lower_ in _FIRST_PERSON and inside_quotation(verb)


_FIRST_PERSON = frozenset({"i", "we", "you"})


def inside_quotation(token: Token) -> bool:
    text = text_of(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    before = text[line_start : token.idx]
    opened = before.count("“") - before.count("”") + (before.count('"') % 2) + (before.count("''") % 2)
    return opened > 0


def subject_of(verb: Token) -> Span | None:
    """The speaker: the active subject, the noun a "who said" clause hangs on, a passive "was quoted"."""
    nsubj = child_of(verb, "nsubj")
    if nsubj is not None:
        if nsubj.lower_ in {"who", "that"} and verb.dep_ == "relcl":
            noun = verb.head
            doc = noun.doc
            return doc[noun.left_edge.i : _before_comma(verb.left_edge.i, noun.left_edge.i, doc)]
        if nsubj.lower_ in {"it", "there", "this", "that", "which", "what"}:
            return None
        return phrase_of(nsubj)
    passive = child_of(verb, "nsubjpass")
    if passive is not None and verb.lemma_.lower() == "quote":
        return phrase_of(passive)  # "X was quoted as saying"
    return None


def _before_comma(end: int, start: int, doc: Doc) -> int:
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def phrase_of(token: Token) -> Span:
    """The noun phrase headed by `token`, without a trailing relative clause or punctuation."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for child in token.rights:
        if child.dep_ in {"relcl", "acl"} and child.left_edge.i > token.i:
            right = min(right, child.left_edge.i - 1)
    right = last_word(doc, left, right)
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left : right + 1]


def last_word(doc: Doc, left: int, right: int) -> int:
    """`right` moved back over trailing punctuation and space, but not past `left` or over a
    bracket the phrase `[left, right]` opened."""
    while right > left and (doc[right].is_punct or doc[right].is_space):
        if closes_bracket(doc, left, right):
            break
        right -= 1
    return right


def closes_bracket(doc: Doc, left: int, right: int) -> bool:
    """A closing bracket whose opening one is in the phrase: "Sen. Ada Brennick (R-Dunmore)"."""
    closing = doc[right].text
    opening = {")": "(", "]": "["}.get(closing)
    if opening is None:
        return False
    inside = doc[left:right]
    return sum(t.text == opening for t in inside) > sum(t.text == closing for t in inside)


def chain_of(verb: Token, subject: Span) -> list[Span]:
    """The sources from outermost to origin: X; X citing Y; X quoting Y; X's source."""
    chain = possessive_chain(subject)
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in lx.CITING_VERBS:
            cited = child_of(child, "dobj")
            if cited is not None:
                chain.extend(possessive_chain(phrase_of(cited)))
    if verb.lemma_.lower() == "quote":
        quoted = child_of(verb, "dobj")
        if quoted is not None:
            chain.extend(possessive_chain(phrase_of(quoted)))
    return chain


def possessive_chain(phrase: Span) -> list[Span]:
    """ "Yonhap's source" names two links: the outlet, then its source."""
    head = phrase.root
    if head.lower_ in {"source", "sources", "informant", "informants"}:
        owner = child_of(head, "poss")
        if owner is not None and owner.pos_ == "PROPN":
            return [phrase.doc[owner.left_edge.i : owner.i + 1], phrase]
    return [phrase]
