"""Bilingual postings: where the halves disagree, the Japanese half governs."""

import pytest

from kyujin.core.bilingual import japanese_view
from kyujin.core.extract import extract
from kyujin.core.text import fold

ENGLISH_FIRST = (
    "[English]\n"
    "We build logistics software in Osaka.\n"
    "Requirements\n"
    "- 3+ years of backend development\n"
    "- Japanese: basic conversation is enough\n"
    "Salary: JPY 6,000,000 - 8,000,000 per year\n"
    "Work style: fully remote within Japan\n"
    "Office: Kita-ku, Osaka\n"
    "\n"
    "[日本語]\n"
    "大阪で物流ソフトウェアを開発しています。\n"
    "＜必須要件＞\n"
    "・バックエンド開発経験3年以上\n"
    "・日本語：ビジネスレベル（顧客との打ち合わせがあります）\n"
    "給与：年収650万円〜850万円\n"
    "勤務形態：ハイブリッド（週2日出社）\n"
    "勤務地：大阪府大阪市北区\n"
)


def test_the_view_blanks_english_parts_and_keeps_offsets() -> None:
    folded = fold(ENGLISH_FIRST)
    view = japanese_view(folded)
    assert view is not None
    assert len(view) == len(folded)
    assert "logistics software" not in view and "fully remote" not in view
    assert "年収650万円~850万円" in view
    # a one-line pair keeps its Japanese part: "Annual salary / 給与"
    paired = japanese_view(fold("Annual salary / 給与\n" + ENGLISH_FIRST))
    assert paired is not None and paired.startswith(" " * 13 + " / 給与")


def test_a_japanese_or_english_posting_has_no_view() -> None:
    assert (
        japanese_view(fold("【必須】Go経験3年以上\n年収600万〜900万円\n勤務地：東京都港区")) is None
    )
    assert japanese_view(fold("Requirements\n- 3+ years of Go\nSalary: ¥8M\nRemote OK")) is None


def test_where_the_halves_disagree_the_japanese_half_governs() -> None:
    facts = extract(ENGLISH_FIRST)
    assert facts.japanese_level == "N2"
    assert facts.salary is not None and (facts.salary.min, facts.salary.max) == (6.5e6, 8.5e6)
    assert facts.remote == "hybrid"
    span = facts.spans["remote"]
    assert ENGLISH_FIRST[span.start : span.end].startswith("ハイブリッド")
    # where they agree, nothing changes
    assert facts.min_years_experience == 3
    assert facts.location is not None and facts.location.city == "Osaka"


def test_a_fact_only_the_english_half_states_stays() -> None:
    text = ENGLISH_FIRST.replace("給与：年収650万円〜850万円\n", "").replace(
        "・日本語：ビジネスレベル（顧客との打ち合わせがあります）\n", ""
    )
    facts = extract(text)
    assert facts.salary is not None and facts.salary.min == 6e6
    assert facts.japanese_level == "N3"  # "basic conversation", the English half's


def test_a_less_precise_japanese_place_does_not_replace_the_english_one() -> None:
    text = ENGLISH_FIRST.replace("勤務地：大阪府大阪市北区", "勤務地：大阪府内")
    facts = extract(text)
    assert facts.location is not None and facts.location.city == "Osaka"


def test_a_fragment_without_japanese_words_does_not_govern() -> None:
    text = (
        "Our team is half Japanese, half international; both languages are used daily.\n"
        "■ Requirements / 必須\n"
        "- 3+ years of backend development / バックエンド開発経験3年以上\n"
        "- Japanese: business level (JLPT N2 or above), specs are written in Japanese\n"
        "■ Preferred / 歓迎\n"
        "- JLPT N1\n"
        "- Experience with game servers / ゲームサーバーの開発経験\n"
    )
    assert extract(text).japanese_level == "N2"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("語学：日本語は不要、英語はビジネスレベル必須", "english_level", "business"),
        ("Languages: Japanese is not required, English: business level", "english_level",
         "business"),
        ("社内のドキュメントは日本語と英語の両方で書いています。", "japanese_level", None),
        ("英語の技術資料（RFC等）を読んで理解できる方", "english_level", "basic"),
        ("【ビザ】ビザのスポンサーは行いません", "visa_sponsorship", False),
        ("※現場によりリモート可の案件もありますが、本件は毎日客先へ出社です。", "remote", "onsite"),
        ("フルリモートです。オフィスに来る必要はありません。", "remote", "full"),
    ],
)  # fmt: skip
def test_japanese_phrasings_the_halves_showed(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_an_agency_address_in_a_japanese_introduction_is_not_the_workplace() -> None:
    text = (
        "株式会社サンプルキャリア（東京都新宿区）よりご紹介\n"
        "以下、クライアント企業の求人票（英文）をそのまま掲載しています。\n\n"
        "Conditions\n- Location: Azabudai, Minato-ku, Tokyo\n- Hybrid: 3 days per week\n"
    )
    facts = extract(text)
    assert facts.location is not None
    assert (facts.location.prefecture, facts.location.city) == ("Tokyo", "Minato")
    # a Japanese half that states the workplace still governs
    stated = extract(
        ENGLISH_FIRST.replace("勤務地：大阪府大阪市北区", "勤務地：京都府京都市下京区")
    )
    assert stated.location is not None and stated.location.city == "Kyoto"


def test_an_english_summary_under_its_heading_is_the_english_half() -> None:
    text = (
        "## 採用情報\nチュウブセンシングでは、サーバーサイドエンジニアを募集しています。\n\n"
        "- 正社員\n"
        "- 勤務地：名古屋市中区（栄）\n- 原則出社（工場の実機を触ることが多いため）\n"
        "- 年収600〜850万円\n\n### English summary\nChubu Sensing is hiring a server-side "
        "engineer in Nagoya (Naka-ku). Full-time, hybrid work, ¥6M–8.5M.\n"
    )
    assert extract(text).remote == "onsite"
