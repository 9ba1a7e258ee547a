"""How each planted fact is written, in the formats kyujin's extractor reads.

The phrasings are those of tests/core/test_salary.py, test_facts_languages.py,
test_facts_work.py and test_facts_location.py (年収500万円～800万円, 月給30万〜50万円,
¥8M–¥12M, JPY 7,000,000 - 10,000,000, JLPT N2, ビジネスレベル, 日常会話レベル, フルリモート,
リモートワーク可（週2日出社）, "3+ years", 3年以上, ビザサポートあり, ...). Each function
returns the text and the value the extractor should read from it, computed from what is
written (a monthly salary's annual truth is the written monthly figure x 12), so a
posting's "truth" is what its text says.
"""

from __future__ import annotations

from typing import Final

from kyujin.synthetic.sampling import Random, Weighted

MAN: Final = 10_000  # 万

# --- salary --------------------------------------------------------------------------
# (format, weight); shares assumed. Japanese postings mostly give an annual range in 万円;
# smaller companies often a monthly one; English ones ¥xM or JPY with digits.
_JA_SALARY: Final = Weighted.of(
    {"range": 0.34, "range2": 0.18, "expected": 0.1, "labelled": 0.1, "nenpo": 0.05,
     "monthly": 0.15, "open": 0.08}
)  # fmt: skip
_EN_SALARY: Final = Weighted.of(
    {"yen_m": 0.4, "jpy_digits": 0.27, "m_jpy": 0.15, "annual_digits": 0.08, "from": 0.05,
     "up_to": 0.05}
)  # fmt: skip


def _man(value: int) -> str:
    """500 -> "500", 1200 -> "1,200" (both forms occur; the comma one in big figures)."""
    return f"{value:,}"


def _m(value: int) -> str:
    """An amount in 万 as millions: 650 -> "6.5", 1200 -> "12"."""
    return f"{value / 100:g}"


def salary_ja(low: int, high: int, random: Random) -> tuple[str, int | None, int | None]:
    """``low``/``high`` in 万円 a year; returns (text, annual min, annual max) in yen."""
    kind = _JA_SALARY.pick(random)
    if kind == "range":
        return f"年収{_man(low)}万円～{_man(high)}万円", low * MAN, high * MAN
    if kind == "range2":
        return f"年収{_man(low)}万〜{_man(high)}万円", low * MAN, high * MAN
    if kind == "expected":
        return f"想定年収 {_man(low)}〜{_man(high)}万円", low * MAN, high * MAN
    if kind == "labelled":
        return (
            f"年収：{_man(low)}万円〜{_man(high)}万円（経験・能力を考慮の上決定）",
            low * MAN,
            high * MAN,
        )
    if kind == "nenpo":
        return f"年俸制 {_man(low)}万円〜{_man(high)}万円", low * MAN, high * MAN
    if kind == "monthly":
        m_low, m_high = max(18, round(low / 12)), max(20, round(high / 12))
        return f"月給{m_low}万〜{m_high}万円", m_low * MAN * 12, m_high * MAN * 12
    return f"年収{_man(low)}万円〜", low * MAN, None


def salary_en(low: int, high: int, random: Random) -> tuple[str, int | None, int | None]:
    kind = _EN_SALARY.pick(random)
    if kind == "yen_m":
        return f"¥{_m(low)}M–¥{_m(high)}M per year", low * MAN, high * MAN
    if kind == "jpy_digits":
        return f"JPY {low * MAN:,} - {high * MAN:,}", low * MAN, high * MAN
    if kind == "m_jpy":
        return f"{_m(low)}M-{_m(high)}M JPY per year", low * MAN, high * MAN
    if kind == "annual_digits":
        return f"Annual salary: ¥{low * MAN:,} – ¥{high * MAN:,}", low * MAN, high * MAN
    if kind == "from":
        return f"From ¥{_m(low)}M per year, depending on experience", low * MAN, None
    return f"Up to ¥{_m(high)}M per year", None, high * MAN


# --- Japanese and English levels -----------------------------------------------------
JAPANESE_JA: Final[dict[str, tuple[str, ...]]] = {
    "native": ("・日本語：ネイティブレベル", "・日本語ネイティブレベルの方"),
    "N1": ("・日本語能力試験N1レベルの日本語力", "・日本語：JLPT N1相当"),
    "N2": (
        "・ビジネスレベルの日本語力（JLPT N2以上）",
        "・日本語：ビジネスレベル以上",
        "・日本語能力試験N2以上",
    ),
    "N3": ("・日本語：日常会話レベル", "・日常会話レベルの日本語力（JLPT N3程度）"),
    "none": ("・日本語：不問", "・日本語力は問いません"),
}
JAPANESE_EN: Final[dict[str, tuple[str, ...]]] = {
    "native": ("- Native-level Japanese",),
    "N1": ("- Japanese: JLPT N1", "- Fluent Japanese (JLPT N1)"),
    "N2": (
        "- Business-level Japanese (JLPT N2 or above)",
        "- Japanese: JLPT N2 or higher",
        "- Japanese: business level",
    ),
    "N3": ("- Conversational Japanese (around JLPT N3)", "- Japanese: daily conversation level"),
    "none": (
        "Japanese: not required",
        "No Japanese required",
        "Japanese language skills are not required for this role.",
    ),
}
ENGLISH_JA: Final[dict[str, tuple[str, ...]]] = {
    "business": ("・英語：ビジネスレベル",),
    "conversational": ("・英語：日常会話レベル",),
    "basic": ("・英語：技術ドキュメントが読めるレベル",),
    "none": ("・英語での業務経験", "・英語力（読み書き）"),  # written under 歓迎: a plus only
}
ENGLISH_EN: Final[dict[str, tuple[str, ...]]] = {
    "business": ("English: business level", "English: fluent (our working language)"),
    "conversational": ("English: conversational",),
    "basic": ("English: able to read technical documentation",),
}

# --- remote policy -------------------------------------------------------------------
REMOTE_JA: Final[dict[str, tuple[str, ...]]] = {
    "full": ("フルリモート（全国どこでも勤務可）", "フルリモート", "完全リモート（出社なし）"),
    "hybrid": (
        "リモートワーク可（週{d}日出社）",
        "ハイブリッド勤務（週{d}日出社）",
        "リモートワーク中心（月1〜2回程度の出社あり）",
        "在宅勤務（週{d}回）",
        "出社頻度：週{d}回",
        "週{d}日出社、その他は在宅勤務",
        "在宅勤務：週{d}日まで可",
    ),
    "onsite": (
        "出社（リモートワーク制度はありません）",
        "週5日出社",
        "完全出社",
        "出社：原則週5日",
    ),
}
REMOTE_EN: Final[dict[str, tuple[str, ...]]] = {
    "full": (
        "Fully remote (anywhere in Japan)",
        "100% remote within Japan",
        "This is a fully remote position.",
        "Fully remote; you may also use our office",
    ),
    "hybrid": (
        "Hybrid: {d} days a week in the office",
        "Remote OK, office visits twice a month",
        "Remote work: up to {d} days/week",
        "Remote-first: office visits about twice a month",
        "Office attendance {d} days/week",
    ),
    "onsite": (
        "On-site: in the office 5 days a week",
        "This is an in-office role.",
        "In-office 5 days per week",
    ),
}
CLIENT_SITE: Final = "客先常駐（プロジェクトにより異なります）"

# --- visa ----------------------------------------------------------------------------
VISA_JA: Final[dict[bool, tuple[str, ...]]] = {
    True: ("・ビザサポートあり", "・就労ビザの取得をサポートします"),
    False: ("・日本国内在住の方のみ応募可能です", "・日本在住の方に限ります"),
}
VISA_EN: Final[dict[bool, tuple[str, ...]]] = {
    True: ("Visa sponsorship available.", "We sponsor work visas and help with relocation."),
    False: (
        "Applicants must already live in Japan; we are unable to sponsor visas.",
        "No visa sponsorship.",
    ),
}

# --- employment type -----------------------------------------------------------------
EMPLOYMENT_JA: Final[dict[str, str]] = {
    "full_time": "正社員（試用期間3ヶ月）",
    "contract": "契約社員（1年更新）",
    "freelance": "業務委託（週4日〜）",
    "dispatch": "派遣社員",
}
EMPLOYMENT_EN: Final[dict[str, str]] = {
    "full_time": "Employment type: Full-time (permanent)",
    "contract": "Employment type: Contract (12 months, renewable)",
    "freelance": "Employment type: Freelance (independent contractor)",
    "dispatch": "Employment type: Temporary staff (dispatch)",
}

# --- minimum years, written first under the requirements heading ----------------------
# A general figure first: the extractor takes the first general figure of the list.
YEARS_JA: Final = (
    "・Webアプリケーション開発の実務経験{y}年以上",
    "・バックエンド開発の実務経験（{y}年以上）",
    "・サーバーサイド開発経験{y}年以上",
    "・システム開発の実務経験{y}年以上",
)
YEARS_EN: Final = (
    "- {y}+ years of backend development experience",
    "- At least {y} years of professional software development experience",
    "- {y}+ years of experience building web services",
    "- Minimum of {y} years building backend services",
    "- {y}+ yrs backend experience",
)
NO_YEARS_JA: Final = "・プログラミングの学習経験（実務未経験可）"
NO_YEARS_EN: Final = "- No prior experience required; we train you"
