"""Frozen value types that flow between the stages.

Every extracted thing keeps character offsets into the stored report text, so that
nothing is asserted without the place it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal[
    "news_outlet",
    "government",
    "ministry",
    "intelligence_agency",
    "military",
    "diplomat",
    "official",
    "politician",
    "expert",
    "organisation",
    "social_media",
    "unspecified",
]
SOURCE_KINDS: tuple[SourceKind, ...] = SourceKind.__args__  # type: ignore[attr-defined]  # Literal exposes its values here

Stance = Literal["assert", "deny", "no_confirmation", "condemn", "concern"]
STANCES: tuple[Stance, ...] = Stance.__args__  # type: ignore[attr-defined]  # as above

Certainty = Literal["certain", "probable", "possible", "unknown"]
CERTAINTIES: tuple[Certainty, ...] = Certainty.__args__  # type: ignore[attr-defined]  # as above


@dataclass(frozen=True, slots=True)
class Span:
    """A `[start, end)` range of characters in a report's stored text, with that text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span `[start, end)` of `text`."""
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Publisher text inside a report that is not the report (appeals, prompts, buttons)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Credit:
    """A wire credit of a report: "AFP contributed reporting", "Reporting by ...", "(Reuters) -"."""

    text: str
    start: int
    end: int
    agency: str
    kind: Literal["contributed", "reporting_by", "dateline", "additional_reporting"]


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Metadata a reader found or the user gave; every field may be unknown."""

    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    author: str | None = None
    url: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One report as a reader produced it: decoded main text plus metadata, before cleaning."""

    origin: str
    text: str
    meta: ReportMeta
    raw: bytes = b""


@dataclass(frozen=True, slots=True)
class Report:
    """A stored report. `id` is the hash of its normalised text, so re-ingest is a no-op."""

    id: str
    origin: str
    text: str
    meta: ReportMeta
    credits: tuple[Credit, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    copy_of: str | None = None
    similarity: float | None = None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Whether `[start, end)` touches any boilerplate range."""
        return any(start < b.end and b.start < end for b in self.boilerplate)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class SourceMention:
    """One link of an attribution chain: who, as written, and who that is."""

    span: Span | None
    kind: SourceKind
    anonymous: bool
    canonical: str | None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a claim's content, with what it counts."""

    value: float
    unit: str | None
    span: Span
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what, through whom, how hedged: one reported statement in one report.

    `chain` runs from the outermost source to the origin ("Yonhap" → "an anonymous
    government source"); it is empty for reportative statements with no source.
    """

    id: str
    report_id: str
    chain: tuple[SourceMention, ...]
    cue: Span
    content: Span
    direct: bool
    stance: Stance
    certainty: Certainty
    hedges: tuple[str, ...] = ()
    event_date: dt.date | None = None
    date_expression: str | None = None
    quantities: tuple[Quantity, ...] = ()
    content_fragments: tuple[Span, ...] = ()

    @property
    def source(self) -> SourceMention | None:
        return self.chain[0] if self.chain else None

    @property
    def origin(self) -> SourceMention | None:
        return self.chain[-1] if self.chain else None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become a report, kept with its bytes for later inspection."""

    origin: str
    code: str
    message: str
    sha256: str
    raw: bytes = b""
    rejected_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


Reliability = Literal["A", "B", "C", "D", "E", "F"]
RELIABILITIES: tuple[Reliability, ...] = Reliability.__args__  # type: ignore[attr-defined]  # as above

ConflictKind = Literal["quantity", "date", "place"]
CONFLICT_KINDS: tuple[ConflictKind, ...] = ConflictKind.__args__  # type: ignore[attr-defined]  # as above


@dataclass(frozen=True, slots=True)
class Statement:
    """One attribution as a member of a claim, with why it was put there and where it traces back to.

    `origin` is the key of the claim's `Origin` this statement resolves to, or None for a statement
    that asserts nothing of its own (a denial, a non-confirmation, a condemnation).
    """

    attribution_id: str
    report_id: str
    stance: Stance
    score: float
    reason: str
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """An independent first source of a claim, with the reports that carry it (copies included).

    `reason` says why statements whose chains name it differently were put under it, if any were.
    """

    key: str
    canonical: str
    kind: SourceKind
    anonymous: bool
    via: str | None
    reports: tuple[str, ...]
    # Why statements with other sources were taken as this one ("“the company” refers back to ...").
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Statements of one claim that cannot all hold, such as "about 2,000" and "at least 5,000" troops.

    `sides` groups the clashing readings that can hold together; no two sides can both hold. `unit` is
    what is counted (a quantity conflict), the event dated ("began", a date conflict) or the relation
    to a place ("in", "to", a place conflict). `values` are the readings of all sides, in order.
    """

    kind: ConflictKind
    unit: str
    values: tuple[str, ...]
    attribution_ids: tuple[str, ...]
    sides: tuple[tuple[str, ...], ...] = ()

    @property
    def label(self) -> str:
        """What conflicts: "troop numbers", "dates (began)", "places (moved to)"."""
        if self.kind == "quantity":
            return f"{self.unit} numbers"
        return f"{self.kind}s ({self.unit})"

    @property
    def readings(self) -> str:
        """The sides in words, readings of one side joined by " / ": "hundreds / about 340 vs about 40"."""
        sides = self.sides or tuple((value,) for value in self.values)
        return " vs ".join(" / ".join(side) for side in sides)

    @property
    def description(self) -> str:
        return f"{self.label}: {self.readings}"


@dataclass(frozen=True, slots=True)
class Grade:
    """A NATO Admiralty grade: reliability of the source A–F, credibility of the claim 1–6, and why."""

    reliability: Reliability
    credibility: int
    reason: str


@dataclass(frozen=True, slots=True)
class GradeOverride:
    """An analyst's grade of a claim, stored as its own row; the latest one wins over the computed grade."""

    claim_id: str
    reliability: Reliability
    credibility: int
    why: str
    analyst: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Claim:
    """One proposition stated in one or more reports, with its origins, denials, conflicts and grade."""

    id: str
    summary: str
    statements: tuple[Statement, ...]
    origins: tuple[Origin, ...]
    conflicts: tuple[Conflict, ...]
    grade: Grade
    first_seen: dt.date | None
    last_seen: dt.date | None
    story_id: str | None = None
    override: GradeOverride | None = None

    @property
    def independent_origins(self) -> int:
        return len(self.origins)

    @property
    def denials(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.stance == "deny")

    @property
    def non_confirmations(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.stance == "no_confirmation")

    @property
    def effective_grade(self) -> Grade:
        """The analyst's latest grade if there is one, else the computed grade."""
        if self.override is None:
            return self.grade
        reason = f"analyst {self.override.analyst}: {self.override.why}"
        return Grade(self.override.reliability, self.override.credibility, reason)


@dataclass(frozen=True, slots=True)
class StoryMember:
    """A report in a story, with why it was put there (the link that joined it to another report)."""

    report_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Story:
    """Reports of one developing event, grouped by the claims they share and the terms they use."""

    id: str
    title: str
    summary: str | None
    members: tuple[StoryMember, ...]
    claim_ids: tuple[str, ...]
    first_seen: dt.date | None
    last_seen: dt.date | None

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(member.report_id for member in self.members)
