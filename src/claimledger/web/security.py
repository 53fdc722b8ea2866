"""Headers that keep hostile report text inert in a browser, whatever a template might let through."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# FastAPI's own API pages load Swagger UI and ReDoc from a CDN with inline scripts; they show no report text.
API_PAGES = ("/docs", "/redoc")


async def secure_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """nosniff on every response; the Content-Security-Policy on every HTML page of ours."""
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    is_html = response.headers.get("content-type", "").startswith("text/html")
    if is_html and not request.url.path.startswith(API_PAGES):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
