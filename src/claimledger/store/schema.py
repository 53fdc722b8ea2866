"""The database tables (SQLAlchemy 2.0 declarative), in portable types for SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 1
ID_LENGTH = 64


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored in UTC; SQLite drops the zone, so it is put back on reading."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} cannot be stored; give it a time zone")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"expected a datetime from the database, got {value!r}")
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class SchemaVersionRow(Base):
    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    origin: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(Text)
    copy_of: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("reports.id"))
    similarity: Mapped[float | None] = mapped_column(Float)
    ingested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    word_count: Mapped[int] = mapped_column(Integer)


class BoilerplateRow(Base):
    __tablename__ = "boilerplate"

    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class CreditRow(Base):
    __tablename__ = "credits"

    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    agency: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))


class SignatureRow(Base):
    __tablename__ = "signatures"

    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), primary_key=True)
    hashvalues: Mapped[bytes] = mapped_column(LargeBinary)


class AttributionRow(Base):
    __tablename__ = "attributions"
    __table_args__ = (Index("ix_attributions_report_position", "report_id", "position"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"))
    position: Mapped[int] = mapped_column(Integer)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    cue_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    direct: Mapped[bool] = mapped_column(Boolean)
    stance: Mapped[str] = mapped_column(String(32))
    certainty: Mapped[str] = mapped_column(String(32))
    hedges: Mapped[list[str]] = mapped_column(JSON)
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    date_expression: Mapped[str | None] = mapped_column(Text)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    content_fragments: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class ChainLinkRow(Base):
    __tablename__ = "chain_links"

    attribution_id: Mapped[str] = mapped_column(ForeignKey("attributions.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    anonymous: Mapped[bool] = mapped_column(Boolean)
    canonical: Mapped[str | None] = mapped_column(Text)


class RejectedRow(Base):
    __tablename__ = "rejected"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    rejected_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ClaimRow(Base):
    """A derived claim; the whole table is recomputed by `link` from the stored attributions."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(Text)
    story_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    independent_origins: Mapped[int] = mapped_column(Integer, index=True)
    reliability: Mapped[str] = mapped_column(String(1))
    credibility: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)
    # Statements, origins and conflicts, in the shapes of claimledger.serialize.
    statements: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    origins: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    conflicts: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class ClaimSearchRow(Base):
    """What `query_claims` filters and sorts claims by, one row per claim, kept with the claims.

    A table of its own (not columns of `claims`), so ledgers of schema version 1 gain it on opening and it is
    filled from their claims then. The grade is the effective one (the latest analyst grade wins).
    """

    __tablename__ = "claim_search"
    # One index per sort, ending in position (the tie-break), so a page is read off an index, not sorted.
    __table_args__ = (
        Index("ix_claim_search_by_origins", sql_text("independent_origins DESC"), "position"),
        Index("ix_claim_search_by_grade", "credibility", "reliability", "position"),
        Index("ix_claim_search_by_recency", sql_text("recency DESC"), "position"),
        Index("ix_claim_search_seen", "last_seen", "first_seen"),
    )

    claim_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    story_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), index=True)
    independent_origins: Mapped[int] = mapped_column(Integer, index=True)
    reliability: Mapped[str] = mapped_column(String(1), index=True)
    credibility: Mapped[int] = mapped_column(Integer, index=True)
    first_seen: Mapped[dt.date | None] = mapped_column(Date, index=True)
    last_seen: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # last_seen, or the earliest date when unknown: what "recency" sorts by, as `sort_claims` does.
    recency: Mapped[dt.date] = mapped_column(Date)
    # "|kind|kind|" of the origins, for a LIKE on "|<kind>|".
    origin_kinds: Mapped[str] = mapped_column(Text)
    # The summary and the origins' canonical names, separated by US (\x1f); `entity_key` is it lower-cased.
    entity_text: Mapped[str] = mapped_column(Text)
    entity_key: Mapped[str] = mapped_column(Text)
    # The summary and the statements' contents, case-folded, separated by US (\x1f), for `q`.
    search_key: Mapped[str] = mapped_column(Text)


class StoryRow(Base):
    """A derived story (reports of one developing event); recomputed by `link` with the claims."""

    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)
    # Members ({report_id, reason}) and claim ids, in the shapes of claimledger.serialize.
    reports: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    claims: Mapped[list[str]] = mapped_column(JSON)


class GradeOverrideRow(Base):
    """An analyst's grade of a claim: appended, never updated; no foreign key, as claims are recomputed."""

    __tablename__ = "grade_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    reliability: Mapped[str] = mapped_column(String(1))
    credibility: Mapped[int] = mapped_column(Integer)
    why: Mapped[str] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


metadata = Base.metadata
