"""Find attributions in a parsed report: cue, source chain and content, as character ranges.

Rules over spaCy's dependency parse, in passes: reporting verbs with their own subject;
participles and conjoined verbs that share a subject ("..., claiming that"); "according to";
chain links ("citing Y", "quoted Y as saying", "X's source"); reportative statements with no
source ("reportedly"); quotations whose cue sits in a neighbouring clause. Written by hand
because no library extracts attributions from English news; each rule is kept small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.cues import cue_lexicon, cue_preposition, frame_of
from claimledger.extract.nlp import text_of
from claimledger.extract.spans import (
    CLOSE_QUOTES,
    DOUBLE_APOSTROPHE,
    STRAIGHT_QUOTE,
    Quotes,
    strip_final_period,
    subtree_range,
    trim,
)

Skip = Callable[[int, int], bool]


@dataclass(slots=True)
class Found:
    """An attribution before it is described: token-level facts and character ranges."""

    cue_token: Token
    cue: tuple[int, int]
    content: tuple[int, int]
    content_root: Token | None
    sources: list[Span] = field(default_factory=list)
    fragments: list[tuple[int, int]] = field(default_factory=list)
    frame: str = "speech"  # speech, object, concern, according, reportative, decline, learned
    negated: bool = False
    inherited_from: Found | None = None
    # Where the source's verdict on the content is worded, when it is not in the content itself.
    judgement: tuple[int, int] | None = None


def find_attributions(doc: Doc, quotes: Quotes, *, skip: Skip) -> list[Found]:
    """All attributions in `doc`, in text order, none touching a range `skip` rejects."""
    by_cue: dict[int, Found] = {}
    for token in doc:
        if _is_cue_verb(token) and not skip(token.idx, token.idx + 1):
            found = _verb_attribution(token, by_cue)
            if found is not None:
                by_cue[token.i] = found
    for token in doc:
        if token.i not in by_cue and _is_cue_verb(token) and not skip(token.idx, token.idx + 1):
            found = _inherited_attribution(token, by_cue)
            if found is not None:
                by_cue[token.i] = found
    results = _without_nested_learned(list(by_cue.values()))
    results.extend(_according_to(doc, skip))
    _cut_nested_participles(results)
    for found in results:
        found.content = quotes.balance(*found.content)
    _attach_orphan_quotes(doc, quotes, results, skip)
    results.extend(_speaker_labels(doc, results, skip))
    results.extend(_reportatives(doc, results, skip))
    results.extend(_passive_reportatives(doc, results, skip))
    results = [f for f in results if not skip(*f.content) and _has_substance(doc, f.content)]
    return _deduplicated(sorted(results, key=lambda f: (f.content[0], f.cue[0])))


def _without_nested_learned(results: list[Found]) -> list[Found]:
    """Learned cues inside another attribution's content are left out.

    "She said the galleries would show the harbour's history": a verb the lexicon learned is
    a cue when it carries the report, rarely inside words already reported.
    """
    return [
        found
        for found in results
        if found.frame != "learned"
        or not any(
            other is not found and other.content[0] <= found.cue[0] < other.content[1] for other in results
        )
    ]


def _has_substance(doc: Doc, content: tuple[int, int]) -> bool:
    """Content that says something: not empty, not a bare "what" or "which"."""
    words = text_of(doc)[content[0] : content[1]].split()
    return bool(words) and not (len(words) == 1 and words[0].lower() in _WH_WORDS)


_WH_WORDS = frozenset({"what", "which", "who", "whom", "that", "this", "these", "those"})


_HAND_CUES = lx.SPEECH_VERBS | lx.OBJECT_VERBS | lx.CONCERN_VERBS | lx.DECLINE_VERBS


def _is_cue_verb(token: Token) -> bool:
    if not is_candidate_verb(token):
        return False
    lemma = token.lemma_.lower()
    return lemma in _HAND_CUES or cue_lexicon().accepts(lemma, frame_of(token))


def is_candidate_verb(token: Token) -> bool:
    """A verb placed where it could assert something: not a modifier, not a bare participle."""
    if token.pos_ != "VERB":
        return False
    if token.dep_ in {"amod", "acl", "compound"}:
        return False
    # A bare past participle ("troops claimed to be fighting") modifies a noun; it asserts nothing
    # unless it has a subject of its own (a tagger's VBN for "South Korea condemned Pyongyang").
    if token.tag_ == "VBN" and not _has_dep(token, {"aux", "auxpass", "nsubjpass"}):
        return _has_dep(token, {"nsubj"})
    return True


def _has_dep(token: Token, deps: set[str]) -> bool:
    return any(child.dep_ in deps for child in token.children)


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _verb_attribution(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    """A reporting verb with its own subject: "X said that ...", "X dismissed Y as ..."."""
    subject = _subject(verb)
    if subject is None or _speaks_inside_quote(verb, subject):
        return None
    found = _with_content(verb) or _parenthetical(verb)
    if found is None:
        return None
    found.sources = _chain(verb, subject)
    return found


def _parenthetical(verb: Token) -> Found | None:
    """ "The ferry, the mayor said, will run again": the words on either side of the cue.

    The parser hangs the cue on the clause it interrupts (parataxis); the content is that
    clause without the cue's own words, in one fragment or two.
    """
    if (
        verb.dep_ != "parataxis"
        or verb.lemma_.lower() not in lx.SPEECH_VERBS
        or _has_dep(verb, {"ccomp", "dobj", "xcomp", "neg"})
    ):
        return None
    head, doc = verb.head, verb.doc
    text = text_of(doc)
    after = _tokens_range(doc, verb.right_edge.i + 1, head.right_edge.i + 1)
    pieces = [
        trim(text, doc[head.left_edge.i].idx, verb.left_edge.idx),
        strip_final_period(text, *trim(text, *after)),
    ]
    fragments = [piece for piece in pieces if piece[1] > piece[0]]
    if not fragments:
        return None
    # The longest piece stands for the claim (the range around the cue would hold the cue's words).
    content = max(fragments, key=lambda piece: piece[1] - piece[0])
    found = Found(verb, _cue_range(verb, False), content, head, frame="speech")
    if len(fragments) > 1:
        found.fragments = fragments
    return found


def _tokens_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens `[start, end)`; empty at the next token when there are none."""
    if end <= start:
        offset = doc[start].idx if start < len(doc) else len(text_of(doc))
        return offset, offset
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _speaks_inside_quote(verb: Token, subject: Span) -> bool:
    """ "“We welcome observers,” he said": inside a quotation, "we" is the quoted speaker talking."""
    return subject.root.lower_ in _FIRST_PERSON and _inside_quotation(verb)


_FIRST_PERSON = frozenset({"i", "we", "you"})


def _inside_quotation(token: Token) -> bool:
    text = text_of(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    before = text[line_start : token.idx]
    opened = before.count("“") - before.count("”") + (before.count('"') % 2) + (before.count("''") % 2)
    return opened > 0


def _subject(verb: Token) -> Span | None:
    """The speaker: the active subject, the noun a "who said" clause hangs on, a passive "was quoted"."""
    nsubj = _child(verb, "nsubj")
    if nsubj is not None:
        if nsubj.lower_ in {"who", "that"} and verb.dep_ == "relcl":
            noun = verb.head
            doc = noun.doc
            return doc[noun.left_edge.i : _before_comma(verb.left_edge.i, noun.left_edge.i, doc)]
        if nsubj.lower_ in {"it", "there", "this", "that", "which", "what"}:
            return None
        return _phrase(nsubj)
    passive = _child(verb, "nsubjpass")
    if passive is not None and verb.lemma_.lower() == "quote":
        return _phrase(passive)  # "X was quoted as saying"
    return None


def _before_comma(end: int, start: int, doc: Doc) -> int:
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _phrase(token: Token) -> Span:
    """The noun phrase headed by `token`, without a trailing relative clause or punctuation."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for child in token.rights:
        if child.dep_ in {"relcl", "acl"} and child.left_edge.i > token.i:
            right = min(right, child.left_edge.i - 1)
    while right > left and (doc[right].is_punct or doc[right].is_space) and not _closes(doc, left, right):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left : right + 1]


def _closes(doc: Doc, left: int, right: int) -> bool:
    """A closing bracket whose opening one is in the phrase: "Sen. Ada Brennick (R-Dunmore)"."""
    closing = doc[right].text
    opening = {")": "(", "]": "["}.get(closing)
    if opening is None:
        return False
    inside = doc[left:right]
    return sum(t.text == opening for t in inside) > sum(t.text == closing for t in inside)


def _with_content(verb: Token) -> Found | None:
    """The content of a reporting verb, by the hand rules first, then by the learned lexicon."""
    return _hand_content(verb) or _learned_content(verb)


def _learned_content(verb: Token) -> Found | None:
    """A verb the cue lexicon learned from PolNeAR ("a poll *shows* ...", "*called for* ...").

    The content is the complement the verb was learned with; a negated learned cue is left out,
    since its stance ("does not support") is not one the hand lists can name.
    """
    frame, lemma = frame_of(verb), verb.lemma_.lower()
    if (
        lemma in _NOT_LEARNED
        or not cue_lexicon().accepts(lemma, frame)
        or _has_dep(verb, {"neg"})
        or _inside_quotation(verb)
    ):
        return None
    cue = _cue_range(verb, False)
    complement = _child(verb, frame)
    if frame == "ccomp" and complement is not None:
        return Found(verb, cue, _clause_range(complement), complement, frame="learned")
    if frame == "xcomp" and complement is not None:
        content = subtree_range(complement, cut=_background_clauses(complement))
        return Found(verb, cue, content, complement, frame="learned")
    if frame == "dobj" and complement is not None:
        parts = [complement, *(c for c in verb.rights if c.i > complement.i and _continues_object(c))]
        return Found(verb, cue, _parts_range(parts), complement, frame="learned")
    prep = cue_preposition(verb) if frame == "prep" else None
    target = _child(prep, "pobj", "pcomp") if prep is not None else None
    if prep is None or target is None:
        return None
    content = subtree_range(target, cut=_background_clauses(target))
    return Found(verb, (cue[0], prep.idx + len(prep.text)), content, target, frame="learned")


# Verbs the hand rules read in every frame they mean something in; raising verbs ("seems to")
# hedge their subject's own clause rather than attribute it.
_NOT_LEARNED = (
    lx.SPEECH_VERBS
    | lx.DECLINE_VERBS
    | lx.CONCERN_VERBS
    | lx.RAISING_HEDGES
    | lx.CITING_VERBS
    | lx.LEARNED_CUES_LEFT_OUT
)


def _hand_content(verb: Token) -> Found | None:
    """The content of a verb of the hand lists, by the frame the verb takes."""
    lemma = verb.lemma_.lower()
    negated = _has_dep(verb, {"neg"})
    clause = _clause_complement(verb)
    if clause is not None and lemma in lx.SPEECH_VERBS:
        return Found(
            verb, _cue_range(verb, negated), _clause_range(clause), clause, frame="speech", negated=negated
        )
    if lemma in lx.CONCERN_VERBS:
        return _concern(verb, negated)
    if lemma in lx.DECLINE_VERBS:
        return _declined(verb)
    if lemma in lx.OBJECT_VERBS:
        obj = _child(verb, "dobj")
        if obj is None:
            return None
        if obj.lower_ in {"which", "that", "whom"} and verb.dep_ == "relcl":
            # "the report, which Vessaria called a fantasy": the content is what "which" stands for
            antecedent = _noun_phrase_top(verb.head)
            start, end = antecedent.left_edge.idx, verb.left_edge.idx
            content = trim(text_of(verb.doc), start, end)
            found = Found(
                verb, _cue_range(verb, negated), content, antecedent, frame="object", negated=negated
            )
            found.judgement = (verb.idx, verb.right_edge.idx + len(verb.right_edge.text))
            return found
        parts = [obj, *(c for c in verb.rights if c.i > obj.i and _continues_object(c))]
        return Found(
            verb, _cue_range(verb, negated), _parts_range(parts), obj, frame="object", negated=negated
        )
    return None


def _clause_complement(verb: Token) -> Token | None:
    """The clause a verb of saying reports: its ccomp, or the ccomp under "as saying"."""
    clause = _child(verb, "ccomp")
    if clause is not None:
        return clause
    if verb.lemma_.lower() in lx.COGNITION_VERBS:
        return None
    for child in verb.children:  # "X reported, citing Y, that ...": the parser hangs the clause on "citing"
        if child.dep_ == "advcl" and child.lemma_.lower() in lx.CITING_VERBS:
            clause = _child(child, "ccomp")
            if clause is not None:
                return clause
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            saying = _child(child, "pcomp")
            if saying is not None:
                return _child(saying, "ccomp")
    xcomp = _child(verb, "xcomp")
    if xcomp is not None and verb.lemma_.lower() in {"claim", "allege", "say", "report", "deny"}:
        return xcomp if _child(verb, "nsubjpass") is None else None
    return None


def _noun_phrase_top(noun: Token) -> Token:
    """The head of the whole noun phrase around `noun`: "the report of launchers heading for *the valley*"."""
    while noun.dep_ in {"pobj", "prep", "acl", "compound", "nmod", "poss"} and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _continues_object(token: Token) -> bool:
    """What follows the object and still says what was praised or blamed: "as ...", "for ...", "of ..."."""
    return _is_as_complement(token) or (token.dep_ == "prep" and token.lower_ in _OBJECT_PREPOSITIONS)


_OBJECT_PREPOSITIONS = frozenset({"for", "of", "against", "about"})


def _is_as_complement(token: Token) -> bool:
    """ "... dismissed the claims *as a groundless rumour*", "... called it *a fabrication*"."""
    if token.dep_ == "prep" and token.lower_ == "as":
        return True
    if token.dep_ in {"oprd", "xcomp"}:
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def _parts_range(parts: list[Token]) -> tuple[int, int]:
    """From the first part's left edge to the end of the last part, narration cut."""
    start = min(p.left_edge.idx for p in parts)
    return start, subtree_range(parts[-1], cut=_background_clauses(parts[-1]))[1]


def _background_clauses(root: Token) -> list[Token]:
    """Clauses inside a content that are not the speaker's claim, cut when they end it.

    A "which"/"who" clause after a comma is the outlet's background ("Russia, which invaded
    Ukraine in 2022"), unlike "the mill, where the road was washed away"; a clause after a
    closing quotation mark is the outlet's narration ("... as 'not directed against us' after
    Seoul summoned ..."); a participle that is itself a cue starts a new attribution.
    """
    return [token for token in root.subtree if _is_background(token)]


def _is_background(token: Token) -> bool:
    doc = token.doc
    before = doc[token.left_edge.i - 1].text if token.left_edge.i > 0 else ""
    if token.dep_ == "relcl":
        return before == "," and _is_which_clause(token)
    if token.dep_ == "advcl" and before in '”"':
        return True
    return token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and _is_cue_verb(token)


def _is_which_clause(clause: Token) -> bool:
    return any(t.lower_ in {"which", "who", "whom", "whose"} for t in clause.subtree if t.i <= clause.i)


def _clause_range(clause: Token) -> tuple[int, int]:
    drop = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"}]
    return subtree_range(clause, cut=_background_clauses(clause), drop=drop)


def _cue_range(verb: Token, negated: bool) -> tuple[int, int]:
    """The cue: the verb, or "has not confirmed" when negation makes the cue."""
    start = verb.idx
    if negated:
        for child in verb.lefts:
            if child.dep_ in {"aux", "neg"}:
                start = min(start, child.idx)
    return start, verb.idx + len(verb.text)


def _concern(verb: Token, negated: bool) -> Found | None:
    """ "voiced concern about X": the cue runs from the verb's auxiliary to the preposition."""
    noun = _child(verb, "dobj")
    if noun is None or noun.lower_ not in lx.CONCERN_NOUNS:
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"about", "over", "at"}), None)
    if prep is None:
        prep = next(
            (c for c in verb.rights if c.dep_ == "prep" and c.lower_ in {"about", "over", "at"}), None
        )
    if prep is None:
        return None
    target = _child(prep, "pobj", "pcomp")
    if target is None:
        return None
    aux = [c.idx for c in verb.lefts if c.dep_ in {"aux", "neg"}]
    cue = (min([verb.idx, *aux]), prep.idx + len(prep.text))
    content = subtree_range(target, cut=_background_clauses(target))
    return Found(verb, cue, content, target, frame="concern", negated=negated)


def _declined(verb: Token) -> Found | None:
    """ "declined to comment on the reports", "refused to confirm the figure"."""
    action = _child(verb, "xcomp")
    if action is None or action.lemma_.lower() not in lx.CONFIRMATION_VERBS:
        return None
    target = _child(action, "dobj")
    if target is None:
        on = next((c for c in action.children if c.dep_ == "prep" and c.lower_ in {"on", "about"}), None)
        target = _child(on, "pobj") if on is not None else None
    if target is None:
        return None
    cue = (verb.idx, action.idx + len(action.text))
    return Found(verb, cue, subtree_range(target, cut=_background_clauses(target)), target, frame="decline")


def _chain(verb: Token, subject: Span) -> list[Span]:
    """The sources from outermost to origin: X; X citing Y; X quoting Y; X's source."""
    chain = _possessive_chain(subject)
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in lx.CITING_VERBS:
            cited = _child(child, "dobj")
            if cited is not None:
                chain.extend(_possessive_chain(_phrase(cited)))
    if verb.lemma_.lower() == "quote":
        quoted = _child(verb, "dobj")
        if quoted is not None:
            chain.extend(_possessive_chain(_phrase(quoted)))
    return chain


def _possessive_chain(phrase: Span) -> list[Span]:
    """ "Yonhap's source" names two links: the outlet, then its source."""
    head = phrase.root
    if head.lower_ in {"source", "sources", "informant", "informants"}:
        owner = _child(head, "poss")
        if owner is not None and owner.pos_ == "PROPN":
            return [phrase.doc[owner.left_edge.i : owner.i + 1], phrase]
    return [phrase]


def _inherited_attribution(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    """A verb with no subject of its own that shares its speaker's: "..., claiming that"; "but defended"."""
    if verb.lemma_.lower() in lx.CITING_VERBS:
        return None
    speaker = _speaker_above(verb, by_cue)
    if speaker is None:
        return _shared_subject_attribution(verb)
    found = _with_content(verb)
    if found is None:
        return None
    found.sources = list(speaker.sources)
    found.inherited_from = speaker
    return found


def _shared_subject_attribution(verb: Token) -> Found | None:
    """ "The senator toured the plant and said ...", "She rallied supporters, saying ...".

    The speaker is the subject of the verb this one is conjoined to or hangs on as a participle,
    when that verb is not itself a cue.
    """
    subject = _borrowed_subject(verb)
    if subject is None:
        return None
    found = _with_content(verb)
    if found is None:
        return None
    found.sources = _chain(verb, subject)
    return found


def _borrowed_subject(verb: Token) -> Span | None:
    if _has_dep(verb, {"nsubj", "nsubjpass"}):
        return None
    participle = verb.tag_ == "VBG"
    if (verb.dep_ == "conj" and _same_finiteness(verb, verb.head)) or (participle and verb.dep_ == "advcl"):
        governor = verb.head
    elif participle and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ != "as":
        governor = verb.head.head  # "by saying", "after saying"; "quoted X as saying" is X's
    else:
        return None
    if governor.pos_ not in {"VERB", "AUX"}:
        return None
    subject = _subject(governor)
    if subject is None or _speaks_inside_quote(verb, subject):
        return None
    return subject


def _speaker_above(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    if verb.dep_ == "conj":
        head = by_cue.get(verb.head.i)
        if head is not None and _same_finiteness(verb, verb.head):
            return head
        return None
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    for ancestor in verb.ancestors:
        if ancestor.i in by_cue:
            return by_cue[ancestor.i]
    return None


def _same_finiteness(verb: Token, head: Token) -> bool:
    def finite(token: Token) -> bool:
        return token.tag_ in {"VBD", "VBZ", "VBP"} or (token.tag_ == "VBN" and _has_dep(token, {"aux"}))

    return (finite(verb) and finite(head)) or verb.tag_ == head.tag_ == "VBG"


def _cut_nested_participles(results: list[Found]) -> None:
    """A participle that carries on the speaker's words ends the content before it."""
    for found in results:
        if found.inherited_from is None or found.cue_token.dep_ != "advcl":
            continue
        outer = found.inherited_from
        if outer.content[0] < found.cue[0] < outer.content[1]:
            doc = found.cue_token.doc
            start = found.cue_token.left_edge.idx
            outer.content = trim(text_of(doc), outer.content[0], start)


def _according_to(doc: Doc, skip: Skip) -> Iterator[Found]:
    """ "..., according to X" and "According to X, ..."."""
    for token in doc:
        if token.lower_ != "according" or skip(token.idx, token.idx + 1):
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = _child(to, "pobj") if to is not None else None
        if to is None or source is None:
            continue
        clause = token.head if token.head.i != token.i else token.sent.root
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
            token, cue, (start, end), clause, sources=_possessive_chain(_phrase(source)), frame="according"
        )


# "Name: words" at the start of a paragraph: a headline's speaker ("Mayor: Ferry will run") or
# a transcript's ("VARGA: We will reopen"). Up to four capitalised words before the colon.
_SPEAKER_LABEL = re.compile(
    r"^[ \t]*((?:[A-Z][\w.'’-]*|and|&)(?:[ \t]+(?:[A-Z][\w.'’-]*|and|&)){0,3}):[ \t]+(?=\S)", re.M
)


def _speaker_labels(doc: Doc, results: list[Found], skip: Skip) -> Iterator[Found]:
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


def _reportatives(doc: Doc, results: list[Found], skip: Skip) -> Iterator[Found]:
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
        start, end = subtree_range(clause, cut=_background_clauses(clause))
        start, end = strip_final_period(text_of(doc), start, end)
        yield Found(
            token, (token.idx, token.idx + len(token.text)), (start, end), clause, frame="reportative"
        )


def _passive_reportatives(doc: Doc, results: list[Found], skip: Skip) -> Iterator[Found]:
    """ "The shipyard is said to have been sold": a report with no one named as its source."""
    for token in doc:
        if (
            token.lemma_.lower() not in lx.PASSIVE_REPORTATIVES
            or token.tag_ != "VBN"
            or _child(token, "nsubjpass") is None
            or _child(token, "xcomp") is None
            or _child(token, "agent") is not None
            or skip(token.idx, token.idx + 1)
            or any(f.content[0] <= token.idx < f.content[1] or f.cue_token.i == token.i for f in results)
        ):
            continue
        aux = [c.idx for c in token.lefts if c.dep_ == "auxpass"]
        start, end = subtree_range(token, cut=_background_clauses(token))
        start, end = strip_final_period(text_of(doc), start, end)
        cue = (min([token.idx, *aux]), token.idx + len(token.text))
        yield Found(token, cue, (start, end), _child(token, "xcomp"), frame="reportative")


def _attach_orphan_quotes(doc: Doc, quotes: Quotes, results: list[Found], skip: Skip) -> None:
    """A quotation no content covers belongs to the speaker whose cue ends or opens it.

    "“A,” the spokesperson said, “B.”" gives B to the same attribution as A; "“C.” the
    spokesperson said." gives C to a cue that had no content of its own.
    """
    for quote in quotes.quotes:
        if skip(quote.start, quote.end) or len(text_of(doc)[quote.start : quote.end].split()) < 4:
            continue
        if any(f.content[0] <= quote.start and quote.end <= f.content[1] + 1 for f in results):
            continue
        speaker = _speaker_next_to(quote.start, results)
        if speaker is not None:
            if not speaker.fragments:
                speaker.fragments.append(speaker.content)
            speaker.fragments.append((quote.start, quote.end))
            continue
        bare = _bare_speech_cue(doc, quote.start, quote.end)
        if bare is not None:
            results.append(bare)


def _speaker_next_to(start: int, results: list[Found]) -> Found | None:
    """A direct quotation's attribution that this one continues, split around the cue."""
    for found in results:
        if found.frame != "speech" or not found.sources:
            continue
        gap_start, gap_end = found.content[1], start
        if 0 <= gap_end - gap_start <= 80 and found.cue[0] >= found.content[1] and found.cue[1] <= start:
            return found
    return None


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
            and not _has_dep(token, {"neg", "ccomp", "xcomp"})
        ):
            subject = _subject(token)
            if subject is not None:
                cue = (token.idx, token.idx + len(token.text))
                return Found(token, cue, (start, end), quote_span.root, sources=_chain(token, subject))
        if token.text in {".", "!", "?"} or "\n" in token.text:
            break
    return None


def _closes_quote(doc: Doc, after: int) -> bool:
    """ "“We will reopen.” Varga said.": the token before `after` closes a quotation."""
    return after > 0 and doc[after - 1].text in {*CLOSE_QUOTES, STRAIGHT_QUOTE, DOUBLE_APOSTROPHE}


def _deduplicated(results: list[Found]) -> list[Found]:
    seen: set[tuple[int, int, int, int]] = set()
    kept = []
    for found in results:
        key = (*found.cue, *found.content)
        if key not in seen:
            seen.add(key)
            kept.append(found)
    return kept
