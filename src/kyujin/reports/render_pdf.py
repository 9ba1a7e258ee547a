"""The report as a PDF, drawn by matplotlib's own PDF backend (PdfPages): A4 pages, each
chart followed by the table of its numbers (continued on further pages when long), fonts
embedded as TrueType subsets (Type 42), so Japanese reads without any font installed and
no system library is needed. Pure rendering: no database."""

from __future__ import annotations

import io
import textwrap
import unicodedata
from collections.abc import Iterator

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure, FigureBase
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import Bbox

from kyujin.reports.content import ReportContent
from kyujin.reports.render_html import DEFAULT_TITLE
from kyujin.reports.sections import DEFINITIONS, WITHHELD, Block, Section, Table

PAGE_W, PAGE_H = 8.27, 11.69  # A4, inches
MARGIN = 0.5
ROW = 0.19  # a table row, inches
HEADING = 0.45
GREY = "#777777"


def render(content: ReportContent, sections: list[Section]) -> bytes:
    """The PDF's bytes. Call inside charts.style() (the charts are drawn here)."""
    title = content.query.title or DEFAULT_TITLE
    buffer = io.BytesIO()
    metadata = {"Title": title, "Creator": "kyujin", "CreationDate": None}
    with PdfPages(buffer, metadata=metadata) as pdf:
        for page in pages(content, sections):
            pdf.savefig(page)
    return buffer.getvalue()


def pages(content: ReportContent, sections: list[Section]) -> Iterator[Figure]:
    facts = next(
        (b.table for s in sections if s.key == "summary" for b in s.blocks if b.chart is None),
        None,
    )
    yield _title_page(content, facts)
    for section in sections:
        for index, block in enumerate(section.blocks):
            if section.key == "summary" and block.chart is None:
                continue  # the summary's facts are on the title page
            yield from _block_pages(section.title if index == 0 else None, block)


def _title_page(content: ReportContent, facts: Table | None) -> Figure:
    page = Figure(figsize=(PAGE_W, PAGE_H))
    title = content.query.title or DEFAULT_TITLE
    generated = content.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    y = 1 - MARGIN / PAGE_H
    lines = [line for part in title.split(" / ") for line in textwrap.wrap(part, 44)]
    page.text(MARGIN / PAGE_W, y, "\n".join(lines), va="top", fontsize=15, linespacing=1.4)
    y -= (0.3 * len(lines) + 0.2) / PAGE_H
    page.text(MARGIN / PAGE_W, y, f"kyujin · generated {generated}", va="top", color=GREY)
    y -= 0.4 / PAGE_H
    if facts is not None:
        height = (len(facts.rows) + 1) * ROW * 1.4
        _table(page, facts, top=y, height=height / PAGE_H)
        y -= height / PAGE_H + 0.4 / PAGE_H
    page.text(MARGIN / PAGE_W, y, "Definitions / 定義", va="top", fontsize=11)
    y -= 0.3 / PAGE_H
    lines = []
    for text in DEFINITIONS:
        wrapped = textwrap.wrap(text, 105)
        lines += [f"• {wrapped[0]}", *(f"  {line}" for line in wrapped[1:])]
    page.text(MARGIN / PAGE_W, y, "\n".join(lines), va="top", fontsize=8, linespacing=1.5)
    return page


def _block_pages(heading: str | None, block: Block) -> Iterator[Figure]:
    rows = block.table.rows if block.table is not None else []
    first = True
    while first or rows:
        layout = ConstrainedLayoutEngine(w_pad=MARGIN / 2, h_pad=0.05)
        page = Figure(figsize=(PAGE_W, PAGE_H), layout=layout)
        top = MARGIN + (HEADING if heading is not None and first else 0.0)
        chart = block.chart if first else None
        chart_height = 0.0 if chart is None else min(chart.height, PAGE_H - top - MARGIN - 4 * ROW)
        rest = PAGE_H - top - chart_height
        grid = page.add_gridspec(3, 1, height_ratios=[top, chart_height or 1e-6, rest])
        head, middle, bottom = (page.add_subfigure(grid[i]) for i in range(3))
        if heading is not None and first:
            head.text(MARGIN / PAGE_W, 0.1, heading, va="bottom", fontsize=13)
        if chart is not None:
            chart.draw(middle)
        if block.table is not None:
            fits = max(1, int((rest - MARGIN - 0.3) / ROW) - 1)
            shown, rows = rows[:fits], rows[fits:]
            if not first:
                head.text(MARGIN / PAGE_W, 0.1, "(continued)", va="bottom", color=GREY)
            part = Table(block.table.header, shown, block.table.caption)
            height = (len(shown) + 1) * ROW
            _table(bottom, part, top=1 - 0.2 / rest, height=height / rest, width_in=PAGE_W)
        first = False
        yield page


def _table(
    page: FigureBase, table: Table, *, top: float, height: float, width_in: float = PAGE_W
) -> None:
    """A table whose top edge is at ``top`` (a fraction of ``page``), across its width but
    the margins; ``height`` is a fraction of ``page`` too."""
    left, width = MARGIN / width_in, 1 - 2 * MARGIN / width_in
    ax = page.add_axes((left, top - height, width, height))
    ax.axis("off")
    if not table.rows:
        ax.text(0, 1, "(no rows)", va="top", color=GREY)
        return
    drawn = ax.table(
        cellText=table.rows,
        colLabels=table.header,
        bbox=Bbox.from_bounds(0, 0, 1, 1),
        cellLoc="right",
    )
    # Columns as wide as their longest text (the bbox scales them to the full width).
    lengths = [
        max(_text_width(str(v)) for v in [table.header[c], *(r[c] for r in table.rows)])
        for c in range(len(table.header))
    ]
    for (_, col), cell in drawn.get_celld().items():
        cell.set_width(max(lengths[col], 4))
    drawn.auto_set_font_size(False)
    drawn.set_fontsize(7 if len(table.header) <= 6 else 6)
    for (row, col), cell in drawn.get_celld().items():
        cell.set_linewidth(0.3)
        cell.set_edgecolor("#cccccc")
        text = cell.get_text()
        if col == 0:
            cell.set_text_props(ha="left")
            cell.PAD = 0.02
        if row == 0:
            cell.set_facecolor("#f0f0f0")
        elif text.get_text() == WITHHELD or text.get_text().startswith(f"{WITHHELD} ("):
            text.set_color(GREY)
            text.set_fontstyle("italic")
    if table.caption:
        caption = "\n".join(textwrap.wrap(table.caption, 170))  # 7 pt across the page
        ax.annotate(caption, (0, 0), xycoords="axes fraction", xytext=(0, -4),
                    textcoords="offset points", va="top", fontsize=7, color=GREY)  # fmt: skip


def _text_width(text: str) -> int:
    """Width in half-width characters: Japanese (wide) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
