"""Extraction: attributions (source, cue, content), sources, certainty, stance, dates, entities."""

from claimledger.extract.pipeline import Extractor

__all__ = ["Extractor"]
