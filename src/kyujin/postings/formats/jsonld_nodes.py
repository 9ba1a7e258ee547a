"""Reading schema.org JobPosting JSON-LD: one object, an array, an @graph, JSON Lines of
them, or HTML pages holding <script type="application/ld+json"> blocks.

A top-level array or @graph is streamed item by item with ijson (C backend), so a file of
a million postings is read in constant memory; JSON Lines are read line by line. Pages
are read whole (up to MAX_PAGE_BYTES). Nodes other than JobPosting (Organization, WebSite,
BreadcrumbList...) are not postings: the ones with an @id are kept, up to MAX_NODES, to
resolve ``"hiringOrganization": {"@id": ...}`` and jobLocation references. A posting whose
reference is not known yet waits for the end of the file (up to MAX_WAITING postings;
beyond that it goes on with what is known, as it does when the @id is never defined).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson  # type: ignore[import-untyped]  # no type information shipped
from pydantic import ValidationError
from selectolax.lexbor import LexborHTMLParser

from kyujin.postings.formats.schema_org import (
    is_job_posting,
    posting_fields,
    references,
    type_names,
)
from kyujin.postings.formats.streams import Replay, peek
from kyujin.postings.html import MAX_BLOCK_DEPTH, too_deep
from kyujin.postings.reader import (
    MAX_LINE_BYTES,
    JSONError,
    ParsedRecord,
    describe_validation_error,
    json_problem,
    loads,
)
from kyujin.postings.schemas import PostingIn

# A job-board page is 50-500 KB; 16 MiB leaves room for pages with inlined assets.
MAX_PAGE_BYTES = 16 * 1024 * 1024
# A single JSON-LD document without an @graph to stream is held whole to be parsed.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_NODES = 100_000  # organizations and places kept for references (~1 KB each)
MAX_WAITING = 10_000  # postings held back for a reference defined later (~5 KB each)
_CHUNK = 64 * 1024
_BOM = b"\xef\xbb\xbf"
# Arrays and @graphs opened inside one another before a value counts as too deep: real
# documents nest two or three (a page's @graph of ItemLists).
_MAX_DEPTH = 16


@dataclass(frozen=True, slots=True)
class _Entry:
    number: int  # the ParsedRecord line: the line, item or script it came from
    position: str
    node: Any = None
    error: str | None = None


class _Graph:
    """Nodes with an @id seen so far, to resolve the references postings make."""

    def __init__(self) -> None:
        self.nodes: dict[str, Mapping[str, Any]] = {}

    def add(self, node: Mapping[str, Any]) -> None:
        node_id = node.get("@id")
        if isinstance(node_id, str) and len(self.nodes) < MAX_NODES:
            self.nodes.setdefault(node_id, node)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, Mapping) and isinstance(value.get("@id"), str):
            found = self.nodes.get(value["@id"])
            if found is not None and set(value) <= {"@id", "@type"}:
                return found
        return value

    def waits_for(self, node: Mapping[str, Any]) -> bool:
        return any(ref not in self.nodes for ref in references(node))


def _where(prefix: str, part: str) -> str:
    return f"{prefix} {part}" if prefix else part


def _expand(value: Any, number: int, position: str, depth: int = 0) -> Iterator[_Entry]:
    """The nodes of a parsed JSON-LD value: arrays and @graph are opened, and postings
    nested as a WebPage's mainEntity or an ItemList's items are found."""
    if depth > _MAX_DEPTH and (
        isinstance(value, list) or (isinstance(value, Mapping) and "@graph" in value)
    ):
        yield _Entry(number, position, error=f"arrays nested over {_MAX_DEPTH} deep")
        return
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _expand(item, number, _where(position, f"item {index}"), depth + 1)
        return
    if isinstance(value, Mapping) and "@graph" in value:
        yield from _expand(value["@graph"], number, position, depth + 1)
        return
    yield _Entry(number, position, node=value)
    if isinstance(value, Mapping) and not is_job_posting(value):
        nested = value.get("mainEntity")
        if is_job_posting(nested):
            yield _Entry(number, _where(position, "mainEntity"), node=nested)
        elements = value.get("itemListElement")
        for index, element in enumerate(elements if isinstance(elements, list) else [], 1):
            item = element.get("item") if isinstance(element, Mapping) else None
            if is_job_posting(item):
                yield _Entry(number, _where(position, f"element {index}"), node=item)


def _record(entry: _Entry, graph: _Graph) -> ParsedRecord:
    try:
        fields = posting_fields(entry.node, graph.resolve)
        return ParsedRecord(entry.number, PostingIn.model_validate(fields), position=entry.position)
    except ValidationError as exc:
        error = describe_validation_error(exc)
    except Exception as exc:  # a shape no reader foresaw rejects this posting only
        error = f"unreadable JobPosting: {type(exc).__name__}: {exc}"
    return ParsedRecord(entry.number, error=error, position=entry.position)


def _records(entries: Iterable[_Entry], *, name: str) -> Iterator[ParsedRecord]:
    graph = _Graph()
    waiting: list[_Entry] = []
    found, seen_types = 0, set[str]()
    for entry in entries:
        if entry.error is not None:
            found += 1
            yield ParsedRecord(entry.number, error=entry.error, position=entry.position)
            continue
        node = entry.node
        if not isinstance(node, Mapping):
            found += 1
            yield ParsedRecord(
                entry.number,
                error=f"expected a JSON-LD object, got {type(node).__name__}",
                position=entry.position,
            )
            continue
        if not is_job_posting(node):
            graph.add(node)
            seen_types |= type_names(node)
            continue
        found += 1
        if graph.waits_for(node) and len(waiting) < MAX_WAITING:
            waiting.append(entry)
            continue
        yield _record(entry, graph)
    for entry in waiting:
        yield _record(entry, graph)
    if not found:
        types = ", ".join(sorted(seen_types)) or "none"
        yield ParsedRecord(
            1, error=f"no JobPosting found (types seen: {types})", position=name or "document"
        )


def _json_error(exc: Exception) -> str:
    """The first line of an ijson error (they carry the text around the fault after it)."""
    detail = exc.args[0] if exc.args else exc
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    lines = str(detail).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _overflowed(exc: Exception) -> bool:
    """yajl, ijson's C parser, stops at an integer beyond 64 bits, which is valid JSON (an
    identifier written as a number): ijson's pure-Python parser reads any integer."""
    return "integer overflow" in _json_error(exc)


_PYTHON = ijson.get_backend("python")
Again = Callable[[], Replay | None]
# Arrays and objects open at once before a file counts as too deep to stream. ijson's items()
# keeps a dotted path for each level, so its memory grows with the square of the depth:
# 200 KB of nested brackets took over 20 GB and the API process was killed. At this depth
# it takes ~40 MB; an item nested less deep is still rejected alone (_MAX_DEPTH, _expand)
# and the items after it read.
MAX_NESTING = 4096


_GUARD_PIECE = 1024  # bytes: the guard finds where the nesting got too deep to this size


class _DepthGuard:
    """Counts the nesting of the bytes read through it, with ijson's event parser (C, no
    paths kept). Past MAX_NESTING it ends the stream before the piece that went too deep:
    the items before it are still read, then the reader meets the end of its input and
    reports ``problem``. A fault the guard's parser meets is left to the reader's own
    parser, which meets it too and reports it."""

    def __init__(self, stream: Replay) -> None:
        self.stream = stream
        self.events = ijson.sendable_list()
        self.parser: Any = ijson.basic_parse_coro(self.events, multiple_values=True)
        self.depth = 0
        self.problem: str | None = None

    def _too_deep(self, piece: bytes) -> bool:
        try:
            self.parser.send(piece)
        except (ijson.JSONError, UnicodeDecodeError):
            self.parser = None
        depth = self.depth
        for event, _ in self.events:
            if event == "start_array" or event == "start_map":
                depth += 1
                if depth > MAX_NESTING:
                    return True
            elif event == "end_array" or event == "end_map":
                depth -= 1
        self.depth = depth
        del self.events[:]
        return False

    def read(self, size: int = -1) -> bytes:
        if self.problem is not None:
            return b""
        chunk = self.stream.read(size)
        if self.parser is None:
            return chunk
        for offset in range(0, len(chunk), _GUARD_PIECE):
            if self._too_deep(chunk[offset : offset + _GUARD_PIECE]):
                self.problem = f"arrays and objects nested deeper than {MAX_NESTING}"
                self.parser = None
                return chunk[:offset]
            if self.parser is None:
                break
        return chunk


def _array_entries(
    stream: Replay, *, name: str, again: Again, backend: Any = ijson, skip: int = 0
) -> Iterator[_Entry]:
    """The items of a top-level array. Where yajl overflows, the stream is read again from
    its start by the Python parser (``again``), the items already given skipped."""
    count = 0
    guarded = _DepthGuard(stream)
    try:
        for count, item in enumerate(backend.items(guarded, "item", use_float=True), start=1):
            if count > skip:
                yield from _expand(item, count, _where(name, f"item {count}"))
    except (ijson.JSONError, UnicodeDecodeError) as exc:
        fresh = again() if backend is ijson and _overflowed(exc) else None
        if fresh is not None and guarded.problem is None:
            yield from _array_entries(fresh, name=name, again=again, backend=_PYTHON, skip=count)
            return
        yield _Entry(
            count + 1,
            _where(name, f"item {count + 1}"),
            error=f"invalid JSON after item {count} ({guarded.problem or _json_error(exc)}); "
            "the rest of the file was not read",
        )


def _document_entries(
    stream: Replay, *, name: str, again: Again, backend: Any = ijson, skip: int = 0
) -> Iterator[_Entry]:
    """One JSON document: its @graph items streamed; without an @graph, parsed whole.
    Where yajl overflows, read again by the Python parser as ``_array_entries`` does."""
    items = ijson.sendable_list()
    parser = backend.items_coro(items, "@graph.item", use_float=True, multiple_values=True)
    kept: list[bytes] | None = []
    size, count = 0, 0
    guard = _DepthGuard(stream)
    try:
        while chunk := guard.read(_CHUNK):
            parser.send(chunk)
            size += len(chunk)
            if kept is not None and size <= MAX_DOCUMENT_BYTES:
                kept.append(chunk)
            if items:
                kept = None  # a graph: nothing to parse whole
                for item in items:
                    count += 1
                    if count > skip:
                        yield from _expand(item, count, _where(name, f"item {count}"))
                del items[:]
        parser.close()
        for item in items:
            count += 1
            if count > skip:
                yield from _expand(item, count, _where(name, f"item {count}"))
    except (ijson.JSONError, UnicodeDecodeError) as exc:
        fresh = again() if backend is ijson and _overflowed(exc) else None
        if fresh is not None and guard.problem is None:
            yield from _document_entries(fresh, name=name, again=again, backend=_PYTHON, skip=count)
            return
        yield _Entry(
            count + 1,
            _where(name, f"item {count + 1}") if count else (name or "document"),
            error=f"invalid JSON ({guard.problem or _json_error(exc)})"
            + ("; the rest of the file was not read" if count else ""),
        )
        return
    if count or kept is None:
        return
    if size > MAX_DOCUMENT_BYTES:
        yield _Entry(
            1,
            name or "document",
            error=f"a JSON-LD document of {size:,} bytes without an @graph to stream "
            f"(the limit is {MAX_DOCUMENT_BYTES:,}); write it as an array or JSON Lines",
        )
        return
    text = b"".join(kept).decode("utf-8", "replace")
    decoder, index, number = json.JSONDecoder(strict=False), 0, 0
    while True:  # documents written one after another
        while index < len(text) and text[index] in " \t\r\n\ufeff":
            index += 1
        if index >= len(text):
            return
        try:
            value, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError) as exc:  # bad JSON, too many digits, too deep
            where = _where(name, f"document {number + 1}")
            yield _Entry(number + 1, where, error=json_problem(exc))
            return
        number += 1
        yield from _expand(value, number, _where(name, f"document {number}"))


def _line_entries(stream: Replay, *, name: str) -> Iterator[_Entry]:
    for number, raw in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""), 1):
        where = _where(name, f"line {number}")
        if len(raw) > MAX_LINE_BYTES:
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = stream.readline(MAX_LINE_BYTES)
            yield _Entry(number, where, error=f"line over the limit of {MAX_LINE_BYTES:,} bytes")
            continue
        if not raw.strip():
            continue
        try:
            value = loads(raw)
        except JSONError as exc:
            yield _Entry(number, where, error=f"invalid JSON: {exc}")
            continue
        yield from _expand(value, number, where)


def _script_json(text: str) -> Any:
    text = text.strip()
    for opener, closer in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
        if text.startswith(opener) and text.endswith(closer):
            text = text[len(opener) : -len(closer)].strip()
    # strict=False: boards write raw line breaks inside strings, which browsers accept.
    return loads(text, strict=False)


def _page_entries(raw: bytes, *, name: str) -> Iterator[_Entry]:
    if too_deep(raw):
        yield _Entry(
            1,
            name or "page",
            error=f"HTML nested over {MAX_BLOCK_DEPTH:,} blocks deep: not parsed",
        )
        return
    tree = LexborHTMLParser(raw, encoding=True)  # <meta charset> honoured (Shift_JIS pages)
    number = 0
    for script in tree.css("script"):
        kind = (script.attributes.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        number += 1
        where = _where(name, f"script {number}")
        try:
            value = _script_json(script.text(deep=True))
        except JSONError as exc:
            yield _Entry(number, where, error=f"invalid JSON: {exc}")
            continue
        yield from _expand(value, number, where)


def _read_page(stream: Replay, *, name: str) -> Iterator[_Entry]:
    raw = stream.read(MAX_PAGE_BYTES + 1)
    if len(raw) > MAX_PAGE_BYTES:
        yield _Entry(1, name or "page", error=f"page over the limit of {MAX_PAGE_BYTES:,} bytes")
        return
    yield from _page_entries(raw, name=name)


def _rewinder(stream: BinaryIO) -> Again:
    """A function giving the stream again from where it is now, past a BOM (None for a
    stream that cannot seek, such as a pipe)."""
    try:
        start = stream.tell() if stream.seekable() else None
    except (AttributeError, OSError, ValueError):
        start = None

    def again() -> Replay | None:
        if start is None:
            return None
        stream.seek(start)
        if stream.read(len(_BOM)) != _BOM:
            stream.seek(start)
        return Replay(b"", stream)

    return again


def _entries(stream: BinaryIO, *, name: str) -> Iterator[_Entry]:
    again = _rewinder(stream)
    head, replay = peek(stream, _CHUNK)
    if head.startswith(_BOM):
        replay.read(len(_BOM))
        head = head[len(_BOM) :]
    stripped = head.lstrip()
    while head and not stripped:  # only blank lines so far: look further
        replay.read(len(head))
        head, replay = peek(replay, _CHUNK)
        stripped = head.lstrip()
    first = stripped[:1]
    if first == b"<":
        yield from _read_page(replay, name=name)
    elif first == b"[":
        yield from _array_entries(replay, name=name, again=again)
    elif first == b"{":
        # JSON Lines when the first line is a whole object, else one (pretty-printed) document.
        line = replay.readline(MAX_LINE_BYTES + 1)
        while line and not line.strip():
            line = replay.readline(MAX_LINE_BYTES + 1)
        try:
            lines = len(line) <= MAX_LINE_BYTES and isinstance(loads(line), dict)
        except JSONError:
            lines = False
        replay = Replay(line, replay)
        if lines:
            yield from _line_entries(replay, name=name)
        else:
            yield from _document_entries(replay, name=name, again=again)
    elif first:
        yield _Entry(1, name or "document", error="not JSON-LD: expected {, [ or an HTML page")


def read_jsonld(stream: BinaryIO, *, name: str = "") -> Iterator[ParsedRecord]:
    """Yield each JobPosting in a JSON-LD stream or HTML page as a record or an error.

    ``name`` (a file name) starts every position when given: "page.html script 2 item 1".
    """
    yield from _records(_entries(stream, name=name), name=name)
