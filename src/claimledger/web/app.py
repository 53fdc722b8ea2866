"""Mount the dashboard on an app: its routes, its static files and its security headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimledger.web import routes
from claimledger.web.security import secure_headers

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI) -> None:
    """Add the dashboard pages (`/`, `/claims/…`, `/reports/…`, `/sources/…`, `/stories/…`) to `app`."""
    app.include_router(routes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.middleware("http")(secure_headers)
