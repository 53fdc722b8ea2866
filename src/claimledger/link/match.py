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

from claimledger.link.origins import reports_nested
from claimledger.link.stance import read_stance
from claimledger.link.terms import Terms, terms_of, unit_family
from claimledger.models import Attribution, Report
from claimledger.settings import Settings

logger = logging.getLogger(__name__)

NAME_WEIGHT = 1.5
COUNT_WEIGHT = 4.0
# An assertion with fewer content terms than this is thin: "reportedly involved" matches nothing, and
# "at least 5,000 troops were in place" (a count) may only join the claim of its best match.
MIN_TERMS = 3
SAME_DATE_BONUS = 0.05
# Two statements giving the same number of the same kind of thing ("about 2,000 soldiers") most likely
# report one observation, however differently the rest is worded.
SAME_COUNT_BONUS = 0.1
# A response with fewer content terms than this only refers back to something said before.
ANAPHORIC_TERMS = 2
# Statements compared when picking a claim's summary; bounds the quadratic step on big claims.
SUMMARY_CANDIDATES = 50
# A statement that matches nothing strongly joins its best weak match only on this many shared terms
# that are not names.
WEAK_TOPICAL_TERMS = 2


@dataclass(frozen=True, slots=True)
class Member:
    """A statement in a claim, with the match score and a reason a person can check.

    `attribution` is the statement as the link stage reads it: a neutral cue whose content says the
    source could not verify something has the stance `no_confirmation` here (see `stance.py`).
    """

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
    shared: frozenset[str]
    same_date: bool
    same_count: bool
    # Shared terms that are not names: what the two statements say happened, not only where or who.
    topical: int


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
    read = [read_stance(a) for a in attributions]
    attributions = [attribution for attribution, _ in read]
    notes = {attribution.id: note for attribution, note in read if note}
    matcher = _Matcher(attributions, settings)
    groups, group_of = _group_assertions(matcher, settings)
    asserted_in: dict[str, set[int]] = defaultdict(set)
    for i, g in group_of.items():
        asserted_in[attributions[i].report_id].add(g)
    for i, attribution in enumerate(attributions):
        if attribution.stance != "assert":
            _attach_response(i, attribution, matcher, groups, group_of, asserted_in, reports, settings)
    for group in groups:
        group.members = [
            replace(m, reason=f"{notes[m.attribution.id]}; {m.reason}") if m.attribution.id in notes else m
            for m in group.members
        ]
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
        if i in matcher.wraps:
            continue
        # Each pair of indexed assertions is scored once, from its later statement, for both sides.
        earlier_only = not matcher.thin(i)
        for found in matcher.matches(i, settings.claim_match_threshold, earlier_only=earlier_only):
            strong = found.score >= settings.claim_link_threshold
            if strong and not matcher.thin(i):
                parent[_root(parent, i)] = _root(parent, found.other)
            # A weak match on one word besides names ("Vessarian units" and "the Vessarian build-up")
            # is too little to join a claim by, or to give as the reason a statement is in one.
            if not strong and found.topical < WEAK_TOPICAL_TERMS:
                continue
            _keep_best(best_match, i, found)
            if earlier_only:
                _keep_best(best_match, found.other, replace(found, other=i))
    # A statement linked to nothing strongly joins the group of its best weaker match, without pulling
    # that group's other statements along (which single linkage on weak matches would do).
    sizes = Counter(_root(parent, i) for i in assertions)
    for i, found in best_match.items():
        if sizes[_root(parent, i)] == 1:
            parent[i] = _root(parent, found.other)
    # A statement that only wraps another ("the Directorate has told the government that X") is X.
    for i, inner in matcher.wraps.items():
        parent[_root(parent, i)] = _root(parent, inner)
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
        if i in matcher.wraps:
            wrapped = attributions[matcher.wraps[i]].id[:8]
            reason = f"its content holds statement {wrapped}, which its source reports: joins that claim"
            member = Member(attributions[i], 1.0, reason)
        elif best is None:
            member = Member(attributions[i], 1.0, "first statement of this claim")
        else:
            member = Member(attributions[i], best.score, matcher.reason(best))
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
    # A response too short to match on its own words ("any of the figures") refers back to its report's
    # main claim; matching it by its one word would tie it to any report that uses that word.
    if len(matcher.terms[i].words) < ANAPHORIC_TERMS:
        principal = _principal_group(attribution, groups, asserted_in, reports)
        if principal is not None:
            quoted = " ".join(attribution.content.text.split())
            reason = f"refers back (“{quoted}”): attached to the main claim of its report"
            groups[principal].members.append(Member(attribution, 0.0, reason))
            return
    best = matcher.best(i, settings.response_match_threshold)
    if best is not None:
        groups[group_of[best.other]].members.append(Member(attribution, best.score, matcher.reason(best)))
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
        indices = [matcher.index_of(a) for a in sample]
        totals = [sum(matcher.pair_similarity(i, j) for j in indices) for i in indices]
        chosen = sample[max(range(len(sample)), key=lambda k: (totals[k], -k))]
    elif assertions:
        chosen = assertions[0]
    pieces = chosen.content_fragments or (chosen.content,)
    return " … ".join(" ".join(piece.text.split()) for piece in pieces)


class _Matcher:
    """Weighted term overlap between statements, with an inverted index of assertions for blocking."""

    def __init__(self, attributions: Sequence[Attribution], settings: Settings) -> None:
        self.attributions = attributions
        inner = _nested_assertions(attributions)
        # A statement is compared on its own words: those of a statement nested in it are cut out.
        own = [_outside(a, attributions[inner[k]]) if k in inner else a for k, a in enumerate(attributions)]
        self.terms = [terms_of(a) for a in own]
        self._counted = [
            frozenset((unit_family(q.unit), q.value) for q in a.quantities if q.unit) for a in own
        ]
        self._by_id = {a.id: k for k, a in enumerate(attributions)}
        frequency = Counter(term for t in self.terms for term in t.words)
        names = {term for t in self.terms for term in t.names}
        # For telling what a statement is about from where and who: terms written as names in at least
        # half the statements that have them ("Harsk", not "unit", which a title once capitalised).
        as_name = Counter(term for t in self.terms for term in t.names)
        self._names = frozenset(term for term, count in as_name.items() if 2 * count >= frequency[term])
        # Assertions whose content holds another's and adds only names and cue words, or reports it.
        self.wraps = {
            k: j
            for k, j in inner.items()
            if len(self.terms[k].words - self._names) < MIN_TERMS
            or reports_nested(attributions[k], attributions[j])
        }
        total = len(attributions)
        self._weight = {
            term: (math.log((total + 1) / (count + 1)) + 1) * (NAME_WEIGHT if term in names else 1.0)
            for term, count in frequency.items()
        }
        self._weight.update({term: COUNT_WEIGHT for t in self.terms for term in t.counts})
        self._totals = [sum(self._weight[t] for t in terms.words) for terms in self.terms]
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._max_postings = settings.link_max_postings
        self._min_shared = settings.claim_min_shared_terms

    def thin(self, i: int) -> bool:
        return len(self.terms[i].words) < MIN_TERMS

    def index_of(self, attribution: Attribution) -> int:
        return self._by_id[attribution.id]

    def pair_similarity(self, i: int, j: int) -> float:
        """`similarity` of statements `i` and `j`."""
        shared = self.terms[i].words & self.terms[j].words
        return self._pair_score(i, j, shared) if shared else 0.0

    def index(self, i: int, *, assertion: bool) -> None:
        if assertion and not self.thin(i) and i not in self.wraps:
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
        candidates: set[int] = set()
        for term in self.terms[i].words:
            postings = self._postings.get(term, ())
            # A term in too many statements says little and would make the candidates quadratic; the
            # pair is still scored on all its shared terms when a rarer one brings it in.
            if len(postings) <= self._max_postings:
                candidates.update(postings)
        candidates.discard(i)
        words = self.terms[i].words
        needed = max(min(self._min_shared, len(words)), 1)
        found: list[_Match] = []
        for j in sorted(candidates):
            if earlier_only and j > i:
                continue
            shared = words & self.terms[j].words
            topical = len(shared - self._names)
            # Names alone say where or who, not what: "no soldier was near the Tamrin Valley" and "rocket
            # launchers are heading for the Tamrin Valley" are not one claim.
            if len(shared) < needed or not topical:
                continue
            score = self._pair_score(i, j, shared)
            same_date = self._same_date(i, j)
            same_count = not self._counted[i].isdisjoint(self._counted[j])
            score = min(score + SAME_DATE_BONUS * same_date + SAME_COUNT_BONUS * same_count, 1.0)
            if score >= threshold:
                found.append(_Match(j, score, shared, same_date, same_count, topical))
        return found

    def _pair_score(self, i: int, j: int, shared: frozenset[str]) -> float:
        """`similarity` of statements `i` and `j`, from their precomputed term weight totals."""
        both = sum(self._weight.get(t, 1.0) for t in shared)
        first, second = self._totals[i], self._totals[j]
        return (both / (first + second - both) + both / min(first, second)) / 2

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
        return (both / union + both / smaller) / 2, sorted(shared, key=lambda t: (-weight.get(t, 1.0), t))

    def _same_date(self, i: int, j: int) -> bool:
        first, second = self.attributions[i].event_date, self.attributions[j].event_date
        return first is not None and first == second

    def reason(self, match: _Match) -> str:
        """Why a statement matched: the terms it shares with the other, best weighted first."""
        other = self.attributions[match.other]
        ranked = sorted(match.shared, key=lambda t: (-self._weight.get(t, 1.0), t))
        terms = ", ".join(ranked[:6]) + (", …" if len(ranked) > 6 else "")
        date = "".join(
            (" and its number" if match.same_count else "", " and its event date" if match.same_date else "")
        )
        return f"shares {terms}{date} with statement {other.id[:8]} (score {match.score:.2f})"


def _nested_assertions(attributions: Sequence[Attribution]) -> dict[int, int]:
    """For each assertion whose content holds another assertion's (same report), the largest one held.

    "rocket launchers could be heading for the valley, where officials say thousands have gathered"
    holds "thousands have gathered": its own proposition is what lies outside that.
    """
    by_report: dict[str, list[int]] = defaultdict(list)
    for k, attribution in enumerate(attributions):
        if attribution.stance == "assert" and not attribution.content_fragments:
            by_report[attribution.report_id].append(k)
    held: dict[int, int] = {}
    for members in by_report.values():
        for k in members:
            outer = attributions[k].content
            inside = [
                j
                for j in members
                if j != k
                and outer.start <= attributions[j].content.start
                and attributions[j].content.end <= outer.end
                and attributions[j].content.end - attributions[j].content.start < outer.end - outer.start
            ]
            if inside:
                held[k] = max(inside, key=lambda j: (len(attributions[j].content.text), -j))
    return held


def _outside(outer: Attribution, inner: Attribution) -> Attribution:
    """`outer` with the content of `inner`, and the numbers in it, cut out of its own."""
    text, cut = outer.content.text, inner.content.text
    start, end = inner.content.start, inner.content.end
    offset = start - outer.content.start
    if text[offset : offset + len(cut)] != cut:
        return outer  # offsets that do not line up: keep the whole content rather than cut wrongly
    remaining = f"{text[:offset]} {text[offset + len(cut) :]}"
    quantities = tuple(q for q in outer.quantities if not start <= q.span.start < end)
    return replace(outer, content=replace(outer.content, text=remaining), quantities=quantities)
