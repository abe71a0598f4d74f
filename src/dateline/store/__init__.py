"""Where a corpus's records live: `open_store(url) -> Store` (see `store.py`; tables in `schema.py`)."""

from .store import DEFAULT_DB, Store, document_key, open_store

__all__ = ["DEFAULT_DB", "Store", "document_key", "open_store"]
