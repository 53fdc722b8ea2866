"""Token features and labels for the span model: which tokens are cues; per cue, its source and content.

Two linear-chain taggers read these (see `span_model.py`). The cue tagger reads one sentence at a
time; the role tagger reads, for one cue, the window of its sentence and the sentences on either
side, with features that say where each token stands relative to the cue in the parse (the branch
of the cue it hangs in, the side, the distance) and what the hand rules made of it.
Alignment and decoding are here too, so training and extraction label tokens the same way.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.cues import cue_lexicon
from claimledger.extract.spans import is_quote_mark

CharSpan = tuple[int, int]
TokenSpan = tuple[int, int]
Features = dict[str, float]
SOURCE, CONTENT, CUE = "SRC", "CON", "CUE"
_HAND_CUES = lx.SPEECH_VERBS | lx.OBJECT_VERBS | lx.CONCERN_VERBS | lx.DECLINE_VERBS


def align(doc: Doc, span: CharSpan) -> TokenSpan | None:
    """The tokens `[first, last + 1)` a character span touches, whitespace tokens left out at the ends."""
    return Offsets.of(doc).align(span)


@dataclass(frozen=True)
class Offsets:
    """A document's token offsets, read once to align many spans."""

    starts: list[int]
    ends: list[int]
    spaces: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> Offsets:
        strings = doc.vocab.strings
        rows = doc.to_array([IDX, ORTH, IS_SPACE]).tolist()
        starts = [row[0] for row in rows]
        ends = [row[0] + len(strings[row[1]]) for row in rows]
        return cls(starts, ends, [bool(row[2]) for row in rows])

    def align(self, span: CharSpan) -> TokenSpan | None:
        return align_offsets(self.starts, self.ends, span, self.spaces)


def align_offsets(
    starts: Sequence[int], ends: Sequence[int], span: CharSpan, spaces: Sequence[bool]
) -> TokenSpan | None:
    """`align` over token offsets: `starts` and `ends` ascending, `spaces` marks whitespace tokens."""
    first = bisect_right(ends, span[0])
    last = bisect_left(starts, span[1]) - 1
    while first <= last and spaces[first]:
        first += 1
    while last >= first and spaces[last]:
        last -= 1
    return (first, last + 1) if first <= last else None


def bio(length: int, spans: Iterable[tuple[str, TokenSpan]]) -> list[str]:
    """BIO labels over `length` tokens; a later span does not overwrite an earlier one."""
    labels = ["O"] * length
    for kind, (start, end) in spans:
        free = [i for i in range(max(start, 0), min(end, length)) if labels[i] == "O"]
        for i in free:
            labels[i] = ("I-" if i - 1 in free else "B-") + kind
    return labels


def segments(labels: Sequence[str]) -> list[tuple[str, TokenSpan]]:
    """The spans of a BIO label sequence; an I- after something else starts a span too."""
    found: list[tuple[str, TokenSpan]] = []
    kind, start = "", -1
    for i, label in enumerate([*labels, "O"]):
        tag, _, name = label.partition("-")
        if kind and (tag != "I" or name != kind):
            found.append((kind, (start, i)))
            kind = ""
        if tag in {"B", "I"} and not kind:
            kind, start = name, i
    return found


@dataclass
class RuleView:
    """What the hand rules found in a document, by token: cues, and each cue's source and content."""

    cue_of: dict[int, int] = field(default_factory=dict)  # token -> index of the rule attribution
    roles: list[dict[int, str]] = field(default_factory=list)  # per attribution: token -> SRC/CON
    frames: list[str] = field(default_factory=list)  # per attribution: the rule that found it


@dataclass
class DocView:
    """Per-document facts the features share: quotation state and sentence index of each token."""

    doc: Doc
    quoted: list[bool]
    sent_of: list[int]
    sents: list[TokenSpan]
    rules: RuleView
    tokens: TokenTable

    @classmethod
    def of(cls, doc: Doc, rules: RuleView) -> DocView:
        sents = [(s.start, s.end) for s in doc.sents]
        sent_of = [0] * len(doc)
        for index, (start, end) in enumerate(sents):
            for i in range(start, end):
                sent_of[i] = index
        table = TokenTable.of(doc)
        return cls(doc, _quoted(table.lower), sent_of, sents, rules, table)


_TABLE_ATTRS = [LOWER, LEMMA, POS, TAG, DEP]


@dataclass(frozen=True)
class TokenTable:
    """The token attributes the features read, as plain lists: spaCy builds a Python object for
    every token it hands out, and the taggers read each token many times."""

    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    children: list[list[int]]

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        strings = doc.vocab.strings
        memo: dict[int, str] = {}
        columns: list[list[str]] = [[] for _ in _TABLE_ATTRS]
        for row in doc.to_array(_TABLE_ATTRS).tolist():
            for column, key in zip(columns, row, strict=True):
                text = memo.get(key)
                if text is None:
                    text = memo[key] = strings[key]
                column.append(text)
        lower, lemma, pos, tag, dep = columns
        offsets = doc.to_array([HEAD]).astype("int64").tolist()
        head = [i + offset for i, offset in enumerate(offsets)]
        children: list[list[int]] = [[] for _ in head]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        return cls(lower, [w.lower() for w in lemma], pos, tag, dep, head, children)

    def frame(self, i: int) -> str:
        """`cues.frame_of` over the table: the complement token `i` takes."""
        deps = {self.dep[c] for c in self.children[i]}
        for frame in ("ccomp", "xcomp", "dobj"):
            if frame in deps:
                return frame
        j = i + 1
        if (
            j < len(self.head)
            and self.head[j] == i
            and self.dep[j] == "prep"
            and any(self.dep[c] in {"pobj", "pcomp"} for c in self.children[j])
        ):
            return "prep"
        return "none"


def _quoted(words: list[str]) -> list[bool]:
    """Whether each token (of `words`) is inside a quotation, counting marks within the paragraph."""
    inside, result = False, []
    for word in words:
        if "\n" in word:
            inside = False
        if is_quote_mark(word):
            result.append(True)
            inside = not inside if word in {'"', "''"} else word in "“«„"
            continue
        result.append(inside)
    return result


_FUNCTION_CHILDREN = frozenset({"aux", "auxpass", "neg", "prt", "dative", "mark"})


def _lexicon_score(table: TokenTable, i: int) -> float:
    frames = cue_lexicon().probabilities.get(table.lemma[i], {})
    return frames.get(table.frame(i), 0.0) if table.pos[i] == "VERB" else max(frames.values(), default=0.0)


def cue_features(view: DocView, sent: TokenSpan) -> list[Features]:
    """Features of every token of one sentence, for the cue tagger."""
    t = view.tokens
    rows = []
    for i in range(*sent):
        lemma, pos, dep, head = t.lemma[i], t.pos[i], t.dep[i], t.head[i]
        row: Features = {
            "bias": 1.0,
            f"w={t.lower[i]}": 1.0,
            f"l={lemma}": 1.0,
            f"p={pos}": 1.0,
            f"t={t.tag[i]}": 1.0,
            f"d={dep}": 1.0,
            f"hl={t.lemma[head]}": 1.0,
            f"hp={t.pos[head]}|d={dep}": 1.0,
            f"lp={lemma}|{pos}": 1.0,
            "lex": _lexicon_score(t, i),
        }
        row[f"lexb={int(row['lex'] * 5)}"] = 1.0
        for child in t.children[i]:
            row[f"c={t.dep[child]}"] = 1.0
            if t.dep[child] in _FUNCTION_CHILDREN:
                row[f"c{t.dep[child]}={t.lower[child]}"] = 1.0
            elif t.dep[child] in {"nsubj", "nsubjpass"}:
                row[f"subj={t.pos[child]}"] = 1.0
        if pos != "VERB":
            row[f"hl={t.lemma[head]}|w={t.lower[i]}"] = 1.0
        else:
            frame = t.frame(i)
            row[f"f={frame}"] = 1.0
            row[f"lf={lemma}|{frame}"] = 1.0
        if lemma in _HAND_CUES:
            row["hand"] = 1.0
        if view.quoted[i]:
            row["q"] = 1.0
        if i in view.rules.cue_of:
            row["rule_cue"] = 1.0
            row[f"rule_frame={view.rules.frames[view.rules.cue_of[i]]}"] = 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if sent[0] <= j < sent[1]:
                row[f"{offset}l={t.lemma[j]}"] = 1.0
                row[f"{offset}p={t.pos[j]}"] = 1.0
            else:
                row[f"{offset}edge"] = 1.0
        rows.append(row)
    return rows


def window_of(view: DocView, cue: TokenSpan) -> TokenSpan:
    """The role tagger's tokens for a cue: its sentence and one sentence on either side."""
    index = view.sent_of[cue[0]]
    first = view.sents[max(index - 1, 0)][0]
    last = view.sents[min(index + 1, len(view.sents) - 1)][1]
    return first, last


def cue_head(doc: Doc, cue: TokenSpan) -> Token:
    """The token of a cue span the others hang on (its verb where it has one)."""
    tokens = list(doc[cue[0] : cue[1]])
    verbs = [t for t in tokens if t.pos_ == "VERB"]
    if verbs:
        return verbs[-1]
    outside = [t for t in tokens if not cue[0] <= t.head.i < cue[1] or t.head.i == t.i]
    return outside[0] if outside else tokens[0]


def _branch(table: TokenTable, token: int, head: int, cue: TokenSpan, same_sentence: bool) -> tuple[str, str]:
    """Where `token` hangs relative to the cue in the parse: the cue's child it descends from (and
    that child's child), or above the cue, or elsewhere."""
    if cue[0] <= token < cue[1]:
        return "cue", ""
    heads, deps = table.head, table.dep
    node, below, last_dep = token, "", deps[token]
    for _ in range(40):
        if heads[node] == node:
            break
        if heads[node] == head:
            return "b:" + deps[node], below
        below = last_dep = deps[node]
        node = heads[node]
    if same_sentence:
        node = head
        for _ in range(40):
            if heads[node] == node:
                break
            node = heads[node]
            if node == token:
                return "a:" + deps[head], ""
    return ("x:" + last_dep if same_sentence else "other"), ""


def role_features(view: DocView, cue: TokenSpan) -> list[Features]:
    """Features of every token of the cue's window, for the source/content tagger."""
    t = view.tokens
    head = cue_head(view.doc, cue).i
    rule = view.rules.cue_of.get(head)
    rule_roles = view.rules.roles[rule] if rule is not None else {}
    cue_sent = view.sent_of[cue[0]]
    shared = {
        f"cl={t.lemma[head]}": 1.0,
        f"cd={t.dep[head]}": 1.0,
        f"cq={view.quoted[cue[0]]}": 1.0,
        f"rf={view.rules.frames[rule] if rule is not None else 'none'}": 1.0,
    }
    rows = []
    start, end = window_of(view, cue)
    for i in range(start, end):
        pos = t.pos[i]
        side = "in" if cue[0] <= i < cue[1] else ("L" if i < cue[0] else "R")
        distance = cue[0] - i if side == "L" else i - cue[1] + 1 if side == "R" else 0
        sent = view.sent_of[i] - cue_sent
        branch, below = _branch(t, i, head, cue, sent == 0)
        role = rule_roles.get(i, "O") if rule is not None else "none"
        quoted = view.quoted[i]
        row: Features = {
            "bias": 1.0,
            f"w={t.lower[i]}": 1.0,
            f"p={pos}": 1.0,
            f"d={t.dep[i]}": 1.0,
            f"s={side}": 1.0,
            f"dist={min(distance, 6) if distance < 6 else 6 + min(distance // 10, 3)}": 1.0,
            f"b={branch}": 1.0,
            f"b={branch}|s={side}": 1.0,
            f"b={branch}|p={pos}": 1.0,
            f"sent={sent}": 1.0,
            f"sent={sent}|q={quoted}": 1.0,
            f"s={side}|q={quoted}": 1.0,
            f"t={t.tag[i]}": 1.0,
            f"b={branch}>{below}": 1.0,
            f"r={role}": 1.0,
            f"r={role}|s={side}": 1.0,
            f"r={role}|b={branch}": 1.0,
            f"hr={rule_roles.get(t.head[i], 'O') if rule is not None else 'none'}": 1.0,
        }
        if rule is not None and role != rule_roles.get(i - 1, "O"):
            row[f"rb=start|{role}"] = 1.0
        if rule is not None and role != rule_roles.get(i + 1, "O"):
            row[f"rb=end|{role}"] = 1.0
        row.update(shared)
        if quoted:
            row["q"] = 1.0
        if i == view.sents[view.sent_of[i]][0]:
            row["first"] = 1.0
        if i in view.rules.cue_of and side != "in":
            row["other_cue"] = 1.0
        for offset in (-1, 1):
            j = i + offset
            if start <= j < end:
                row[f"{offset}w={t.lower[j]}"] = 1.0
                row[f"{offset}p={t.pos[j]}"] = 1.0
        rows.append(row)
    return rows
