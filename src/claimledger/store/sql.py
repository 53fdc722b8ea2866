"""SqlStore: the Store protocol on SQLAlchemy Core; SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from claimledger.errors import NotFound, StoreError
from claimledger.models import Attribution, Claim, GradeOverride, Rejected, Report, Story
from claimledger.settings import Settings
from claimledger.store import rows, search
from claimledger.store.base import Batch, ClaimQuery, StoredSignature
from claimledger.store.schema import (
    SCHEMA_VERSION,
    AttributionRow,
    BoilerplateRow,
    ChainLinkRow,
    ClaimRow,
    ClaimSearchRow,
    CreditRow,
    GradeOverrideRow,
    RejectedRow,
    ReportRow,
    SchemaVersionRow,
    SignatureRow,
    StoryRow,
    metadata,
)

logger = logging.getLogger(__name__)

MIN_PREFIX = 4
# Ids per IN (...) list: well under SQLite's bound-parameter limit, small enough to stream reports.
CHUNK = 500
_WRITE = "claimledger_write"


class SqlStore:
    """Reports, attributions and rejected inputs in one SQL database; every batch is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._where = engine.url.render_as_string(hide_password=True)
        # SQLite's REGEXP runs Python's `re` (`_regexp`, registered on connecting), so entity's words are
        # tested in SQL.
        self._regexp = engine.dialect.name == "sqlite"
        self._sqlite = engine.dialect.name == "sqlite"

    def add_batch(self, batch: Batch) -> None:
        """Store `batch` all or nothing; reports already stored, and their attributions, are skipped."""
        try:
            with self._engine.connect() as conn:
                conn = conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    self._write(conn, batch)
        except SQLAlchemyError as e:
            raise StoreError(
                f"the batch could not be stored and nothing of it was: {_reason(e)}", origin=self._where
            ) from e

    def _write(self, conn: Connection, batch: Batch) -> None:
        known = self._known(conn, [report.id for report in batch.reports])
        new: dict[str, Report] = {}
        for report in batch.reports:
            if report.id not in known:
                new.setdefault(report.id, report)
        now = dt.datetime.now(dt.UTC)
        # copy_of is set after all inserts: a report may name as original one inserted after it.
        _insert(conn, ReportRow, [rows.report_values(report, now) for report in new.values()])
        _insert(conn, BoilerplateRow, [v for report in new.values() for v in rows.boilerplate_values(report)])
        _insert(conn, CreditRow, [v for report in new.values() for v in rows.credit_values(report)])
        signatures = [
            {"report_id": report_id, "hashvalues": hashvalues}
            for report_id, hashvalues in batch.signatures.items()
            if report_id in new
        ]
        _insert(conn, SignatureRow, signatures)
        attributions = [a for a in batch.attributions if a.report_id not in known]
        positions: dict[str, int] = {}
        attribution_values = []
        for attribution in attributions:
            position = positions.get(attribution.report_id, 0)
            positions[attribution.report_id] = position + 1
            attribution_values.append(rows.attribution_values(attribution, position))
        _insert(conn, AttributionRow, attribution_values)
        _insert(conn, ChainLinkRow, [v for a in attributions for v in rows.chain_values(a)])
        links: dict[str, tuple[str | None, float | None]] = {
            r.id: (r.copy_of, r.similarity) for r in new.values() if r.copy_of is not None
        }
        links.update(batch.copy_updates)
        self._set_copies(conn, links)
        self._add_rejected(conn, batch.rejected)
        logger.info("stored %d reports, %d attributions", len(new), len(attributions))

    def _set_copies(self, conn: Connection, links: dict[str, tuple[str | None, float | None]]) -> None:
        for report_id, (copy_of, similarity) in links.items():
            changed = conn.execute(
                update(ReportRow)
                .where(ReportRow.id == report_id)
                .values(copy_of=copy_of, similarity=similarity)
            ).rowcount
            if not changed:
                logger.warning("copy update for report %s, which is not stored; ignored", report_id)

    def _add_rejected(self, conn: Connection, rejected: Sequence[Rejected]) -> None:
        """Append rejected inputs, skipping one already stored with the same origin, hash and code."""
        hashes = sorted({r.sha256 for r in rejected})
        seen: set[tuple[str, str, str]] = set()
        for chunk in _chunks(hashes):
            query = select(RejectedRow.origin, RejectedRow.sha256, RejectedRow.code).where(
                RejectedRow.sha256.in_(chunk)
            )
            seen.update((row.origin, row.sha256, row.code) for row in conn.execute(query))
        values = []
        for item in rejected:
            key = (item.origin, item.sha256, item.code)
            if key not in seen:
                seen.add(key)
                values.append(rows.rejected_values(item))
        _insert(conn, RejectedRow, values)

    def known_report_ids(self, report_ids: Iterable[str]) -> set[str]:
        """Which of `report_ids` are stored already."""
        with self._read() as conn:
            return self._known(conn, list(report_ids))

    def _known(self, conn: Connection, report_ids: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for chunk in _chunks(sorted(set(report_ids))):
            known.update(conn.scalars(select(ReportRow.id).where(ReportRow.id.in_(chunk))))
        return known

    def report(self, report_id: str) -> Report:
        """The report with this id or unique id prefix (at least 4 characters); raises NotFound."""
        with self._read() as conn:
            full_id = self._resolve(conn, report_id)
            return self._load_reports(conn, [full_id])[0]

    def _resolve(self, conn: Connection, report_id: str) -> str:
        return _resolve_id(conn, ReportRow.id, report_id, noun="report", ambiguous="id prefix")

    def reports(self) -> Iterator[Report]:
        """All reports, oldest publication first (unknown dates last), then in order of ingest."""
        query = select(ReportRow.id).order_by(
            ReportRow.published.is_(None), ReportRow.published, ReportRow.ingested_at, ReportRow.id
        )
        with self._read() as conn:
            ordered = list(conn.scalars(query))
        for chunk in _chunks(ordered):
            with self._read() as conn:
                yield from self._load_reports(conn, chunk)

    def _load_reports(self, conn: Connection, report_ids: Sequence[str]) -> list[Report]:
        """The reports with these ids, in this order."""
        report_rows = {
            row.id: row
            for row in conn.execute(select(ReportRow.__table__).where(ReportRow.id.in_(report_ids)))
        }
        credits = _children(conn, CreditRow, "report_id", report_ids)
        boilerplate = _children(conn, BoilerplateRow, "report_id", report_ids)
        return [
            rows.report_from(report_rows[rid], credits.get(rid, []), boilerplate.get(rid, []))
            for rid in report_ids
        ]

    def attributions(self, *, report_id: str | None = None) -> Iterator[Attribution]:
        """Attributions of one report (id or unique prefix) or of all, in report order then text order."""
        query = (
            select(AttributionRow.id)
            .join(ReportRow, ReportRow.id == AttributionRow.report_id)
            .order_by(
                ReportRow.published.is_(None),
                ReportRow.published,
                ReportRow.ingested_at,
                ReportRow.id,
                AttributionRow.position,
            )
        )
        with self._read() as conn:
            if report_id is not None:
                query = query.where(AttributionRow.report_id == self._resolve(conn, report_id))
            ordered = list(conn.scalars(query))
        for chunk in _chunks(ordered):
            with self._read() as conn:
                yield from self._load_attributions(conn, chunk)

    def _load_attributions(self, conn: Connection, attribution_ids: Sequence[str]) -> list[Attribution]:
        found = {
            row.id: row
            for row in conn.execute(
                select(AttributionRow.__table__).where(AttributionRow.id.in_(attribution_ids))
            )
        }
        links = _children(conn, ChainLinkRow, "attribution_id", attribution_ids)
        return [rows.attribution_from(found[aid], links.get(aid, [])) for aid in attribution_ids]

    def rejects(self) -> Iterator[Rejected]:
        """Rejected inputs in the order they were stored."""
        with self._read() as conn:
            result = conn.execute(select(RejectedRow.__table__).order_by(RejectedRow.id))
            yield from (rows.rejected_from(row) for row in result)

    def signatures(self) -> Iterator[StoredSignature]:
        """MinHash signatures of all stored reports, with their publication dates."""
        query = (
            select(SignatureRow.report_id, ReportRow.published, SignatureRow.hashvalues)
            .join(ReportRow, ReportRow.id == SignatureRow.report_id)
            .order_by(SignatureRow.report_id)
        )
        with self._read() as conn:
            for row in conn.execution_options(yield_per=CHUNK).execute(query):
                yield StoredSignature(row.report_id, row.published, bytes(row.hashvalues))

    def replace_claims(self, claims: Sequence[Claim], stories: Sequence[Story] = ()) -> None:
        """Replace all derived claims and stories in one transaction; analyst overrides stay."""
        try:
            with self._engine.connect() as conn:
                conn = conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    conn.execute(delete(ClaimRow))
                    conn.execute(delete(ClaimSearchRow))
                    conn.execute(delete(StoryRow))
                    values = [rows.claim_values(claim, i) for i, claim in enumerate(claims)]
                    for start in range(0, len(values), CHUNK):
                        _insert(conn, ClaimRow, values[start : start + CHUNK])
                    self._index_claims(conn, claims)
                    story_values = [rows.story_values(story, i) for i, story in enumerate(stories)]
                    for start in range(0, len(story_values), CHUNK):
                        _insert(conn, StoryRow, story_values[start : start + CHUNK])
        except SQLAlchemyError as e:
            raise StoreError(
                f"the claims could not be stored and the old ones are kept: {_reason(e)}", origin=self._where
            ) from e
        logger.info("stored %d claims, %d stories", len(claims), len(stories))

    def claims(self, *, min_origins: int = 0, story_id: str | None = None) -> Iterator[Claim]:
        """Stored claims with at least `min_origins` origins (of one story if given), overrides applied."""
        latest = self._latest_overrides()
        query = (
            select(ClaimRow.__table__)
            .where(ClaimRow.independent_origins >= min_origins)
            .order_by(ClaimRow.position)
        )
        if story_id is not None:
            query = query.where(ClaimRow.story_id == story_id)
        with self._read() as conn:
            for row in conn.execution_options(yield_per=CHUNK).execute(query):
                yield rows.claim_from(row, latest.get(row.id))

    def _index_claims(self, conn: Connection, claims: Sequence[Claim]) -> None:
        """Write the claim_search rows of `claims` (ledger order) with the stored contents and overrides."""
        wanted = sorted({s.attribution_id for claim in claims for s in claim.statements})
        contents: dict[str, str] = {}
        for chunk in _chunks(wanted):
            query = select(AttributionRow.id, AttributionRow.content_text).where(AttributionRow.id.in_(chunk))
            contents.update({row.id: row.content_text for row in conn.execute(query)})
        latest = {
            row.claim_id: rows.override_from(row)
            for row in conn.execute(select(GradeOverrideRow.__table__).order_by(GradeOverrideRow.id))
        }
        values = [search.search_values(c, i, contents, latest.get(c.id)) for i, c in enumerate(claims)]
        for start in range(0, len(values), CHUNK):
            _insert(conn, ClaimSearchRow, values[start : start + CHUNK])
        # Statistics for the planner, so it picks the index that narrows a query most (SQLite and PostgreSQL).
        conn.execute(text("ANALYZE claim_search"))

    def query_claims(
        self, query: ClaimQuery, *, min_origins: int = 0, story_id: str | None = None, limit: int, offset: int
    ) -> tuple[list[Claim], int]:
        """The page `[offset, offset + limit)` of the claims matching `query`, sorted, and how many match.

        Filters, sorts and pages in SQL on claim_search, then loads only the page's claims.
        """
        with self._read() as conn:
            shown, total = self._page_ids(conn, query, min_origins, story_id, limit=limit, offset=offset)
            by_id = {
                row.id: row for row in conn.execute(select(ClaimRow.__table__).where(ClaimRow.id.in_(shown)))
            }
            latest: dict[str, GradeOverride] = {}
            overrides = select(GradeOverrideRow.__table__).where(GradeOverrideRow.claim_id.in_(shown))
            for row in conn.execute(overrides.order_by(GradeOverrideRow.id)):
                latest[row.claim_id] = rows.override_from(row)
        return [rows.claim_from(by_id[claim_id], latest.get(claim_id)) for claim_id in shown], total

    def _page_ids(
        self,
        conn: Connection,
        query: ClaimQuery,
        min_origins: int,
        story_id: str | None,
        *,
        limit: int,
        offset: int,
    ) -> tuple[list[str], int]:
        """Ids of the page of claims matching `query`, and how many match."""
        # Without REGEXP, entity's words are tested in Python, on every row its substring test leaves.
        in_python = bool(query.entity) and not self._regexp
        scope = search.Scope(min_origins, story_id, self._regexp, self._sqlite)
        if in_python:
            # Every row the substring test leaves comes to Python, which tests the words and sorts.
            found = conn.execute(search.matches(query, scope))
            kept = sorted(
                (row for row in found if search.entity_matches(query, row.entity_text)),
                key=search.sort_key(query),
            )
            return [row.claim_id for row in kept[offset : offset + limit]], len(kept)
        if search.selective(query):
            # One scan: the database filters, counts and sorts the matches, and returns only the page.
            shown = list(conn.execute(search.counted_page(query, scope, limit=limit, offset=offset)))
            if shown:
                return [row.claim_id for row in shown], int(shown[0].total)
            if limit > 0:
                # An empty page lies past the last match, and has no row to carry the count.
                matched = (
                    select(func.count()).select_from(ClaimSearchRow).where(*search.conditions(query, scope))
                )
                return [], int(conn.scalar(matched) or 0)
        counted = select(func.count()).select_from(ClaimSearchRow).where(*search.conditions(query, scope))
        total = int(conn.scalar(counted) or 0)
        return list(conn.scalars(search.page(query, scope, limit=limit, offset=offset))), total

    def reindex_claims(self) -> None:
        """Rebuild claim_search from the stored claims (a ledger written before the table existed)."""
        claims = list(self.claims())
        try:
            with self._engine.connect() as conn:
                conn = conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    conn.execute(delete(ClaimSearchRow))
                    self._index_claims(conn, claims)
        except SQLAlchemyError as e:
            raise StoreError(
                f"the claim search index could not be rebuilt: {_reason(e)}", origin=self._where
            ) from e

    def stories(self) -> Iterator[Story]:
        """Stored stories, largest first."""
        with self._read() as conn:
            found = [
                rows.story_from(row)
                for row in conn.execute(select(StoryRow.__table__).order_by(StoryRow.position))
            ]
        yield from found

    def story(self, story_id: str) -> Story:
        """The story with this id or unique id prefix (at least 4 characters); raises NotFound."""
        key = story_id.strip()
        with self._read() as conn:
            if len(key) < MIN_PREFIX:
                query = select(StoryRow.__table__).where(StoryRow.id == key)
            else:
                query = select(StoryRow.__table__).where(StoryRow.id.startswith(key, autoescape=True))
            matches = list(conn.execute(query.order_by(StoryRow.id).limit(6)))
        exact = [row for row in matches if row.id == key]
        if exact:
            return rows.story_from(exact[0])
        if not matches:
            hint = "" if len(key) >= MIN_PREFIX else f" (give at least {MIN_PREFIX} characters)"
            raise NotFound(f"no story with id or id prefix {key!r}{hint}; `claimledger stories` lists them")
        if len(matches) > 1:
            shown = ", ".join(row.id for row in matches[:5]) + (", ..." if len(matches) > 5 else "")
            raise NotFound(f"story id prefix {key!r} is ambiguous, it matches {shown}; give more characters")
        return rows.story_from(matches[0])

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id or unique id prefix (at least 4 characters); raises NotFound."""
        with self._read() as conn:
            full_id = self._resolve_claim(conn, claim_id)
            row = conn.execute(select(ClaimRow.__table__).where(ClaimRow.id == full_id)).one()
        return rows.claim_from(row, self._latest_overrides(full_id).get(full_id))

    def _resolve_claim(self, conn: Connection, claim_id: str) -> str:
        return _resolve_id(conn, ClaimRow.id, claim_id, noun="claim", ambiguous="claim id prefix")

    def add_override(self, override: GradeOverride) -> None:
        """Append an analyst's grade of a stored claim (full id); raises NotFound for an unknown claim."""
        try:
            with self._engine.connect() as conn:
                conn = conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    if conn.scalar(select(ClaimRow.id).where(ClaimRow.id == override.claim_id)) is None:
                        raise NotFound(
                            f"no claim with id {override.claim_id!r}; `claimledger claims` lists them"
                        )
                    conn.execute(insert(GradeOverrideRow).values(rows.override_values(override)))
                    conn.execute(
                        update(ClaimSearchRow)
                        .where(ClaimSearchRow.claim_id == override.claim_id)
                        .values(reliability=override.reliability, credibility=override.credibility)
                    )
        except SQLAlchemyError as e:
            raise StoreError(f"the grade could not be stored: {_reason(e)}", origin=self._where) from e

    def overrides(self, *, claim_id: str | None = None) -> Iterator[GradeOverride]:
        """Analyst grades, oldest first, of one claim (full id) or of all."""
        query = select(GradeOverrideRow.__table__).order_by(GradeOverrideRow.id)
        if claim_id is not None:
            query = query.where(GradeOverrideRow.claim_id == claim_id)
        with self._read() as conn:
            found = [rows.override_from(row) for row in conn.execute(query)]
        yield from found

    def _latest_overrides(self, claim_id: str | None = None) -> dict[str, GradeOverride]:
        """The latest analyst grade of each claim (later rows win)."""
        return {override.claim_id: override for override in self.overrides(claim_id=claim_id)}

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        with self._read() as conn:
            return {
                table.name: int(conn.scalar(select(func.count()).select_from(table)) or 0)
                for table in metadata.sorted_tables
            }

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for reading; a database error inside becomes a StoreError."""
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(f"cannot read the database: {_reason(e)}", origin=self._where) from e


def _children(conn: Connection, table: Any, parent: str, parent_ids: Sequence[str]) -> dict[str, list[Any]]:
    """Rows of `table` whose `parent` column is one of `parent_ids`, grouped by it, in position order."""
    key = getattr(table, parent)
    query = select(table.__table__).where(key.in_(parent_ids)).order_by(key, table.position)
    return rows.group(conn.execute(query), parent)


def _resolve_id(conn: Connection, column: Any, given: str, *, noun: str, ambiguous: str) -> str:
    """The full id in `column` that `given` is, or is the unique prefix of; raises NotFound."""
    key = given.strip()
    if conn.scalar(select(column).where(column == key)) is not None:
        return key
    if len(key) < MIN_PREFIX:
        raise NotFound(
            f"no {noun} with id {key!r}; give the full id or a prefix of at least {MIN_PREFIX} characters"
        )
    query = select(column).where(column.startswith(key, autoescape=True))
    matches = list(conn.scalars(query.order_by(column).limit(6)))
    if not matches:
        raise NotFound(f"no {noun} with id or id prefix {key!r}; `claimledger {noun}s` lists them")
    if len(matches) > 1:
        shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
        raise NotFound(f"{ambiguous} {key!r} is ambiguous, it matches {shown}; give more characters")
    return str(matches[0])


def open_store(settings: Settings, *, must_exist: bool = False) -> SqlStore:
    """The store at `settings.db_url`, tables created if missing; `must_exist` refuses a new SQLite file."""
    try:
        url = make_url(settings.db_url)
        engine = create_engine(url)
    except (ArgumentError, ValueError, ImportError) as e:
        raise StoreError(f"cannot use database URL {settings.db_url!r}: {e}") from e
    where = url.render_as_string(hide_password=True)
    if engine.dialect.name == "sqlite":
        _check_sqlite_file(url.database, must_exist=must_exist, where=where)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    try:
        metadata.create_all(engine)
        _check_schema_version(engine, where)
        stale = _search_is_stale(engine)
    except SQLAlchemyError as e:
        engine.dispose()
        raise StoreError(f"cannot open the database: {_reason(e)}", origin=where) from e
    except StoreError:
        engine.dispose()
        raise
    store = SqlStore(engine)
    if stale:
        store.reindex_claims()
    return store


def _search_is_stale(engine: Engine) -> bool:
    """Whether claim_search misses rows of stored claims: a ledger written before the table existed."""
    with engine.connect() as conn:
        indexed = conn.scalar(select(func.count()).select_from(ClaimSearchRow))
        stored = conn.scalar(select(func.count()).select_from(ClaimRow))
    return indexed != stored


def _check_sqlite_file(database: str | None, *, must_exist: bool, where: str) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if must_exist and not path.exists():
        raise NotFound("no database here; run `claimledger ingest` first or pass --db", origin=where)
    if not path.parent.is_dir():
        raise StoreError(f"directory {str(path.parent)!r} does not exist; create it first", origin=where)


def _check_schema_version(engine: Engine, where: str) -> None:
    with engine.connect() as conn, conn.begin():
        found = conn.scalar(select(func.max(SchemaVersionRow.version)))
        if found is None:
            conn.execute(insert(SchemaVersionRow).values(version=SCHEMA_VERSION))
        elif found != SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {found}, this claimledger reads version {SCHEMA_VERSION}; "
                "use a matching claimledger or a new database",
                origin=where,
            )


def _sqlite_on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    """Foreign keys on, WAL journal; SQLAlchemy, not the driver, emits BEGIN (see _sqlite_on_begin)."""
    # The sqlite3 driver's legacy mode begins transactions only at the first write, so reads before it
    # would not be part of the batch's transaction; taking over BEGIN makes a batch truly atomic.
    dbapi_connection.isolation_level = None
    # SQLAlchemy's REGEXP looks the pattern up in `re`'s cache on every row; this one compiles it once.
    dbapi_connection.create_function("regexp", 2, _regexp, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _regexp(pattern: str, value: str | None) -> bool | None:
    """SQLite's REGEXP as SQLAlchemy defines it (Python's `re.search`; NULL stays NULL)."""
    if value is None:
        return None
    return _compiled(pattern).search(value) is not None


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _sqlite_on_begin(conn: Connection) -> None:
    # A writer takes the write lock up front, so it never fails half-way on a lock upgrade.
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _insert(conn: Connection, table: type[Any], values: list[dict[str, Any]]) -> None:
    # An insert with an empty parameter list would insert one row of defaults.
    if values:
        conn.execute(insert(table), values)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _reason(error: SQLAlchemyError) -> str:
    """The driver's one-line reason for a database error, without SQLAlchemy's statement dump."""
    orig = getattr(error, "orig", None)
    return " ".join(str(orig if orig is not None else error).split())
