"""The report as one self-contained HTML file: inline CSS, charts as inline SVG whose text is
drawn as paths (no font, script or URL is fetched), and beside each chart the table of its
numbers. The Japanese characters of the text outside the charts also read on a machine
without a Japanese font: the glyphs the page uses are cut out of IPAex Gothic (fontTools'
subsetter, about 20 KB for a report) and embedded as a web font. Pure rendering:
no database."""

from __future__ import annotations

import base64
import io
from html import escape

from fontTools import subset

from kyujin.reports import charts
from kyujin.reports.content import ReportContent
from kyujin.reports.sections import DEFINITIONS, WITHHELD, Block, Section, Table

DEFAULT_TITLE = "Backend engineering job market report / バックエンドエンジニア求人市場レポート"

_CSS = """
body { font-family: "kyujin IPAex Gothic", system-ui, -apple-system, "Segoe UI", sans-serif;
  margin: 2rem auto;
  max-width: 72rem; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
.meta, .caption { color: #555; font-size: 0.9rem; }
.block { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start;
  margin: 1rem 0 2rem; }
.chart { flex: 1 1 36rem; min-width: 0; } .chart svg { width: 100%; height: auto; }
.numbers { flex: 1 1 24rem; overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 0.2rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f5f5f5; }
td.withheld { color: #888; font-style: italic; }
@media print { .block { break-inside: avoid; } }
"""


def render(content: ReportContent, sections: list[Section]) -> str:
    """The HTML document. Call inside charts.style() (the charts are drawn here)."""
    title = content.query.title or DEFAULT_TITLE
    generated = content.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ja">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">kyujin · generated {generated} · {content.n:,} matching postings · '
        f"figures over fewer than 5 postings are shown as “{WITHHELD}”</p>",
        _contents(sections),
    ]
    for section in sections:
        parts.append(_section(section))
    parts.append(_definitions())
    parts += ["</body>", "</html>", ""]
    document = "\n".join(parts)
    return document.replace("</style>", f"{embedded_font(document)}</style>", 1)


def embedded_font(text: str) -> str:
    """An @font-face rule holding the glyphs of IPAex Gothic that ``text`` needs beyond
    Latin (empty when it needs none). It comes first in the font list: having no Latin
    glyph, it leaves Latin text to the system's font. (Last in the list, Chromium drew
    runs of kanji without kana, such as 概要, from its own fallback: empty boxes on a
    machine without a Japanese font.)"""
    wide = "".join(sorted({c for c in text if ord(c) > 0x2000}))
    if not wide:
        return ""
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "vhea", "vmtx"]
    font = subset.load_font(charts.japanese_font_path(), options, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wide)
    subsetter.subset(font)
    data = io.BytesIO()
    font.save(data)
    font.close()
    encoded = base64.b64encode(data.getvalue()).decode("ascii")
    return (
        '@font-face { font-family: "kyujin IPAex Gothic"; '
        f'src: url(data:font/ttf;base64,{encoded}) format("truetype"); }}'
    )


def _contents(sections: list[Section]) -> str:
    items = "".join(f'<li><a href="#{s.key}">{escape(s.title)}</a></li>' for s in sections)
    return f'<nav><ol>{items}<li><a href="#definitions">Definitions / 定義</a></li></ol></nav>'


def _section(section: Section) -> str:
    body = "".join(_block(block) for block in section.blocks)
    return (
        f'<section id="{section.key}"><h2>{escape(section.title)}</h2>'
        f"<p>{escape(section.intro)}</p>{body}</section>"
    )


def _block(block: Block) -> str:
    parts = ['<div class="block">']
    if block.chart is not None:
        parts.append(f'<figure class="chart">{charts.to_svg(block.chart.figure())}</figure>')
    if block.table is not None:
        parts.append(f'<div class="numbers">{table_html(block.table)}</div>')
    parts.append("</div>")
    return "".join(parts)


def table_html(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.header)
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            withheld = cell == WITHHELD or cell.startswith(f"{WITHHELD} (")
            cls = ' class="withheld"' if withheld else ""
            cells.append(f"<td{cls}>{escape(cell)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = f'<caption class="caption">{escape(table.caption)}</caption>' if table.caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _definitions() -> str:
    items = "".join(f"<li>{escape(text)}</li>" for text in DEFINITIONS)
    return f'<section id="definitions"><h2>Definitions / 定義</h2><ul>{items}</ul></section>'
