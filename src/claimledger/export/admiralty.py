"""The Admiralty grade in other tools' terms: STIX confidence and MISP `admiralty-scale` tags.

STIX 2.1 (Appendix A, "Admiralty Credibility") maps credibility 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10 and
6 ("truth cannot be judged") → no confidence at all, and reads back by bands (80–100 → 1, 60–79 → 2, …).
We keep that and let the source's reliability move the value inside its band (A +8, B +4, C 0, D −4,
E −8, F 0: an unjudged source moves nothing), so B2 is 74 and A1 is 98: a consumer that maps confidence
back by the STIX table still gets our credibility, and ordering within a band follows reliability.
"""

from __future__ import annotations

from claimledger.models import Grade, Reliability

CREDIBILITY_CONFIDENCE: dict[int, int] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
RELIABILITY_OFFSET: dict[Reliability, int] = {"A": 8, "B": 4, "C": 0, "D": -4, "E": -8, "F": 0}


def confidence(grade: Grade) -> int | None:
    """STIX confidence 0–100 of a grade, or None for credibility 6 (the property is then omitted)."""
    base = CREDIBILITY_CONFIDENCE.get(grade.credibility)
    return None if base is None else base + RELIABILITY_OFFSET[grade.reliability]


def letters(grade: Grade) -> str:
    """`B2`."""
    return f"{grade.reliability}{grade.credibility}"


def tags(grade: Grade) -> tuple[str, str]:
    """The MISP `admiralty-scale` taxonomy's machine tags of a grade (its values are lower case)."""
    return (
        f'admiralty-scale:source-reliability="{grade.reliability.lower()}"',
        f'admiralty-scale:information-credibility="{grade.credibility}"',
    )
