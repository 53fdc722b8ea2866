"""Session fixtures for the extraction tests: the real spaCy model and extractor, loaded once."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.extract import Extractor
from claimledger.extract.nlp import load_nlp
from claimledger.settings import Settings


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp(Settings().spacy_models)


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    """The real extractor on default settings; it shares the model `nlp` loaded."""
    return Extractor(Settings())
