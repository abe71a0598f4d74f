"""One-to-one best-first matching: the highest-scoring pair first, then the next among the rest.

Greedy rather than optimal assignment because that is what FORMAT.md specifies ("one-to-one,
best first") and because it is predictable when read in a verbose listing. Ties break by
document order (gold index, then system index) so results never depend on set ordering.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
S = TypeVar("S")


def best_first(
    gold: Sequence[G], system: Sequence[S], score: Callable[[G, S], float | None]
) -> list[tuple[int, int, float]]:
    """Pairs (gold index, system index, score); `score` returns None for pairs that may not match."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            value = score(g, s)
            if value is not None:
                candidates.append((value, gi, si))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for value, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si, value))
    pairs.sort()
    return pairs


def nearest(item: G, system: Sequence[S], similarity: Callable[[G, S], float]) -> tuple[int, float] | None:
    """The most similar system item to an unmatched gold one (for the verbose listing), if any is > 0."""
    best: tuple[int, float] | None = None
    for si, s in enumerate(system):
        value = similarity(item, s)
        if value > 0 and (best is None or value > best[1]):
            best = (si, value)
    return best
