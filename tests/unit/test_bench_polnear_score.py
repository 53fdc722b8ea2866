"""The PolNeAR scorer on hand-made articles: .ann parsing, gold quotes, token snapping, exact and overlap."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from claimledger.models import Attribution, SourceMention, Span

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import polnear  # noqa: E402  # bench/ is not a package
from polnear_score import (  # noqa: E402
    Counts,
    Quote,
    gold_quotes,
    make_quote,
    parse_ann,
    prediction_quote,
    score_article,
)

pytestmark = pytest.mark.slow

TEXT = (
    "Smith said the port is shut.\n"
    "“We will reopen,” the mayor added, “next week.”\n"
    "Officials declined to comment on the plan."
)


def at(fragment: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def t_line(number: int, kind: str, *fragments: str, text: str = TEXT) -> str:
    """A brat span line over `fragments` of `text`, with their text joined as brat writes it."""
    offsets = ";".join("{} {}".format(*at(f, text)) for f in fragments)
    return f"T{number}\t{kind} {offsets}\t{' '.join(fragments)}"


# Two events: Smith said ... (source, cue, one content) and the mayor added ... (two content fragments).
ANN = "\n".join(
    [
        t_line(1, "Source", "Smith"),
        t_line(2, "Cue", "said"),
        t_line(3, "Content", "the port is shut"),
        t_line(4, "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        t_line(5, "Source", "the mayor"),
        t_line(6, "Cue", "added"),
        t_line(7, "Content", "We will reopen", "next week"),
        t_line(8, "Attribution", "added"),
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        t_line(9, "Discuss", "declined"),
        "#1\tAnnotatorNotes T9\tnot an attribution?",
    ]
)

SMITH = {"cue": at("said"), "sources": [at("Smith")], "contents": [at("the port is shut")]}
MAYOR = {
    "cue": at("added"),
    "sources": [at("the mayor")],
    "contents": [at("We will reopen"), at("next week")],
}


def scored(nlp: Language, predictions: list[dict[str, Any]], ann: str = ANN, text: str = TEXT) -> Counts:
    predicted = [prediction_quote(text, p) for p in predictions]
    return score_article(text, gold_quotes(ann, text), [q for q in predicted if q], nlp.make_doc)


def f1(counts: Counts, element: str, kind: str = "exact") -> float:
    return round((counts.exact if kind == "exact" else counts.overlap)(element)[2], 1)


def test_bench_polnear_score_parses_events_and_skips_notes() -> None:
    events = parse_ann(ANN)
    assert set(events) == {"E1", "E2"}
    assert events["E2"] == {
        "cue": [at("added")],
        "source": [at("the mayor")],
        "content": [at("We will reopen"), at("next week")],
    }


def test_bench_polnear_score_discontinuous_text_with_newline() -> None:
    # The text of a span over two paragraphs runs onto the next line; only offsets count.
    ann = (
        "T1\tContent 0 28;29 45\tSmith said the port is shut.\n“We will reopen,”\n"
        "T2\tCue 6 10\tsaid\n"
        "E1\tAttribution:T2 Cue:T2 Content:T1\n"
    )
    assert parse_ann(ann)["E1"]["content"] == [(0, 28), (29, 45)]


def test_bench_polnear_score_numbered_roles_join_their_role() -> None:
    split = ANN.replace(
        t_line(7, "Content", "We will reopen", "next week"),
        t_line(7, "Content", "We will reopen") + "\n" + t_line(10, "Content", "next week"),
    ).replace("Content:T7", "Content:T7 Content2:T10")
    assert gold_quotes(split, TEXT) == gold_quotes(ANN, TEXT)


@pytest.mark.parametrize("missing", ["Cue:T6 ", "Content:T7"])
def test_bench_polnear_score_event_without_cue_or_content_dropped(missing: str) -> None:
    ann = ANN.replace(missing, "")
    assert [q.cue for q in gold_quotes(ann, TEXT)] == [at("said")]


def test_bench_polnear_score_gold_quote_normalised() -> None:
    text = "  He  said , “ go  home ” today."
    quote = make_quote(text, [(4, 7), (8, 11)], [(0, 4), (4, 6)], [(17, 25), (12, 17)])
    # Cue joined first to last, whitespace stripped (an all-space span dropped), fragments sorted.
    assert quote == Quote((6, 10), ((2, 4),), ((13, 17), (19, 25)))


def test_bench_polnear_score_quote_of_only_whitespace_is_none() -> None:
    assert make_quote("a  b", [(1, 3)], [], [(0, 1)]) is None
    assert make_quote("a  b", [(0, 1)], [], [(1, 3)]) is None


def test_bench_polnear_score_perfect_match(nlp: Language) -> None:
    counts = scored(nlp, [MAYOR, SMITH])
    for element in ("cue", "source", "content", "all"):
        assert f1(counts, element) == 100.0
        assert f1(counts, element, "overlap") == 100.0


def test_bench_polnear_score_missed_quote_lowers_recall(nlp: Language) -> None:
    counts = scored(nlp, [SMITH])
    for element in ("cue", "source", "content", "all"):
        precision, recall, _ = counts.exact(element)
        assert (precision, recall) == (100.0, 50.0)
    assert counts.fn["all"] == 1


def test_bench_polnear_score_wrong_source_right_cue(nlp: Language) -> None:
    wrong = {**SMITH, "sources": [at("the port")]}
    counts = scored(nlp, [wrong])
    assert counts.tp["cue"] == 1
    assert counts.tp["content"] == 1
    assert counts.tp["source"] == 0
    assert counts.fp["source"] == 1
    assert counts.tp["all"] == 0


def test_bench_polnear_score_no_source_matches_gold_without_source(nlp: Language) -> None:
    ann = ANN.replace(" Source:T1", "")
    assert scored(nlp, [{**SMITH, "sources": []}], ann).tp["source"] == 1
    assert scored(nlp, [SMITH], ann).tp["source"] == 0


@pytest.mark.parametrize(
    ("contents", "hit"),
    [
        ([at("next week"), at("We will reopen")], 1),  # fragments in any order
        ([at("We will reopen")], 0),  # one fragment missing
        ([at("We will reopen,” the mayor added, “next week")], 0),  # joined over the cue
    ],
)
def test_bench_polnear_score_discontinuous_content(
    nlp: Language, contents: list[tuple[int, int]], hit: int
) -> None:
    counts = scored(nlp, [{**MAYOR, "contents": contents}])
    assert counts.tp["content"] == hit
    assert counts.tp["cue"] == 1


def test_bench_polnear_score_shared_source(nlp: Language) -> None:
    text = "Smith said the port is shut and added that ships wait."
    ann = "\n".join(
        [
            t_line(1, "Source", "Smith", text=text),
            t_line(2, "Cue", "said", text=text),
            t_line(3, "Content", "the port is shut", text=text),
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
            t_line(4, "Cue", "added", text=text),
            t_line(5, "Content", "ships wait", text=text),
            "E2\tAttribution:T4 Content:T5 Cue:T4 Source:T1",
        ]
    )
    assert [q.sources for q in gold_quotes(ann, text)] == [(at("Smith", text),)] * 2
    predictions = [
        {"cue": at("said", text), "sources": [at("Smith", text)], "contents": [at("the port is shut", text)]},
        {"cue": at("added", text), "sources": [at("Smith", text)], "contents": [at("ships wait", text)]},
    ]
    counts = scored(nlp, predictions, ann, text)
    assert f1(counts, "source") == 100.0
    assert f1(counts, "all") == 100.0
    # Each predicted source shares its token with both gold sources: overlap sums over all pairs.
    assert (counts.shared["source"], counts.predicted["source"], counts.gold["source"]) == (4, 2, 2)


def test_bench_polnear_score_snaps_to_touched_tokens(nlp: Language) -> None:
    start, end = at("the port is shut")
    mid_token = {**SMITH, "cue": (at("said")[0] + 1, at("said")[1] - 1), "contents": [(start + 2, end - 1)]}
    counts = scored(nlp, [mid_token])
    assert counts.tp["cue"] == 1
    assert counts.tp["all"] == 1


def test_bench_polnear_score_cue_one_token_off_misses(nlp: Language) -> None:
    counts = scored(nlp, [{**SMITH, "cue": at("Smith said")}])
    assert counts.tp["cue"] == 0
    # The cues still overlap, so source and content count.
    assert (counts.tp["source"], counts.tp["content"]) == (1, 1)


def test_bench_polnear_score_whitespace_around_spans_ignored(nlp: Language) -> None:
    start, end = at("the port is shut")
    padded = {**SMITH, "contents": [(start - 1, end)]}
    assert scored(nlp, [padded]).tp["content"] == 1


def test_bench_polnear_score_overlap_on_partial_content(nlp: Language) -> None:
    # "port is" shares 2 tokens with gold "the port is shut"; gold contents hold 4 + 3 + 2 = 9 tokens.
    partial = {**SMITH, "contents": [at("port is")]}
    counts = scored(nlp, [partial])
    recall = 100 * 2 / 9
    assert counts.overlap("content") == (
        100.0,
        pytest.approx(recall),
        pytest.approx(200 * recall / (100 + recall)),
    )
    assert counts.tp["content"] == 0
    # All three together: predicted 1 + 1 + 2 tokens, all shared; gold cues 2, sources 1 + 2, contents 9.
    precision, recall, _ = counts.overlap("all")
    assert (precision, recall) == (100.0, pytest.approx(100 * 4 / 14))


def test_bench_polnear_score_overlap_over_a_longer_prediction(nlp: Language) -> None:
    # "Smith said the port is shut." is 7 tokens, 4 of them gold content; gold contents hold 9.
    longer = {**SMITH, "contents": [at("Smith said the port is shut.")]}
    precision, recall = scored(nlp, [longer]).overlap("content")[:2]
    assert (precision, recall) == (pytest.approx(100 * 4 / 7), pytest.approx(100 * 4 / 9))


def test_bench_polnear_score_counts_add_up() -> None:
    first, second = Counts(), Counts()
    first.tp["cue"], second.tp["cue"], second.fn["cue"] = 1, 2, 3
    first.add(second)
    assert (first.tp["cue"], first.fn["cue"]) == (3, 3)
    assert first.exact("cue") == (100.0, 50.0, pytest.approx(200 / 3))


def test_bench_polnear_missing_data_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert polnear.main(["--split", "dev", "--data", str(tmp_path / "nowhere")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "PolNeAR data not found" in captured.err


def test_bench_polnear_reads_first_annotator(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tannotators\tpublication_date\ndev\tpiece\tb2|a1\t2016-09-12\n", "utf-8"
    )
    (root / "dev" / "text" / "piece.txt").write_bytes(TEXT.encode())
    (root / "dev" / "attributions" / "piece_b2.ann").write_text(ANN, "utf-8")
    (root / "dev" / "attributions" / "piece_a1.ann").write_text("", "utf-8")
    [article] = polnear.articles(tmp_path, "dev")
    assert (article.name, article.text, article.ann) == ("piece", TEXT, ANN)
    assert article.published is not None
    assert article.published.isoformat() == "2016-09-12"


def _dataset(tmp_path: Path) -> Path:
    """PolNeAR's layout with one article in each split (the same text, the same annotation)."""
    root = tmp_path / "data"
    rows = ["compartment\tfilename\tannotators\tpublication_date"]
    for split in ("train", "dev"):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir()
        (root / split / "text" / f"{split}-piece.txt").write_bytes(TEXT.encode())
        (root / split / "attributions" / f"{split}-piece_a1.ann").write_text(ANN, "utf-8")
        rows.append(f"{split}\t{split}-piece\ta1\t2016-09-12")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    return tmp_path


@pytest.mark.parametrize(("warm_up", "cold"), [("1", True), ("0", False)])
def test_bench_polnear_times_the_scored_split_after_warming_up_on_the_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], warm_up: str, cold: bool
) -> None:
    assert polnear.main(["--split", "dev", "--data", str(_dataset(tmp_path)), "--warm-up", warm_up]) == 0
    lines = capsys.readouterr().out.splitlines()
    figures = json.loads(lines[-1])
    assert figures["articles"] == 1
    assert figures["cue_exact_f1"] > 0, "Smith said ... is found"
    assert figures["seconds_per_750_words"] > 0
    assert figures["parse_seconds_per_750_words"] > 0
    assert figures["ratio_to_parse"] == pytest.approx(
        figures["seconds_per_750_words"] / figures["parse_seconds_per_750_words"], rel=0.1
    )
    assert ("cold_seconds_per_750_words" in figures) is cold
    assert ("after 1 train articles" in "\n".join(lines)) is cold


def test_bench_polnear_timing_per_article_and_per_750_words() -> None:
    article = polnear.Article("a", " ".join(["word"] * 1500), "", None)
    timing = polnear.Timing.of(3.0, [article, article])
    assert (timing.articles, timing.words) == (2, 3000)
    assert timing.per_article == 1.5
    assert timing.per_750_words == 0.75


@pytest.mark.parametrize(
    ("text", "start", "moved"),
    [
        ("Ada said that the port is shut.", 14, 9),
        ("Ada said That the port is shut.", 14, 9),
        ("Ada said that\nthe port is shut.", 14, 9),
        ("Ada said the port is shut.", 9, 9),
        ("Ada said that, the port is shut.", 15, 15),
        ("Ada said thethat port is shut.", 17, 17),
    ],
    ids=["that", "capital", "newline", "no-that", "not-adjacent", "inside-a-word"],
)
def test_bench_polnear_content_starts_at_a_leading_that(text: str, start: int, moved: int) -> None:
    assert polnear.with_leading_that(text, start) == moved


@pytest.mark.parametrize(
    ("text", "end", "moved"),
    [
        ("John Weaver, a GOP strategist, said it.", 29, 30),
        ("John Weaver said it.", 11, 11),
        ("John Weaver, said it.", 11, 11),
        ("John Weaver, a GOP strategist said it.", 29, 29),
    ],
    ids=["apposition-closed", "no-comma", "comma-but-no-apposition", "apposition-not-closed"],
)
def test_bench_polnear_source_ends_with_its_closing_comma(text: str, end: int, moved: int) -> None:
    assert polnear.with_closing_comma(text, 0, end) == moved


@pytest.mark.parametrize(
    ("text", "source", "cue", "pronoun"),
    [
        ("Ivanka Trump, who told reporters", "Ivanka Trump", "told", "who"),
        ("a new poll that shows a lead", "a new poll", "shows", "that"),
        ("the agency, Which said", "the agency", "said", "Which"),
        ("Ivanka Trump told reporters", "Ivanka Trump", "told", None),
        ("Ivanka Trump, who has told reporters", "Ivanka Trump", "told", None),
        ("the man whose son said", "the man", "said", None),
    ],
    ids=["who", "that", "capital", "no-pronoun", "words-between", "whose"],
)
def test_bench_polnear_source_is_the_relative_pronoun_right_before_the_cue(
    text: str, source: str, cue: str, pronoun: str | None
) -> None:
    found = polnear.relative_pronoun(text, text.index(source) + len(source), text.index(cue))
    assert (text[slice(*found)] if found else None) == pronoun


@pytest.mark.parametrize(
    ("text", "content", "cue", "source", "pieces"),
    [
        (
            "The ferry would reportedly be sold to a buyer.",
            "The ferry would reportedly be sold to a buyer",
            "reportedly",
            None,
            ["The ferry would", "be sold to a buyer"],
        ),
        (
            "The plan, according to the mayor, is that the quay reopens.",
            "The plan, according to the mayor, is that the quay reopens",
            "according to",
            "the mayor",
            ["The plan", "is that the quay reopens"],
        ),
        (
            "The mayor said the quay reopens.",
            "the quay reopens",
            "said",
            "The mayor",
            ["the quay reopens"],
        ),
    ],
    ids=["reportative", "parenthetical-source", "cue-outside"],
)
def test_bench_polnear_content_is_cut_around_a_cue_inside_it(
    text: str, content: str, cue: str, source: str | None, pieces: list[str]
) -> None:
    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words)

    whole = span(content)
    cut = polnear.around_cue(text, [[whole.start, whole.end]], span(cue), span(source) if source else None)
    assert [text[start:end] for start, end in cut] == pieces


def test_the_timed_figure_is_the_median_pass_the_lower_middle_for_an_even_count() -> None:
    def passes(*seconds: float) -> list[polnear.Timing]:
        return [polnear.Timing(s, 84, 60_000) for s in seconds]

    assert polnear.median_of(passes(3.0, 1.0, 2.0)).seconds == 2.0
    assert polnear.median_of(passes(4.0, 1.0, 3.0, 2.0)).seconds == 2.0
    assert polnear.median_of(passes(5.0)).seconds == 5.0


NESTED = "The mayor acknowledged some delays even as he defended the plan, and the port reportedly shut."


def _found(cue: str, content: str, *sources: str) -> Attribution:
    def span(words: str) -> Span:
        return Span.of(NESTED, NESTED.index(words), NESTED.index(words) + len(words))

    chain = tuple(SourceMention(span(s), "person", False, s) for s in sources)
    return Attribution(
        id=cue, report_id="r", chain=chain, cue=span(cue), content=span(content),
        direct=False, stance="assert", certainty="certain",
    )  # fmt: skip


def test_bench_polnear_a_nested_attribution_is_scored_with_its_own_links_only() -> None:
    outer = _found("acknowledged", "some delays even as he defended the plan", "The mayor")
    nested = _found("defended", "the plan", "The mayor", "he")
    apart = _found("reportedly", "the port", "The mayor")  # same chain, cue outside the content
    own = polnear.own_links([outer, nested, apart])
    assert [[link.canonical for link in a.chain] for a in own] == [["The mayor"], ["he"], ["The mayor"]]


def test_bench_polnear_the_innermost_container_is_cut_and_a_sourceless_nested_one_keeps_none() -> None:
    outer = _found("acknowledged", "some delays even as he defended the plan", "The mayor")
    middle = _found("defended", "the plan", "The mayor", "he")
    inner = _found("plan", "plan", "The mayor", "he")  # a reading inside "defended"'s content
    bare = _found("delays", "delays", "The mayor")  # no link of its own
    own = polnear.own_links([outer, middle, inner, bare])
    assert [[link.canonical for link in a.chain] for a in own] == [["The mayor"], ["he"], [], []]


def test_bench_polnear_a_chain_that_does_not_begin_with_the_containers_is_kept_whole() -> None:
    outer = _found("acknowledged", "some delays even as he defended the plan", "The mayor")
    other = _found("defended", "the plan", "he")
    own = polnear.own_links([outer, other])
    assert [[link.canonical for link in a.chain] for a in own] == [["The mayor"], ["he"]]
