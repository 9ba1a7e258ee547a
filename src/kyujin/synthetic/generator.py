"""``generate(count, seed)``: realistic synthetic postings, one dict per posting, streamed.

One ``random.Random`` stream drives everything in posting order, and companies are pure
functions of (seed, index) (companies.py), so the same count and seed give the same
postings, the first N postings of any longer run are those of a run of N, and memory does
not grow with count (a bounded cache of companies is all that is kept). Each dict has the
fields ``PostingIn`` accepts, plus ``synthetic`` (always true) and ``truth``: the facts
planted in the text, as the extractor should read them (salary as annual yen,
japanese_level, english_level, remote, visa_sponsorship, employment_type,
min_years_experience, location, skills), and the posting language and main language.
"""

from __future__ import annotations

import random as _random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Final, NamedTuple

from kyujin.synthetic import market, phrasing, prose, stacks
from kyujin.synthetic.companies import Company, draw_company
from kyujin.synthetic.places import HEADQUARTERS, Place
from kyujin.synthetic.sampling import Random, Weighted
from kyujin.synthetic.text import NL, Plan, render

SOURCE: Final = "kyujin-synthetic"
URL_BASE: Final = "https://jobs.example.com/kyujin-synthetic"

# Postings are dated over the two years up to a fixed day (a fixed end keeps output the
# same whatever day it is generated): fewer at weekends, more in the January-March and
# September-October hiring seasons, and a third more at the end than at the start
# (assumed; seed 001: "The demand for back-end engineers is growing rapidly").
_LAST_DAY: Final = date(2026, 11, 30)
_SPAN_DAYS: Final = 730


def _dates() -> Weighted[str]:
    weights: list[tuple[str, float]] = []
    for back in range(_SPAN_DAYS):
        day = _LAST_DAY - timedelta(days=back)
        weight = (0.25, 0.15)[day.weekday() - 5] if day.weekday() >= 5 else 1.0
        if day.month in (1, 2, 3, 9, 10):
            weight *= 1.15
        weight *= 1.0 + 0.35 * (1 - back / _SPAN_DAYS)
        weights.append((day.isoformat(), weight))
    return Weighted(reversed(weights))


_DATES: Final = _dates()
_FLOORS: Final = {
    years: market.SALARY_FLOOR_MAN[market.band(years)] for years in market.YEARS.items
}
_TAIL: Final = stacks.tail().skills
# Large companies post for other offices than the head office now and then (assumed).
_BRANCH_SHARE: Final[dict[str, float]] = {"large": 0.25, "medium": 0.1}


class _Draw(NamedTuple):
    """One posting, drawn and written; ``_as_dict`` and ``_as_json`` lay it out."""

    n: int
    company: Company
    title: str
    description: str
    location: str
    posted_at: str
    primary: str
    years: int | None
    salary: tuple[int | None, int | None] | None
    place: Place | None  # None when fully remote
    skills: list[str]


def generate(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """``count`` synthetic postings for ``seed``, streamed (see the module docstring)."""
    for draw in _draws(count, seed):
        yield _as_dict(seed, draw)


def lines(count: int, seed: int) -> Iterator[bytes]:
    """The postings of ``generate(count, seed)`` as JSON Lines in UTF-8, each equal to
    ``(json.dumps(posting, ensure_ascii=False) + "\\n").encode()``, written out directly.
    Measured in instructions (callgrind): drawing and writing a posting ~140,000; the
    generic route (dict, json.dumps, encode) ~185,000 more; this one ~60,000, half of it
    the UTF-8 encoding. Every text is made of the pools in this package and numbers, which
    hold no quote, backslash or control character, and newlines are already escaped
    (text.NL); tests/test_synthetic.py checks the pools and compares with json.dumps."""
    for draw in _draws(count, seed):
        yield _as_json(seed, draw)


def _draws(count: int, seed: int) -> Iterator[_Draw]:
    if count < 0:
        raise ValueError("count must be >= 0")
    # A string seed is hashed with SHA-512 by random.seed: the same on every platform and
    # run, and unlike an int seed it keeps 5 and -5 apart.
    r = _random.Random(f"{SOURCE}:{seed}").random
    for n in range(1, count + 1):
        yield _draw(seed, n, r)


def _as_dict(seed: int, d: _Draw) -> dict[str, Any]:
    co = d.company
    place = d.place
    return {
        "source": SOURCE,
        "external_id": f"syn-{seed}-{d.n}",
        "title": d.title,
        "company": co.name,
        "company_size": co.size,
        "company_industry": co.industry,
        "company_foreign_affiliated": co.foreign,
        "description": d.description.replace(NL, "\n"),
        "url": f"{URL_BASE}/{seed}/{d.n}",
        "location": d.location,
        "posted_at": d.posted_at,
        "synthetic": True,
        "truth": {
            "lang": co.lang,
            "primary": d.primary,
            "salary": None if d.salary is None else list(d.salary),
            "japanese_level": co.japanese,
            "english_level": co.english,
            "remote": co.remote,
            "visa_sponsorship": co.visa,
            "employment_type": co.employment,
            "min_years_experience": d.years,
            "location": None if place is None else [place.prefecture, place.city],
            "skills": d.skills,
        },
    }


_JSON: Final[dict[object, str]] = {None: "null", True: "true", False: "false"}


def _opt(value: str | None) -> str:
    return "null" if value is None else f'"{value}"'


def _as_json(seed: int, d: _Draw) -> bytes:
    co = d.company
    place = d.place
    salary = d.salary
    if salary is None:
        salary_json = "null"
    else:
        low, high = salary
        salary_json = (
            f"[{_JSON[None] if low is None else low}, {_JSON[None] if high is None else high}]"
        )
    location = "null" if place is None else f'["{place.prefecture}", "{place.city}"]'
    years = "null" if d.years is None else str(d.years)
    skills = '", "'.join(d.skills)
    # The description is encoded on its own and the line joined as bytes: the long text is
    # copied once, not into a str and then again into its encoding.
    head = (
        f'{{"source": "{SOURCE}", "external_id": "syn-{seed}-{d.n}", "title": "{d.title}", '
        f'"company": "{co.name}", "company_size": "{co.size}", '
        f'"company_industry": "{co.industry}", '
        f'"company_foreign_affiliated": {_JSON[co.foreign]}, "description": "'
    )
    tail = (
        f'", "url": "{URL_BASE}/{seed}/{d.n}", "location": "{d.location}", '
        f'"posted_at": "{d.posted_at}", "synthetic": true, "truth": {{"lang": "{co.lang}", '
        f'"primary": "{d.primary}", "salary": {salary_json}, '
        f'"japanese_level": {_opt(co.japanese)}, "english_level": {_opt(co.english)}, '
        f'"remote": {_opt(co.remote)}, "visa_sponsorship": {_JSON[co.visa]}, '
        f'"employment_type": "{co.employment}", "min_years_experience": {years}, '
        f'"location": {location}, "skills": ["{skills}"]}}}}\n'
    )
    return head.encode() + d.description.encode() + tail.encode()


def _draw(seed: int, n: int, r: Random) -> _Draw:
    co = draw_company(seed, n, r)
    size, industry = co.size, co.industry
    primary = co.primaries.pick(r)
    years = market.YEARS.pick(r)
    specialist = r() < market.SPECIALIST_SHARE
    stack = stacks.STACKS[primary]
    language = stack.written.pick(r)
    frameworks = [stack.frameworks.pick(r)]
    if primary == "C#" and industry == "gaming" and r() < 0.6:
        frameworks[0] = stacks.UNITY
    if r() < 0.4:
        second = stack.frameworks.pick(r)
        if second[0] != frameworks[0][0]:
            frameworks.append(second)
    languages = [language, *stacks.EXTRA_SETS[primary].pick(r)]
    skills = dict.fromkeys([name for name, _ in languages + frameworks])
    skills.update(co.skill_names)
    pluses: list[stacks.Skill] = []
    if specialist:
        for skill in stack.specialism:
            if skill[0] not in skills:
                skills[skill[0]] = None
                pluses.append(skill)
    specialism = len(pluses)
    for _ in range(2 + int(r() * 4)):
        skill = _TAIL.pick(r)
        if skill[0] not in skills:
            skills[skill[0]] = None
            pluses.append(skill)
    salary_text, low, high = _salary(co, primary, years, specialist, r)
    place = HEADQUARTERS.pick(r) if r() < _BRANCH_SHARE.get(size, 0.0) else co.hq
    domains = prose.INDUSTRY_TEXT[industry][2]
    title, description = render(
        Plan(
            company=co,
            r=r,
            years=years,
            language=language,
            title_language=stack.title,
            languages=languages,
            frameworks=frameworks,
            pluses=pluses,
            specialism=specialism,
            salary=salary_text,
            place=place,
            domain=domains[int(r() * len(domains))],
        )
    )
    if co.remote == "full":
        location = "Remote (Japan)" if co.lang == "en" else "リモート（日本国内）"
        workplace = None
    else:
        location = place.en if co.lang == "en" else place.ja
        workplace = place
    return _Draw(
        n,
        co,
        title,
        description,
        location,
        _DATES.pick(r),
        primary,
        years,
        (low, high) if salary_text else None,
        workplace,
        list(skills),
    )


def _salary(
    co: Company, primary: str, years: int | None, specialist: bool, r: Random
) -> tuple[str, int | None, int | None]:
    """The salary line and the annual yen it states; ("", None, None) when not stated."""
    lo, hi = _FLOORS[years]
    scale = co.salary_scale * market.SALARY_BY_PRIMARY.get(primary, 1.0)
    if specialist:
        scale *= market.SPECIALIST_PREMIUM
    floor = (lo + (hi - lo) * r()) * scale
    low = round(floor / 10) * 10
    high = max(low + 50, round(floor * (1.3 + 0.4 * r()) / 50) * 50)
    if r() >= market.SALARY_STATED:
        return "", None, None
    if co.requirements_en:
        return phrasing.salary_en(low, high, r)
    return phrasing.salary_ja(low, high, r)
