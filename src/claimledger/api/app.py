"""App assembly in one place: routes, error handlers, a store opened on first use, closed at shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response

from claimledger.api import deps, errors
from claimledger.api.routes import claims, reports, sources, stories
from claimledger.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    """The API on the ledger at `settings.db_url`; nothing is opened until the first request needs it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        deps.close_store(app)

    app = FastAPI(
        title="claimledger",
        summary="Who claimed what, through whom, how hedged, who denied it.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    errors.install(app)
    for module in (reports, claims, sources, stories):
        app.include_router(module.router, prefix="/api")
    app.middleware("http")(_no_sniff)
    return app


async def _no_sniff(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Report text is hostile input: browsers must read responses as the JSON they are declared as."""
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
