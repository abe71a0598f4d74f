"""The store behind the app: one connection per worker thread, opened on first use."""

from __future__ import annotations

import threading

from fastapi import Request

from ..store import Store, open_store


class Stores:
    """One store connection per thread, opened on first use and closed with the app."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - closing is best effort at shutdown
                    pass
            self._all.clear()


def store(request: Request) -> Store:
    """The calling thread's store; call it inside a route body, not in a dependency (other thread)."""
    return request.app.state.stores.get()
