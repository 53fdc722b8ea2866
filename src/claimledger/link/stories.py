"""Group reports into stories: the reports of one developing event, with when it was first and last seen.

Reports that share a claim (a statement of each in one claim), or of which one is a copy of the other,
are in one story. Stories then merge by their evidence: each report is a vector of its content terms and
the numbers it mentions (years, counts, scores), weighted by how rare they are among the reports (names
and numbers count for more), and two stories merge, the most alike first, while the mean cosine
similarity of their reports reaches `story_link_threshold` and is not far below how alike each story's
own reports are (`story_cohesion_ratio`; average linkage over the pairs an inverted index finds). Two
events of one kind with the same names (two title fights of one boxer, two patches of one browser) stay
apart on what only one of them has: the other opponent, the year, the score. Every report keeps the link
that holds it in its story (a shared claim, or the terms it shares with another report), so a person can
check it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from claimledger.link.terms import text_terms
from claimledger.models import Claim, Report, Story, StoryMember
from claimledger.settings import Settings

logger = logging.getLogger(__name__)

NAME_WEIGHT = 3.0
# Numbers say which of two like events a report is about: the year, the death toll, the magnitude.
NUMBER_WEIGHT = 7.0
# Report pairs less alike than this count as not alike at all in a story's mean similarity.
PAIR_FLOOR = 0.05
# A number standing alone: "2012", "6.1", "1,200"; not the digits inside "MS08" or "6th".
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?!\w)")
# Terms shown in a link's reason.
SHOWN_TERMS = 6
TITLE_WIDTH = 80


@dataclass(frozen=True, slots=True)
class ReportLink:
    """Why two reports (by position) belong to one story, and how strongly."""

    first: int
    second: int
    score: float
    reason: str


def story_id(first_report_id: str) -> str:
    """A story's id: stable as long as its earliest report stays its earliest report."""
    return hashlib.sha256(f"story:{first_report_id}".encode()).hexdigest()[:16]


def build_stories(
    reports: Sequence[Report], claims: Sequence[Claim], *, settings: Settings
) -> tuple[list[Story], list[Claim]]:
    """Stories of `reports` (largest first) and `claims` with their `story_id` set."""
    ordered = sorted(reports, key=_report_order)
    groups = group_reports(
        [report.id[:8] for report in ordered],
        claim_links(ordered, claims),
        term_links(ordered, max_postings=settings.link_max_postings),
        threshold=settings.story_link_threshold,
        cohesion_ratio=settings.story_cohesion_ratio,
    )
    story_of_report: dict[str, str] = {}
    drafts: list[tuple[str, list[StoryMember]]] = []
    for members in groups:
        sid = story_id(ordered[members[0][0]].id)
        drafts.append((sid, [StoryMember(ordered[i].id, reason) for i, reason in members]))
        story_of_report.update((ordered[i].id, sid) for i, _ in members)
    placed = [replace(claim, story_id=_story_of_claim(claim, story_of_report)) for claim in claims]
    by_id = {report.id: report for report in ordered}
    stories = [_story(sid, members, placed, by_id) for sid, members in drafts]
    stories.sort(key=lambda s: (-len(s.members), s.first_seen or dt.date.max, s.id))
    return stories, placed


def _report_order(report: Report) -> tuple[bool, dt.date, str]:
    published = report.meta.published
    return (published is None, published or dt.date.min, report.id)


def claim_links(reports: Sequence[Report], claims: Sequence[Claim]) -> list[ReportLink]:
    """Links between reports that carry statements of one claim, and between copies and their originals."""
    position = {report.id: i for i, report in enumerate(reports)}
    links: list[ReportLink] = []
    for claim in claims:
        carried = sorted({position[s.report_id] for s in claim.statements if s.report_id in position})
        quoted = _clip(claim.summary, 60)
        for other in carried[1:]:
            links.append(ReportLink(carried[0], other, 1.0, f"shares claim {claim.id[:8]} (“{quoted}”)"))
    for i, report in enumerate(reports):
        if report.copy_of in position:
            links.append(ReportLink(position[report.copy_of], i, 1.0, "near-duplicate copy"))
    return links


def term_links(reports: Sequence[Report], *, max_postings: int) -> list[ReportLink]:
    """Links between reports whose weighted terms and numbers have a cosine of at least `PAIR_FLOOR`."""
    vectors = report_vectors([_main_text(report) for report in reports], numbers=True)
    return similar_pairs(vectors, threshold=PAIR_FLOOR, max_postings=max_postings)


def _main_text(report: Report) -> str:
    """The report's text without its boilerplate: one publisher's donation appeal links no stories."""
    pieces: list[str] = []
    previous = 0
    for boilerplate in sorted(report.boilerplate, key=lambda b: b.start):
        pieces.append(report.text[previous : boilerplate.start])
        previous = max(previous, boilerplate.end)
    pieces.append(report.text[previous:])
    return "\n".join(pieces)


def report_vectors(texts: Sequence[str], *, numbers: bool = False) -> list[dict[str, float]]:
    """A unit-length vector per text: (1 + log count) × rarity of each term, names weighted up.

    With `numbers`, the numbers a text mentions are terms too, weighted up more: two like events with
    the same names (two title fights of one boxer) differ in their year, score or death toll. Only the
    text is used; on ECB+ that means neither the gold sub-topic nor the ecb/ecbplus file name, which
    would be cheating.
    """
    found: list[tuple[dict[str, int], frozenset[str], frozenset[str]]] = []
    for text in texts:
        counts, names = text_terms(text)
        mentioned = number_terms(text) if numbers else {}
        found.append(({**counts, **mentioned}, names, frozenset(mentioned)))
    frequency = Counter(term for counts, _, _ in found for term in counts)
    total = len(texts)
    vectors: list[dict[str, float]] = []
    for counts, names, number_set in found:
        vector = {
            term: (1 + math.log(count))
            * (math.log((total + 1) / (frequency[term] + 1)) + 1)
            * (NAME_WEIGHT if term in names else NUMBER_WEIGHT if term in number_set else 1.0)
            for term, count in counts.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({term: value / norm for term, value in vector.items()})
    return vectors


def number_terms(text: str) -> dict[str, int]:
    """The numbers of a text that can tell events apart, with how often each occurs.

    Years, counts, scores and measures ("2012", "1200", "6.1"); numbers below 10 are left out, as
    "2 people" or "3 days" are in reports of any event.
    """
    counts: dict[str, int] = {}
    for match in _NUMBER.finditer(text):
        number = match.group().replace(",", "")
        if "." in number or int(number) >= 10:
            counts[number] = counts.get(number, 0) + 1
    return counts


def similar_pairs(
    vectors: Sequence[Mapping[str, float]], *, threshold: float, max_postings: int
) -> list[ReportLink]:
    """Pairs of vectors with a cosine of at least `threshold`, found through an inverted index."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term in vector:
            postings[term].append(i)
    links: list[ReportLink] = []
    for i, vector in enumerate(vectors):
        candidates: set[int] = set()
        for term in vector:
            found = postings[term]
            # A term in too many reports says little and would make the candidates quadratic.
            if len(found) <= max_postings:
                candidates.update(j for j in found if j > i)
        for j in sorted(candidates):
            other = vectors[j]
            shared = {term: vector[term] * other[term] for term in vector.keys() & other.keys()}
            score = sum(shared.values())
            if score >= threshold:
                ranked = sorted(shared, key=lambda t: (-shared[t], t))[:SHOWN_TERMS]
                reason = f"shares terms {', '.join(ranked)} (similarity {score:.2f})"
                links.append(ReportLink(i, j, score, reason))
    return links


def group_reports(
    labels: Sequence[str],
    claim_links: Sequence[ReportLink],
    term_links: Sequence[ReportLink],
    *,
    threshold: float,
    cohesion_ratio: float = 0.0,
) -> list[list[tuple[int, str]]]:
    """Stories over the reports named by `labels`, each report with the link that keeps it there.

    Reports linked by a claim or a copy are in one story. Stories then merge, the most similar pair
    first, while the mean term similarity between their reports reaches `threshold` (average linkage,
    which does not chain through one middling report the way single linkage does) and at least
    `cohesion_ratio` times the mean similarity inside the less close-knit of the two (0 turns that
    check off). A story starts with its earliest report; every other report keeps its strongest link
    inside the story.
    """
    parent = list(range(len(labels)))
    for link in claim_links:
        parent[_root(parent, link.second)] = _root(parent, link.first)
    _merge_similar(parent, term_links, threshold=threshold, cohesion_ratio=cohesion_ratio)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(labels)):
        groups[_root(parent, i)].append(i)
    # A report's reason is its first claim or copy link, else its most similar report in the story.
    best: dict[int, ReportLink] = {}
    for link in term_links:
        if _root(parent, link.first) == _root(parent, link.second):
            for end in (link.first, link.second):
                if end not in best or link.score > best[end].score:
                    best[end] = link
    claimed: set[int] = set()
    for link in claim_links:
        for end in {link.first, link.second} - claimed:
            best[end] = link
            claimed.add(end)
    result: list[list[tuple[int, str]]] = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        first, rest = members[0], members[1:]
        seed = "first report of this story" if rest else "shares no claim and few terms with other reports"
        reasons = []
        for i in rest:
            link = best[i]
            partner = link.second if link.first == i else link.first
            reasons.append((i, f"{link.reason}, with report {labels[partner]}"))
        result.append([(first, seed), *reasons])
    return result


def _merge_similar(
    parent: list[int], links: Sequence[ReportLink], *, threshold: float, cohesion_ratio: float
) -> None:
    """Average-linkage merging of the groups in `parent` (a union-find) over the similarity `links`.

    Two groups whose reports are each far more alike among themselves than to the other group's stay
    apart even above `threshold`: that is two like events (two earthquakes, two arrests), not one.
    """
    size = Counter(_root(parent, i) for i in range(len(parent)))
    inner: dict[int, float] = defaultdict(float)
    total: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for link in links:
        a, b = _root(parent, link.first), _root(parent, link.second)
        if a != b:
            total[a][b] += link.score
            total[b][a] += link.score
        else:
            inner[a] += link.score
    heap = [(-score / (size[a] * size[b]), a, b) for a in total for b, score in total[a].items() if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b:
            continue
        mean = total[a][b] / (size[a] * size[b])
        if abs(mean + negative) > 1e-12:
            continue  # a stale entry: one side has grown since it was pushed
        if mean < threshold:
            break
        cohesions = [inner[g] * 2 / (size[g] * (size[g] - 1)) for g in (a, b) if size[g] > 1]
        if cohesions and mean < cohesion_ratio * min(cohesions):
            logger.debug("stories %d and %d stay apart: %.3f between, %s within", a, b, mean, cohesions)
            continue
        parent[b] = a
        inner[a] += inner.pop(b, 0.0) + total[a][b]
        size[a] += size[b]
        for other, score in total.pop(b).items():
            del total[other][b]
            if other != a:
                total[a][other] += score
                total[other][a] = total[a][other]
        for other, score in total[a].items():
            heapq.heappush(heap, (-score / (size[a] * size[other]), min(a, other), max(a, other)))


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _story_of_claim(claim: Claim, story_of_report: Mapping[str, str]) -> str | None:
    """The story of most of a claim's reports (the one seen first, by id, on a tie)."""
    reports = dict.fromkeys(s.report_id for s in claim.statements if s.report_id in story_of_report)
    votes = Counter(story_of_report[report_id] for report_id in reports)
    if not votes:
        return None
    return max(votes, key=lambda sid: (votes[sid], -list(votes).index(sid)))


def _story(
    sid: str, members: list[StoryMember], claims: Sequence[Claim], reports: Mapping[str, Report]
) -> Story:
    mine = [claim for claim in claims if claim.story_id == sid]
    dates = sorted(d for d in (reports[m.report_id].meta.published for m in members) if d)
    first = reports[members[0].report_id]
    title = first.meta.title or first.text.strip().split("\n", 1)[0]
    return Story(
        id=sid,
        title=_clip(title, TITLE_WIDTH),
        # Claims come most independent origins first, so the first is the story's best-attested claim.
        summary=mine[0].summary if mine else None,
        members=tuple(members),
        claim_ids=tuple(claim.id for claim in mine),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
    )


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
