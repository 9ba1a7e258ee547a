"""`kyujin report`: the market report of POST /v1/reports, written here and now.

Kept beside the feature rather than in kyujin/cli.py, which is near the 500-line split
point; kyujin/cli.py registers the command.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

# The filter options and their parsing are those of `kyujin analytics ...`, so that the
# same -f NAME=VALUE selects the same postings in both.
from kyujin.analytics.commands import Filters, Until
from kyujin.analytics.commands import _query as parse_query
from kyujin.reports.schemas import ReportQuery


def report_command(
    out: Annotated[
        Path, typer.Option("--out", "-o", dir_okay=False, help="The HTML file to write.")
    ],
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", dir_okay=False, help="Also write the same report as a PDF here."),
    ] = None,
    filters: Filters = None,
    title: Annotated[str | None, typer.Option(help="The report's title.")] = None,
    top: Annotated[int, typer.Option(min=3, max=40, help="Skills in the demand charts.")] = 15,
    months: Annotated[int, typer.Option(min=2, max=36, help="Months in the trends.")] = 12,
    until: Until = None,
) -> None:
    """A self-contained HTML market report (and optionally a PDF) over the postings matching
    the filters: summary, skill demand, co-occurrence, salaries by language and experience,
    trends; every chart with its numbers and sample sizes, figures under 5 postings
    withheld."""
    from kyujin.cli import make_engine_checked
    from kyujin.db.engine import make_session_factory, transaction
    from kyujin.errors import InvalidInput
    from kyujin.reports import content, output
    from kyujin.settings import get_settings

    query = parse_query(ReportQuery, filters, title=title, top=top, months=months, until=until)
    if pdf is not None and pdf.resolve() == out.resolve():
        # the PDF was written over the HTML and both reported written
        raise typer.BadParameter("--pdf must name another file than --out", param_hint="--pdf")
    started = time.perf_counter()
    engine = make_engine_checked(get_settings())
    try:
        with transaction(make_session_factory(engine)) as session:
            figures = content.gather(session, query)
    except InvalidInput as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    gathered = time.perf_counter()
    html, data = output.render(figures, pdf=pdf is not None)
    assert html is not None
    output.write_atomic(out, html.encode())
    if pdf is not None and data is not None:
        output.write_atomic(pdf, data)
    done = time.perf_counter()
    written = f"{out}" + (f" and {pdf}" if pdf is not None else "")
    typer.echo(
        f"wrote {written}: {figures.n:,} matching postings; figures {gathered - started:.1f} s, "
        f"rendering {done - gathered:.1f} s",
        err=True,
    )
