"""Postings that revise themselves: corrections and updates win over what they replace."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kyujin.core.extract import extract
from kyujin.core.revisions import _QUOTED_LINES, _REVISION, MAX_TEXT, read_revision
from kyujin.core.text import fold
from tests.support.scaling import assert_linear


def test_text_with_no_mark_of_a_revision_has_no_views() -> None:
    assert read_revision(fold("Requirements\n- 3+ years of Go\nSalary: ¥8M")) is None
    # a probation without changed conditions, a yearly pay review: no revision
    assert read_revision(fold("正社員(試用期間3ヶ月、条件変更なし)")) is None
    assert read_revision(fold("年1回、年収を改定します。salary revised once a year")) is None


def test_views_keep_the_length_and_blank_what_is_superseded() -> None:
    text = fold(
        "給与を改定しました（旧：500万〜700万円）。\n想定年収600万〜800万円\n"
        "以下、前回のご案内\n雇用形態：契約社員\n"
    )
    revision = read_revision(text)
    assert revision is not None
    assert len(revision.current) == len(revision.corrections) == len(text)
    assert "500万" not in revision.current and "契約社員" not in revision.current
    assert "600万" in revision.current
    # only the correcting sentence is left in the corrections, its old value blanked
    assert "給与を改定しました" in revision.corrections
    assert "500万" not in revision.corrections and "600万" not in revision.corrections


def test_an_update_above_a_quoted_earlier_message_wins() -> None:
    text = (
        "ご案内した求人について、条件が変更になりました。正社員としての採用に変更となり、"
        "想定年収は600万円〜800万円です。その他の条件に変更はありません。\n\n"
        "以下、前回のご案内\n"
        "■雇用形態：契約社員\n■給与：月給35万円〜45万円\n■勤務地：東京都港区\n"
        "■応募資格\n・Go開発経験3年以上\n"
    )
    facts = extract(text)
    assert facts.employment_type == "full_time"
    assert facts.salary is not None and (facts.salary.min, facts.salary.max) == (6e6, 8e6)
    # what only the earlier message states is still the posting's
    assert facts.location is not None and facts.location.city == "Minato"
    assert facts.min_years_experience == 3


def test_a_posting_quoted_whole_is_the_posting() -> None:
    text = (
        "#osaka-jobs\nHi all, we are hiring:\n\n> *Role*: Backend Engineer\n"
        "> *Work style*: fully remote, no office\n> *Salary*: ¥8M–10M\n\n"
        "Anyone in Tokyo welcome too.\n"
    )
    assert read_revision(fold(text)) is None
    facts = extract(text)
    assert facts.remote == "full"
    assert facts.salary is not None and facts.salary.min == 8e6


def test_anothers_post_quoted_beside_the_posters_own_yields_to_it() -> None:
    text = (
        "うちのチームでも人探してます👀 Go書ける方、ぜひ！\n\n"
        "（引用元のポストは友人の会社のPM募集です。僕らとは別の会社です）\n\n"
        "> 【PM募集】大阪のEC企業です。年収600〜800万、フルリモ、正社員。\n\n"
        "で、うちの募集👇\n🏢 株式会社メグロデータ（東京都目黒区・中目黒）\n"
        "💼 業務委託（週4〜5日）\n"
        "💰 月80万〜（スキル・稼働日数により相談）\n🏠 週1出社、ほかはリモート\n"
    )
    facts = extract(text)
    assert facts.salary is not None and (facts.salary.min, facts.salary.period) == (
        800_000,
        "monthly",
    )
    assert (facts.remote, facts.employment_type) == ("hybrid", "freelance")
    assert facts.location is not None and facts.location.city == "Meguro"


def test_quoted_lines_yield_to_the_reply() -> None:
    text = (
        "Thanks for your questions.\n\n"
        "> Is the role remote? I'd prefer fully remote.\n"
        "It is hybrid: two days a week in our Shibuya office.\n"
    )
    assert extract(text).remote == "hybrid"


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (
            "Salary: ¥7M–10M\nLocation: Tokyo\nsorry, typo: it's ¥7.5M–10M not ¥7M–10M",
            "salary_min",
            7.5e6,
        ),
        (
            "雇用形態：正社員\n勤務地：東京都\n【訂正】雇用形態は正社員ではなく業務委託です。",
            "employment_type",
            "freelance",
        ),
        (
            "Changes since the last version:\n- Japanese is no longer required (was: JLPT N1)\n"
            "Requirements\n- Go\n",
            "japanese_level",
            "none",
        ),
        (
            "【訂正】前回のメールで「日本語：N1以上」と記載しましたが、正しくはN3以上です。\n"
            "Requirements\n- Japanese: JLPT N3 or above\n",
            "japanese_level",
            "N3",
        ),
        (
            "| Item | Before | After |\n|---|---|---|\n| Visa | Not sponsored | Sponsored |\n"
            "| Pay | ¥5M–7M | ¥6M–8M |\n",
            "salary_min",
            6e6,
        ),
    ],
)
def test_corrections_win(text: str, field: str, expected: object) -> None:
    facts = extract(text)
    if field == "salary_min":
        assert facts.salary is not None and facts.salary.min == expected
    else:
        assert getattr(facts, field) == expected


def test_an_old_version_mentioned_in_a_note_is_not_the_current_fact() -> None:
    text = (
        "Location\nFully remote, anywhere in Japan.\n"
        "Note (updated 3 May): an earlier version of this post mentioned office days in "
        "Osaka. We've dropped that; the role is now fully remote.\n"
    )
    facts = extract(text)
    assert facts.remote == "full"
    assert facts.location is None


def _fixture_texts() -> list[str]:
    root = Path(__file__).parents[2]
    texts = []
    for path in sorted((root / "tests" / "fixtures" / "japan_facts").rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    for line in (root / "samples" / "postings.jsonl").read_text().splitlines():
        texts.append(json.loads(line)["description"])
    return texts


def test_the_trigger_windows_find_every_revision_the_whole_text_search_finds() -> None:
    texts = _fixture_texts()
    marked = 0
    for text in texts:
        folded = fold(text)
        quotes = [m.group() for m in _QUOTED_LINES.finditer(folded)]
        whole = (
            _REVISION.search(folded) is not None
            or any("?" in quote for quote in quotes)
            # another's post quoted beside the poster's own, longer one
            or (bool(quotes) and 2 * sum(map(len, quotes)) < len(folded.strip()))
        )
        marked += whole
        assert (read_revision(folded) is not None) == whole, text[:80]
    assert marked >= 20  # the fixtures hold revisions (set E), so the check means something


def test_a_very_long_text_is_read_whole_only() -> None:
    text = "訂正：正しくはN2です。\n" + "x" * MAX_TEXT
    assert read_revision(fold(text)) is None
    assert read_revision(fold(text[:MAX_TEXT])) is not None


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "訂正\n" + "> 質問ですか?\n" * n,
        lambda n: "| item | before | after |\n" + "| pay | ¥5M | ¥6M |\n" * n,
        lambda n: "訂正\n" + "正社員ではなく契約社員、" * n,
        lambda n: "訂正\n" + "品川区から港区に変更。" * n,
        lambda n: "Update: " + "remote instead of onsite, " * n,
        lambda n: "typo: it's ¥9M not ¥8M. " * n,
    ],
)
def test_revisions_take_linear_time(make: Callable[[int], str]) -> None:
    # within MAX_TEXT at the larger size: each text is read as a revision
    assert len(make(300)) <= MAX_TEXT
    assert_linear(make, 30)


def test_an_edit_in_a_threads_reply_wins() -> None:
    text = (
        "4/5 comp: $120k–160k USD base + equity.\n\n---\n@cto replied:\n"
        "edit on 4/5 — those are last year's numbers, sorry. current band is $130k–170k USD "
        "base."
    )
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == (130_000, 170_000)


def test_a_correction_s_wrong_and_right_lines() -> None:
    text = (
        "先ほどお送りしたメールに誤りがございましたので訂正いたします。\n\n"
        "誤）想定年収：600万円〜900万円\n正）想定年収：600万円〜850万円\n\n"
        "その他の内容に変更はございません。"
    )
    salary = extract(text).salary
    assert salary is not None
    assert (salary.min, salary.max) == (6_000_000, 8_500_000)
    assert text[salary.start : salary.end].startswith("600万円〜850万円")
