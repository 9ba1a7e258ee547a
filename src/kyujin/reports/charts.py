"""The report's charts, drawn by matplotlib from the analytics answers. Pure rendering: no
database, no statistics (box plots are drawn from the quartiles the analytics give, with
no whiskers, since no minimum or maximum is computed).

Japanese text needs a CJK font and neither the machines nor matplotlib have one: the IPAex
Gothic file shipped by the matplotlib-fontja package is registered here by path (the
package is not imported: its import changes matplotlib's global settings). Latin text is
set in DejaVu Sans and any glyph it lacks falls back to IPAex Gothic. SVG text is written
as paths, so a browser needs no font; the PDF embeds the fonts' subsets (TrueType, Type 42).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

import matplotlib
from matplotlib import colors, font_manager, ticker
from matplotlib.axis import Axis
from matplotlib.figure import Figure, FigureBase

from kyujin.analytics.schemas import SalaryCell, SkillDemandCell, Trends
from kyujin.reports.content import CooccurrenceView

JAPANESE_FONT = "IPAexGothic"
_FONT_FILE = "ipaexg.ttf"
WIDTH_IN = 8.0
# matplotlib's settings (rcParams) are process-wide: one rendering at a time.
_LOCK = threading.Lock()
REQUIRED_COLOUR = "#1f77b4"
PREFERRED_COLOUR = "#9ecae1"
WITHHELD_COLOUR = "#d9d9d9"


@cache
def japanese_font_path() -> str:
    """The IPAex Gothic file of the matplotlib-fontja distribution, registered once."""
    files = importlib.metadata.files("matplotlib-fontja") or []
    for file in files:
        if file.name == _FONT_FILE:
            path = str(file.locate())
            font_manager.fontManager.addfont(path)
            return path
    raise RuntimeError("matplotlib-fontja is installed without its font file ipaexg.ttf")


@contextlib.contextmanager
def style() -> Iterator[None]:
    """matplotlib settings for report charts, for the duration of one rendering."""
    japanese_font_path()
    settings = {
        "font.family": ["DejaVu Sans", JAPANESE_FONT],
        "font.size": 9,
        "svg.fonttype": "path",
        "svg.hashsalt": "kyujin",  # stable ids: the same figures give the same SVG
        "pdf.fonttype": 42,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 10,
        # No bold: IPAex Gothic has one weight, and Japanese titles would fall back to it.
    }
    with _LOCK, matplotlib.rc_context(cast(Any, settings)):
        yield


def to_svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element to put inside HTML (no XML prologue)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


@dataclass(frozen=True)
class Chart:
    """A chart to draw: its height in inches at WIDTH_IN wide, and how to draw it into a
    figure (a whole figure for the HTML, a part of a page for the PDF)."""

    height: float
    draw: Callable[[FigureBase], None]

    def figure(self) -> Figure:
        fig = Figure(figsize=(WIDTH_IN, self.height), layout="constrained")
        self.draw(fig)
        return fig


def _bars_height(rows: int) -> float:
    return max(2.2, 0.9 + 0.26 * rows)


def message(text: str) -> Chart:
    """A small chart that says why there is no chart."""

    def draw(fig: FigureBase) -> None:
        fig.text(0.5, 0.5, text, ha="center", va="center", color="#555555")

    return Chart(1.0, draw)


def _percent_axis(axis: Axis) -> None:
    axis.set_major_formatter(ticker.PercentFormatter(xmax=1.0, decimals=0))


def skill_bars(cell: SkillDemandCell, title: str) -> Chart:
    """Horizontal bars: each skill's share of the postings, split into postings that
    require it and postings that only prefer it."""
    if cell.withheld or not cell.skills:
        reason = f"withheld: {cell.n} postings (< 5)" if cell.withheld else "no skills found"
        return message(f"{title}: {reason}")
    figures = list(reversed(cell.skills))  # the largest at the top

    def draw(fig: FigureBase) -> None:
        names = [f.skill for f in figures]
        required = [f.required_share or 0.0 for f in figures]
        preferred = [f.preferred_share or 0.0 for f in figures]
        # Mentioned outside any required or preferred section (the rest of the share).
        other = [
            max(0.0, (f.share or 0.0) - r - p)
            for f, r, p in zip(figures, required, preferred, strict=True)
        ]
        ax = fig.subplots()
        ax.barh(names, required, color=REQUIRED_COLOUR, label="required / 必須")
        ax.barh(names, preferred, left=required, color=PREFERRED_COLOUR, label="preferred / 歓迎")
        ax.barh(
            names,
            other,
            left=[r + p for r, p in zip(required, preferred, strict=True)],
            color=WITHHELD_COLOUR,
            label="section not stated / 区分なし",
        )
        for y, f in enumerate(figures):
            ax.text((f.share or 0.0) + 0.005, y, f"{f.share or 0.0:.0%}", va="center", fontsize=7)
        _percent_axis(ax.xaxis)
        ax.set_xlabel(f"share of {cell.n:,} postings / 求人に占める割合")
        ax.set_title(title, loc="left")
        ax.legend(loc="lower right", frameon=False)

    return Chart(_bars_height(len(figures)), draw)


def count_bars(labels: Sequence[str], counts: Sequence[int], title: str, xlabel: str) -> Chart:
    """Horizontal bars of plain counts, the first label at the top."""
    if not labels:
        return message(f"{title}: no postings")

    def draw(fig: FigureBase) -> None:
        ax = fig.subplots()
        ax.barh(list(reversed(labels)), list(reversed(counts)), color=REQUIRED_COLOUR)
        for y, count in enumerate(reversed(counts)):
            ax.text(count, y, f" {count:,}", va="center", fontsize=7)
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")

    return Chart(_bars_height(len(labels)), draw)


def cooccurrence_heatmap(view: CooccurrenceView, title: str) -> Chart:
    """Lift of each pair of the most demanded skills (row A, column B): 1 is chance, above
    1 together more often than chance. Pairs with fewer than 5 postings in common are
    withheld (grey, "w/h")."""
    names = view.skills
    size = len(names)
    if size < 2:
        return message(f"{title}: fewer than two skills to cross")
    values = [[math.nan] * size for _ in range(size)]
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            pair = view.pair(a, b) if i != j else None
            if pair is not None and pair.lift is not None:
                values[i][j] = pair.lift
    top = max([2.0, *(v for row in values for v in row if not math.isnan(v))])

    def draw(fig: FigureBase) -> None:
        ax = fig.subplots()
        cmap = matplotlib.colormaps["RdBu_r"].with_extremes(bad=WITHHELD_COLOUR)
        norm = colors.TwoSlopeNorm(vmin=0.0, vcenter=1.0, vmax=top)
        image = ax.imshow(values, cmap=cmap, norm=norm, aspect="auto")
        for i in range(size):
            for j in range(size):
                value = values[i][j]
                text = "" if i == j else "w/h" if math.isnan(value) else f"{value:.2f}"
                ax.text(j, i, text, ha="center", va="center", fontsize=7)
        ax.set_xticks(range(size), names, rotation=40, ha="right")
        ax.set_yticks(range(size), names)
        ax.spines[:].set_visible(False)
        fig.colorbar(image, ax=ax, label="lift (1 = chance)", shrink=0.8)
        ax.set_title(title, loc="left")

    return Chart(1.2 + 0.36 * size, draw)


def salary_boxes(cells: Sequence[SalaryCell], labels: Sequence[str], title: str) -> Chart:
    """One box per group from its p25, median and p75 (no whiskers: the analytics give no
    minimum or maximum). A withheld group keeps its row, labelled withheld, with no box."""
    if not cells:
        return message(f"{title}: no postings with a salary")
    rows = list(reversed(list(zip(cells, labels, strict=True))))

    def draw(fig: FigureBase) -> None:
        ax = fig.subplots()
        stats: list[dict[str, float]] = []
        positions: list[int] = []
        for y, (cell, _) in enumerate(rows):
            if cell.p25 is None or cell.median is None or cell.p75 is None:
                continue  # withheld
            q1, med, q3 = cell.p25 / 1e6, cell.median / 1e6, cell.p75 / 1e6
            stats.append({"q1": q1, "med": med, "q3": q3, "whislo": q1, "whishi": q3})
            positions.append(y)
        if stats:
            ax.bxp(
                stats,
                positions=positions,
                orientation="horizontal",
                showcaps=False,
                showfliers=False,
                widths=0.6,
                patch_artist=True,
                boxprops={"facecolor": PREFERRED_COLOUR, "edgecolor": REQUIRED_COLOUR},
                medianprops={"color": "#08306b", "linewidth": 2},
            )
        names = [
            f"{label} ({'withheld, ' if cell.withheld else ''}n={cell.n:,})" for cell, label in rows
        ]
        ax.set_yticks(range(len(rows)), names)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlabel("annual salary, million JPY / 年収（百万円）: box p25 to p75, bar median")
        ax.set_title(title, loc="left")
        ax.grid(axis="x", color="#eeeeee")

    return Chart(_bars_height(len(rows)), draw)


def trend_lines(trends: Trends, title: str) -> Chart:
    """Postings listed per month (bars) and each followed skill's share of them (lines); a
    month whose share is withheld (fewer than 5 postings) leaves a gap in the line."""
    if not trends.months:
        return message(f"{title}: no dated postings")

    def draw(fig: FigureBase) -> None:
        months = trends.months
        top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 2])
        x = list(range(len(months)))
        top.bar(x, [t.n for t in trends.totals], color=WITHHELD_COLOUR)
        top.set_ylabel("postings / 求人数")
        top.set_title(title, loc="left")
        for series in trends.skills:
            shares = [math.nan if c.share is None else c.share for c in series.months]
            bottom.plot(x, shares, marker="o", markersize=3, label=series.skill)
        _percent_axis(bottom.yaxis)
        bottom.set_ylabel("share of the month's postings")
        bottom.set_xticks(x, months, rotation=45, ha="right")
        if trends.skills:
            bottom.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)

    return Chart(4.6, draw)
