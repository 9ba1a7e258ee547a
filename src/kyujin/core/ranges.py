"""Whether a position lies in one of several ranges of a text, asked for many positions.

``any(s <= p < e for s, e in ranges)`` for every mention grows with mentions x ranges: 10,000
lines of "Role: x" each followed by a skill took 6 s. Merged and sorted once, each question
is a bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class RangeSet:
    """Half-open ranges [start, end), which may overlap or come in any order."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):  # an empty one holds none
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)  # overlaps or touches the last one
            else:
                self._starts.append(start)
                self._ends.append(end)

    def __contains__(self, position: int) -> bool:
        i = bisect_right(self._starts, position) - 1  # the last range starting at or before
        return i >= 0 and position < self._ends[i]

    def __bool__(self) -> bool:
        return bool(self._starts)
