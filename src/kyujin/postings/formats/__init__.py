"""Import formats: JSON Lines, CSV with a column mapping, schema.org JSON-LD and the HTML
pages job boards publish it in. Every reader yields ``ParsedRecord`` one at a time."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from kyujin.postings.formats.csv_rows import MappingError, parse_mapping, read_csv
from kyujin.postings.formats.jsonld_nodes import read_jsonld
from kyujin.postings.reader import ParsedRecord, read_jsonl

__all__ = [
    "FORMATS",
    "FormatError",
    "MappingError",
    "ParsedRecord",
    "format_of",
    "open_records",
    "parse_mapping",
    "read_csv",
    "read_jsonld",
    "read_records",
]

FORMATS = ("jsonl", "csv", "jsonld", "html")
_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".json": "jsonld",
    ".jsonld": "jsonld",
    ".html": "html",
    ".htm": "html",
}


class FormatError(ValueError):
    """The format cannot be told or is unknown: raised before any record is read."""


def format_of(path: Path | str, format: str | None = None) -> str:
    """The given format, else the one the file name's extension says (a directory: html)."""
    if format is not None:
        if format not in FORMATS:
            raise FormatError(f"unknown format {format!r}; formats are: {', '.join(FORMATS)}")
        return format
    if str(path) == "-":
        raise FormatError("reading standard input needs a format: " + ", ".join(FORMATS))
    path = Path(path)
    if path.is_dir():
        return "html"
    try:
        return _BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        raise FormatError(
            f"cannot tell the format of {path.name!r} from its extension "
            f"({', '.join(_BY_SUFFIX)}); give one of: {', '.join(FORMATS)}"
        ) from None


def read_records(
    stream: BinaryIO, format: str, mapping: Mapping[str, str], *, name: str = ""
) -> Iterator[ParsedRecord]:
    """Records of an open stream in ``format`` ("jsonl", "csv", "jsonld" or "html").
    FormatError at once for a mapping given with any other format than CSV."""
    if mapping and format != "csv":
        raise FormatError("a column mapping applies to CSV only")
    if format == "jsonl":
        return read_jsonl(stream)
    if format == "csv":
        return read_csv(stream, mapping)
    # JSON-LD files and pages are told apart by their first character.
    return read_jsonld(stream, name=name)


def _pages(directory: Path, pages: list[Path]) -> Iterator[ParsedRecord]:
    for number, page in enumerate(pages, start=1):
        name = page.relative_to(directory).as_posix()
        try:
            stream = page.open("rb")
        except OSError as exc:  # one unreadable page, not the end of the directory
            yield ParsedRecord(number, error=f"cannot read: {exc.strerror or exc}", position=name)
            continue
        with stream:
            yield from read_jsonld(stream, name=name)


def open_records(
    path: Path | str, format: str | None = None, mapping: Mapping[str, str] | None = None
) -> Iterator[ParsedRecord]:
    """Records of a file, standard input ("-") or a directory of HTML pages.

    The format is ``format`` ("jsonl", "csv", "jsonld", "html") or the extension's:
    .jsonl/.ndjson, .csv, .json/.jsonld, .html/.htm. Positions in a directory start with
    the page's path in it. FormatError and MappingError are raised at once, before any
    record is read (the CSV header is read to check the mapping).
    """
    mapping = mapping or {}
    chosen = format_of(path, format)
    if mapping and chosen != "csv":
        raise FormatError("a column mapping applies to CSV only")
    if str(path) == "-":
        return read_records(sys.stdin.buffer, chosen, mapping)
    path = Path(path)
    if path.is_dir():
        if chosen != "html":
            raise FormatError(f"{path} is a directory: only a directory of HTML pages is read")
        pages = sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".html", ".htm")
        )
        if not pages:
            raise FormatError(f"no .html or .htm pages in {path}")
        return _pages(path, pages)
    stream = path.open("rb")
    try:
        records = read_records(stream, chosen, mapping)
    except BaseException:
        stream.close()
        raise
    return _closing(records, stream)


def _closing(records: Iterator[ParsedRecord], stream: BinaryIO) -> Iterator[ParsedRecord]:
    with stream:
        yield from records
