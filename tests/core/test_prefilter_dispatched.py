"""kyujin.core.prefilter.Dispatched: every match (span and groups) is the one the whole
pattern finds, with and without the scan, between any ``pos`` and ``endpos``, on real and
random texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyujin.core import prefilter
from kyujin.core.facts import languages, location, salary, work  # noqa: F401
from kyujin.core.prefilter import Dispatched, dispatched
from kyujin.core.text import fold

from .test_prefilter import FRAGMENTS, _texts

DISPATCHED = [pytest.param(pattern, id=pattern.pattern[:30]) for pattern in prefilter.DISPATCHED[:]]
_WINDOW = 120  # characters of the windows searched, as the parsers search around triggers


def _key(match: re.Match[str] | None) -> object:
    return match and (match.span(), match.groupdict(), match.groups())


def _same(pattern: Dispatched, folded: str, step: int = 1) -> None:
    whole = re.compile(pattern.pattern)
    for i in range(0, len(folded) + 1, step):
        assert _key(pattern.match(folded, i)) == _key(whole.match(folded, i)), folded[i : i + 40]
        end = i + _WINDOW
        assert [_key(m) for m in pattern.finditer(folded, i, end)] == [
            _key(m) for m in whole.finditer(folded, i, end)
        ], folded[i:end]
    assert [_key(m) for m in pattern.finditer(folded)] == [_key(m) for m in whole.finditer(folded)]


def test_the_fact_patterns_are_dispatched() -> None:
    assert len(prefilter.DISPATCHED) >= 7


@pytest.mark.parametrize("pattern", DISPATCHED)
def test_dispatched_on_the_fixtures(pattern: Dispatched) -> None:
    for text in _texts():
        _same(pattern, fold(text), step=_WINDOW // 3)


@pytest.mark.parametrize("pattern", DISPATCHED)
@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12))
def test_dispatched_on_random_mixtures(pattern: Dispatched, pieces: list[str]) -> None:
    _same(pattern, fold("".join(pieces)))


@pytest.mark.parametrize("scan", [True, False])
@pytest.mark.parametrize(
    ("first", "alternatives", "texts"),
    [
        # groups numbered and named as in the whole pattern; the first alternative wins
        (
            "(?=[a-z\\d])",
            r"(?P<x>ab)c|(?<!z)(?P<y>a)|(\d)x|b(?P<z>b)",
            ["abc", "zabd", "3x", "bb", "٣x", "abab"],
        ),
        # an alternative starting with a line break or a space of another script
        (r"(?=[\n\sx])", r"\nfoo|\s(bar)|x", ["a\nfoo", "\u3000bar", "\u2003bar", "x\nbar"]),
        # a full-width digit: another character of a listed category
        (r"(?=\d)", r"(?P<n>\d+)年", ["３年", "3年 ３年", "x"]),
    ],
)
def test_dispatched_small_patterns(
    first: str, alternatives: str, texts: list[str], scan: bool
) -> None:
    pattern = Dispatched(first, alternatives, scan=scan)
    whole = re.compile(pattern.pattern)
    for text in texts:
        for i in range(len(text) + 1):
            assert _key(pattern.match(text, i)) == _key(whole.match(text, i))
            for j in range(i, len(text) + 1):
                assert [_key(m) for m in pattern.finditer(text, i, j)] == [
                    _key(m) for m in whole.finditer(text, i, j)
                ], (text, i, j)


def test_a_pattern_matching_nothing_first_is_refused() -> None:
    with pytest.raises(ValueError):
        dispatched(r"a|.b")
