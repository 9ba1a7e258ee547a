"""Questions and the candidate's own words in a conversation about a job."""

import pytest

from kyujin.core.conversation import candidate_parts, questions, topics_only
from kyujin.core.extract import extract
from kyujin.core.text import fold
from tests.support.scaling import assert_linear

THREAD = """#hiring
■ 佐々木（EM）10:14
業務委託のバックエンドエンジニアを1名募集します！
・単価：月額60万〜80万円
　└ 金 10:55
　　ビザのサポートってあります？今は留学ビザらしくて
　└ 佐々木 11:03
　　業務委託契約なので、うちからのビザサポートはできないです
"""


def _texts(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    folded = fold(text)
    return [folded[start:end] for start, end in ranges]


def test_a_thread_s_questions() -> None:
    assert _texts(THREAD, questions(fold(THREAD))) == ["ビザのサポートってあります?"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Q. リモートは週に何日できますか？\nA. 週1日出社です。\n"
            "Q. ビザのスポンサーは可能ですか？\nA. 申し訳ございません。",
            ["リモートは週に何日できますか?", "ビザのスポンサーは可能ですか?"],
        ),
        (
            "Priya S. • Is visa sponsorship available? I'm in Bangalore.\n"
            "  ↳ Daniel (author) • Yes! We sponsor work visas.",
            ["is visa sponsorship available?"],
        ),
        # a question's own mark stays, so its answer keeps a label before it
        (
            "Q1: 年収レンジはどのくらいでしょうか。\nA1: 700万円〜です\nQ2: 以上です",
            ["年収レンジはどのくらいでしょうか"],
        ),
    ],
)
def test_questions_in_faqs_and_comments(text: str, expected: list[str]) -> None:
    assert _texts(text, questions(fold(text))) == expected


def test_a_posting_s_rhetorical_question_is_its_own_statement() -> None:
    text = "Want to work fully remote? Join us!\nRequirements:\n- Go\nSalary: ¥8M"
    assert questions(fold(text)) == []
    assert extract(text).remote == "full"


def test_the_candidate_s_own_message_and_profile() -> None:
    text = (
        "2025/02/03 19:12　田村（採用担当）\nご紹介させてください。\n\n"
        "2025/02/03 22:40　林（候補者）\n現在の年収は550万円です。今は名古屋に住んでいます。\n\n"
        "2025/02/04 10:05　田村\n想定年収は650万〜850万円です。本社は大阪市北区です。\n"
    )
    (part,) = _texts(text, candidate_parts(fold(text)))
    assert "550万円" in part and "名古屋" in part and "650万" not in part
    facts = extract(text)
    assert facts.salary is not None and facts.salary.min == 6_500_000
    assert facts.location is not None and facts.location.city == "Osaka"


def test_facts_come_from_the_answers_not_the_questions() -> None:
    facts = extract(
        "■ 佐々木（EM）10:14\nバックエンドエンジニアを募集します！年収700〜1100万円\n"
        "　└ 山田 11:20\n　　業務委託での参画は可能でしょうか？フルリモートですか？\n"
        "　└ 佐々木 11:25\n　　ごめんなさい、今回は正社員採用のみです。週2日は出社です\n"
    )
    assert (facts.employment_type, facts.remote) == ("full_time", "hybrid")


def test_in_linear_time() -> None:
    assert_linear(lambda n: "Q. a" + "b" * n + "?\nA. c\n" * 3, 20_000, questions)
    assert_linear(lambda n: "Q. x\nA. y\n" + "ですか?" * n, 3_000, questions)
    assert_linear(lambda n: "林（候補者）\n" * n, 3_000, candidate_parts)


def test_a_question_keeps_what_it_asks_about_for_its_answer() -> None:
    text = (
        "Daniel Ortega • We're hiring a Backend Engineer in Tokyo.\n"
        "Kenta M. • Do I need to speak Japanese?\n"
        "  ↳ Daniel Ortega (author) • Not required at all.\n"
        "Lucas F. • 日本語ネイティブじゃない友人でもいけますか？\n"
    )
    folded = fold(text)
    view = topics_only(folded, questions(folded))
    assert len(view) == len(folded)
    assert "japanese" in view and "need to speak" not in view and "ネイティブ" not in view
    assert extract(text).japanese_level == "none"


def test_a_question_after_a_correction_states_nothing_either() -> None:
    text = (
        "Ayaka (Hoshizora Games)  11:02\n🏠 Hybrid - 2 days WFH, 3 days in office\n"
        "Rahul K  11:15\nIs visa sponsorship available?\n"
        "Ayaka  13:05\nCorrection: this role cannot sponsor visas.\n"
        "Kenji O  14:30\nIs it possible to work fully remote from Tokyo?\n"
        "Ayaka  14:36\nSorry, not for this role - hybrid only, Umeda office 3 days a week.\n"
    )
    assert extract(text).remote == "hybrid"


def test_the_reader_s_own_pay_in_a_thread_is_not_the_role_s() -> None:
    text = (
        "近藤｜ハカタネストCTO @kondo_cto\n【採用】福岡でRailsのエンジニアを募集しています\n\n"
        "森｜大阪のエンジニア @mori_dev\n"
        "年収レンジってどれくらいでしょう？いま大阪の会社で年収550万くらいです\n\n"
        "近藤｜ハカタネストCTO @kondo_cto\n年収は600〜900万円です。\n"
    )
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == (6_000_000, 9_000_000)


def test_an_faq_s_questions_without_marks() -> None:
    text = (
        "Backend Engineer, Sendai\nOur office is in Aoba-ku, Sendai.\n\nFAQ\n\n"
        "Can I work fully remotely?\nNot for this role. We need you in the Sendai office three "
        "days a week; the other two days you can work from home.\n\n"
        "Do you sponsor visas?\nYes. We have sponsored visas for several team members.\n"
    )
    facts = extract(text)
    assert (facts.remote, facts.visa_sponsorship) == ("hybrid", True)


def test_a_candidate_s_reply_and_an_applicants_q_and_a() -> None:
    reply = (
        "【村上からのご連絡】\n松山本社のバックエンドエンジニアのご案内です。\n\n"
        "【候補者からの返信】\n現在は東京在住で、年収は650万円、フルリモートで働いています。\n\n"
        "【村上からの返信】\n基本は在宅勤務で、月2回松山本社への出社をお願いしております。\n"
    )
    assert extract(reply).remote == "hybrid"
    answers = (
        "【応募者からの質問 / Q&A from applicants】\n"
        "Q: Can a foreigner living abroad apply?\n"
        "A: はい、可能です。就労ビザのスポンサーをします。\n"
    )
    assert candidate_parts(fold(answers)) == []
    assert extract(answers).visa_sponsorship is True


@pytest.mark.parametrize(
    "text",
    [
        # working hours are no message headers, indented bullets no comments
        "【勤務時間】\n9:00 - 18:00\n【休憩】\n12:00 - 13:00\n福岡オフィスで働きませんか？",
        "Looking for a fully remote role?\nPerks:\n  • Flexible hours\n  • Stock options",
    ],
)
def test_an_ordinary_posting_is_no_conversation(text: str) -> None:
    assert questions(fold(text)) == []


_NOTE = (
    "[ATS] Candidate note — Phone screen\n"
    "Candidate: Arjun Mehta｜Position: Backend Engineer (.NET)\n"
    "■ Candidate\n"
    "- Japanese: JLPT N4（会話は簡単なものなら可）\n"
    "- English: native-level\n"
    "■ Role（求人票より）\n"
    "- 語学：日本語 N2以上必須／英語 business\n"
)


def test_a_recruiters_note_heading_names_the_candidate() -> None:
    facts = extract(_NOTE)
    assert (facts.japanese_level, facts.english_level) == ("N2", "business")


def test_a_plain_candidate_heading_heads_one_block() -> None:
    text = fold(
        "Candidate background\n- Speaks no Japanese yet\n\n"
        "Role facts shared with candidate\n- Japanese: not required for this role\n"
    )
    [(start, end)] = candidate_parts(text)
    assert "not required" not in text[start:end]


@pytest.mark.parametrize(
    "text",
    [
        # a posting's own headings over what the role asks
        "The Candidate\n- 5+ years of Go\n- Business Japanese (JLPT N2)",
        "Candidate profile\n- 5+ years of Go\n- Business Japanese (JLPT N2)",
    ],
)
def test_a_postings_candidate_heading_is_the_role(text: str) -> None:
    assert extract(text).japanese_level == "N2"
