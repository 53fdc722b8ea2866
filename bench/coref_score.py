"""Coreference scores of a predicted clustering against a gold one: MUC, B³, CEAF-e and CoNLL F1.

Written after the definitions used by the CoNLL-2012 reference scorer (Pradhan et al. 2014):
MUC counts links, B³ averages per-mention overlaps, CEAF-e aligns gold and predicted clusters one to
one (φ4 similarity) and CoNLL F1 is the mean of the three F1 values. Singletons are kept. Figures are
percentages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = list[frozenset[Hashable]]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1, in percent."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def clusters_of(labels: Mapping[Hashable, Hashable]) -> Clusters:
    """The clusters of a mention → cluster-label mapping."""
    grouped: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in labels.items():
        grouped[label].add(mention)
    return [frozenset(members) for members in grouped.values()]


def _percent(numerator: float, denominator: float) -> float:
    return 0.0 if denominator == 0 else 100.0 * numerator / denominator


def _muc_recall(key: Clusters, response: Clusters) -> tuple[float, float]:
    where = {mention: i for i, cluster in enumerate(response) for mention in cluster}
    numerator = denominator = 0.0
    for cluster in key:
        # Mentions the response does not have count as singleton parts each.
        parts = {where.get(mention, ("missing", mention)) for mention in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Clusters, response: Clusters) -> Score:
    """MUC: the share of gold links the response keeps (recall) and of its links that are gold (precision)."""
    recall = _muc_recall(key, response)
    precision = _muc_recall(response, key)
    return Score(_percent(*precision), _percent(*recall))


def _b3_recall(key: Clusters, response: Clusters) -> tuple[float, float]:
    where = {mention: cluster for cluster in response for mention in cluster}
    numerator = 0.0
    total = 0
    for cluster in key:
        for mention in cluster:
            numerator += len(cluster & where.get(mention, frozenset())) / len(cluster)
            total += 1
    return numerator, total


def b_cubed(key: Clusters, response: Clusters) -> Score:
    """B³: per mention, the share of its gold cluster found in its predicted cluster, and the reverse."""
    recall = _b3_recall(key, response)
    precision = _b3_recall(response, key)
    return Score(_percent(*precision), _percent(*recall))


def ceaf_e(key: Clusters, response: Clusters) -> Score:
    """CEAF-e: the best one-to-one alignment of clusters under φ4 = 2|K ∩ R| / (|K| + |R|)."""
    if not key or not response:
        return Score(0.0, 0.0)
    similarity = np.zeros((len(key), len(response)))
    where = {mention: j for j, cluster in enumerate(response) for mention in cluster}
    for i, cluster in enumerate(key):
        for j in {where[m] for m in cluster if m in where}:
            shared = len(cluster & response[j])
            similarity[i, j] = 2 * shared / (len(cluster) + len(response[j]))
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, columns].sum())
    return Score(_percent(total, len(response)), _percent(total, len(key)))


def conll(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B³, CEAF-e and CoNLL F1 (their mean), in percent."""
    figures = {
        "muc_f1": muc(key, response).f1,
        "b3_f1": b_cubed(key, response).f1,
        "ceafe_f1": ceaf_e(key, response).f1,
    }
    figures["conll_f1"] = sum(figures.values()) / 3
    return figures


def singletons(mentions: Iterable[Hashable]) -> Clusters:
    """Every mention in a cluster of its own."""
    return [frozenset([mention]) for mention in mentions]
