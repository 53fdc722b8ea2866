"""Group statements from different reports that state the same proposition into claims.

Statements are compared on their content terms (see `terms.py`), each weighted by how rare it is,
so "Velka" counts for more than "Vessaria". Only statements that share a term of a bounded posting
list are ever compared (an inverted index blocks the candidates), so the cost grows near-linearly.
Assertions are grouped first: two that match strongly (`claim_link_threshold`) are in one claim, and
one that matches nothing strongly joins the claim of its best weaker match (`claim_match_threshold`)
without pulling that claim's other statements along. Denials, non-confirmations, condemnations and
expressions of concern then join the claim they address: the best-matching assertion, or, when they
only refer back ("dismissed the reports as fabrications"), the principal claim of their own report.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from claimledger.link.terms import Terms, terms_of
from claimledger.models import Attribution, Report
from claimledger.settings import Settings

logger = logging.getLogger(__name__)

NAME_WEIGHT = 1.5
COUNT_WEIGHT = 4.0
# An assertion with fewer content terms than this is thin: "reportedly involved" matches nothing, and
# "at least 5,000 troops were in place" (a count) may only join the claim of its best match.
MIN_TERMS = 3
SAME_DATE_BONUS = 0.05
# A response with fewer content terms than this only refers back to something said before.
ANAPHORIC_TERMS = 2
# Statements compared when picking a claim's summary; bounds the quadratic step on big claims.
SUMMARY_CANDIDATES = 50


@dataclass(frozen=True, slots=True)
class Member:
    """A statement in a claim, with the match score and a reason a person can check."""

    attribution: Attribution
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A matched group of statements and the assertion that best sums it up, before origins and grades."""

    id: str
    members: tuple[Member, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class _Match:
    """Another statement that a statement matches: which, how well, on which terms."""

    other: int
    score: float
    shared: tuple[str, ...]
    same_date: bool


@dataclass(slots=True)
class _Group:
    members: list[Member] = field(default_factory=list)


def claim_id(seed: Attribution) -> str:
    """A claim's id: stable as long as its first statement stays its first statement."""
    return hashlib.sha256(f"claim:{seed.id}".encode()).hexdigest()[:16]


def match_claims(
    attributions: Sequence[Attribution], reports: Mapping[str, Report], *, settings: Settings
) -> list[ClaimDraft]:
    """Claims of `attributions`, which come in reading order (oldest report first, then text order)."""
    matcher = _Matcher(attributions, settings)
    groups, group_of = _group_assertions(matcher, settings)
    asserted_in: dict[str, set[int]] = defaultdict(set)
    for i, g in group_of.items():
        asserted_in[attributions[i].report_id].add(g)
    for i, attribution in enumerate(attributions):
        if attribution.stance != "assert":
            _attach_response(i, attribution, matcher, groups, group_of, asserted_in, reports, settings)
    drafts = [
        ClaimDraft(claim_id(group.members[0].attribution), tuple(group.members), _summary(group, matcher))
        for group in groups
    ]
    logger.info("matched %d statements into %d claims", len(attributions), len(drafts))
    return drafts


def _group_assertions(matcher: _Matcher, settings: Settings) -> tuple[list[_Group], dict[int, int]]:
    """Assertions grouped by single linkage on strong matches, then weakly matched loners attached."""
    attributions = matcher.attributions
    assertions = [i for i, a in enumerate(attributions) if a.stance == "assert"]
    for i in assertions:
        matcher.index(i, assertion=True)
    # Union-find over all candidate pairs: the grouping does not depend on reading order.
    parent = {i: i for i in assertions}
    best_match: dict[int, _Match] = {}
    for i in assertions:
        # Each pair of indexed assertions is scored once, from its later statement, for both sides.
        earlier_only = not matcher.thin(i)
        for found in matcher.matches(i, settings.claim_match_threshold, earlier_only=earlier_only):
            if found.score >= settings.claim_link_threshold and not matcher.thin(i):
                parent[_root(parent, i)] = _root(parent, found.other)
            _keep_best(best_match, i, found)
            if earlier_only:
                _keep_best(best_match, found.other, replace(found, other=i))
    # A statement linked to nothing strongly joins the group of its best weaker match, without pulling
    # that group's other statements along (which single linkage on weak matches would do).
    sizes = Counter(_root(parent, i) for i in assertions)
    for i, found in best_match.items():
        if sizes[_root(parent, i)] == 1:
            parent[i] = _root(parent, found.other)
    roots: dict[int, int] = {}
    groups: list[_Group] = []
    group_of: dict[int, int] = {}
    for i in assertions:
        root = _root(parent, i)
        if root not in roots:
            roots[root] = len(groups)
            groups.append(_Group())
        group_of[i] = roots[root]
        best = best_match.get(i)
        member = (
            Member(attributions[i], 1.0, "first statement of this claim")
            if best is None
            else Member(attributions[i], best.score, matcher.reason(best))
        )
        groups[roots[root]].members.append(member)
    return groups, group_of


def _keep_best(best: dict[int, _Match], i: int, found: _Match) -> None:
    # On equal scores the earlier statement stays the best match, whichever side found the pair.
    if i not in best or (found.score, -found.other) > (best[i].score, -best[i].other):
        best[i] = found


def _root(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _attach_response(
    i: int,
    attribution: Attribution,
    matcher: _Matcher,
    groups: list[_Group],
    group_of: dict[int, int],
    asserted_in: Mapping[str, set[int]],
    reports: Mapping[str, Report],
    settings: Settings,
) -> None:
    """Put a denial or other response into the claim it addresses, or into a claim of its own."""
    best = matcher.best(i, settings.response_match_threshold)
    if best is not None:
        groups[group_of[best.other]].members.append(Member(attribution, best.score, matcher.reason(best)))
        return
    if len(matcher.terms[i].words) < ANAPHORIC_TERMS:
        principal = _principal_group(attribution, groups, asserted_in, reports)
        if principal is not None:
            quoted = " ".join(attribution.content.text.split())
            reason = f"refers back (“{quoted}”): attached to the main claim of its report"
            groups[principal].members.append(Member(attribution, 0.0, reason))
            return
    groups.append(_Group([Member(attribution, 1.0, "matches no assertion: a claim of its own")]))


def _principal_group(
    attribution: Attribution,
    groups: list[_Group],
    asserted_in: Mapping[str, set[int]],
    reports: Mapping[str, Report],
) -> int | None:
    """Of the claims asserted in the same report (or its original), the one carried by the most reports."""
    report = reports.get(attribution.report_id)
    same = [attribution.report_id] + ([report.copy_of] if report and report.copy_of else [])
    candidates = sorted(set().union(*(asserted_in.get(report_id, set()) for report_id in same)))
    if not candidates:
        return None

    def reach(g: int) -> int:
        return len({member.attribution.report_id for member in groups[g].members})

    return max(candidates, key=lambda g: (reach(g), -g))


def _summary(group: _Group, matcher: _Matcher) -> str:
    """The content of the assertion most like the others of its claim (the first one on a tie)."""
    assertions = [m.attribution for m in group.members if m.attribution.stance == "assert"]
    chosen = group.members[0].attribution
    if len(assertions) > 2:
        sample = assertions[:SUMMARY_CANDIDATES]
        terms = [matcher.terms_of(a) for a in sample]
        totals = [sum(matcher.similarity(t, other)[0] for other in terms) for t in terms]
        chosen = sample[max(range(len(sample)), key=lambda k: (totals[k], -k))]
    elif assertions:
        chosen = assertions[0]
    pieces = chosen.content_fragments or (chosen.content,)
    return " … ".join(" ".join(piece.text.split()) for piece in pieces)


class _Matcher:
    """Weighted term overlap between statements, with an inverted index of assertions for blocking."""

    def __init__(self, attributions: Sequence[Attribution], settings: Settings) -> None:
        self.attributions = attributions
        self.terms = [terms_of(a) for a in attributions]
        self._by_id = {a.id: k for k, a in enumerate(attributions)}
        frequency = Counter(term for t in self.terms for term in t.words)
        names = {term for t in self.terms for term in t.names}
        total = len(attributions)
        self._weight = {
            term: (math.log((total + 1) / (count + 1)) + 1) * (NAME_WEIGHT if term in names else 1.0)
            for term, count in frequency.items()
        }
        self._weight.update({term: COUNT_WEIGHT for t in self.terms for term in t.counts})
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._max_postings = settings.link_max_postings
        self._min_shared = settings.claim_min_shared_terms

    def thin(self, i: int) -> bool:
        return len(self.terms[i].words) < MIN_TERMS

    def terms_of(self, attribution: Attribution) -> Terms:
        return self.terms[self._by_id[attribution.id]]

    def index(self, i: int, *, assertion: bool) -> None:
        if assertion and not self.thin(i):
            for term in self.terms[i].words:
                self._postings[term].append(i)

    def best(self, i: int, threshold: float) -> _Match | None:
        """The indexed assertion most like statement `i`, if it scores at least `threshold`."""
        found = self.matches(i, threshold)
        return max(found, key=lambda match: (match.score, -match.other)) if found else None

    def matches(self, i: int, threshold: float, *, earlier_only: bool = False) -> list[_Match]:
        """Indexed assertions that score at least `threshold` against statement `i`, with reasons."""
        if self.thin(i) and self.attributions[i].stance == "assert" and not self.terms[i].counts:
            return []
        shared_counts: Counter[int] = Counter()
        for term in self.terms[i].words:
            postings = self._postings.get(term, [])
            # A term in too many statements says little and would make the candidates quadratic.
            if len(postings) <= self._max_postings:
                shared_counts.update(j for j in postings if j != i and not (earlier_only and j > i))
        needed = max(min(self._min_shared, len(self.terms[i].words)), 1)
        found: list[_Match] = []
        for j, count in sorted(shared_counts.items()):
            if count < needed:
                continue
            score, shared = self.similarity(self.terms[i], self.terms[j])
            same_date = self._same_date(i, j)
            if same_date:
                score = min(score + SAME_DATE_BONUS, 1.0)
            if score >= threshold:
                found.append(_Match(j, score, tuple(shared), same_date))
        return found

    def similarity(self, first: Terms, second: Terms) -> tuple[float, list[str]]:
        """Mean of weighted Jaccard and weighted overlap of two term sets, and the shared terms."""
        shared = first.words & second.words
        if not shared:
            return 0.0, []
        weight = self._weight
        both = sum(weight.get(t, 1.0) for t in shared)
        union = sum(weight.get(t, 1.0) for t in first.words | second.words)
        smaller = min(
            sum(weight.get(t, 1.0) for t in first.words), sum(weight.get(t, 1.0) for t in second.words)
        )
        ranked = sorted(shared, key=lambda t: (-weight.get(t, 1.0), t))
        return (both / union + both / smaller) / 2, ranked

    def _same_date(self, i: int, j: int) -> bool:
        first, second = self.attributions[i].event_date, self.attributions[j].event_date
        return first is not None and first == second

    def reason(self, match: _Match) -> str:
        """Why a statement matched: the terms it shares with the other, best weighted first."""
        other = self.attributions[match.other]
        terms = ", ".join(match.shared[:6]) + (", …" if len(match.shared) > 6 else "")
        date = " and its event date" if match.same_date else ""
        return f"shares {terms}{date} with statement {other.id[:8]} (score {match.score:.2f})"
