"""The start-character lookaheads put in front of the large fact patterns (_YEARS, _RANGE)
only skip positions where no alternative can start: at every position of real and random
texts the pattern matches exactly as its body alone does. A new alternative starting with
a character the lookahead does not list fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyujin.core.facts import salary, work
from kyujin.core.text import fold

FIXTURES = Path(__file__).parents[1] / "fixtures" / "japan_facts"
SAMPLES = Path(__file__).parents[2] / "samples" / "postings.jsonl"

PREFILTERED = [
    pytest.param(work._YEARS, work._YEARS_FIRST, id="years"),
    pytest.param(salary._RANGE, salary._RANGE_FIRST, id="salary-range"),
]

# Pieces of the phrasings the patterns read, mixed at random below.
FRAGMENTS = [
    "経験", "実務経験", "開発経験", "エンジニア歴", "java歴", "c#歴", "三年以上", "十年", "5年以上",
    "3~5年", "年収", "月給", "万円", "〜", "~", "¥", "$", "€", "£", "jpy", "yen", "up to ",
    "from ", "at least ", "minimum of ", "min. ", "over ", "more than ", "years of experience: ",
    "experience: ", "you have ", "you've spent ", "senior (", "5+ years", "three years in ",
    "2 yrs", "3y+", "one", "ten", "a year", "8m", "12,000,000", "k", " ", "\n", ":", "：",
    "最低", "以上", "程度", "(", ")", "・", "-",
]  # fmt: skip


def _texts() -> list[str]:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["description"] for line in lines if line.strip()]
    for path in [*sorted(FIXTURES.glob("tuning*.jsonl")), FIXTURES / "traps.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line).get("text", ""))
    return texts


def _same_everywhere(pattern: re.Pattern[str], first: str, folded: str) -> None:
    assert pattern.pattern.startswith(first)
    body = re.compile(pattern.pattern[len(first) :])
    for i in range(len(folded) + 1):
        a, b = pattern.match(folded, i), body.match(folded, i)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), folded[
            i : i + 40
        ]


@pytest.mark.parametrize(("pattern", "first"), PREFILTERED)
def test_same_matches_on_the_fixtures(pattern: re.Pattern[str], first: str) -> None:
    for text in _texts():
        _same_everywhere(pattern, first, fold(text))


@pytest.mark.parametrize(("pattern", "first"), PREFILTERED)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12))
def test_same_matches_on_random_mixtures(
    pattern: re.Pattern[str], first: str, pieces: list[str]
) -> None:
    _same_everywhere(pattern, first, fold("".join(pieces)))
