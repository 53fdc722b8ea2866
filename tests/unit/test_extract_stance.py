"""The stance a cue and its content express, by rule and through the real spaCy model's lemmas."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.extract.stance import stance_of
from claimledger.models import Stance


@pytest.mark.parametrize(
    ("lemma", "frame", "negated", "content", "stance"),
    [
        # Denial verbs.
        ("deny", "speech", False, "it had sold the shipyard", "deny"),
        ("deny", "object", False, "the report", "deny"),
        ("dismiss", "object", False, "the reports as a rumour", "deny"),
        ("reject", "object", False, "the claims", "deny"),
        ("refute", "object", False, "the figure", "deny"),
        ("rebuff", "object", False, "the accusation", "deny"),
        ("dispute", "object", False, "the account", "deny"),
        # Negated confirmation, negated saying, declining: no confirmation.
        ("deny", "object", True, "the report", "no_confirmation"),
        ("confirm", "object", True, "the sale", "no_confirmation"),
        ("verify", "object", True, "the figure", "no_confirmation"),
        ("say", "speech", True, "the cranes had been damaged", "no_confirmation"),
        ("decline", "decline", False, "the reports", "no_confirmation"),
        ("refuse", "decline", False, "the figure", "no_confirmation"),
        ("confirm", "object", False, "the sale", "assert"),
        # Condemnation and concern.
        ("condemn", "object", False, "the attack", "condemn"),
        ("denounce", "object", False, "the attack", "condemn"),
        ("decry", "object", False, "the attack", "condemn"),
        ("voice", "concern", False, "the rising cost", "concern"),
        ("express", "concern", False, "the closure", "concern"),
        ("say", "speech", False, "the closure was deeply worrying", "concern"),
        ("say", "speech", False, "residents were alarmed", "concern"),
        # Calling something false is denying it.
        ("call", "object", False, "the reports baseless", "deny"),
        ("describe", "object", False, "the claims as fabrications", "deny"),
        ("brand", "object", False, "the story “fake news.”", "deny"),
        ("say", "speech", False, "the reports were false", "deny"),
        ("say", "speech", False, "the claims were “lies.”", "deny"),
        ("call", "object", True, "the reports baseless", "assert"),
        ("report", "speech", False, "the claims were false", "assert"),
        # Nothing marks another stance.
        ("say", "speech", False, "the bridge would reopen", "assert"),
        ("welcome", "object", False, "the decision", "assert"),
        ("according", "according", False, "the dam was damaged", "assert"),
        ("reportedly", "reportative", False, "the yard was sold", "assert"),
    ],
)
def test_stance_of_rules(lemma: str, frame: str, negated: bool, content: str, stance: Stance) -> None:
    assert stance_of(lemma, frame=frame, negated=negated, content_text=content) == stance


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The ministry denied the report.", "deny"),
        ("The ministry dismissed the reports as a malicious rumour.", "deny"),
        ("The ministry rejected the claims.", "deny"),
        ("The ministry refuted the figure.", "deny"),
        ("The ministry rebuffed the accusation.", "deny"),
        ("The ministry disputed the account.", "deny"),
        ("The ministry called the reports baseless.", "deny"),
        ("The ministry described the claims as fabrications.", "deny"),
        ("The ministry condemned the attack on the harbour.", "condemn"),
        ("The ministry denounced the attack.", "condemn"),
        ("The ministry decried the attack.", "condemn"),
        ("The ministry has not confirmed the sale.", "no_confirmation"),
        ("The ministry did not deny the report.", "no_confirmation"),
        ("The ministry confirmed the sale.", "assert"),
        ("The ministry welcomed the decision.", "assert"),
    ],
)
def test_stance_from_the_models_lemma_and_negation(nlp: Language, sentence: str, stance: Stance) -> None:
    doc = nlp(sentence)
    cue = doc[:].root
    negated = any(child.dep_ == "neg" for child in cue.children)
    content = doc[cue.i + 1 : len(doc) - 1].text
    assert stance_of(cue.lemma_.lower(), frame="object", negated=negated, content_text=content) == stance
