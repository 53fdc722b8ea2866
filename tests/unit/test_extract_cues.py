"""The learned cue lexicon: frames read off the parse, the threshold, the shipped file."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.language import Language

from claimledger.extract.cues import CueLexicon, cue_lexicon, frame_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "verb", "frame"),
    [
        ("The survey shows that most dockers oppose the levy.", "shows", "ccomp"),
        ("The mayor wants to close the terminal.", "wants", "xcomp"),
        ("The union endorsed the councillor.", "endorsed", "dobj"),
        ("The council called for an inquiry.", "called", "prep"),
        ("The council met.", "met", "none"),
    ],
)
def test_cues_frame_of_reads_the_complement(nlp: Language, text: str, verb: str, frame: str) -> None:
    [token] = [t for t in nlp(text) if t.text == verb]
    assert frame_of(token) == frame


def test_cues_lexicon_accepts_at_the_threshold() -> None:
    lexicon = CueLexicon({"show": {"ccomp": 0.4, "dobj": 0.39}}, threshold=0.4)
    assert lexicon.accepts("show", "ccomp")
    assert not lexicon.accepts("show", "dobj")
    assert not lexicon.accepts("show", "xcomp")
    assert not lexicon.accepts("unheard", "ccomp")


def test_cues_shipped_lexicon_counts_are_consistent() -> None:
    raw = json.loads(resources.files("claimledger").joinpath("data/cue_lexicon.json").read_text("utf-8"))
    for frames in raw["lemmas"].values():
        for counts in frames.values():
            assert counts["total"] >= raw["min_support"]
            assert counts["p"] == pytest.approx(counts["cue"] / counts["total"], abs=0.001)
            assert counts["p"] >= raw["keep_floor"]
    assert cue_lexicon().threshold == raw["threshold"]
    assert cue_lexicon().accepts("show", "ccomp")
