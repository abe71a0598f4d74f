"""Querying the gazetteer: folded name -> candidate places (ranking lives in resolve.py)."""

from __future__ import annotations

import gc
from functools import cache, lru_cache
from typing import Any, NamedTuple

from .normalize import fold, strip_generic

# Compass sectors a news text names ("southern Iraq", "Syria's northeast"): which thirds of
# a country's extent (by its cities) the area covers, as (north-south, east-west) in -1/0/+1.
_SECTORS = {
    "north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1),
    "northeast": (1, 1), "northwest": (1, -1), "southeast": (-1, 1), "southwest": (-1, -1),
    "central": (0, 0),
}  # fmt: skip


class Entry(NamedTuple):
    """One gazetteer place. `gid`: "geonames:524901", "csc:state:KZ-47", "iso:KZ"."""

    name: str
    kind: str  # country, region, city, other
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    gid: str | None
    population: int


class Match(NamedTuple):
    entry: Entry
    primary: bool  # the query is the entry's own name, not an alternate name
    generic: bool  # the query carried a generic division word ("Region", "Oblast")


class Gazetteer:
    """Name index over the built entries; holds state (the index), hence a class."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._cols: list[list] = data["columns"]  # one list per Entry field; Entry built on demand
        self.keys: dict[str, int | tuple[int, ...]] = data["keys"]
        self.region_keys: dict[str, int | tuple[int, ...]] = data["region_keys"]
        # names recur across the extractors and the articles of a corpus; Matches are immutable
        self._answers = lru_cache(maxsize=50_000)(lambda text: tuple(self._lookup(text)))
        kinds = self._cols[1]
        self.countries = {e.country: e for e in (self.entry(i) for i, k in enumerate(kinds) if k == "country")}
        # Cities with coordinates, by country, in index order: `sector` reads one country's
        # cities, and scanning every entry for each (country, direction) asked cost ~15 ms a time.
        countries, lats = self._cols[2], self._cols[4]
        self._cities: dict[str | None, list[int]] = {}
        for i in [i for i, k in enumerate(kinds) if k == "city" and lats[i] is not None]:
            self._cities.setdefault(countries[i], []).append(i)

    def __len__(self) -> int:
        return len(self._cols[0])

    def entry(self, idx: int) -> Entry:
        return Entry(*(col[idx] for col in self._cols))

    @staticmethod
    def _ids(table: dict[str, int | tuple[int, ...]], key: str) -> tuple[int, ...]:
        found = table.get(key, ())
        return (found,) if isinstance(found, int) else found

    def lookup(self, text: str) -> list[Match]:
        """Every place the name may denote: "the Mangystau Region" -> [Mangystau (KZ-47)].

        Answers are kept per name (`_answers`); each caller gets a new list.
        """
        return list(self._answers(text))

    def _lookup(self, text: str) -> list[Match]:
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        if not key:
            return []
        stripped, generic = strip_generic(key)
        found: dict[int, Match] = {}
        for idx in self._ids(self.keys, key):
            entry = self.entry(idx)
            found[idx] = Match(entry, fold(entry.name) == key, False)
        for idx in self._ids(self.region_keys, key):
            if idx not in found:
                found[idx] = Match(self.entry(idx), True, False)
        if generic:
            for idx in (*self._ids(self.keys, stripped), *self._ids(self.region_keys, stripped)):
                entry = self.entry(idx)
                if entry.kind == "region" and idx not in found:
                    found[idx] = Match(entry, True, True)
        return list(found.values())

    def country(self, code: str | None) -> Entry | None:
        return self.countries.get(code or "")

    @cache  # noqa: B019 - one Gazetteer per process, so the cache lives as long as it should
    def sector(self, code: str, direction: str) -> tuple[float, float] | None:
        """Centre of a compass part of a country ("south" of IQ), from its cities' spread."""
        ns, ew = _SECTORS.get(direction, (None, None))
        if ns is None:
            return None
        thirds = self._thirds(code)
        if thirds is None:
            return None
        chosen = [p for p, lat3, lon3 in thirds if (ns == 0 or lat3 == ns) and (ew == 0 or lon3 == ew)]
        if not chosen:
            return None
        return round(sum(p[0] for p in chosen) / len(chosen), 2), round(sum(p[1] for p in chosen) / len(chosen), 2)

    @cache  # noqa: B019 - as above
    def _thirds(self, code: str) -> list[tuple[tuple[float, float], int, int]] | None:
        """A country's cities, each with the third of the country it lies in north-south and
        east-west (-1/0/+1, by its cities' extent less the outer 5%); shared by all directions."""
        lats, lons = self._cols[4], self._cols[5]
        points = [(lats[i], lons[i]) for i in self._cities.get(code, ())]
        if len(points) < 3:
            return None
        s_lats, s_lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
        lo_lat, hi_lat = s_lats[len(s_lats) // 20], s_lats[-1 - len(s_lats) // 20]
        lo_lon, hi_lon = s_lons[len(s_lons) // 20], s_lons[-1 - len(s_lons) // 20]

        # A value below lo + span/3 is in the low third (-1), above hi - span/3 in the high one (+1).
        lat_span, lon_span = (hi_lat - lo_lat) or 1.0, (hi_lon - lo_lon) or 1.0
        lat_lo, lat_hi = lo_lat + lat_span / 3, hi_lat - lat_span / 3
        lon_lo, lon_hi = lo_lon + lon_span / 3, hi_lon - lon_span / 3
        return [
            (
                p,
                -1 if p[0] < lat_lo else (1 if p[0] > lat_hi else 0),
                -1 if p[1] < lon_lo else (1 if p[1] > lon_hi else 0),
            )
            for p in points
        ]


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built or read from cache on first use)."""
    from .build import load_or_build  # here, so `python -m dateline.gazetteer.build` runs cleanly

    enabled = gc.isenabled()
    gc.disable()  # unpickling ~1M small objects: the collector only slows it down
    try:
        return Gazetteer(load_or_build())
    finally:
        if enabled:
            gc.enable()
