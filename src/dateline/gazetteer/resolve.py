"""Choosing among same-named places: kind, population and what else the article names.

Scores are additive and deliberately simple, so a reader can follow a decision:
- a bare country name is the country ("Georgia" the country, not the US state);
- a name with a generic division word ("the Mangystau Region") is the region;
- otherwise the most populous city beats a same-named region ("Moscow", "Baghdad"), and
  its own name beats an alternate name ("Sulu" the province, not Jolo, "Sulu" in GeoNames);
- context adds to candidates in the dateline's country, in countries and regions other
  mentions resolved to, and in countries of nationality words; it can move a small city
  ("Paris" in a story about Texas), not outweigh a world city on a passing mention.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .index import Match


@dataclass
class Context:
    """What the article says about where it is: the dateline, other places, demonyms."""

    home: str | None = None  # the dateline's country
    countries: Counter[str] = field(default_factory=Counter)
    admin1: set[str] = field(default_factory=set)


def score(match: Match, ctx: Context) -> float:
    e = match.entry
    if e.kind == "country":
        s = 100.0
    elif e.kind == "other":
        s = 80.0
    elif e.kind == "region":  # a first-level division outranks any same-named town under ~300,000
        s = 54.0 + (40.0 if match.generic else 0.0)
    else:
        s = 10.0 + 8.0 * math.log10(max(e.population, 1000)) if e.population else 15.0
    if not match.primary:
        s -= 25.0
    if e.country:
        if e.country == ctx.home:
            s += 12.0
        s += 6.0 * min(ctx.countries.get(e.country, 0), 2)
    if e.kind == "city" and not e.population:  # a village from the long list: only where the story is
        s -= 0.0 if ctx.countries.get(e.country or "") or e.country == ctx.home else 40.0
    if e.admin1 and e.admin1 in ctx.admin1 and e.kind != "region":
        s += 15.0
    return s


def best(matches: list[Match], ctx: Context) -> Match | None:
    """The highest-scoring candidate (ties: first built, i.e. countries, regions, big cities).

    When a bare name picks a region that has a same-named city inside it, the city is the
    region's namesake seat and is meant ("Basra", "Baghdad"): news names the city far more
    often than the province.
    """
    if not matches:
        return None
    top = max(matches, key=lambda m: score(m, ctx))
    if top.entry.kind == "region" and not top.generic and top.entry.admin1:
        seats = [  # a namesake seat is a real city, not a suburb that shares an alternate name
            m for m in matches
            if m.entry.kind == "city" and m.entry.population >= 100_000 and m.entry.admin1 == top.entry.admin1
        ]  # fmt: skip
        if seats:
            return max(seats, key=lambda m: m.entry.population)
    return top


def unambiguous(matches: list[Match]) -> Match | None:
    """A candidate that needs no context: the only one, or a country/other by its own name."""
    if len(matches) == 1:
        return matches[0]
    tops = [m for m in matches if m.entry.kind in ("country", "other")]
    if len(tops) == 1:
        return tops[0]
    countries = {m.entry.country for m in matches}
    return matches[0] if len(countries) == 1 else None
