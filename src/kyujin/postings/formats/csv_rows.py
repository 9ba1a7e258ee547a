"""Reading CSV exports: a header row, then one posting per row.

Columns map to PostingIn fields by a mapping (field -> header, ``--map title=Job Title``);
a column whose header is a field name maps to it unless the mapping says otherwise; other
columns are ignored. Empty cells are absent values. applicant_countries is split on
commas, semicolons and 、; numbers may carry thousands separators (6,000,000).

Encoding: UTF-8, with or without the BOM that Excel writes ("CSV UTF-8"). A file that is
not valid UTF-8 in its first 64 KB but is valid cp932 there is read as cp932: that is what
Excel on Japanese Windows writes for plain "CSV". cp932 rather than shift_jis, because
company names use its NEC and IBM extensions (㈱, ①, 髙), which shift_jis cannot decode. A
row holding bytes its encoding cannot decode is rejected; the rows around it are read.

Rows are read one at a time (quoted fields may span lines), so memory stays constant.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from pydantic import ValidationError

from kyujin.postings.formats.streams import Readable, peek
from kyujin.postings.reader import MAX_LINE_BYTES, ParsedRecord, describe_validation_error
from kyujin.postings.schemas import PostingIn

_SAMPLE = 64 * 1024
_BOM = b"\xef\xbb\xbf"
FIELDS = tuple(PostingIn.model_fields)
_NUMBERS = {"salary_min", "salary_max", "company_employees"}
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_LIST_SPLIT = re.compile(r"\s*[,;、]\s*")
# The csv module's default limit of 131,072 characters a field is below what PostingIn
# accepts (an HTML description of 400,000), and past an error the reader goes on inside the
# quoted field, reading its text as rows. This is above any field PostingIn accepts, which
# rejects a long one by name instead.
FIELD_LIMIT = 8 * 1024 * 1024


class MappingError(ValueError):
    """The column mapping does not fit the file: raised before any row is read."""


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """``["title=Job Title", ...]`` (the CLI's --map, the API's ?map=) as field -> header."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise MappingError(f"map {pair!r} must be field=Column Header")
        if any(c < " " or c == "\x7f" for c in pair):
            # no header holds one, and PostgreSQL cannot store a NUL (the job failed on it)
            raise MappingError(f"map {pair!r} holds a control character")
        mapping[field.strip()] = header.strip()
    return mapping


def detect_encoding(sample: bytes) -> str:
    """utf-8-sig, utf-8 or cp932 for the first bytes of a file (see the module docstring)."""
    if sample.startswith(_BOM):
        return "utf-8-sig"
    for encoding in ("utf-8", "cp932"):
        try:  # final=False: the sample may end inside a character
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    return "utf-8"


class _Lines:
    """Decoded lines for the csv module, noting lines it could not decode or that were
    over MAX_LINE_BYTES (they are replaced, and the row holding them is rejected)."""

    def __init__(self, stream: Readable, encoding: str) -> None:
        self._stream = stream
        self._encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self._first = encoding == "utf-8-sig"
        self.number = 0
        self.bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            raise StopIteration
        self.number += 1
        if self._first:
            raw, self._first = raw.removeprefix(_BOM), False
        if len(raw) > MAX_LINE_BYTES:
            while raw and not raw.endswith(b"\n"):
                raw = self._stream.readline(MAX_LINE_BYTES)
            self.bad[self.number] = f"line {self.number} is over {MAX_LINE_BYTES:,} bytes"
            return "\n"
        try:
            return raw.decode(self._encoding)
        except UnicodeDecodeError as exc:
            self.bad[self.number] = (
                f"line {self.number} is not valid {self._encoding} "
                f"(byte 0x{raw[exc.start]:02x} at offset {exc.start})"
            )
            return raw.decode(self._encoding, "replace")


def _columns(header: list[str], mapping: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index; MappingError when the mapping names what is not there."""
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise MappingError(
            f"unknown field(s) in the mapping: {', '.join(unknown)}; fields are: "
            + ", ".join(FIELDS)
        )
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        index.setdefault(name, i)  # a repeated header: its first column
    columns = {field: index[field] for field in FIELDS if field in index}
    missing = []
    for field, name in mapping.items():
        if name not in index:
            missing.append(name)
        else:
            columns[field] = index[name]
    if missing:
        raise MappingError(
            f"column(s) not in the header: {', '.join(repr(m) for m in missing)}; "
            f"the header has: {', '.join(repr(h) for h in header)}"
        )
    return columns


def _value(field: str, cell: str) -> Any:
    if field in _NUMBERS and _THOUSANDS.match(cell):
        return cell.replace(",", "")
    if field == "applicant_countries":
        return [part for part in _LIST_SPLIT.split(cell) if part]
    return cell


def read_csv(stream: BinaryIO, mapping: Mapping[str, str]) -> Iterator[ParsedRecord]:
    """Rows of a CSV file as records or errors, each with "row N (line L)": N counts data
    rows from 1, L is the line the row starts on (a quoted field may span lines).

    The header is read and the mapping checked now: MappingError before any row.
    """
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)  # process-wide; only ever raised
    sample, replay = peek(stream, _SAMPLE)
    lines = _Lines(replay, detect_encoding(sample))
    reader = csv.reader(lines)
    header: list[str] = []
    try:
        while not any(header):  # blank lines (or a lone BOM) before the header
            header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise MappingError("the file is empty: a header row is needed") from None
    except csv.Error as exc:
        raise MappingError(f"unreadable header row: {exc}") from None
    columns = _columns(header, mapping)
    return _rows(reader, lines, header, columns)


def _rows(
    reader: Any, lines: _Lines, header: list[str], columns: dict[str, int]
) -> Iterator[ParsedRecord]:
    row_number = 0
    while True:
        start = lines.number + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row_number += 1
            yield _rejection(row_number, start, f"unreadable CSV: {exc}")
            continue
        bad = [lines.bad.pop(n) for n in range(start, lines.number + 1) if n in lines.bad]
        if not bad and (not row or (len(row) == 1 and not row[0].strip())):
            continue  # a blank line (an over-long one reads as blank, and is reported)
        row_number += 1
        if bad:
            yield _rejection(row_number, start, "; ".join(bad))
            continue
        if len(row) != len(header):
            yield _rejection(row_number, start, f"expected {len(header)} columns, got {len(row)}")
            continue
        data = {f: _value(f, row[i].strip()) for f, i in columns.items() if row[i].strip()}
        try:
            record = PostingIn.model_validate(data)
        except ValidationError as exc:
            yield _rejection(row_number, start, _describe(exc, header, columns))
            continue
        yield ParsedRecord(start, record, position=f"row {row_number} (line {start})")


def _describe(exc: ValidationError, header: list[str], columns: dict[str, int]) -> str:
    """The validation errors, naming the column beside the field: "salary_min (年収下限): ..."."""
    text = describe_validation_error(exc)
    for field, index in columns.items():
        if header[index] != field:
            # re.sub reads a backslash in a replacement as an escape; a header may hold one (the
            # yen sign of cp932 files is byte 0x5C)
            named = f"{field} ({header[index]}):".replace("\\", "\\\\")
            text = re.sub(rf"(?<![\w.]){field}:", named, text)
    return text


def _rejection(row: int, line: int, reason: str) -> ParsedRecord:
    return ParsedRecord(line, error=reason, position=f"row {row} (line {line})")
