"""A report's text as HTML, every piece escaped, with sources, cues and contents in <mark> elements.

Report text is hostile input: nothing of it reaches the page unescaped. Marks may nest or overlap, so the
text is cut at every mark boundary and each piece is wrapped in the marks that cover it, outermost first;
every piece closes what it opens, so the HTML is well formed whatever the spans are.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from markupsafe import Markup, escape

from claimledger.render import MarkKind


def highlighted(text: str, spans: Iterable[tuple[int, int, MarkKind]]) -> Markup:
    """`text` escaped, each `[start, end)` of a kind wrapped in `<mark class="kind">` (boilerplate a span)."""
    marks = sorted(
        {(max(0, s), min(len(text), e), k) for s, e, k in spans if max(0, s) < min(len(text), e)},
        key=lambda m: (m[0], -m[1]),
    )
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        piece = str(escape(text[start:end]))
        for _, _, kind in reversed(covering):
            tag = "span" if kind == "boilerplate" else "mark"
            piece = f'<{tag} class="{kind}">{piece}</{tag}>'
        parts.append(piece)
    return Markup("".join(parts))
