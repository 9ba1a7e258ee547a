"""Salary: 年収500万円～800万円, 月給30万〜50万円, 時給3,000円, ¥8M–¥12M, $120k-$150k, ...

Works on folded text (full-width digits and ～/〜 already folded to ASCII). Every money
range found is a candidate; implausible amounts and money that is not pay (資本金, revenue,
bonus, allowances) are dropped; the candidate with an explicit pay keyword wins, annual
before monthly before hourly when a posting states several (月給 and 想定年収).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kyujin.core.facts.grades import ALL_GRADES, GRADE, advertised, titled_grades
from kyujin.core.model import Period, Salary
from kyujin.core.prefilter import prefiltered
from kyujin.core.roles import (
    paragraph_heading,
    quoted_speech,
    said_of_others,
    sentence_around,
)
from kyujin.core.triggers import Triggers, finditer_in, search_in

# JPY per unit. A fixed table keeps results reproducible; callers pass their own rates.
DEFAULT_RATES: Mapping[str, float] = {"JPY": 1.0, "USD": 150.0, "EUR": 160.0, "GBP": 190.0}
HOURS_PER_YEAR = 2000  # 8 hours x 250 working days, the usual 時給 -> 年収 conversion
MONTHS_PER_YEAR = 12

_FACTORS: Mapping[str, int] = {"annual": 1, "monthly": MONTHS_PER_YEAR, "hourly": HOURS_PER_YEAR}


def annual_jpy(
    amount: float, currency: str, period: Period, *, rates: Mapping[str, float] = DEFAULT_RATES
) -> int | None:
    """``amount`` per ``period`` in ``currency`` as yen a year; None for an unknown currency."""
    rate = rates.get(currency.upper())
    return None if rate is None else round(amount * rate * _FACTORS[period])


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "man" is 万 in romaji, as Japanese HR English writes it ("400man~600man yen")
_MULT = r"億|千万|百万|万|千|million|mil|mn|man|m|k|thousand"
_CUR_PRE = r"¥|\$|€|£|jpy|usd|eur|gbp|us\$"
_CUR_POST = r"円|yen|jpy|usd|eur|gbp|dollars?|euros?|pounds?"
_COUNTER = r"[人件台回社店部個枚戸名]"


def _amount(p: str) -> str:
    return (
        # a currency word may follow the figure without a space: "350,000yen"
        rf"(?:(?P<{p}cur>{_CUR_PRE})\s?)?(?P<{p}num>{_NUM})"
        # not a count of people or things: 会員数300万人, 年間800万件, 1,800台, 500名
        rf"(?!\s?(?:億|千万|百万|万|千)?{_COUNTER})"
        rf"\s?(?P<{p}mult>{_MULT})?"
        rf"(?!(?!{_CUR_POST})[a-z])"
        rf"\s?(?P<{p}curpost>{_CUR_POST})?(?![a-z])"
        # a period after the first amount of a range: "¥9,000,000/yr - ¥13,000,000/yr"
        + (
            r"(?:\s?/\s?(?:yr|year|annum|mo|month|hr|hour)\b(?=\s?(?:~|-|to|から|－)))?"
            if p == "a"
            else ""
        )
    )


_SEP = r"\s?(?:~|-|to|から|－)\s?"
# Every match of _RANGE starts with a space, a digit, a currency sign or the first letter of
# one of its words; the lookahead rejects other positions before trying the alternatives.
_RANGE_FIRST = r"(?=[\s\dumfsjegb最上〜~¥$€£])"
_RANGE = re.compile(
    _RANGE_FIRST
    # (上限 after a pay word or opening its line or field: not 月額上限 beside an hourly rate)
    + r"(?:(?P<upto>up to|max(?:imum)?|最大|〜|~"
    r"|(?:(?<=年収)|(?<=給与)|(?<=報酬)|(?<=年俸)|(?<=[\n:：\s]))上限)"
    r"|(?P<from>from|starting (?:at|from)|min(?:imum)?"
    r"|最低)|(?P<between>between))?\s?"
    + _amount("a")
    # "between ¥5.2M and ¥7.2M": "and" joins a range only after "between"
    + rf"(?:(?:{_SEP}|(?(between)\s?and\s?|(?!)))"
    + _amount("b")
    + r")?(?P<open>\s?(?:以上|~(?!\s?\d)|\+|or more|and up)|\s?(?:以下|まで))?",
)
_KEYWORDS: list[tuple[re.Pattern[str], Period | None]] = [
    (
        re.compile(
            r"想定年収|年収|年俸|年間(?:給与|給料|報酬|収入)|年額|annual(?:ly)?|per (?:year|annum)"
            r"|/\s?(?:year|yr|annum)|p\.a\.|a year|yearly"
        ),
        "annual",
    ),
    (
        prefiltered(
            # (not "（基本給）" after an amount, "base pay" as a label: "USD 90,000〜
            # 120,000（基本給）")
            r"月給|月収|月額|月例給|基本給(?![)）])|月単価|(?<!時間)単価|(?<!\d)1\s?(?:か|ヶ|カ|ケ)月"
            r"|per month|/\s?(?:month|mo)\b|monthly|a month|/\s?月(?![給収額])"
            # "月80万〜", "月50〜70万円": the month written just before the amount
            r"|(?<![\d年])月\s?$"
        ),
        "monthly",
    ),
    (re.compile(r"時給|時間単価|per hour|/\s?(?:hour|hr|h)\b|hourly|an hour"), "hourly"),
    (
        re.compile(
            r"給与|給料|報酬|賃金|salary|compensation|pay\b|package|base"
            # what a matching service pays the engineer: "あなたへのお支払い：76万円／月"
            r"|お支払い(?:額|金額)?|支払(?:い)?(?:額|金額)"
            # a casual post's pay line: "💰 800〜1000万"
            r"|💰"
            # the hire's budget, not a benefit's ("learning budget"): "Budget is USD 120,000–
            # 150,000 per year", "hiring budget: ¥9M"
            r"|(?:(?<=\n)|(?<=[.!?:—] ))budget(?: for (?:this|the) (?:role|position|hire))?"
            r"(?= is\b|\s?[:：])|(?:hiring|headcount) budget"
        ),
        None,
    ),
]
# Money that is not the role's pay: company capital, revenue, funding, bonus, allowances.
_NOT_PAY = prefiltered(
    r"資本金|売上|売上高|調達|手当|賞与|ボーナス|交通費|退職金|インセンティブ|福利|補助|支給"
    # a cap of something else ("月額上限3万円"), not of the pay: 上限 right after a pay word
    # or a heading (■給与\n上限1,000万円) is the pay's top
    r"|(?<!給与)(?<!年収)(?<!報酬)(?<![\n：:])上限"
    r"|支援金|一時金|祝い金|祝金|報奨金|奨励金|引越|引っ越|転居|費用|家賃|住宅"
    # a conversion of the stated pay, not pay of its own: "76万円／月（年収換算 約912万円）"
    r"|換算|annuali[sz]ed"
    # a ハローワーク form's 賃金（a＋b）, base pay with the fixed allowances; the form gives
    # 基本給（a） on the next line
    r"|賃金\s?[(（]\s?a\s?[+＋]\s?b\s?[)）]"
    # the client's rate beside the engineer's pay: "クライアント契約単価：90万円／月"
    # (with what follows the word, so that it ends after 単価, the pay word it holds)
    r"|(?:クライアント|顧客|エンド)(?:契約)?単価\s?[:：]?|請求単価\s?[:：]?"
    r"|client(?:'s)? (?:billing )?rate"
    r"|capital|revenue|funding|raised|series [a-e]|bonus|allowance|stipend|budget|valuation"
    r"|subsidy|reimburse|sign-on|signing|stock|(?<![a-z])rsus?(?![a-z])|equity|commute|relocation|moving"
    r"|(?<!after )training(?! period)(?!\s?[:：])"
    r"|housing|(?<![a-z])rent\b"
    # a product's or ticket's price just before the amount: "予約商品（8,800円〜）", "tickets
    # from ¥3,500" (not a contractor's "unit price", 単価, nor 税込/税抜, which pay is stated with;
    # nor a company or a system named earlier: 【価格.com】, 料金計算システム)
    r"|(?:商品|送料|チケット|(?<!unit )\bprices?|\btickets?)\s?(?:[(（:：]|from|は|が)?\s?[¥￥]?$"
)
# A figure about pay in general, not this role's: "the average engineer salary at X is 11M
# yen", 平均年収; the pay word inside does not make the amount after it this role's pay.
_STATISTIC = re.compile(
    r"(?:average|median|mean|typical)\b[^.\n]{0,30}?\b(?:salary|salaries|pay|compensation"
    r"|income|earnings)|平均(?:年収|給与|月収|月給)"
)
# Pay given as an example of a career in the company, not the range of this role.
_EXAMPLE = re.compile(
    r"年収例|給与例|収入例|月収例|モデル年収|年収モデル|モデルケース|入社\s?\d{1,2}\s?年目|年収事例"
    r"|(?:salary|pay|compensation|income) examples?|example (?:salary|pay|package)"
    r"|examples? of (?:monthly |annual |yearly )?(?:income|salary|pay)"
    # the reader's own pay, in a conversation or a scout: "いま大阪の会社で…年収550万くらい
    # です", "現年収620万", "I'm currently on 7.2M"
    # (いま as a word, not ございます; the speaker's own company: "いま大阪の会社で…年収550万")
    r"|現年収|現在の年収|今の年収|現職の年収"
    r"|(?:(?<![ぁ-ん])いま|今)(?:は)?[^。\n、]{0,10}?の?(?:会社|職場|勤務先)で[^。\n]{0,25}?(?:年収|月給)"
    r"|\bmy (?:current |present )?(?:salary|pay|base|compensation)"
    r"|\bi(?:['’]m| am) (?:currently )?(?:earning|paid|making|on)\b"
)
# Pay after a later change of employment, not the advertised role's: 紹介予定派遣's
# "直接雇用後の想定年収", "expected annual income after direct hire".
_LATER_PAY = re.compile(
    r"直接雇用後|正社員登用後|登用後|(?:正社員)?(?:切替|切り替え|転換|移行)後"
    r"|after (?:the )?(?:direct (?:hir(?:e|ing)|employment)|conversion"
    r"|becoming a (?:regular|permanent)|being directly (?:hired|employed)"
    r"|being (?:hired|employed) directly)"
    # probation pay before the role's own range: "試用期間（3ヶ月）中：月給25万円"
    r"|試用期間(?:[(（][^)）\n]{0,12}[)）])?中|during (?:the )?probation"
    # training pay before the role's own: "研修期間中：月給25万円", "During the training period"
    r"|研修(?:期間)?中|during (?:the )?(?:[\w-]+ )?training(?: period)?"
)
# Pay given for comparison or reference beside the role's own ("For comparison, permanent
# engineers earn…", "※参考：正社員の想定年収は…"): the role's own comes first.
_REFERENCE = re.compile(
    r"参考|比較(?!的)|for comparison|by comparison|in comparison|for reference|compared (?:with|to)"
)
_STATISTIC_REACH = 70  # characters from such a phrase to its amount
# An example's career stage right after its amount: "720万円（入社2年目）", "550万円／入社5年目".
_EXAMPLE_AFTER = re.compile(
    r"\s?[(（/／:：・]?\s?(?:入社\s?\d{1,2}\s?年目|\d{1,2}\s?年目|\d{2}\s?歳)"
)
_EXAMPLE_LINES = 3  # lines under an example heading (【年収例】) read as examples
_EXAMPLE_HEADING = 24  # characters: a longer line is content, not such a heading
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？]")
_MULTIPLIERS = {
    "億": 1e8,
    "千万": 1e7,  # 1.2千万円
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
    "million": 1e6,
    "mil": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
    "thousand": 1e3,
    "man": 1e4,
}
_CURRENCIES = {
    "¥": "JPY",
    "円": "JPY",
    "yen": "JPY",
    "jpy": "JPY",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
}
# Plausible pay in JPY per period; outside these a number is a year, a headcount or capital.
PLAUSIBLE_JPY: dict[Period, tuple[float, float]] = {
    "annual": (1_500_000, 100_000_000),
    "monthly": (120_000, 5_000_000),
    "hourly": (900, 30_000),
}
# With 月額 / 月給 / "per month" beside it, less a month is still pay: side jobs and
# part-time contracts (月額8万円, 月20時間程度).
_STATED_MONTHLY_FLOOR = 50_000
_MONTHLY_PAY_WORD = re.compile(r"月額|月給|月収|報酬|単価|per month|monthly (?:fee|pay|rate)")
# A line that is the pay field of the posting: "給与：", "想定年収：", "Salary:", "【給与】".
_PAY_FIELD = re.compile(
    r"[\s・\-*•■◆●【\[]*(?:想定年収|年収|年俸|月給|月額|時給|給与|給料|報酬|賃金|salary|compensation|pay"
    r"|base salary|annual salary|nenpo(?:-sei)?)(?: system| range| band| scale)?"
    r"(?:\s?(?:range|\(.{0,12}\)|（.{0,12}）))?\s?[:：】\]]"
)
_LOOKBEHIND = 24  # characters before an amount searched for its keyword (年収：, Salary:)
_LOOKAHEAD = 16  # characters after it (/year, per month, 月額)


@dataclass(slots=True)
class _Candidate:
    salary: Salary
    keyword: bool
    rank: int
    start: int
    field: bool  # on a line labelled as the pay field ("給与：", "Salary:")
    reference: bool  # given for comparison or reference ("※参考：", "For comparison, ...")


def _value(match: re.Match[str], p: str) -> tuple[float, str | None, bool]:
    number = float(match.group(f"{p}num").replace(",", ""))
    mult = match.group(f"{p}mult")
    if mult:
        number *= _MULTIPLIERS[mult]
    cur = match.group(f"{p}cur") or match.group(f"{p}curpost")
    return (
        number,
        _CURRENCIES.get(cur.rstrip("s") if cur and cur not in _CURRENCIES else cur or "")
        if cur
        else None,
        bool(mult),
    )


_PAID_MONTHLY = re.compile(
    r"\bpaid (?:out )?(?:monthly|every month|in (?:\d{1,2} )?(?:equal )?monthly (?:instal?l?ments?"
    r"|payments))|\d{1,2}\s?(?:分割|回に分けて)|毎月(?:支給|支払)"
)
_ANNUAL_BEFORE = re.compile(r"annual|yearly|per year|a year|年収|年俸|年額")
_FORMULA = re.compile(r"(?:月給|月収|月額|monthly (?:salary|pay|base))\s?[×x*]\s?\d")
_CONVERSION = re.compile(r"(?:年収|月収|月額|時給)?換算|annuali[sz]ed")


def _period_near(folded: str, start: int, end: int) -> tuple[Period | None, bool]:
    """The pay keyword closest before the amount (or just after it), and whether one exists."""
    before = folded[max(0, start - _LOOKBEHIND) : start]
    after = folded[end : end + _LOOKAHEAD]
    # not a word on the next line: "JPY 5,600,000 – 7,200,000\n(monthly salary × 12 + …)"
    # (the amount's match may end with the line break itself)
    amount = folded[start:end]
    after = "" if "\n" in amount[len(amount.rstrip()) :] else after.split("\n", 1)[0]
    if "換算" in after or "annuali" in after:
        # not the period of a conversion after it: "76万円／月（年収換算 約912万円）"
        after = _CONVERSION.split(after, 1)[0]
    example = _EXAMPLE.search(after)
    if example is not None:
        # nor of an example after it: "時給：2,800円（月収例：約47万円）"
        after = after[: example.start()]
    schedule = _PAID_MONTHLY.search(after)
    if schedule is not None and _ANNUAL_BEFORE.search(before):
        # nor how an annual amount is paid: "Annual salary: ¥7,000,000 – ¥10,000,000, paid
        # monthly", "年俸720万円（12分割で毎月支給）"
        after = after[: schedule.start()]
    formula = _FORMULA.search(after)
    if formula is not None:
        # nor of the formula the amount is made of: "520万円〜800万円（月給×12ヶ月＋賞与）"
        after = after[: formula.start()]
    best: tuple[int, Period | None] | None = None
    keyword = False
    for pattern, period in _KEYWORDS:
        for m in pattern.finditer(before):
            keyword = True
            distance = len(before) - m.end()
            if period and (best is None or distance < best[0]):
                best = (distance, period)
        m2 = pattern.search(after)
        if m2:
            keyword = True
            if period and (best is None or m2.start() < best[0]):
                best = (m2.start(), period)
    return (best[1] if best else None), keyword


def _not_pay(context: str) -> bool:
    """Money named as capital, bonus, allowance... unless a pay keyword comes after that word."""
    last_not_pay = max((m.end() for m in _NOT_PAY.finditer(context)), default=-1)
    if last_not_pay < 0:
        return False
    last_pay = max((m.end() for p, _ in _KEYWORDS for m in p.finditer(context)), default=-1)
    return last_not_pay > last_pay


def _example_pay(folded: str, start: int, end: int) -> bool:
    """The amount at [start, end) is an example of pay on the same line, in the same sentence
    ("年収例：入社3年目で年収500万円", "モデル年収"), or one of the lines under a heading
    saying so (【モデル年収】 / 420万円／入社2年目), not the role's own range."""
    line_start = folded.rfind("\n", 0, start) + 1
    context = folded[max(line_start, start - _STATISTIC_REACH) : start]
    ends = [m.end() for m in _EXAMPLE.finditer(context)]
    if ends and not _SENTENCE_END.search(context[ends[-1] :]):
        return True
    if _EXAMPLE_AFTER.match(folded, end):
        return True  # "720万円（入社2年目）", "550万円／入社5年目"
    above = line_start - 1
    for _ in range(_EXAMPLE_LINES):
        if above <= 0:
            return False
        begin = folded.rfind("\n", 0, above) + 1
        line = folded[begin:above].strip()
        if not line:
            return False  # a blank line ends the list under a heading
        if len(line) <= _EXAMPLE_HEADING and _EXAMPLE.search(line):
            return True
        above = begin - 1
    return False


def _statistic_before(folded: str, start: int) -> bool:
    """The amount at ``start`` ends a sentence about pay in general ("the average engineer
    salary at X is 11M yen"), with no pay word of its own after that phrase."""
    line_start = folded.rfind("\n", 0, start) + 1
    context = folded[max(line_start, start - _STATISTIC_REACH) : start]
    ends = [m.end() for m in _STATISTIC.finditer(context)]
    if not ends:
        return False
    rest = context[ends[-1] :]
    if _SENTENCE_END.search(rest):
        return False
    return not any(p.search(rest) for p, _ in _KEYWORDS)


# A Japanese pay word right before a bare figure: the figure is in 万円 when it is in the usual
# range of such figures ("年収800〜1200", "月給35〜45").
_MAN_KEYWORD = re.compile(r"(?:想定年収|年収|年俸|月給|月収)\s?[:：]?\s?$")
_MAN_RANGE = {"年": (150, 9999), "月": (12, 300)}
_COUNTED = re.compile(r"\s?[年歳名人%％社件時日月回倍位ヶか]")  # a year, an age, a count


def _implied_man(
    folded: str, start: int, a: float, b: float | None
) -> tuple[float, float | None, bool, bool] | None:
    keyword = _MAN_KEYWORD.search(folded, max(0, start - 8), start)
    if keyword is None:
        return None
    low, high = _MAN_RANGE["月" if "月" in keyword.group() else "年"]
    figures = [a] if b is None else [a, b]
    if not all(low <= f <= high and f == int(f) for f in figures):
        return None
    return a * 1e4, None if b is None else b * 1e4, True, b is not None


def _label_above(folded: str, line_start: int) -> str:
    """The line above when it is a short label with no figure ("直接雇用後の想定年収" over
    "520万円〜650万円"), else ""."""
    if line_start < 2:
        return ""
    above = folded.rfind("\n", 0, line_start - 1) + 1
    label = folded[above : line_start - 1]
    return label if len(label.strip()) <= _EXAMPLE_HEADING and not _DIGIT.search(label) else ""


_DIGIT = re.compile(r"\d")


def _end_of_amounts(match: re.Match[str], has_b: bool) -> int:
    if has_b:
        return max(match.end(g) for g in ("bnum", "bmult", "bcurpost") if match.group(g))
    if match.group("open") and match.group("open").strip() not in ("+",):
        return match.end("open")
    return max(match.end(g) for g in ("anum", "amult", "acurpost") if match.group(g))


def guess_period(annual_equivalent: float) -> Period:
    if annual_equivalent >= 1_500_000:
        return "annual"
    if annual_equivalent >= 120_000:
        return "monthly"
    return "hourly"


# Amounts written apart from the usual "figures, then unit": in kanji numerals (年収四百五十万円,
# 月給二十八万円, 四五〇万円), with the unit before the figures ("年収: 万円 600 to 800") or in
# brackets after them ("600~800(万円)"). Such text is rewritten to the usual form and read
# again; the span is mapped back onto the amounts as written.
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_KANJI_DIGITS |= {"八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_RUN = r"(?<![\d.,])[〇零一二三四五六七八九十百千]+(?=万|円)"
_FIGURES = rf"(?:{_NUM})(?:{_SEP}(?:{_NUM}))?"
_UNIT_BEFORE = (
    rf"(?<![\d.,〇零一二三四五六七八九十百千])\(?(?P<unit>万円|円)\)?\s?:?\s?(?P<figures>{_FIGURES})"
    r"(?!\s?(?:[\d万円]|yen|man|k\b|m\b))"
)
_UNIT_AFTER = r"(?:(?<=\d)|(?<=\d\s))\((?P<bracketed>万円|円)\)"
_APART = prefiltered(rf"(?P<kanji>{_KANJI_RUN})|{_UNIT_BEFORE}|{_UNIT_AFTER}")

# Amounts in English words before "million" or "thousand" ("between nine and thirteen million
# yen", "four hundred thousand yen a month"): each number phrase is rewritten to figures, the
# low end of a range too when the unit follows only the high end.
_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_VALUE = {word: n for n, word in enumerate(_EN_ONES)} | {
    word: 10 * (n + 2) for n, word in enumerate(_EN_TENS)
}
_EN_TEN = f"(?:{'|'.join(_EN_TENS)})(?:[-\\s](?:{'|'.join(_EN_ONES[1:10])}))?"
_EN_BELOW_100 = f"(?:{_EN_TEN}|{'|'.join(reversed(_EN_ONES))})"  # "seventeen" before "seven"
_EN_NUMBER = rf"{_EN_BELOW_100}(?:\shundred(?:\s(?:and\s)?{_EN_BELOW_100})?)?"
_EN_UNIT = r"\s(?:million|thousand)\b"
_WORD_AMOUNT = prefiltered(
    rf"\b{_EN_NUMBER}\b(?={_EN_UNIT}|(?:\s(?:and|to|or)\s|\s?[-–~]\s?){_EN_NUMBER}{_EN_UNIT})"
)


def _kanji_number(run: str) -> int | None:
    """四百五十 -> 450, 一千二百 -> 1200, 二十八 -> 28, 四五〇 -> 450; None if malformed."""
    if all(c in _KANJI_DIGITS for c in run):
        return int("".join(str(_KANJI_DIGITS[c]) for c in run))
    total, digit = 0, None
    for c in run:
        if c in _KANJI_DIGITS:
            if digit is not None:
                return None  # two digits in a row inside the unit form
            digit = _KANJI_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _KANJI_UNITS[c]
            digit = None
    return total + (digit or 0)


def _english_number(phrase: str) -> int:
    """ "thirteen" -> 13, "forty-five" -> 45, "four hundred and fifty" -> 450."""
    total = 0
    for word in re.split(r"[-\s]+", phrase):
        if word == "hundred":
            total *= 100
        elif word != "and":
            total += _EN_VALUE[word]
    return total


def _units_together(folded: str, windows: list[tuple[int, int]]) -> tuple[str, list[int]] | None:
    """``folded`` with its amounts in the usual form, and for each of its characters the
    position in ``folded`` it comes from; None when no amount near a pay word needs it."""
    apart = search_in(_APART, folded, windows) is not None
    in_words = search_in(_WORD_AMOUNT, folded, windows) is not None
    if not apart and not in_words:
        return None
    parts: list[str] = []
    origin: list[int] = []

    def keep(start: int, end: int) -> None:
        parts.append(folded[start:end])
        origin.extend(range(start, end))

    def put(text: str, at: int) -> None:  # every character of ``text`` comes from ``at``
        parts.append(text)
        origin.extend([at] * len(text))

    matches = list(_APART.finditer(folded)) if apart else []
    if in_words:
        matches = sorted([*matches, *_WORD_AMOUNT.finditer(folded)], key=lambda m: m.start())
    done = 0
    for match in matches:
        if match.start() < done:
            continue
        if match.re is _WORD_AMOUNT:
            keep(done, match.start())
            put(str(_english_number(match.group())), match.start())
        elif match.group("kanji"):
            number = _kanji_number(match.group("kanji"))
            if number is None:
                continue
            keep(done, match.start())
            put(str(number), match.start())
        elif match.group("unit"):
            keep(done, match.start())
            keep(match.start("figures"), match.end("figures"))
            put(match.group("unit"), match.end("figures") - 1)
        else:
            keep(done, match.start())
            keep(match.start("bracketed"), match.end("bracketed"))
        done = match.end()
    keep(done, len(folded))
    return "".join(parts), origin


def parse_salary(
    folded: str, *, rates: Mapping[str, float] = DEFAULT_RATES, triggers: Triggers | None = None
) -> Salary | None:
    triggers = triggers or Triggers(folded)
    together = _units_together(folded, triggers.windows("salary", 60, 40))
    if together is None:
        return _parse(folded, rates, triggers)
    text, origin = together
    salary = _parse(text, rates, Triggers(text))
    if salary is None or salary.start is None or salary.end is None:
        return salary
    return replace(salary, start=origin[salary.start], end=origin[salary.end - 1] + 1)


def _parse(folded: str, rates: Mapping[str, float], triggers: Triggers) -> Salary | None:
    candidates: list[_Candidate] = []
    for match in finditer_in(_RANGE, folded, triggers.windows("salary", 60, 40)):
        if not match.group("anum"):
            continue
        a, cur_a, mult_a = _value(match, "a")
        has_b = match.group("bnum") is not None
        b, cur_b, mult_b = _value(match, "b") if has_b else (None, None, False)
        currency = cur_a or cur_b
        start, end = match.start("anum"), match.end()
        if match.group("acur"):
            start = match.start("acur")
        if match.group("upto"):
            start = match.start("upto")
        elif match.group("from"):
            start = match.start("from")
        if currency is None and not (mult_a or mult_b):
            last = match.end("bnum") if has_b else match.end("anum")
            implied = None if _COUNTED.match(folded, last) else _implied_man(folded, start, a, b)
            if implied is None:
                continue  # a bare number with no currency is not pay
            # "年収800〜", "月給35〜45": short posts leave out 万円
            a, b, mult_a, mult_b = implied
        # (read only now: most numbers in the windows are bare, and the keywords around an
        # amount cost ~1 µs each)
        period, keyword = _period_near(folded, start, end)
        if currency is None and not keyword:
            continue  # nor a multiplied number with no currency and no pay keyword
        currency = currency or "JPY"
        if currency not in rates:
            continue
        # "500~800万円": the first number takes the second's multiplier.
        if has_b and b is not None and not mult_a and mult_b:
            a *= _MULTIPLIERS[match.group("bmult")]
        line_start = folded.rfind("\n", 0, start) + 1
        if (
            _not_pay(folded[max(0, start - _LOOKBEHIND) : start])
            or _statistic_before(folded, start)
            or _example_pay(folded, start, _end_of_amounts(match, has_b))
            or _LATER_PAY.search(folded, line_start, start)
            or _LATER_PAY.search(paragraph_heading(folded, line_start))
            or _LATER_PAY.search(_label_above(folded, line_start))
            or said_of_others(folded, start, end, triggers)
        ):
            continue
        reference = triggers.any("reference") and (
            _REFERENCE.search(folded, *sentence_around(folded, start, end)) is not None
            or _REFERENCE.search(paragraph_heading(folded, line_start)) is not None
        )
        low: float | None = a
        high: float | None = b
        open_mark = (match.group("open") or "").strip()
        if not has_b:
            if match.group("upto"):
                low, high = None, a
            elif match.group("from"):
                low, high = a, None
            elif open_mark in ("以下", "まで"):
                low, high = None, a
            else:
                low, high = a, None
                if not open_mark and not keyword:
                    continue
        rate = rates[currency]
        first = low if low is not None else high
        assert first is not None
        stated = period is not None
        if period is None:
            period = guess_period(first * rate)
        factor = _FACTORS[period]
        lo_jpy, hi_jpy = PLAUSIBLE_JPY[period]
        if (
            stated
            and period == "monthly"
            and _MONTHLY_PAY_WORD.search(folded, max(0, start - _LOOKBEHIND), start)
        ):
            lo_jpy = _STATED_MONTHLY_FLOOR  # a side job's 月額8万円 (not 上限月5万円)
        values = [v for v in (low, high) if v is not None]
        if not all(lo_jpy <= v * rate <= hi_jpy for v in values):
            continue
        if low is not None and high is not None and high < low:
            continue
        salary = Salary(
            currency=currency,
            min=low,
            max=high,
            period=period,
            annual_min_jpy=round(low * rate * factor) if low is not None else None,
            annual_max_jpy=round(high * rate * factor) if high is not None else None,
            start=start,
            end=_end_of_amounts(match, has_b),
        )
        rank = {"annual": 0, "monthly": 1, "hourly": 2}[period]
        field = _PAY_FIELD.match(folded, line_start, start) is not None
        # a pay field's label is the amount's keyword however long it is ("Annual salary
        # system (nenpo-sei): JPY …")
        candidates.append(_Candidate(salary, keyword or field, rank, start, field, reference))
    if not candidates:
        return None
    # not what an interviewee says they earn or were offered
    spoken = quoted_speech(folded)
    if spoken:
        candidates = [c for c in candidates if not any(s <= c.start < e for s, e in spoken)]
        if not candidates:
            return None
    if len(candidates) >= 2:
        graded = _graded(folded, candidates)
        if graded is not None:
            return graded
    # Of two amounts of one period, the one in the posting's pay field is the role's: the
    # other may be another opening's ("同時募集：EM（年収1,000万円〜）").
    best = min(candidates, key=lambda c: (c.reference, not c.keyword, c.rank, not c.field, c.start))
    pay = best.salary
    if (pay.min is None) != (pay.max is None):
        # "［年収600万〜］" in a tag line, then 年収600万円〜950万円 in the text: the range that
        # states the same bound and adds the other refines it
        refined = next(
            (
                c.salary
                for c in candidates
                if c is not best
                and c.reference == best.reference
                and c.salary.min is not None
                and c.salary.max is not None
                and (c.salary.period, c.salary.currency) == (pay.period, pay.currency)
                and (c.salary.min == pay.min if pay.min is not None else c.salary.max == pay.max)
            ),
            None,
        )
        if refined is not None:
            return refined
    return pay


# Pay published per grade or level, one row a grade: "G3 | シニア | 550万〜700万円",
# "- L4 (Senior Engineer): ¥9.5M – ¥12.5M", "・Junior：30万〜38万円".
_MAX_ROW_GAP = 2  # lines between two rows of one table


def _graded(folded: str, candidates: list[_Candidate]) -> Salary | None:
    """The advertised grade's row of a pay table, or the whole table's range when every
    grade is open; None when the amounts are no such table or no grade is named."""
    rows: list[tuple[str, int, _Candidate]] = []  # grade, line number, candidate
    lines = _LineNumbers(folded)
    previous_end = 0
    for candidate in sorted(candidates, key=lambda c: c.start):
        line_start = folded.rfind("\n", 0, candidate.start) + 1
        # a row starts at its line, or after the amount before it on the line: a line may
        # hold two rows ("Middle: ¥6M–¥8M / Senior: ¥8M–¥11.5M")
        row_start = max(line_start, previous_end)
        previous_end = candidate.salary.end or candidate.start
        label = GRADE.search(folded, row_start, candidate.start)
        if label is not None:
            rows.append((label.group(), lines.of(line_start), candidate))
    # one table: consecutive rows of distinct grades, one period and currency
    table = rows[:1]
    grades = {row[0] for row in table}
    for row in rows[1:]:
        last = table[-1]
        same_kind = (row[2].salary.period, row[2].salary.currency) == (
            last[2].salary.period,
            last[2].salary.currency,
        )
        if row[1] - last[1] <= _MAX_ROW_GAP and same_kind and row[0] not in grades:
            table.append(row)
            grades.add(row[0])
        elif len(table) < 2:
            table = [row]
            grades = {row[0]}
        else:
            break
    if len(table) < 2:
        return None
    first_line = folded.rfind("\n", 0, table[0][2].start) + 1
    last_line = folded.find("\n", table[-1][2].start)
    last_line = len(folded) if last_line < 0 else last_line
    outside = folded[:first_line] + "\n" + folded[last_line:]
    if ALL_GRADES.search(outside):
        return _whole([c.salary for _, _, c in table])
    # The rows of the grades the posting opens: one named (募集等級は等級2です, "hiring at
    # L5"), or several in its title ("バックエンドエンジニア（ミドル／シニア）"): their range.
    titled = titled_grades(outside)
    chosen = [
        c.salary
        for grade, _, c in table
        if advertised(outside, grade) or grade in titled or _marked_row(folded, c)
    ]
    if len(chosen) == 1:
        return chosen[0]
    return _whole(chosen) if chosen else None


# A row marked as the opening's after its amount: "S3: JPY 7.2M – 9.6M  <- this position",
# "G3：600万〜750万円 ← 今回の募集".
_ROW_MARK = re.compile(
    r"<-|←|⇐|◀|\bthis (?:position|role|opening|vacancy)\b|今回の募集|本ポジション|本求人|募集対象"
)


def _marked_row(folded: str, candidate: _Candidate) -> bool:
    end = candidate.salary.end or candidate.start
    line_end = folded.find("\n", end)
    return _ROW_MARK.search(folded, end, len(folded) if line_end < 0 else line_end) is not None


def _whole(salaries: list[Salary]) -> Salary:
    """One range over the rows of a pay table: the lowest minimum to the highest maximum."""
    lows = [s.min for s in salaries if s.min is not None]
    highs = [s.max for s in salaries if s.max is not None]
    low, high = (min(lows) if lows else None), (max(highs) if highs else None)
    one = salaries[0]
    ends = [s.end for s in salaries if s.end is not None]
    return Salary(
        currency=one.currency,
        min=low,
        max=high,
        period=one.period,
        annual_min_jpy=_scaled(one, low, salaries),
        annual_max_jpy=_scaled(one, high, salaries),
        start=one.start,
        end=max(ends) if ends else one.end,
    )


class _LineNumbers:
    """The line number of each position asked, counted on from the one asked before: the
    candidates come in order, and counting from the start of the text for each of them took
    18 s for 1 MB of grade rows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.number = 0  # of the line holding ``at``

    def of(self, position: int) -> int:
        if position < self.at:  # asked out of order: count again from the start
            self.at = self.number = 0
        self.number += self.text.count("\n", self.at, position)
        self.at = position
        return self.number


def _scaled(one: Salary, value: float | None, salaries: list[Salary]) -> int | None:
    """``value`` in annual JPY, at the rate and period factor of the rows it comes from."""
    if value is None:
        return None
    for s in salaries:
        for amount, annual in ((s.min, s.annual_min_jpy), (s.max, s.annual_max_jpy)):
            if amount == value and annual is not None:
                return annual
    return None
