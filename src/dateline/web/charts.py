"""Charts drawn on the server as inline SVG: a timeline of counts per month and an offline map.

No script, no tile server, no network: the map is an equirectangular projection (x = longitude,
y = latitude) over a graticule, with one circle per located place sized by its number of events.
All labels are escaped; the SVG is built from numbers and escaped strings only.
"""

from __future__ import annotations

import re
from html import escape
from math import sqrt
from urllib.parse import urlencode

from markupsafe import Markup

MAX_MONTHS = 240


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < MAX_MONTHS * 10:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _periods(points: list[dict]) -> list[tuple[str, int]]:
    """Every month from the first to the last with its count (0 for gaps); by year when the span is long."""
    counts = {p["period"]: p["n"] for p in points if p["period"] and re.fullmatch(r"\d{4}-\d{2}", p["period"])}
    if not counts:
        return []
    months = _months(min(counts), max(counts))
    if len(months) <= MAX_MONTHS:
        return [(m, counts.get(m, 0)) for m in months]
    years: dict[str, int] = {}
    for m, n in counts.items():
        years[m[:4]] = years.get(m[:4], 0) + n
    first, last = int(min(years)), int(max(years))
    return [(str(y), years.get(str(y), 0)) for y in range(first, last + 1)]


def timeline(points: list[dict], link: str | None = None, params: dict[str, str] | None = None,
             label: str = "events") -> Markup:  # fmt: skip
    """Bars per month; each bar links to `link` filtered to its month when `link` is given."""
    periods = _periods(points)
    if not periods:
        return Markup('<p class="empty">No dated items to chart.</p>')
    width, height, pad = 800, 170, 28
    top = max(n for _, n in periods) or 1
    step = (width - 2 * pad) / len(periods)
    bar = max(1.0, step * 0.8)
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)} per period">',
        f'<line class="axis" x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}"/>',
        f'<text class="tick" x="{pad - 4}" y="{pad}" text-anchor="end">{top}</text>',
    ]
    last_year = None
    for i, (period, n) in enumerate(periods):
        x = pad + i * step
        h = (height - 2 * pad) * n / top
        rect = (
            f'<rect class="bar" x="{x:.1f}" y="{height - pad - h:.1f}" width="{bar:.1f}" height="{h:.1f}">'
            f"<title>{escape(period)}: {n} {escape(label)}</title></rect>"
        )
        if link and n:
            query = urlencode({**(params or {}), "since": period, "until": period})
            rect = f'<a href="{escape(link)}?{escape(query)}">{rect}</a>'
        parts.append(rect)
        if period[:4] != last_year:
            last_year = period[:4]
            parts.append(f'<text class="tick" x="{x:.1f}" y="{height - pad + 14}">{escape(last_year)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def world_map(places: list[dict], link: str | None = None, params: dict[str, str] | None = None) -> Markup:
    """Located places as circles over a latitude/longitude grid (equirectangular, 2 px per degree)."""
    width, height, k = 720, 360, 2.0
    parts = [
        f'<svg class="chart map" viewBox="0 0 {width} {height}" role="img" aria-label="map of event places">',
        f'<rect class="sea" x="0" y="0" width="{width}" height="{height}"/>',
    ]
    for lon in range(-150, 180, 30):
        x = (lon + 180) * k
        parts.append(f'<line class="grid{" equator" if lon == 0 else ""}" x1="{x}" y1="0" x2="{x}" y2="{height}"/>')
        parts.append(f'<text class="tick" x="{x + 2}" y="{height - 4}">{lon}°</text>')
    for lat in range(-60, 90, 30):
        y = (90 - lat) * k
        parts.append(f'<line class="grid{" equator" if lat == 0 else ""}" x1="0" y1="{y}" x2="{width}" y2="{y}"/>')
        parts.append(f'<text class="tick" x="2" y="{y - 2}">{lat}°</text>')
    top = max((p["n"] for p in places), default=1)
    for p in sorted(places, key=lambda p: -p["n"]):
        if p.get("lat") is None or p.get("lon") is None:
            continue
        x, y = (float(p["lon"]) + 180) * k, (90 - float(p["lat"])) * k
        r = 3 + 9 * sqrt(p["n"] / top)
        name = str(p.get("place") or "")
        circle = (
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
            f"<title>{escape(name)} ({p['n']} events; {float(p['lat']):.2f}, {float(p['lon']):.2f})</title></circle>"
        )
        if link and p.get("country"):
            query = urlencode({**(params or {}), "country": p["country"]})
            circle = f'<a href="{escape(link)}?{escape(query)}">{circle}</a>'
        parts.append(circle)
    parts.append("</svg>")
    return Markup("".join(parts))
