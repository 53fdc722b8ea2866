"""Who "he", "Strand" and "the official" are: later mentions of a source take its identity.

News reports name a source fully once ("Captain Mirela Strand, a spokesperson for the
service") and then shorten it ("Strand said", "she added", "the official said"). Without this,
one source would count as several and an anonymous official's later words would look like a
new, unnamed voice. Hand-written because spaCy's small English model has no coreference
component; the rules are deliberately narrow: a surname matches an earlier full name, a
definite description matches an earlier source with the same head noun, and "he"/"she" take
the most recent named person within the last two paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from claimledger.extract.spans import text_of
from claimledger.models import SourceMention

_PERSONAL = frozenset({"he", "she", "him", "her"})
_PLURAL = frozenset({"they", "them"})
_PERSON_KINDS = frozenset({"official", "politician", "diplomat", "military", "expert", "unspecified"})


@dataclass(slots=True)
class MentionMemory:
    """The sources named so far in one report, to resolve later short mentions against."""

    by_head: dict[str, SourceMention] = field(default_factory=dict)
    by_surname: dict[str, SourceMention] = field(default_factory=dict)
    last_person: tuple[int, SourceMention] | None = None
    last_any: tuple[int, SourceMention] | None = None

    def resolve(self, phrase: Span, mention: SourceMention) -> SourceMention:
        """`mention` with the identity of its antecedent, if `phrase` is a short form of one."""
        antecedent = self._antecedent(phrase)
        if antecedent is None or antecedent.canonical is None:
            self._remember(phrase, mention)
            return mention
        resolved = replace(
            mention, kind=antecedent.kind, anonymous=antecedent.anonymous, canonical=antecedent.canonical
        )
        self._remember(phrase, resolved)
        return resolved

    def _antecedent(self, phrase: Span) -> SourceMention | None:
        words = phrase.text.lower().split()
        paragraph = text_of(phrase.doc).count("\n", 0, phrase.start_char)
        if len(words) == 1 and words[0] in _PERSONAL:
            return _recent(self.last_person, paragraph)
        if len(words) == 1 and words[0] in _PLURAL:
            return _recent(self.last_any, paragraph)
        if len(phrase) == 1 and phrase.root.pos_ == "PROPN":
            return self.by_surname.get(phrase.text.lower())
        if phrase[0].lower_ == "the" and len(phrase) == 2:
            return self.by_head.get(phrase.root.lemma_.lower())
        return None

    def _remember(self, phrase: Span, mention: SourceMention) -> None:
        paragraph = text_of(phrase.doc).count("\n", 0, phrase.start_char)
        if mention.canonical is None:
            return
        self.last_any = (paragraph, mention)
        is_short_form = phrase[0].lower_ == "the" and len(phrase) == 2
        if phrase.root.pos_ != "PRON" and not is_short_form:
            self.by_head[phrase.root.lemma_.lower()] = mention
        names = mention.canonical.split()
        is_person_name = (
            len(names) >= 2 and all(n[:1].isupper() for n in names) and "(" not in mention.canonical
        )
        if mention.kind in _PERSON_KINDS and is_person_name:
            self.by_surname[names[-1].lower()] = mention
            self.last_person = (paragraph, mention)


def _recent(entry: tuple[int, SourceMention] | None, paragraph: int) -> SourceMention | None:
    if entry is None or paragraph - entry[0] > 2:
        return None
    return entry[1]
