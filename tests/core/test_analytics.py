"""Analytics maths: type-7 percentiles, a posting's salary, experience bands, withholding."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyujin.core.analytics import (
    EXPERIENCE_BANDS,
    MIN_SAMPLE,
    UNSTATED,
    experience_band,
    median,
    percentile,
    premium,
    quartiles,
    salary_value,
    share,
    to_yen,
    withheld,
)


def test_percentile_of_nothing_is_none() -> None:
    assert percentile([], 50) is None
    assert median([]) is None


def test_percentile_of_one_value_is_that_value() -> None:
    for p in (0, 25, 50, 75, 100):
        assert percentile([7_000_000], p) == 7_000_000


def test_percentile_odd_count_median_is_the_middle_value() -> None:
    values = [1, 2, 3, 4, 5]
    assert percentile(values, 50) == 3
    assert percentile(values, 25) == 2  # h = 4 * 0.25 = 1
    assert percentile(values, 75) == 4
    assert percentile(values, 0) == 1
    assert percentile(values, 100) == 5


def test_percentile_even_count_interpolates() -> None:
    values = [10, 20, 30, 40]
    assert percentile(values, 50) == 25  # h = 1.5: halfway between 20 and 30
    assert percentile(values, 25) == Fraction(70, 4)  # h = 0.75: 10 + 0.75 * 10
    assert percentile(values, 75) == Fraction(130, 4)  # h = 2.25: 30 + 0.25 * 10


def test_percentile_matches_numpy_linear_by_hand() -> None:
    # numpy.percentile([15, 20, 35, 40, 50], 40) == 29.0 (the textbook type-7 example)
    assert percentile([15, 20, 35, 40, 50], 40) == 29


def test_percentile_rejects_out_of_range_percent() -> None:
    with pytest.raises(ValueError):
        percentile([1], 101)


@given(st.lists(st.integers(min_value=0, max_value=10**11), min_size=1, max_size=50))
def test_percentile_lies_between_min_and_max_and_is_monotonic(values: list[int]) -> None:
    ordered = sorted(values)
    results = [percentile(ordered, p) or 0 for p in range(0, 101, 5)]
    assert results[0] == ordered[0]
    assert results[-1] == ordered[-1]
    assert results == sorted(results)


def test_to_yen_rounds_halves_up() -> None:
    assert to_yen(Fraction(5, 2)) == 3
    assert to_yen(Fraction(7, 2)) == 4  # not banker's rounding
    assert to_yen(Fraction(24, 10)) == 2
    assert to_yen(Fraction(6_000_000)) == 6_000_000


def test_salary_value_is_the_midpoint_or_the_one_bound() -> None:
    assert salary_value(6_000_000, 9_000_000) == 7_500_000
    assert salary_value(6_000_001, 6_000_002) == Fraction(12_000_003, 2)
    assert salary_value(6_000_000, None) == 6_000_000
    assert salary_value(None, 9_000_000) == 9_000_000
    assert salary_value(None, None) is None


@pytest.mark.parametrize(
    ("years", "band"),
    [
        (0, "0-2"),
        (2, "0-2"),
        (3, "3-4"),
        (4, "3-4"),
        (5, "5-9"),
        (9, "5-9"),
        (10, "10+"),
        (40, "10+"),
        (None, UNSTATED),
    ],
)
def test_experience_bands_do_not_overlap(years: int | None, band: str) -> None:
    assert experience_band(years) == band


def test_every_year_falls_in_exactly_one_band() -> None:
    assert {experience_band(y) for y in range(0, 61)} == set(EXPERIENCE_BANDS)
    with pytest.raises(ValueError):
        experience_band(-1)


def test_withheld_below_five_postings() -> None:
    assert MIN_SAMPLE == 5
    assert withheld(0) and withheld(4)
    assert not withheld(5)


def test_quartiles_withheld_below_five_show_the_count_only() -> None:
    q = quartiles([1, 2, 3, 4])
    assert (q.n, q.p25, q.median, q.p75, q.withheld) == (4, None, None, None, True)
    empty = quartiles([])
    assert (empty.n, empty.median, empty.withheld) == (0, None, True)


def test_quartiles_sort_their_input_and_round_to_yen() -> None:
    q = quartiles([9, 1, 5, 3, 7, 2])  # sorted: 1 2 3 5 7 9
    # h = 1.25 -> 2 + 0.25 = 2.25 -> 2; h = 2.5 -> 4; h = 3.75 -> 5 + 1.5 = 6.5 -> 7
    assert (q.n, q.p25, q.median, q.p75, q.withheld) == (6, 2, 4, 7, False)


def test_premium_is_the_difference_of_exact_medians() -> None:
    result = premium("3-4", [8, 9, 10, 11, 12], [5, 6, 6, 7, 8, 9])
    assert result.premium == to_yen(Fraction(10) - Fraction(13, 2))  # 3.5 -> 4
    assert result.with_skill.n == 5 and result.without_skill.n == 6
    assert not result.withheld


def test_premium_withheld_when_either_side_is_small() -> None:
    result = premium("10+", [8, 9, 10, 11, 12], [5, 6])
    assert result.premium is None and result.withheld
    assert result.without_skill.n == 2 and result.with_skill.median == 10


def test_share_is_withheld_on_a_small_denominator() -> None:
    assert share(2, 1000) == 0.002
    assert share(2, 4) is None
    assert share(0, 5) == 0.0
