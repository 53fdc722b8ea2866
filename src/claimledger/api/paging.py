"""Pagination parameters shared by the list routes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any, TypeVar

from fastapi import Query

Item = TypeVar("Item")

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items.")]


def page(
    items: Iterable[Item], to_dict: Callable[[Item], dict[str, Any]], *, limit: int, offset: int
) -> dict[str, Any]:
    """The page `[offset, offset + limit)` of `items`, only its items turned into dicts, and the total."""
    total = 0
    shown: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        total += 1
        if offset <= index < offset + limit:
            shown.append(to_dict(item))
    return {"items": shown, "total": total, "limit": limit, "offset": offset}
