"""Market figures over the postings a search finds: skill demand, co-occurrence and salary
percentiles (trends and the language outlook are in kyujin.analytics.trends).

The repository counts and fetches; kyujin.core.analytics holds the definitions (type-7
percentiles, a posting's salary as the midpoint of its range, experience bands, figures over
fewer than 5 postings withheld). Orders are decided here, in Python, so that ties come out
the same on both databases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from functools import cache
from typing import Any

from sqlalchemy import Subquery
from sqlalchemy.orm import Session

from kyujin.analytics import market, market_repository, repository
from kyujin.analytics.schemas import (
    Cooccurrence,
    CooccurrenceMatrix,
    CooccurrenceMatrixQuery,
    CooccurrenceQuery,
    CooccurringSkill,
    PremiumBand,
    SalariesQuery,
    SalaryCell,
    SalaryFigures,
    SkillDemand,
    SkillDemandCell,
    SkillFigure,
    SkillPremium,
    SkillsQuery,
)
from kyujin.core import analytics
from kyujin.core.taxonomy import default_taxonomy
from kyujin.db.models.market import CELL_COLUMNS
from kyujin.errors import InvalidInput

_BAND_ORDER = (*analytics.EXPERIENCE_BANDS, analytics.UNSTATED)


@cache
def _categories() -> frozenset[str]:
    return frozenset(skill.category for skill in default_taxonomy().skills.values())


def canonical_skill(name: str) -> str:
    """The taxonomy's name for a skill, by its name or one of its forms (Taxonomy.resolve)."""
    canonical = default_taxonomy().resolve(name)
    if canonical is None:
        raise InvalidInput(f"skill {name!r} is not in the taxonomy")
    return canonical


def check_category(name: str | None) -> None:
    """InvalidInput unless ``name`` is None or a category of the taxonomy."""
    if name is not None and name not in _categories():
        raise InvalidInput(
            f"skill_category {name!r} is not a category of the taxonomy; "
            f"one of: {', '.join(sorted(_categories()))}"
        )


def _from_cell(value: str | None) -> str | None:
    """A market rollup cell value as ``label`` gives the same value read from a posting."""
    return value or None


def label(value: Any) -> str | None:
    if isinstance(value, bool):
        return str(value).lower()
    return None if value is None else str(value)


def _largest_first(key: tuple[int, str | None]) -> tuple[int, bool, str]:
    """Sort key: the largest sample first, then by value (code point order), unknown last."""
    n, value = key
    return (-n, value is None, value or "")


# --- skill demand ---------------------------------------------------------------------------


def _skill_cell(
    value: str | None, n: int, rows: Iterable[tuple[str, str, int, int, int]], top: int
) -> SkillDemandCell:
    ordered = sorted(rows, key=lambda r: (-r[2], r[0]))[:top]
    return SkillDemandCell(
        value=value,
        n=n,
        withheld=analytics.withheld(n),
        skills=[
            SkillFigure(
                skill=skill,
                category=category,
                postings=postings,
                required=required,
                preferred=preferred,
                share=analytics.share(postings, n),
                required_share=analytics.share(required, n),
                preferred_share=analytics.share(preferred, n),
            )
            for skill, category, postings, required, preferred in ordered
        ],
    )


def skill_demand(session: Session, query: SkillsQuery) -> SkillDemand:
    """The share of matching postings that mention each skill, required and preferred,
    overall and per segment value; the ``top`` skills of each, most mentioned first."""
    check_category(query.skill_category)
    search_query = query.search_query()
    cell = market.readable(session, search_query)
    sizes: dict[str | None, int] = {}
    counts: list[tuple[Any, str, str, int, int, int]]
    if cell is not None and query.segment in (None, *CELL_COLUMNS):
        total = market_repository.count_postings(session, cell)
        counts = [
            (_from_cell(value), skill, category, n, required, preferred)
            for value, skill, category, n, required, preferred in market_repository.skill_counts(
                session, cell, skill_category=query.skill_category, segment=query.segment
            )
        ] if query.top else []  # fmt: skip
        if query.segment is not None:
            sizes = {
                _from_cell(value): n
                for value, n in market_repository.count_by(session, cell, query.segment)
            }
    else:
        ids = repository.matching_ids(session, search_query)
        total = repository.count_postings(session, ids)
        counts = (
            repository.skill_counts(
                session, ids, skill_category=query.skill_category, segment=query.segment
            )
            if query.top
            else []
        )
        if query.segment is not None:
            sizes = {
                label(value): n
                for value, n in repository.count_by_segment(session, ids, query.segment)
            }
    # Overall figures are the sums over segments: each posting is in exactly one segment.
    summed: dict[str, tuple[str, int, int, int]] = {}
    by_value: dict[str | None, list[tuple[str, str, int, int, int]]] = defaultdict(list)
    for value, skill, category, postings, required, preferred in counts:
        _, p, r, f = summed.get(skill, (category, 0, 0, 0))
        summed[skill] = (category, p + postings, r + required, f + preferred)
        if query.segment is not None:
            by_value[label(value)].append((skill, category, postings, required, preferred))
    overall = _skill_cell(None, total, [(k, *v) for k, v in summed.items()], query.top)
    segments: list[SkillDemandCell] = []
    if query.segment is not None:
        for value in sorted(sizes, key=lambda v: _largest_first((sizes[v], v))):
            segments.append(_skill_cell(value, sizes[value], by_value.get(value, []), query.top))
    return SkillDemand(
        n=total,
        skill_category=query.skill_category,
        segment=query.segment,
        overall=overall,
        segments=segments,
    )


# --- co-occurrence --------------------------------------------------------------------------


def cooccurrence(session: Session, query: CooccurrenceQuery) -> Cooccurrence:
    """The skills that appear in the same matching postings as ``query.of``.

    Over the ``n`` matching postings, of which ``a`` mention the skill A and ``b`` a skill B
    and ``ab`` both: B's share is ``ab / a`` (withheld when a < 5) and its lift is
    P(A and B) / (P(A) P(B)) = ``ab * n / (a * b)`` (withheld when ab < 5): how many times
    more often the two appear together than if postings chose them independently.
    """
    skill = canonical_skill(query.of)
    check_category(query.skill_category)
    search_query = query.search_query()
    ids = repository.matching_ids(session, search_query)
    # Each skill's postings among the matches: from the rollup when it can answer.
    cell = market.readable(session, search_query)
    if cell is not None:
        total = market_repository.count_postings(session, cell)
        counts = market_repository.skill_counts(session, cell, skill_category=None, segment=None)
    else:
        total = repository.count_postings(session, ids)
        counts = repository.skill_counts(session, ids, skill_category=None, segment=None)
    postings = {name: (category, n) for _, name, category, n, _, _ in counts}
    with_skill = postings.get(skill, ("", 0))[1]
    figures = [
        CooccurringSkill(
            skill=name,
            category=category,
            postings=both,
            skill_postings=skill_postings,
            share=analytics.share(both, with_skill),
            lift=analytics.lift(both, with_skill, skill_postings, total),
            withheld=analytics.withheld(both),
        )
        for name, both in repository.companions(session, ids, skill).items()
        # A skill the counts lack (a rollup that drifted: `kyujin analytics rebuild
        # --check`) is shown with what is known of it rather than failing the request.
        for category, skill_postings in [postings.get(name) or (_category_of(name), both)]
        if query.skill_category is None or category == query.skill_category
    ]
    if query.order == "lift":
        figures.sort(key=lambda f: (f.lift is None, -(f.lift or 0.0), -f.postings, f.skill))
    else:
        figures.sort(key=lambda f: (-f.postings, f.skill))
    return Cooccurrence(
        skill=skill,
        category=default_taxonomy().skills[skill].category,
        n=total,
        postings=with_skill,
        withheld=analytics.withheld(with_skill),
        order=query.order,
        skills=figures[: query.top],
    )


def _category_of(skill: str) -> str:
    known = default_taxonomy().skills.get(skill)
    return known.category if known is not None else "unknown"


def cooccurrence_matrix(session: Session, query: CooccurrenceMatrixQuery) -> CooccurrenceMatrix:
    """The co-occurrence of each pair of ``query.skills`` over the matching postings, with
    the definitions of ``cooccurrence`` (share, lift, withheld), computed in one pass over
    the matches rather than one query per skill: what a heat map of a few skills needs."""
    skills = list(dict.fromkeys(canonical_skill(name) for name in query.skills))
    if len(skills) < 2:
        raise InvalidInput("skills: name at least two different skills")
    taxonomy = default_taxonomy()
    ids = repository.matching_ids(session, query.search_query())
    total, singles, both = repository.skill_matrix(session, ids, skills)
    rows: list[Cooccurrence] = []
    for i, skill in enumerate(skills):
        companions = [
            CooccurringSkill(
                skill=other,
                category=taxonomy.skills[other].category,
                postings=(ab := both[min(i, j), max(i, j)]),
                skill_postings=singles[j],
                share=analytics.share(ab, singles[i]),
                lift=analytics.lift(ab, singles[i], singles[j], total),
                withheld=analytics.withheld(ab),
            )
            for j, other in enumerate(skills)
            if j != i
        ]
        companions.sort(key=lambda f: (-f.postings, f.skill))
        rows.append(
            Cooccurrence(
                skill=skill,
                category=taxonomy.skills[skill].category,
                n=total,
                postings=singles[i],
                withheld=analytics.withheld(singles[i]),
                order="count",
                skills=companions,
            )
        )
    return CooccurrenceMatrix(n=total, rows=rows)


# --- salaries -------------------------------------------------------------------------------


def salary_cell(value: str | None, q: analytics.Quartiles) -> SalaryCell:
    return SalaryCell(
        value=value, n=q.n, p25=q.p25, median=q.median, p75=q.p75, withheld=q.withheld
    )


def _group_value(group: str | None, raw: Any) -> str | None:
    if group == "experience":
        return analytics.experience_band(raw)
    return label(raw)


def salary_figures(session: Session, query: SalariesQuery) -> SalaryFigures:
    """Annual JPY p25, median and p75 of the matching postings that state a salary, overall
    and by the group asked for; optionally the premium of a skill per experience band."""
    premium_skill = canonical_skill(query.premium_skill) if query.premium_skill else None
    search_query = query.search_query()
    cell = market.readable(session, search_query)
    if cell is not None and query.by != "skill" and premium_skill is None:
        return _salary_figures_from_rollup(session, query, cell)
    ids = repository.matching_ids(session, search_query)
    total = repository.count_postings(session, ids)

    overall: list[analytics.Number] = []
    for _, low, high in repository.salaries(session, ids, None):
        value = analytics.salary_value(low, high)
        if value is not None:
            overall.append(value)

    groups: list[SalaryCell] = []
    if query.by is not None:
        values: dict[str | None, list[analytics.Number]] = defaultdict(list)
        for raw, low, high in repository.salaries(session, ids, query.by):
            value = analytics.salary_value(low, high)
            if value is not None:
                values[_group_value(query.by, raw)].append(value)
        order: list[str | None]
        if query.by == "experience":
            order = [band for band in _BAND_ORDER if band in values]
        else:
            order = sorted(values, key=lambda v: _largest_first((len(values[v]), v)))
        groups = [
            salary_cell(value, analytics.quartiles(values[value])) for value in order[: query.top]
        ]

    premium = None
    if premium_skill is not None:
        premium = _premium(session, ids, premium_skill)
    return SalaryFigures(
        n=total,
        by=query.by,
        overall=salary_cell(None, analytics.quartiles(overall)),
        groups=groups,
        premium=premium,
    )


def _salary_figures_from_rollup(
    session: Session, query: SalariesQuery, cell: market_repository.Cell
) -> SalaryFigures:
    """salary_figures from the market rollup: the same figures, from counts of each salary."""
    overall = [
        (Fraction(salary2, 2), n)
        for _, salary2, n in market_repository.salary_counts(session, cell, None)
    ]
    groups: list[SalaryCell] = []
    if query.by is not None:
        counted: dict[str | None, list[tuple[analytics.Number, int]]] = defaultdict(list)
        sizes: dict[str | None, int] = defaultdict(int)
        for raw, salary2, n in market_repository.salary_counts(session, cell, query.by):
            value = raw if query.by == "experience" else _from_cell(raw)
            counted[value].append((Fraction(salary2, 2), n))
            sizes[value] += n
        order: list[str | None]
        if query.by == "experience":
            order = [band for band in _BAND_ORDER if band in counted]
        else:
            order = sorted(counted, key=lambda v: _largest_first((sizes[v], v)))
        groups = [
            salary_cell(value, analytics.quartiles_counted(counted[value]))
            for value in order[: query.top]
        ]
    return SalaryFigures(
        n=market_repository.count_postings(session, cell),
        by=query.by,
        overall=salary_cell(None, analytics.quartiles_counted(overall)),
        groups=groups,
        premium=None,
    )


def _premium(session: Session, ids: Subquery, skill: str) -> SkillPremium:
    with_skill: dict[str, list[analytics.Number]] = defaultdict(list)
    without_skill: dict[str, list[analytics.Number]] = defaultdict(list)
    for has_skill, years, low, high in repository.salaries_for_premium(session, ids, skill):
        value = analytics.salary_value(low, high)
        if value is None:
            continue
        side = with_skill if has_skill else without_skill
        side[analytics.experience_band(years)].append(value)
    bands = []
    for band in _BAND_ORDER:
        if band not in with_skill and band not in without_skill:
            continue
        figure = analytics.premium(band, with_skill[band], without_skill[band])
        bands.append(
            PremiumBand(
                band=band,
                with_skill=salary_cell(None, figure.with_skill),
                without_skill=salary_cell(None, figure.without_skill),
                premium=figure.premium,
                withheld=figure.withheld,
            )
        )
    return SkillPremium(skill=skill, bands=bands)
