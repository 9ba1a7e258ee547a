"""Weighted choices that cost one ``random()`` and one bisection each.

``random.Random.choices`` rebuilds its cumulative weights on every call unless given them,
and checks its arguments each time; a posting draws ~60 values, so at the 20,000
postings/s the generator aims for, each draw must stay well under a microsecond.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")
Random = Callable[[], float]  # random.Random.random, bound


class Weighted(Generic[T]):
    """Items with weights; ``pick(random)`` returns one with probability weight / total."""

    __slots__ = ("_cum", "_items")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        kept = [(item, float(w)) for item, w in pairs if w > 0]
        if not kept:
            raise ValueError("no item has a positive weight")
        total = sum(w for _, w in kept)
        self._items = tuple(item for item, _ in kept)
        cum = [c / total for c in accumulate(w for _, w in kept)]
        cum[-1] = 1.0  # random() < 1.0, so bisect never runs past the last item
        self._cum = tuple(cum)

    @classmethod
    def of(cls, weights: Mapping[T, float]) -> Weighted[T]:
        return cls(weights.items())

    def pick(self, random: Random) -> T:
        return self._items[bisect(self._cum, random())]

    def at(self, uniform: float) -> T:
        """The item at ``uniform`` in [0, 1): for draws made from a hash, not a stream."""
        return self._items[bisect(self._cum, uniform)]

    def probability(self, item: T) -> float:
        """The share of draws that return ``item`` (for tests and reports)."""
        total = 0.0
        previous = 0.0
        for candidate, cum in zip(self._items, self._cum, strict=True):
            if candidate == item:
                total += cum - previous
            previous = cum
        return total

    @property
    def items(self) -> tuple[T, ...]:
        return self._items


def zipf(items: Iterable[T], *, exponent: float = 1.0, offset: float = 1.0) -> Weighted[T]:
    """Rank-frequency weights 1 / (rank + offset) ** exponent, the first item most common:
    the shape of word and skill frequencies in real postings (a few very common, a long
    tail of rare ones)."""
    return Weighted((item, 1.0 / (rank + offset) ** exponent) for rank, item in enumerate(items))
