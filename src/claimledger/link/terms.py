"""Content terms of a statement: lower-cased, stemmed words with stop words dropped and synonyms merged.

Claims are matched on these terms, so they are kept simple enough for a person to check:
"Vessarian soldiers massing" gives `vessaria`, `troop`, `buildup`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimledger.models import Attribution

# Terms that stand for "this statement counts X"; two statements counting troops likely speak of one force.
COUNT_PREFIX = "count:"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")

_STOP_TEXT = """
a about above after again against all also an and any are around as at back be been before being
below between both but by can could did do does doing down during each even ever every few for from
further had has have having he her here hers him his how i if in into is it its itself just least
less like many may me might more most much must my near nearly no nor not now of off on once only or
other our out over own per perhaps possibly probably roughly same say says said she should since so
some still such than that the their them then there these they this those through to too under until
up upon us very was we were what when where whether which while who whom why will with within would
yet you your one two three four five six seven eight nine ten hundred hundreds thousand thousands
dozen dozens million week weeks day days monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow last next first already again told tell telling report reported reports
reportedly according allegedly claim claimed claims added adding called described involve involved
involves involving take taking taken took part area place look looked see seen seeing show shows
showed showing include includes included including number numbers get got make made
"""
# Kept as text, not a list literal: one word per line would make a 300-line module of it.
STOP_WORDS = frozenset(_STOP_TEXT.split())

# Words that name the same thing in reports of one event; each maps to one shared term.
SYNONYMS = {
    "soldier": "troop",
    "personnel": "troop",
    "forc": "troop",
    "troop": "troop",
    "buildup": "buildup",
    "build-up": "buildup",
    "deploy": "buildup",
    "deployment": "buildup",
    "mass": "buildup",
    "amass": "buildup",
    "gather": "buildup",
    "mov": "buildup",
    "move": "buildup",
    "arriv": "buildup",
    "concentration": "buildup",
    "convoy": "vehicle",
    "armour": "vehicle",
    "armor": "vehicle",
    "tank": "vehicle",
    "vehicl": "vehicle",
    "frontier": "border",
    "drill": "drill",
    "exercis": "drill",
    "training": "drill",
    "train": "drill",
    "barrack": "base",
    "garrison": "base",
    "launcher": "rocket",
    "artillery": "rocket",
}


@dataclass(frozen=True, slots=True)
class Terms:
    """The terms of one statement; `names` are those written with a capital inside the content."""

    words: frozenset[str]
    names: frozenset[str]
    counts: frozenset[str] = frozenset()


def stem(word: str) -> str:
    """A light suffix-stripping stem, enough to make "troops", "moved" and "moving" meet their base."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if word in SYNONYMS:
        return SYNONYMS[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) >= len(suffix) + 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("ian") and len(word) > 5:
        # Demonyms meet their country: "Vessarian" -> "vessaria".
        word = word[:-1]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return SYNONYMS.get(word, word)


def terms_of(attribution: Attribution) -> Terms:
    """The content terms of an attribution (of all its fragments when its content is split)."""
    pieces = attribution.content_fragments or (attribution.content,)
    words: set[str] = set()
    names: set[str] = set()
    for piece in pieces:
        for position, match, term in _content_words(piece.text):
            words.add(term)
            if position > 0 and match.group()[0].isupper():
                names.add(term)
    counts = {COUNT_PREFIX + unit_family(q.unit) for q in attribution.quantities if q.unit}
    return Terms(frozenset(words | counts), frozenset(names), frozenset(counts))


def _content_words(text: str) -> Iterator[tuple[int, re.Match[str], str]]:
    """Each word of `text` that is not a stop word, with its place among all words and its term;
    words and terms under 3 letters go."""
    for position, match in enumerate(_WORD.finditer(text)):
        token = match.group()
        if token.lower() in STOP_WORDS or len(token) < 3:
            continue
        term = stem(token)
        if term not in STOP_WORDS and len(term) >= 3:
            yield position, match, term


def unit_family(unit: str) -> str:
    """What a quantity counts, as one stem: "armoured vehicles" -> "vehicle", "soldiers" -> "troop"."""
    words = unit.split()
    return stem(words[-1]) if words else unit


# Characters after which a capital starts a sentence or a quote rather than marking a name.
_OPENERS = frozenset(".!?:\"“”'‘’([")


def text_terms(text: str) -> tuple[dict[str, int], frozenset[str]]:
    """Content terms of any text (a whole report) with how often each occurs, and those that are names.

    A name is a term written with a capital where a sentence does not begin, as in `terms_of`.
    """
    counts: dict[str, int] = {}
    names: set[str] = set()
    for _, match, term in _content_words(text):
        token = match.group()
        counts[term] = counts.get(term, 0) + 1
        # A few characters back are enough to see a sentence or line start before the word.
        before = text[max(0, match.start() - 4) : match.start()]
        stripped = before.rstrip()
        if token[0].isupper() and "\n" not in before and stripped and stripped[-1] not in _OPENERS:
            names.add(term)
    return counts, frozenset(names)
