"""The extractor object the pipeline uses: one spaCy model, many reports."""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.models import Attribution, Report
from claimledger.settings import Settings


class Extractor:
    """Finds attributions in reports; loads the spaCy model once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def extract(self, report: Report) -> tuple[Attribution, ...]:
        return self.extract_many([report])[0]

    def extract_many(self, reports: Sequence[Report]) -> list[tuple[Attribution, ...]]:
        # Placeholder while the real extractor is written; replaced in this same change.
        return [() for _ in reports]
