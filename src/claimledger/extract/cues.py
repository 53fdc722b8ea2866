"""Reporting cues learned from PolNeAR's train split: how often a verb, in a frame, is a cue.

The hand lists in `lexicon.py` name the verbs of saying; news attributes claims to many more
verbs ("a poll *shows*", "the senator *wants* to", "the group *endorsed*"). `scripts/train_cues.py`
counts, for each lemma and the complement it takes (its frame), how often annotators marked it a
cue, and writes `data/cue_lexicon.json`; the extractor accepts a verb whose learned probability in
its frame reaches the threshold stored there (chosen on the same train split).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

# Frames a verb's complement gives it, in the order they are tried: the first present wins.
FRAMES = ("ccomp", "xcomp", "dobj", "prep", "none")


def frame_of(token: Token) -> str:
    """The complement `token` takes: a clause, an infinitive, an object, a preposition, or none."""
    deps = {child.dep_ for child in token.children}
    for frame in ("ccomp", "xcomp", "dobj"):
        if frame in deps:
            return frame
    if cue_preposition(token) is not None:
        return "prep"
    return "none"


def cue_preposition(token: Token) -> Token | None:
    """The preposition right after a verb that carries its content ("called *for* X")."""
    if token.i + 1 >= len(token.doc):
        return None
    following = token.doc[token.i + 1]
    if (
        following.head.i == token.i
        and following.dep_ == "prep"
        and any(c.dep_ in {"pobj", "pcomp"} for c in following.children)
    ):
        return following
    return None


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Learned cue probabilities by lemma and frame, and the threshold that accepts a cue."""

    probabilities: dict[str, dict[str, float]]
    threshold: float

    def accepts(self, lemma: str, frame: str) -> bool:
        return self.probabilities.get(lemma, {}).get(frame, 0.0) >= self.threshold

    def knows(self, lemma: str) -> bool:
        return any(p >= self.threshold for p in self.probabilities.get(lemma, {}).values())


@cache
def cue_lexicon() -> CueLexicon:
    """The lexicon shipped in `claimledger/data/cue_lexicon.json`, read once."""
    raw = json.loads(resources.files("claimledger").joinpath("data/cue_lexicon.json").read_text("utf-8"))
    probabilities = {
        lemma: {frame: counts["p"] for frame, counts in frames.items()}
        for lemma, frames in raw["lemmas"].items()
    }
    return CueLexicon(probabilities, float(raw["threshold"]))
