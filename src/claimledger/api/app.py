"""App assembly in one place: API routes, the dashboard, error handlers, a store opened on first use."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from claimledger import web
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
    # The dashboard's pages; its middleware also sets nosniff on every API response.
    web.install(app)
    return app
