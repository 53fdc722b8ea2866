"""A statement's stance as the link stage reads it: "said his office was unable to verify X" answers X.

The extractor takes the stance from the cue; a neutral cue ("said", "told") whose content opens by
saying the source could not verify or has not confirmed something is a non-confirmation of that
thing, not an assertion of it, so it must not count as an origin of the claim it answers. Likewise a
content that opens by saying what is seen "is not consistent with" or "does not look like" something
disputes that thing (Holtby: "not consistent with the routine drills that have been described to
us"): it is a denial of the claim it names, not an origin of a claim of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimledger.models import Attribution

# A non-confirmation must open the content ("his office still could not verify the estimates"), not
# sit in a later clause ("troops moved in, which the Council has not confirmed"): within these words.
OPENING_WORDS = 8
_NOT_CONFIRMED = re.compile(
    r"\b(?:(?:was|were|is|are|been|had been|has been|have been)\s+)?"
    r"(?:unable to|could not|couldn[’']t|cannot|can ?not|not been able to|has not|have not|had not|"
    r"hasn[’']t|haven[’']t|hadn[’']t)\s+(?:yet\s+|independently\s+)?(?:verify|verified|confirm|confirmed)\b",
    re.IGNORECASE,
)


_DISPUTES = re.compile(
    r"\b(?:(?:is|are|was|were)\s+not|(?:is|are|was|were)n[’']t|(?:does|do|did)\s+not\s+(?:look|seem|appear))"
    r"\s+(?:at all\s+)?(?:consistent with|compatible with|like)\b"
    r"|\b(?:does|do|did)n[’']t\s+(?:look|seem|appear)\s+like\b",
    re.IGNORECASE,
)


def read_stance(attribution: Attribution) -> tuple[Attribution, str | None]:
    """The attribution with the stance its content shows, and why when that differs from its cue's."""
    if attribution.stance != "assert" or attribution.content_fragments:
        return attribution, None
    text = " ".join(attribution.content.text.split())
    found = _opening(_NOT_CONFIRMED, text)
    if found is not None:
        return replace(
            attribution, stance="no_confirmation"
        ), f"read as not confirmed: the statement says “{found}”"
    found = _opening(_DISPUTES, text)
    if found is not None:
        return replace(attribution, stance="deny"), f"read as disputing: the statement says “{found}”"
    return attribution, None


def _opening(pattern: re.Pattern[str], text: str) -> str | None:
    """What `pattern` finds in the opening words of `text`, if it is there."""
    found = pattern.search(text)
    if found is None or len(text[: found.start()].split()) > OPENING_WORDS:
        return None
    return found.group()
