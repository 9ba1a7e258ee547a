"""Reading import files record by record, so one bad record never stops the rest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from pydantic import AliasChoices, ValidationError

from kyujin.postings.schemas import PostingIn

# One JSON line holding a posting is a few KB; 1 MiB bounds memory per record while
# leaving room for a MAX_DESCRIPTION_CHARS description in 4-byte UTF-8.
MAX_LINE_BYTES = 1024 * 1024
_SKIP_BYTES = 1024 * 1024  # read at a time while skipping the rest of an oversized line


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
    # Fields of the record that no posting field takes (JSON Lines): reported, not stored.
    ignored: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.position:
            object.__setattr__(self, "position", f"line {self.line}")


def describe_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False, include_input=False):
        where = ".".join(str(p) for p in err["loc"]) or "record"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def loads(raw: bytes | str, *, strict: bool = True) -> Any:
    """``json.loads``, with every way valid-looking input can fail as JSONError: bad JSON,
    bytes that are not UTF-8, an integer of more than 4,300 digits, nesting deeper than
    the parser's recursion allows."""
    try:
        return json.loads(raw, strict=strict)
    except (ValueError, RecursionError) as exc:
        raise JSONError(json_problem(exc)) from None


def json_problem(exc: ValueError | RecursionError) -> str:
    """What the json module's failure to read a text says, for people."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, UnicodeDecodeError | json.JSONDecodeError):
        return str(exc)
    # "Exceeds the limit (4300 digits) for integer string conversion...", without Python's
    # advice on raising the limit after the ";"
    return str(exc).split(";")[0]


class JSONError(ValueError):
    """Input that ``loads`` could not read as JSON."""


def read_jsonl(stream: BinaryIO, *, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[ParsedRecord]:
    """Yield each non-blank line of a JSON Lines stream as a record or an error, numbered from
    1. A line over ``max_line_bytes`` is rejected without being held in memory."""
    number = 0
    while raw := stream.readline(max_line_bytes + 1):
        number += 1
        if len(raw) > max_line_bytes:
            size = len(raw)
            while not raw.endswith(b"\n") and (raw := stream.readline(_SKIP_BYTES)):
                size += len(raw)
            yield ParsedRecord(
                number,
                error=f"record is {size:,} bytes, over the limit of {max_line_bytes:,} bytes",
            )
            continue
        if not raw.strip():
            continue
        try:
            data = loads(raw)
        except JSONError as exc:
            yield ParsedRecord(number, error=f"invalid JSON: {exc}")
            continue
        if not isinstance(data, dict):
            yield ParsedRecord(number, error=f"expected a JSON object, got {type(data).__name__}")
            continue
        if "@type" in data or "@context" in data:
            # Read as a plain record, a JobPosting would keep its title and description and
            # silently lose its company, dates, salary and id.
            yield ParsedRecord(
                number,
                error="a schema.org JSON-LD node, not a posting record: import the file as "
                "JSON-LD (format jsonld, or a .jsonld file name)",
            )
            continue
        ignored = tuple(key for key in data if key not in POSTING_KEYS)
        yield ParsedRecord(number, ignored=ignored, **validate(data))


def _posting_keys() -> frozenset[str]:
    """Every key PostingIn reads: its field names and their other accepted names."""
    keys: set[str] = set()
    for name, field in PostingIn.model_fields.items():
        keys.add(name)
        alias = field.validation_alias
        if isinstance(alias, str):
            keys.add(alias)
        elif isinstance(alias, AliasChoices):
            keys.update(choice for choice in alias.choices if isinstance(choice, str))
        if field.alias:
            keys.add(field.alias)
    return frozenset(keys)


POSTING_KEYS = _posting_keys()


def validate(data: dict[str, Any]) -> dict[str, Any]:
    """``record=`` a PostingIn of ``data``, or ``error=`` why it is not one. Any exception
    is a rejection of this record, not the end of the file (a validator meeting a value
    no one foresaw must not stop the import)."""
    try:
        return {"record": PostingIn.model_validate(data)}
    except ValidationError as exc:
        return {"error": describe_validation_error(exc)}
    except Exception as exc:
        return {"error": f"unreadable record: {type(exc).__name__}: {exc}"}
