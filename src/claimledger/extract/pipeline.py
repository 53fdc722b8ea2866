"""The extractor the pipeline uses: one spaCy model, many reports, attributions out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as ParseSpan

from claimledger.extract import lexicon as lx
from claimledger.extract.attribution import find_attributions
from claimledger.extract.certainty import certainty_of, hedges_of
from claimledger.extract.coref import MentionMemory
from claimledger.extract.dates import date_bearers, date_expression, resolve
from claimledger.extract.entities import Gazetteer
from claimledger.extract.factuality import certainty_of_value, factuality_of, weaker_certainty
from claimledger.extract.found import Found
from claimledger.extract.nlp import NER, load_nlp, recognise_entities
from claimledger.extract.quantities import is_number, quantities_in
from claimledger.extract.sources import describe
from claimledger.extract.span_model import SpanModel, shipped_model
from claimledger.extract.spans import Quotes, trim
from claimledger.extract.stance import stance_of
from claimledger.models import Attribution, Report, SourceMention, Span
from claimledger.settings import Settings


class Extractor:
    """Finds attributions in reports; loads the spaCy model and the gazetteer once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp = load_nlp(settings.spacy_models)
        self.gazetteer = Gazetteer.load(settings.gazetteer_path)
        self.span_model: SpanModel | None = shipped_model()

    def extract(self, report: Report) -> tuple[Attribution, ...]:
        return self.extract_many([report])[0]

    def extract_many(
        self, reports: Sequence[Report], *, batch_size: int = 16
    ) -> list[tuple[Attribution, ...]]:
        """Attributions of each report, in order; boilerplate is blanked before parsing."""
        texts = (_without_boilerplate(report) for report in reports)
        docs = self.nlp.pipe(texts, batch_size=batch_size, disable=[NER])
        return [self.from_doc(report, doc) for report, doc in zip(reports, docs, strict=True)]

    def from_doc(self, report: Report, doc: Doc) -> tuple[Attribution, ...]:
        """Attributions of `report` from its parse `doc` (of the same length as its text)."""
        quotes = Quotes(report.text)
        found = find_attributions(doc, quotes, skip=report.in_boilerplate)
        if self.span_model is not None:
            found = self.span_model.revise(doc, found, skip=report.in_boilerplate)
        recognise_entities(self.nlp, doc, _entity_reads(found))
        _clip_datelines(report, found)
        chains = _nested_chains(found)
        mentions = self._mentions(chains.values())
        return tuple(
            self._attribution(
                report, doc, quotes, f, [mentions[s.start_char, s.end_char] for s in chains[id(f)]]
            )
            for f in found
        )

    def _mentions(self, chains: Iterable[list[ParseSpan]]) -> dict[tuple[int, int], SourceMention]:
        """Every source phrase described once, in text order, short forms resolved to earlier ones."""
        phrases = {(s.start_char, s.end_char): s for chain in chains for s in chain}
        memory = MentionMemory()
        return {
            key: memory.resolve(phrases[key], describe(phrases[key], self.gazetteer))
            for key in sorted(phrases)
        }

    def _attribution(
        self, report: Report, doc: Doc, quotes: Quotes, found: Found, chain: list[SourceMention]
    ) -> Attribution:
        text = report.text
        cue = Span.of(text, *found.cue)
        content = Span.of(text, *found.content)
        lemma = found.cue_token.lemma_.lower()
        wording = text[slice(*found.judgement)] if found.judgement else content.text
        stance = stance_of(lemma, frame=found.frame, negated=found.negated, content_text=wording)
        hedges = hedges_of(found.content_root, found.cue_token)
        certainty = certainty_of(hedges, stance)
        if found.content_root is not None and certainty != "unknown":
            # What hedges leave certain may still be told as open: "should", "plans to", a question.
            # Only a positive value weakens: below zero the source says the event did not happen,
            # and its certainty in saying so is what the hedges say.
            value = factuality_of(found.content_root, below=found.cue_token)
            if value > 0:
                certainty = weaker_certainty(certainty, certainty_of_value(value))
        expression = self._date_expression(found)
        content_doc = doc.char_span(content.start, content.end, alignment_mode="expand")
        fragments = tuple(Span.of(text, *f) for f in _outermost(found.fragments))
        return Attribution(
            id=_attribution_id(report.id, cue, content),
            report_id=report.id,
            chain=tuple(chain),
            cue=cue,
            content=content,
            direct=_is_direct(quotes, content, fragments),
            stance=stance,
            certainty=certainty,
            hedges=tuple(hedges),
            event_date=resolve(expression, report.meta.published) if expression else None,
            date_expression=expression,
            quantities=tuple(quantities_in(content_doc)) if content_doc is not None else (),
            content_fragments=fragments,
        )

    @staticmethod
    def _date_expression(found: Found) -> str | None:
        return next(filter(None, map(date_expression, _dating_cues(found))), None)


def _dating_cues(found: Found) -> Iterator[Token]:
    """The cues whose date an attribution may take: its own, then each it inherits its speaker from."""
    node: Found | None = found
    while node is not None:
        yield node.cue_token
        node = node.inherited_from


def _entity_reads(found: list[Found]) -> list[tuple[int, int]]:
    """The token ranges whose entities the attributions read, and nothing else does.

    A source phrase (person, organisation, country), the words that may date a cue ("said on
    Tuesday", its own or the one it inherits) and a content's numbers up to what they count (a
    date or ordinal is not a quantity; "3,000 Vessarian troops" are not counted in Vessarians).
    Left out, because the recogniser finds nothing there that is read: a source that is only
    pronouns ("he", "who"; coreference names it), and a word dating a cue with nothing a date is
    made of ("said in an interview"). That is 16% of the words read on the PolNeAR dev articles
    (20,213 -> 16,912), with byte-identical attributions on dev and 400 train articles (8,791).
    """
    if not found:
        return []
    doc = found[0].cue_token.doc
    wanted: list[tuple[int, int]] = []
    for item in found:
        wanted += [(s.start, s.end) for s in item.sources if not all(t.pos_ == "PRON" for t in s)]
        for cue in _dating_cues(item):
            wanted += [(c.left_edge.i, c.right_edge.i + 1) for c in date_bearers(cue) if _may_be_dated(c)]
        content = doc.char_span(*item.content, alignment_mode="expand")
        for token in content if content is not None else ():
            if is_number(token):  # "Six" -> "million" -> "jobs"
                reach = (token.i, token.head.i, token.head.head.i)
                wanted.append((min(reach), max(reach) + 1))
    return wanted


def _may_be_dated(bearer: Token) -> bool:
    """Whether a date bearer holds a word a date or time could be made of: a number, a capital
    (weekdays, months, holidays) or a word of time."""
    return any(t.like_num or t.is_title or t.is_upper or t.lower_ in lx.TIME_WORDS for t in bearer.subtree)


def _clip_datelines(report: Report, found: list[Found]) -> None:
    """A wire dateline ("VELKA, March 3 (MPA) —") opens the paragraph but is no one's words."""
    datelines = [c for c in report.credits if c.kind == "dateline"]
    for item in found:
        for credit in datelines:
            if credit.start <= item.content[0] < credit.end:
                item.content = trim(report.text, credit.end, item.content[1])


def _without_boilerplate(report: Report) -> str:
    """The text with boilerplate blanked to spaces, so offsets stay those of the stored text."""
    if not report.boilerplate:
        return report.text
    chars = list(report.text)
    for block in report.boilerplate:
        for offset in range(block.start, min(block.end, len(chars))):
            if chars[offset] != "\n":
                chars[offset] = " "
    return "".join(chars)


def _nested_chains(found: list[Found]) -> dict[int, list[ParseSpan]]:
    """Prefix each attribution's chain with the chain of the attribution whose content holds it.

    "Yonhap reported that a Telegram account posted a photo": the account's post reaches the
    reader through Yonhap, so its chain is [Yonhap, the account].
    """
    chains: dict[int, list[ParseSpan]] = {}
    for item in sorted(found, key=lambda f: -(f.content[1] - f.content[0])):
        outer = _innermost_container(item, found)
        prefix = chains.get(id(outer), []) if outer is not None else []
        own = list(item.sources)
        chains[id(item)] = [*prefix, *own] if own else list(prefix)
    return chains


def _innermost_container(item: Found, found: list[Found]) -> Found | None:
    containers = [
        other
        for other in found
        if other is not item
        and other.sources
        and other.content[0] <= item.cue[0] < other.content[1]
        and all(other.content[0] <= s.start_char and s.end_char <= other.content[1] for s in item.sources)
        and not _in_aside(item.cue_token, other.content)
    ]
    return min(containers, key=lambda c: c.content[1] - c.content[0], default=None)


def _in_aside(cue: Token, content: tuple[int, int]) -> bool:
    """Whether `cue` speaks in a comma-set relative clause inside `content`: the writer's aside.

    "... heading for the Tamrin Valley, where Orlenia and foreign officials say thousands have
    gathered": the officials are not relayed by whoever said the rest, so they get no prefix.
    """
    token = cue
    while token.head.i != token.i:
        if token.dep_ == "relcl" and content[0] <= token.idx < content[1]:
            before = token.left_edge.i - 1
            if before >= 0 and token.doc[before].text == ",":
                return True
        token = token.head
    return False


def _outermost(fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments in text order, none inside another: a quotation may be reached twice, once with its
    marks (the quote itself) and once without (the content a rule read), and is one fragment."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(fragments), key=lambda f: (f[0], -f[1])):
        if kept and kept[-1][0] <= start and end <= kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _is_direct(quotes: Quotes, content: Span, fragments: tuple[Span, ...]) -> bool:
    """Verbatim when most of the content is inside quotation marks, or it ends in a quotation."""
    parts = fragments or (content,)
    if any(quotes.quoted_share(p.start, p.end) >= 0.5 for p in parts):
        return True
    stripped = content.text.rstrip(" .,;")
    return stripped.endswith(("”", '"')) and quotes.at(content.start + len(stripped) - 1) is not None


def _attribution_id(report_id: str, cue: Span, content: Span) -> str:
    key = f"{report_id}:{cue.start}:{cue.end}:{content.start}:{content.end}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
