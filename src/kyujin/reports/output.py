"""Render a report's content to files: both renderers inside one matplotlib style, each file
written to a temporary name and renamed, so a reader never sees half a report and a second
run of the same job simply replaces it."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from kyujin.reports import charts, render_html, render_pdf, sections
from kyujin.reports.content import ReportContent


def render(
    content: ReportContent, *, html: bool = True, pdf: bool = True
) -> tuple[str | None, bytes | None]:
    """The HTML text and the PDF bytes (None for one not asked for)."""
    with charts.style():
        built = sections.build(content)
        text = render_html.render(content, built) if html else None
        data = render_pdf.render(content, built) if pdf else None
    return text, data


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
