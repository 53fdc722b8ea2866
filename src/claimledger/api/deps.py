"""Dependencies injected into routes: the store of the app, opened once on first use."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from claimledger.errors import NotFound, StoreError
from claimledger.settings import Settings
from claimledger.store import SqlStore, open_store

_LOCK = threading.Lock()


def get_store(request: Request) -> SqlStore:
    """The app's store; the ledger must exist already (the API never creates an empty one)."""
    state = request.app.state
    with _LOCK:
        store: SqlStore | None = getattr(state, "store", None)
        if store is None:
            settings: Settings = state.settings
            try:
                store = open_store(settings, must_exist=True)
            except NotFound as e:
                # A missing ledger is the server's fault, not an unknown id of the client's: 503, not 404.
                raise StoreError(f"the ledger is not there: {e.message}", origin=e.origin) from e
            state.store = store
    return store


def close_store(app: FastAPI) -> None:
    """Close the app's store if a request opened it."""
    store: SqlStore | None = getattr(app.state, "store", None)
    if store is not None:
        store.close()
        app.state.store = None


StoreDep = Annotated[SqlStore, Depends(get_store)]
