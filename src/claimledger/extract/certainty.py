"""How hedged a statement is: the hedge words on its main predicate and the certainty they leave."""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract import lexicon as lx
from claimledger.models import Certainty, Stance


def hedges_of(root: Token | None, cue: Token) -> list[str]:
    """Hedge words on the content's main predicate (and its conjuncts) and on the cue itself.

    Words deeper in the content ("troops *claimed* to be fighting") qualify a noun, not the
    statement, and are left out.
    """
    found: list[tuple[int, str]] = []
    if cue.lower_ in lx.REPORTATIVE_ADVERBS:
        found.append((cue.i, cue.lower_))
    elif cue.lemma_.lower() in lx.PASSIVE_REPORTATIVES and any(c.dep_ == "nsubjpass" for c in cue.children):
        found.append((cue.i, f"{cue.lower_} to"))  # "is said to", "was reported to"
    if root is not None:
        for predicate in [
            root,
            *(c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}),
        ]:
            found.extend(_predicate_hedges(predicate))
    seen: set[str] = set()
    ordered = []
    for _, word in sorted(found):
        if word not in seen:
            seen.add(word)
            ordered.append(word)
    return ordered


def _predicate_hedges(predicate: Token) -> list[tuple[int, str]]:
    found = []
    for child in predicate.children:
        word = child.lower_
        if (
            (child.dep_ == "aux" and child.tag_ == "MD" and word in lx.MODAL_HEDGES)
            or (child.dep_ == "advmod" and word in lx.HEDGE_ADVERBS)
            or (child.dep_ == "acomp" and word in lx.PREDICATIVE_HEDGES)
        ):
            found.append((child.i, word))
        elif child.dep_ == "attr" and word in lx.POSSIBILITY_NOUNS and _has_expletive(predicate):
            expletive = next(c for c in predicate.children if c.dep_ == "expl")
            found.append((expletive.i, predicate.doc[expletive.i : child.i + 1].text))
        elif child.dep_ in {"xcomp", "ccomp"} and predicate.lemma_ == "consider" and _has_whether(child):
            found.append((predicate.i, f"{predicate.text} whether"))
    lemma = predicate.lemma_.lower()
    if lemma in lx.RAISING_HEDGES and any(c.dep_ in {"xcomp", "auxpass"} for c in predicate.children):
        found.append((predicate.i, predicate.lower_))
    return found


def _has_whether(clause: Token) -> bool:
    return any(g.dep_ == "mark" and g.lower_ == "whether" for g in clause.children)


def _has_expletive(token: Token) -> bool:
    return any(c.dep_ == "expl" for c in token.children)


def certainty_of(hedges: list[str], stance: Stance) -> Certainty:
    """The certainty a statement is made with: what is unconfirmed is unknown; hedges weaken the rest.

    A "would" beside "reportedly" is reported future ("would be recruited"), not a condition.
    """
    if stance == "no_confirmation":
        return "unknown"
    words = {h.lower() for h in hedges}
    reportative = bool(words & (lx.REPORTATIVE_ADVERBS | lx.REPORTATIVE_PHRASES))
    if any(_is_possible(h) for h in words):
        return "possible"
    if "would" in words and not reportative:
        return "possible"
    if words:
        return "probable"
    return "certain"


def _is_possible(hedge: str) -> bool:
    return (
        hedge in lx.POSSIBLE_HEDGES
        or hedge.endswith(" whether")
        or any(noun in hedge.split() for noun in lx.POSSIBILITY_NOUNS)
    )
