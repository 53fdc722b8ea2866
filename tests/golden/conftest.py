"""Golden tests read real reports with the real extractor; the model is loaded once per session."""

from __future__ import annotations

import pytest

from claimledger.extract import Extractor
from claimledger.settings import Settings


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Settings())
