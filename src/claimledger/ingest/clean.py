"""Cleaning: publisher boilerplate is recorded as spans, never deleted, and wire credits are found.

The text is never changed, so every offset later stages keep points into the stored report.
The rules are written here because boilerplate detectors we know (trafilatura, jusText) work on
markup; a plain-text report, or an appeal inside an article's own markup, reaches us as lines.
Each line (paragraph) is classified by cues: short UI labels, related-link and newsletter
prompts, appeal headers ("A Message from ...", "Dear readers"), and an appeal score from its
vocabulary (donate, your support, independent journalism) and its voice (we/our speaking to
you/your outside quotes, which news paragraphs rarely do). An appeal block starts at a header
or a strongly scored line and runs while lines keep scoring, so news that merely mentions
"support" or "subscribers" does not qualify.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from claimledger.ingest.credits import find_credits
from claimledger.models import Boilerplate, Credit, Document

log = logging.getLogger(__name__)

LineKind = Literal["news", "credit", "ui_label", "related_links", "newsletter", "appeal_header"]
_SINGLE_LINE_REASONS = frozenset({"ui_label", "related_links", "newsletter"})
_MAX_LABEL_CHARS = 80
_MAX_PROMPT_WORDS = 30
_MAX_HEADER_WORDS = 15
# A paragraph longer than this is an article body (perhaps a whole report on one line), never
# an appeal, so one appeal sentence at its end cannot mark the whole report.
_MAX_APPEAL_WORDS = 150

_LABEL_EDGES = re.compile(r"^[\s•·*>›»→|–—-]+|[\s.!:…›»>→|–—-]+$")
_UI_LABEL = re.compile(
    r"remind me later|maybe later|not now|no,? thanks|close|dismiss|skip(?: ad| to (?:main )?content)?"
    r"|share(?: this| the)?(?: article| story| page| post)?(?: on [\w ]{1,30})?|tweet|e-?mail|print"
    r"|print this (?:article|page)|copy(?: the)? link|link copied|save(?: (?:article|story|for later))?"
    r"|bookmark|listen(?: to (?:this )?(?:article|story))?(?: \d+ min(?:utes)?)?"
    r"|play video|watch(?: video| now)?"
    r"|advertisement|advertising|sponsored(?: content)?|ad|read more(?: \S.{0,60})?"
    r"|read the full (?:article|story)|continue reading(?: \S.{0,40})?|show more|load more|see more"
    r"|click here(?: \S.{0,60})?|tap here(?: \S.{0,60})?|follow us(?: on \S.{0,60})?"
    r"|(?:like|join) us on \S.{0,40}|(?:show|hide|view|leave a|add a|post a) comments?|comments?(?: \(\d+\))?"
    r"|\d+ comments?|subscribe(?: now| today| here| for free)?|donate(?: now| today| here)?"
    r"|support us(?: now| today)?|become a (?:member|supporter|subscriber|patron)(?: today| now)?|give now"
    r"|contribute(?: now| today)?|log ?in|sign ?in|sign ?up|register|back to top|menu|next article"
    r"|previous article|up next",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?: (?:articles?|stories|story|coverage|content|news|reading|links?|topics?))?|read also"
    r"|also read|see also|read more|more on (?:this|the) (?:story|topic|subject)|more from [^:]{1,40}"
    r"|recommended(?: for you)?|you (?:may|might) also like|most (?:read|popular|viewed)|further reading"
    r"|trending(?: now)?|editor'?s picks?|in other news|what to read next)\s*(?:[:›»|–—]|-\s|$)",
    re.IGNORECASE,
)
_NEWSLETTER_ACTION = re.compile(r"\b(?:sign up|sign-up|subscribe|register)\b", re.IGNORECASE)
_NEWSLETTER_THING = re.compile(
    r"\b(?:newsletters?|inbox|bulletin|briefing|digest|e-?mails?)\b", re.IGNORECASE
)
_OUR_YOUR = re.compile(r"\b(?:our|your)\b", re.IGNORECASE)
_APPEAL_HEADER = re.compile(
    r"^(?:a (?:message|note|word|request) from\b"
    r"|dear (?:readers?|friends?|subscribers?|supporters?|listeners?|viewers?|visitors?)\b"
    r"|(?:please )?(?:support|fund|help (?:fund|support|sustain)|defend|protect|stand (?:with|up for))"
    r" (?:us\b|our\b|independent\b|free\b|quality\b|public[- ]interest\b|journalism\b|the (?:free )?press\b"
    r"|(?:the )?(?-i:[A-Z]))"
    r"|before you go\b|we need your (?:help|support)\b|thank you for reading\b"
    r"|can you (?:help|support|chip in)\b"
    r"|(?:please )?(?:consider )?(?:donating|subscribing|contributing) (?:to (?:us|our)|today|now|here)\b"
    r"|(?:please )?(?:donate|subscribe|contribute)\b"
    r"|become a (?:member|supporter|subscriber|patron)\b|make a (?:donation|contribution)\b"
    r"|join (?:us|our (?:community|members|supporters))\b)",
    re.IGNORECASE,
)
_APPEAL_CUES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bdonat(?:e|es|ed|ing|ion|ions)\b",
        r"\b(?:make a|every|your|one-(?:off|time)|monthly) contributions?\b"
        r"|\bcontribute (?:now|today|what)\b",
        r"\b(?:your|our) support\b|\bsupport (?:us|our (?:work|journalism|reporting|newsroom))\b"
        r"|\bplease support\b|\bby supporting\b|\bsupporting (?:us|our)\b|\bsupport independent\b",
        r"\bsubscri(?:be|bing|ption)\b",
        r"\b(?:become|becoming) a (?:member|supporter|subscriber|patron)\b|\bmembership\b",
        r"\bindependent (?:journalism|media|reporting|news(?:room)?|press)\b",
        r"\bthank you\b|\bthanks for (?:reading|your)\b",
        r"\byour help\b|\bhelp us\b|\bwe need you\b|\bcount on you\b",
        r"\b(?:support|give|donate|contribute|chip in)\b[^.]{0,40}"
        r"\b(?:monthly|per month|every month|a month)\b"
        r"|\b(?:just|only|from|as little as) [$€£]\s?\d",
        r"\bpaywall\b|\bfree (?:to read|for (?:everyone|all))\b|\breader[- ](?:funded|supported)\b"
        r"|\bno matter how small\b",
    )
)
# "us" only in lower case: "US" is the United States.
_VOICE = re.compile(r"(?i:\b(?:we|ours?|you|yours?)\b)|\bus\b")
# Quoted speech is the speaker's voice, not the publisher's; an unclosed quote runs to the line end.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]*(?:’|$)")


@dataclass(frozen=True, slots=True)
class CleanResult:
    """A report's text (unchanged), the boilerplate ranges in it, and its wire credits."""

    text: str
    boilerplate: tuple[Boilerplate, ...]
    credits: tuple[Credit, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line: `[start, end)` of its text without surrounding whitespace, and its cues."""

    start: int
    end: int
    kind: LineKind
    cues: int  # distinct appeal phrases outside quotes
    voice: int  # we/our/you/your outside quotes

    @property
    def starts_appeal(self) -> bool:
        return self.kind == "appeal_header" or (
            self.kind == "news" and (self.cues >= 2 or (self.cues >= 1 and self.voice >= 2))
        )

    @property
    def continues_appeal(self) -> bool:
        return self.kind not in ("news", "credit") or self.cues >= 1 or self.voice >= 2


def clean(document: Document) -> CleanResult:
    """The boilerplate spans and wire credits of `document`; its text is returned unchanged."""
    text = document.text
    credits = find_credits(text)
    lines = list(_lines(text, credits))
    blocks = list(_appeal_blocks(lines))
    appeals = [Boilerplate(lines[block[0]].start, lines[block[-1]].end, "appeal") for block in blocks]
    spans = sorted([*appeals, *_single_lines(lines, blocks)], key=lambda span: span.start)
    boilerplate = _merged(spans, text)
    if boilerplate:
        log.debug("%s: %d boilerplate spans", document.origin, len(boilerplate))
    return CleanResult(text=text, boilerplate=boilerplate, credits=credits)


def _lines(text: str, credits: Sequence[Credit]) -> Iterator[_Line]:
    """The non-blank lines of `text`, classified."""
    credit_starts = sorted(credit.start for credit in credits if credit.kind != "dateline")
    for match in re.finditer(r"[^\n]+", text):
        content = match[0].strip()
        if not content:
            continue
        start = match.start() + len(match[0]) - len(match[0].lstrip())
        end = start + len(content)
        first_credit = bisect.bisect_left(credit_starts, start)
        credited = first_credit < len(credit_starts) and credit_starts[first_credit] < end
        yield _classify(content, start, end, credited=credited)


def _classify(content: str, start: int, end: int, *, credited: bool) -> _Line:
    """One line's kind and appeal cues."""
    words = len(content.split())
    unquoted = _QUOTED.sub(" ", content)
    cues = sum(1 for cue in _APPEAL_CUES if cue.search(unquoted)) if words <= _MAX_APPEAL_WORDS else 0
    voice = len(_VOICE.findall(unquoted)) if words <= _MAX_APPEAL_WORDS else 0
    kind: LineKind = "news"
    if credited:
        kind = "credit"
    elif len(content) <= _MAX_LABEL_CHARS and _UI_LABEL.fullmatch(_LABEL_EDGES.sub("", content)):
        kind = "ui_label"
    elif words <= _MAX_PROMPT_WORDS and _RELATED.match(content):
        kind = "related_links"
    elif words <= _MAX_PROMPT_WORDS and _is_newsletter_prompt(content):
        kind = "newsletter"
    elif words <= _MAX_HEADER_WORDS and _APPEAL_HEADER.match(content):
        kind = "appeal_header"
    return _Line(start, end, kind, cues, voice)


def _is_newsletter_prompt(content: str) -> bool:
    """ "Sign up for our newsletter", "Get the briefing in your inbox: subscribe" and the like."""
    return bool(
        _NEWSLETTER_ACTION.search(content) and _NEWSLETTER_THING.search(content) and _OUR_YOUR.search(content)
    )


def _appeal_blocks(lines: Sequence[_Line]) -> Iterator[range]:
    """The index ranges of runs of lines that make up a donation or subscription appeal."""
    index = 0
    while index < len(lines):
        if not lines[index].starts_appeal:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].continues_appeal:
            end += 1
        if _is_appeal(lines[index:end], at_end=end == len(lines)):
            yield range(index, end)
            index = end
        else:
            index += 1


def _is_appeal(block: Sequence[_Line], *, at_end: bool) -> bool:
    """Whether a candidate block is an appeal and not news that happens to score.

    A headed block needs one appeal phrase, or to close the report; an unheaded one needs two
    phrases and a line that addresses the reader or speaks for the publisher.
    """
    cues = sum(line.cues for line in block)
    if any(line.kind == "appeal_header" for line in block):
        return cues >= 1 or at_end
    return cues >= 2 and any(line.voice >= 1 for line in block)


def _single_lines(lines: Sequence[_Line], blocks: Sequence[range]) -> Iterator[Boilerplate]:
    """Lines outside `blocks` that are boilerplate on their own: UI labels, links, newsletter prompts."""
    inside = {index for block in blocks for index in block}
    for index, line in enumerate(lines):
        if line.kind in _SINGLE_LINE_REASONS and index not in inside:
            yield Boilerplate(line.start, line.end, line.kind)


def _merged(spans: Sequence[Boilerplate], text: str) -> tuple[Boilerplate, ...]:
    """`spans` (sorted) with overlapping ones, or ones only whitespace apart, made one."""
    merged: list[Boilerplate] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last is not None and (span.start <= last.end or not text[last.end : span.start].strip()):
            reasons = last.reason.split("+")
            reason = last.reason if span.reason in reasons else f"{last.reason}+{span.reason}"
            merged[-1] = Boilerplate(last.start, max(last.end, span.end), reason)
        else:
            merged.append(span)
    return tuple(merged)
