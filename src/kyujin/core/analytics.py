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
- **Lift** of skills A and B over ``n`` postings: P(A and B) / (P(A) P(B)), i.e.
  ``together * n / (with_a * with_b)``: 1 when they appear together as often as chance
  would have it, above 1 when more often. Withheld when fewer than 5 postings have both.
- **Months** are calendar months "YYYY-MM" of a posting's ``listed_on`` (its posted date,
  or the day it was stored). A **change** compares a month with the month before it: a
  share's change is the difference of the two shares (0.05 is 5 percentage points),
  withheld when either month has fewer than 5 postings.
- **Growth** of a share between two periods: the difference of the shares (points) and the
  relative change ``recent / previous - 1``, the latter withheld when fewer than 5 postings
  of the previous period mention the skill (a rise from 1 to 3 postings is not +200%).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Final

MIN_SAMPLE: Final = 5
QUARTILES: Final[tuple[int, int, int]] = (25, 50, 75)

EXPERIENCE_BOUNDS: Final[tuple[int, ...]] = (0, 3, 5, 10)
EXPERIENCE_BANDS: Final[tuple[str, ...]] = ("0-2", "3-4", "5-9", "10+")
UNSTATED: Final = "unstated"

# The backend languages the product follows (the language outlook), as the seeds name them:
# "Java, Python, Ruby, PHP, and Go" (backend), "Java and C# remain mainstream" (large
# companies, finance), "COBOL (legacy systems)" (finance), "C/C++" (manufacturing and IoT).
# Only taxonomy skills of category "language" (a test checks): Node.js, which the seeds also
# list, is a runtime ("framework" in the taxonomy); JavaScript they name for the frontend.
BACKEND_LANGUAGES: Final[tuple[str, ...]] = (
    "Java", "Python", "Ruby", "PHP", "Go", "C#", "C++", "C", "COBOL"
)  # fmt: skip

Number = int | Fraction


def withheld(n: int) -> bool:
    """Whether a figure over ``n`` postings is too small a sample to show."""
    return n < MIN_SAMPLE


def percentile(values: Sequence[Number], percent: int) -> Fraction | None:
    """The ``percent``-th percentile (type 7, linear) of ``values``, which must be sorted.

    None for no values; the one value for one value. Exact: no float is involved.
    """
    return _percentile(len(values), percent, values.__getitem__)


def _percentile(n: int, percent: int, at: Callable[[int], Number]) -> Fraction | None:
    """Type 7 over ``n`` sorted values, the ``i``-th of which is ``at(i)``."""
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be within 0..100, not {percent}")
    if n == 0:
        return None
    h = Fraction((n - 1) * percent, 100)
    low = math.floor(h)
    value = Fraction(at(low))
    if low + 1 < n:
        value += (h - low) * (at(low + 1) - at(low))
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


def quartiles_counted(counts: Iterable[tuple[Number, int]]) -> Quartiles:
    """``quartiles`` of a multiset given as (value, how many times) pairs, in any order: the
    same figures as ``quartiles`` of the values written out, without writing them out (the
    market rollup keeps salaries this way)."""
    ordered = sorted((value, k) for value, k in counts if k > 0)
    ends: list[int] = []  # ends[j]: how many values are <= ordered[j][0]
    for _, k in ordered:
        ends.append((ends[-1] if ends else 0) + k)
    n = ends[-1] if ends else 0
    if withheld(n):
        return Quartiles(n=n, p25=None, median=None, p75=None, withheld=True)

    def at(i: int) -> Number:
        return ordered[bisect_right(ends, i)][0]

    p25, median_, p75 = (_percentile(n, p, at) for p in QUARTILES)
    assert p25 is not None and median_ is not None and p75 is not None
    return Quartiles(n=n, p25=to_yen(p25), median=to_yen(median_), p75=to_yen(p75), withheld=False)


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


def share_change(count: int, total: int, previous_count: int, previous_total: int) -> float | None:
    """``count / total`` minus ``previous_count / previous_total`` (a difference of shares,
    in share units: 0.05 is 5 percentage points); None when either total is withheld."""
    now, before = share(count, total), share(previous_count, previous_total)
    if now is None or before is None:
        return None
    return now - before


def relative_change(
    count: int, total: int, previous_count: int, previous_total: int
) -> float | None:
    """The relative change of a share, ``(count/total) / (previous_count/previous_total) - 1``,
    exact until the final float; None when either total or ``previous_count`` is under
    MIN_SAMPLE."""
    if withheld(total) or withheld(previous_total) or withheld(previous_count):
        return None
    return float(Fraction(count * previous_total, total * previous_count) - 1)


def lift(together: int, with_a: int, with_b: int, total: int) -> float | None:
    """P(A and B) / (P(A) P(B)) over ``total`` postings, exact until the final float; None
    (withheld) when fewer than MIN_SAMPLE postings have both."""
    if withheld(together):
        return None
    if together > min(with_a, with_b) or max(with_a, with_b) > total:
        raise ValueError("inconsistent counts for a lift")
    return float(Fraction(together * total, with_a * with_b))


# --- calendar months ----------------------------------------------------------------------


def month_of(day: date) -> str:
    """The calendar month of a day, "YYYY-MM"."""
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(month: str) -> tuple[int, int]:
    """(year, month) of "YYYY-MM"; ValueError for anything else."""
    year, sep, number = month.partition("-")
    if not (sep and len(year) == 4 and len(number) == 2 and year.isdigit() and number.isdigit()):
        raise ValueError(f"{month!r} is not a month: expected YYYY-MM")
    if not 1 <= int(number) <= 12 or int(year) < 1:
        raise ValueError(f"{month!r} is not a month: expected YYYY-MM")
    return int(year), int(number)


def add_months(month: str, count: int) -> str:
    """The month ``count`` months after (before, when negative) ``month``."""
    year, number = parse_month(month)
    index = year * 12 + number - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_start(month: str) -> date:
    year, number = parse_month(month)
    return date(year, number, 1)


def months_ending(last: str, count: int) -> list[str]:
    """The ``count`` months that end with ``last``, oldest first."""
    return [add_months(last, k) for k in range(1 - count, 1)]
