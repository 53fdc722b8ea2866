"""Whatever goes into the store comes back as equal frozen dataclasses."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.models import (
    CERTAINTIES,
    SOURCE_KINDS,
    STANCES,
    Attribution,
    Boilerplate,
    Credit,
    Quantity,
    Rejected,
    Report,
    ReportMeta,
    SourceMention,
    Span,
)
from claimledger.settings import Settings
from claimledger.store import Batch, StoredSignature, open_store

# Surrogates cannot be encoded for the database; NUL is refused by PostgreSQL and never comes from a reader.
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
optional_texts = st.none() | texts
offsets = st.integers(min_value=0, max_value=10**6)
floats = st.floats(allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
report_ids = st.text("0123456789abcdef", min_size=16, max_size=16)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start, end = sorted((draw(offsets), draw(offsets)))
    return Span(start, end, draw(texts))


metas = st.builds(
    ReportMeta,
    title=optional_texts,
    publisher=optional_texts,
    published=st.none() | dates,
    author=optional_texts,
    url=optional_texts,
    external_id=optional_texts,
)
credits = st.builds(
    Credit,
    text=texts,
    start=offsets,
    end=offsets,
    agency=texts,
    kind=st.sampled_from(["contributed", "reporting_by", "dateline", "additional_reporting"]),
)
boilerplates = st.builds(Boilerplate, start=offsets, end=offsets, reason=texts)
mentions = st.builds(
    SourceMention,
    span=st.none() | spans(),
    kind=st.sampled_from(SOURCE_KINDS),
    anonymous=st.booleans(),
    canonical=optional_texts,
)
quantities = st.builds(Quantity, value=floats, unit=optional_texts, span=spans(), approximate=st.booleans())
zones = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)), dt.timezone(-dt.timedelta(hours=7))]
)
rejects = st.builds(
    Rejected,
    origin=texts,
    code=st.sampled_from(["CL101", "CL102", "CL107"]),
    message=texts,
    sha256=st.sampled_from(["a" * 64, "b" * 64]),
    raw=st.binary(max_size=64),
    rejected_at=st.datetimes(min_value=dt.datetime(1900, 1, 1), timezones=zones),
)


@st.composite
def batches(draw: st.DrawFn) -> Batch:
    ids = draw(st.lists(report_ids, min_size=1, max_size=4, unique=True))
    reports = [
        Report(
            id=report_id,
            origin=draw(texts),
            text=draw(texts),
            meta=draw(metas),
            credits=tuple(draw(st.lists(credits, max_size=3))),
            boilerplate=tuple(draw(st.lists(boilerplates, max_size=3))),
            copy_of=draw(st.none() | st.sampled_from(ids)),
            similarity=draw(st.none() | floats),
        )
        for report_id in ids
    ]
    attribution_ids = draw(st.lists(texts.filter(bool), max_size=5, unique=True))
    attributions = [
        Attribution(
            id=attribution_id,
            report_id=draw(st.sampled_from(ids)),
            chain=tuple(draw(st.lists(mentions, max_size=3))),
            cue=draw(spans()),
            content=draw(spans()),
            direct=draw(st.booleans()),
            stance=draw(st.sampled_from(STANCES)),
            certainty=draw(st.sampled_from(CERTAINTIES)),
            hedges=tuple(draw(st.lists(texts, max_size=3))),
            event_date=draw(st.none() | dates),
            date_expression=draw(optional_texts),
            quantities=tuple(draw(st.lists(quantities, max_size=2))),
            content_fragments=tuple(draw(st.lists(spans(), max_size=2))),
        )
        for attribution_id in attribution_ids
    ]
    signatures = {report_id: draw(st.binary(max_size=64)) for report_id in ids}
    return Batch(reports, attributions, draw(st.lists(rejects, max_size=4)), signatures)


@settings(max_examples=60, deadline=None)
@given(batch=batches())
def test_store_round_trip_rebuilds_equal_models(batch: Batch) -> None:
    store = open_store(Settings(db_url="sqlite://"))
    try:
        store.add_batch(batch)
        assert sorted(store.reports(), key=lambda r: r.id) == sorted(batch.reports, key=lambda r: r.id)
        assert sorted(store.attributions(), key=lambda a: a.id) == sorted(
            batch.attributions, key=lambda a: a.id
        )
        for report in batch.reports:
            assert store.report(report.id) == report
            assert list(store.attributions(report_id=report.id)) == [
                a for a in batch.attributions if a.report_id == report.id
            ]
        published = {report.id: report.meta.published for report in batch.reports}
        assert sorted(store.signatures(), key=lambda s: s.report_id) == [
            StoredSignature(report_id, published[report_id], hashvalues)
            for report_id, hashvalues in sorted(batch.signatures.items())
        ]
        unique_rejects = {(r.origin, r.sha256, r.code): r for r in reversed(batch.rejected)}
        expected_rejects = [r for r in batch.rejected if unique_rejects[(r.origin, r.sha256, r.code)] is r]
        assert list(store.rejects()) == expected_rejects
    finally:
        store.close()
