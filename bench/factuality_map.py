"""Claimledger's reading of an event's factuality, put on the −3…+3 scale of the event-factuality datasets.

The reading climbs from the event word to the clauses that govern it. Each step keeps a share of the
author's commitment: hedges ("may", "reportedly") on the event or a governing predicate weaken it,
reporting verbs weaken it a little, wanting, planning and "if" clauses leave it between 0 and +1.5,
denials and negative implicatives ("failed to") turn it towards −, and a negation flips its sign.
The hedge words come from claimledger's own certainty rules (`hedges_of`, `certainty_of`); the
shares were set by reading the datasets' train splits, never dev.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimledger.extract.certainty import certainty_of, hedges_of


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


# The share of +3 each claimledger certainty leaves.
CERTAINTY_SHARE = {"certain": 1.0, "probable": 0.7, "possible": 0.45, "unknown": 0.0}
# Finer shares for single hedge words, and for modals claimledger does not count as hedges.
HEDGE_SHARE = {
    **dict.fromkeys(["could"], 0.35),
    **dict.fromkeys(["can", "ca", "might"], 0.4),
    **dict.fromkeys(["should"], 0.45),
    **dict.fromkeys(["may"], 0.5),
    **dict.fromkeys(["would", "must", "likely"], 0.55),
    **dict.fromkeys(["probably"], 0.7),
    **dict.fromkeys(["expected", "expects"], 0.72),
    **dict.fromkeys(["shall"], 0.8),
    **dict.fromkeys(["will", "'ll", "wo"], 0.84),
}
# "could not", "would not", "won't" deny rather than hedge: their modal barely weakens the denial.
NEGATED_MODAL_SHARE = dict.fromkeys(["could", "can", "ca", "would", "will", "wo", "'ll"], 0.8)
EXTRA_MODALS = _words("can ca should must will 'll wo shall")

# Verbs and nouns that govern an event, by what they do to it.
DENIAL_VERBS = _words("deny dismiss reject refute rebut dispute debunk contest")
# The complement did not happen: "failed to", "declined to", "prevented ... from".
NEGATIVE_IMPLICATIVES = _words("fail decline refuse avoid prevent neglect forget cancel stop halt abandon")
# The object or passive subject is called off: "delayed the flight", "the tour was cancelled".
CANCEL_VERBS = _words("cancel delay postpone suspend scrap halt block prevent veto abandon stop")
# The complement happened, and a negated governor denies it: "managed to", "began to", "knew that".
IMPLICATIVES = _words(
    "manage begin start continue resume succeed dare bother remember get help use keep finish",
    "know learn realize discover show prove confirm admit acknowledge regret",
)
REPORTING_VERBS = _words(
    "say tell report announce add state note explain write declare testify insist reveal disclose",
    "stress indicate",
)
BELIEF_VERBS = _words(
    "think believe suspect suggest claim allege argue assume guess estimate predict fear feel conclude",
    "seem appear doubt",
)
# Complements not yet realised, and the share each governor leaves: wanting and trying leave little,
# plans a half, agreements, calls and schedules most ("agreed to pay" usually gets paid).
IRREALIS_VERBS: dict[str, float] = {
    **dict.fromkeys(_words("want wish ask go try order persuade encourage struggle"), 0.3),
    **dict.fromkeys(_words("seek intend hope hop attempt need consider wait threaten"), 0.42),
    **dict.fromkeys(_words("likely willing able ready eager urge push press lobby"), 0.45),
    **dict.fromkeys(_words("have allow let require force prefer like love tend"), 0.48),
    **dict.fromkeys(_words("plan aim"), 0.5),
    **dict.fromkeys(
        _words("propose prepare decide offer promise vow design designed schedule due set"), 0.55
    ),
    **dict.fromkeys(_words("move work recommend"), 0.55),
    **dict.fromkeys(_words("expect suppose pledge demand"), 0.58),
    **dict.fromkeys(_words("be"), 0.6),
    **dict.fromkeys(_words("agree call"), 0.75),
}
IRREALIS_NOUNS = _words(
    "plan attempt effort bid decision proposal threat offer right ability chance possibility hope hopes",
    "fear fears need intention goal aim request call order demand promise pledge way authority power",
    "prospect prospects deadline campaign drive move push willingness readiness agreement deal",
    "permission option opportunity time measure measures program programme mission strategy policy",
    "scheme talks vote",
)
# Nouns whose that-clause is their content, each read like the verb it comes from.
CONTENT_NOUNS = {
    **dict.fromkeys(_words("report statement news word announcement"), "say"),
    **dict.fromkeys(_words("claim allegation accusation charge rumor rumour suggestion"), "claim"),
    **dict.fromkeys(_words("belief fear suspicion view assumption speculation"), "think"),
    **dict.fromkeys(_words("hope expectation demand proposal promise"), "hope"),
    **dict.fromkeys(_words("denial"), "deny"),
}
CONDITIONAL_MARKS = {"if": 0.5, "unless": 0.15, "whether": 0.4, "until": 0.8, "once": 0.6}
# Clauses and phrases that presuppose their event: "after the attack", "because troops crossed".
FACTIVE_MARKS = _words("after before because since although though while when as despite following amid")
NEGATIVE_SUBJECTS = _words("nobody nothing none noone")
ALMOST = _words("nearly almost")

# The share of commitment each governing frame (or marker on the event) leaves; negative turns it to −.
SHARE = {
    "deny": -0.6,
    "negative_implicative": -0.5,
    "cancelled": -0.2,
    "implicative": 1.0,
    "report": 0.95,
    "other_clause": 0.85,
    "belief": 0.75,
    "purpose": 0.6,
    "infinitive": 0.6,
    "open_question": 0.6,
    "disjunct": 0.6,
    "irrealis_noun": 0.5,
    "question": 0.5,
    "noun": 0.95,
    "modifier_noun": 0.85,  # "abortion clinic", "takeover bids": often generic, not one event
    "almost": 0.3,
    "no_object": 0.25,  # "reached no agreement", "has no plans": mostly did not happen
    "negated_governor": 0.15,  # "did not say that ...": left open
}
NEGATED_SHARE = -1.0  # a negation flips the sign: "did not attack" is −3
# A negated head denies what shares its clause ("did not attack and kill") and the complements of
# implicative, wanting and believing verbs ("did not manage / want to cross"), leaves reported
# content open ("did not say that"), and leaves clauses merely beside it alone ("after the talks").
SHARED_POLARITY = _words("conj disjunct noun_arg copula")
FLIPPED_BY_NEGATED_HEAD = _words("implicative deny negative_implicative without cancelled irrealis belief")
WEAKENED_BY_NEGATED_HEAD = _words("report irrealis_noun other_clause infinitive")
FLIPPING_FRAMES = _words("deny negative_implicative without cancelled")
CLIMB_DEPS = _words("ccomp xcomp conj advcl acomp attr oprd dobj pobj pcomp prep acl csubj")


@dataclass(frozen=True)
class EventReading:
    """What claimledger makes of one event: its hedges, negations, governing frames and its value."""

    hedges: tuple[str, ...]
    negated: bool
    frames: tuple[str, ...]
    value: float


def doc_from_tokens(nlp: Language, tokens: Sequence[str]) -> Doc:
    """A parsed Doc whose token i is `tokens[i]`: the dataset's own tokenisation, run through the pipeline."""
    doc = Doc(nlp.vocab, words=list(tokens))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def factuality_of(target: Token) -> float:
    """The event's value on −3…+3 (+3 happened, −3 did not, 0 uncommitted)."""
    return read_event(target).value


def read_event(target: Token) -> EventReading:
    """Claimledger's reading of the event `target` names, from its own words and the clauses above it."""
    share = 1.0 if target.pos_ in {"VERB", "AUX"} else SHARE["noun"]
    if target.dep_ == "compound":
        share *= SHARE["modifier_noun"]
    local_share, hedges, negated = _local_modality(target, own=True)
    share *= local_share * (NEGATED_SHARE if negated else 1.0)
    frames: list[str] = []
    shares_polarity = True  # still in the head's own clause (conjunct, object, predicate adjective)
    direct = True  # still the head's own complement: "denied *crossing*", not "denied what *prompted* it"
    for child, head in _governors(target):
        frame, step = _step_frame(target, child, head, direct=direct)
        direct = direct and frame in {"conj", "copula"} and target.pos_ in {"VERB", "AUX", "ADJ"}
        frames.append(frame)
        head_share, head_hedges, head_negated = _local_modality(head, own=child.dep_ != "xcomp")
        share *= step * head_share
        hedges += head_hedges
        shares_polarity = shares_polarity and frame in SHARED_POLARITY
        if frame == "noun_arg" and _is_definite(child):
            shares_polarity = False  # "has not analysed the statement": the statement was made
        if head_negated and (shares_polarity or frame in FLIPPED_BY_NEGATED_HEAD):
            share *= NEGATED_SHARE if shares_polarity else -1.0  # implicatives flip outright
            negated = not negated
        elif head_negated and frame in WEAKENED_BY_NEGATED_HEAD:
            share *= SHARE["negated_governor"]
        if frame in FLIPPING_FRAMES:
            negated = not negated
    if target.sent[-1].text == "?":
        share *= SHARE["question"]
        frames.append("question")
    return EventReading(tuple(dict.fromkeys(hedges)), negated, tuple(frames), round(3.0 * share, 3))


def _step_frame(target: Token, child: Token, head: Token, *, direct: bool) -> tuple[str, float]:
    """The frame of one step up, corrected for what lies between it and the event."""
    frame, step = _frame(child, head)
    if frame == "deny" and child is target and child.dep_ == "dobj":
        return "noun_arg", 1.0  # "rejected the proposal": the proposal was still made
    if frame in FLIPPED_BY_NEGATED_HEAD and not direct:
        return "other_clause", SHARE["other_clause"]  # "declined to say what prompted the moves"
    if frame in {"report", "other_clause"} and target.tag_ == "VBD":
        return frame, 1.0  # a reported simple past ("said troops crossed") is told as fact
    return frame, step


def _governors(target: Token) -> Iterator[tuple[Token, Token]]:
    """(child, head) steps up from the event while the head's clause still scopes over it.

    Clauses and phrases that presuppose their event ("after the attack", "because troops crossed")
    and relative clauses end the climb: what governs the head does not reach them.
    """
    node = target
    for _ in range(8):
        head = node.head
        if node.dep_ == "nsubjpass" and head.lemma_.lower() in CANCEL_VERBS:
            yield node, head  # "the flight was delayed"
            return
        if head is node or node.dep_ not in CLIMB_DEPS or _presupposed(node):
            return
        yield node, head
        if node.dep_ == "acl" and not (_is_infinitive(node) or _is_content_clause(node)):
            return
        node = head


def _presupposed(node: Token) -> bool:
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in FACTIVE_MARKS for c in node.children)
    return node.dep_ == "prep" and node.lower_ in FACTIVE_MARKS


def _frame(child: Token, head: Token) -> tuple[str, float]:
    """How the head's clause governs the child, and the share of commitment it passes on."""
    lemma = head.lemma_.lower()
    dep = child.dep_
    if dep == "conj":
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        joiner = {c.lower_ for c in head.children if c.dep_ == "cc" and head.i < c.i < child.i}
        if own_subject or "but" in joiner:
            return "clause_conj", 1.0  # "did not say why, but added ...": a clause of its own
        return ("disjunct", SHARE["disjunct"]) if joiner & {"or", "nor"} else ("conj", 1.0)
    if dep in {"acomp", "attr", "oprd"}:
        return "copula", 1.0
    if head.pos_ == "ADP":
        return ("without", NEGATED_SHARE) if lemma == "without" else ("prep", 1.0)
    if dep in {"dobj", "nsubjpass"} and lemma in CANCEL_VERBS and child.pos_ == "NOUN":
        return "cancelled", SHARE["cancelled"]
    if dep == "dobj" and lemma in DENIAL_VERBS and child.lemma_.lower() in CONTENT_NOUNS:
        return "deny", SHARE["deny"]  # "dismissed reports that troops crossed"
    if dep in {"dobj", "pobj", "pcomp", "prep"}:
        if head.pos_ == "NOUN" and lemma in IRREALIS_NOUNS:
            return "irrealis_noun", SHARE["irrealis_noun"]
        if lemma in IRREALIS_VERBS and head.pos_ != "ADP":
            return "irrealis", IRREALIS_VERBS[lemma] ** 0.5
        if lemma in NEGATIVE_IMPLICATIVES:
            return "negative_implicative", SHARE["negative_implicative"]
        return ("noun_arg", 1.0) if dep == "dobj" else ("prep", 1.0)
    mark = next((c.lower_ for c in child.children if c.dep_ == "mark"), "")
    if dep in {"advcl", "csubj"} and mark in CONDITIONAL_MARKS:
        return "condition", CONDITIONAL_MARKS[mark]  # "if troops cross", "whether they do remains to be seen"
    if dep == "advcl":
        if _is_infinitive(child):
            return "purpose", SHARE["purpose"]
        return "advcl", 1.0
    if dep == "acl":
        if _is_infinitive(child):
            if lemma in IRREALIS_NOUNS:
                return "irrealis_noun", SHARE["irrealis_noun"]
            return "purpose", SHARE["purpose"]
        if _is_content_clause(child):
            return _verb_frame(CONTENT_NOUNS.get(lemma, lemma))  # "reports that troops crossed"
        return "acl", 1.0
    if dep == "ccomp" and _is_open_question(child):
        return "open_question", SHARE["open_question"]  # "did not say what troops did", "asked whether"
    frame = _verb_frame(lemma)
    if frame[0] == "other_clause" and dep == "xcomp" and _is_infinitive(child):
        return "infinitive", SHARE["infinitive"]  # "chose to step down": not yet done when told
    return frame


def _verb_frame(lemma: str) -> tuple[str, float]:
    if lemma in DENIAL_VERBS:
        return "deny", SHARE["deny"]
    if lemma in NEGATIVE_IMPLICATIVES:
        return "negative_implicative", SHARE["negative_implicative"]
    if lemma in IMPLICATIVES:
        return "implicative", SHARE["implicative"]
    if lemma in REPORTING_VERBS:
        return "report", SHARE["report"]
    if lemma in BELIEF_VERBS:
        return "belief", SHARE["belief"]
    if lemma in IRREALIS_VERBS:
        return "irrealis", IRREALIS_VERBS[lemma]
    return "other_clause", SHARE["other_clause"]


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
        if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in EXTRA_MODALS and c.lower_ not in hedges
    ]
    hedges += extra
    negated = any(_is_negation(c) for c in token.children) or (
        token.dep_ in {"acl", "amod", "compound"} and _has_no(token.head)
    )  # "no trip planned", "no takeover bids"
    # "could not", "would not", "won't" deny rather than hedge: their hedge barely weakens the denial.
    share = min(
        (NEGATED_MODAL_SHARE.get(h, _hedge_share(h)) if negated else _hedge_share(h) for h in hedges),
        default=1.0,
    )
    if not negated and any(c.dep_ == "advmod" and c.lower_ in ALMOST for c in token.children):
        share *= SHARE["almost"]  # "nearly broke the record": probably not, or not quite
    if not negated and any(c.dep_ == "dobj" and _has_no(c) for c in token.children):
        share *= SHARE["no_object"]  # "reached no agreement", "has no plans": mostly did not happen
    return share, hedges, negated


def _has_no(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ == "no" for d in noun.children)


def _hedge_share(hedge: str) -> float:
    if hedge in HEDGE_SHARE:
        return HEDGE_SHARE[hedge]
    return CERTAINTY_SHARE[certainty_of([hedge], "assert")]


def _is_negation(child: Token) -> bool:
    if child.dep_ == "neg":
        following = child.nbor(1).lower_ if child.i + 1 < len(child.doc) else ""
        return following not in {"only", "just", "merely"}  # "not only X but Y" asserts X
    if child.lower_.endswith("n't") and len(child) > 3:
        return True  # the datasets keep some contractions whole ("hasn't"), which the parser misreads
    if child.dep_ in {"nsubj", "nsubjpass", "expl"} and (
        child.lower_ in NEGATIVE_SUBJECTS or any(d.lower_ == "no" and d.dep_ == "det" for d in child.children)
    ):
        return True  # "no one has claimed", "nothing prevents"
    if child.lower_ in {"no", "never", "neither", "nor"} and child.dep_ in {"det", "advmod", "preconj", "cc"}:
        return child.lower_ != "nor" or child.dep_ != "cc"
    return False


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


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
