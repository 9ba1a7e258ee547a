"""`kyujin analytics ...`: the figures of GET /v1/analytics/... on the command line.

Kept beside the feature rather than in kyujin/cli.py, which is near the 500-line split
point; kyujin/cli.py adds this Typer app under the name "analytics".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, get_origin

import typer
from pydantic import BaseModel, ValidationError

from kyujin.analytics.schemas import (
    FILTER_FIELDS,
    Cooccurrence,
    CooccurrenceMatrix,
    CooccurrenceMatrixQuery,
    CooccurrenceQuery,
    LanguagesOutlook,
    LanguagesQuery,
    SalariesQuery,
    SalaryCell,
    SalaryFigures,
    SalaryGroupBy,
    Segment,
    SkillDemandCell,
    SkillsQuery,
    Trends,
    TrendsQuery,
)
from kyujin.postings.search_schemas import SearchQuery

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Q = TypeVar("Q", bound=BaseModel)
R = TypeVar("R")

app = typer.Typer(
    help="Market figures over the stored postings: skill demand, salary percentiles, "
    "co-occurrence, monthly trends, the backend language outlook.",
    no_args_is_help=True,
)

# The filters that take several values (--filter remote=full --filter remote=hybrid).
_LIST_FILTERS = frozenset(
    name for name in FILTER_FIELDS if get_origin(SearchQuery.model_fields[name].annotation) is list
)
Filters = Annotated[
    list[str] | None,
    typer.Option(
        "--filter",
        "-f",
        metavar="NAME=VALUE",
        help="A filter of GET /v1/postings, e.g. -f remote=full -f industry=finance "
        "-f q=決済 (repeat a name for any of several values). Names: "
        + ", ".join(FILTER_FIELDS)
        + ".",
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="The API's JSON instead of a table.")]
Until = Annotated[
    str | None,
    typer.Option(help="The last month, YYYY-MM (default: that of the latest matching posting)."),
]


def _parse_filters(items: Sequence[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or name not in FILTER_FIELDS:
            raise typer.BadParameter(
                f"{item!r}: expected NAME=VALUE with NAME one of {', '.join(FILTER_FIELDS)}",
                param_hint="--filter",
            )
        if name in _LIST_FILTERS:
            values.setdefault(name, []).append(value)
        else:
            values[name] = value
    return values


def _query(model: type[Q], filters: Sequence[str] | None, **params: Any) -> Q:
    values = {**_parse_filters(filters or []), **{k: v for k, v in params.items() if v is not None}}
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        typer.echo(f"error: {problems}", err=True)
        raise typer.Exit(2) from None


def _run(call: Callable[[Session, Q], R], query: Q) -> R:
    """The service call in one read transaction; an InvalidInput is a usage error."""
    from kyujin.cli import make_engine_checked
    from kyujin.db.engine import make_session_factory, transaction
    from kyujin.errors import InvalidInput
    from kyujin.settings import get_settings

    engine = make_engine_checked(get_settings())
    try:
        with transaction(make_session_factory(engine)) as session:
            return call(session, query)
    except InvalidInput as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.dispose()


# --- tables ---------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned first column, right-aligned numbers; wide (Japanese) characters count
    as two columns."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            cell + " " * (w - _width(cell)) if i == 0 else " " * (w - _width(cell)) + cell
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _skill_table(cell: SkillDemandCell, title: str) -> str:
    note = " (fewer than 5: shares withheld)" if cell.withheld else ""
    rows = [
        [
            f.skill,
            f.category,
            f"{f.postings:,}",
            _percent(f.share),
            _percent(f.required_share),
            _percent(f.preferred_share),
        ]
        for f in cell.skills
    ]
    header = ["skill", "category", "postings", "share", "required", "preferred"]
    body = _table(header, rows) if rows else "(no skills)"
    return f"{title}: {cell.n:,} postings{note}\n{body}"


def _yen(value: int | None) -> str:
    return "withheld" if value is None else f"{value:,}"


def _salary_row(label: str, cell: SalaryCell) -> list[str]:
    return [label, f"{cell.n:,}", _yen(cell.p25), _yen(cell.median), _yen(cell.p75)]


def _salary_text(figures: SalaryFigures) -> str:
    header = ["group", "n", "p25", "median", "p75"]
    rows = [_salary_row("all", figures.overall)]
    rows += [_salary_row(g.value or "(unknown)", g) for g in figures.groups]
    text = (
        f"{figures.n:,} matching postings, {figures.overall.n:,} with a salary "
        f"(annual JPY; n < 5 withheld)\n{_table(header, rows)}"
    )
    if figures.premium is not None:
        prem = [
            [
                b.band,
                f"{b.with_skill.n:,}",
                _yen(b.with_skill.median),
                f"{b.without_skill.n:,}",
                _yen(b.without_skill.median),
                "withheld" if b.premium is None else f"{b.premium:+,}",
            ]
            for b in figures.premium.bands
        ]
        header = ["years", "n with", "median with", "n without", "median without", "premium"]
        text += f"\n\npremium of {figures.premium.skill}\n{_table(header, prem)}"
    return text


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _points(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:+.1f}pt"


def _cooccurrence_text(figures: Cooccurrence) -> str:
    note = " (fewer than 5: shares withheld)" if figures.withheld else ""
    rows = [
        [
            f.skill,
            f.category,
            f"{f.postings:,}",
            f"{f.skill_postings:,}",
            _percent(f.share),
            "withheld" if f.lift is None else _ratio(f.lift),
        ]
        for f in figures.skills
    ]
    header = ["skill", "category", "together", "postings", "share", "lift"]
    body = _table(header, rows) if rows else "(no skills)"
    return (
        f"{figures.skill}: {figures.postings:,} of {figures.n:,} matching postings{note}; "
        f"share = together / {figures.postings:,}, lift = P(both) / (P(A) P(B)), "
        f"withheld under 5 together\n{body}"
    )


def _matrix_text(matrix: CooccurrenceMatrix) -> str:
    names = [row.skill for row in matrix.rows]
    rows = []
    for row in matrix.rows:
        pairs = {f.skill: f for f in row.skills}
        cells = [
            "-"
            if name == row.skill
            else f"{_ratio(pairs[name].lift) if pairs[name].lift is not None else 'w/h'}"
            f" ({pairs[name].postings:,})"
            for name in names
        ]
        rows.append([f"{row.skill} ({row.postings:,})", *cells])
    return (
        f"{matrix.n:,} matching postings; lift = P(both) / (P(A) P(B)) (postings with both), "
        f"w/h: fewer than 5 together\n{_table(['skill (postings)', *names], rows)}"
    )


def _trends_text(trends: Trends) -> str:
    if not trends.months:
        return f"{trends.n:,} matching postings: no months to show"
    header = ["month", "n", "change", *(s.skill for s in trends.skills)]
    rows = []
    for i, total in enumerate(trends.totals):
        cells = [
            f"{_percent(s.months[i].share)} ({_points(s.months[i].change)})" for s in trends.skills
        ]
        change = "-" if total.change is None else f"{total.change:+,}"
        rows.append([total.month, f"{total.n:,}", change, *cells])
    return (
        f"{trends.n:,} matching postings, latest listed {trends.latest}; share of the month's "
        f"postings (change vs the previous month), withheld under 5\n{_table(header, rows)}"
    )


def _languages_text(outlook: LanguagesOutlook) -> str:
    header = ["language", "postings", "share", "n salary", "median", "growth", "industries",
              "size bands"]  # fmt: skip
    rows = [
        [
            o.language,
            f"{o.postings:,}",
            _percent(o.share),
            f"{o.salary.n:,}",
            _yen(o.salary.median),
            _points(o.growth),
            ", ".join(f"{g.value} {g.share:.0%}" for g in o.industries) or "-",
            ", ".join(f"{g.value} {g.share:.0%}" for g in o.size_bands) or "-",
        ]
        for o in outlook.languages
    ]
    recent, previous = outlook.recent_months, outlook.previous_months
    span = f"{recent[0]}..{recent[-1]} vs {previous[0]}..{previous[-1]}" if recent else "-"
    return (
        f"{outlook.n:,} matching postings; growth: share {span}; "
        f"n < 5 withheld\n{_table(header, rows)}"
    )


# --- commands -------------------------------------------------------------------------------


@app.command("skills")
def skills_command(
    filters: Filters = None,
    top: Annotated[int, typer.Option(min=1, max=500, help="Skills listed (per segment).")] = 20,
    category: Annotated[
        str | None,
        typer.Option(help="Only skills of this category: language, framework, database, ..."),
    ] = None,
    segment: Annotated[
        Segment | None, typer.Option(help="The same figures per value of this attribute.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Share of the matching postings that mention each skill, required or only preferred."""
    from kyujin.analytics import service

    query = _query(SkillsQuery, filters, top=top, skill_category=category, segment=segment)
    demand = _run(service.skill_demand, query)
    if as_json:
        typer.echo(demand.model_dump_json(indent=2))
        return
    parts = [_skill_table(demand.overall, "all matching")]
    parts += [
        _skill_table(cell, f"{segment}={cell.value or '(unknown)'}") for cell in demand.segments
    ]
    typer.echo("\n\n".join(parts))


@app.command("salaries")
def salaries_command(
    filters: Filters = None,
    by: Annotated[
        SalaryGroupBy | None,
        typer.Option(help="Group by language, skill, experience band, size band, ..."),
    ] = None,
    premium: Annotated[
        str | None,
        typer.Option(help="A skill: its median premium within each experience band."),
    ] = None,
    top: Annotated[int, typer.Option(min=1, max=2000, help="Groups listed.")] = 50,
    as_json: AsJson = False,
) -> None:
    """Annual JPY p25, median and p75 (type-7 percentiles) of the matching postings, each
    counted once at the midpoint of its salary range."""
    from kyujin.analytics import service

    query = _query(SalariesQuery, filters, by=by, premium_skill=premium, top=top)
    figures = _run(service.salary_figures, query)
    typer.echo(figures.model_dump_json(indent=2) if as_json else _salary_text(figures))


@app.command("cooccurrence")
def cooccurrence_command(
    skill: Annotated[str, typer.Argument(help="The skill whose companions are counted.")],
    filters: Filters = None,
    top: Annotated[int, typer.Option(min=1, max=500, help="Skills listed.")] = 20,
    category: Annotated[
        str | None, typer.Option(help="Only companions of this category: database, ...")
    ] = None,
    order: Annotated[
        Literal["count", "lift"], typer.Option(help="Most frequent first, or highest lift.")
    ] = "count",
    as_json: AsJson = False,
) -> None:
    """The skills that appear in the same postings as SKILL: count, share and lift."""
    from kyujin.analytics import service

    query = _query(
        CooccurrenceQuery, filters, of=skill, top=top, skill_category=category, order=order
    )
    figures = _run(service.cooccurrence, query)
    typer.echo(figures.model_dump_json(indent=2) if as_json else _cooccurrence_text(figures))


@app.command("matrix")
def matrix_command(
    skills: Annotated[list[str], typer.Argument(help="2-15 skills crossed with each other.")],
    filters: Filters = None,
    as_json: AsJson = False,
) -> None:
    """The lift of every pair of SKILLS (row A, column B) over the matching postings, with
    how many postings mention both; the figures of `cooccurrence` in one pass."""
    from kyujin.analytics import service

    query = _query(CooccurrenceMatrixQuery, filters, skills=skills)
    matrix = _run(service.cooccurrence_matrix, query)
    typer.echo(matrix.model_dump_json(indent=2) if as_json else _matrix_text(matrix))


@app.command("trends")
def trends_command(
    skills: Annotated[
        list[str] | None, typer.Argument(help="Skills followed (or --category).")
    ] = None,
    filters: Filters = None,
    category: Annotated[
        str | None, typer.Option(help="Instead of skills: the top skills of this category.")
    ] = None,
    top: Annotated[int, typer.Option(min=1, max=100, help="Skills with --category.")] = 10,
    months: Annotated[int, typer.Option(min=1, max=60, help="Months shown.")] = 12,
    until: Until = None,
    as_json: AsJson = False,
) -> None:
    """Matching postings per month and each skill's share, with the change vs the previous
    month."""
    from kyujin.analytics import trends

    query = _query(
        TrendsQuery,
        filters,
        skills=skills or None,
        skill_category=category,
        top=top,
        months=months,
        until=until,
    )
    figures = _run(trends.trends, query)
    typer.echo(figures.model_dump_json(indent=2) if as_json else _trends_text(figures))


@app.command("languages")
def languages_command(
    filters: Filters = None, until: Until = None, as_json: AsJson = False
) -> None:
    """For each backend language: share, salary median, growth (last 3 months vs the 3
    before), and the industries and size bands that ask for it most."""
    from kyujin.analytics import trends

    query = _query(LanguagesQuery, filters, until=until)
    outlook = _run(trends.language_outlook, query)
    typer.echo(outlook.model_dump_json(indent=2) if as_json else _languages_text(outlook))


@app.command("rebuild")
def rebuild_command(
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Only compare the rollup with a fresh count and report the difference "
            "(exit 1 if any); change nothing.",
        ),
    ] = False,
) -> None:
    """Count every posting into the market rollup again (after a migration that added it to a
    database holding postings, or to repair it); figures come from the postings meanwhile."""
    import time

    from kyujin.analytics import market
    from kyujin.cli import make_engine_checked
    from kyujin.db.engine import make_session_factory, transaction
    from kyujin.settings import get_settings

    engine = make_engine_checked(get_settings())
    factory = make_session_factory(engine)
    started = time.perf_counter()
    try:
        if check:
            with transaction(factory, write=True) as session:
                drift = market.drift(session)
                session.rollback()
            rows = ", ".join(f"{name} {count}" for name, count in drift.items())
            typer.echo(f"rollup vs a fresh count: {rows}")
            if any(drift.values()):
                raise typer.Exit(1)
            return
        with transaction(factory, write=True) as session:
            market.rebuild(session)
        typer.echo(f"market rollup rebuilt in {time.perf_counter() - started:.1f} s")
    finally:
        engine.dispose()
