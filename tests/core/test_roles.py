from collections.abc import Callable

import pytest

from kyujin.core.extract import extract
from kyujin.core.model import Location
from kyujin.core.roles import blank, other_positions, said_of_others
from kyujin.core.text import fold
from kyujin.core.triggers import Triggers
from tests.support.scaling import assert_linear

MULTI_JA = (
    "クライアント（大阪市北区）では2ポジションを同時募集しています。\n\n"
    "【ポジション1】インフラエンジニア\n・必須：クラウド運用経験5年以上\n・想定年収：700万円〜900万円\n"
    "・働き方：フルリモート\n\n"
    "【ポジション2】サーバーサイドエンジニア（Go）※本求人\n・必須：Goでの開発経験1年以上\n"
    "・想定年収：480万円〜650万円\n・働き方：週2日出社\n\n"
    "【共通条件】\n雇用形態：正社員\n勤務地：大阪市北区梅田"
)
MULTI_EN = (
    "Our client is hiring for two roles. This posting is for Position B.\n\n"
    "Position A - Data Engineer\n- 6+ years of data engineering\n- Salary: ¥9M - ¥12M\n"
    "- Fully remote\n\nPosition B - Backend Engineer (Kotlin)\n- 2+ years of backend development\n"
    "- Salary: ¥6M - ¥8M\n- Hybrid: 3 office days a week\n\n"
    "Common to both roles\n- Full-time\n- Office: Fukuoka (Hakata-ku)"
)


@pytest.mark.parametrize("text", [MULTI_JA, MULTI_EN])
def test_the_advertised_positions_facts_only(text: str) -> None:
    facts = extract(text)
    assert facts.min_years_experience in (1, 2)
    assert facts.remote == "hybrid"
    assert facts.salary is not None and facts.salary.min in (4_800_000, 6_000_000)
    assert facts.employment_type == "full_time"
    assert facts.location is not None and facts.location.city in ("Osaka", "Fukuoka")


def test_blocks_keep_their_offsets() -> None:
    folded = fold(MULTI_JA)
    ranges = other_positions(folded)
    assert len(ranges) == 1
    view = blank(MULTI_JA, ranges)
    assert len(view) == len(MULTI_JA) and view.count("\n") == MULTI_JA.count("\n")
    assert "インフラ" not in view and "サーバーサイド" in view and "共通条件" in view


def test_overlapping_ranges_are_blanked_once() -> None:
    # another position's block holding a form's unticked option: the two ranges overlap
    assert blank("abcdefgh\nij", [(1, 6), (3, 5), (4, 10)]) == "a" + " " * 7 + "\n j"


@pytest.mark.parametrize(
    "text",
    [
        # the unticked option lies inside position B's block, which is blanked as well
        "ポジションA ← 本求人\nポジションB ■正社員 □契約社員\n\nPython",
        "Position A (this posting)\nPosition B [x] Full-time [ ] Contract\n\nPython and Go",
    ],
)
def test_a_form_inside_another_positions_block_keeps_spans_in_the_text(text: str) -> None:
    facts = extract(text)
    assert [m.skill for m in facts.skills][:1] == ["Python"]
    for m in facts.skills:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.surface
    for span in facts.spans.values():
        assert 0 <= span.start <= span.end <= len(text)


def test_several_positions_without_saying_which_is_read_whole() -> None:
    text = MULTI_JA.replace("※本求人", "")
    assert other_positions(fold(text)) == []
    # the title may name it
    assert other_positions(fold(text), fold("サーバーサイド（ポジション2）")) != []


@pytest.mark.parametrize(
    ("text", "phrase", "others"),
    [
        ("当社のキャリアアドバイザーはフルリモートで対応しています。", "フルリモート", True),
        ("We also hire internally: a recruiter, fully remote, ¥5M.", "fully remote", True),
        ("Other roles we're hiring for\n• Staff Engineer - fully remote", "fully remote", True),
        ("This role is fully remote.", "fully remote", False),
        (
            "同時募集中のPMは出社ですが、本ポジションはフルリモートです。",
            "フルリモート",
            False,
        ),
    ],
)
def test_sentences_about_other_openings(text: str, phrase: str, others: bool) -> None:
    folded = fold(text)
    start = folded.find(phrase.lower())
    assert said_of_others(folded, start, start + len(phrase)) is others


# An agency's own people, record and jobs beside the advertised role's facts.
@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        (
            "Role: Backend Engineer at a logistics client\nWork style: hybrid, 2 office days\n"
            "About us: our own recruiters work fully remote from all over Japan.",
            "remote",
            "hybrid",
        ),
        (
            "Salary: based on experience\nAbout the agency: our clients pay between ¥7M and "
            "¥18M depending on seniority.",
            "salary",
            None,
        ),
        (
            "■給与\n応相談\n（参考：当社経由でのご入社実績 年収450万円〜900万円）",
            "salary",
            None,
        ),
        (
            "Requirements\n- Japanese: not required\nNote: our own consultant roles require "
            "JLPT N1 and are office-based in Umeda; that does not apply to this role.",
            "japanese_level",
            "none",
        ),
        (
            "《ご注意》本求人は当社の契約社員の募集ではありません。クライアントによる正社員としての直接雇用です。",
            "employment_type",
            "full_time",
        ),
        (
            "- Visa: freelance engagements are not eligible for visa sponsorship",
            "visa_sponsorship",
            False,
        ),
        ("- Visa: sponsorship and change of status supported", "visa_sponsorship", True),
        (
            "- Work style: remote-first; on-site twice a month at the client's office for planning",
            "remote",
            "hybrid",
        ),
    ],
)
def test_an_agencys_own_people_record_and_jobs(text: str, field: str, value: object) -> None:
    got = getattr(extract(text), field)
    if field == "salary":
        assert got is value
    else:
        assert got == value


def test_labels_after_marks_in_a_line_whose_breaks_were_lost() -> None:
    text = (
        "■企業：製造業のIT子会社■仕事内容・生産管理システムの開発■必須・Javaでの開発経験2年以上"
        "・SQL■歓迎・製造業システムの経験6年以上・基本情報技術者"
    )
    assert extract(text).min_years_experience == 2


@pytest.mark.parametrize(
    "text",
    [
        "本ポジション以外の職種はフルリモートです。",
        "他職種（PM）はフルリモートです。",
        "社員エンジニアの募集は別途行っています（フルリモート）。",
        "同時募集中のSREはフルリモートです。",
        "当社ではアドバイザーも募集しています（フルリモート）。",
        "当社のキャリアアドバイザーはフルリモートです。",
        "当社経由でのご入社実績 フルリモート多数",
        "Those roles are advertised separately and are fully remote.",
        "Other than this role, our jobs are fully remote.",
        "We are also hiring a PM, fully remote.",
        "We also hire internally: a recruiter, fully remote.",
        "Our own recruiters are fully remote.",
        "Our clients pay well and are fully remote.",
        "Our internal team is fully remote.",
        "Another role on the team is fully remote.",
        "Other roles we're hiring for\n• SRE - fully remote",
        "※東京オフィスのフルリモートのポジションは別記事で募集しています。",
        "（別件）うちのPM募集はこちら→ フルリモートです",
    ],
)
def test_the_trigger_gate_lets_every_other_opening_through(text: str) -> None:
    folded = fold(text)
    at = folded.find("フルリモート") if "フルリモート" in folded else folded.find("fully remote")
    assert said_of_others(folded, at, at + 6)
    assert said_of_others(folded, at, at + 6, Triggers(folded))


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        (
            "Remote work differs by team:\n- Data team: fully remote.\n- API team (this "
            "position): hybrid, two office days a week.\n- Support team: on-site.",
            "remote",
            "hybrid",
        ),
        (
            "The Payments team has no remote work; our Research team (a different opening) is "
            "fully remote.",
            "remote",
            "onsite",
        ),
        (
            "■募集職種\nバックエンドエンジニア（正社員）\n勤務：週3日出社\n\n■同時募集：副業\n"
            "・副業（業務委託）：時給4,000円〜、フルリモート\n※副業の方のビザサポートはできません。",
            "remote",
            "hybrid",
        ),
        (
            "**募集概要**\n- 正社員\n- 大阪本社（大阪市西区・本町）\n- リモワ週2日までOK\n\n"
            "※東京オフィス（港区）のフルリモート可ポジションは別記事で募集しています。",
            "location",
            Location(prefecture="Osaka", city="Osaka"),
        ),
    ],
)
def test_items_and_sections_about_other_openings(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_another_matter_in_a_chat_is_not_the_posting() -> None:
    text = (
        "たなか｜昨日 21:04\n（別件）うちのPM募集はこちら→ 年収600〜800万、東京です\n\n"
        "ゆうすけ｜今日 10:12\n■ 契約：業務委託\n■ 報酬：時給4,000〜6,000円\n"
    )
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max, salary.period) == (4000, 6000, "hourly")


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "募集中\n" + "- 年収500万円\n" * n,  # salary candidates
        lambda n: "募集中\n" + "- 東京\n" * n,  # places
        lambda n: "- (this position) backend\n" + "- ビザサポートあり\n" * n,  # visa phrases
    ],
)
def test_a_long_list_is_walked_once(make: Callable[[int], str]) -> None:
    # 4,000 items took 5 s when each item's list was walked again for it
    assert_linear(make, 400)


def test_each_list_is_marked_on_its_own() -> None:
    text = (
        "Remote work differs by team:\n- Data team: fully remote.\n- API team (this "
        "position): hybrid.\n\nOffices:\n- Tokyo: fully remote.\n- Osaka: on-site."
    )
    folded = fold(text)
    for phrase, others in [("data team", True), ("api team", False), ("tokyo", False)]:
        at = folded.find(phrase)
        assert said_of_others(folded, at, at + len(phrase)) is others


def test_pay_of_a_grade_hired_by_another_posting_is_not_this_ones() -> None:
    text = (
        "※本求人はミドルクラスの募集です。シニアクラス（想定年収900万円～1,200万円）は"
        "別求人にて募集しております。\n【給与】\n想定年収600万円～800万円\n"
    )
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == (6_000_000, 8_000_000)


def test_an_agencys_mail_proposing_one_of_several_projects() -> None:
    text = (
        "今回ぜひご検討いただきたいのは【案件②】です。①③は参考としてご覧ください。\n\n"
        "【案件①】EC事業会社 PHP/Laravel 改修\n単価：〜70万円／常駐（五反田駅）／週5\n"
        "【案件②】広告配信プラットフォーム API開発\n必須：Go 3年以上\n"
        "単価：80万円〜95万円／月\n勤務形態：フルリモート\n"
        "【案件③】物流SaaS Python/Django 開発\n単価：65〜80万円／リモート週3\n"
    )
    facts = extract(text)
    assert facts.salary is not None and (facts.salary.min, facts.salary.max) == (800_000, 950_000)
    assert facts.remote == "full"
    assert {m.skill for m in facts.skills} >= {"Go"}
    assert not {m.skill for m in facts.skills} & {"PHP", "Laravel", "Django"}


def test_projects_listed_with_the_advertised_one_marked_on_its_line() -> None:
    text = (
        "PROJECT A — Ruby on Rails, e-commerce\n¥4,800/hour, 3 days/week, remote. Freelance.\n\n"
        "PROJECT B — Scala backend, securities  ← THIS POSTING\nMust have:\n- Scala\n"
        "- Work location: client office in Otemachi, Tokyo, one day a week in the office\n"
        "- Visa: sponsorship available\n\n"
        "PROJECT C — Go, ad-tech\n¥750k–¥900k/month, full remote, residents of Japan only.\n"
    )
    facts = extract(text)
    assert (facts.remote, facts.visa_sponsorship) == ("hybrid", True)
    assert "Ruby on Rails" not in {m.skill for m in facts.skills}


def test_an_agent_s_notes_on_two_introduced_jobs() -> None:
    from kyujin.core.extract import extract

    text = (
        "【面談記録】\n\n■ご紹介求人①（今回応募意思あり）\n株式会社A　バックエンドエンジニア\n"
        "・想定年収：550万円〜700万円\n・勤務地：東京都港区。リモートなし\n\n"
        "■ご紹介求人②（参考・今回は見送り）\n株式会社B　MLエンジニア\n"
        "・想定年収：800万円〜1,100万円、フルリモート\n・英語ビジネスレベル必須\n\n■所感\n次回面談へ。\n"
    )
    facts = extract(text)
    assert facts.salary is not None and facts.salary.min == 5_500_000
    assert (facts.remote, facts.english_level) == ("onsite", None)


def test_an_aside_after_a_statement_is_not_another_opening() -> None:
    text = fold("ビザのスポンサーは可能です（海外からの入社実績あり）。")
    at = text.index("ビザ")
    assert not said_of_others(text, at, at + 8)
    # the agency's placement record as the sentence's subject still is
    text = fold("当社経由でのご入社実績：年収800万円")
    at = text.index("年収")
    assert said_of_others(text, at, at + 6)
