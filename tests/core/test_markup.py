"""Markup taken out before reading, with every span mapped back into the text as given."""

import random

import pytest

from kyujin.core.extract import extract
from kyujin.core.markup import strip_markup


@pytest.mark.parametrize(
    "text",
    [
        "Requirements\n- 3+ years with Go\n- PostgreSQL",
        "【必須】Go言語での開発経験3年以上 / 年収600万〜900万円",
        "R&D team; C++ * 2 services",  # no entity, no emphasis pair
        "Company: <ORGANIZATION> <ORGANIZATION> in <LOCATION>",  # SkillSpan's placeholders
        "東京 大阪 名古屋 の オフィス",  # a few spaces: not a text written spaced throughout
    ],
)
def test_text_without_markup_is_read_as_it_is(text: str) -> None:
    assert strip_markup(text) is None


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Pay: &yen;4,500&ndash;&yen;6,000 per hour", "Pay: ¥4,500–¥6,000 per hour"),
        ("<ul><li>Go</li><li>Kafka &amp; Redis</li></ul>", "\n\nGo\n\nKafka & Redis\n\n"),
        ("<p>Remote <b>OK</b><br/>Tokyo</p>", "\nRemote OK\nTokyo\n"),
        ("- 実務経験 **6ヶ月以上**", "- 実務経験 6ヶ月以上"),
        ("> *Salary*: ¥8M\n> *Visa*: no", "Salary: ¥8M\nVisa: no"),
        ("* a bullet, not *emphasis* here", "* a bullet, not emphasis here"),
        (
            "きょう は あさ から オフィス に いきます。 あした は いえ で しごと を します。",
            "きょうはあさからオフィスにいきます。 あしたはいえでしごとをします。",
        ),
    ],
)
def test_markup_is_taken_out(text: str, clean: str) -> None:
    cleaned = strip_markup(text)
    assert cleaned is not None
    assert cleaned.text == clean


def test_every_kept_character_maps_back_to_itself() -> None:
    text = "<h2>REQUIREMENTS</h2>\n> **3+ years** of Go &amp; SQL &#x2014; *Tokyo*"
    cleaned = strip_markup(text)
    assert cleaned is not None
    for i, char in enumerate(cleaned.text):
        source = cleaned.start(i)
        if text[source] == char:
            continue
        # a replacement: the character stands for markup starting there
        assert text[source] in "<&"
    # the closing star is markup: the text read ends at the "o" of Tokyo
    assert cleaned.end(len(cleaned.text)) == len(text) - 1


def test_spans_point_into_the_text_as_given() -> None:
    text = (
        "<h2>REQUIREMENTS</h2><ul><li>At least **3 years** of backend development</li>"
        "<li>Python &amp; PostgreSQL</li></ul>"
        "<p>Pay: &yen;4,500&ndash;&yen;6,000 per hour<br>Location: Yokohama, Kanagawa</p>"
    )
    facts = extract(text)
    assert facts.min_years_experience == 3
    assert facts.salary is not None
    assert (facts.salary.min, facts.salary.max, facts.salary.period) == (4500, 6000, "hourly")
    assert facts.salary.start is not None and facts.salary.end is not None
    assert text[facts.salary.start : facts.salary.end].startswith("&yen;4,500")
    assert facts.location is not None and facts.location.city == "Yokohama"
    skills = {m.skill: m for m in facts.skills}
    assert {"Python", "PostgreSQL"} <= set(skills)
    for m in facts.skills:
        assert text[m.start : m.end] == m.surface
    assert skills["Python"].requirement == "required"
    for span in facts.spans.values():
        assert 0 <= span.start <= span.end <= len(text)


def test_spaced_japanese_is_read_as_words() -> None:
    text = (
        "🏠 リモート：フルリモート です。会社 に オフィス は ありません。\n"
        "🛂 ビザ：日本 に すんでいて、働ける ビザ を もっている人 だけ です"
        "（ビザ の サポート は ありません）\n"
        "💻 しごと：ウェブ の サーバー の プログラム を つくります（Python）"
    )
    facts = extract(text)
    assert facts.remote == "full"
    assert facts.visa_sponsorship is False
    assert facts.location is None
    assert [m.surface for m in facts.skills] == ["Python"]


def test_random_markup_never_breaks_the_spans() -> None:
    rng = random.Random(7)
    pieces = [
        "<p>", "</li>", "<br>", "&amp;", "&yen;", "&#12354;", "**", "*", "__", "> ", "\n",
        " ", "Go", "Python", "経験", "3年以上", "年収600万円", "東京都港区", "remote", "の ",
    ]  # fmt: skip
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        facts = extract(text)
        for m in facts.skills:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.surface
        for span in facts.spans.values():
            assert 0 <= span.start <= span.end <= len(text)
        if facts.salary is not None and facts.salary.start is not None:
            assert facts.salary.end is not None
            assert 0 <= facts.salary.start <= facts.salary.end <= len(text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("🚀 W E   A R E   H I R I N G 🚀", "🚀 WE ARE HIRING 🚀"),
        (
            "Backend Engineer — K o t l i n  /  Spring Boot",
            "Backend Engineer — Kotlin  /  Spring Boot",
        ),
        ("✅ M u s t - h a v e s\n• J a v a", "✅ Must-haves\n• Java"),
        ("➕ N i c e   t o   h a v e", "➕ Nice to have"),
        ("【募 集 要 項】", "【募集要項】"),
    ],
)
def test_letters_spaced_out_for_show_are_read_as_words(text: str, read: str) -> None:
    cleaned = strip_markup(text)
    assert cleaned is not None and cleaned.text == read
    # spans map back: the word's first and last letters
    word = read.split()[1] if read.startswith("🚀") else read.split()[-1]
    start = cleaned.start(read.index(word))
    assert text[start] == word[0]


@pytest.mark.parametrize("text", ["A B testing, plan A or B", "x y-axis", "I am a dev", "Go, C, R"])
def test_ordinary_single_letters_are_left(text: str) -> None:
    assert strip_markup(text) is None


def test_spaced_headings_mark_their_lists() -> None:
    text = (
        "✅ M u s t - h a v e s\n• 3+ years of K o t l i n\n\n➕ N i c e   t o   h a v e\n"
        "• Kubernetes\n• Japanese at conversational level\n\n🗣 Language\n"
        "English is our working language (business level required). Japanese is a plus."
    )
    facts = extract(text)
    assert {(m.skill, m.requirement) for m in facts.skills} >= {
        ("Kotlin", "required"),
        ("Kubernetes", "preferred"),
    }
    assert (facts.japanese_level, facts.english_level) == ("none", "business")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a PDF page's footer inside a figure
        (
            "Base salary JPY 12,000,000 – 18,\nORIGAMI QUANT K.K. | Confidential | Page 2 of 3\n"
            "000,000 depending on level",
            "Base salary JPY 12,000,000 – 18,000,000 depending on level",
        ),
        (
            "株式会社アオバデータ\u3000募集要項\u3000\u3000\u3000\u3000\u3000P.1\n■ポジション",
            "■ポジション",
        ),
        (
            "x\nKESSLER K.K. — Job Description — Confidential                    2/3\nhigher)",
            "x\nhigher)",
        ),
        # figures and words broken over lines
        ("【給与】年収600\n万円〜850万円", "【給与】年収600万円〜850万円"),
        ("年収480万円〜\n720万円", "年収480万円〜720万円"),
        ("【歓迎】Kuber-\nnetes、Terra-\nform", "【歓迎】Kubernetes、Terraform"),
    ],
)
def test_pdf_page_lines_and_broken_figures_are_repaired(text: str, read: str) -> None:
    cleaned = strip_markup(text)
    assert cleaned is not None and cleaned.text == read


@pytest.mark.parametrize("text", ["出社：週1/3\n- a", "Version 2/3 of the API", "- Go\n- Rust\n"])
def test_ordinary_fractions_and_lists_are_left(text: str) -> None:
    assert strip_markup(text) is None


def test_a_letterhead_on_every_page_is_not_the_workplace() -> None:
    head = (
        "株式会社スタッフィアリンクス　横浜支店　〒220-0012 神奈川県横浜市西区みなとみらい3-3-1"
        "　TEL 045-000-1234"
    )
    text = (
        f"{head}\n【時給】2,800円〜3,300円\n{head}\n"
        f"【就業先】神奈川県川崎市幸区堀川町（JR川崎駅西口 徒歩5分）\n{head}\n"
    )
    facts = extract(text)
    assert facts.location is not None and facts.location.city == "Kawasaki"
    assert facts.salary is not None and facts.salary.min == 2_800
    # spans still point into the text as given
    assert facts.salary.start is not None and text[facts.salary.start :].startswith("2,800")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("必　須　条　件\n　　ＰＨＰの経験", "必須条件\n　　ＰＨＰの経験"),
        ("　　Ｌ　ａ　ｒ　ａ　ｖ　ｅ　ｌ　の使用経験", "　　Ｌａｒａｖｅｌ　の使用経験"),
        ("勤　務　地　　兵庫県神戸市", "勤務地　　兵庫県神戸市"),
    ],
)
def test_letters_spaced_with_ideographic_spaces(text: str, read: str) -> None:
    cleaned = strip_markup(text)
    assert cleaned is not None and cleaned.text == read


def test_a_form_padded_with_ideographic_spaces_is_left() -> None:
    assert strip_markup("給　　　与　　月給２５万円") is None
