"""A small labelled market and brute-force figures over the rows it stores.

The oracle reads back what was stored (posting, company, posting_skill rows) and computes
each figure the plainest way: sets of posting ids per skill, and statistics.quantiles
(method="inclusive" is the type-7 definition) over Fractions for salaries. It shares no
code with kyujin.analytics.
"""

from __future__ import annotations

import math
import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyujin.db.models import Company, Posting, PostingSkill
from kyujin.postings import service
from kyujin.postings.schemas import ImportSummary, PostingIn
from tests.support.factories import posting_in

LANGUAGES = ["Python", "Go", "Java", "Ruby", "TypeScript"]
OTHERS = ["Django", "Rails", "PostgreSQL", "MySQL", "AWS", "Kubernetes", "Redis"]
JAPANESE = ["日本語能力試験N2以上", "Japanese: JLPT N1 required", "日本語不問", None]
YEARS = [None, 1, 2, 3, 4, 5, 7, 10, 12]
SIZES = ["large", "medium", "small", "startup"]
INDUSTRIES = ["finance", "web", "saas"]
PLACES = ["東京都渋谷区", "大阪府大阪市", "福岡県福岡市"]


def labelled_postings(count: int = 60, seed: int = 5) -> list[PostingIn]:
    """Postings with required and preferred skills, years, a stated salary (a range, one
    bound, or none; some ranges with an odd sum so that midpoints fall on half a yen) and
    the company's size, industry and foreign affiliation."""
    rng = random.Random(seed)
    records = []
    for i in range(count):
        required = rng.sample(LANGUAGES, rng.randint(1, 2)) + rng.sample(OTHERS, 1)
        preferred = rng.sample([s for s in LANGUAGES + OTHERS if s not in required], 2)
        if i % 7 == 0:
            preferred.append(required[0])  # required and preferred: counts as required
        lines = ["Requirements", *(f"- {s}" for s in required)]
        years = rng.choice(YEARS)
        if years is not None:
            lines.append(f"- {years}+ years of professional experience")
        japanese = rng.choice(JAPANESE)
        if japanese is not None:
            lines.append(f"- {japanese}")
        lines += ["Nice to have", *(f"- {s}" for s in preferred)]
        salary: dict[str, Any] = {}
        low = rng.randrange(4_000_000, 9_000_000, 250_000)
        shape = rng.choice(["range", "range", "range", "min", "max", "none"])
        if shape != "none":
            salary = {"salary_currency": "JPY", "salary_period": "annual"}
            if shape in ("range", "min"):
                salary["salary_min"] = low + (1 if i % 5 == 0 else 0)
            if shape in ("range", "max"):
                salary["salary_max"] = low + rng.randrange(500_000, 4_000_000, 500_000)
        records.append(
            posting_in(
                external_id=f"m{i}",
                company=f"Company {i} K.K.",
                company_size=rng.choice(SIZES),
                company_industry=rng.choice(INDUSTRIES),
                company_foreign_affiliated=rng.choice([True, False, None]),
                description="\n".join(lines),
                location=rng.choice(PLACES),
                remote=rng.choice(["full", "hybrid", "onsite", None]),
                employment_type=rng.choice(["full_time", "contract"]),
                **salary,
            )
        )
    return records


# Months of the dated market and their weights: growing, with one thin month (fewer than 5
# postings, so its shares are withheld) and none before March.
MONTHS = ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
MONTH_WEIGHTS = [8, 10, 1, 12, 12, 14, 16, 18]


def dated_postings(count: int = 90, seed: int = 7) -> list[PostingIn]:
    """The labelled postings, each posted on a day of one of MONTHS."""
    rng = random.Random(seed)
    records = []
    for record in labelled_postings(count, seed):
        year, month = map(int, rng.choices(MONTHS, MONTH_WEIGHTS)[0].split("-"))
        posted = date(year, month, rng.randint(1, 28))
        records.append(record.model_copy(update={"posted_at": posted}))
    return records


def load(session: Session, records: list[PostingIn]) -> None:
    service.import_batch(session, records, default_source="import", summary=ImportSummary())
    session.flush()


# --- the oracle -------------------------------------------------------------------------------


@dataclass
class Row:
    id: int
    attrs: dict[str, Any]
    salary: Fraction | None
    skills: dict[str, set[str]] = field(default_factory=dict)  # skill -> requirements
    categories: dict[str, str] = field(default_factory=dict)


def rows(session: Session) -> list[Row]:
    """Every stored posting as plain values."""
    out: dict[int, Row] = {}
    for posting, company in session.execute(
        select(Posting, Company).outerjoin(Company, Company.id == Posting.company_id)
    ):
        low, high = posting.salary_annual_min_jpy, posting.salary_annual_max_jpy
        bounds = [b for b in (low, high) if b is not None]
        out[posting.id] = Row(
            id=posting.id,
            attrs={
                "industry": company.industry if company else None,
                "size_band": company.size_band if company else None,
                "foreign_affiliated": company.foreign_affiliated if company else None,
                "japanese_level": posting.japanese_level,
                "remote": posting.remote,
                "employment_type": posting.employment_type,
                "prefecture": posting.prefecture,
                "years": posting.min_years_experience,
                "listed_on": posting.listed_on,
                # What a salary_min filter compares: the maximum, or the one bound.
                "salary_high": high if high is not None else low,
            },
            salary=Fraction(sum(bounds), len(bounds)) if bounds else None,
        )
    for posting_id, skill, category, requirement in session.execute(
        select(PostingSkill.posting_id, PostingSkill.skill, PostingSkill.category,
               PostingSkill.requirement)
    ):  # fmt: skip
        out[posting_id].skills.setdefault(skill, set()).add(requirement)
        out[posting_id].categories[skill] = category
    return list(out.values())


def label(value: Any) -> str | None:
    return str(value).lower() if isinstance(value, bool) else value


def skill_cell(cell_rows: list[Row], top: int, category: str | None = None) -> dict[str, Any]:
    n = len(cell_rows)
    mentioned: dict[str, set[int]] = defaultdict(set)
    required: dict[str, set[int]] = defaultdict(set)
    preferred: dict[str, set[int]] = defaultdict(set)
    categories: dict[str, str] = {}
    for row in cell_rows:
        for skill, requirements in row.skills.items():
            if category is not None and row.categories[skill] != category:
                continue
            categories[skill] = row.categories[skill]
            mentioned[skill].add(row.id)
            if "required" in requirements:
                required[skill].add(row.id)
            elif "preferred" in requirements:
                preferred[skill].add(row.id)
    ranked = sorted(mentioned, key=lambda s: (-len(mentioned[s]), s))[:top]
    small = n < 5
    return {
        "n": n,
        "withheld": small,
        "skills": [
            {
                "skill": s,
                "category": categories[s],
                "postings": len(mentioned[s]),
                "required": len(required[s]),
                "preferred": len(preferred[s]),
                "share": None if small else len(mentioned[s]) / n,
                "required_share": None if small else len(required[s]) / n,
                "preferred_share": None if small else len(preferred[s]) / n,
            }
            for s in ranked
        ],
    }


def half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def salary_cell(values: Iterable[Fraction]) -> dict[str, Any]:
    data = sorted(values)
    if len(data) < 5:
        return {"n": len(data), "p25": None, "median": None, "p75": None, "withheld": True}
    q1, q2, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return {
        "n": len(data),
        "p25": half_up(q1),
        "median": half_up(q2),
        "p75": half_up(q3),
        "withheld": False,
    }


def experience_band(years: int | None) -> str:
    if years is None:
        return "unstated"
    if years <= 2:
        return "0-2"
    if years <= 4:
        return "3-4"
    if years <= 9:
        return "5-9"
    return "10+"


def salary_groups(all_rows: list[Row], by: str) -> dict[str | None, dict[str, Any]]:
    """Each group's figures, keyed by the group's value."""
    groups: dict[str | None, list[Fraction]] = defaultdict(list)
    for row in all_rows:
        if row.salary is None:
            continue
        keys: list[str | None]
        if by in ("language", "skill"):
            keys = [s for s in row.skills if by == "skill" or row.categories[s] == "language"]
        elif by == "experience":
            keys = [experience_band(row.attrs["years"])]
        else:
            keys = [label(row.attrs[by])]
        for key in keys:
            groups[key].append(row.salary)
    return {key: {"value": key, **salary_cell(values)} for key, values in groups.items()}


def where(all_rows: list[Row], test: Callable[[Row], bool]) -> list[Row]:
    return [row for row in all_rows if test(row)]
