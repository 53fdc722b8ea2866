"""What is said: the content a cue takes, by the frame its verb is used in.

A clause, an object, "concern about", "declined to".

Hand-written for the same reason as `attribution.py`: no library reads attribution frames from a parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract import lexicon as lx
from claimledger.extract.cues import cue_lexicon, cue_preposition, frame_of
from claimledger.extract.found import Found, child_of, has_dep, is_cue_verb
from claimledger.extract.nlp import text_of
from claimledger.extract.spans import (
    strip_final_period,
    subtree_range,
    trim,
)
from claimledger.extract.speakers import inside_quotation


def with_content(verb: Token) -> Found | None:
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
        or has_dep(verb, {"neg"})
        or inside_quotation(verb)
    ):
        return None
    cue = cue_range(verb, False)
    complement = child_of(verb, frame)
    if frame == "ccomp" and complement is not None:
        return Found(verb, cue, _clause_range(complement), complement, frame="learned")
    if frame == "xcomp" and complement is not None:
        content = subtree_range(complement, cut=background_clauses(complement))
        return Found(verb, cue, content, complement, frame="learned")
    if frame == "dobj" and complement is not None:
        parts = [complement, *(c for c in verb.rights if c.i > complement.i and _continues_object(c))]
        return Found(verb, cue, _parts_range(parts), complement, frame="learned")
    prep = cue_preposition(verb) if frame == "prep" else None
    target = child_of(prep, "pobj", "pcomp") if prep is not None else None
    if prep is None or target is None:
        return None
    content = subtree_range(target, cut=background_clauses(target))
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
    negated = has_dep(verb, {"neg"})
    clause = _clause_complement(verb)
    if clause is not None and lemma in lx.SPEECH_VERBS:
        content = _with_second_clause(verb, clause, _clause_range(clause))
        return Found(verb, cue_range(verb, negated), content, clause, frame="speech", negated=negated)
    if lemma in lx.CONCERN_VERBS:
        return _concern(verb, negated)
    if lemma in lx.DECLINE_VERBS:
        return _declined(verb)
    if lemma in lx.OBJECT_VERBS:
        obj = child_of(verb, "dobj")
        if obj is None:
            return None
        if obj.lower_ in {"which", "that", "whom"} and verb.dep_ == "relcl":
            # "the report, which Vessaria called a fantasy": the content is what "which" stands for
            antecedent = _noun_phrase_top(verb.head)
            start, end = antecedent.left_edge.idx, verb.left_edge.idx
            content = trim(text_of(verb.doc), start, end)
            found = Found(
                verb, cue_range(verb, negated), content, antecedent, frame="object", negated=negated
            )
            found.judgement = (verb.idx, verb.right_edge.idx + len(verb.right_edge.text))
            return found
        parts = [obj, *(c for c in verb.rights if c.i > obj.i and _continues_object(c))]
        return Found(
            verb, cue_range(verb, negated), _parts_range(parts), obj, frame="object", negated=negated
        )
    return None


def _with_second_clause(verb: Token, clause: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The content run on over a second clause the parser joined to the cue rather than to the
    first one: "said the service had doubled patrols, but that traffic was moving normally", "said
    the harbour was fit to reopen - but she is adapting the plan".

    The second clause has its own subject and is no cue itself ("..., and added that" is a
    second attribution). PolNeAR's annotators count such a clause in the content (140 held-out
    train articles: all exact 45.5 -> 45.9; with only clauses opened by "that", 45.6).
    """
    if clause.i < verb.i:
        return content  # "“A,” she said, “and B.”": the quotation's own pieces
    for conj in verb.rights:
        if conj.dep_ not in {"conj", "ccomp"} or conj.i <= clause.i or conj.pos_ not in {"VERB", "AUX"}:
            continue
        if is_cue_verb(conj) or not has_dep(conj, {"nsubj", "nsubjpass"}):
            continue
        # "but" hangs on the cue ("said X, but that Y") or opens a second complement ("- but she is")
        joined = [*verb.children, *conj.lefts]
        if any(c.dep_ == "cc" and clause.right_edge.i < c.i < conj.i for c in joined):
            text = text_of(verb.doc)
            return strip_final_period(text, content[0], conj.right_edge.idx + len(conj.right_edge.text))
    return content


def _clause_complement(verb: Token) -> Token | None:
    """The clause a verb of saying reports: its ccomp, or the ccomp under "as saying"."""
    clause = child_of(verb, "ccomp")
    if clause is not None:
        return clause
    if verb.lemma_.lower() in lx.COGNITION_VERBS:
        return None
    for child in verb.children:  # "X reported, citing Y, that ...": the parser hangs the clause on "citing"
        if child.dep_ == "advcl" and child.lemma_.lower() in lx.CITING_VERBS:
            clause = child_of(child, "ccomp")
            if clause is not None:
                return clause
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            saying = child_of(child, "pcomp")
            if saying is not None:
                return child_of(saying, "ccomp")
    xcomp = child_of(verb, "xcomp")
    if xcomp is not None and verb.lemma_.lower() in {"claim", "allege", "say", "report", "deny"}:
        return xcomp if child_of(verb, "nsubjpass") is None else None
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
    return start, subtree_range(parts[-1], cut=background_clauses(parts[-1]))[1]


def background_clauses(root: Token) -> list[Token]:
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
    return token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and is_cue_verb(token)


def _is_which_clause(clause: Token) -> bool:
    return any(t.lower_ in {"which", "who", "whom", "whose"} for t in clause.subtree if t.i <= clause.i)


def _clause_range(clause: Token) -> tuple[int, int]:
    drop = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"}]
    return subtree_range(clause, cut=background_clauses(clause), drop=drop)


def cue_range(verb: Token, negated: bool) -> tuple[int, int]:
    """The cue: the verb, or "has not confirmed" when negation makes the cue."""
    start = verb.idx
    if negated:
        for child in verb.lefts:
            if child.dep_ in {"aux", "neg"}:
                start = min(start, child.idx)
    return start, verb.idx + len(verb.text)


def _concern(verb: Token, negated: bool) -> Found | None:
    """ "voiced concern about X": the cue runs from the verb's auxiliary to the preposition."""
    noun = child_of(verb, "dobj")
    if noun is None or noun.lower_ not in lx.CONCERN_NOUNS:
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"about", "over", "at"}), None)
    if prep is None:
        prep = next(
            (c for c in verb.rights if c.dep_ == "prep" and c.lower_ in {"about", "over", "at"}), None
        )
    if prep is None:
        return None
    target = child_of(prep, "pobj", "pcomp")
    if target is None:
        return None
    aux = [c.idx for c in verb.lefts if c.dep_ in {"aux", "neg"}]
    cue = (min([verb.idx, *aux]), prep.idx + len(prep.text))
    content = subtree_range(target, cut=background_clauses(target))
    return Found(verb, cue, content, target, frame="concern", negated=negated)


def _declined(verb: Token) -> Found | None:
    """ "declined to comment on the reports", "refused to confirm the figure"."""
    action = child_of(verb, "xcomp")
    if action is None or action.lemma_.lower() not in lx.CONFIRMATION_VERBS:
        return None
    target = child_of(action, "dobj")
    if target is None:
        on = next((c for c in action.children if c.dep_ == "prep" and c.lower_ in {"on", "about"}), None)
        target = child_of(on, "pobj") if on is not None else None
    if target is None:
        return None
    cue = (verb.idx, action.idx + len(action.text))
    return Found(verb, cue, subtree_range(target, cut=background_clauses(target)), target, frame="decline")
