from typing import SupportsIndex

import pytest

from kyujin.core.extract import extract
from kyujin.core.facts.salary import parse_salary
from kyujin.core.text import fold

M = 1_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年収500万円～800万円", ("JPY", 5 * M, 8 * M, "annual", 5 * M, 8 * M)),
        ("月給30万〜50万円", ("JPY", 300_000, 500_000, "monthly", 3.6 * M, 6 * M)),
        ("年俸制700万円〜", ("JPY", 7 * M, None, "annual", 7 * M, None)),
        ("時給3,000円", ("JPY", 3000, None, "hourly", 6 * M, None)),
        ("¥8M–¥12M", ("JPY", 8 * M, 12 * M, "annual", 8 * M, 12 * M)),
        ("JPY 7,000,000 - 10,000,000", ("JPY", 7 * M, 10 * M, "annual", 7 * M, 10 * M)),
        ("7.5M-14M JPY", ("JPY", 7.5 * M, 14 * M, "annual", 7.5 * M, 14 * M)),
        ("up to ¥15M", ("JPY", None, 15 * M, "annual", None, 15 * M)),
        ("from 6,000,000 yen", ("JPY", 6 * M, None, "annual", 6 * M, None)),
        ("$120k-$150k", ("USD", 120_000, 150_000, "annual", 18 * M, 22.5 * M)),
        ("年収：５００万円～８００万円", ("JPY", 5 * M, 8 * M, "annual", 5 * M, 8 * M)),
        ("想定年収 550〜750万円", ("JPY", 5.5 * M, 7.5 * M, "annual", 5.5 * M, 7.5 * M)),
        ("月給35万円（想定年収500万円〜）", ("JPY", 5 * M, None, "annual", 5 * M, None)),
        ("賞与年2回、年収600万円", ("JPY", 6 * M, None, "annual", 6 * M, None)),
    ],
)
def test_formats(text: str, expected: tuple) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None
    got = (
        salary.currency,
        salary.min,
        salary.max,
        salary.period,
        salary.annual_min_jpy,
        salary.annual_max_jpy,
    )
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "資本金1億円",
        "2026年4月入社 従業員500名",
        "Series B, raised $20M",
        "交通費全額支給（上限5万円）",
    ],
)
def test_money_that_is_not_pay(text: str) -> None:
    assert parse_salary(fold(text)) is None


def test_span_points_at_the_amount() -> None:
    text = "給与：年収500万円～800万円（経験による）"
    salary = parse_salary(fold(text))
    assert salary is not None and text[salary.start : salary.end] == "500万円～800万円"


def test_rates_are_configurable() -> None:
    salary = parse_salary(fold("$100k-$120k"), rates={"JPY": 1.0, "USD": 100.0})
    assert salary is not None and salary.annual_min_jpy == 10 * M


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pay examples listed under a heading, or marked by a career stage after the amount
        (
            "給与\n月給30万円～45万円\n\n【年収例】\n520万円／入社3年目\n610万円／入社6年目",
            (300_000, 450_000),
        ),
        (
            "Salary\n月給35万円～50万円\n＜モデル年収＞\n650万円（入社4年目・リーダー）",
            (350_000, 500_000),
        ),
    ],
)
def test_examples_are_not_the_range(text: str, expected: tuple) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max) == expected


def test_a_relocation_grant_is_not_pay() -> None:
    assert parse_salary(fold("その他\n・移住支援金（県外から転居の場合、最大40万円）")) is None


@pytest.mark.parametrize(
    ("text", "period", "expected"),
    [
        # a freelance rate right under a line that mentions an hourly settlement
        (
            "清算：超過分は時間単価にて精算\n\n■報酬\n月単価65万〜80万円",
            "monthly",
            (650_000, 800_000),
        ),
        ("単価：55万円〜（経験により応相談）", "monthly", (550_000, None)),
        ("時間単価4,000円〜5,000円", "hourly", (4_000, 5_000)),
    ],
)
def test_freelance_rates(text: str, period: str, expected: tuple) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None and salary.period == period
    assert (salary.min, salary.max) == expected


def test_the_pay_field_beats_another_openings_range() -> None:
    text = (
        "【同時募集】\nテックリード（年収900万円〜1,200万円）も募集中です。\n\n"
        "■募集要項\n給与：年収600万円〜850万円\n勤務地：東京都"
    )
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max) == (6_000_000, 8_500_000)
    # the pay field does not beat an annual figure with a monthly one (想定年収 wins)
    text = "Salary: 月給35万円〜\n想定年収 450万円〜600万円"
    salary = parse_salary(fold(text))
    assert salary is not None and salary.period == "annual"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English as Japanese HR teams write it
        ("Monthly salary 280,000yen~ (based on skill)", (280_000, None, "monthly")),
        ("Salary: 450man~700man yen (yearly salary system)", (4_500_000, 7_000_000, "annual")),
        ("Hourly wage\n3,000yen / hour", (3_000, None, "hourly")),
        # an example of income is not the range; pay after a direct hire is not this role's
        (
            "Hourly rate: 4,500yen\n*Example of monthly income: 720,000 yen ~ 800,000 yen",
            (4_500, None, "hourly"),
        ),
        (
            "時給 / Hourly wage: 2,800円～3,300円\n※直接雇用後の想定年収：500万円～620万円",
            (2_800, 3_300, "hourly"),
        ),
    ],
)
def test_pay_in_japanese_hr_english(text: str, expected: tuple) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


def test_one_month_names_the_period() -> None:
    salary = parse_salary(fold("◆ きゅうりょう\n1か月 24万円"))
    assert salary is not None and (salary.min, salary.period) == (240_000, "monthly")


def test_probation_pay_is_not_the_range() -> None:
    text = "【給与】\n試用期間（2ヶ月）中：月給23万円\n本採用後：月給28万円〜36万円"
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max) == (280_000, 360_000)


def _range(text: str) -> tuple[float | None, float | None, str] | None:
    salary = extract(text).salary
    return (salary.min, salary.max, salary.period) if salary else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the advertised grade's row
        (
            "■等級と年収\n等級1：年収400万〜500万円\n等級2：年収500万〜650万円\n"
            "等級3：年収650万〜800万円\n募集等級は等級2です。",
            (5e6, 6.5e6, "annual"),
        ),
        (
            "Pay bands\n- L3: ¥7M – ¥9M\n- L4: ¥9M – ¥11.5M\n- L5: ¥11.5M – ¥14M\n"
            "We are hiring at L5 for this team.",
            (11.5e6, 14e6, "annual"),
        ),
        (
            "| Grade | Pay |\n| G2 | 450万〜600万円 |\n| G3 | 600万〜750万円 |\n"
            "※G3で採用予定です（G2からのスタートもあり得ます）",
            (6e6, 7.5e6, "annual"),
        ),
        (
            "Compensation bands\n- P2: EUR 55,000 – 70,000 per year\n"
            "- P3: EUR 70,000 – 90,000 per year\nThis role is hired at P3.",
            (70000, 90000, "annual"),
        ),
        # every grade open: the whole table
        (
            "月給\n・ジュニア：25万〜32万円\n・ミドル：32万〜42万円\n・シニア：42万〜55万円\n"
            "すべてのレベルで募集しています。",
            (250000, 550000, "monthly"),
        ),
        (
            "Salary by level\nJunior: ¥4M-¥5.5M\nSenior: ¥5.5M-¥8M\nWe hire at all levels.",
            (4e6, 8e6, "annual"),
        ),
        # the grades the title opens, on one line or several: their range
        (
            "【ポジション】バックエンドエンジニア（ミドル／シニア）\n\n【想定年収】\n"
            "ミドル\u3000600〜800万円\nシニア\u3000800〜1,100万円\n"
            "※経験・スキルに応じてグレードを決定します",
            (6e6, 11e6, "annual"),
        ),
        (
            "Backend Engineer — Middle / Senior\n\nExpected salary\n"
            "Middle: ¥6M–¥8M / Senior: ¥8M–¥11.5M",
            (6e6, 11.5e6, "annual"),
        ),
        ("Senior Backend Engineer\n\nJunior: ¥4M-¥5.5M\nSenior: ¥5.5M-¥8M", (5.5e6, 8e6, "annual")),
        # a senior engineer further down is not the opening's grade
        (
            "About us\nシニアエンジニアがサポートします\n月給\n"
            "・ジュニア：25万〜32万円\n・シニア：42万〜55万円",
            (250000, 320000, "monthly"),
        ),
        # a table with no grade named: the first amount, as before
        (
            "給与\nG1：年収350万〜450万円\nG2：年収450万〜600万円\n入社後の評価でG2への昇格あり",
            (3.5e6, 4.5e6, "annual"),
        ),
    ],
)
def test_pay_tables_by_grade(text: str, expected: tuple[float | None, float | None, str]) -> None:
    assert _range(text) == expected


# Amounts written the old way, in kanji numerals (letters of older firms, public bodies);
# or with the unit before the figures, or in brackets after them (forms whose unit column
# sits apart from the figure column).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【給与】年収三百八十万円～五百二十万円", (3.8 * M, 5.2 * M, "annual")),
        ("月給　二十八万円以上（経験による）", (280_000, None, "monthly")),
        ("年俸 一千二百万円まで", (None, 12 * M, "annual")),
        ("給与：年収四五〇万円～六〇〇万円", (4.5 * M, 6 * M, "annual")),
        ("Yearly pay (年収): 万円 450 - 700", (4.5 * M, 7 * M, "annual")),
        ("月給：万円 25~32", (250_000, 320_000, "monthly")),
        ("想定年収：550〜720（万円）", (5.5 * M, 7.2 * M, "annual")),
        ("Monthly / 月給: 30-45 (万円)", (300_000, 450_000, "monthly")),
    ],
)
def test_amounts_in_kanji_or_with_the_unit_apart(
    text: str, expected: tuple[float | None, float | None, str]
) -> None:
    folded = fold(text)
    salary = parse_salary(folded)
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == expected
    assert salary.start is not None and salary.end is not None
    span = text[salary.start : salary.end]
    # the span lies on the amounts as written, not on a rewritten copy
    assert span[0] in "0123456789０１２３４５６７８９一二三四五六七八九千万" and span[-1] != " "


def test_kanji_numerals_that_are_not_pay() -> None:
    # place names and words with numeral kanji, a capital in kanji beside pay in digits
    text = "勤務地：千代田区九段下。資本金：五千万円。年収四百万円～五百万円。"
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max) == (4 * M, 5 * M)
    assert parse_salary(fold("百貨店向けシステム。一人ひとりが主役です。")) is None


# Amounts in English words, as people say them in conversations, letters and transcripts.
@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        (
            "Salary: between nine and thirteen million yen a year.",
            (9 * M, 13 * M, "annual"),
            "nine and thirteen million yen",
        ),
        ("Pay is around eight million yen.", (8 * M, None, "annual"), "eight million yen"),
        ("Salary: Ten to Twelve Million JPY", (10 * M, 12 * M, "annual"), None),
        ("Compensation: eight-twelve million yen", (8 * M, 12 * M, "annual"), None),
        ("Monthly salary: four hundred thousand yen", (400_000, None, "monthly"), None),
        (
            "Salary: three hundred and fifty thousand to four hundred and fifty thousand yen "
            "per month",
            (350_000, 450_000, "monthly"),
            None,
        ),
        ("Salary: twenty-five million yen", (25 * M, None, "annual"), None),
        ("年収 seven million yen 以上", (7 * M, None, "annual"), None),
    ],
)
def test_amounts_in_english_words(
    text: str, expected: tuple[float | None, float | None, str], span: str | None
) -> None:
    salary = extract(text).salary
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == expected
    assert salary.start is not None and salary.end is not None
    written = text[salary.start : salary.end]
    assert written[0].isalpha() and written.lower().split()[0] in text.lower()
    if span is not None:
        assert written == span


def test_number_words_that_are_not_pay() -> None:
    # counts of people or requests near a pay word, with the pay in figures
    text = "Salary: 8M yen. A team of nine engineers serves one million users."
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == (8 * M, None)
    assert extract("We serve nine million users and one thousand shops.").salary is None
    # "one" as a pronoun or an article-like word is no amount
    assert extract("Salary: one of the best in the industry.").salary is None


# Pay of other roles beside this role's: given for comparison or reference, or said of
# openings advertised separately; a section of reference figures "other than this position".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pay\nHourly rate: JPY 4,000 – 5,500 depending on skills.\nBy comparison, our "
            "full-time developers earn JPY 7M – 10M a year; those positions are listed "
            "separately.",
            (4000, 5500, "hourly"),
        ),
        (
            "【給与】\n月給32万円〜45万円\n※ご参考までに、同部署の正社員の年収は550万円〜800万円です。",
            (320_000, 450_000, "monthly"),
        ),
        (
            "Rate: JPY 700,000 – 850,000 a month.\nFull-time engineer openings are advertised "
            "separately (JPY 9M–13M per year).",
            (700_000, 850_000, "monthly"),
        ),
        (
            "【報酬】月額60万円〜\n※正社員の募集は別途行っております（想定年収700万円〜）。",
            (600_000, None, "monthly"),
        ),
    ],
)
def test_other_roles_pay_beside_this_roles(
    text: str, expected: tuple[float | None, float | None, str]
) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == expected


def test_reference_pay_of_other_positions_is_not_this_roles() -> None:
    text = (
        "■ 給与\n当社規定により決定します。\n\n■ 参考（本ポジション以外の給与）\n"
        "・第二新卒採用：月給240,000円\n・アルバイト：時給1,300円〜\n\n■ 休日\n土日祝"
    )
    assert parse_salary(fold(text)) is None
    # a figure given only "for reference" is still the role's when it is the only one
    salary = parse_salary(fold("給与（参考）：年収500万円〜650万円"))
    assert salary is not None and (salary.min, salary.max) == (5 * M, 6.5 * M)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("💰 年収700〜（前職考慮）", (7 * M, None, "annual")),
        ("年収600〜900 | フルリモ", (6 * M, 9 * M, "annual")),
        ("月給35〜45（経験による）", (350_000, 450_000, "monthly")),
    ],
)
def test_pay_in_man_without_the_unit(
    text: str, expected: tuple[float | None, float | None, str]
) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


def test_bare_figures_after_other_words_are_not_pay() -> None:
    assert parse_salary(fold("年収アップ率120%、従業員300名")) is None
    assert parse_salary(fold("年収 2026年度より改定")) is None


# Pay that applies later, or only during training, beside the role's own; grade J3.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "・時給：2,600円〜3,000円\n\n■正社員切替後の条件（目安）\n・年収500万円〜600万円",
            (2600, 3000, "hourly"),
        ),
        (
            "Pay\n- During the 2-month training period: JPY 240,000 per month\n- After training: "
            "JPY 280,000 – 330,000 per month",
            (280_000, 330_000, "monthly"),
        ),
        ("【給与】\n研修中：月給23万円\n配属後：月給26万円〜32万円", (260_000, 320_000, "monthly")),
        (
            "【等級と年収】\n・J2：400万円〜500万円\n・J3：500万円〜650万円\n\n今回の募集はJ3です。",
            (5 * M, 6.5 * M, "annual"),
        ),
        (
            "Levels and pay\n- L3: JPY 6M – 7.5M\n- L4: JPY 7.5M – 9M\n\nThis opening is L4.",
            (7.5 * M, 9 * M, "annual"),
        ),
    ],
)
def test_later_and_training_pay_and_grades(
    text: str, expected: tuple[float | None, float | None, str]
) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay: ¥8,000,000/yr - ¥11,000,000/yr · Full-time", (8 * M, 11 * M, "annual")),
        (
            "給与\n時給 2,500円〜2,900円\n直接雇用後の想定年収\n480万円〜600万円",
            (2500, 2900, "hourly"),
        ),
        (
            "Grade ........... L4 (this requisition)\n| L3 | ¥6M–¥7.5M |\n| L4 | ¥7.5M–¥9.5M |",
            (7.5 * M, 9.5 * M, "annual"),
        ),
    ],
)
def test_ranges_labels_above_and_dotted_grade_fields(
    text: str, expected: tuple[float | None, float | None, str]
) -> None:
    salary = parse_salary(fold(text))
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


class _CountedText(str):
    """A text that adds up how many characters ``count`` looks through."""

    scanned = 0

    def count(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        first, last, _ = slice(start, end).indices(len(self))
        self.scanned += max(0, last - first)
        return super().count(sub, start, end)


def test_rows_of_a_grade_table_are_numbered_in_one_pass() -> None:
    # each row's line number was counted from the start of the text: 1 MB of rows took 18 s
    text = _CountedText(fold("G1 年収500万円\n" * 2_000))
    parse_salary(text)
    assert 0 < text.scanned <= len(text)


def test_ten_million_yen_written_with_sen_man() -> None:
    assert _range("【給与】年収 800万円 〜 1.2千万円") == (8e6, 12e6, "annual")
    assert _range("年収1千万円以上") == (1e7, None, "annual")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("We pay between ¥5,200,000 and ¥7,200,000 a year.", 5_200_000, 7_200_000),
        ("Salary: between 6M and 8M JPY", 6_000_000, 8_000_000),
        # "and" joins a range only after "between"
        ("Salary: ¥6M and a bonus of ¥1M", 6_000_000, None),
    ],
)
def test_a_range_said_between_and(text: str, low: int, high: int | None) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == (low, high)


def test_the_pay_field_beats_a_subject_line_summary() -> None:
    text = "件名：お仕事のご紹介（京都市・時給2,800円〜）\n\n■時給：2,800円〜3,500円"
    assert _range(text) == (2800, 3500, "hourly")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word on the next line is not the amount's period
        (
            "- Theoretical annual income: JPY 5,600,000 – 7,200,000\n"
            "  (monthly salary × 12 + standard bonus of 2 months)\n"
            "- Monthly salary: JPY 400,000 – 514,000",
            (5.6e6, 7.2e6, "annual"),
        ),
        # a long pay label is the amount's keyword
        (
            "Annual salary system (nenpo-sei): JPY 6,000,000 – 8,400,000\n"
            "Paid in 12 equal monthly instalments (JPY 500,000 – 700,000 per month).",
            (6e6, 8.4e6, "annual"),
        ),
        # a grade row marked as the opening's
        (
            "Pay grades (annual salary)\n- S2: JPY 5.4M – 7.2M\n- S3: JPY 7.2M – 9.6M  <- this "
            "position\n- S4: JPY 9.6M – 12.6M",
            (7.2e6, 9.6e6, "annual"),
        ),
        (
            "■等級別年収\nG2：450万〜600万円\nG3：600万〜750万円 ← 今回の募集\nG4：750万〜900万円",
            (6e6, 7.5e6, "annual"),
        ),
    ],
)
def test_amounts_beside_other_amounts(
    text: str, expected: tuple[float | None, float | None, str]
) -> None:
    assert _range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the hire's budget, in a hiring manager's note, is the role's range
        (
            "Rachel, here's the JD for the Japan hire. Budget is USD 120,000–150,000 per year "
            "depending on seniority.",
            (120_000, 150_000, "annual"),
        ),
        ("Hiring budget: ¥9M–¥12M.", (9e6, 12e6, "annual")),
        # a benefit's budget is not
        ("Perks\n- Learning budget is ¥300,000 per year.\n- Free coffee", None),
        ("We offer a generous book and conference budget of ¥200,000 a year.", None),
    ],
)
def test_a_budget_for_the_hire_is_pay_a_benefits_is_not(
    text: str, expected: tuple[float, float, str] | None
) -> None:
    assert _range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a matching service's card: the client's rate, the engineer's pay, a conversion
        (
            "▼報酬\nクライアント契約単価：90万円／月\nあなたへのお支払い：76万円／月"
            "（年収換算 約912万円）\n※当社マージン：約15.5%",
            (760_000, None, "monthly"),
        ),
        ("報酬：76万円／月", (760_000, None, "monthly")),
        ("時給3,000円（月収換算 約48万円）", (3_000, None, "hourly")),
    ],
)
def test_the_engineers_pay_not_the_clients_rate_or_a_conversion(
    text: str, expected: tuple[float, float | None, str]
) -> None:
    assert _range(text) == expected


def test_a_range_of_grades_named_as_the_hire() -> None:
    text = (
        "■グレードと月給\nS1（メンバー）：月給26万円〜30万円\nS2（メンバー）：月給30万円〜38万円\n"
        "S3（サブリーダー）：月給38万円〜48万円\nS4（リーダー）：月給48万円〜\n\n"
        "■募集ポジション\nサーバーサイドエンジニア（グレードS2〜S3での採用を想定）\n"
    )
    assert _range(text) == (300_000, 480_000, "monthly")


def test_a_hello_work_forms_base_pay_not_its_pay_with_allowances() -> None:
    text = (
        "賃金（a＋b）\t240,000円〜320,000円\n基本給（a）\t220,000円〜300,000円\n"
        "定額的に支払われる手当（b）\t資格手当 20,000円\n"
    )
    assert _range(text) == (220_000, 300_000, "monthly")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("💰 月80万〜（スキル・稼働日数により相談）", (800_000, None, "monthly")),
        ("単価は月70〜90万円です", (700_000, 900_000, "monthly")),
        ("💰 800〜1000万", (8_000_000, 10_000_000, "annual")),
    ],
)
def test_a_casual_posts_pay(text: str, expected: tuple[float, float | None, str]) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


def test_a_month_named_as_a_date_is_no_pay_period() -> None:
    assert extract("5月入社、80万").salary is None


def test_current_is_not_rent() -> None:
    salary = extract("The current band is $130k–170k USD base.").salary
    assert salary is not None and salary.min == 130_000
    assert extract("Rent support: ¥30,000 a month").salary is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "「前職では年収1,100万円の管理職でしたが、手を動かしたくて独立しました」（業務委託・"
            "テックリード）\n\n【報酬】月額60万円〜80万円（稼働140〜180時間／月）",
            (600_000, 800_000, "monthly"),
        ),
        (
            "「東京のWeb系企業で8年働いて、札幌へ移住しました。入社時の提示年収は前職と同じ"
            "560万円でした」（開発部・Aさん）\n\n【給与】経験・能力を考慮の上、当社規定により決定",
            None,
        ),
        (
            '"I joined from Berlin three years ago; my salary went up by ¥2M." (SRE)\n'
            "- Annual base salary: ¥10,000,000–¥14,000,000",
            (10_000_000, 14_000_000, "annual"),
        ),
        # a product's name in brackets is no speech
        ("「ハタケログ」の開発。年収500万〜700万円", (5_000_000, 7_000_000, "annual")),
    ],
)
def test_an_interviewees_pay_is_not_the_roles(
    text: str, expected: tuple[float, float, str] | None
) -> None:
    salary = extract(text).salary
    got = None if salary is None else (salary.min, salary.max, salary.period)
    assert got == expected


def test_an_example_after_an_hourly_rate_sets_no_period() -> None:
    salary = extract("時給：2,800円（月収例：約47万円／月160時間勤務の場合）").salary
    assert salary is not None and (salary.min, salary.period) == (2800, "hourly")


def test_pay_words_in_kana() -> None:
    salary = extract(
        "【きゅうりょう】 つき 22まんえん から（けいけん に よって あがります）"
    ).salary
    assert salary is not None and (salary.min, salary.period) == (220_000, "monthly")


@pytest.mark.parametrize(
    "text",
    [
        # いま inside ございます, 今 in 今回: the role's own pay
        "ありがとうございます！年収は600〜900万円で、経験に応じて決めています。",
        "今回の年収は600〜900万円です",
    ],
)
def test_now_words_that_are_not_the_reader_s_own_pay(text: str) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == (6_000_000, 9_000_000)


@pytest.mark.parametrize(
    "text",
    [
        "Your salary: 6,000,000 - 9,000,000 JPY per year",
        "今なら年収600万円〜900万円スタート",
        "いま注目のAI業界！年収600万〜900万円",
    ],
)
def test_the_reader_s_pay_and_now_in_an_ad(text: str) -> None:
    salary = extract(text).salary
    assert salary is not None and salary.min == 6_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts of people and things after 万 are no pay, near a pay word or not
        ("月額980円のプランは会員数300万人を突破しました。", None),
        ("月額料金：500円。利用者は40万人、導入店舗は1,200店。", None),
        ("年間800万件の注文。月給35万円〜", (350_000, None, "monthly")),
        ("想定年収：600万〜800万円（会員数120万人のサービス）", (6 * M, 8 * M, "annual")),
        ("月給30万円〜（従業員500名）", (300_000, None, "monthly")),
    ],
)
def test_counts_of_people_and_things_are_not_pay(
    text: str, expected: tuple[float | None, float | None, str] | None
) -> None:
    salary = extract(text).salary
    got = None if salary is None else (salary.min, salary.max, salary.period)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range stating the same bound and adding the other refines an open one
        (
            "［正社員］［年収550万〜］\n給与：年収550万円〜880万円（経験により決定）",
            (5.5 * M, 8.8 * M),
        ),
        ("Salary: up to ¥12M\nCompensation: ¥8M – ¥12M depending on level", (8 * M, 12 * M)),
        # not a range with another bound, nor an example of pay
        ("年収600万円〜\n（参考）前職：年収500万円〜700万円", (6 * M, None)),
        ("年収600万円〜。モデル年収：600万〜1000万円", (6 * M, None)),
    ],
)
def test_a_range_that_refines_an_open_figure(
    text: str, expected: tuple[float | None, float | None]
) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 年間給与 / 年額 are annual; "（基本給）" after an amount labels it, not its period
        ("- 年間給与：USD 90,000〜120,000（基本給）＋RSU", (90000, 120000, "annual")),
        ("年額600万円", (6000000, None, "annual")),
        ("月給30万円（基本給25万円＋固定残業代）", (300000, None, "monthly")),
        ("基本給：25万円", (250000, None, "monthly")),
    ],
)
def test_annual_words_and_base_pay_label(text: str, expected: tuple) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side job's month, with 月額 / 報酬 beside it
        ("・報酬：月額10万円〜15万円（月40時間程度の稼働を想定）", (100000, 150000, "monthly")),
        ("・報酬：月額8万円（稼働は月20時間程度を想定）", (80000, None, "monthly")),
        # an allowance's monthly cap is still not pay
        ("時給3,000円\n交通費：別途支給（上限月5万円）", (3000, None, "hourly")),
    ],
)
def test_a_small_stated_month(text: str, expected: tuple) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


def test_a_small_month_without_a_pay_word_is_not_pay() -> None:
    assert extract("会員数は月10万人、月10万件の処理").salary is None


@pytest.mark.parametrize(
    "text",
    [
        "Q. 想定年収を教えてください。\nA. 520万円〜800万円です（月給×12ヶ月＋賞与の想定）。",
        "年収：520万円〜800万円（月給×12＋賞与）",
    ],
)
def test_the_formula_after_an_amount_is_not_its_period(text: str) -> None:
    salary = extract(text).salary
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == (5_200_000, 8_000_000, "annual")


@pytest.mark.parametrize(
    "later",
    [
        "*After direct employment: annual income 3.8 million yen ~ 4.8 million yen (planned)",
        "After being directly employed: annual income 3.8 million yen ~ 4.8 million yen",
    ],
)
def test_pay_after_direct_employment_is_a_later_job_s(later: str) -> None:
    salary = extract(f"Salary: Hourly wage 2,200 yen (during the dispatch period)\n{later}").salary
    assert salary is not None
    assert (salary.min, salary.period) == (2_200, "hourly")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how an annual amount is paid is not its period
        ("Annual salary: ¥7,000,000 – ¥10,000,000, paid monthly.", (7000000, "annual")),
        ("年俸720万円（12分割で毎月支給）", (7200000, "annual")),
        ("Salary: ¥300,000, paid monthly", (300000, "monthly")),
        # a product's price is no pay; a contractor's unit price is
        ("・予約商品（8,800円〜）のカート改善により、購入完了率が12%向上", None),
        ("Monthly unit price: 700K yen ~ 950K yen (tax excluded)", (700000, "monthly")),
    ],
)
def test_payment_schedules_and_prices(text: str, expected: tuple[int, str] | None) -> None:
    salary = extract(text).salary
    assert (None if salary is None else (salary.min, salary.period)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ECサイトの商品登録スタッフ／1,200円〜／時",
        "【価格.com】Webエンジニア 600万〜900万円",
        "チケット販売プラットフォームのSRE 600万〜900万円",
        "Dynamic price engine team – ¥8M to ¥12M",
        "Zendesk tickets / ¥4,500,000–¥6,000,000 per year",
    ],
)
def test_price_words_away_from_the_amount_leave_the_pay(text: str) -> None:
    assert extract(text).salary is not None


def test_a_ticket_s_price_is_no_pay() -> None:
    assert extract("Tickets from ¥3,500").salary is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 上限 opening the pay is its top; a cap of another amount is not pay
        ("■給与\n上限1,000万円（経験・スキルを考慮し決定）", (None, 10000000)),
        ("年収上限1,000万円", (None, 10000000)),
        ("・報酬：時給5,000円（月額上限40万円）", (5000, None)),
        ("交通費：月額上限3万円", None),
    ],
)
def test_a_cap_of_the_pay_and_of_other_amounts(
    text: str, expected: tuple[int | None, int | None] | None
) -> None:
    salary = extract(text).salary
    assert (None if salary is None else (salary.min, salary.max)) == expected
