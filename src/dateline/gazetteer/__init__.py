"""Offline gazetteer: countries, first-level regions, cities and large areas, by name.

Loaded lazily once per process (`gazetteer()`), shared by every document. See
`build.py` for the sources and the cache, `resolve.py` for choosing among same-named places.
"""

from __future__ import annotations

from .index import Entry, Gazetteer, gazetteer
from .normalize import fold, strip_generic

__all__ = ["Entry", "Gazetteer", "fold", "gazetteer", "strip_generic"]
