"""Storage: the Store protocol and its SQL implementation."""

from claimledger.store.base import Batch, Store, StoredSignature
from claimledger.store.sql import SqlStore, open_store

__all__ = ["Batch", "SqlStore", "Store", "StoredSignature", "open_store"]
