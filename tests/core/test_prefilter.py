"""Start-character lookaheads (kyujin.core.prefilter, and the hand-written ones of _YEARS
and _RANGE) only skip positions where no match can start: at every position of real and
random texts each pattern matches exactly as its original does. A new alternative starting
with a character a hand-written lookahead does not list fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyujin.core import prefilter, sections
from kyujin.core.facts import languages, location, salary, work  # noqa: F401
from kyujin.core.prefilter import first_class
from kyujin.core.text import fold

FIXTURES = Path(__file__).parents[1] / "fixtures" / "japan_facts"
SAMPLES = Path(__file__).parents[2] / "samples" / "postings.jsonl"

HAND_WRITTEN = [
    pytest.param(work._YEARS, work._YEARS_FIRST, id="years"),
    pytest.param(work._YEARS_OR_MONTHS, work._YEARS_FIRST, id="years-or-months"),
    pytest.param(salary._RANGE, salary._RANGE_FIRST, id="salary-range"),
]
# (made, original) for every pattern kyujin.core.prefilter gave a lookahead.
MADE = [
    pytest.param(made, re.compile(original, flags), id=original[:30])
    for made, original, flags in prefilter.MADE
]

# Pieces of the phrasings the patterns read, mixed at random below.
FRAGMENTS = [
    "経験", "実務経験", "開発経験", "エンジニア歴", "java歴", "c#歴", "三年以上", "十年", "5年以上",
    "3~5年", "年収", "月給", "万円", "〜", "~", "¥", "$", "€", "£", "jpy", "yen", "up to ",
    "from ", "at least ", "minimum of ", "min. ", "over ", "more than ", "years of experience: ",
    "experience: ", "you have ", "you've spent ", "senior (", "5+ years", "three years in ",
    "2 yrs", "3y+", "one", "ten", "a year", "8m", "12,000,000", "k", " ", "\n", ":", "：",
    "最低", "以上", "程度", "(", ")", "・", "-", "6ヶ月", "18 months of ", "か月",
    # what _YEARS_FIRST reads past a figure's first character
    "通算", "少なくとも", "（", "者", "年数", "は", "実務", "プログラミング歴", "サーバーサイド",
    "2024", "10,000", "nen ijou", "yoe", " or more", "plus", "\u3000", "２",
]  # fmt: skip


def _texts() -> list[str]:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["description"] for line in lines if line.strip()]
    for path in [*sorted(FIXTURES.glob("tuning*.jsonl")), FIXTURES / "traps.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line).get("text", ""))
    return texts


def _same_everywhere(pattern: re.Pattern[str], original: re.Pattern[str], folded: str) -> None:
    for i in range(len(folded) + 1):
        a, b = pattern.match(folded, i), original.match(folded, i)
        assert (a and (a.span(), a.groupdict(), a.groups())) == (
            b and (b.span(), b.groupdict(), b.groups())
        ), folded[i : i + 40]
    assert [m.span() for m in pattern.finditer(folded)] == [
        m.span() for m in original.finditer(folded)
    ]


def _body(pattern: re.Pattern[str], first: str) -> re.Pattern[str]:
    assert pattern.pattern.startswith(first)
    return re.compile(pattern.pattern[len(first) :])


def test_the_large_patterns_are_prefiltered() -> None:
    made = {original for _, original, _ in prefilter.MADE}
    for pattern in (
        work._REMOTE_HYBRID,
        work._VISA_NO,
        sections._HEADING,
        location._WORKPLACE_FIELD,
    ):
        assert pattern.pattern.startswith("(?=[")
    assert len(made) >= 15


@pytest.mark.parametrize(("pattern", "first"), HAND_WRITTEN)
def test_hand_written_lookaheads_on_the_fixtures(pattern: re.Pattern[str], first: str) -> None:
    body = _body(pattern, first)
    for text in _texts():
        _same_everywhere(pattern, body, fold(text))


@pytest.mark.parametrize(("pattern", "first"), HAND_WRITTEN)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12))
def test_hand_written_lookaheads_on_random_mixtures(
    pattern: re.Pattern[str], first: str, pieces: list[str]
) -> None:
    _same_everywhere(pattern, _body(pattern, first), fold("".join(pieces)))


@pytest.mark.parametrize(("made", "original"), MADE)
def test_made_lookaheads_on_the_fixtures(made: re.Pattern[str], original: re.Pattern[str]) -> None:
    for text in _texts():
        _same_everywhere(made, original, fold(text))


@pytest.mark.parametrize(("made", "original"), MADE)
@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=40))
def test_made_lookaheads_on_random_text(
    made: re.Pattern[str], original: re.Pattern[str], text: str
) -> None:
    _same_everywhere(made, original, text)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abc|d", "[ad]"),
        ("(?:x|yz)?q", "[qxy]"),  # an optional start: what follows it can start too
        (r"(?<!a)b\b", "[b]"),  # lookarounds and anchors consume nothing
        (r"\s?[1-3]", r"[1-3\s]"),
        (r"(?:foo)*|bar", None),  # can match the empty string
        (r".x", None),  # any character
        (r"[^a]x", None),  # a negated class
        (r"(?i:a)b", None),  # case-insensitive
        (r"\dk|\wz", r"[\d\w]"),
        (r"x{0,2}y", "[xy]"),
        (r"x{2}y", "[x]"),
    ],
)
def test_first_class(pattern: str, expected: str | None) -> None:
    assert first_class(pattern) == expected
