"""A learned correction of the event-factuality rules: a linear model over what the rules found.

`extract/factuality.py` reads an event with hand-set shares (hedges, negation, governing frames);
this module turns that reading, and a few facts about the event word (part of speech, tense,
dependency, the modal and infinitive marking it), into named features, and weighs them with the
ridge regression `scripts/train_factuality.py` learns and writes to `data/factuality_weights.json`.
The weights file also records what it was trained on and the figures it reached; inference is plain
Python (a sum of weights), so nothing beyond spaCy is needed at run time.

Training data: the train splits of UW (Lee et al. 2015; 9,422 events in TempEval-3 newswire, labels
averaged over crowd workers) and MEANTIME (Minard et al. 2016; 1,012 events in Wikinews, categorical
labels written as −3, 0, 0.75, 1.5, +3) from shared/data/event-factuality, each MEANTIME event counted
twice; dev splits never. Ridge regression, alpha 10, over 143 features seen at least 5 times.
Five-fold cross-validated on train: UW r 0.817, MAE 0.400 (the rules alone: 0.789, 0.420); MEANTIME
r 0.660. A gradient-boosted model over the same features reached the same UW figure (0.803 against
0.802 for this model at the time), so the simpler model stays.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from claimledger.extract.factuality import EventReading

WEIGHTS = "data/factuality_weights.json"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Hedge words and modals with a weight of their own; the rest count as "hedge:other".
NAMED_HEDGES = _words(
    "may might could would will should can must shall 'll wo ca likely probably possibly perhaps"
    " reportedly allegedly expected"
)
AUXILIARIES = NAMED_HEDGES | _words("to have has had")
TAGS = _words("VB VBD VBG VBN VBP VBZ NN NNS NNP JJ")
DEPS = _words(
    "ROOT conj ccomp xcomp advcl dobj pobj nsubj nsubjpass compound amod acl relcl attr acomp pcomp"
)


@dataclass(frozen=True)
class LinearModel:
    """An intercept and one weight per feature name; unknown features weigh nothing."""

    intercept: float
    weights: dict[str, float]

    def predict(self, features: dict[str, float]) -> float:
        """The model's value for `features`, kept on the −3…+3 scale."""
        value = self.intercept + sum(self.weights.get(name, 0.0) * x for name, x in features.items())
        return max(-3.0, min(3.0, value))


@cache
def shipped_model() -> LinearModel:
    """The model in `claimledger/data/factuality_weights.json`, read once."""
    raw = json.loads(resources.files("claimledger").joinpath(WEIGHTS).read_text("utf-8"))
    return LinearModel(float(raw["intercept"]), {k: float(v) for k, v in raw["weights"].items()})


def features_of(target: Token, reading: EventReading) -> dict[str, float]:
    """Named features of the event `target` and its rule reading; absent features are 0."""
    found: dict[str, float] = {
        "rule_value": reading.value,
        "rule_negative": float(reading.value < 0),
        "rule_open": float(abs(reading.value) < 1.0),
        "negated": float(reading.negated),
        "depth": float(min(len(reading.frames), 4)),
    }
    for frame in reading.frames:
        found[f"frame:{frame}"] = 1.0
    if reading.frames:
        found[f"first:{reading.frames[0]}"] = 1.0
    for hedge in reading.hedges:
        word = hedge.split()[0].lower()
        found[f"hedge:{word if word in NAMED_HEDGES else 'other'}"] = 1.0
    if any(c.dep_ == "advmod" and c.lower_ in {"nearly", "almost"} for c in target.children):
        found["almost"] = 1.0
    if target.sent[-1].text == "?":
        found["question"] = 1.0
    found[f"pos:{target.pos_}"] = 1.0
    found[f"tag:{target.tag_ if target.tag_ in TAGS else 'other'}"] = 1.0
    found[f"dep:{target.dep_ if target.dep_ in DEPS else 'other'}"] = 1.0
    for child in target.children:
        if child.dep_ in {"aux", "auxpass"}:
            found[f"aux:{child.lower_ if child.lower_ in AUXILIARIES else 'other'}"] = 1.0
        elif child.dep_ == "det" and child.lower_ in {"a", "an", "the", "no", "any"}:
            found[f"det:{child.lower_}"] = 1.0
    if reading.negated:
        for frame in reading.frames[:1]:
            found[f"negated_first:{frame}"] = 1.0
        found[f"negated_pos:{target.pos_}"] = 1.0
    return found
