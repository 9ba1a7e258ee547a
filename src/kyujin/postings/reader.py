"""Reading import files record by record, so one bad record never stops the rest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pydantic import ValidationError

from kyujin.postings.schemas import PostingIn

# One JSON line holding a posting is a few KB; 1 MiB bounds memory per record while
# leaving room for a MAX_DESCRIPTION_CHARS description in 4-byte UTF-8.
MAX_LINE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ParsedRecord:
    """One record read, or why it could not be.

    ``line`` is the record's 1-based line (JSON Lines, the line a CSV row starts on) or its
    number among the records of its file (JSON arrays, pages); ``position`` says which,
    for people: "line 12", "row 7 (line 9)", "item 3", "page.html script 2 item 1".
    """

    line: int
    record: PostingIn | None = None
    error: str | None = None
    position: str = ""

    def __post_init__(self) -> None:
        if not self.position:
            object.__setattr__(self, "position", f"line {self.line}")


def describe_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False, include_input=False):
        where = ".".join(str(p) for p in err["loc"]) or "record"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def read_jsonl(stream: BinaryIO, *, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[ParsedRecord]:
    """Yield each non-blank line of a JSON Lines stream as a record or an error, numbered from 1."""
    for number, raw in enumerate(stream, start=1):
        if len(raw) > max_line_bytes:
            yield ParsedRecord(
                number,
                error=f"record is {len(raw):,} bytes, over the limit of {max_line_bytes:,} bytes",
            )
            continue
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield ParsedRecord(number, error=f"invalid JSON: {exc}")
            continue
        if not isinstance(data, dict):
            yield ParsedRecord(number, error=f"expected a JSON object, got {type(data).__name__}")
            continue
        try:
            yield ParsedRecord(number, record=PostingIn.model_validate(data))
        except ValidationError as exc:
            yield ParsedRecord(number, error=describe_validation_error(exc))
