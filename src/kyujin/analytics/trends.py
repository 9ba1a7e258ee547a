"""Figures over time: monthly counts and skill shares, and the outlook of the backend
languages (demand, salary, growth, who asks for them). Use cases beside those of
kyujin.analytics.service, kept apart for size; the same rules (kyujin.core.analytics).

A posting's month is that of its listed_on: the date it was posted, or the day kyujin stored
it when the source gave none. The months shown end with ``until``, by default the month of
the most recent matching posting, so that figures over stored data do not change with the
clock; that last month may be partial (``latest`` says up to which day), which leaves shares
comparable but not counts.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from sqlalchemy import Subquery
from sqlalchemy.orm import Session

from kyujin.analytics import repository
from kyujin.analytics.schemas import (
    GroupShare,
    LanguageOutlook,
    LanguagesOutlook,
    LanguagesQuery,
    MonthTotal,
    PeriodShare,
    SkillTrend,
    TrendCell,
    Trends,
    TrendsQuery,
)
from kyujin.analytics.service import canonical_skill, check_category, label, salary_cell
from kyujin.core import analytics
from kyujin.core.taxonomy import default_taxonomy
from kyujin.errors import InvalidInput
from kyujin.postings.schemas import FIRST_DATE, LAST_DATE

# The language outlook's growth: the share in the last GROWTH_MONTHS months against the
# GROWTH_MONTHS before them. Three months smooth a single month's noise while still
# reacting within a quarter.
GROWTH_MONTHS = 3
# Industries and size bands listed per language.
TOP_GROUPS = 3


def _last_month(session: Session, ids: Subquery, until: str | None) -> str | None:
    if until is not None:
        return until
    latest = repository.latest_listed_on(session, ids)
    if latest is None:
        return None
    # Months are read in the years 1970-2999 (analytics.schemas.Month); a posting stored
    # with a date outside them before PostingIn bounded its dates ends its window at the edge.
    return analytics.month_of(min(max(latest, FIRST_DATE), LAST_DATE))


def _monthly(
    session: Session,
    ids: Subquery,
    months: list[str],
    *,
    skills: list[str] | None = None,
    skill_category: str | None = None,
) -> tuple[dict[str, int], dict[str, dict[str, int]], dict[str, str]]:
    """Postings per month, postings per skill per month, and each skill's category, over
    ``months`` (consecutive, oldest first)."""
    start = analytics.month_start(months[0])
    end = analytics.month_start(analytics.add_months(months[-1], 1))
    totals = {
        f"{y:04d}-{m:02d}": n
        for y, m, n in repository.monthly_postings(session, ids, start=start, end=end)
    }
    per_skill: dict[str, dict[str, int]] = defaultdict(dict)
    categories: dict[str, str] = {}
    if skills is None and skill_category is None:
        return totals, per_skill, categories
    for y, m, skill, category, n in repository.monthly_skill_postings(
        session, ids, start=start, end=end, skills=skills, skill_category=skill_category
    ):
        per_skill[skill][f"{y:04d}-{m:02d}"] = n
        categories[skill] = category
    return totals, per_skill, categories


def trends(session: Session, query: TrendsQuery) -> Trends:
    """Matching postings per month and each followed skill's share of them, with the change
    against the previous month (the month before the first shown is read for its change)."""
    if query.skills and query.skill_category is not None:
        raise InvalidInput("give skills or skill_category, not both")
    check_category(query.skill_category)
    skills = list(dict.fromkeys(canonical_skill(name) for name in query.skills))
    ids = repository.matching_ids(session, query.search_query())
    total = repository.count_postings(session, ids)
    latest = repository.latest_listed_on(session, ids)
    last = _last_month(session, ids, query.until)
    if last is None:
        return Trends(n=total, latest=latest, months=[], totals=[], skills=[])
    window = analytics.months_ending(last, query.months + 1)
    shown = window[1:]
    totals, per_skill, categories = _monthly(
        session, ids, window, skills=skills or None, skill_category=query.skill_category
    )

    def n_of(month: str) -> int:
        return totals.get(month, 0)

    month_totals = []
    for previous, month in zip(window, shown, strict=False):
        n, before = n_of(month), n_of(previous)
        ratio = None if analytics.withheld(before) else (n - before) / before
        month_totals.append(MonthTotal(month=month, n=n, change=n - before, change_ratio=ratio))

    if query.skill_category is not None:
        in_window = {s: sum(counts.get(m, 0) for m in shown) for s, counts in per_skill.items()}
        ranked = sorted((s for s in in_window if in_window[s]), key=lambda s: (-in_window[s], s))
        skills = ranked[: query.top]
    taxonomy = default_taxonomy().skills
    series = []
    for skill in skills:
        counts = per_skill.get(skill, {})
        cells = [
            TrendCell(
                month=month,
                n=n_of(month),
                postings=counts.get(month, 0),
                share=analytics.share(counts.get(month, 0), n_of(month)),
                change=analytics.share_change(
                    counts.get(month, 0), n_of(month), counts.get(previous, 0), n_of(previous)
                ),
            )
            for previous, month in zip(window, shown, strict=False)
        ]
        category = categories.get(skill) or taxonomy[skill].category
        series.append(
            SkillTrend(
                skill=skill,
                category=category,
                postings=sum(c.postings for c in cells),
                months=cells,
            )
        )
    return Trends(n=total, latest=latest, months=shown, totals=month_totals, skills=series)


# --- the language outlook -------------------------------------------------------------------


def _top_groups(sizes: dict[str | None, int], mentions: dict[str | None, int]) -> list[GroupShare]:
    """The groups whose postings mention the language most often, by share; a group of
    fewer than 5 postings (its share withheld) or of unknown value is not ranked."""
    ranked = [
        (Fraction(mentions[value], sizes[value]), sizes[value], value)
        for value in mentions
        if value is not None and mentions[value] and not analytics.withheld(sizes[value])
    ]
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    return [
        GroupShare(value=value, n=n, postings=mentions[value], share=mentions[value] / n)
        for _, n, value in ranked[:TOP_GROUPS]
    ]


def _segment_mentions(
    session: Session, ids: Subquery, segment: str
) -> tuple[dict[str | None, int], dict[str, dict[str | None, int]]]:
    sizes = {label(v): n for v, n in repository.count_by_segment(session, ids, segment)}
    mentions: dict[str, dict[str | None, int]] = defaultdict(dict)
    for value, skill, _, n, _, _ in repository.skill_counts(
        session, ids, skill_category="language", segment=segment
    ):
        if skill in analytics.BACKEND_LANGUAGES:
            mentions[skill][label(value)] = n
    return sizes, mentions


def _period(months: list[str], totals: dict[str, int], counts: dict[str, int]) -> PeriodShare:
    n = sum(totals.get(m, 0) for m in months)
    postings = sum(counts.get(m, 0) for m in months)
    return PeriodShare(months=months, n=n, postings=postings, share=analytics.share(postings, n))


def language_outlook(session: Session, query: LanguagesQuery) -> LanguagesOutlook:
    """For each backend language of kyujin.core.analytics.BACKEND_LANGUAGES: its share of
    the matching postings, its salary quartiles, its growth (the share in the last 3 months
    against the 3 months before), and the industries and size bands that ask for it most."""
    languages = list(analytics.BACKEND_LANGUAGES)
    ids = repository.matching_ids(session, query.search_query())
    total = repository.count_postings(session, ids)
    latest = repository.latest_listed_on(session, ids)

    demand = {lang: 0 for lang in languages}
    for _, skill, _, n, _, _ in repository.skill_counts(
        session, ids, skill_category="language", segment=None
    ):
        if skill in demand:
            demand[skill] = n
    salaries: dict[str, list[analytics.Number]] = defaultdict(list)
    for skill, low, high in repository.salaries(session, ids, "language"):
        value = analytics.salary_value(low, high)
        if skill in demand and value is not None:
            salaries[skill].append(value)

    last = _last_month(session, ids, query.until)
    recent: list[str] = []
    previous: list[str] = []
    totals: dict[str, int] = {}
    per_skill: dict[str, dict[str, int]] = {}
    if last is not None:
        window = analytics.months_ending(last, 2 * GROWTH_MONTHS)
        previous, recent = window[:GROWTH_MONTHS], window[GROWTH_MONTHS:]
        totals, per_skill, _ = _monthly(session, ids, window, skills=languages)
    industry_sizes, industry_mentions = _segment_mentions(session, ids, "industry")
    band_sizes, band_mentions = _segment_mentions(session, ids, "size_band")

    outlooks = []
    for lang in languages:
        counts = per_skill.get(lang, {})
        now, before = _period(recent, totals, counts), _period(previous, totals, counts)
        outlooks.append(
            LanguageOutlook(
                language=lang,
                postings=demand[lang],
                share=analytics.share(demand[lang], total),
                salary=salary_cell(None, analytics.quartiles(salaries[lang])),
                recent=now,
                previous=before,
                growth=analytics.share_change(now.postings, now.n, before.postings, before.n),
                growth_relative=analytics.relative_change(
                    now.postings, now.n, before.postings, before.n
                ),
                industries=_top_groups(industry_sizes, industry_mentions.get(lang, {})),
                size_bands=_top_groups(band_sizes, band_mentions.get(lang, {})),
            )
        )
    outlooks.sort(key=lambda o: (-o.postings, o.language))
    return LanguagesOutlook(
        n=total,
        latest=latest,
        recent_months=recent,
        previous_months=previous,
        languages=outlooks,
    )
