"""Windows around trigger words (kyujin.core.triggers)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kyujin.core.triggers import Triggers


def merged_windows(
    positions: list[int], length: int, before: int, after: int
) -> list[tuple[int, int]]:
    """The plain merge: each trigger's window, joined with the last one where they touch."""
    merged: list[tuple[int, int]] = []
    for position in sorted(positions):
        start, end = max(0, position - before), min(length, position + after)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def test_windows_around_triggers_in_a_text() -> None:
    text = "年収600万円 / remote / 年収"
    triggers = Triggers(text)
    windows = triggers.windows("salary", 2, 3)
    assert windows == merged_windows(triggers._positions["salary"], len(text), 2, 3)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert triggers.windows("visa", 10, 10) == []


@given(
    st.integers(min_value=1, max_value=300).flatmap(
        lambda length: st.tuples(
            st.just(length),
            st.lists(st.integers(min_value=0, max_value=length - 1), max_size=12),
        )
    ),
    st.integers(min_value=0, max_value=80),
    st.integers(min_value=0, max_value=80),
)
def test_windows_equal_the_plain_merge(
    case: tuple[int, list[int]], before: int, after: int
) -> None:
    length, positions = case
    triggers = Triggers("")
    triggers.length = length
    triggers._positions = {"salary": sorted(positions)}
    assert triggers.windows("salary", before, after) == merged_windows(
        positions, length, before, after
    )
