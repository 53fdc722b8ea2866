"""Wire credits in report text: contributed-reporting lines, reporting-by lines, wire datelines.

The patterns are written here because no library we use knows newsroom credit conventions; the
agency names they find are normalised with the bundled table `data/wire_agencies.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Literal

from claimledger.models import Credit

CreditKind = Literal["contributed", "reporting_by", "dateline", "additional_reporting"]
# Words a name of people, places or agencies may hold in lower case ("Tom Lee in Kyiv and Ana Paz").
_NAME_CONNECTORS = frozenset(
    {
        *("and", "in", "from", "of", "the", "at", "for", "with", "&"),
        *("de", "da", "del", "der", "van", "von", "al", "el", "bin", "le", "la", "y", "e", "du", "des", "di"),
    }
)
_MAX_NAME_WORDS = 16
_SENTENCE_START = r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’)] ))"
_CONTRIBUTED = re.compile(
    _SENTENCE_START
    + r"(?P<who>[^\s.!?;:(][^.!?;:()\n]{0,150}?) (?:also |have |has )?contributed"
    + r" (?:reporting|to (?:this|the) (?:report|story|article)(?:ing)?)"
    + r"(?: (?:from|in) [^.;()\n]{1,80})?\.?",
    re.MULTILINE,
)
# A clause of a Reuters-style line: "Reporting by A in Kyiv; Additional reporting by B; Editing by C".
# Plain "Reporting by" counts only where a credit line or parenthesis starts, as a news sentence
# may begin "Reporting by the BBC showed ..."; "Additional reporting by" may start any sentence.
_REPORTING_BY = re.compile(
    r"(?:(?:^|(?<=; )|(?<=\())(?P<plain>Reporting(?: and writing)?)"
    + r"|(?:^|(?<=; )|(?<=\()|(?<=[.!?] ))(?P<additional>Additional reporting))"
    + r" by (?P<who>[^;()\n]{1,150}?)(?=\s*(?:;|\)|\.\s|\.?$))",
    re.MULTILINE,
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-Z][A-Za-z.'’-]*"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})?)"
    + rf"(?:,? {_MONTH} \d{{1,2}})? \((?P<agency>[^()\n]{{1,40}})\) ?(?:—|–|--|-)",
    re.MULTILINE,
)


@cache
def _agencies() -> dict[str, str]:
    """The bundled wire agency table, keyed by lower-cased name."""
    table = resources.files("claimledger").joinpath("data/wire_agencies.json").read_text("utf-8")
    agencies: dict[str, str] = json.loads(table)["agencies"]
    return {name.casefold(): canonical for name, canonical in agencies.items()}


def known_agency(name: str) -> str | None:
    """The canonical name of the wire agency `name` ("AFP" → "Agence France-Presse"), if it is one."""
    key = " ".join(name.split()).casefold()
    return _agencies().get(key) or _agencies().get(key.removeprefix("the "))


def agency_name(name: str) -> str:
    """`name` normalised if it is a known wire agency, else as written."""
    written = " ".join(name.split()).strip(" .,")
    return known_agency(written) or written


def find_credits(text: str) -> tuple[Credit, ...]:
    """The wire credits of `text`, ordered by position."""
    found = [*_contributed(text), *_reporting_by(text), *_datelines(text)]
    # A stable sort: credits of one line keep the order their agencies are named in.
    return tuple(sorted(found, key=lambda credit: (credit.start, credit.end)))


def _contributed(text: str) -> Iterator[Credit]:
    for match in _CONTRIBUTED.finditer(text):
        who = match["who"].strip()
        if not _is_name(who):
            continue
        parts = [part for part in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", who) if part]
        # "Reuters and AFP contributed reporting": one credit per agency when all are known ones.
        names = parts if len(parts) > 1 and all(known_agency(part) for part in parts) else [who]
        for name in names:
            yield Credit(match[0], match.start(), match.end(), agency_name(name), "contributed")


def _reporting_by(text: str) -> Iterator[Credit]:
    for match in _REPORTING_BY.finditer(text):
        who = match["who"].strip()
        if not _is_name(who):
            continue
        kind: CreditKind = "additional_reporting" if match["additional"] else "reporting_by"
        yield Credit(match[0], match.start(), match.end(), agency_name(who), kind)


def _datelines(text: str) -> Iterator[Credit]:
    for match in _DATELINE.finditer(text):
        agency, place = match["agency"].strip(), match["place"]
        # A known agency, or an all-capitals place as wire datelines print it ("KYIV"); this keeps
        # "President Lee (D) - ..." out.
        if known_agency(agency) is None and (place != place.upper() or not _is_name(agency)):
            continue
        yield Credit(match[0], match.start(), match.end(), agency_name(agency), "dateline")


def _is_name(words: str) -> bool:
    """Whether `words` read as names: each capitalised, a connector or an agency ("dpa"); not too many."""
    if known_agency(words):
        return True
    tokens = words.split()
    return 0 < len(tokens) <= _MAX_NAME_WORDS and all(
        token[0].isupper()
        or token[0].isdigit()
        or token.casefold() in _NAME_CONNECTORS
        or known_agency(token)
        for token in tokens
    )
