"""A statement's stance as the link stage reads it: "said his office was unable to verify X" answers X.

The extractor takes the stance from the cue; a neutral cue ("said", "told") whose content opens by
saying the source could not verify or has not confirmed something is a non-confirmation of that
thing, not an assertion of it, so it must not count as an origin of the claim it answers.
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


def read_stance(attribution: Attribution) -> tuple[Attribution, str | None]:
    """The attribution with the stance its content shows, and why when that differs from its cue's."""
    if attribution.stance != "assert" or attribution.content_fragments:
        return attribution, None
    text = " ".join(attribution.content.text.split())
    found = _NOT_CONFIRMED.search(text)
    if found is None or len(text[: found.start()].split()) > OPENING_WORDS:
        return attribution, None
    note = f"read as not confirmed: the statement says “{found.group()}”"
    return replace(attribution, stance="no_confirmation"), note
