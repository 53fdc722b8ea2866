"""Ingest: read inputs into documents, record their boilerplate and credits, find duplicates."""

from claimledger.ingest.clean import CleanResult, clean
from claimledger.ingest.dedup import NearDuplicateIndex, normalise_text, report_id
from claimledger.ingest.readers import read_inputs

__all__ = ["CleanResult", "NearDuplicateIndex", "clean", "normalise_text", "read_inputs", "report_id"]
