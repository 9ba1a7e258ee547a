"""The pool of synthetic companies: who posts, and what each company is.

A posting draws a company index from a pool that grows with the posting's number n
(Heaps' law: about 300 companies in the first 1,000 postings, 1,600 in 10,000, 8,600 in
100,000 and 45,000 in 1,000,000), low indices much more often than high ones (a few big
employers post a lot, most companies a few times). Everything about a company (name,
size band, industry, foreign affiliation, head office, product, stack, hiring policies)
is a pure function of the seed and its index, so a company is the same in every posting
that names it and the first N postings of a longer run are the same as a run of N. Only a
bounded cache of built companies is kept: memory does not grow with the count.
"""

from __future__ import annotations

import math
import random as _random
from functools import lru_cache
from typing import Final, NamedTuple

from kyujin.core.companies import Industry, SizeBand
from kyujin.synthetic import market, names, stacks, text
from kyujin.synthetic.market import FOREIGN_SHARE, INDUSTRIES_BY_SIZE, SIZES
from kyujin.synthetic.places import HEADQUARTERS, MANUFACTURING_HEADQUARTERS, Place
from kyujin.synthetic.sampling import Random, Weighted
from kyujin.synthetic.stacks import Skill

_M64 = (1 << 64) - 1


def mix64(x: int) -> int:
    """SplitMix64's finaliser: 64 well-mixed bits from any integer."""
    z = (x + 0x9E3779B97F4A7C15) & _M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
    return z ^ (z >> 31)


# The name space, family by family (see names.py); the index of a company is its place in
# it. Foreign-affiliated companies get a share of the pool such that their share of
# companies matches market.FOREIGN_SHARE averaged over the size bands (~11%).
_KANJI: Final = tuple(
    a + b
    for a in names.KANJI_FIRST
    for b in names.KANJI_SECOND
    if a + b not in names.KANJI_PLACES and a != b
)
_PER_INDUSTRY: Final = 8
_KATAKANA_SIZE: Final = len(names.WORDS) * len(names.ENDINGS)
_KANJI_SIZE: Final = len(_KANJI) * _PER_INDUSTRY
_ROMAJI_SIZE: Final = len(names.WORDS) * len(names.ENDINGS)
_DOMESTIC_SIZE: Final = _KATAKANA_SIZE + _KANJI_SIZE + _ROMAJI_SIZE
_FOREIGN_RATE: Final = sum(SIZES.probability(s) * FOREIGN_SHARE[s] for s in FOREIGN_SHARE)
_FOREIGN_SIZE: Final = min(
    round(_DOMESTIC_SIZE * _FOREIGN_RATE / (1 - _FOREIGN_RATE)),
    len(names.BRAND_FIRST) * len(names.BRAND_SECOND) * _PER_INDUSTRY,
)
POOL_SIZE: Final = _FOREIGN_SIZE + _DOMESTIC_SIZE
# A multiplier coprime with the pool size scatters neighbouring indices over the families.
_STRIDE: Final = next(
    a for a in range(0x9E3779B1, 0x9E3779B1 + 1000) if math.gcd(a, POOL_SIZE) == 1
)

# P(size | foreign) and P(size | domestic), from P(size) and P(foreign | size) (Bayes).
_FOREIGN_SIZES: Final = Weighted((s, SIZES.probability(s) * f) for s, f in FOREIGN_SHARE.items())
_DOMESTIC_SIZES: Final = Weighted(
    (s, SIZES.probability(s) * (1 - f)) for s, f in FOREIGN_SHARE.items()
)
# A drawn company posts this posting with this probability, else another is drawn: large
# companies post more (seed 000 section 2: Java at large enterprises "tends to have a high
# number of job openings"); assumed rates.
_POSTS: Final[dict[str, float]] = {"large": 1.0, "medium": 0.7, "small": 0.4, "startup": 0.6}
_FOUNDED: Final[dict[str, tuple[int, int]]] = {
    "large": (1920, 2000),
    "medium": (1965, 2015),
    "small": (1985, 2020),
    "startup": (2012, 2024),
}
# The earliest founding year of an industry's companies: web, e-commerce, SaaS and online
# games are businesses of the internet (a review found "an internet company ... Founded
# in 1934"; 39% of web postings came from companies founded before 1995).
_FIRST_YEAR: Final[dict[str, int]] = {"web": 1995, "ecommerce": 1995, "saas": 2000, "gaming": 1980}
_EMPLOYEES: Final[dict[str, tuple[int, int]]] = {
    "large": (1000, 60000),
    "medium": (300, 999),
    "small": (20, 299),
    "startup": (8, 200),
}
# Heaps' law for the pool the n-th posting draws from: 50 + 3 * n ** 0.7 indices, the
# first ones most often (index = pool * u ** 1.6 for u uniform).
_POOL_BASE, _POOL_SCALE, _POOL_EXPONENT, _SKEW = 50, 3.0, 0.7, 1.6


class Company(NamedTuple):  # a NamedTuple builds ~10x faster than a frozen dataclass
    pool_index: int
    name: str  # with its legal form: 株式会社ツバメラボ, Tsubame Labs K.K.
    short: str  # without it, for prose: ツバメラボ, Tsubame Labs
    english_name: bool
    size: SizeBand
    industry: Industry
    foreign: bool
    hq: Place
    product_ja: str
    product_en: str
    # What a company runs on, and its hiring policies, are the same in all its postings:
    # databases, cloud and tools; posting language; Japanese and English asked for;
    # remote policy, visa sponsorship, employment type, benefits. (Drawn once per company
    # from market.py's shares, so the posting-level shares are the same in expectation.)
    databases: tuple[Skill, ...]
    cloud: Skill | None
    infra: tuple[Skill, ...]  # cloud, a cloud service, tools, messaging, API style
    skill_names: dict[str, None]  # canonical names of the above, in order
    lang: str  # ja | en | mixed
    requirements_en: bool  # mixed postings: requirement lines in English
    japanese: str | None
    english: str | None
    remote: str | None
    visa: bool | None
    employment: str
    primaries: Weighted[str]  # market.primary_languages of its segment
    salary_scale: float  # market.SALARY_BY_SIZE x SALARY_FOREIGN for it
    text: text.CompanyText  # the company's parts of a posting, written out once


# Building a company costs ~190,000 instructions (a posting ~150,000); ~2 KB each, so the cache
# holds at most ~65 MB. With 32,768 entries a run of 1,000,000 postings rebuilds one
# company every ~9 postings; with 16,384, one every ~2.
@lru_cache(maxsize=1 << 15)
def company(seed: int, index: int) -> Company:
    """The company at ``index`` (0 <= index < POOL_SIZE) of the pool of ``seed``."""
    position = (index * _STRIDE + mix64(seed) % POOL_SIZE) % POOL_SIZE
    u = _random.Random(mix64((seed << 20) ^ position ^ 0x5EED)).random
    foreign = position < _FOREIGN_SIZE
    size: SizeBand = (_FOREIGN_SIZES if foreign else _DOMESTIC_SIZES).pick(u)  # type: ignore[assignment]
    industry: Industry = INDUSTRIES_BY_SIZE[size].pick(u)
    short, name, english = _name(position, industry, u())
    hq = (MANUFACTURING_HEADQUARTERS if industry == "manufacturing" else HEADQUARTERS).pick(u)
    lo, hi = _FOUNDED[size]
    # internet businesses are no older than the commercial internet in Japan
    lo = max(lo, _FIRST_YEAR.get(industry, lo))
    founded = lo + int(u() * (max(hi, lo) - lo + 1))
    lo, hi = _EMPLOYEES[size]
    employees = round(lo * (hi / lo) ** u())  # log-uniform
    word_ja, word_en = names.WORDS[int(u() * len(names.WORDS))]
    end_ja, end_en = names.PRODUCT_ENDINGS[int(u() * len(names.PRODUCT_ENDINGS))]
    databases, cloud, infra = _stack(size, industry, u)
    lang = market.POSTING_LANG[(foreign, size == "startup")].pick(u)
    partial = Company(
        pool_index=index,
        name=name,
        short=short,
        english_name=english,
        size=size,
        industry=industry,
        foreign=foreign,
        hq=hq,
        product_ja=word_ja + end_ja,
        product_en=f"{word_en} {end_en}",
        databases=databases,
        cloud=cloud,
        infra=infra,
        skill_names=dict.fromkeys(skill for skill, _ in databases + infra),
        lang=lang,
        requirements_en=lang == "en" or (lang == "mixed" and u() < 0.5),
        japanese=market.JAPANESE_LEVEL[(lang, foreign)].pick(u),
        english=market.ENGLISH_LEVEL[lang].pick(u),
        remote=market.remote_policies(size, foreign, industry == "si").pick(u),
        visa=market.VISA[(lang, foreign)].pick(u),
        employment=market.EMPLOYMENT[industry == "si"].pick(u),
        primaries=market.primary_languages(size, industry, foreign),
        salary_scale=market.SALARY_BY_SIZE[size] * (market.SALARY_FOREIGN if foreign else 1.0),
        text=text.EMPTY,
    )
    return partial._replace(text=text.company_text(partial, founded, employees, u))


def _name(position: int, industry: Industry, form: float) -> tuple[str, str, bool]:
    """(short name, name with legal form, written in English) of the pool position."""
    if position < _FOREIGN_SIZE:
        brand, v = divmod(position, _PER_INDUSTRY)
        first, second = divmod(brand, len(names.BRAND_SECOND))
        short = (
            f"{names.BRAND_FIRST[first]}{names.BRAND_SECOND[second]} "
            f"{names.INDUSTRY_ENDINGS[industry][1][v]}"
        )
        suffix = " Japan G.K." if form < 0.4 else " Japan K.K." if form < 0.8 else " Inc."
        return short, short + suffix, True
    p = position - _FOREIGN_SIZE
    if p < _KATAKANA_SIZE:
        word, ending = divmod(p, len(names.ENDINGS))
        short = names.WORDS[word][0] + names.ENDINGS[ending][0]
    elif p < _KATAKANA_SIZE + _KANJI_SIZE:
        stem, v = divmod(p - _KATAKANA_SIZE, _PER_INDUSTRY)
        short = _KANJI[stem] + names.INDUSTRY_ENDINGS[industry][0][v]
    else:
        word, ending = divmod(p - _KATAKANA_SIZE - _KANJI_SIZE, len(names.ENDINGS))
        short = f"{names.WORDS[word][1]} {names.ENDINGS[ending][1]}"
        suffix = " K.K." if form < 0.5 else " Inc." if form < 0.8 else " Co., Ltd."
        return short, short + suffix, True
    return short, (f"株式会社{short}" if form < 0.7 else f"{short}株式会社"), False


def _stack(
    size: str, industry: str, u: Random
) -> tuple[tuple[Skill, ...], Skill | None, tuple[Skill, ...]]:
    """A company's databases, cloud, and infrastructure skills (stacks.py's shares)."""
    enterprise = size == "large" or industry == "finance"
    databases = [(stacks.ENTERPRISE_DATABASES if enterprise else stacks.DATABASES).pick(u)]
    if u() < 0.3:
        second = stacks.DATABASES.pick(u)
        if second[0] != databases[0][0]:
            databases.append(second)
    if u() < stacks.REDIS_SHARE:
        databases.append(stacks.REDIS)
    cloud_name = stacks.CLOUDS.pick(u)
    cloud: Skill | None = None
    infra: list[Skill] = []
    if cloud_name:
        cloud = (cloud_name, stacks.CLOUD_WRITTEN[cloud_name].pick(u))
        infra.append(cloud)
        if u() < 0.6:
            infra.append(stacks.CLOUD_SERVICES[cloud_name].pick(u))
    infra += stacks.DEVOPS_SETS.pick(u)
    infra += [s for s in (stacks.MESSAGING.pick(u), stacks.API.pick(u)) if s is not None]
    return tuple(databases), cloud, tuple(infra)


def pool_at(n: int) -> float:
    """How many company indices the n-th posting (1-based) draws from."""
    return _POOL_BASE + _POOL_SCALE * math.pow(n, _POOL_EXPONENT)


def draw_company(seed: int, n: int, random: Random) -> Company:
    """The company of the n-th posting: a Heaps'-law index, kept with its size's rate."""
    pool = pool_at(n)
    while True:
        found = company(seed, int(pool * random() ** _SKEW) % POOL_SIZE)
        if random() < _POSTS[found.size]:
            return found
