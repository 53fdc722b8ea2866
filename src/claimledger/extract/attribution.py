"""Find attributions in a parsed report: cue, source chain and content, as character ranges.

Rules over spaCy's dependency parse, in passes: reporting verbs with their own subject;
participles and conjoined verbs that share a subject ("..., claiming that"); "according to";
chain links ("citing Y", "quoted Y as saying", "X's source"); reportative statements with no
source ("reportedly"); quotations whose cue sits in a neighbouring clause. Written by hand
because no library extracts attributions from English news; each rule is kept small.

This module runs the passes; `speakers.py` reads who speaks, `contents.py` what is said,
`markers.py` the attributions no reporting verb's subject gives, `found.py` holds the record.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.contents import cue_range, with_content
from claimledger.extract.found import Found, Skip, child_of, has_dep, is_cue_verb
from claimledger.extract.markers import (
    according_to,
    attach_orphan_quotes,
    passive_reportatives,
    reportatives,
    speaker_labels,
)
from claimledger.extract.nlp import text_of
from claimledger.extract.spans import (
    Quotes,
    strip_final_period,
    trim,
)
from claimledger.extract.speakers import chain_of, speaks_inside_quote, subject_of, tokens_range


def find_attributions(doc: Doc, quotes: Quotes, *, skip: Skip) -> list[Found]:
    """All attributions in `doc`, in text order, none touching a range `skip` rejects."""
    by_cue: dict[int, Found] = {}
    for token in doc:
        if is_cue_verb(token) and not skip(token.idx, token.idx + 1):
            found = _verb_attribution(token, by_cue)
            if found is not None:
                by_cue[token.i] = found
    for token in doc:
        if token.i not in by_cue and is_cue_verb(token) and not skip(token.idx, token.idx + 1):
            found = _inherited_attribution(token, by_cue)
            if found is not None:
                by_cue[token.i] = found
    results = _without_nested_learned(list(by_cue.values()))
    results.extend(according_to(doc, skip))
    _cut_nested_participles(results)
    for found in results:
        found.content = quotes.balance(*found.content)
    attach_orphan_quotes(doc, quotes, results, skip)
    results.extend(speaker_labels(doc, results, skip))
    results.extend(reportatives(doc, results, skip))
    results.extend(passive_reportatives(doc, results, skip))
    results = [f for f in results if not skip(*f.content) and _has_substance(doc, f.content)]
    return _deduplicated(sorted(results, key=lambda f: (f.content[0], f.cue[0])))


def _without_nested_learned(results: list[Found]) -> list[Found]:
    """Learned cues inside another attribution's content are left out.

    "She said the galleries would show the harbour's history": a verb the lexicon learned is
    a cue when it carries the report, rarely inside words already reported.
    """
    return [
        found
        for found in results
        if found.frame != "learned"
        or not any(
            other is not found and other.content[0] <= found.cue[0] < other.content[1] for other in results
        )
    ]


def _has_substance(doc: Doc, content: tuple[int, int]) -> bool:
    """Content that says something: not empty, not a bare "what" or "which"."""
    words = text_of(doc)[content[0] : content[1]].split()
    return bool(words) and not (len(words) == 1 and words[0].lower() in _WH_WORDS)


_WH_WORDS = frozenset({"what", "which", "who", "whom", "that", "this", "these", "those"})


def _verb_attribution(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    """A reporting verb with its own subject: "X said that ...", "X dismissed Y as ..."."""
    subject = subject_of(verb)
    if subject is None:
        return _relative_report(verb)
    if speaks_inside_quote(verb, subject):
        return None
    found = with_content(verb) or _parenthetical(verb)
    if found is None:
        return None
    found.sources = chain_of(verb, subject)
    return found


def _relative_report(verb: Token) -> Found | None:
    """ "X published pictures that it said showed 340 vehicles": what the pictures showed, by X's word.

    The reported clause's subject is a relative pronoun standing for the noun before it, and the
    speaker "it" stands for the subject of the clause the noun belongs to (the noun itself is what
    is spoken of). The content is the noun, then the clause after the cue. ("he", "she" and
    "they" are subjects `subject_of` already reads.)
    """
    pronoun = child_of(verb, "nsubj")
    clause = child_of(verb, "ccomp")
    if (
        pronoun is None
        or pronoun.lower_ != "it"
        or clause is None
        or verb.lemma_.lower() not in lx.SPEECH_VERBS
    ):
        return None
    relative = child_of(clause, "nsubj", "nsubjpass")
    if (
        relative is None
        or relative.lower_ not in {"that", "which"}
        or not relative.i + 1 == pronoun.i < verb.i
    ):
        return None
    noun = (
        verb.head if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} else _antecedent(relative)
    )
    if noun is None:
        return None
    governor = noun.head if noun.dep_ in {"dobj", "attr"} else None
    speaker = subject_of(governor) if governor is not None else None
    if speaker is None or speaker.root.pos_ == "PRON":
        return None
    doc, text = verb.doc, text_of(verb.doc)
    named = tokens_range(doc, noun.left_edge.i, noun.i + 1)
    said = strip_final_period(text, *tokens_range(doc, verb.i + 1, clause.right_edge.i + 1))
    if said[1] <= said[0]:
        return None
    return Found(verb, cue_range(verb, False), said, clause, sources=[speaker], fragments=[named, said])


def _antecedent(relative: Token) -> Token | None:
    """The object a relative pronoun stands for where the parser hung its clause on the verb: the
    nearest object before it, over a prepositional phrase ("pictures on Wednesday that")."""
    for token in reversed(relative.doc[relative.sent.start : relative.i]):
        if token.dep_ in {"dobj", "attr"} and token.pos_ in {"NOUN", "PROPN"}:
            return token
        if token.dep_ not in {"pobj", "prep", "compound", "det", "amod", "nummod"}:
            return None
    return None


def _parenthetical(verb: Token) -> Found | None:
    """ "The ferry, the mayor said, will run again": the words on either side of the cue.

    The parser hangs the cue on the clause it interrupts (parataxis); the content is that
    clause without the cue's own words, in one fragment or two.
    """
    if (
        verb.dep_ != "parataxis"
        or verb.lemma_.lower() not in lx.SPEECH_VERBS
        or has_dep(verb, {"ccomp", "dobj", "xcomp", "neg"})
    ):
        return None
    head, doc = verb.head, verb.doc
    text = text_of(doc)
    after = tokens_range(doc, verb.right_edge.i + 1, head.right_edge.i + 1)
    pieces = [
        trim(text, doc[head.left_edge.i].idx, verb.left_edge.idx),
        strip_final_period(text, *after),
    ]
    fragments = [piece for piece in pieces if piece[1] > piece[0]]
    if not fragments:
        return None
    # The longest piece stands for the claim (the range around the cue would hold the cue's words).
    content = max(fragments, key=lambda piece: piece[1] - piece[0])
    found = Found(verb, cue_range(verb, False), content, head, frame="speech")
    if len(fragments) > 1:
        found.fragments = fragments
    return found


def _inherited_attribution(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    """A verb with no subject of its own that shares its speaker's: "..., claiming that"; "but defended"."""
    if verb.lemma_.lower() in lx.CITING_VERBS:
        return None
    speaker = _speaker_above(verb, by_cue)
    if speaker is None:
        return _shared_subject_attribution(verb)
    found = with_content(verb)
    if found is None:
        return None
    found.sources = list(speaker.sources)
    found.inherited_from = speaker
    return found


def _shared_subject_attribution(verb: Token) -> Found | None:
    """ "The senator toured the plant and said ...", "She rallied supporters, saying ...".

    The speaker is the subject of the verb this one is conjoined to or hangs on as a participle,
    when that verb is not itself a cue.
    """
    subject = _borrowed_subject(verb)
    if subject is None:
        return None
    found = with_content(verb)
    if found is None:
        return None
    found.sources = chain_of(verb, subject)
    return found


def _borrowed_subject(verb: Token) -> Span | None:
    if has_dep(verb, {"nsubj", "nsubjpass"}):
        return None
    participle = verb.tag_ == "VBG"
    if (verb.dep_ == "conj" and _same_finiteness(verb, verb.head)) or (participle and verb.dep_ == "advcl"):
        governor = verb.head
    elif participle and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ != "as":
        governor = verb.head.head  # "by saying", "after saying"; "quoted X as saying" is X's
    else:
        return None
    if governor.pos_ not in {"VERB", "AUX"}:
        return None
    subject = subject_of(governor)
    if subject is None or speaks_inside_quote(verb, subject):
        return None
    return subject


def _speaker_above(verb: Token, by_cue: dict[int, Found]) -> Found | None:
    if verb.dep_ == "conj":
        head = by_cue.get(verb.head.i)
        if head is not None and _same_finiteness(verb, verb.head):
            return head
        return None
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    for ancestor in verb.ancestors:
        if ancestor.i in by_cue:
            return by_cue[ancestor.i]
    return None


def _same_finiteness(verb: Token, head: Token) -> bool:
    def finite(token: Token) -> bool:
        return token.tag_ in {"VBD", "VBZ", "VBP"} or (token.tag_ == "VBN" and has_dep(token, {"aux"}))

    return (finite(verb) and finite(head)) or verb.tag_ == head.tag_ == "VBG"


def _cut_nested_participles(results: list[Found]) -> None:
    """A participle that carries on the speaker's words ends the content before it."""
    for found in results:
        if found.inherited_from is None or found.cue_token.dep_ != "advcl":
            continue
        outer = found.inherited_from
        if outer.content[0] < found.cue[0] < outer.content[1]:
            doc = found.cue_token.doc
            start = found.cue_token.left_edge.idx
            outer.content = trim(text_of(doc), outer.content[0], start)


def _deduplicated(results: list[Found]) -> list[Found]:
    seen: set[tuple[int, int, int, int]] = set()
    kept = []
    for found in results:
        key = (*found.cue, *found.content)
        if key not in seen:
            seen.add(key)
            kept.append(found)
    return kept
