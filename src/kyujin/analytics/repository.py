"""The queries behind market figures. Counting is done by the database; percentiles are not
(SQLite has no percentile function), so salary queries return the raw values and
kyujin.core.analytics computes the figures: the same rows give the same numbers on SQLite
and PostgreSQL. Nothing here orders by text either: PostgreSQL's collation and SQLite's
byte order disagree, so the service sorts in Python.

The postings a figure is computed over are the matches of a posting search
(kyujin.postings.search), taken as a subquery of posting ids.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Subquery,
    case,
    extract,
    false,
    func,
    literal,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from kyujin.core import search_text
from kyujin.db.models import Company, Posting, PostingSkill
from kyujin.postings import repository as postings_repository
from kyujin.postings import search
from kyujin.postings.search_schemas import SearchQuery

# A segment's column; company columns need the outer join to company.
SEGMENT_COLUMNS: dict[str, QueryableAttribute[Any]] = {
    "industry": Company.industry,
    "size_band": Company.size_band,
    "foreign_affiliated": Company.foreign_affiliated,
    "japanese_level": Posting.japanese_level,
    "remote": Posting.remote,
    "employment_type": Posting.employment_type,
    "prefecture": Posting.prefecture,
}
SALARY_GROUP_COLUMNS: dict[str, QueryableAttribute[Any]] = {
    "experience": Posting.min_years_experience,
    "size_band": Company.size_band,
    "industry": Company.industry,
    "japanese_level": Posting.japanese_level,
}
_HAS_SALARY = (Posting.salary_annual_min_jpy.is_not(None)) | (
    Posting.salary_annual_max_jpy.is_not(None)
)

SalaryRow = tuple[Any, int | None, int | None]


def matching_ids(session: Session, query: SearchQuery) -> Subquery:
    """``SELECT posting.id`` of the postings a search with these filters finds (all of them,
    not a page), as a subquery."""
    filters = search.conditions(query)
    phrases = search_text.query(query.q or "")
    stmt: Select[Any]
    if phrases:
        stmt, _ = postings_repository.matching(session, phrases, filters)
    else:
        # A q of punctuation only has no phrase to match: it matches nothing, as in search.
        nothing = [false()] if query.q and query.q.split() else []
        stmt = select(Posting.id).where(*nothing, *filters)
    return stmt.subquery("matching")


def _in(ids: Subquery) -> ColumnElement[bool]:
    return Posting.id.in_(select(ids.c.id))


def count_postings(session: Session, ids: Subquery) -> int:
    return session.scalar(select(func.count()).select_from(ids)) or 0


def count_by_segment(session: Session, ids: Subquery, segment: str) -> list[tuple[Any, int]]:
    """(segment value, postings) for each value of the segment among the matches."""
    column = SEGMENT_COLUMNS[segment]
    stmt = (
        select(column, func.count())
        .select_from(Posting)
        .outerjoin(Company, Company.id == Posting.company_id)
        .where(_in(ids))
        .group_by(column)
    )
    return [(value, count) for value, count in session.execute(stmt)]


def skill_counts(
    session: Session,
    ids: Subquery,
    *,
    skill_category: str | None,
    segment: str | None,
) -> list[tuple[Any, str, str, int, int, int]]:
    """(segment value or None, skill, category, postings, required, preferred-only) for each
    skill mentioned in the matches.

    A posting counts once per skill however often it mentions it: as required when any
    mention is required, as preferred when none is required and one is preferred.
    """
    per_posting = (
        select(
            PostingSkill.posting_id,
            PostingSkill.skill,
            func.min(PostingSkill.category).label("category"),
            func.max(case((PostingSkill.requirement == "required", 1), else_=0)).label("req"),
            func.max(case((PostingSkill.requirement == "preferred", 1), else_=0)).label("pref"),
        )
        .where(PostingSkill.posting_id.in_(select(ids.c.id)))
        .group_by(PostingSkill.posting_id, PostingSkill.skill)
    )
    if skill_category is not None:
        per_posting = per_posting.where(PostingSkill.category == skill_category)
    mentions = per_posting.subquery("mentions")
    figures = (
        mentions.c.skill,
        func.min(mentions.c.category),
        func.count(),
        func.sum(mentions.c.req),
        func.sum(case(((mentions.c.req == 0) & (mentions.c.pref == 1), 1), else_=0)),
    )
    stmt: Select[Any]
    if segment is None:
        stmt = select(*figures).group_by(mentions.c.skill)
        rows = [(None, *row) for row in session.execute(stmt)]
    else:
        column = SEGMENT_COLUMNS[segment]
        stmt = (
            select(column, *figures)
            .join(Posting, Posting.id == mentions.c.posting_id)
            .outerjoin(Company, Company.id == Posting.company_id)
            .group_by(column, mentions.c.skill)
        )
        rows = [tuple(row) for row in session.execute(stmt)]
    return [
        (value, skill, category, int(n), int(required or 0), int(preferred or 0))
        for value, skill, category, n, required, preferred in rows
    ]


def salaries(session: Session, ids: Subquery, group: str | None) -> list[SalaryRow]:
    """(group value, annual JPY min, annual JPY max) of each matching posting that states a
    salary; the group is None without ``group``. For language and skill, one row per skill
    a posting mentions (a posting with Go and Python is in both groups); a posting mentioning
    none is not in any such group."""
    bounds = (Posting.salary_annual_min_jpy, Posting.salary_annual_max_jpy)
    stmt: Select[Any]
    if group in ("language", "skill"):
        skills = select(PostingSkill.posting_id, PostingSkill.skill).distinct()
        if group == "language":
            skills = skills.where(PostingSkill.category == "language")
        mentioned = skills.subquery("mentioned")
        stmt = select(mentioned.c.skill, *bounds).join(
            Posting, Posting.id == mentioned.c.posting_id
        )
    elif group is not None:
        column = SALARY_GROUP_COLUMNS[group]
        stmt = select(column, *bounds).outerjoin(Company, Company.id == Posting.company_id)
    else:
        overall = select(*bounds).where(_in(ids), _HAS_SALARY)
        return [(None, low, high) for low, high in session.execute(overall)]
    stmt = stmt.where(_in(ids), _HAS_SALARY)
    return [(value, low, high) for value, low, high in session.execute(stmt)]


def salaries_for_premium(
    session: Session, ids: Subquery, skill: str
) -> list[tuple[bool, int | None, int | None, int | None]]:
    """(mentions the skill, min years asked, annual JPY min, max) of each matching posting
    that states a salary."""
    has_skill = Posting.id.in_(select(PostingSkill.posting_id).where(PostingSkill.skill == skill))
    stmt = select(
        case((has_skill, 1), else_=0),
        Posting.min_years_experience,
        Posting.salary_annual_min_jpy,
        Posting.salary_annual_max_jpy,
    ).where(_in(ids), _HAS_SALARY)
    return [(bool(flag), years, low, high) for flag, years, low, high in session.execute(stmt)]


def companions(session: Session, ids: Subquery, skill: str) -> dict[str, int]:
    """For each other skill, how many matching postings mention it and ``skill`` both.

    PostgreSQL splits each such posting's skill_list (its distinct skills) with unnest: one
    row a posting and skill. SQLite has no function to split a string into rows, so there
    the posting's posting_skill rows are counted, a posting once per skill."""
    holders = select(PostingSkill.posting_id).where(
        PostingSkill.skill == skill, PostingSkill.posting_id.in_(select(ids.c.id))
    )
    stmt: Select[str, int]
    if session.get_bind().dialect.name == "postgresql":
        names = func.unnest(func.string_to_array(Posting.skill_list, literal("\t"))).table_valued(
            "name"
        )
        stmt = (
            select(names.c.name, func.count())
            .select_from(Posting)
            .join(names, true())  # a function in FROM sees the row before it
            .where(Posting.id.in_(holders), names.c.name != skill)
            .group_by(names.c.name)
        )
    else:
        stmt = (
            select(PostingSkill.skill, func.count(PostingSkill.posting_id.distinct()))
            .where(PostingSkill.posting_id.in_(holders), PostingSkill.skill != skill)
            .group_by(PostingSkill.skill)
        )
    return {name: int(n) for name, n in session.execute(stmt)}


class _position(FunctionElement[int]):
    """Where a string starts in another, from 1 (0: not in it): strpos on PostgreSQL, instr
    on SQLite. Unlike LIKE it has no wildcards and is case-sensitive on both."""

    type = Integer()
    inherit_cache = True


@compiles(_position, "postgresql")
def _position_postgresql(element: _position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


@compiles(_position)
def _position_default(element: _position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


def skill_matrix(
    session: Session, ids: Subquery, skills: list[str]
) -> tuple[int, list[int], dict[tuple[int, int], int]]:
    """(matching postings, how many mention each of ``skills``, how many mention both of
    each pair (i, j), i < j), in one pass over the matching postings.

    It reads posting.skill_list (the posting's distinct skills, tab-separated), not
    posting_skill: one row a posting instead of a self-join of its mentions. Each posting
    gets a bit mask of the skills it mentions, each skill looked for once; the database
    counts the postings per mask (at most 2^len(skills) rows, far fewer in practice) and the
    singles and pairs are summed from those."""
    padded = literal("\t") + func.coalesce(Posting.skill_list, "") + literal("\t")
    bits = [
        case((_position(padded, f"\t{skill}\t") > 0, 1 << i), else_=0)
        for i, skill in enumerate(skills)
    ]
    mask = sum(bits[1:], bits[0]).label("mask")
    held = select(mask).where(_in(ids)).subquery("held")
    counts = session.execute(select(held.c.mask, func.count()).group_by(held.c.mask)).all()
    total = 0
    singles = [0] * len(skills)
    both = {(i, j): 0 for i in range(len(skills)) for j in range(i + 1, len(skills))}
    for value, count in counts:
        present = [i for i in range(len(skills)) if int(value) >> i & 1]
        total += count
        for k, i in enumerate(present):
            singles[i] += count
            for j in present[k + 1 :]:
                both[i, j] += count
    return total, singles, both


def latest_listed_on(session: Session, ids: Subquery) -> date | None:
    """The most recent listed_on (posted date, or the day stored) among the matches."""
    return session.scalar(select(func.max(Posting.listed_on)).where(_in(ids)))


def _year_month() -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    # EXTRACT on PostgreSQL, CAST(STRFTIME(...) AS INTEGER) on SQLite: integers on both.
    return extract("year", Posting.listed_on), extract("month", Posting.listed_on)


def _window(start: date, end: date) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return Posting.listed_on >= start, Posting.listed_on < end


def monthly_postings(
    session: Session, ids: Subquery, *, start: date, end: date
) -> list[tuple[int, int, int]]:
    """(year, month, matching postings) for each month with a posting listed on a day in
    [start, end)."""
    year, month = _year_month()
    stmt = (
        select(year, month, func.count())
        .where(_in(ids), *_window(start, end))
        .group_by(year, month)
    )
    return [(int(y), int(m), int(n)) for y, m, n in session.execute(stmt)]


def monthly_skill_postings(
    session: Session,
    ids: Subquery,
    *,
    start: date,
    end: date,
    skills: list[str] | None = None,
    skill_category: str | None = None,
) -> list[tuple[int, int, str, str, int]]:
    """(year, month, skill, category, matching postings mentioning it) per month of
    listed_on in [start, end), for the given skills or the skills of a category."""
    year, month = _year_month()
    stmt = (
        select(
            year,
            month,
            PostingSkill.skill,
            func.min(PostingSkill.category),
            func.count(PostingSkill.posting_id.distinct()),
        )
        .join(Posting, Posting.id == PostingSkill.posting_id)
        .where(_in(ids), *_window(start, end))
        .group_by(year, month, PostingSkill.skill)
    )
    if skills is not None:
        stmt = stmt.where(PostingSkill.skill.in_(skills))
    if skill_category is not None:
        stmt = stmt.where(PostingSkill.category == skill_category)
    return [
        (int(y), int(m), skill, category, int(n))
        for y, m, skill, category, n in session.execute(stmt)
    ]
