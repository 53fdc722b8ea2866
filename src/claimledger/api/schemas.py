"""Response and request shapes, named by role; they mirror `claimledger.serialize`, which builds the data."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from claimledger.models import Certainty, ConflictKind, SourceKind, Stance

T = TypeVar("T")


class SpanPublic(BaseModel):
    text: str
    start: int
    end: int


class MentionPublic(BaseModel):
    """One link of an attribution chain; text and offsets are null for a source with no place in the text."""

    text: str | None
    start: int | None
    end: int | None
    kind: SourceKind
    anonymous: bool
    canonical: str | None


class QuantityPublic(BaseModel):
    value: float
    unit: str | None
    text: str
    start: int
    end: int
    approximate: bool


class AttributionPublic(BaseModel):
    id: str
    report_id: str
    source: MentionPublic | None
    chain: list[MentionPublic]
    cue: SpanPublic
    content: SpanPublic
    content_fragments: list[SpanPublic]
    direct: bool
    stance: Stance
    certainty: Certainty
    hedges: list[str]
    event_date: str | None
    date_expression: str | None
    quantities: list[QuantityPublic]


class CreditPublic(BaseModel):
    text: str
    start: int
    end: int
    agency: str
    kind: str


class BoilerplatePublic(BaseModel):
    start: int
    end: int
    reason: str


class ReportPublic(BaseModel):
    """A report with its text; `text` is the stored text, untrusted, carried as a JSON string only."""

    id: str
    origin: str
    publisher: str | None
    published: str | None
    title: str | None
    author: str | None
    url: str | None
    external_id: str | None
    text: str
    credits: list[CreditPublic]
    copy_of: str | None
    similarity: float | None
    boilerplate: list[BoilerplatePublic]


class ReportWithAttributions(ReportPublic):
    attributions: list[AttributionPublic]


class StatementPublic(BaseModel):
    attribution_id: str
    report_id: str
    stance: Stance
    origin: str | None
    score: float
    reason: str


class OriginPublic(BaseModel):
    key: str
    canonical: str
    kind: SourceKind
    anonymous: bool
    via: str | None
    reports: list[str]
    reason: str = Field(default="", description="Why statements naming it differently count as this origin.")


class StatementRef(BaseModel):
    attribution_id: str
    report_id: str


class ConflictPublic(BaseModel):
    """Statements that cannot all hold: numbers, dates or places; `sides` are readings that fit together."""

    kind: ConflictKind
    unit: str
    values: list[str]
    attribution_ids: list[str]
    sides: list[list[str]]


class ComputedGrade(BaseModel):
    reliability: str
    credibility: int
    reason: str


class OverridePublic(BaseModel):
    claim_id: str
    reliability: str
    credibility: int
    why: str
    analyst: str
    created_at: str | None
    computed: ComputedGrade


class GradePublic(ComputedGrade):
    """The effective grade: the analyst's latest if `override` is set, else the computed one."""

    override: OverridePublic | None


class ClaimPublic(BaseModel):
    id: str
    summary: str
    story_id: str | None
    statements: list[StatementPublic]
    origins: list[OriginPublic]
    independent_origins: int
    denials: list[StatementRef]
    non_confirmations: list[StatementRef]
    conflicts: list[ConflictPublic]
    grade: GradePublic
    first_seen: str | None
    last_seen: str | None


class StoryMemberPublic(BaseModel):
    report_id: str
    reason: str


class StoryPublic(BaseModel):
    id: str
    title: str
    summary: str | None
    reports: list[StoryMemberPublic]
    claims: list[str]
    first_seen: str | None
    last_seen: str | None


class SourcePublic(BaseModel):
    """A source seen across claims: as an origin of what they assert, or as a denier."""

    id: str = Field(description="First 16 hex digits of sha256 of `<kind>:<canonical>`; stable across runs.")
    canonical: str
    kind: SourceKind
    claims_asserted: int
    denials_made: int
    grades: dict[str, int] = Field(description="Effective grades (`B2`) of its asserted claims, with counts.")


class SourceRecord(SourcePublic):
    """A source with the ids of the claims it asserts and of those it denies."""

    claims: list[str]
    denied: list[str]


class GradeIn(BaseModel):
    """An analyst's Admiralty grade of a claim."""

    reliability: str = Field(description="Source reliability, A (best) to F.", examples=["B"])
    credibility: int = Field(description="Information credibility, 1 (best) to 6.", examples=[2])
    why: str = Field(description="Why; kept with the grade.")
    analyst: str = Field(description="Who grades.")


class Page(BaseModel, Generic[T]):
    """One page of a list: `items` from `offset`, at most `limit`, of `total` matching."""

    items: list[T]
    total: int
    limit: int
    offset: int
