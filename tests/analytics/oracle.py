"""Brute-force co-occurrence, monthly trends and the language outlook over market.rows.

The plainest computation: sets of posting ids, a month as the first seven characters of the
ISO date, shares as count / total and lift as a ratio of Fractions. It shares no code with
kyujin.analytics (BACKEND_LANGUAGES is spelled out again on purpose).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from tests.analytics.market import Row, label, salary_cell

BACKEND_LANGUAGES = ["Java", "Python", "Ruby", "PHP", "Go", "C#", "C++", "C", "COBOL"]


def _share(count: int, total: int) -> float | None:
    return None if total < 5 else count / total


def _with(rows: list[Row], skill: str) -> set[int]:
    return {r.id for r in rows if skill in r.skills}


def cooccurrence(rows: list[Row], skill: str, category: str | None = None) -> dict[str, Any]:
    """Every companion of ``skill`` with its figures, keyed by name (unordered)."""
    n = len(rows)
    a = _with(rows, skill)
    companions: dict[str, Any] = {}
    names = {s for r in rows if r.id in a for s in r.skills if s != skill}
    for other in names:
        cat = next(r.categories[other] for r in rows if other in r.categories)
        if category is not None and cat != category:
            continue
        b = _with(rows, other)
        both = len(a & b)
        companions[other] = {
            "skill": other,
            "category": cat,
            "postings": both,
            "skill_postings": len(b),
            "share": _share(both, len(a)),
            "lift": None
            if both < 5
            else float(Fraction(both, n) / (Fraction(len(a), n) * Fraction(len(b), n))),
            "withheld": both < 5,
        }
    return {"n": n, "postings": len(a), "withheld": len(a) < 5, "skills": companions}


def month(row: Row) -> str:
    return row.attrs["listed_on"].isoformat()[:7]


def in_months(rows: list[Row], months: list[str]) -> list[Row]:
    return [r for r in rows if month(r) in months]


def previous_month(m: str) -> str:
    year, number = int(m[:4]), int(m[5:])
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def months_ending(last: str, count: int) -> list[str]:
    out = [last]
    while len(out) < count:
        out.insert(0, previous_month(out[0]))
    return out


def trend_cell(rows: list[Row], skill: str, m: str) -> dict[str, Any]:
    now = in_months(rows, [m])
    before = in_months(rows, [previous_month(m)])
    k, kb = len(_with(now, skill)), len(_with(before, skill))
    share, share_before = _share(k, len(now)), _share(kb, len(before))
    change = None if share is None or share_before is None else share - share_before
    return {"month": m, "n": len(now), "postings": k, "share": share, "change": change}


def month_total(rows: list[Row], m: str) -> dict[str, Any]:
    n, before = len(in_months(rows, [m])), len(in_months(rows, [previous_month(m)]))
    return {
        "month": m,
        "n": n,
        "change": n - before,
        "change_ratio": None if before < 5 else (n - before) / before,
    }


def _top_groups(rows: list[Row], skill: str, attr: str) -> list[dict[str, Any]]:
    groups: dict[str, list[Row]] = {}
    for r in rows:
        value = label(r.attrs[attr])
        if value is not None:
            groups.setdefault(value, []).append(r)
    ranked = []
    for value, members in groups.items():
        k = len(_with(members, skill))
        if len(members) >= 5 and k > 0:
            ranked.append((Fraction(k, len(members)), len(members), value, k))
    ranked.sort(key=lambda t: (-t[0], -t[1], t[2]))
    return [{"value": v, "n": n, "postings": k, "share": k / n} for _, n, v, k in ranked[:3]]


def language(rows: list[Row], lang: str, last: str) -> dict[str, Any]:
    """The outlook of one language, the 3 months ending with ``last`` against the 3 before."""
    window = months_ending(last, 6)
    periods = []
    for months in (window[3:], window[:3]):
        members = in_months(rows, months)
        k = len(_with(members, lang))
        periods.append({"months": months, "n": len(members), "postings": k,
                        "share": _share(k, len(members))})  # fmt: skip
    recent, previous = periods
    growth = relative = None
    if recent["share"] is not None and previous["share"] is not None:
        growth = recent["share"] - previous["share"]
        if previous["postings"] >= 5:
            ratio = Fraction(recent["postings"], recent["n"]) / Fraction(
                previous["postings"], previous["n"]
            )
            relative = float(ratio - 1)
    with_lang = [r for r in rows if lang in r.skills]
    salaries = [r.salary for r in with_lang if r.salary is not None]
    return {
        "language": lang,
        "postings": len(with_lang),
        "share": _share(len(with_lang), len(rows)),
        "salary": {"value": None, **salary_cell(salaries)},
        "recent": recent,
        "previous": previous,
        "growth": growth,
        "growth_relative": relative,
        "industries": _top_groups(rows, lang, "industry"),
        "size_bands": _top_groups(rows, lang, "size_band"),
    }
