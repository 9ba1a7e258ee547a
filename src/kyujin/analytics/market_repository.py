"""The queries of the market rollup (kyujin.db.models.market): what a set of postings adds to
it, applied as one upsert per table, a rebuild from nothing, and the reads behind figures.

A posting's contribution is computed in SQL from the rows as they stand, so the writer takes
it away before changing a posting and adds it back after (kyujin.analytics.market). The
same INSERT ... SELECT ... ON CONFLICT DO UPDATE runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    case,
    delete,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kyujin.core import analytics
from kyujin.db.models import (
    Company,
    MarketPostings,
    MarketSalary,
    MarketSalaryTotal,
    MarketSkill,
    MarketSkillTotal,
    MarketState,
    Posting,
    PostingSkill,
)
from kyujin.db.models.market import CELL_COLUMNS

# Posting ids per statement when a contribution is given as a list (SQLite allows 32,766
# bound parameters since 3.32; 900 keeps each statement small on both databases).
CHUNK = 900

_TABLES: dict[str, Table] = {
    "postings": MarketPostings.__table__,  # type: ignore[dict-item]
    "skill": MarketSkill.__table__,  # type: ignore[dict-item]
    "salary": MarketSalary.__table__,  # type: ignore[dict-item]
    "skill_total": MarketSkillTotal.__table__,  # type: ignore[dict-item]
    "salary_total": MarketSalaryTotal.__table__,  # type: ignore[dict-item]
}
# Column order of the INSERT ... SELECTs below.
_COLUMNS = {
    "postings": [*CELL_COLUMNS, "postings"],
    "skill": [*CELL_COLUMNS, "skill", "category", "postings", "required", "preferred"],
    "salary": [*CELL_COLUMNS, "band", "language", "salary2", "postings"],
    "skill_total": ["skill", "category", "postings", "required", "preferred"],
    "salary_total": ["band", "language", "salary2", "postings"],
}
_KEYS = {
    "postings": list(CELL_COLUMNS),
    "skill": [*CELL_COLUMNS, "skill"],
    "salary": [*CELL_COLUMNS, "band", "language", "salary2"],
    "skill_total": ["skill"],
    "salary_total": ["band", "language", "salary2"],
}


def _const(value: str) -> ColumnElement[str]:
    """A constant written into the SQL, not bound: PostgreSQL takes two bound parameters of
    the same value for different expressions, so a GROUP BY of an expression with a bound
    constant never matches the same expression in the SELECT list. Only for the fixed
    labels of this module."""
    assert "'" not in value
    return literal_column(f"'{value}'", String)


def _text(column: Any) -> ColumnElement[str]:
    return func.coalesce(column, _const(""))


def _cell() -> list[ColumnElement[Any]]:
    """A posting's cell, in CELL_COLUMNS order (it must be joined to its company)."""
    foreign = case(
        (Company.foreign_affiliated.is_(True), _const("true")),
        (Company.foreign_affiliated.is_(False), _const("false")),
        else_=_const(""),
    )
    return [
        _text(Company.industry),
        _text(Company.size_band),
        foreign,
        _text(Posting.remote),
        _text(Posting.japanese_level),
        _text(Posting.employment_type),
    ]


def _band() -> ColumnElement[str]:
    """kyujin.core.analytics.experience_band in SQL."""
    years = Posting.min_years_experience
    bounds = analytics.EXPERIENCE_BOUNDS[1:]
    whens: list[tuple[ColumnElement[bool], ColumnElement[str]]] = [
        (years.is_(None), _const(analytics.UNSTATED))
    ]
    whens += [
        (years < literal_column(str(bound)), _const(band))
        for bound, band in zip(bounds, analytics.EXPERIENCE_BANDS, strict=False)
    ]
    return case(*whens, else_=_const(analytics.EXPERIENCE_BANDS[-1]))


def _salary2() -> ColumnElement[int]:
    low, high = Posting.salary_annual_min_jpy, Posting.salary_annual_max_jpy
    two: ColumnElement[int] = literal_column("2", Integer)
    return case((low.is_(None), two * high), (high.is_(None), two * low), else_=low + high)


_HAS_SALARY = Posting.salary_annual_min_jpy.is_not(None) | Posting.salary_annual_max_jpy.is_not(
    None
)


def _contributions(ids: Sequence[int] | None, sign: int) -> dict[str, Select[Any]]:
    """Per table, the rows that the postings ``ids`` (every posting for None) add to the
    rollup, multiplied by ``sign``."""
    cell = _cell()
    where_posting: list[ColumnElement[bool]] = [Posting.id.in_(ids) if ids is not None else true()]
    joined = Posting.__table__.outerjoin(Company.__table__, Company.id == Posting.company_id)
    postings = (
        select(*cell, func.count() * sign).select_from(joined).where(*where_posting).group_by(*cell)
    )
    where_skill: list[ColumnElement[bool]] = [
        PostingSkill.posting_id.in_(ids) if ids is not None else true()
    ]
    return {
        "postings": postings,
        "skill": _skill_rows(cell, where_skill, sign),
        "salary": _salary_rows(cell, where_posting, where_skill, sign),
        # The same rows summed over the cells: no cell columns.
        "skill_total": _skill_rows([], where_skill, sign),
        "salary_total": _salary_rows([], where_posting, where_skill, sign),
    }


def _skill_rows(
    cell: list[ColumnElement[Any]], where_skill: list[ColumnElement[bool]], sign: int
) -> Select[Any]:
    mentions = (
        select(
            PostingSkill.posting_id,
            PostingSkill.skill,
            func.min(PostingSkill.category).label("category"),
            func.max(case((PostingSkill.requirement == "required", 1), else_=0)).label("req"),
            func.max(case((PostingSkill.requirement == "preferred", 1), else_=0)).label("pref"),
        )
        .where(*where_skill)
        .group_by(PostingSkill.posting_id, PostingSkill.skill)
        .subquery("mentions")
    )
    preferred_only = case(((mentions.c.req == 0) & (mentions.c.pref == 1), 1), else_=0)
    figures = (
        mentions.c.skill,
        func.min(mentions.c.category),
        func.count() * sign,
        func.sum(mentions.c.req) * sign,
        func.sum(preferred_only) * sign,
    )
    if not cell:
        return select(*figures).where(true()).group_by(mentions.c.skill)
    return (
        select(*cell, *figures)
        .select_from(
            mentions.join(Posting, Posting.id == mentions.c.posting_id).outerjoin(
                Company, Company.id == Posting.company_id
            )
        )
        .where(true())
        .group_by(*cell, mentions.c.skill)
    )


def _salary_rows(
    cell: list[ColumnElement[Any]],
    where_posting: list[ColumnElement[bool]],
    where_skill: list[ColumnElement[bool]],
    sign: int,
) -> Select[Any]:
    band, salary2 = _band(), _salary2()
    source = (
        Posting.__table__.outerjoin(Company.__table__, Company.id == Posting.company_id)
        if cell
        else Posting.__table__
    )
    overall = (
        select(*cell, band, _const("").label("language"), salary2, func.count() * sign)
        .select_from(source)
        .where(*where_posting, _HAS_SALARY)
        .group_by(*cell, band, salary2)
    )
    languages = (
        select(PostingSkill.posting_id, PostingSkill.skill)
        .where(PostingSkill.category == "language", *where_skill)
        .distinct()
        .subquery("languages")
    )
    joined = languages.join(Posting, Posting.id == languages.c.posting_id)
    if cell:
        joined = joined.outerjoin(Company, Company.id == Posting.company_id)
    by_language = (
        select(*cell, band, languages.c.skill, salary2, func.count() * sign)
        .select_from(joined)
        .where(_HAS_SALARY)
        .group_by(*cell, band, languages.c.skill, salary2)
    )
    return overall.union_all(by_language)  # type: ignore[return-value]


def _upsert(session: Session, name: str, rows: Select[Any]) -> None:
    table, keys = _TABLES[name], _KEYS[name]
    columns = _COLUMNS[name]
    counted = [c for c in columns if c not in keys and c != "category"]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(table).from_select(columns, rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=keys,
        set_={name: table.c[name] + stmt.excluded[name] for name in counted},
    )
    session.execute(stmt)


def apply(session: Session, ids: Sequence[int], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) what the postings ``ids``, as they stand, count
    in the rollup. Ids are sorted so that concurrent writers lock rows in the same order."""
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        for name, rows in _contributions(chunk, sign).items():
            _upsert(session, name, rows)


def rebuild(session: Session) -> None:
    """Empty the rollup and count every posting again; the rollup is complete after."""
    if session.get_bind().dialect.name == "postgresql":
        # Writers wait until this transaction commits, and it waits for theirs: no posting
        # is counted twice or missed (see kyujin.analytics.market). SQLite has one writer.
        names = ", ".join(table.name for table in _TABLES.values())
        session.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
    for table in _TABLES.values():
        session.execute(delete(table))
    for name, rows in _contributions(None, 1).items():
        table = _TABLES[name]
        session.execute(table.insert().from_select(_COLUMNS[name], rows))
    set_complete(session, True)


def is_complete(session: Session) -> bool:
    return bool(session.scalar(select(MarketState.complete).where(MarketState.id == 1)))


def set_complete(session: Session, complete: bool) -> None:
    session.execute(update(MarketState).where(MarketState.id == 1).values(complete=complete))


def negative_cells(session: Session) -> int:
    """Rows holding a negative count: never, unless a writer failed to count a change."""
    total = 0
    for table in _TABLES.values():
        counts = [c for c in table.columns if c.name in ("postings", "required", "preferred")]
        stmt = select(func.count()).select_from(table).where(or_(*(c < 0 for c in counts)))
        total += session.scalar(stmt) or 0
    return total


def snapshot(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    """Every non-zero row of each table (for tests and ``kyujin analytics rebuild --check``)."""
    out: dict[str, set[tuple[Any, ...]]] = {}
    for name, table in _TABLES.items():
        rows = session.execute(select(table).where(table.c.postings != 0))
        out[name] = {tuple(row) for row in rows}
    return out


# --- reads ------------------------------------------------------------------------------

Cell = dict[str, Sequence[str]]  # cell column -> the values a filter allows


def _where(table: Table, cell: Cell) -> list[ColumnElement[bool]]:
    return [table.c[name].in_(values) for name, values in cell.items()]


def count_postings(session: Session, cell: Cell) -> int:
    table = _TABLES["postings"]
    return int(session.scalar(select(func.sum(table.c.postings)).where(*_where(table, cell))) or 0)


def count_by(session: Session, cell: Cell, column: str) -> list[tuple[str, int]]:
    """(value of a cell column, postings) for each value among the cells that ``cell``
    allows."""
    table = _TABLES["postings"]
    stmt = (
        select(table.c[column], func.sum(table.c.postings))
        .where(*_where(table, cell))
        .group_by(table.c[column])
        .having(func.sum(table.c.postings) > 0)
    )
    return [(value, int(n)) for value, n in session.execute(stmt)]


def skill_counts(
    session: Session, cell: Cell, *, skill_category: str | None, segment: str | None
) -> list[tuple[str | None, str, str, int, int, int]]:
    """As kyujin.analytics.repository.skill_counts, from the rollup: (segment value or None,
    skill, category, postings, required, preferred-only)."""
    whole = not cell and segment is None
    table = _TABLES["skill_total" if whole else "skill"]
    grouping = [table.c[segment]] if segment is not None else []
    figures = (
        table.c.skill,
        func.min(table.c.category),
        func.sum(table.c.postings),
        func.sum(table.c.required),
        func.sum(table.c.preferred),
    )
    where = _where(table, cell)
    if skill_category is not None:
        where.append(table.c.category == skill_category)
    stmt = (
        select(*grouping, *figures)
        .where(*where)
        .group_by(*grouping, table.c.skill)
        .having(func.sum(table.c.postings) > 0)
    )
    rows: list[Any] = [tuple(row) for row in session.execute(stmt)]
    if segment is None:
        rows = [(None, *row) for row in rows]
    return [(v, k, c, int(n), int(r), int(p)) for v, k, c, n, r, p in rows]


def salary_counts(
    session: Session, cell: Cell, group: str | None
) -> list[tuple[str | None, int, int]]:
    """(group value or None, twice a salary, postings stating it) from the rollup; ``group``
    is None, "language", "experience" or a cell column."""
    whole = not cell and group in (None, "language", "experience")
    table = _TABLES["salary_total" if whole else "salary"]
    where = _where(table, cell)
    grouping: list[Any] = []
    if group == "language":
        where.append(table.c.language != "")
        grouping = [table.c.language]
    else:
        where.append(table.c.language == "")
        if group == "experience":
            grouping = [table.c.band]
        elif group is not None:
            grouping = [table.c[group]]
    stmt = (
        select(*grouping, table.c.salary2, func.sum(table.c.postings))
        .where(*where)
        .group_by(*grouping, table.c.salary2)
        .having(func.sum(table.c.postings) > 0)
    )
    rows: list[Any] = list(session.execute(stmt))
    if not grouping:
        return [(None, int(row[0]), int(row[1])) for row in rows]
    return [(row[0], int(row[1]), int(row[2])) for row in rows]


def posting_ids_of_company(session: Session, company_id: int) -> list[int]:
    return list(session.scalars(select(Posting.id).where(Posting.company_id == company_id)))
