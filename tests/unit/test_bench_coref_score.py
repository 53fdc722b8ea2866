"""The coreference scorers on tiny hand-made clusterings whose MUC, B³ and CEAF-e values are known."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from coref_score import b_cubed, ceaf_e, clusters_of, conll, muc, singletons  # noqa: E402  # bench/ is not a package

KEY = [frozenset("abc"), frozenset("de")]


def test_bench_coref_score_identical_clusterings_score_100() -> None:
    assert conll(KEY, list(KEY)) == pytest.approx(
        {"muc_f1": 100.0, "b3_f1": 100.0, "ceafe_f1": 100.0, "conll_f1": 100.0}
    )


def test_bench_coref_score_all_singletons_against_one_cluster() -> None:
    key = [frozenset("abcd")]
    response = singletons("abcd")
    assert muc(key, response).f1 == 0.0
    assert (b_cubed(key, response).precision, b_cubed(key, response).recall) == pytest.approx((100.0, 25.0))
    assert b_cubed(key, response).f1 == pytest.approx(40.0)
    # φ4 of the one key cluster and any singleton is 2/5; one of four response clusters is aligned.
    assert (ceaf_e(key, response).precision, ceaf_e(key, response).recall) == pytest.approx((10.0, 40.0))
    assert conll(key, response)["conll_f1"] == pytest.approx((0.0 + 40.0 + 16.0) / 3)


def test_bench_coref_score_one_cluster_against_all_singletons() -> None:
    key = singletons("abcd")
    response = [frozenset("abcd")]
    assert b_cubed(key, response).precision == pytest.approx(25.0)
    assert b_cubed(key, response).recall == pytest.approx(100.0)
    assert muc(key, response).f1 == 0.0


def test_bench_coref_score_muc_split_cluster() -> None:
    score = muc([frozenset("abcd")], [frozenset("ab"), frozenset("cd")])
    assert (score.precision, score.recall, score.f1) == pytest.approx((100.0, 200 / 3, 80.0))


def test_bench_coref_score_b_cubed_moved_mention() -> None:
    score = b_cubed(KEY, [frozenset("ab"), frozenset("cde")])
    assert (score.precision, score.recall) == pytest.approx((100 * 11 / 15, 100 * 11 / 15))


def test_bench_coref_score_ceaf_e_aligns_one_to_one() -> None:
    # Key {a,b,c} ~ response {a,b}: 2·2/5 = 0.8; key {d,e} ~ response {c,d,e}: 2·2/5 = 0.8.
    score = ceaf_e(KEY, [frozenset("ab"), frozenset("cde")])
    assert (score.precision, score.recall) == pytest.approx((80.0, 80.0))


def test_bench_coref_score_mentions_missing_from_response_count_as_misses() -> None:
    score = muc([frozenset("abc")], [frozenset("ab")])
    assert (score.precision, score.recall) == pytest.approx((100.0, 50.0))


def test_bench_coref_score_clusters_of_labels() -> None:
    assert sorted(map(sorted, clusters_of({"a": 1, "b": 1, "c": 2}))) == [["a", "b"], ["c"]]


def test_bench_coref_score_empty_response_scores_zero() -> None:
    assert ceaf_e(KEY, []).f1 == 0.0
