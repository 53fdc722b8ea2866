"""Who an unnamed origin is, read from its own report: "the company" is the firm the report named.

The extractor names a source where the sentence names it; a statement whose source is only a pronoun
("he"), a definite description ("the company", "the directorate") or a piece of evidence ("satellite
images") would otherwise count as an origin of its own. Within one report such a mention is resolved
by three rules, tried in order, each stated in the reason it gives:

1. evidence credited to a named source in its own sentence: "images released by Skylark", "logs from
   the State Border Guard Service that he said showed" (a pronoun relaying credited evidence);
2. evidence whose own description names a source: "an image ..., which Skylark also released", or
   that refers back to evidence credited earlier in the report ("a classified assessment by the
   Directorate" ... "the assessment said");
3. evidence credited nowhere in its own sentence is that of the one source the report credits with
   evidence of the same sort elsewhere ("new satellite images show" ... "Skylark said its latest
   pictures showed" ... "the Skylark images"); two such sources and it stays unnamed;
4. a definite description refers back to the nearest source named before it in the report whose name
   holds the description's noun ("the directorate") or whose kind it is ("the company": an organisation);
   "its analysts" are those of the nearest body (organisation, ministry, force, agency) named before.

Named sources are the gazetteer's known sources found in the report text and the named sources of the
report's own statements. Anything else is left as it is: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimledger.models import Attribution, Report, SourceKind

SENTENCE_REACH = 600
CREDIT_REACH = 60
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})
_EVIDENCE = re.compile(
    r"\b(?:images?|imagery|pictures?|photographs?|photos?|footage|logs?|records?|data|figures|counts?|"
    r"assessments?)\b",
    re.IGNORECASE,
)
# How a sentence credits evidence to a source: "released by", "from", "provided by".
_CREDIT = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# What a described source's noun may stand for besides a name holding it.
_NOUN_KINDS: dict[str, SourceKind] = {
    "company": "organisation",
    "firm": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "group": "organisation",
    "ministry": "ministry",
    "agency": "intelligence_agency",
    "government": "government",
}
# Kinds of source that have analysts, staff or sources of their own ("its analysts").
_BODIES = frozenset({"organisation", "ministry", "government", "military", "intelligence_agency"})
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")


@dataclass(frozen=True, slots=True)
class NamedSource:
    """A source named in a report's text, where it is named."""

    start: int
    end: int
    canonical: str
    kind: SourceKind


@dataclass(frozen=True, slots=True)
class Referent:
    """Who an unnamed origin turned out to be, and the rule that says so."""

    canonical: str
    kind: SourceKind
    reason: str


class ReportSources:
    """The sources each report names, found once per report and only for reports that need them."""

    def __init__(
        self,
        attributions: Sequence[Attribution],
        reports: Mapping[str, Report],
        known: Mapping[str, tuple[str, SourceKind]],
    ) -> None:
        self._reports = reports
        self._attributions: dict[str, list[Attribution]] = {}
        for attribution in attributions:
            self._attributions.setdefault(attribution.report_id, []).append(attribution)
        names = sorted((name for name in known if len(name) > 2), key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        # A name starts with a capital, not inside a word; the engine tries the names only there.
        start = r"(?-i:(?<![\w’'])(?=[A-Z]))"
        self._pattern = re.compile(rf"{start}(?:{alternatives})\b", re.IGNORECASE) if names else None
        self._known = {" ".join(name.split()): value for name, value in known.items()}
        self._found: dict[str, list[NamedSource]] = {}

    def named_in(self, report_id: str) -> list[NamedSource]:
        """The named sources of a report, in text order."""
        if report_id not in self._found:
            self._found[report_id] = self._find(report_id)
        return self._found[report_id]

    def _find(self, report_id: str) -> list[NamedSource]:
        report = self._reports.get(report_id)
        found: dict[int, NamedSource] = {}
        if report is not None and self._pattern is not None:
            for match in self._pattern.finditer(report.text):
                known = self._known.get(" ".join(match.group().casefold().split()))
                if known is not None:
                    found[match.start()] = NamedSource(match.start(), match.end(), *known)
        for attribution in self._attributions.get(report_id, ()):
            for mention in attribution.chain:
                span, name = mention.span, mention.canonical
                if span is None or not name or mention.anonymous or not name[:1].isupper():
                    continue
                if span.text.casefold() in PRONOUNS:
                    continue
                found.setdefault(span.start, NamedSource(span.start, span.end, name, mention.kind))
        return sorted(found.values(), key=lambda named: named.start)

    def referent(self, attribution: Attribution) -> Referent | None:
        """Who the unnamed origin of `attribution` is in its report, if one of the rules says."""
        mention = attribution.origin
        report = self._reports.get(attribution.report_id)
        if mention is None or mention.span is None or report is None:
            return None
        phrase = " ".join(mention.span.text.split())
        named = self.named_in(attribution.report_id)
        sentence_start = _sentence_start(report.text, mention.span.start)
        if phrase.casefold() in PRONOUNS:
            before = report.text[sentence_start : mention.span.start]
            credited = _credited(before, sentence_start, named, last=True)
            if credited is not None:
                return Referent(credited.canonical, credited.kind, f"“{phrase}” relays {_credit(credited)}")
            return None
        if _EVIDENCE.search(phrase):
            return _evidence(attribution, report.text, phrase, named)
        return _described(phrase, mention.span.start, mention.kind, named)


def _evidence(
    attribution: Attribution, text: str, phrase: str, named: Sequence[NamedSource]
) -> Referent | None:
    span = attribution.origin.span if attribution.origin else None
    if span is None:
        return None
    inside = [n for n in named if span.start <= n.start and n.end <= span.end]
    if len({n.canonical for n in inside}) == 1:
        return Referent(inside[0].canonical, inside[0].kind, f"“{phrase}” names {inside[0].canonical}")
    end = max(span.end, attribution.cue.start)
    credited = _credited(text[span.start : end], span.start, named, last=False)
    if credited is not None:
        return Referent(credited.canonical, credited.kind, f"“{phrase}” are {_credit(credited)}")
    return _earlier_credit(text, span.start, phrase, named) or _sole_credit(text, span.start, phrase, named)


# Sorts of evidence: images of one sort credited to a source stand for other images of that sort.
_EVIDENCE_SORTS = (
    re.compile(r"\b(?:images?|imagery|pictures?|photographs?|photos?|footage)\b", re.IGNORECASE),
    re.compile(r"\b(?:logs?|records?)\b", re.IGNORECASE),
    re.compile(r"\bassessments?\b", re.IGNORECASE),
)


def _sole_credit(text: str, start: int, phrase: str, named: Sequence[NamedSource]) -> Referent | None:
    """ "new satellite images" are Skylark's when Skylark is the only source the report credits with images.

    A source is credited with evidence where the evidence word follows its name closely, in the same
    sentence, with no other name between ("Skylark said its latest pictures", "the Skylark images").
    The mention's own sentence is left out: a credit there is the first rule's.
    """
    sort = next((pattern for pattern in _EVIDENCE_SORTS if pattern.search(phrase)), None)
    if sort is None:
        return None
    own = (_sentence_start(text, start), _sentence_end(text, start))
    credited: dict[str, NamedSource] = {}
    for index, candidate in enumerate(named):
        if own[0] <= candidate.start < own[1]:
            continue
        limit = min(candidate.end + CREDIT_REACH, _sentence_end(text, candidate.end))
        if index + 1 < len(named):
            limit = min(limit, named[index + 1].start)
        if sort.search(text, candidate.end, limit):
            credited.setdefault(candidate.canonical, candidate)
    if len(credited) != 1:
        return None
    (source,) = credited.values()
    reason = f"“{phrase}” are evidence of a sort this report credits only to {source.canonical}"
    return Referent(source.canonical, source.kind, reason)


def _earlier_credit(text: str, start: int, phrase: str, named: Sequence[NamedSource]) -> Referent | None:
    """ "the assessment" refers back to "a classified assessment by X" earlier in the report."""
    words = phrase.casefold().split()
    if len(words) != 2 or words[0] != "the":
        return None
    credit = re.compile(rf"\b{re.escape(words[1])}s?\s+(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)
    for candidate in reversed([n for n in named if n.end <= start]):
        if credit.search(text[max(0, candidate.start - 40) : candidate.start]):
            reason = f"“{phrase}” refers back to the {words[1]} credited to {candidate.canonical} before it"
            return Referent(candidate.canonical, candidate.kind, reason)
    return None


def _described(phrase: str, start: int, kind: SourceKind, named: Sequence[NamedSource]) -> Referent | None:
    words = phrase.casefold().split()
    if len(words) != 2 or words[0] not in ("the", "its"):
        return None
    before = list(reversed([n for n in named if n.end <= start]))
    if words[0] == "its":
        # "Its analysts" speak for the body named just before them ("Skylark ... Its analysts said").
        for candidate in [n for n in before if n.kind in _BODIES][:1]:
            reason = f"“{phrase}” are those of {candidate.canonical}, named just before in the same report"
            return Referent(candidate.canonical, candidate.kind, reason)
        return None
    noun = words[1]
    wanted = _NOUN_KINDS.get(noun, kind if kind != "unspecified" else None)
    holding = [n for n in before if noun in re.findall(r"\w+", n.canonical.casefold())]
    of_kind = [n for n in before if n.kind == wanted]
    for candidate in holding[:1] or of_kind[:1]:
        reason = f"“{phrase}” refers back to {candidate.canonical}, named before it in the same report"
        return Referent(candidate.canonical, candidate.kind, reason)
    return None


def _credited(window: str, offset: int, named: Sequence[NamedSource], *, last: bool) -> NamedSource | None:
    """The named source that evidence in `window` (at `offset` in the text) is credited to."""
    end = offset + len(window)
    inside = [n for n in named if offset <= n.start and n.end <= end]
    for candidate in reversed(inside) if last else inside:
        lead = window[: candidate.start - offset]
        # The credit sits just before the name ("released by the commercial company ").
        if _CREDIT.search(lead[-CREDIT_REACH:]) and _EVIDENCE.search(lead):
            return candidate
    return None


def _credit(source: NamedSource) -> str:
    return f"evidence credited to {source.canonical} in the same sentence"


def _sentence_end(text: str, offset: int) -> int:
    found = _SENTENCE_END.search(text, offset, offset + SENTENCE_REACH)
    line_end = text.find("\n", offset)
    ends = [e for e in (found.end() if found else -1, line_end) if e >= 0]
    return min(ends) if ends else len(text)


def _sentence_start(text: str, offset: int) -> int:
    # A sentence seldom runs longer than this; looking no further back keeps long reports cheap.
    start = max(0, offset - SENTENCE_REACH, text.rfind("\n", 0, offset) + 1)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, offset)]
    return max([start, *ends])
