"""GET /api/stories and /api/stories/{story_id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from claimledger.api.deps import StoreDep
from claimledger.api.paging import Limit, Offset, page
from claimledger.api.schemas import Page, StoryPublic
from claimledger.serialize import story_to_dict

router = APIRouter(tags=["stories"])


@router.get("/stories", response_model=Page[StoryPublic])
def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stories (reports of one developing event), largest first."""
    return page(store.stories(), story_to_dict, limit=limit, offset=offset)


@router.get("/stories/{story_id}", response_model=StoryPublic)
def get_story(store: StoreDep, story_id: str) -> dict[str, Any]:
    """One story (id or unique prefix of 4+ characters): its reports with why each is there, its claims."""
    return story_to_dict(store.story(story_id))
