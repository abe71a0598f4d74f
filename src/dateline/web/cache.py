"""A small time-bounded cache for the app's aggregates (corpus figures, timelines, maps, figure groups).

Aggregates scan whole tables; listings and articles never go through here. An answer is kept
for `ttl` seconds, so while an ingest is running the charts may lag the listings by that much.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

T = TypeVar("T")


class TTLCache:
    def __init__(self, ttl: float = 60.0, size: int = 256) -> None:
        self.ttl = ttl
        self.size = size
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                self._items.move_to_end(key)
                return hit[1]
        value = compute()  # outside the lock: two threads may both compute, neither waits
        with self._lock:
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def cached(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or its answer from the last `ttl` seconds under the same key."""
    return request.app.state.cache.get(key, compute)
