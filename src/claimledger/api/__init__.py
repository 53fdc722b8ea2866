"""The JSON API: FastAPI `create_app(settings)`, read through the Store, OpenAPI at /openapi.json."""

from claimledger.api.app import create_app

__all__ = ["create_app"]
