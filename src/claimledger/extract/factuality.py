"""How committed a text is to an event having happened, on the −3…+3 scale of the event-factuality datasets.

`factuality_of(token)` is the one entry point: +3 the event certainly happened, −3 it certainly did not,
0 the text does not commit. It reads the event with rules, then corrects the reading with a linear model
(`extract/factuality_model.py`); `certainty_of_value` names the value with claimledger's certainty
categories. The extractor reads each content's main predicate below its cue this way, and a positive
value weaker than the hedges' certainty weakens the attribution's certainty ("troops should withdraw").

The rules climb from the event word to the clauses that govern it. Each step keeps a share of the
author's commitment: hedges ("may", "reportedly") on the event or a governing predicate weaken it,
reporting verbs weaken it a little, wanting, planning and "if" clauses leave it between 0 and +1.5,
denials and negative implicatives ("failed to") turn it towards −, and a negation flips its sign.
The hedge words come from claimledger's own certainty rules (`hedges_of`, `certainty_of`); the
shares (in `factuality_lexicon.py`) were set by reading the datasets' train splits, never dev.

Figures on the train splits (Pearson r / MAE): the rules alone, UW 0.789 / 0.420, MEANTIME 0.653 /
0.377; with the learned correction, cross-validated, UW 0.817 / 0.400, MEANTIME 0.660 (0.672 / 0.284
moved up 0.5 and clipped to +3, as bench/factuality.py puts it on MEANTIME's scale; 0.638 / 0.239
through the certainty categories of `certainty_of_value`, as it did before). Dev, measured
once when the learned correction came: UW 0.772 / 0.457 (0.737 / 0.477 before), MEANTIME 0.442 / 0.285
(0.477 / 0.476); once when particles were read as their verb and the bench moved MEANTIME up 0.5:
UW 0.770 / 0.458, MEANTIME 0.495 / 0.343; once after the readings of what is kept from, where a change
in value ended, irrealis nouns and wanted objects: UW 0.768 / 0.459, MEANTIME 0.502 / 0.344 (195
events: within the noise of the one before).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from claimledger.extract import factuality_lexicon as fl
from claimledger.extract.certainty import certainty_of, hedges_of
from claimledger.extract.factuality_model import features_of, shipped_model
from claimledger.models import Certainty

# The least |value| each certainty names. Chosen on the MEANTIME train split, whose labels are these
# categories (certain ±3, probable 1.5, possible 0.75, underspecified 0): cross-validated r there
# 0.602 with 1.5 / 1.0 / 0.5, 0.588 with 1.75 / 1.0 / 0.5, 0.535 with 2.0 / 1.0 / 0.5.
CERTAINTY_FLOORS: tuple[tuple[float, Certainty], ...] = (
    (1.5, "certain"),
    (1.0, "probable"),
    (0.5, "possible"),
)


@dataclass(frozen=True)
class EventReading:
    """What claimledger makes of one event: its hedges, negations, governing frames and its value."""

    hedges: tuple[str, ...]
    negated: bool
    frames: tuple[str, ...]
    value: float


def factuality_of(target: Token, *, below: Token | None = None) -> float:
    """The text's commitment to the event `target` names, on −3…+3 (+3 happened, −3 did not, 0 open).

    The rules' reading (`read_event`), corrected by the model learned on the train splits. With
    `below` (a reporting cue), the commitment of whoever the cue quotes: the climb stops under it.
    """
    target = event_word(target)
    reading = read_event(target, below=below)
    return round(shipped_model().predict(features_of(target, reading)), 3)


def event_word(target: Token) -> Token:
    """The word whose clause holds the event: a verb's particle or adverb stands for the verb.

    "step *down*", "break *even*", "bring it *back*": the event is the phrasal verb, so it is read
    from the verb (on MEANTIME train, cross-validated r 0.632 -> 0.639, UW unchanged).
    """
    if target.head.pos_ in {"VERB", "AUX"} and (
        target.dep_ == "prt" or (target.pos_ == "ADV" and target.dep_ == "advmod")
    ):
        return target.head
    return target


def certainty_of_value(value: float) -> Certainty:
    """The certainty a commitment value is held with, whichever way it points ("did not" is certain too)."""
    return next((name for floor, name in CERTAINTY_FLOORS if abs(value) >= floor), "unknown")


def weaker_certainty(first: Certainty, second: Certainty) -> Certainty:
    """The less certain of two certainties."""
    order: tuple[Certainty, ...] = ("unknown", "possible", "probable", "certain")
    return min(first, second, key=order.index)


def read_event(target: Token, *, below: Token | None = None) -> EventReading:
    """Claimledger's reading of the event `target` names, from its own words and the clauses above it.

    The climb stops under `below` when it reaches it.
    """
    share = 1.0 if target.pos_ in {"VERB", "AUX"} else fl.SHARE["noun"]
    if target.dep_ == "compound":
        share *= fl.SHARE["modifier_noun"]
    local_share, hedges, negated = _local_modality(target, own=True)
    share *= local_share * (fl.NEGATED_SHARE if negated else 1.0)
    frames: list[str] = []
    if _called_off(target):
        share *= fl.SHARE["cancelled"]
        negated = not negated
        frames.append("cancelled")
    shares_polarity = True  # still in the head's own clause (conjunct, object, predicate adjective)
    direct = True  # still the head's own complement: "denied *crossing*", not "denied what *prompted* it"
    for child, head in _governors(target, below):
        frame, step = _step_frame(target, child, head, direct=direct)
        # "dismissed reports *that* troops crossed": a content noun passes its clause on to its verb
        direct = direct and (
            (frame in {"conj", "copula"} and target.pos_ in {"VERB", "AUX", "ADJ"})
            or _is_content_clause(child)
            or (child.i == target.i and child.dep_ in {"pcomp", "pobj"})  # "refrained from *commenting*"
        )
        frames.append(frame)
        head_share, head_hedges, head_negated = _local_modality(head, own=child.dep_ != "xcomp")
        share *= step * head_share
        hedges += head_hedges
        shares_polarity = shares_polarity and frame in fl.SHARED_POLARITY
        if frame == "noun_arg" and _is_definite(child):
            shares_polarity = False  # "has not analysed the statement": the statement was made
        if head_negated and (shares_polarity or frame in fl.FLIPPED_BY_NEGATED_HEAD):
            share *= fl.NEGATED_SHARE if shares_polarity else -1.0  # implicatives flip outright
            negated = not negated
        elif head_negated and frame in fl.WEAKENED_BY_NEGATED_HEAD:
            share *= fl.SHARE["negated_governor"]
        if frame in fl.FLIPPING_FRAMES:
            negated = not negated
    if target.sent[-1].text == "?":
        share *= fl.SHARE["question"]
        frames.append("question")
    return EventReading(tuple(dict.fromkeys(hedges)), negated, tuple(frames), round(3.0 * share, 3))


def _step_frame(target: Token, child: Token, head: Token, *, direct: bool) -> tuple[str, float]:
    """The frame of one step up, corrected for what lies between it and the event."""
    frame, step = _frame(child, head)
    if frame == "deny" and child is target and child.dep_ == "dobj":
        return "noun_arg", 1.0  # "rejected the proposal": the proposal was still made
    if frame in fl.FLIPPED_BY_NEGATED_HEAD and not direct:
        return "other_clause", fl.SHARE["other_clause"]  # "declined to say what prompted the moves"
    if frame in {"report", "other_clause"} and target.tag_ == "VBD":
        return frame, 1.0  # a reported simple past ("said troops crossed") is told as fact
    return frame, step


def _governors(target: Token, below: Token | None) -> Iterator[tuple[Token, Token]]:
    """(child, head) steps up from the event while the head's clause still scopes over it.

    Clauses and phrases that presuppose their event ("after the attack", "because troops crossed")
    and relative clauses end the climb: what governs the head does not reach them.
    """
    node = target
    for _ in range(8):
        head = node.head
        if below is not None and head.i == below.i:
            return
        if node.dep_ == "nsubjpass" and head.lemma_.lower() in fl.CANCEL_VERBS:
            yield node, head  # "the flight was delayed"
            return
        if head.i == node.i or node.dep_ not in fl.CLIMB_DEPS or _presupposed(node):
            return
        yield node, head
        if node.dep_ == "acl" and not (_is_infinitive(node) or _is_content_clause(node)):
            return
        node = head


def _presupposed(node: Token) -> bool:
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in fl.FACTIVE_MARKS for c in node.children)
    return node.dep_ == "prep" and node.lower_ in fl.FACTIVE_MARKS


def _frame(child: Token, head: Token) -> tuple[str, float]:
    """How the head's clause governs the child, and the share of commitment it passes on."""
    lemma = head.lemma_.lower()
    dep = child.dep_
    if dep == "conj":
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        joiner = {c.lower_ for c in head.children if c.dep_ == "cc" and head.i < c.i < child.i}
        # "did not say why, but added ...", "did n't offer enough, and gave ...": a clause of its own
        # (a finite verb cannot share a base form's auxiliary or "to")
        finite_beside_base = child.tag_ in {"VBD", "VBZ", "VBP"} and head.tag_ in {"VB", "VBG"}
        if own_subject or "but" in joiner or finite_beside_base:
            return "clause_conj", 1.0
        return ("disjunct", fl.SHARE["disjunct"]) if joiner & {"or", "nor"} else ("conj", 1.0)
    if dep in {"acomp", "attr", "oprd"}:
        return "copula", 1.0
    if head.pos_ == "ADP":
        if lemma == "for":
            return "for", 1.0
        # "instead of paying" did not pay, as "without paying" did not
        instead = lemma == "of" and any(c.lower_ == "instead" for c in head.children)
        return ("without", fl.NEGATED_SHARE) if lemma == "without" or instead else ("prep", 1.0)
    if dep in {"dobj", "nsubjpass"} and lemma in fl.CANCEL_VERBS and child.pos_ == "NOUN":
        return "cancelled", fl.SHARE["cancelled"]
    if dep == "dobj" and lemma in fl.DENIAL_VERBS and child.lemma_.lower() in fl.CONTENT_NOUNS:
        return "deny", fl.SHARE["deny"]  # "dismissed reports that troops crossed"
    if dep in {"dobj", "pobj", "pcomp", "prep"}:
        if head.pos_ == "NOUN" and lemma in fl.IRREALIS_NOUNS:
            return "irrealis_noun", _irrealis_noun_share(lemma)
        if lemma in fl.IRREALIS_VERBS and head.pos_ != "ADP":
            if dep != "dobj":
                return "irrealis", fl.IRREALIS_VERBS[lemma] ** 0.5
            if lemma not in fl.IRREALIS_ONLY_WITH_INFINITIVE:
                return "irrealis", fl.IRREALIS_VERBS[lemma]  # "sought asylum": as unrealised as "sought to"
        if lemma in fl.NEGATIVE_IMPLICATIVES or (dep == "prep" and _prevents(child, lemma)):
            return "negative_implicative", fl.SHARE["negative_implicative"]
        if dep == "prep" and child.lower_ == "for":
            return "for", 1.0  # "not available for comment": what the clause is for shares its negation
        return ("noun_arg", 1.0) if dep == "dobj" else ("prep", 1.0)
    if dep in {"advcl", "xcomp"} and _is_result(child, head):
        return "result", 1.0  # "shares fell 50 cents to close at $20": where the fall ended, not an aim
    mark = next((c.lower_ for c in child.children if c.dep_ == "mark"), "")
    if dep in {"advcl", "csubj"} and mark in fl.CONDITIONAL_MARKS:
        # "if troops cross", "whether they do remains to be seen"
        return "condition", fl.CONDITIONAL_MARKS[mark]
    if dep == "advcl":
        if _is_infinitive(child):
            return "purpose", fl.SHARE["purpose"]
        return "advcl", 1.0
    if dep == "acl":
        if _is_infinitive(child):
            if lemma in fl.NEGATIVE_NOUNS:
                return "negative_implicative", fl.SHARE["negative_implicative"]  # "failure to set"
            if lemma in fl.IRREALIS_NOUNS:
                return "irrealis_noun", _irrealis_noun_share(lemma)
            return "purpose", fl.SHARE["purpose"]
        if _is_content_clause(child):
            return _verb_frame(fl.CONTENT_NOUNS.get(lemma, lemma))  # "reports that troops crossed"
        return "acl", 1.0
    if dep == "ccomp" and _is_open_question(child):
        return "open_question", fl.SHARE["open_question"]  # "did not say what troops did", "asked whether"
    if dep == "xcomp" and _is_negated_adjective(head):
        return "negated_adjective", fl.NEGATED_SHARE  # "were n't available to comment", "not able to cope"
    if dep == "xcomp" and any(
        c.dep_ == "advmod" and (c.lower_ == "too" or (c.lower_ == "yet" and lemma in {"have", "be"}))
        for c in head.children
    ):
        return "negative_implicative", fl.SHARE["negative_implicative"]  # "too afraid to stay", "has yet to"
    frame = _verb_frame(lemma)
    if frame[0] == "negative_implicative" and dep == "ccomp":
        return "other_clause", fl.SHARE["other_clause"]  # "so they stopped the market": not "stopped selling"
    if frame[0] == "other_clause" and dep == "xcomp" and _is_infinitive(child):
        return "infinitive", fl.SHARE["infinitive"]  # "chose to step down": not yet done when told
    return frame


def _irrealis_noun_share(noun: str) -> float:
    """ "an attempt to" leaves as little as "tried to", "an agreement to" as much as "agreed to"."""
    return fl.IRREALIS_VERBS.get(fl.IRREALIS_NOUN_VERBS.get(noun, ""), fl.SHARE["irrealis_noun"])


def _verb_frame(lemma: str) -> tuple[str, float]:
    if lemma in fl.DENIAL_VERBS:
        return "deny", fl.SHARE["deny"]
    if lemma in fl.NEGATIVE_IMPLICATIVES:
        return "negative_implicative", fl.SHARE["negative_implicative"]
    if lemma in fl.IMPLICATIVES:
        return "implicative", fl.SHARE["implicative"]
    if lemma in fl.REPORTING_VERBS:
        return "report", fl.SHARE["report"]
    if lemma in fl.BELIEF_VERBS:
        return "belief", fl.SHARE["belief"]
    if lemma in fl.IRREALIS_VERBS:
        return "irrealis", fl.IRREALIS_VERBS[lemma]
    return "other_clause", fl.SHARE["other_clause"]


def _local_modality(token: Token, *, own: bool) -> tuple[float, list[str], bool]:
    """The share the token's own hedges leave, the hedges, and whether it is negated.

    "is expected to" / "is said to" hedge the infinitive they govern, not the expecting or saying, so
    hedges naming the token itself count only when reading it as a governor of its xcomp (`own=False`).
    """
    hedges = hedges_of(token, token)
    if own:
        hedges = [h for h in hedges if h.split()[0] != token.lower_]
    extra = [
        c.lower_
        for c in token.children
        if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in fl.EXTRA_MODALS and c.lower_ not in hedges
    ]
    hedges += extra
    negated = any(_is_negation(c) for c in token.children) or (
        token.dep_ in {"acl", "amod", "compound"}
        and (_has_no(token.head) or token.head.lower_ in fl.NEGATIVE_SUBJECTS)
    )  # "no trip planned", "no takeover bids"
    # "could not", "would not", "won't" deny rather than hedge: their hedge barely weakens the denial.
    share = min(
        (fl.NEGATED_MODAL_SHARE.get(h, _hedge_share(h)) if negated else _hedge_share(h) for h in hedges),
        default=1.0,
    )
    if not negated and any(c.dep_ == "advmod" and c.lower_ in fl.ALMOST for c in token.children):
        share *= fl.SHARE["almost"]  # "nearly broke the record": probably not, or not quite
    if not negated and any(c.dep_ == "dobj" and _has_no(c) for c in token.children):
        share *= fl.SHARE["no_object"]  # "reached no agreement", "has no plans": mostly did not happen
    return share, hedges, negated


def _has_no(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ == "no" for d in noun.children)


def _hedge_share(hedge: str) -> float:
    if hedge in fl.HEDGE_SHARE:
        return fl.HEDGE_SHARE[hedge]
    return fl.CERTAINTY_SHARE[certainty_of([hedge], "assert")]


def _is_negation(child: Token) -> bool:
    if child.dep_ == "neg":
        following = child.nbor(1).lower_ if child.i + 1 < len(child.doc) else ""
        return following not in {"only", "just", "merely"}  # "not only X but Y" asserts X
    if child.lower_.endswith("n't") and len(child) > 3:
        return True  # the datasets keep some contractions whole ("hasn't"), which the parser misreads
    if child.dep_ in {"nsubj", "nsubjpass", "expl"} and (
        child.lower_ in fl.NEGATIVE_SUBJECTS
        or _has_no(child)
        or any(d.dep_ == "preconj" and d.lower_ == "neither" for d in child.children)
    ):
        return True  # "no one has claimed", "nothing prevents", "neither he nor ... could be reached"
    if child.dep_ == "advmod" and child.lower_ == "longer" and any(d.lower_ == "no" for d in child.children):
        return True  # "would no longer become"
    if child.lower_ in {"no", "never", "neither", "nor"} and child.dep_ in {"det", "advmod", "preconj", "cc"}:
        # "nor" joining two clauses is no negation of its own, unless it opens the sentence ("Nor do ...")
        return child.lower_ != "nor" or child.dep_ != "cc" or child.i == child.sent.start
    return False


def _is_negated_adjective(adjective: Token) -> bool:
    """ "were n't available", "has not been able": the negation sits on the copula above the adjective."""
    return (
        adjective.pos_ == "ADJ"
        and adjective.dep_ == "acomp"
        and any(_is_negation(c) for c in adjective.head.children)
    )


def _called_off(event: Token) -> bool:
    """ "test flight delayed after accident", "the cancelled summit": a participle calls the event off."""
    return event.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"acl", "amod"} and c.tag_ == "VBN" and c.lemma_.lower() in fl.CANCEL_VERBS
        for c in event.children
    )


def _is_content_clause(clause: Token) -> bool:
    """A that-clause saying what a noun holds ("reports that troops crossed"), not a relative clause."""
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _is_open_question(clause: Token) -> bool:
    """An embedded question: "what troops did", "whether they crossed"."""
    return any(
        (c.dep_ == "mark" and c.lower_ in {"whether", "if"}) or c.tag_ in {"WP", "WRB", "WDT"}
        for c in clause.children
    )


def _is_definite(noun: Token) -> bool:
    """ "the statement", "his departure": an event taken as given, whatever the verb does to it."""
    return any(
        (c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}) or c.dep_ == "poss"
        for c in noun.children
    )


def _prevents(preposition: Token, lemma: str) -> bool:
    """ "barred the crowd *from* reaching", "kept them *from* voting": what is kept from did not happen."""
    return preposition.lower_ == "from" and lemma in fl.PREVENTING_VERBS


def _is_result(clause: Token, head: Token) -> bool:
    """ "rose 2% to close at", "dropped to reach a low": an infinitive saying where a change ended."""
    return (
        _is_infinitive(clause)
        and head.lemma_.lower() in fl.CHANGE_VERBS
        and clause.lemma_.lower() in fl.RESULT_VERBS
    )


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
