"""The market the synthetic postings are drawn from, and where each share comes from.

"Seed" below means the domain notes in /work/shared/seeds/: 000 is the article on backend
languages in Japan (section 2 "Industry Trends in Language Adoption", section 6 "Adoption
Language Trends by Company Size" and "Salary Trends Based on Years of Experience"), 001 the
recruiter's guide to back-end engineers, 002 the notes on what postings ask for. The seeds
say which languages each segment uses and how salary moves with experience, language and
company; they give no percentages or yen. Every number here is therefore an assumption
shaped by them, marked "assumed", and chosen so the direction the seeds state is clear in
a few thousand postings (tests/test_synthetic.py checks those directions).
"""

from __future__ import annotations

from functools import cache
from typing import Final, Literal

from kyujin.core.companies import Industry, SizeBand
from kyujin.synthetic.sampling import Weighted

Lang = Literal["ja", "en", "mixed"]
Primary = str  # a key of PRIMARY_BASE: a language, or Node.js for JavaScript/TypeScript

# Company size bands of the companies in the pool (assumed; the seeds name the segments
# but not their sizes). Large companies also post more: see companies.py.
SIZES: Final = Weighted.of({"large": 0.18, "medium": 0.27, "small": 0.25, "startup": 0.30})

# Industry by size band (assumed shares). The pairings come from seed 000 section 6, which
# groups "large enterprises and financial institutions", "medium-sized enterprises and
# SIers" and "startups and web-based companies", and section 2's industries.
_INDUSTRY_BY_SIZE: Final[dict[str, dict[Industry, float]]] = {
    "large": {"finance": 22, "manufacturing": 16, "si": 12, "telecom": 8, "web": 8,
              "ecommerce": 6, "consulting": 5, "gaming": 4, "logistics": 4, "media": 3,
              "healthcare": 3, "saas": 2, "travel": 2, "real_estate": 2, "hr": 2,
              "education": 1, "other": 1},
    "medium": {"si": 30, "web": 10, "finance": 8, "ecommerce": 8, "manufacturing": 8,
               "gaming": 6, "saas": 6, "consulting": 4, "healthcare": 4, "hr": 4, "media": 3,
               "logistics": 3, "real_estate": 2, "education": 2, "travel": 2, "other": 1},
    "small": {"si": 25, "web": 20, "ecommerce": 12, "saas": 8, "manufacturing": 6,
              "healthcare": 5, "education": 5, "media": 5, "real_estate": 4, "hr": 4,
              "logistics": 3, "travel": 3, "other": 2},
    "startup": {"saas": 30, "web": 20, "ecommerce": 10, "finance": 8, "healthcare": 6, "hr": 6,
                "education": 5, "gaming": 4, "real_estate": 4, "logistics": 4, "media": 3,
                "other": 1},
}  # fmt: skip
INDUSTRIES_BY_SIZE: Final = {s: Weighted.of(w) for s, w in _INDUSTRY_BY_SIZE.items()}

# Foreign-affiliated (外資系) share by size band (assumed; seed 000 section 6 treats them
# as a segment of their own, mostly established companies).
FOREIGN_SHARE: Final[dict[str, float]] = {
    "large": 0.20,
    "medium": 0.12,
    "small": 0.04,
    "startup": 0.10,
}

# Language of the posting. Seed 000 section 2: "English-centric environments are
# increasing in foreign-affiliated companies and some globally-oriented Japanese
# companies"; shares assumed.
POSTING_LANG: Final[dict[tuple[bool, bool], Weighted[Lang]]] = {
    # (foreign-affiliated, startup)
    (True, False): Weighted.of({"en": 0.60, "mixed": 0.25, "ja": 0.15}),
    (True, True): Weighted.of({"en": 0.60, "mixed": 0.25, "ja": 0.15}),
    (False, True): Weighted.of({"ja": 0.72, "en": 0.13, "mixed": 0.15}),
    (False, False): Weighted.of({"ja": 0.90, "en": 0.04, "mixed": 0.06}),
}

# The main language a posting is for. Base demand: seed 000 section 3 "Java, Python,
# JavaScript ... consistently have a high number of job openings" and "In the Japanese
# market in particular, there is still high demand for Java engineers" (so Java's base is
# the highest; Python, which most segments below multiply, ends up level with it overall,
# ~22% each: seed 002 has Python "the most requested backend language overall"); Go "the
# fastest-growing" (002); seed 000 section 4: Rust "adoption is still limited", Kotlin
# growing with Android and Java modernisation, Scala for Spark and reactive systems.
# Node.js stands for JavaScript/TypeScript servers.
PRIMARY_BASE: Final[dict[Primary, float]] = {
    "Python": 1.2,
    "Java": 1.3,
    "Node.js": 1.0,
    "PHP": 0.9,
    "Go": 0.8,
    "Ruby": 0.7,
    "C#": 0.6,
    "Kotlin": 0.3,
    "C++": 0.25,
    "Scala": 0.15,
    "Rust": 0.1,
    "COBOL": 0.1,
}
# Multipliers per segment; a language a seed names for the segment gets x3 (x4-5 where the
# seed stresses it), one the seed says the segment avoids gets less than 1.
_SIZE_FACTORS: Final[dict[str, dict[Primary, float]]] = {
    # 000 s6: "Large enterprises and financial institutions: Java, C#, and COBOL"; s2: Python
    # "rapidly gained popularity" there too; s6: even large companies adopt Go.
    "large": {"Java": 3, "C#": 3, "COBOL": 3, "Python": 1.2, "Ruby": 0.5, "PHP": 0.6},
    # 000 s6: "Medium-sized enterprises and SIers: Java, PHP, .NET, and Python".
    "medium": {"Java": 3, "PHP": 3, "C#": 3, "Python": 3},
    # 000 s4: PHP "widely used in small and medium-sized business websites"; s5: PHP in
    # "small and medium-sized enterprises and web production companies".
    "small": {"PHP": 3, "Java": 1.5, "Ruby": 1.5, "COBOL": 0.3},
    # 000 s6: "Startups and web-based companies: Ruby, Python, Node.js, and Go".
    "startup": {"Ruby": 3, "Python": 3, "Node.js": 3, "Go": 3, "Java": 0.5, "C#": 0.5,
                "PHP": 0.7, "COBOL": 0.0},
}  # fmt: skip
_INDUSTRY_FACTORS: Final[dict[str, dict[Primary, float]]] = {
    # 000 s2: "Financial and insurance industry: Java, COBOL (legacy systems), and C#";
    # s4: Scala for "financial/trading systems".
    # COBOL x10: its base demand is a tenth of Java's, and at x3 it was 2% of finance
    # postings, no longer one of the segment's three languages (review of 2026-12-06).
    "finance": {"Java": 3, "COBOL": 10, "C#": 3, "Scala": 2},
    # 000 s6: SIers use "Java, PHP, .NET, and Python".
    "si": {"Java": 3, "PHP": 2, "C#": 3, "Python": 2},
    # 000 s2: "Web-based companies: PHP and Ruby maintain strong popularity".
    "web": {"PHP": 3, "Ruby": 3, "Go": 1.5, "Node.js": 1.5, "Python": 1.5},
    # 000 s2: "E-commerce and retail industry: PHP, Ruby, Python, and Node.js ... In
    # particular, PHP (WordPress and Magento) is often used with e-commerce platforms".
    # PHP x10: at x4 Python (higher base, and favoured by the startups that are many of
    # the segment's companies) outnumbered it, against "in particular, PHP".
    "ecommerce": {"PHP": 10, "Ruby": 3, "Python": 3, "Node.js": 3},
    # 000 s2: gaming servers "Java, C#, and Node.js ... C# when related to Unity"; s3:
    # "C# (Unity) or C++ for game development".
    "gaming": {"Java": 3, "C#": 5, "Node.js": 3, "C++": 2},
    # 000 s2: "SaaS and cloud services ... Go, Python, Node.js, and Ruby".
    "saas": {"Go": 3, "Python": 3, "Node.js": 3, "Ruby": 3},
    # 000 s2: "Manufacturing and IoT: Java, C/C++, and Python ... C/C++ emphasized".
    # C++ x30 and Java x2: C++'s base is a fifth of Java's, and at x8 it was 8% of
    # manufacturing postings against Java's 33%, not "emphasized".
    "manufacturing": {"Java": 2, "C++": 30, "Python": 3},
}
# 000 s6: "Foreign-affiliated IT companies: Go, Python, JavaScript/TypeScript, and Scala are
# often adopted ... with globally standardized development environments". Most of them are
# large, where the size factors favour Java and C#; the others are damped here so that the
# four the seed names stand out (dampers assumed).
_FOREIGN_FACTORS: Final[dict[Primary, float]] = {
    "Go": 4,
    "Python": 3,
    "Node.js": 3,
    "Scala": 5,
    "Java": 0.7,
    "C#": 0.6,
    "PHP": 0.5,
    "COBOL": 0.2,
}


@cache
def primary_languages(size: SizeBand, industry: Industry, foreign: bool) -> Weighted[Primary]:
    """The main-language distribution of one segment: base demand x size x industry x
    foreign-affiliated multipliers."""
    size_f = _SIZE_FACTORS[size]
    industry_f = _INDUSTRY_FACTORS.get(industry, {})
    return Weighted(
        (
            lang,
            base
            * size_f.get(lang, 1.0)
            * industry_f.get(lang, 1.0)
            * (_FOREIGN_FACTORS.get(lang, 1.0) if foreign else 1.0),
        )
        for lang, base in PRIMARY_BASE.items()
    )


# Minimum years of experience asked for; None = not stated (assumed shares). Seed 000
# section 6 names the bands: 1-3 junior, 3-5 mid, 5-10 senior, 10+ expert.
YEARS: Final[Weighted[int | None]] = Weighted.of(
    {None: 0.08, 0: 0.03, 1: 0.06, 2: 0.14, 3: 0.33, 4: 0.05, 5: 0.20, 7: 0.06, 8: 0.02, 10: 0.03}
)

# Annual pay floor in 10,000 yen (万円) by band: (lowest floor, highest floor). ASSUMED:
# the seeds rank bands and languages but give no yen; these are typical of Japanese
# backend postings. The ceiling is the floor x 1.3-1.7.
SALARY_FLOOR_MAN: Final[dict[str, tuple[int, int]]] = {
    "entry": (300, 380),
    "junior": (380, 480),
    "mid": (480, 600),
    "senior": (600, 780),
    "expert": (800, 1000),
}


def band(years: int | None) -> str:
    """Seed 000 section 6's bands: 1-3 junior, 3-5 mid, 5-10 senior, 10+ expert."""
    if years is None:
        return "mid"
    if years == 0:
        return "entry"
    if years < 3:
        return "junior"
    if years < 5:
        return "mid"
    if years < 10:
        return "senior"
    return "expert"


# Pay multipliers. Seed 000 section 6: Java "stable high salaries"; Python "on an upward
# trend"; PHP "slightly lower compared to others"; Go "high salaries expected"; section 4:
# Scala "a skill with high market value". Sizes: "Salaries vary greatly depending on company
# size" (direction assumed). Foreign-affiliated: engineers "increase their salaries,
# especially in globally-oriented companies or foreign-affiliated companies".
SALARY_BY_PRIMARY: Final[dict[Primary, float]] = {
    "Java": 1.05,
    "Python": 1.05,
    "Go": 1.12,
    "Scala": 1.12,
    "Rust": 1.12,
    "Kotlin": 1.05,
    "PHP": 0.9,
    "COBOL": 0.95,
}
SALARY_BY_SIZE: Final[dict[str, float]] = {
    "large": 1.08,
    "medium": 1.0,
    "small": 0.9,
    "startup": 0.97,
}
SALARY_FOREIGN: Final = 1.25
# Seed 000 section 6: "Python skills in data science or being familiar with microservice
# architecture in Java can result in salary differences of more than 20%".
SPECIALIST_SHARE: Final = 0.15
SPECIALIST_PREMIUM: Final = 1.2
SALARY_STATED: Final = 0.9  # assumed: most postings state pay

# Japanese level asked for; None = not stated, "none" = stated as not required. Seed 000
# section 2: "Japanese communication skills (JLPT N3 or above is a guideline) are often
# required ... English-centric environments are increasing in foreign-affiliated
# companies". Shares assumed; business level (N2) is the most common stated level.
JAPANESE_LEVEL: Final[dict[tuple[Lang, bool], Weighted[str | None]]] = {
    ("ja", False): Weighted.of({None: 0.40, "N2": 0.30, "N1": 0.12, "native": 0.12, "N3": 0.06}),
    ("ja", True): Weighted.of({None: 0.30, "N2": 0.40, "N1": 0.15, "N3": 0.10, "native": 0.05}),
    ("en", True): Weighted.of({"none": 0.55, None: 0.20, "N2": 0.13, "N3": 0.12}),
    ("en", False): Weighted.of({"N2": 0.35, "N3": 0.25, "none": 0.25, None: 0.10, "N1": 0.05}),
    ("mixed", True): Weighted.of({"N2": 0.30, "none": 0.30, "N3": 0.20, None: 0.15, "N1": 0.05}),
    ("mixed", False): Weighted.of({"N2": 0.40, "N3": 0.20, "none": 0.15, None: 0.15, "N1": 0.10}),
}
# English level: asked in English and mixed postings, seldom in Japanese ones (assumed).
ENGLISH_LEVEL: Final[dict[Lang, Weighted[str | None]]] = {
    "ja": Weighted.of({None: 0.82, "basic": 0.10, "none": 0.08}),
    "en": Weighted.of({"business": 0.60, "conversational": 0.20, None: 0.20}),
    "mixed": Weighted.of({"business": 0.35, "conversational": 0.25, "basic": 0.15, None: 0.25}),
}

# Remote policy by size band (assumed shares; seed 001: "with the rise of remote work";
# seed 000 section 6: startups work in "agile and DevOps culture", SIers' "development
# styles vary depending on the client", i.e. often at the client's site).
_REMOTE_BY_SIZE: Final[dict[str, dict[str | None, float]]] = {
    "large": {"hybrid": 0.50, "onsite": 0.30, None: 0.15, "full": 0.05},
    "medium": {"hybrid": 0.45, "onsite": 0.30, None: 0.17, "full": 0.08},
    "small": {"hybrid": 0.35, "onsite": 0.33, None: 0.20, "full": 0.12},
    "startup": {"hybrid": 0.50, "full": 0.30, None: 0.12, "onsite": 0.08},
}


@cache
def remote_policies(size: SizeBand, foreign: bool, si: bool) -> Weighted[str | None]:
    weights = dict(_REMOTE_BY_SIZE[size])
    if foreign:  # assumed: global teams work remotely more
        weights["full"] *= 1.5
        weights["onsite"] *= 0.5
    if si:  # client-site work (客先常駐)
        weights["onsite"] *= 1.8
    return Weighted.of(weights)


# Visa sponsorship: True offered, False refused (residents only), None not stated. Seed
# 000 section 10: engineers recruited from abroad through overseas recruitment programs;
# seed 001: recruiters place foreign engineers at domestic and international companies.
# Shares assumed.
VISA: Final[dict[tuple[Lang, bool], Weighted[bool | None]]] = {
    ("en", True): Weighted.of({True: 0.55, None: 0.30, False: 0.15}),
    ("en", False): Weighted.of({True: 0.40, None: 0.40, False: 0.20}),
    ("mixed", True): Weighted.of({True: 0.45, None: 0.40, False: 0.15}),
    ("mixed", False): Weighted.of({True: 0.30, None: 0.55, False: 0.15}),
    ("ja", True): Weighted.of({None: 0.80, True: 0.12, False: 0.08}),
    ("ja", False): Weighted.of({None: 0.85, True: 0.08, False: 0.07}),
}

# Employment type (assumed): dispatch (派遣) only through SIers and staffing firms.
EMPLOYMENT: Final[dict[bool, Weighted[str]]] = {
    False: Weighted.of({"full_time": 0.88, "contract": 0.06, "freelance": 0.06}),
    True: Weighted.of({"full_time": 0.80, "contract": 0.07, "freelance": 0.05, "dispatch": 0.08}),
}
