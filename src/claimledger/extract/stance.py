"""What the source does with the content: assert, deny, decline to confirm, condemn, voice concern."""

from __future__ import annotations

from claimledger.extract import lexicon as lx
from claimledger.models import Stance

_DENIAL_WORDS = frozenset(
    [
        "baseless",
        "groundless",
        "fabrication",
        "fabrications",
        "fabricated",
        "false",
        "untrue",
        "fake",
        "lies",
        "lie",
        "nonsense",
        "unfounded",
        "fiction",
        "fantasy",
        "provocation",
        "disinformation",
        "misinformation",
    ]
)


def stance_of(cue_lemma: str, *, frame: str, negated: bool, content_text: str) -> Stance:
    """The stance a cue and its content express; "assert" when nothing marks another."""
    if frame == "concern":
        return "concern"
    if frame == "decline" or (negated and (cue_lemma in lx.CONFIRMATION_VERBS or frame == "speech")):
        return "no_confirmation"  # "has not confirmed", "declined to comment", "did not say whether"
    stance = lx.STANCE_BY_LEMMA.get(cue_lemma)
    if stance == "deny":
        return "no_confirmation" if negated else "deny"
    if stance is not None:
        return stance
    words = {w.strip(".,;:!?“”\"'").lower() for w in content_text.split()}
    if (
        cue_lemma in {"call", "describe", "say", "brand", "label", "term"}
        and words & _DENIAL_WORDS
        and not negated
    ):
        return "deny"
    if words & lx.CONCERN_WORDS:
        return "concern"
    return "assert"
