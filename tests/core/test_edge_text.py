"""Inputs found in review: lone surrogates, other line endings, very long lines."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyujin.core.extract import extract, facts_to_dict

POSTING = (
    "必須スキル\n・Rust での開発経験3年以上\n歓迎スキル\n・Kafka\n"
    "Go, Python and PostgreSQL. 日本語：N2以上"
)


def summary(text: str) -> tuple:
    facts = facts_to_dict(extract(text))
    return (
        sorted((s["skill"], s["requirement"]) for s in facts["skills"]),
        facts["japanese_level"],
        facts["min_years_experience"],
    )


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_endings_read_like_newlines(newline: str) -> None:
    assert summary(POSTING.replace("\n", newline)) == summary(POSTING)


def test_a_lone_surrogate_does_not_raise() -> None:
    facts = extract("Python \ud800 と Go言語 \udfff")
    assert {m.skill for m in facts.skills} >= {"Python", "Go"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=200))
def test_any_code_point_sequence_is_fine(text: str) -> None:
    facts = extract(text)
    for mention in facts.skills:
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.mark.parametrize("unit", ["必須", "経験3年以上 ", "requirements skills team ", "Go "])
def test_a_very_long_single_line_takes_linear_time(unit: str) -> None:
    # 200,000 characters on one line took 5-60 s when line scans were quadratic.
    text = unit * (200_000 // len(unit))
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 15


@pytest.mark.parametrize(
    "text",
    [
        # a table of years rows with no must-have column: each row once walked up to the top
        "| Item | Nice to have |\n" + "| Years of experience | 5+ |\n" * 20_000,
        # language headings with nothing below them
        "【英語】\n" * 50_000,
    ],
)
def test_long_tables_and_heading_runs_take_linear_time(text: str) -> None:
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 15


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("レストラン向けの予約サービス", "REST"),
        ("ヘルムートさんが担当", "Helm"),
        ("サースフェーの旅", "SaaS"),
        ("JSONをパースする処理", "PaaS"),
    ],
)
def test_katakana_forms_do_not_match_inside_longer_words(text: str, absent: str) -> None:
    assert absent not in {m.skill for m in extract(text).skills}


def test_katakana_forms_still_match_as_words() -> None:
    found = {m.skill for m in extract("ドッカーとクバネティス、レストAPIの設計、パイソン").skills}
    assert {"Docker", "Kubernetes", "REST", "Python"} <= found


def test_a_generated_variant_never_takes_a_declared_form() -> None:
    assert [m.skill for m in extract("Perl6 and Perl5").skills] == ["Raku", "Perl"]


def test_half_width_katakana_with_separate_voicing_marks() -> None:
    found = {(m.skill, m.surface) for m in extract("ﾄﾞｯｶｰとﾊﾟｲｿﾝの経験").skills}
    assert found == {("Docker", "ﾄﾞｯｶｰ"), ("Python", "ﾊﾟｲｿﾝ")}
