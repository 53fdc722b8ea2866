"""A trained span model: finds the cues the hand rules miss and tags each cue's source and content.

Two linear-chain CRFs (python-crfsuite), trained by `scripts/train_spans.py` (`make train`) on
PolNeAR v1.0.0 train (840 articles, first annotator) and shipped as `data/spans_cue.crfsuite` and
`data/spans_role.crfsuite`:

- the cue tagger reads each sentence (BIO over cue tokens) with the word, lemma, part of speech,
  dependency, head, children, quotation state, the learned cue lexicon's probability, the hand
  lists and whether a rule took the token as a cue;
- the role tagger reads, per cue, the cue's sentence and one sentence on either side, tagging BIO
  source and content with the token's place relative to the cue (the cue's dependency branch it
  hangs in, side, distance, sentence offset, quotation state) and the rule's reading of that cue.

Training data: PolNeAR v1.0.0 train only, the first annotator of each article; gold character
spans are aligned to spaCy tokens (a span covers every token it touches). L-BFGS with L1 0.3 and
L2 1.0, features seen at least twice, 120 / 150 iterations: deterministic, about five minutes
on one CPU core. The files hold feature weights only, no PolNeAR text (5.9 MB together).

How it is merged with the rules (`SpanModel.revise`, choices made on 140 held-out train
articles): the rules keep their sources and contents, and with them the chains, stance,
certainty, source kinds and canonical names computed from the `Found` returned here; a rule cue
takes the cue tagger's extent within its verb's own words (PolNeAR's cues keep auxiliaries,
adverbs and the channel: "has said", "said in a statement"); a cue only the model finds becomes
an attribution with the role tagger's content and source when it names its source (or "he",
"she", "they") and holds no rule's cue; a cue of the learned lexicon that the tagger gives under
0.3 is dropped. A model reading is also left out when its content opens with a relative word
("whose assessment") or is the noun a relative clause reports on ("the first movement ... they
have reported"). Replacing the rules' sources and contents with the model's scored about 2 points
higher on PolNeAR (all exact) in an earlier version but moved chains and merged claims in our
examples, since PolNeAR's sources keep appositions and relative clauses and its contents run on
where ours stop; with the current rules and adapters it moved held-out all exact by +0.1
(contents) and -0.4 (sources).

Figures (F1; bench/polnear.py's scorer with its four convention adapters):

| | cue exact | source exact | content exact | content overlap | all exact | all overlap |
|---|---|---|---|---|---|---|
| held-out train (140), rules | 54.9 | 62.3 | 50.9 | 85.6 | 40.4 | 81.8 |
| held-out train (140), rules + model | 66.0 | 68.0 | 54.5 | 89.5 | 47.7 | 86.6 |
| dev (84), rules + model | 66.3 | 65.9 | 52.2 | 84.1 | 45.3 | 82.0 |

The held-out rows come from `scripts/train_spans.py --holdout 140` (trained on the other 700
articles). Weaker L2 (0.01, the weights shipped before) scored about 0.7 lower on held-out train
with the same rules. The taggers read no entity types (with them: held-out all exact 42.3 against
42.4 in an earlier version, so they were dropped), which lets the extractor run the entity
recogniser only around the words whose entities it reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.found import Found
from claimledger.extract.nlp import text_of
from claimledger.extract.span_features import (
    CONTENT,
    CUE,
    SOURCE,
    DocView,
    Offsets,
    RuleView,
    TokenSpan,
    bio,
    cue_features,
    cue_head,
    role_features,
    segments,
    window_of,
)
from claimledger.extract.spans import strip_final_period
from claimledger.extract.speakers import closes_bracket

CUE_FILE = "spans_cue.crfsuite"
ROLE_FILE = "spans_role.crfsuite"
Skip = Callable[[int, int], bool]


def rule_view(doc: Doc, found: list[Found]) -> RuleView:
    """The rules' attributions as token labels: which tokens are cues, and each cue's roles."""
    view = RuleView()
    offsets = Offsets.of(doc)
    for index, item in enumerate(found):
        roles: dict[int, str] = {}
        for parts, kind in (
            ([(s.start_char, s.end_char) for s in item.sources], SOURCE),
            (item.fragments or [item.content], CONTENT),
        ):
            for part in parts:
                tokens = offsets.align(part)
                if tokens is not None:
                    roles.update(dict.fromkeys(range(*tokens), kind))
        view.roles.append(roles)
        view.frames.append(item.frame)
        cue = offsets.align(item.cue)
        for i in range(*cue) if cue is not None else ():
            view.cue_of.setdefault(i, index)
        view.cue_of.setdefault(item.cue_token.i, index)
    return view


@dataclass(frozen=True)
class Reading:
    """The model's reading of one cue: its source spans and content spans, in tokens."""

    cue: TokenSpan
    sources: list[TokenSpan]
    contents: list[TokenSpan]
    rules: bool = False  # the reading is the rule's own: the model was not sure enough to change it


@dataclass(frozen=True)
class Merge:
    """How the model's reading and the rules' are merged (chosen on held-out train articles)."""

    cue_spans: bool = True  # the model's cue span replaces an overlapping rule cue's
    sources: bool = False  # the model's source may replace a rule's outermost source
    contents: bool = False  # the model's content may replace a rule's content
    # ... when the model's reading is this much likelier (log) than the rule's under the role tagger
    margin: float = 2.0
    # rule cues the cue tagger gives less than this chance of being a cue are left out, when
    # found by a rule of `droppable` (the hand rules read claims PolNeAR does not annotate:
    # "reportedly", "condemned X"; the seed needs them)
    drop_below: float = 0.3
    droppable: frozenset[str] = frozenset({"learned"})


class SpanModel:
    """The two taggers, opened once; `revise` merges their reading with the rules'."""

    def __init__(self, directory: Path, merge: Merge | None = None) -> None:
        self.merge = merge or Merge()
        self.cue_tagger = pycrfsuite.Tagger()
        self.cue_tagger.open(str(directory / CUE_FILE))
        self.role_tagger = pycrfsuite.Tagger()
        self.role_tagger.open(str(directory / ROLE_FILE))

    def cues(self, view: DocView) -> tuple[list[TokenSpan], dict[int, float]]:
        """Cue spans the cue tagger finds, sentence by sentence, and how sure it is of each rule cue token."""
        found: list[TokenSpan] = []
        sure: dict[int, float] = {}
        tagger = self.cue_tagger
        for sent in view.sents:
            labels = tagger.tag(cue_features(view, sent))
            found.extend((sent[0] + s, sent[0] + e) for kind, (s, e) in segments(labels) if kind == CUE)
            for i in range(*sent):
                if i in view.rules.cue_of:
                    offset = i - sent[0]
                    sure[i] = tagger.marginal("B-" + CUE, offset) + tagger.marginal("I-" + CUE, offset)
        return found, sure

    def read(self, view: DocView, cue: TokenSpan, rule: dict[int, str] | None = None) -> Reading:
        """The source and content spans the role tagger gives one cue.

        With `rule` (a rule's roles by token), the reading is the rule's own unless the model's
        is likelier by `merge.margin`: the rules read clause boundaries from the parse more
        reliably than the tagger, which wins where it is sure.
        """
        start, end = window_of(view, cue)
        labels = self.role_tagger.tag(role_features(view, cue))
        ruled = False
        if rule is not None:
            beyond = any(not start <= i < end for i in rule)
            kept = bio(end - start, _runs(rule, start, end))
            ruled = beyond or kept == labels
            if not ruled and (
                self.role_tagger.probability(labels)
                < self.role_tagger.probability(kept) * math.exp(self.merge.margin)
            ):
                ruled = True
        spans = [(kind, (start + s, start + e)) for kind, (s, e) in segments(labels)]
        return Reading(
            cue,
            [span for kind, span in spans if kind == SOURCE],
            [span for kind, span in spans if kind == CONTENT],
            ruled,
        )

    def revise(self, doc: Doc, found: list[Found], *, skip: Skip) -> list[Found]:
        """The rules' attributions the cue tagger does not doubt, revised by the model's reading,
        and an attribution for each cue only the model found."""
        view = DocView.of(doc, rule_view(doc, found))
        cues, sure = self.cues(view)
        doubt: dict[int, float] = {}
        for i, index in view.rules.cue_of.items():
            doubt[index] = max(doubt.get(index, 0.0), sure.get(i, 0.0))
        kept = {
            i: f
            for i, f in enumerate(found)
            if f.frame not in self.merge.droppable or doubt.get(i, 0.0) >= self.merge.drop_below
        }
        added = []
        for cue in cues:
            rules = sorted({view.rules.cue_of[i] for i in range(*cue) if i in view.rules.cue_of})
            if not rules:
                item = to_found(doc, self.read(view, cue))
                if item is not None and _worth_adding(doc, item, found) and not skip(*item.content):
                    added.append(item)
                continue
            for index in rules:
                kept[index] = found[index]
                self._revise_rule(doc, view, cue, index, found[index])
        unique = {(*f.cue, *f.content): f for f in [*kept.values(), *added]}
        return sorted(unique.values(), key=lambda f: (f.content[0], f.cue[0]))

    def _revise_rule(self, doc: Doc, view: DocView, cue: TokenSpan, index: int, item: Found) -> None:
        """A rule's attribution with the model's spans where the merge takes them.

        Only boundaries move: the cue takes the model's extent (PolNeAR's cues keep auxiliaries,
        adverbs and the channel: "has repeatedly said", "said in a statement"), a source or
        content is replaced by one that overlaps it. The rules' own frames for
        concern, declining, "according to" and reportatives keep their spans (their content
        conventions are ours, not PolNeAR's).
        """
        if item.frame in _KEPT_FRAMES:
            return
        widened = (doc[cue[0]].idx, doc[cue[1] - 1].idx + len(doc[cue[1] - 1].text))
        spans = [item.content, *item.fragments, *((s.start_char, s.end_char) for s in item.sources)]
        # The cue verb's own words only ("has said", "said Tuesday"), not a verb it hangs on
        # ("ended the briefing by saying").
        own = item.cue_token.left_edge.i <= cue[0] and cue[1] <= item.cue_token.right_edge.i + 1
        if self.merge.cue_spans and own and not any(_overlaps(widened, span) for span in spans):
            item.cue = widened
        if not (self.merge.sources or self.merge.contents):
            return
        reading = self.read(view, cue, view.rules.roles[index])
        model = to_found(doc, reading)
        if model is None or reading.rules:
            return
        if self.merge.contents and _overlaps(model.content, item.content):
            item.content, item.fragments = model.content, model.fragments
        if self.merge.sources and model.sources and item.sources:
            outer = item.sources[0]
            if _overlaps(
                (model.sources[0].start_char, model.sources[0].end_char), (outer.start_char, outer.end_char)
            ):
                item.sources = [*model.sources, *item.sources[1:]]


_KEPT_FRAMES = frozenset({"concern", "decline", "according", "reportative"})


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _worth_adding(doc: Doc, item: Found, rules: list[Found]) -> bool:
    """A model-only attribution that says something, is not a chain link the rules read, and does
    not hold a rule's cue (it would become the outer link of that rule's chain unchecked)."""
    if any(item.content[0] <= rule.cue[0] < item.content[1] for rule in rules):
        return False
    words = text_of(doc)[item.content[0] : item.content[1]].split()
    lemma = item.cue_token.lemma_.lower()
    # Negated and declining cues carry a stance the hand rules name ("declined to comment on X"),
    # or none; citing verbs are chain links.
    if len(words) < 2 or item.negated or lemma in lx.CITING_VERBS or lemma in lx.DECLINE_VERBS:
        return False
    # A noun a relative clause reports on ("the first movement away from the border they have
    # reported") names what was reported, not what was said of it.
    cue = item.cue_token
    if cue.dep_ == "relcl" and item.content[1] <= item.cue[0] and cue.head.idx < item.content[1]:
        return False
    # A content opening with a relative word stands for a noun outside it ("Orlenia's Intelligence
    # Directorate, whose assessment was first reported by the Courier"): it says nothing alone.
    if words[0].lower() in _RELATIVE_WORDS:
        return False
    # A named source, or a personal pronoun the mention memory resolves ("he", "they"); "it" or a
    # relative pronoun would stand unresolved in the ledger.
    # A source inside its own content, or a cue inside it, is a misreading ("Orlenia, a partner but
    # not a member of the alliance, has been invited" read with the apposition as its source).
    start, end = item.content
    if start <= item.cue[0] < end or any(start <= s.start_char < end for s in item.sources):
        return False
    return bool(item.sources) and all(
        (s.root.pos_ != "PRON" or s.root.lower_ in _RESOLVED_PRONOUNS)
        and s.root.lower_ not in _RELATIVE_PRONOUNS
        for s in item.sources
    )


_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "what"})
_RELATIVE_WORDS = frozenset({"whose", "which", "who", "whom"})
_RESOLVED_PRONOUNS = frozenset({"he", "she", "they"})


def _runs(roles: dict[int, str], start: int, end: int) -> list[tuple[str, TokenSpan]]:
    """Contiguous runs of one role among `roles`, relative to `start`, within `[start, end)`."""
    runs: list[tuple[str, TokenSpan]] = []
    for i in sorted(k for k in roles if start <= k < end):
        kind = roles[i]
        if runs and runs[-1][0] == kind and runs[-1][1][1] == i - start:
            runs[-1] = (kind, (runs[-1][1][0], i - start + 1))
        else:
            runs.append((kind, (i - start, i - start + 1)))
    return runs


def to_found(doc: Doc, reading: Reading) -> Found | None:
    """An attribution from the model's reading; None without content."""
    contents = [_without_complementiser(doc, span) for span in reading.contents]
    contents = [span for span in contents if span[1] > span[0]]
    if not contents:
        return None
    head = cue_head(doc, reading.cue)
    chars = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in contents]
    # The tagger may run the content on over the sentence's final mark and the paragraph break.
    chars[-1] = strip_final_period(text_of(doc), *chars[-1])
    if chars[-1][1] <= chars[-1][0]:
        return None
    largest = max(contents, key=lambda span: span[1] - span[0])
    cue = doc[reading.cue[0] : reading.cue[1]]
    sources = [doc[s:e] for s, e in (_source_span(doc, span) for span in reading.sources[:1]) if e > s]
    return Found(
        head,
        (cue.start_char, cue.end_char),
        (chars[0][0], chars[-1][1]),
        doc[largest[0] : largest[1]].root,
        sources=sources,
        fragments=chars if len(chars) > 1 else [],
        frame="model",
        negated=any(child.dep_ == "neg" for child in head.children),
    )


def _source_span(doc: Doc, span: TokenSpan) -> TokenSpan:
    """A source in claimledger's convention: no trailing punctuation, no descriptive apposition
    ("Skylark Orbital Imaging, a commercial satellite operator,"), which PolNeAR's sources keep
    and which would give the same source a second canonical name."""
    start, end = span
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and doc[i + 1].lower_ in {"a", "an", "the"}:
            end = i
            break
    while end > start and _punct_or_space(doc[end - 1]) and not closes_bracket(doc, start, end - 1):
        end -= 1
    if end < len(doc) and closes_bracket(doc, start, end):
        end += 1  # "Terry McAuliffe (D)": the tagger may stop before the bracket it opened
    return start, end


def _punct_or_space(token: Token) -> bool:
    return token.is_punct or token.is_space


def _without_complementiser(doc: Doc, span: TokenSpan) -> TokenSpan:
    """A content without its leading "that": claimledger's convention (PolNeAR keeps it)."""
    start, end = span
    if start < end and doc[start].lower_ == "that" and doc[start].dep_ == "mark":
        start += 1
    return start, end


def shipped_directory() -> Path:
    return Path(str(resources.files("claimledger").joinpath("data")))


@cache
def shipped_model() -> SpanModel | None:
    """The model shipped in `claimledger/data`, opened once; None before `make train` wrote it."""
    directory = shipped_directory()
    if not (directory / CUE_FILE).is_file() or not (directory / ROLE_FILE).is_file():
        return None
    return SpanModel(directory)
