"""The one place that chains the stages: read → clean → dedup → extract → store → link.

A run becomes one `Batch`, stored in one transaction: all of it or, if storing fails, none of it.
The run holds its new reports in memory until then; an interrupted run stores nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from claimledger.errors import StoreError
from claimledger.ingest import CleanResult, NearDuplicateIndex, clean, read_inputs, report_id
from claimledger.models import Attribution, Document, Rejected, Report, ReportMeta
from claimledger.settings import Settings
from claimledger.store.base import Batch, Store

logger = logging.getLogger(__name__)

# Reports per extract_many call: large enough for nlp.pipe to pay off, small enough for steady progress.
EXTRACT_BATCH = 32

Progress = Callable[[str], None]


class AttributionExtractor(Protocol):
    """What the pipeline needs of an extractor (claimledger.extract.Extractor has it)."""

    def extract_many(self, reports: Sequence[Report]) -> list[tuple[Attribution, ...]]: ...


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What one link run computed from all stored attributions."""

    attributions: int
    claims: int
    corroborated: int
    denials: int
    conflicts: int
    stories: int = 0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did; `copies` counts new reports stored as near-duplicates of earlier ones."""

    stored: int
    duplicates: int
    copies: int
    rejected: tuple[Rejected, ...]
    attributions: int


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Store,
    settings: Settings,
    defaults: ReportMeta = ReportMeta(),  # noqa: B008  # frozen, so one shared default is safe
    extractor: AttributionExtractor | None = None,
    on_progress: Progress | None = None,
    batch_size: int = EXTRACT_BATCH,
) -> IngestSummary:
    """Read, clean, deduplicate and extract `paths`, then store everything new as one batch."""
    progress = on_progress or _ignore
    run = _Run(store, _load_index(store, settings, progress))
    documents: list[tuple[Document, CleanResult]] = []
    for item in read_inputs(paths, settings=settings, defaults=defaults):
        if isinstance(item, Rejected):
            run.rejected.append(item)
            progress(f"rejected {item.origin}")
        else:
            # The raw bytes are not part of a report; dropping them keeps a large run's memory down.
            documents.append((replace(item, raw=b""), clean(item)))
            progress(f"read {item.origin}")
    for document, cleaned in _originals_first(documents):
        run.add(document, cleaned)
    reports = list(run.reports.values())
    attributions = _extract(reports, extractor, settings, batch_size, progress)
    progress(f"storing {len(reports)} reports, {len(attributions)} attributions")
    store.add_batch(
        Batch(
            reports=reports,
            attributions=attributions,
            rejected=run.rejected,
            signatures=run.signatures,
            copy_updates=run.copy_updates,
        )
    )
    if run.copy_updates:
        logger.info("%d stored reports are now copies of new, earlier ones", len(run.copy_updates))
    return IngestSummary(
        stored=len(reports),
        duplicates=run.duplicates,
        copies=sum(report.copy_of is not None for report in reports),
        rejected=tuple(run.rejected),
        attributions=len(attributions),
    )


def _ignore(message: str) -> None:
    """The progress callback when nobody listens."""


def _originals_first(documents: list[tuple[Document, CleanResult]]) -> list[tuple[Document, CleanResult]]:
    """Documents by publication date and, within a day, those of a publisher that others credit first.

    The near-duplicate index breaks ties of date by indexing order, so this order makes a wire
    agency's report the original of same-day copies that credit it ("MPA contributed reporting").
    """
    credited = {credit.agency.casefold() for _, cleaned in documents for credit in cleaned.credits}

    def key(item: tuple[Document, CleanResult]) -> tuple[bool, dt.date, bool]:
        meta = item[0].meta
        return (
            meta.published is None,
            meta.published or dt.date.min,
            (meta.publisher or "").casefold() not in credited,
        )

    return sorted(documents, key=key)


def _load_index(store: Store, settings: Settings, progress: Progress) -> _Index:
    """A near-duplicate index of every stored report, built once per run."""
    index = NearDuplicateIndex(settings)
    published: dict[str, dt.date | None] = {}
    for stored in store.signatures():
        try:
            signature = NearDuplicateIndex.from_bytes(stored.hashvalues)
        except ValueError as e:
            raise StoreError(
                f"the stored MinHash signature of report {stored.report_id} is unreadable: {e}"
            ) from e
        index.add(stored.report_id, stored.published, signature)
        published[stored.report_id] = stored.published
    if published:
        progress(f"loaded {len(published)} stored signatures")
    return _Index(index, published)


@dataclass(slots=True)
class _Index:
    near_duplicates: NearDuplicateIndex
    published: dict[str, dt.date | None]


@dataclass(slots=True)
class _Run:
    """The state of one ingest run: new reports so far, their signatures and the links between them."""

    store: Store
    index: _Index
    reports: dict[str, Report] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    signatures: dict[str, bytes] = field(default_factory=dict)
    copy_updates: dict[str, tuple[str, float]] = field(default_factory=dict)
    duplicates: int = 0

    def add(self, document: Document, cleaned: CleanResult) -> None:
        """Keep `document` as a new report unless its text is stored or seen already."""
        new_id = report_id(cleaned.text)
        if new_id in self.reports or self.store.known_report_ids([new_id]):
            logger.info("%s: same text as report %s, skipped", document.origin, new_id)
            self.duplicates += 1
            return
        published = document.meta.published
        index = self.index.near_duplicates
        signature = index.signature(cleaned.text, boilerplate=cleaned.boilerplate)
        original = index.original_of(new_id, published, signature)
        if original is None:
            self._relink_later_copies(new_id, published, signature)
        self.reports[new_id] = Report(
            id=new_id,
            origin=document.origin,
            text=cleaned.text,
            meta=document.meta,
            credits=cleaned.credits,
            boilerplate=cleaned.boilerplate,
            copy_of=None if original is None else original[0],
            similarity=None if original is None else original[1],
        )
        index.add(new_id, published, signature)
        self.index.published[new_id] = published
        self.signatures[new_id] = NearDuplicateIndex.to_bytes(signature)

    def _relink_later_copies(self, new_id: str, published: dt.date | None, signature: Any) -> None:
        """Make near-duplicates published after this new original copies of it, unless linked earlier."""
        for other_id, similarity in self.index.near_duplicates.later_copies(new_id, published, signature):
            current = self._copy_of(other_id)
            if current is not None and not _earlier(published, self.index.published.get(current)):
                continue
            if other_id in self.reports:
                self.reports[other_id] = replace(
                    self.reports[other_id], copy_of=new_id, similarity=similarity
                )
            else:
                self.copy_updates[other_id] = (new_id, similarity)

    def _copy_of(self, report_id: str) -> str | None:
        if report_id in self.reports:
            return self.reports[report_id].copy_of
        if report_id in self.copy_updates:
            return self.copy_updates[report_id][0]
        return self.store.report(report_id).copy_of


def _earlier(first: dt.date | None, second: dt.date | None) -> bool:
    """Whether `first` is before `second`, an unknown date being later than any known one."""
    if first is None:
        return False
    return second is None or first < second


def _extract(
    reports: Sequence[Report],
    extractor: AttributionExtractor | None,
    settings: Settings,
    batch_size: int,
    progress: Progress,
) -> list[Attribution]:
    """Attributions of `reports`, extracted `batch_size` reports at a time."""
    if not reports:
        return []
    if extractor is None:
        # Imported here so a run with nothing new to extract never loads the language model.
        from claimledger.extract import Extractor

        extractor = Extractor(settings)
    attributions: list[Attribution] = []
    for start in range(0, len(reports), batch_size):
        chunk = reports[start : start + batch_size]
        for report, found in zip(chunk, extractor.extract_many(chunk), strict=True):
            attributions.extend(found)
            logger.debug("%s: %d attributions", report.id, len(found))
        progress(f"extracted {start + len(chunk)}/{len(reports)} reports")
    return attributions


def link(store: Store, settings: Settings, *, on_progress: Progress | None = None) -> LinkSummary:
    """Recompute all claims from the stored attributions and store them in one transaction.

    Claims are derived data: a re-run replaces them all and gives the same result for the same
    attributions; analyst overrides are separate rows and are kept.
    """
    # Imported here so `ingest --no-link` and the reading commands never import the link stage.
    from claimledger.extract.entities import Gazetteer
    from claimledger.link import build_claims, build_stories

    progress = on_progress or _ignore
    gazetteer = Gazetteer.load(settings.gazetteer_path)
    sources = {name: (known.canonical, known.kind) for name, known in gazetteer.sources.items()}
    reports = {report.id: report for report in store.reports()}
    attributions = list(store.attributions())
    progress(f"linking {len(attributions)} attributions")
    claims = build_claims(attributions, reports, settings=settings, places=gazetteer.places, sources=sources)
    stories, claims = build_stories(list(reports.values()), claims, settings=settings)
    store.replace_claims(claims, stories)
    return LinkSummary(
        attributions=len(attributions),
        claims=len(claims),
        corroborated=sum(claim.independent_origins >= 2 for claim in claims),
        denials=sum(len(claim.denials) for claim in claims),
        conflicts=sum(len(claim.conflicts) for claim in claims),
        stories=len(stories),
    )
