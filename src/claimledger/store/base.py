"""The Store protocol: the one way stages' results reach the database and readers read them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from claimledger.models import Attribution, Claim, GradeOverride, Rejected, Report, SourceKind, Story

ClaimSort = Literal["credibility", "origins", "recency"]


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """What `GET /api/claims` filters by; None means "any"."""

    entity: str | None = None
    source_kind: SourceKind | None = None
    reliability: str | None = None
    credibility: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None
    sort: ClaimSort = "origins"

    @property
    def needs_contents(self) -> bool:
        """Whether filtering needs the statements' contents (the attributions), not only the claims."""
        return bool(self.text)


@dataclass(slots=True)
class Batch:
    """What one ingest run adds; stored in one transaction, all or nothing."""

    reports: list[Report] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    # MinHash hash values per new report, so later batches can find near-duplicates of it.
    signatures: dict[str, bytes] = field(default_factory=dict)
    # Existing reports that a new, earlier report turns into copies: report id -> (copy_of, similarity).
    copy_updates: dict[str, tuple[str, float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoredSignature:
    report_id: str
    published: dt.date | None
    hashvalues: bytes


class Store(Protocol):
    """Append-friendly, idempotent storage of reports, attributions and rejected inputs."""

    def add_batch(self, batch: Batch) -> None:
        """Store everything in `batch` in one transaction; reports already stored are left as they are."""
        ...

    def known_report_ids(self, report_ids: Iterable[str]) -> set[str]:
        """Which of `report_ids` are stored already."""
        ...

    def report(self, report_id: str) -> Report:
        """The report with this id or unique id prefix; raises NotFound."""
        ...

    def reports(self) -> Iterator[Report]:
        """All reports, oldest publication first (unknown dates last)."""
        ...

    def attributions(self, *, report_id: str | None = None) -> Iterator[Attribution]:
        """Attributions of one report (id or unique prefix) or of all, in text order."""
        ...

    def rejects(self) -> Iterator[Rejected]: ...

    def signatures(self) -> Iterator[StoredSignature]:
        """MinHash signatures of all stored reports, for near-duplicate search across batches."""
        ...

    def replace_claims(self, claims: Sequence[Claim], stories: Sequence[Story] = ()) -> None:
        """Replace all derived claims and stories in one transaction; analyst overrides are kept."""
        ...

    def claims(self, *, min_origins: int = 0, story_id: str | None = None) -> Iterator[Claim]:
        """Stored claims with at least `min_origins` origins (of one story if given), overrides applied."""
        ...

    def query_claims(
        self, query: ClaimQuery, *, min_origins: int = 0, story_id: str | None = None, limit: int, offset: int
    ) -> tuple[list[Claim], int]:
        """The page `[offset, offset + limit)` of the claims matching `query`, sorted, and how many match."""
        ...

    def stories(self) -> Iterator[Story]:
        """Stored stories, largest first."""
        ...

    def story(self, story_id: str) -> Story:
        """The story with this id or unique id prefix; raises NotFound."""
        ...

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id or unique id prefix, its latest override applied; raises NotFound."""
        ...

    def add_override(self, override: GradeOverride) -> None:
        """Append an analyst's grade of a stored claim; raises NotFound for an unknown claim."""
        ...

    def overrides(self, *, claim_id: str | None = None) -> Iterator[GradeOverride]:
        """Analyst grades, oldest first, of one claim or of all."""
        ...

    def close(self) -> None: ...
