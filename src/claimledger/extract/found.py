"""An attribution while it is being found: token-level facts and character ranges, and small token lookups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.cues import cue_lexicon, frame_of

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


_HAND_CUES = lx.SPEECH_VERBS | lx.OBJECT_VERBS | lx.CONCERN_VERBS | lx.DECLINE_VERBS


def is_cue_verb(token: Token) -> bool:
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
    if token.tag_ == "VBN" and not has_dep(token, {"aux", "auxpass", "nsubjpass"}):
        return has_dep(token, {"nsubj"})
    return True


def has_dep(token: Token, deps: set[str]) -> bool:
    return any(child.dep_ in deps for child in token.children)


def child_of(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None
