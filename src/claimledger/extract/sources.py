"""Who a source phrase names: its kind, whether it is anonymous, and a canonical name."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.entities import Gazetteer, name_key
from claimledger.extract.lexicon import ANONYMITY_WORDS, ANONYMOUS_HEADS, ROLE_KINDS
from claimledger.models import SourceKind, SourceMention
from claimledger.models import Span as TextSpan

_INTELLIGENCE_WORDS = frozenset({"spy", "intelligence", "espionage"})
_NEWS_WORDS = frozenset({"news", "press", "wire", "newswire"})
_MINISTRY_WORDS = frozenset({"defense", "defence", "foreign", "interior", "war"})
_SOCIAL_WORDS = frozenset(
    {"telegram", "twitter", "facebook", "tiktok", "youtube", "vk", "weibo", "instagram"}
)
_ANONYMITY_MARKS = frozenset({"anonymous", "unnamed", "unidentified"})
_OUTLET_NAME_WORDS = frozenset(
    {"times", "post", "news", "press", "herald", "tribune", "gazette", "journal", "daily"}
)


def describe(phrase: Span, gazetteer: Gazetteer) -> SourceMention:
    """A chain link for the source `phrase`."""
    span = TextSpan(phrase.start_char, phrase.end_char, phrase.text)
    person = _person(phrase)
    if person is None:  # the named part holds no person either: the same root, fewer entities
        phrase = _named_part(phrase)
    known = gazetteer.source(phrase.text)
    if known is not None:
        return SourceMention(span, known.kind, False, known.canonical)
    place = gazetteer.country(phrase.text)
    if place is not None:  # metonymy: "Seoul said", "Dravik denied"
        return SourceMention(span, "government", False, f"{place} (government)")
    head = phrase.root
    if head.pos_ == "PRON":
        return SourceMention(span, "unspecified", False, None)
    country = _country(phrase, gazetteer)
    kind = _kind(phrase, head, person, country, gazetteer)
    anonymous = person is None and _is_anonymous(phrase, head, kind)
    return SourceMention(span, kind, anonymous, _canonical(phrase, kind, anonymous, person, country))


def _named_part(phrase: Span) -> Span:
    """A name without the description set beside it: "Skylark Orbital Imaging, a commercial
    satellite operator" is Skylark Orbital Imaging, and is named so wherever it is described."""
    root = phrase.root
    if root.pos_ != "PROPN":
        return phrase
    for child in root.rights:
        comma = child.left_edge.i - 1
        if (
            child.dep_ == "appos"
            and child.pos_ != "PROPN"
            and phrase.start < comma
            and phrase.doc[comma].text == ","
        ):
            return phrase.doc[phrase.start : comma]
    return phrase


def _person(phrase: Span) -> str | None:
    """The person named: a PERSON entity, or a proper-name apposition ("Ambassador ... Robert Wood")."""
    for ent in phrase.ents:
        # Only the person the phrase is about: not "Ada Brennick's source" or "a source close to her".
        if ent.label_ == "PERSON" and ent.start <= phrase.root.i < ent.end:
            return ent.text.removesuffix("'s").removesuffix("’s")
    for child in phrase.root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            name = list(child.subtree)
            if all(t.pos_ == "PROPN" for t in name) and child.ent_type_ not in {"GPE", "NORP"}:
                return phrase.doc[name[0].i : name[-1].i + 1].text
    return None


def _country(phrase: Span, gazetteer: Gazetteer) -> str | None:
    """The state the phrase belongs to: "Seoul's spy agency", "a source in Seoul", "North Korean"."""
    whole = gazetteer.country(phrase.text)
    if whole:
        return whole
    for ent in phrase.ents:
        if ent.label_ in {"GPE", "NORP", "LOC"}:
            country = gazetteer.country(ent.text.removesuffix("'s").removesuffix("’s"))
            if country:
                return country
    for token in phrase:
        country = gazetteer.country(token.text)
        if country and token.pos_ in {"PROPN", "ADJ"}:
            return country
    return None


def _kind(
    phrase: Span, head: Token, person: str | None, country: str | None, gazetteer: Gazetteer
) -> SourceKind:
    words = {t.lower_ for t in phrase if t.i < head.i or t is head}
    if words & _SOCIAL_WORDS:
        return "social_media"
    if head.lower_ in {"agency", "agencies", "service", "services", "chief"}:
        if words & _INTELLIGENCE_WORDS:
            return "intelligence_agency"
        if words & _NEWS_WORDS:
            return "news_outlet"
    if head.lower_ in {"ministry", "department"} or (words & _MINISTRY_WORDS and head.lower_ == "office"):
        return "ministry"
    role = ROLE_KINDS.get(head.lower_) or ROLE_KINDS.get(head.lemma_.lower())
    if role is not None:
        return role
    if person is not None:
        return _title_kind(phrase)
    if gazetteer.country(phrase.text) or (country and head.ent_type_ in {"GPE", "LOC"}):
        return "government"
    if head.ent_type_ == "ORG":
        return "news_outlet" if words & _OUTLET_NAME_WORDS else "organisation"
    return "unspecified"


def _title_kind(phrase: Span) -> SourceKind:
    """The kind of a named person, from the title words around the name."""
    for token in reversed(phrase):  # the title nearest the name: "ministry spokesperson Colonel X"
        role = ROLE_KINDS.get(token.lower_)
        if role is not None and role not in {"news_outlet", "social_media", "organisation", "ministry"}:
            return role
    return "unspecified"


def _is_anonymous(phrase: Span, head: Token, kind: SourceKind) -> bool:
    words = {t.lower_ for t in phrase}
    if words & {"anonymous", "unnamed", "unidentified", "anonymity"}:
        return True
    if kind == "social_media" and phrase[0].lower_ in {"a", "an", "some", "several"}:
        return True
    if head.lower_ in ANONYMOUS_HEADS:
        return not any(ent.label_ in {"PERSON", "ORG"} and head in ent for ent in phrase.ents)
    return bool(words & ANONYMITY_WORDS) and head.lower_ in {"diplomat", "officer", "aide", "adviser"}


def _canonical(
    phrase: Span, kind: SourceKind, anonymous: bool, person: str | None, country: str | None
) -> str | None:
    if person is not None:
        return person
    description = _description(phrase, drop_nationality=country is not None)
    if anonymous:
        unnamed = " ".join(w for w in description.split() if w.lower() not in _ANONYMITY_MARKS)
        label = f"unnamed {unnamed}".strip()
        return f"{country} ({label})" if country else label
    if kind == "government" and country:
        return f"{country} (government)"
    if country and name_key(description) != name_key(country):
        return f"{country} ({description})"
    return description or None


def _description(phrase: Span, *, drop_nationality: bool) -> str:
    """The phrase without its article, possessive marks and the words that only name its country."""
    pieces: list[str] = []
    for token in phrase:
        if token.i == phrase.start and token.lower_ in {"the", "a", "an"}:
            continue
        if drop_nationality and (
            token.ent_type_ == "NORP"
            or (token.ent_type_ == "GPE" and token.dep_ in {"compound", "amod", "poss"})
        ):
            continue
        if token.dep_ == "case":
            if pieces:
                pieces[-1] = pieces[-1].rstrip() + token.whitespace_
            continue
        pieces.append(token.text_with_ws)
    description = "".join(pieces).strip()
    if phrase.root.pos_ != "PROPN" and description[:1].isupper() and description[1:2].islower():
        description = description[0].lower() + description[1:]
    return description
