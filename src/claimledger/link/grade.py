"""A NATO Admiralty grade per claim, computed from what the ledger holds, with a reason to check.

Reliability (A–F) is that of the claim's best origin, from its kind and whether it is named; A is left
to analysts, since nothing in the text shows a track record. Credibility (1–6) follows corroboration:
1 confirmed by two or more independent origins and neither denied nor contradicted in number; 2 the
same, but denied or contradicted; 3 one origin, undisputed; 4 one origin, denied, contradicted, not
confirmed when asked, or only hedged; 5 one origin denied by two or more independent parties; 6 no
origin asserts it (only denials or other responses), so it cannot be judged.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.models import Attribution, Conflict, Grade, Origin, Reliability, SourceKind

# Named sources by kind; an anonymous source is one letter lower, an unknown one F.
_NAMED: dict[SourceKind, Reliability] = {
    "government": "B",
    "ministry": "B",
    "intelligence_agency": "B",
    "military": "B",
    "official": "B",
    "diplomat": "B",
    "organisation": "B",
    "news_outlet": "C",
    "politician": "C",
    "expert": "C",
    "social_media": "E",
    "unspecified": "D",
}
_LOWER: dict[Reliability, Reliability] = {"A": "B", "B": "C", "C": "D", "D": "E", "E": "E", "F": "F"}
_HEDGED = frozenset({"possible"})


def reliability(origin: Origin) -> Reliability:
    """The reliability letter of one origin."""
    letter = _NAMED.get(origin.kind, "F")
    return _LOWER[letter] if origin.anonymous else letter


def grade_claim(
    origins: Sequence[Origin],
    assertions: Sequence[Attribution],
    denials: Sequence[Attribution],
    non_confirmations: Sequence[Attribution],
    conflicts: Sequence[Conflict],
) -> Grade:
    """The computed grade of a claim and the sentence that explains it."""
    if not origins:
        return Grade("F", 6, "6/F: no source asserts this claim; only responses to it were reported.")
    best = min(origins, key=lambda o: (reliability(o), -len(o.reports), o.key))
    letter = reliability(best)
    described = "an anonymous" if best.anonymous else "a named"
    source = f"{letter}: best source is {best.canonical}, {described} {best.kind.replace('_', ' ')}"
    disputes = _disputes(denials, non_confirmations, conflicts)
    number = _credibility(origins, assertions, denials, non_confirmations, conflicts)
    count = f"{len(origins)} independent origin{'s' if len(origins) != 1 else ''}"
    reason = f"{number}: {count}" + (f", {disputes}" if disputes else ", not disputed")
    return Grade(letter, number, f"{source}; {reason}.")


def _credibility(
    origins: Sequence[Origin],
    assertions: Sequence[Attribution],
    denials: Sequence[Attribution],
    non_confirmations: Sequence[Attribution],
    conflicts: Sequence[Conflict],
) -> int:
    disputed = bool(denials or conflicts)
    if len(origins) >= 2:
        return 2 if disputed else 1
    deniers = {a.origin.canonical for a in denials if a.origin is not None}
    if len(deniers) >= 2:
        return 5
    hedged = all(a.certainty in _HEDGED for a in assertions)
    if disputed or non_confirmations or hedged:
        return 4
    return 3


def _disputes(
    denials: Sequence[Attribution], non_confirmations: Sequence[Attribution], conflicts: Sequence[Conflict]
) -> str:
    parts = []
    if denials:
        deniers = sorted({a.origin.canonical or "unnamed" for a in denials if a.origin is not None})
        who = f" by {', '.join(deniers[:3])}{' and others' if len(deniers) > 3 else ''}" if deniers else ""
        parts.append(f"denied in {len(denials)} statement{'s' if len(denials) != 1 else ''}{who}")
    if non_confirmations:
        parts.append(f"not confirmed in {len(non_confirmations)}")
    for conflict in conflicts:
        parts.append(f"conflicting {conflict.label} ({conflict.readings})")
    return "; ".join(parts)
