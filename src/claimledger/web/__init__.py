"""The analyst's dashboard: server-rendered pages over the same store as the JSON API."""

from claimledger.web.app import install

__all__ = ["install"]
