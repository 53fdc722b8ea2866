"""The span model's labels and features: alignment of character spans, BIO labels and their decoding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from claimledger.extract.span_features import (
    CONTENT,
    SOURCE,
    DocView,
    RuleView,
    align,
    align_offsets,
    bio,
    cue_features,
    cue_head,
    role_features,
    segments,
    window_of,
)


@st.composite
def tokens_and_span(draw: st.DrawFn) -> tuple[list[int], list[int], list[bool], tuple[int, int]]:
    """Tokens laid out left to right with gaps, and any character span over them."""
    starts, ends, spaces, offset = [], [], [], 0
    for _ in range(draw(st.integers(1, 12))):
        offset += draw(st.integers(0, 2))
        width = draw(st.integers(1, 5))
        starts.append(offset)
        ends.append(offset + width)
        spaces.append(draw(st.booleans()))
        offset += width
    start = draw(st.integers(0, offset))
    end = draw(st.integers(start, offset + 1))
    return starts, ends, spaces, (start, end)


@given(tokens_and_span())
def test_span_features_align_covers_exactly_the_touched_tokens(
    case: tuple[list[int], list[int], list[bool], tuple[int, int]],
) -> None:
    starts, ends, spaces, (start, end) = case
    touched = [i for i in range(len(starts)) if starts[i] < end and start < ends[i]]
    while touched and spaces[touched[0]]:
        touched.pop(0)
    while touched and spaces[touched[-1]]:
        touched.pop()
    expected = (touched[0], touched[-1] + 1) if touched else None
    assert align_offsets(starts, ends, (start, end), spaces) == expected


@given(st.lists(st.tuples(st.sampled_from([SOURCE, CONTENT]), st.integers(0, 30), st.integers(1, 8))))
def test_span_features_bio_decodes_back_to_disjoint_spans(raw: list[tuple[str, int, int]]) -> None:
    spans = [(kind, (start, start + width)) for kind, start, width in raw]
    labels = bio(40, spans)
    decoded = segments(labels)
    covered = {i for kind, (s, e) in decoded for i in range(s, e)}
    assert covered == {i for kind, (s, e) in spans for i in range(s, min(e, 40))}
    assert bio(40, decoded) == labels


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["O", "B-CON", "I-CON", "O"], [("CON", (1, 3))]),
        (["I-SRC", "I-SRC", "B-CON"], [("SRC", (0, 2)), ("CON", (2, 3))]),
        (["B-CON", "B-CON"], [("CON", (0, 1)), ("CON", (1, 2))]),
        (["B-SRC", "I-CON"], [("SRC", (0, 1)), ("CON", (1, 2))]),
        (["O", "O"], []),
    ],
)
def test_span_features_segments_of_labels(
    labels: list[str], expected: list[tuple[str, tuple[int, int]]]
) -> None:
    assert segments(labels) == expected


@pytest.mark.slow
def test_span_features_align_snaps_a_span_to_its_words(nlp: Language) -> None:
    doc = nlp("The mayor said the ferry will run.")
    assert align(doc, (4, 9)) == (1, 2)
    assert align(doc, (5, 13)) == (1, 3)
    assert align(doc, (15, 15)) is None


@pytest.mark.slow
def test_span_features_role_branch_names_the_cue_dependents(nlp: Language) -> None:
    doc = nlp("The mayor said the ferry will run again. It rained.")
    view = DocView.of(doc, RuleView())
    said = (2, 3)
    assert cue_head(doc, said).text == "said"
    assert window_of(view, said) == (0, len(doc))
    rows = role_features(view, said)
    assert "b=b:nsubj" in rows[1]
    assert "b=b:ccomp" in rows[4]
    assert "b=cue" in rows[2]
    assert "sent=1" in rows[-2]
    assert rows[1]["s=L"] == 1.0 and rows[4]["s=R"] == 1.0


@pytest.mark.slow
def test_span_features_cue_rows_mark_quotes_and_rule_cues(nlp: Language) -> None:
    doc = nlp("“The ferry will run,” the mayor said.")
    view = DocView.of(doc, RuleView(cue_of={9: 0}, roles=[{}], frames=["speech"]))
    rows = cue_features(view, (0, len(doc)))
    assert "q" in rows[1] and "q" not in rows[8]
    assert "rule_cue" in rows[9] and "rule_cue" not in rows[8]
    assert rows[9]["l=say"] == 1.0
    assert "rule_frame=speech" in rows[9]
