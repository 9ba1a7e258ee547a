"""kyujin.core.prefilter.Presence: ``found`` is whether the pattern it was made from matches
anywhere between ``pos`` and ``endpos``, on real and random texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyujin.core import prefilter
from kyujin.core.facts import languages, location, salary, work  # noqa: F401
from kyujin.core.prefilter import Presence
from kyujin.core.text import fold

from .test_prefilter import FRAGMENTS, _texts

PRESENCES = [pytest.param(presence, id=presence.pattern[:30]) for presence in prefilter.PRESENCES]
_REACHES = (12, 200)  # lengths of the spans asked about


def _same_everywhere(presence: Presence, folded: str, step: int = 1) -> None:
    original = re.compile(presence.pattern)
    for i in range(0, len(folded) + 1, step):
        for reach in _REACHES:
            expected = original.search(folded, i, i + reach) is not None
            assert presence.found(folded, i, i + reach) == expected, folded[i : i + reach]
    assert presence.found(folded) == (original.search(folded) is not None)


def test_presences_are_made() -> None:
    assert prefilter.PRESENCES


@pytest.mark.parametrize("presence", PRESENCES)
def test_presence_on_the_fixtures(presence: Presence) -> None:
    for text in _texts():
        _same_everywhere(presence, fold(text), step=5)  # (every position: minutes)


@pytest.mark.parametrize("presence", PRESENCES)
@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12))
def test_presence_on_random_mixtures(presence: Presence, pieces: list[str]) -> None:
    _same_everywhere(presence, fold("".join(pieces)))


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (r"\bon average\b|平均", ["we are on average 5", "平均年齢", "con average", ""]),
        (r"\d年|x\d", ["３年", "x٣", "3", "年"]),  # a category beside a listed character
        (r"(a)b|c", ["ab", "c"]),  # a group: searched as it is
        (r"(?i)abc|d", ["ABC", "D"]),  # case ignored: searched as it is
    ],
)
def test_presence_of_small_patterns(pattern: str, texts: list[str]) -> None:
    presence = Presence(pattern)
    for text in texts:
        for i in range(len(text) + 1):
            for j in range(i, len(text) + 1):
                expected = re.compile(pattern).search(text, i, j) is not None
                assert presence.found(text, i, j) == expected, (text, i, j)
