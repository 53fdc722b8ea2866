"""Where each statement of a claim comes from, and how many independent origins a claim has.

A statement's origin is the last link of its chain ("MPA" → "an unnamed official": the official), or
the publishing outlet when the report speaks for itself. A copy of a report relays its original, so it
adds no origin. The same anonymous source relayed by several outlets is one origin: it is keyed by the
agency that has it (the outlet in the chain, the report's wire credit, or the original's publisher)
and its kind, and anonymous sources described the same way in detail are taken as one. A source only
described, not named ("one of its sources", "the company"), is keyed the same way. An outlet named
as the source of a claim that its own reports carry is a relay of their origins, not an origin itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimledger.link.affiliation import affiliations, state_of
from claimledger.link.coreference import ReportSources
from claimledger.models import Attribution, Origin, Report, SourceKind, SourceMention

# An anonymous source described in at least this many words is specific enough to recognise again.
SPECIFIC_WORDS = 5
_RELATIVE_CLAUSE = re.compile(r"\s+(who|which|that)\s.*$", re.IGNORECASE)
_UNKNOWN_OUTLET = "unknown outlet"
# A nested statement shorter than this is a phrase the extractor took for one ("verify the withdrawal").
REPORTED_MIN_WORDS = 4
_RELATIVE_OPENER = re.compile(r",\s*(?:where|which|who|whom|whose|when|while)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Resolved:
    """The origin of one statement before the claim's origins are merged."""

    key: str
    canonical: str
    kind: SourceKind
    anonymous: bool
    via: str | None
    reason: str = ""


# Determiners that are not part of a name: "Its Defence Ministry" is the Defence Ministry of whoever
# "its" stands for, the one a report that says "the Defence Ministry" means.
_DETERMINERS = ("the ", "its ", "their ")


def normalise(name: str) -> str:
    """A name compared case-blind, without a leading "the" (or "its", "their") and extra spaces."""
    text = " ".join(name.casefold().split())
    for determiner in _DETERMINERS:
        if text.startswith(determiner):
            return text[len(determiner) :]
    return text


def publisher_of(report: Report | None, reports: Mapping[str, Report]) -> str:
    """Who published a report; for a copy, who published its original."""
    if report is None:
        return _UNKNOWN_OUTLET
    original = reports.get(report.copy_of) if report.copy_of else None
    source = original or report
    return source.meta.publisher or _UNKNOWN_OUTLET


def resolve(
    attribution: Attribution, reports: Mapping[str, Report], sources: ReportSources | None = None
) -> Resolved:
    """The origin of one statement, from its chain, its report's copy link and its credits.

    With `sources`, a pronoun, a description or a piece of evidence is first resolved to the source
    its report names for it (`link.coreference`).
    """
    report = reports.get(attribution.report_id)
    publisher = publisher_of(report, reports)
    if not attribution.chain:
        return Resolved(f"outlet:{normalise(publisher)}", publisher, "news_outlet", False, None)
    mention = attribution.chain[-1]
    name = _name(mention)
    if mention.kind == "news_outlet" and not mention.anonymous:
        return Resolved(f"outlet:{normalise(name)}", name, "news_outlet", False, None)
    if not mention.anonymous and not _described(name):
        return Resolved(f"named:{normalise(name)}", name, mention.kind, False, None)
    referent = sources.referent(attribution) if sources and not mention.anonymous else None
    if referent is not None:
        key = f"named:{normalise(referent.canonical)}"
        return Resolved(key, referent.canonical, referent.kind, False, None, referent.reason)
    # An anonymous source, or one only described ("one of its sources", "the company"): it is known
    # only through the outlet that has it.
    agency = _agency(attribution, report, publisher)
    canonical = _RELATIVE_CLAUSE.sub("", name)
    return Resolved(
        f"anonymous:{normalise(agency)}:{mention.kind}", canonical, mention.kind, mention.anonymous, agency
    )


def _described(name: str) -> bool:
    """Whether a source is only described ("the company", "one of its sources"), not named."""
    bare = name[4:] if name.casefold().startswith("the ") else name
    return bare[:1].islower()


def _name(mention: SourceMention) -> str:
    if mention.canonical and mention.canonical != "None":
        return mention.canonical
    if mention.span is not None:
        return " ".join(mention.span.text.split())
    return "unnamed source"


def _agency(attribution: Attribution, report: Report | None, publisher: str) -> str:
    """The outlet through which an anonymous source speaks: in the chain, credited, or publishing."""
    for mention in reversed(attribution.chain[:-1]):
        if mention.kind == "news_outlet":
            return _name(mention)
    if report is not None and report.copy_of is None:
        for credit in report.credits:
            return credit.agency
    return publisher


def claim_origins(
    statements: Sequence[Attribution],
    reports: Mapping[str, Report],
    *,
    sources: ReportSources | None = None,
    states: frozenset[str] = frozenset(),
) -> tuple[tuple[Origin, ...], dict[str, str]]:
    """The independent origins of a claim's assertions, and the origin key of each assertion by id.

    `sources` resolves unnamed origins within their reports; `states` (the gazetteer's) lets organs of
    one state count as one origin.
    """
    resolved = {a.id: resolve(a, reports, sources) for a in statements}
    _follow_reported_speech(statements, resolved)
    _merge_same_anonymous(resolved)
    _replace_relaying_outlets(statements, resolved, reports)
    _merge_state_organs(resolved, states, affiliations(statements, resolved, reports, states))
    origins: dict[str, list[Resolved]] = {}
    carried: dict[str, list[str]] = {}
    for attribution in statements:
        found = resolved[attribution.id]
        origins.setdefault(found.key, []).append(found)
        reports_of = carried.setdefault(found.key, [])
        if attribution.report_id not in reports_of:
            reports_of.append(attribution.report_id)
    built = tuple(_origin(key, found, tuple(carried[key])) for key, found in origins.items())
    return built, {a.id: resolved[a.id].key for a in statements}


def _origin(key: str, found: list[Resolved], reports: tuple[str, ...]) -> Origin:
    """One origin from all the statements that resolve to it; the most specific description names it."""
    kinds: list[SourceKind] = [r.kind for r in found if r.kind != "unspecified"] or [found[0].kind]
    # max() keeps the first of equals, so the earliest of the longest descriptions wins.
    canonical = max(found, key=lambda r: len(r.canonical.split())).canonical
    reason = "; ".join(dict.fromkeys(part for r in found if r.reason for part in r.reason.split("; ")))
    return Origin(key, canonical, kinds[0], found[0].anonymous, found[0].via, reports, reason)


def _follow_reported_speech(statements: Sequence[Attribution], resolved: dict[str, Resolved]) -> None:
    """A statement whose content holds another of its report that extends its chain has that origin.

    "people familiar with the matter said the Directorate has told the government that X" and "the
    Directorate told: X" are one utterance; the longer chain names where it comes from.
    """
    by_report: dict[str, list[Attribution]] = {}
    for attribution in statements:
        by_report.setdefault(attribution.report_id, []).append(attribution)
    for same in by_report.values():
        for outer in same:
            held = [inner for inner in same if _holds(outer, inner)]
            if held:
                longest = max(
                    held, key=lambda inner: (len(inner.chain), inner.content.end - inner.content.start)
                )
                resolved[outer.id] = resolved[longest.id]


def _holds(outer: Attribution, inner: Attribution) -> bool:
    first, second = outer.content, inner.content
    nested = first.start <= second.start and second.end <= first.end and inner.id != outer.id
    return nested and outer.report_id == inner.report_id and reports_nested(outer, inner)


def reports_nested(outer: Attribution, inner: Attribution) -> bool:
    """Whether `inner`, nested in `outer`, is what the source of `outer` reports.

    It is when its chain extends that of `outer` ("people familiar say the assessment said X") and it
    is not inside a relative clause ("launchers are heading for the valley, where officials say X"):
    such a clause is a proposition of its own, whatever chain the extractor gave it.
    """
    if len(inner.content.text.split()) < REPORTED_MIN_WORDS:
        return False  # "monitors verify the withdrawal", "accused it": a phrase, not something reported
    before = outer.content.text[: max(inner.content.start - outer.content.start, 0)]
    extends = len(inner.chain) > len(outer.chain) and all(
        normalise(_name(a)) == normalise(_name(b)) for a, b in zip(outer.chain, inner.chain, strict=False)
    )
    return extends and _RELATIVE_OPENER.search(before) is None


def _merge_same_anonymous(resolved: dict[str, Resolved]) -> None:
    """Anonymous sources described alike in detail are one source, whichever outlet relays them."""
    first_key: dict[str, Resolved] = {}
    for attribution_id, found in resolved.items():
        if not found.anonymous or len(found.canonical.split()) < SPECIFIC_WORDS:
            continue
        description = normalise(found.canonical)
        same = first_key.setdefault(description, found)
        if same.key != found.key:
            resolved[attribution_id] = same
            # Every statement under the key just replaced follows it, so the merge is transitive.
            for other_id, other in resolved.items():
                if other.key == found.key:
                    resolved[other_id] = same


def _replace_relaying_outlets(
    statements: Sequence[Attribution], resolved: dict[str, Resolved], reports: Mapping[str, Report]
) -> None:
    """An outlet given as the source of a claim relays the origins of what it carries.

    That is, the origins of the claim's statements in the outlet's own reports, or of the statements
    nested under it in the same report ("the Courier reported that the Directorate had warned ...").
    """
    own: dict[str, Resolved] = {}
    nested: dict[tuple[str, str], Resolved] = {}
    for attribution in statements:
        found = resolved[attribution.id]
        if found.kind == "news_outlet":
            continue
        outlet = normalise(publisher_of(reports.get(attribution.report_id), reports))
        own.setdefault(outlet, found)
        for mention in attribution.chain[:-1]:
            if mention.kind == "news_outlet":
                nested.setdefault((attribution.report_id, normalise(_name(mention))), found)
    by_id = {a.id: a for a in statements}
    for attribution_id, found in list(resolved.items()):
        if found.kind == "news_outlet" and found.key.startswith("outlet:"):
            outlet = found.key.removeprefix("outlet:")
            relayed = own.get(outlet) or nested.get((by_id[attribution_id].report_id, outlet))
            if relayed is not None:
                resolved[attribution_id] = relayed


def _merge_state_organs(
    resolved: dict[str, Resolved], states: frozenset[str], affiliated: Mapping[str, tuple[str, str]]
) -> None:
    """Organs of one state (its government, ministries, forces, services) are one origin.

    A defence ministry and a foreign ministry of one government do not confirm each other; the organ
    behind the most statements stands for the state, and its reason names the others. `affiliated`
    places statements whose origin names no state (`link.affiliation`), with why.
    """
    organs: dict[str, dict[str, list[str]]] = {}
    for attribution_id, found in resolved.items():
        state = affiliated[attribution_id][0] if attribution_id in affiliated else state_of(found, states)
        if attribution_id in affiliated:
            reason = "; ".join(r for r in (found.reason, affiliated[attribution_id][1]) if r)
            resolved[attribution_id] = found = Resolved(
                found.key, found.canonical, found.kind, found.anonymous, found.via, reason
            )
        if state is not None:
            organs.setdefault(state, {}).setdefault(found.key, []).append(attribution_id)
    for state, by_key in organs.items():
        if len(by_key) < 2:
            continue
        keys = sorted(by_key, key=lambda key: -len(by_key[key]))
        first = resolved[by_key[keys[0]][0]]
        others = ", ".join(resolved[by_key[key][0]].canonical for key in keys[1:])
        note = f"organs of one state ({state}) count as one origin: {first.canonical} with {others}"
        for key in keys:
            for attribution_id in by_key[key]:
                found = resolved[attribution_id]
                reason = "; ".join(r for r in (found.reason, note) if r)
                resolved[attribution_id] = Resolved(
                    first.key, first.canonical, first.kind, False, None, reason
                )
