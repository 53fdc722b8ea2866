"""Claimledger errors and bad requests as 4xx JSON: `{"error": {"code": "CL301", "message": "..."}}`."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from claimledger.errors import BadParameter, ClaimledgerError, ConfigError, NotFound, StoreError


def status_of(error: ClaimledgerError) -> int:
    """404 for an unknown id, 400 for bad usage, 503 for a database that cannot be read."""
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, ConfigError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 400


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


async def _claimledger_error(request: Request, error: Exception) -> JSONResponse:
    if not isinstance(error, ClaimledgerError):  # pragma: no cover - registered for ClaimledgerError only
        raise error
    return JSONResponse(error_body(error.code, error.message), status_code=status_of(error))


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    """FastAPI's validation errors, one line each (`query.limit: ...`), in the same shape as ours."""
    details = error.errors() if isinstance(error, RequestValidationError) else []
    parts = [
        f"{'.'.join(str(part) for part in detail.get('loc', ()))}: {detail.get('msg', 'invalid')}"
        for detail in details
    ]
    message = "; ".join(parts) or "invalid request"
    return JSONResponse(error_body(BadParameter.code, message), status_code=422)


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(ClaimledgerError, _claimledger_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
