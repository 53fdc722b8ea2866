"""Numbers in a statement's content with what they count: "about 2,000 soldiers", "at least 5,000 troops"."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.extract.lexicon import APPROXIMATORS
from claimledger.extract.nlp import text_of
from claimledger.models import Quantity
from claimledger.models import Span as TextSpan

_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2_000,
}
_VAGUE = frozenset({"dozens", "hundreds", "thousands"})
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_SKIPPED_ENTITIES = frozenset({"DATE", "TIME", "ORDINAL"})


def quantities_in(content: Span) -> list[Quantity]:
    """Every number in `content` that is not a date, with the noun it counts."""
    found = []
    tokens = list(content)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if _value_of(token) is None or token.ent_type_ in _SKIPPED_ENTITIES or _is_pronoun_one(token):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and tokens[end].lower_ in _SCALES:
            end += 1
        number = tokens[index:end]
        value = _number_value(number)
        if value is not None:
            found.append(_quantity(number, value))
        index = end
    return found


def _is_pronoun_one(token: Token) -> bool:
    """A number word that counts nothing: "not a silent *one*"."""
    return (
        token.lower_ in _WORDS
        and token.lower_ not in _VAGUE
        and token.dep_ not in {"nummod", "quantmod", "compound"}
    )


def is_number(token: Token) -> bool:
    """Whether `quantities_in` reads `token` as a number (before asking whether it is a date)."""
    return _value_of(token) is not None


def _value_of(token: Token) -> float | None:
    text = token.lower_
    if _NUMBER.match(text):
        return float(text.replace(",", ""))
    return float(_WORDS[text]) if text in _WORDS else None


def _number_value(number: list[Token]) -> float | None:
    value = _value_of(number[0])
    if value is None:
        return None
    for scale in number[1:]:
        value *= _SCALES[scale.lower_]
    return value


def _quantity(number: list[Token], value: float) -> Quantity:
    doc = number[0].doc
    first, last = number[0], number[-1]
    approximators = [t for t in doc[max(first.i - 2, 0) : first.i] if t.lower_ in APPROXIMATORS]
    start_token = approximators[0] if approximators else first
    if (
        start_token.lower_ in {"least", "most"}
        and start_token.i > 0
        and doc[start_token.i - 1].lower_ == "at"
    ):
        start_token = doc[start_token.i - 1]
    unit = _unit(last)
    span = TextSpan(
        start_token.idx, last.idx + len(last.text), text_of(doc)[start_token.idx : last.idx + len(last.text)]
    )
    return Quantity(
        value=value, unit=unit, span=span, approximate=bool(approximators) or first.lower_ in _VAGUE
    )


def _unit(number: Token) -> str | None:
    """The counted noun with its compounds and plain adjectives, not its nationality."""
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if counted is not None:  # "thousands of people"
        return counted.lower_
    head = number.head if number.dep_ in {"nummod", "quantmod", "compound"} else None
    if head is None and number.i + 1 < len(number.doc) and number.nbor().pos_ == "NOUN":
        head = number.nbor()
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    modifiers = [
        t
        for t in head.lefts
        if t.dep_ in {"compound", "amod"} and t.i > number.i and t.ent_type_ not in {"NORP", "GPE"}
    ]
    return " ".join([*(t.lower_ for t in modifiers), head.lower_])
