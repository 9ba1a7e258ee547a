"""Companies as the market segments them: a matching key for names, size bands, industries.

The seeds segment the Japanese market by company size (large enterprises and financial
institutions, medium-sized companies and SIers, startups and web companies) and by industry
(finance and insurance, e-commerce and retail, gaming, SaaS and cloud, manufacturing and IoT),
with foreign-affiliated (外資系) companies as a segment of their own. Imports name companies in
many spellings (株式会社メルカリ, Mercari, Inc., ㈱メルカリ); ``name_key`` makes them one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal, get_args

SizeBand = Literal["large", "medium", "small", "startup"]
SIZE_BANDS: Final[tuple[SizeBand, ...]] = get_args(SizeBand)
# Employees at or above which a company is in the band (大企業 >= 1,000; 中堅 300-999).
_SIZE_FLOORS: Final[tuple[tuple[int, SizeBand], ...]] = ((1000, "large"), (300, "medium"))

Industry = Literal[
    "finance",
    "si",
    "web",
    "ecommerce",
    "gaming",
    "saas",
    "manufacturing",
    "consulting",
    "healthcare",
    "education",
    "media",
    "telecom",
    "logistics",
    "real_estate",
    "hr",
    "travel",
    "other",
]
INDUSTRIES: Final[tuple[Industry, ...]] = get_args(Industry)

# Lower-cased words and phrases (NFKC) that name each industry, English and Japanese. The
# first industry whose word appears in a label wins, so specific ones come first.
_INDUSTRY_WORDS: Final[tuple[tuple[Industry, tuple[str, ...]], ...]] = (
    ("gaming", ("game", "gaming", "ゲーム", "esports")),
    (
        "ecommerce",
        ("e-commerce", "ecommerce", "ec", "retail", "小売", "通販", "ec事業", "marketplace"),
    ),
    ("saas", ("saas", "cloud service", "software as a service", "クラウドサービス")),
    (
        "finance",
        (
            "financ",
            "fintech",
            "bank",
            "insurance",
            "securities",
            "payment",
            "金融",
            "銀行",
            "保険",
            "証券",
            "決済",
            "フィンテック",
        ),
    ),
    (
        "si",
        (
            "sier",
            "system integrat",
            "it services",
            "it consulting",
            "受託",
            "システムインテグレ",
            "si",
        ),
    ),
    (
        "manufacturing",
        ("manufactur", "iot", "automotive", "electronics", "製造", "メーカー", "自動車", "電機"),
    ),
    ("consulting", ("consult", "コンサル")),
    ("healthcare", ("health", "medical", "pharma", "医療", "ヘルスケア", "製薬")),
    ("education", ("education", "edtech", "教育", "e-learning")),
    (
        "media",
        ("media", "entertainment", "advertis", "adtech", "publishing", "メディア", "広告", "出版"),
    ),
    ("travel", ("travel", "tourism", "hotel", "旅行", "観光", "ホテル")),
    ("telecom", ("telecom", "通信", "mobile carrier")),
    ("logistics", ("logistic", "transport", "物流", "運輸", "mobility")),
    ("real_estate", ("real estate", "proptech", "不動産")),
    ("hr", ("human resources", "recruit", "staffing", "hr tech", "人材", "採用")),
    ("web", ("internet", "web", "online", "インターネット", "ウェブ", "software", "ソフトウェア")),
)
_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")

# Japanese legal forms, written before or after the name (株式会社メルカリ, ソニー株式会社).
_JA_FORMS: Final[tuple[str, ...]] = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "(株)",
    "(有)",
    "(同)",
    "㈱",
    "㈲",
)
# Legal forms and country suffixes written after the name (Mercari, Inc.; Google Japan G.K.).
_SUFFIXES: Final[tuple[str, ...]] = (
    "co., ltd.",
    "co.,ltd.",
    "co. ltd.",
    "co ltd",
    "co., ltd",
    "company limited",
    "corporation",
    "corp.",
    "corp",
    "incorporated",
    "inc.",
    "inc",
    "k.k.",
    "kk",
    "g.k.",
    "ltd.",
    "ltd",
    "llc",
    "gmbh",
    "pte. ltd.",
    "pte ltd",
    "japan branch",
    "japan",
    "日本法人",
    "日本支社",
)
_PREFIXES = sorted(_JA_FORMS, key=len, reverse=True)
_ENDINGS = sorted(_JA_FORMS + _SUFFIXES, key=len, reverse=True)
_EDGE_PUNCT = " \t,.、・-–—/|"


def name_key(name: str) -> str:
    """The key spellings of one company share: NFKC, case-folded, spaces collapsed, legal
    forms stripped ("株式会社メルカリ", "㈱メルカリ" and "メルカリ" share "メルカリ";
    "Mercari, Inc." and "MERCARI" share "mercari"). Translations are not matched."""
    key = unicodedata.normalize("NFKC", name).casefold()
    key = " ".join(key.split())
    changed = True
    while changed and key:
        changed = False
        for form in _PREFIXES:
            if key.startswith(form) and len(key) > len(form):
                key, changed = key[len(form) :].strip(_EDGE_PUNCT), True
        for form in _ENDINGS:
            if key.endswith(form) and len(key) > len(form):
                before = key[: -len(form)]
                # A Latin suffix is a separate word ("Acme Inc", not "Zinc").
                if form.isascii() and before[-1:].isalnum():
                    continue
                key, changed = before.strip(_EDGE_PUNCT), True
    key = key.strip(_EDGE_PUNCT)
    return key or " ".join(unicodedata.normalize("NFKC", name).casefold().split())


# Labels for size bands seen in job boards and ATS exports, NFKC case-folded.
_SIZE_LABELS: Final[dict[str, SizeBand]] = {
    "large": "large",
    "enterprise": "large",
    "大企業": "large",
    "大手": "large",
    "medium": "medium",
    "mid": "medium",
    "mid-size": "medium",
    "midsize": "medium",
    "mid-sized": "medium",
    "中堅": "medium",
    "中堅企業": "medium",
    "small": "small",
    "sme": "small",
    "中小": "small",
    "中小企業": "small",
    "startup": "startup",
    "start-up": "startup",
    "スタートアップ": "startup",
    "ベンチャー": "startup",
}


def size_band_of(label: str) -> SizeBand | None:
    """The band a label names ("mid", "Enterprise", "大企業", "スタートアップ"), or None."""
    return _SIZE_LABELS.get(unicodedata.normalize("NFKC", label).casefold().strip())


def size_band_for_employees(employees: int) -> SizeBand:
    """Large from 1,000 employees, medium from 300, small below (startups are declared)."""
    for floor, band in _SIZE_FLOORS:
        if employees >= floor:
            return band
    return "small"


def industry_of(label: str) -> Industry:
    """The industry a free-text label names ("Financial Services", "金融・保険"), or "other"."""
    text = unicodedata.normalize("NFKC", label).casefold().strip()
    if text in INDUSTRIES:
        return text
    words = set(_WORD.findall(text))
    for industry, needles in _INDUSTRY_WORDS:
        for needle in needles:
            if needle.isascii() and len(needle) <= 3:
                if needle in words:  # short codes ("ec", "si") only as whole words
                    return industry
            elif needle in text:
                return industry
    return "other"
