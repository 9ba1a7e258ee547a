import random

import pytest

from kyujin.core.ranges import RangeSet


@pytest.mark.parametrize(
    "ranges",
    [
        [],
        [(3, 3)],
        [(2, 5)],
        [(5, 9), (0, 2)],
        [(0, 4), (2, 6), (6, 8)],  # overlapping, then touching
        [(1, 10), (3, 4)],  # one inside another
    ],
)
def test_a_position_is_in_a_range_as_any_would_say(ranges: list[tuple[int, int]]) -> None:
    held = RangeSet(ranges)
    for position in range(-1, 12):
        assert (position in held) is any(s <= position < e for s, e in ranges)
    assert bool(held) is any(s < e for s, e in ranges)


def test_random_ranges() -> None:
    rng = random.Random(0)
    for _ in range(300):
        ranges = [(a, a + rng.randint(0, 6)) for a in rng.choices(range(40), k=rng.randint(0, 8))]
        held = RangeSet(ranges)
        for position in range(-1, 50):
            assert (position in held) is any(s <= position < e for s, e in ranges)
