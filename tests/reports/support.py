"""Reading reports back: the tables of an HTML report, the pages of a PDF."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node


def tables(document: HTMLParser, section: str) -> list[list[list[str]]]:
    """Each table of a section, as rows of cell texts (header row first)."""
    node = document.css_first(f"section#{section}")
    assert node is not None, f"no section {section}"
    return [_rows(table) for table in node.css("table")]


def _rows(table: Node) -> list[list[str]]:
    return [[cell.text(strip=True) for cell in row.css("th, td")] for row in table.css("tr")]


def withheld_cells(document: HTMLParser, section: str) -> list[str]:
    node = document.css_first(f"section#{section}")
    assert node is not None
    return [cell.text(strip=True) for cell in node.css("td.withheld")]


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF as its page tree says (matplotlib writes one /Pages node whose
    dictionary is not compressed), checked against the /Type /Page objects."""
    assert data.startswith(b"%PDF-1."), data[:20]
    assert data.rstrip().endswith(b"%%EOF")
    counts = re.findall(rb"/Type /Pages\s+/Kids \[[^\]]*\]\s+/Count (\d+)", data)
    assert len(counts) == 1, counts
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    assert pages == int(counts[0])
    return pages
