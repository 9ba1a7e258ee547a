"""The maths of market figures: percentiles, a posting's salary, experience bands, shares and
the small-sample rule. Pure Python, exact: the database only counts and fetches values, so
the same rows give the same figures on SQLite and on PostgreSQL.

Definitions (README, "Analytics"):

- **Percentile**: linear interpolation between closest ranks, Hyndman & Fan type 7 (the
  default of numpy, R and Excel's PERCENTILE.INC). For ``n`` sorted values ``x[0..n-1]``
  and ``p`` percent, ``h = (n - 1) * p / 100``; the percentile is
  ``x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])``. Computed in exact
  rational arithmetic, then rounded to the nearest yen, halves up.
- **A posting's salary**: the midpoint of its annual JPY minimum and maximum, or the one
  bound it gives; a posting counts once however wide its range. None without either.
- **Experience bands** on the minimum years a posting asks for, half-open so that none
  overlap: [0, 3) "0-2", [3, 5) "3-4", [5, 10) "5-9", [10, inf) "10+". Postings state a
  minimum ("3年以上", "5+ years"), so the common thresholds 3, 5 and 10 each open a band:
  "5年以上" is in "5-9" with the postings that ask for 5 to 9 years. A posting that states
  no minimum is in "unstated", not in "0-2": silence is not a junior role.
- **Withheld**: a figure computed from fewer than ``MIN_SAMPLE`` (5) postings is withheld:
  its sample size is shown, its value is None and ``withheld`` is true.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

MIN_SAMPLE: Final = 5
QUARTILES: Final[tuple[int, int, int]] = (25, 50, 75)

EXPERIENCE_BOUNDS: Final[tuple[int, ...]] = (0, 3, 5, 10)
EXPERIENCE_BANDS: Final[tuple[str, ...]] = ("0-2", "3-4", "5-9", "10+")
UNSTATED: Final = "unstated"

Number = int | Fraction


def withheld(n: int) -> bool:
    """Whether a figure over ``n`` postings is too small a sample to show."""
    return n < MIN_SAMPLE


def percentile(values: Sequence[Number], percent: int) -> Fraction | None:
    """The ``percent``-th percentile (type 7, linear) of ``values``, which must be sorted.

    None for no values; the one value for one value. Exact: no float is involved.
    """
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be within 0..100, not {percent}")
    n = len(values)
    if n == 0:
        return None
    h = Fraction((n - 1) * percent, 100)
    low = math.floor(h)
    value = Fraction(values[low])
    if low + 1 < n:
        value += (h - low) * (values[low + 1] - values[low])
    return value


def to_yen(value: Fraction) -> int:
    """Rounded to the nearest yen, halves up (2.5 -> 3), the same on every platform."""
    return math.floor(value + Fraction(1, 2))


def salary_value(annual_min_jpy: int | None, annual_max_jpy: int | None) -> Number | None:
    """What one posting contributes to salary figures: the midpoint of its range, or its one
    bound, or None when it states no salary."""
    if annual_min_jpy is None:
        return annual_max_jpy
    if annual_max_jpy is None:
        return annual_min_jpy
    return Fraction(annual_min_jpy + annual_max_jpy, 2)


def experience_band(min_years: int | None) -> str:
    """The band of a posting asking for at least ``min_years`` years (see the module doc)."""
    if min_years is None:
        return UNSTATED
    if min_years < 0:
        raise ValueError(f"years of experience cannot be negative: {min_years}")
    return EXPERIENCE_BANDS[bisect_right(EXPERIENCE_BOUNDS, min_years) - 1]


@dataclass(frozen=True, slots=True)
class Quartiles:
    """p25, median and p75 in yen over ``n`` postings; all None when withheld."""

    n: int
    p25: int | None
    median: int | None
    p75: int | None
    withheld: bool


def quartiles(values: Iterable[Number]) -> Quartiles:
    """Quartiles of the given salaries (any order), withheld below MIN_SAMPLE postings."""
    ordered = sorted(values)
    n = len(ordered)
    if withheld(n):
        return Quartiles(n=n, p25=None, median=None, p75=None, withheld=True)
    p25, median, p75 = (percentile(ordered, p) for p in QUARTILES)
    assert p25 is not None and median is not None and p75 is not None  # n >= MIN_SAMPLE > 0
    return Quartiles(n=n, p25=to_yen(p25), median=to_yen(median), p75=to_yen(p75), withheld=False)


def median(values: Iterable[Number]) -> Fraction | None:
    """The exact median (type 7: the mean of the middle two for an even count)."""
    return percentile(sorted(values), 50)


@dataclass(frozen=True, slots=True)
class Premium:
    """Median salary of postings with a skill minus that of postings without it, within one
    experience band. ``premium`` is None when either side is withheld."""

    band: str
    with_skill: Quartiles
    without_skill: Quartiles
    premium: int | None
    withheld: bool


def premium(band: str, with_skill: Sequence[Number], without_skill: Sequence[Number]) -> Premium:
    """The premium of a skill in one band: the difference of the exact medians, in yen."""
    with_q, without_q = quartiles(with_skill), quartiles(without_skill)
    if with_q.withheld or without_q.withheld:
        return Premium(band, with_q, without_q, premium=None, withheld=True)
    high, low = median(with_skill), median(without_skill)
    assert high is not None and low is not None
    return Premium(band, with_q, without_q, premium=to_yen(high - low), withheld=False)


def share(count: int, total: int) -> float | None:
    """``count`` of ``total`` postings as a fraction, None when ``total`` is withheld.

    The sample of a share is its denominator: 2 of 1,000 postings is a real (small) share,
    while 2 of 3 says nothing about a market.
    """
    if withheld(total):
        return None
    return count / total
