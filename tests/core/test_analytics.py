"""Analytics maths: type-7 percentiles, a posting's salary, experience bands, withholding,
lift, changes of shares and calendar months."""

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyujin.core.analytics import (
    BACKEND_LANGUAGES,
    EXPERIENCE_BANDS,
    MIN_SAMPLE,
    UNSTATED,
    add_months,
    experience_band,
    lift,
    median,
    month_of,
    month_start,
    months_ending,
    parse_month,
    percentile,
    premium,
    quartiles,
    quartiles_counted,
    relative_change,
    salary_value,
    share,
    share_change,
    to_yen,
    withheld,
)
from kyujin.core.taxonomy import default_taxonomy


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


def test_lift_is_joint_over_product_of_marginals() -> None:
    # 100 postings, 40 with A, 25 with B, 20 with both: 0.2 / (0.4 * 0.25) = 2.
    assert lift(20, 40, 25, 100) == 2.0
    assert lift(10, 40, 25, 100) == 1.0  # independent
    assert lift(5, 5, 5, 5) == 1.0  # every posting has both


def test_lift_withheld_below_five_together_and_checks_its_counts() -> None:
    assert lift(4, 40, 25, 100) is None
    with pytest.raises(ValueError):
        lift(30, 40, 25, 100)  # more together than with B


def test_share_change_is_a_difference_of_shares_withheld_on_small_months() -> None:
    assert share_change(30, 100, 10, 50) == pytest.approx(0.1)
    assert share_change(3, 10, 1, 4) is None
    assert share_change(1, 4, 3, 10) is None


def test_relative_change_is_exact_and_withheld_on_few_previous_mentions() -> None:
    assert relative_change(30, 100, 10, 50) == 0.5  # 0.3 / 0.2 - 1
    assert relative_change(0, 10, 5, 10) == -1.0
    assert relative_change(3, 10, 4, 10) is None  # 4 previous mentions: too few to compare
    assert relative_change(9, 10, 5, 10) == 0.8


def test_months() -> None:
    assert month_of(date(2026, 1, 31)) == "2026-01"
    assert add_months("2026-01", -1) == "2025-12"
    assert add_months("2025-11", 14) == "2027-01"
    assert month_start("2026-02") == date(2026, 2, 1)
    assert months_ending("2026-02", 4) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    for bad in ("2026-13", "2026-1", "26-01", "2026/01", "abcd-ef", "0000-01"):
        with pytest.raises(ValueError, match="not a month"):
            parse_month(bad)


def test_backend_languages_are_taxonomy_languages() -> None:
    skills = default_taxonomy().skills
    assert len(set(BACKEND_LANGUAGES)) == len(BACKEND_LANGUAGES)
    for name in BACKEND_LANGUAGES:
        assert skills[name].category == "language", name
    assert {"Java", "Python", "Ruby", "PHP", "Go"} <= set(BACKEND_LANGUAGES)


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=40_000_000), st.integers(0, 6)), max_size=30
    )
)
def test_quartiles_counted_equals_quartiles_of_the_values_written_out(
    pairs: list[tuple[int, int]],
) -> None:
    halves = [(Fraction(value, 2), k) for value, k in pairs]
    written_out = [value for value, k in halves for _ in range(k)]
    assert quartiles_counted(halves) == quartiles(written_out)


def test_quartiles_counted_ignores_zero_counts_and_repeats_values() -> None:
    counted = quartiles_counted([(100, 3), (999, 0), (200, 2), (100, 0)])
    assert counted == quartiles([100, 100, 100, 200, 200])
    assert (counted.p25, counted.median, counted.p75) == (100, 100, 200)
