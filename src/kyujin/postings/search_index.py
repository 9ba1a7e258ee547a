"""A full-text and facet index of the postings beside the database (Tantivy).

The database stays the record; this index is derived from it and can be rebuilt from it at
any time (``kyujin index rebuild``). It answers what the database cannot answer quickly
over a million postings: a common term together with two or three filters, with a count
and facet counts (over windows of the newest documents: ``postings.search``). Tantivy is
a Lucene-class engine written in Rust, used in-process through its Python bindings: no
service to run, in the embedded default or beside PostgreSQL.

One document per posting: the search document of ``kyujin.core.search_text`` (the same
tokens the databases index: words, CJK bigrams) in ``body`` with positions for phrases,
each filterable fact as an indexed fast field, and two sort keys that make every
ordering total (the sort value in the high bits, the posting id in the low 31), so that
a cursor is one range bound.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import structlog
import tantivy
from sqlalchemy import select, tuple_
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from kyujin.core import search_text
from kyujin.core.taxonomy import default_taxonomy
from kyujin.db.models import Company, Posting
from kyujin.postings import repository

log = structlog.get_logger(__name__)

WRITER_HEAP = 100_000_000  # bytes Tantivy buffers before it writes a segment
ID_BITS = 31
MAX_ID = (1 << ID_BITS) - 1
_EPOCH = date(1970, 1, 1)
# Bucket widths of the sort keys' histograms (``SearchIndex.key_buckets``): a day for
# "newest", 100,000 JPY for "salary"; the id in the low bits falls inside its bucket.
KEY_BUCKET = {"newest_key": 1 << ID_BITS, "salary_key": 100_000 << ID_BITS}
# Per sort key, the field that holds its bucket (the key // KEY_BUCKET): a window "key >=
# the low of a bucket" is asked of it. It is in the inverted index only, so that Tantivy
# reads the window's documents from its posting lists and, knowing how few they are, leads
# the intersection with them; a range on the key's fast field scans its column instead,
# and a common term's long posting list leads (measured: 2.2 ms against ~0.5 ms).
WINDOW_FIELDS = {"newest_key": "listed_on", "salary_key": "salary_step"}
STATE_FILE = "kyujin-state.json"  # what the index holds: its database, the outbox applied

# Facet fields that are terms (raw tokens, fast): the facet name and the field.
TERM_FACETS = {
    "remote": "remote",
    "japanese_level": "japanese_level",
    "visa_sponsorship": "visa",
    "employment_type": "employment_type",
    "prefecture": "prefecture",
    "skill": "skill",
    "size_band": "size_band",
    "industry": "industry",
}
_RAW_FIELDS = (*TERM_FACETS.values(), "category", "company_key", "foreign_affiliated", "source")
_INT_FIELDS = (
    "salary_low",
    "salary_high",
    "salary_band",
    "min_years",
    "newest_key",
    "salary_key",
)


# The fields of a document: (name, kind, options of SchemaBuilder.add_<kind>_field).
FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("id", "integer", {"stored": True, "indexed": True, "fast": True}),
    *((name, "integer", {"indexed": True, "fast": True}) for name in _INT_FIELDS),
    *((name, "integer", {"indexed": True, "fast": False}) for name in WINDOW_FIELDS.values()),
    *(
        (name, "text", {"tokenizer_name": "raw", "fast": True, "index_option": "basic"})
        for name in _RAW_FIELDS
    ),
    ("body", "text", {"tokenizer_name": "whitespace", "index_option": "position"}),
)
# Bump when ``_document`` puts other values in the same fields (other tokens, other keys;
# the keys' layout, ID_BITS and KEY_BUCKET, is in the layout's hash already).
# 2: diacritics folded, ・ a separator; 3: the last characters of CJK runs (search_text)
DOCUMENT_VERSION = 3


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name, kind, options in FIELDS:
        if kind == "integer":
            builder.add_integer_field(name, **options)
        else:
            builder.add_text_field(name, **options)
    return builder.build()


_LAYOUT_NAME = re.compile(r"index-[0-9a-f]{12}")


def layout() -> str:
    """The name of the subdirectory this kyujin's index lives in: a hash of its fields and
    DOCUMENT_VERSION. A kyujin whose documents differ builds its own index beside an older
    one (which older servers go on reading) instead of replacing it under them."""
    spec = json.dumps(
        [list(FIELDS), DOCUMENT_VERSION, ID_BITS, KEY_BUCKET, WINDOW_FIELDS], sort_keys=True
    )
    return "index-" + hashlib.sha256(spec.encode()).hexdigest()[:12]


def _days(day: date) -> int:
    return (day - _EPOCH).days


def newest_key(listed_on: date, posting_id: int) -> int:
    """The sort key of "newest": the day listed, then the id."""
    return (_days(listed_on) << ID_BITS) | posting_id


def salary_key(salary_sort: int, posting_id: int) -> int:
    """The sort key of "salary": the annual JPY the posting sorts by (-1: none), then the id."""
    return (min(salary_sort + 1, MAX_ID) << ID_BITS) | posting_id


# The posting columns a document is made of, with the company's.
_COLUMNS = (
    Posting.id,
    Posting.title,
    Posting.company_name,
    Posting.description,
    Posting.listed_on,
    Posting.salary_sort,
    Posting.salary_annual_min_jpy,
    Posting.salary_annual_max_jpy,
    Posting.min_years_experience,
    Posting.japanese_level,
    Posting.remote,
    Posting.visa_sponsorship,
    Posting.employment_type,
    Posting.prefecture,
    Posting.skill_list,
    Company.name_key,
    Company.size_band,
    Company.industry,
    Company.foreign_affiliated,
    Posting.source,
)


def _document(row: Sequence[Any], categories: dict[str, str]) -> tantivy.Document:
    (
        posting_id,
        title,
        company_name,
        description,
        listed_on,
        salary_sort,
        salary_min,
        salary_max,
        min_years,
        japanese_level,
        remote,
        visa,
        employment_type,
        prefecture,
        skill_list,
        company_key,
        size_band,
        industry,
        foreign_affiliated,
        source,
    ) = row
    if not 1 <= posting_id <= MAX_ID:
        raise ValueError(f"posting id {posting_id} does not fit the index's {ID_BITS}-bit ids")
    doc = tantivy.Document()
    doc.add_integer("id", posting_id)
    for field, key in (
        ("newest_key", newest_key(listed_on, posting_id)),
        ("salary_key", salary_key(salary_sort, posting_id)),
    ):
        doc.add_integer(field, key)
        doc.add_integer(WINDOW_FIELDS[field], key // KEY_BUCKET[field])
    low = salary_min if salary_min is not None else salary_max
    high = salary_max if salary_max is not None else salary_min
    if low is not None:
        doc.add_integer("salary_low", low)
        doc.add_integer("salary_high", high)
    if salary_sort >= 0:
        doc.add_integer("salary_band", salary_sort)
    # A posting that states no minimum asks for none: -1 passes "at most N years" and
    # falls in no years band.
    doc.add_integer("min_years", -1 if min_years is None else min_years)
    for name, value in (
        ("japanese_level", japanese_level),
        ("remote", remote),
        ("employment_type", employment_type),
        ("prefecture", prefecture),
        ("company_key", company_key),
        ("size_band", size_band),
        ("industry", industry),
        ("source", source),
    ):
        if value is not None:
            doc.add_text(name, value)
    if visa is not None:
        doc.add_text("visa", "true" if visa else "false")
    if foreign_affiliated is not None:
        doc.add_text("foreign_affiliated", "true" if foreign_affiliated else "false")
    skills = skill_list.split("\t") if skill_list else []
    for skill in skills:
        doc.add_text("skill", skill)
    for category in sorted({categories[s] for s in skills if s in categories}):
        doc.add_text("category", category)
    doc.add_text("body", search_text.document(title, company_name, description))
    return doc


def _rows(session: Session, ids: Sequence[int] | None, batch: int) -> Iterator[Sequence[Any]]:
    """The document columns of the postings ``ids`` (None: all), in batches; all of them
    oldest first (by the day listed, then id), so that the documents of a window of the
    newest lie together at the end of each segment, where a search skips to them."""
    base = select(*_COLUMNS).outerjoin(Company, Company.id == Posting.company_id)
    if ids is not None:
        for start in range(0, len(ids), batch):
            chunk = sorted(ids[start : start + batch])
            yield from (tuple(row) for row in session.execute(base.where(Posting.id.in_(chunk))))
        return
    order = (Posting.listed_on, Posting.id)
    stmt = base.order_by(*order).limit(batch)
    while True:
        rows = [tuple(row) for row in session.execute(stmt)]
        if not rows:
            return
        yield from rows
        last = rows[-1]
        stmt = base.where(tuple_(*order) > tuple_(last[4], last[0])).order_by(*order).limit(batch)


def _categories() -> dict[str, str]:
    return {name: skill.category for name, skill in default_taxonomy().skills.items()}


class IndexNotReady(Exception):
    """The index is not built for this database, or is behind it for good."""


# A commit of the index, as its meta.json shows it (inode, size, modification time in ns):
# Tantivy replaces meta.json at each commit, by a rename.
Stamp = tuple[int, int, int]


class Reader(NamedTuple):
    """A searcher and the stamp of the commit it reads, or an older one: the stamp was read
    before the searcher was opened, so what is cached under it is at worst recomputed."""

    searcher: tantivy.Searcher
    stamp: Stamp


class SearchIndex:
    """The index in a directory (in its ``layout()`` subdirectory: ``path``). Readers in
    any number of processes; one writer at a time (Tantivy takes a lock file; a second
    writer waits for it here, in-process, or fails across processes with a clear error)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / layout()
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = build_schema()
        # None: the subdirectory holds an index of another schema (of a kyujin whose fields
        # hash alike, or of another Tantivy), which nothing reads; ``rebuild`` replaces it.
        self._index: tantivy.Index | None = self._open()
        self._told: set[str] = set()  # what the log has been told (``tell_once``)
        self._write_lock = threading.Lock()
        # field -> (the stamp of the reader it was computed with, buckets)
        self._buckets: dict[str, tuple[Stamp, list[tuple[int, int]]]] = {}

    def _open(self) -> tantivy.Index | None:
        try:
            return tantivy.Index(self.schema, path=str(self.path))
        except ValueError as error:
            if "schema does not match" not in str(error):
                raise
            return None

    @property
    def index(self) -> tantivy.Index:
        if self._index is None:
            self._index = self._open()  # rebuilt meanwhile, by another process
            if self._index is None:
                if self.tell_once("other schema"):
                    log.warning("search index of another schema: rebuild it", path=str(self.path))
                raise IndexNotReady(
                    f"the search index in {self.path} was built by another version of "
                    "kyujin, with other fields; rebuild it (kyujin index rebuild)"
                )
        return self._index

    def tell_once(self, what: str) -> bool:
        """Whether ``what`` is news to the log of this process (True the first time)."""
        if what in self._told:
            return False
        self._told.add(what)
        return True

    def _replace_other_schema(self) -> None:
        """Remove an index of another schema from this kyujin's subdirectory (its files, as
        Tantivy lists them, and the state) and create an empty one in its place. Other
        versions of kyujin keep their indexes in other subdirectories, so no other process
        reads this one (it could not open it)."""
        if self._index is None:
            self._index = self._open()
        if self._index is not None:
            return
        managed = self.path / ".managed.json"
        try:
            names = json.loads(managed.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            names = []
        for name in [*names, "meta.json", STATE_FILE]:
            if isinstance(name, str) and name not in ("", ".", "..") and "/" not in name:
                (self.path / name).unlink(missing_ok=True)
        managed.unlink(missing_ok=True)
        self._index = tantivy.Index(self.schema, path=str(self.path))

    # --- writing ------------------------------------------------------------------------

    def write(
        self, session: Session, ids: Sequence[int] | None = None, *, batch: int = 2_000
    ) -> int:
        """(Re)index the postings ``ids`` from the database, or all of them (None: the index
        is cleared first). Postings in ``ids`` that no longer exist are removed. Returns the
        number of documents written."""
        with self._write_lock:
            if ids is None:
                self._replace_other_schema()
            return self._write_locked(session, ids, batch=batch)

    def _write_locked(
        self, session: Session, ids: Sequence[int] | None, *, batch: int = 2_000
    ) -> int:
        categories = _categories()
        written = 0
        writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
        try:
            if ids is None:
                writer.delete_all_documents()
            else:
                for posting_id in ids:
                    writer.delete_documents_by_term("id", posting_id)
            for row in _rows(session, ids, batch):
                writer.add_document(_document(row, categories))
                written += 1
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        self.index.reload()
        return written

    # --- following the database ---------------------------------------------------------

    def _state_path(self) -> Path:
        return self.path / STATE_FILE

    def state(self) -> dict[str, Any] | None:
        """What the index holds: {"database": ..., "seq": last outbox number applied}."""
        try:
            state = json.loads(self._state_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _save_state(self, database: str, seq: int) -> None:
        temporary = self._state_path().with_suffix(".tmp")
        temporary.write_text(json.dumps({"database": database, "seq": seq}), encoding="utf-8")
        os.replace(temporary, self._state_path())

    def ready_for(self, database: str) -> bool:
        state = self.state()
        if state is None or state.get("database") != database:
            return False
        try:
            self.index  # noqa: B018  (opened, or of another schema)
        except IndexNotReady:
            return False
        return True

    def other_layouts(self) -> list[str]:
        """What of the directory holds indexes of other versions of kyujin, described for a
        person: ``rebuild`` leaves them for the servers that still read them; they can be
        deleted once none runs."""
        others = [
            str(entry)
            for entry in sorted(self.root.iterdir())
            if entry != self.path
            and _LAYOUT_NAME.fullmatch(entry.name)
            and (entry / "meta.json").is_file()
        ]
        if (self.root / "meta.json").is_file():  # kyujin before layouts: in the directory
            others.insert(
                0,
                f"the files directly in {self.root} (meta.json, .managed.json, "
                f"{STATE_FILE} and the segment files; not its subdirectories)",
            )
        return others

    def rebuild(self, session: Session, database: str) -> int:
        """Index every posting afresh; the outbox is applied from its current end."""
        seq, _ = repository.search_changes_after(session, 1 << 62)
        written = self.write(session)
        self._save_state(database, seq)
        return written

    def sync(self, session: Session, database: str) -> int:
        """Apply the outbox rows added since the last sync (postings re-read from the
        database); the number of postings written. A no-op while another thread of this
        process is writing, or another process holds the index's writer lock: the next
        search syncs."""
        state = self.state()
        if state is None or state.get("database") != database:
            raise IndexNotReady(f"the search index in {self.path} is not built for this database")
        applied = int(state["seq"])
        last, ids = repository.search_changes_after(session, applied)
        if last < applied:
            raise IndexNotReady(
                f"the search index in {self.path} is ahead of the database's outbox "
                f"({applied} > {last}): the database was recreated; rebuild the index"
            )
        if not ids:
            return 0
        # Pruning keeps the newest rows, so only an index with changes to apply can have
        # missed some.
        pruned = repository.search_changes_pruned_through(session)
        if applied < pruned:
            raise IndexNotReady(
                f"the search index in {self.path} applied the outbox up to {applied}, and "
                f"it has been pruned up to {pruned}: changes were missed; rebuild the index"
            )
        if not self._write_lock.acquire(blocking=False):
            return 0
        try:
            try:
                written = self._write_locked(session, ids)
            except ValueError as error:  # Tantivy's writer lock, held by another process
                if "lock" in str(error).lower():
                    return 0
                raise
            self._save_state(database, last)
            return written
        finally:
            self._write_lock.release()

    # --- reading ------------------------------------------------------------------------

    def searcher(self) -> tantivy.Searcher:
        self.index.reload()
        return self.index.searcher()

    def reader(self) -> Reader:
        """A searcher of the latest commit, with a stamp of that commit (see ``Reader``)."""
        stamp = self._stamp()  # before the reload: the searcher is as new or newer
        return Reader(self.searcher(), stamp)

    def _stamp(self) -> Stamp:
        try:
            meta = (self.path / "meta.json").stat()
        except OSError:
            return (0, 0, 0)
        return (meta.st_ino, meta.st_size, meta.st_mtime_ns)

    def num_docs(self) -> int:
        return int(self.searcher().num_docs)

    def key_buckets(self, reader: Reader, field: str) -> list[tuple[int, int]]:
        """(lowest key, documents) per bucket of the sort key ``field`` (see KEY_BUCKET),
        highest key first: how many documents lie above a key, from which a search picks a
        window of the newest (or best-paid) documents. One histogram aggregation over the
        fast field (~8 ms at 1,000,000 documents), cached until a commit, by any process.
        Empty when the keys span more buckets than an aggregation may return; the search
        then has no windows."""
        cached = self._buckets.get(field)
        if cached is not None and cached[0] == reader.stamp:
            return cached[1]
        request = {"keys": {"histogram": {"field": field, "interval": float(KEY_BUCKET[field])}}}
        try:
            result = reader.searcher.aggregate(tantivy.Query.all_query(), request)
        except ValueError:  # more buckets than Tantivy's limit (65,000)
            buckets: list[tuple[int, int]] = []
        else:
            buckets = [
                (int(b["key"]), int(b["doc_count"]))
                for b in reversed(result["keys"]["buckets"])
                if b["doc_count"]
            ]
        # A reader older than the cached one replaces it: the next newer reader recomputes.
        self._buckets[field] = (reader.stamp, buckets)
        return buckets


def sync_if_built(session: Session, path: Path | None, database_url: str) -> int:
    """Bring the index at ``path`` up to date after a bulk write (an import), so that the
    first search after it does not re-index the batch; the postings written. Nothing when
    no index is configured or none was built for this database (a search then reads the
    database, as before)."""
    if path is None or not (path / layout() / STATE_FILE).is_file():
        return 0
    index = SearchIndex(path)
    database = database_identity(database_url)
    if not index.ready_for(database):
        return 0
    return index.sync(session, database)


def body_query(
    schema: tantivy.Schema, phrases: Iterable[search_text.Phrase]
) -> list[tantivy.Query]:
    """One query per phrase: a term, a phrase, or a phrase whose last token is a prefix.
    A run of CJK bigrams is asked for by every other bigram and the last, at their
    positions (決済基盤: 決済 at 0 and 基盤 at 2, not 済基 at 1), which pins the same characters
    with about half the posting lists to intersect.

    A prefix is a regular expression of a phrase (``regex_phrase_query``), not Tantivy's
    phrase-prefix query: that one expands the prefix to its first 50 terms only, and 年
    begins more than 50 bigrams in any real corpus, so "3年" missed most of its matches
    while the total claimed to be exact. The regex phrase expands to 16,384 terms. Tokens
    hold only letters, digits and kana/kanji, nothing a regex reads as syntax."""
    out = []
    for phrase in phrases:
        tokens: list[str | tuple[int, str]] = list(phrase.tokens)
        if phrase.prefix and len(tokens) == 1:  # a lone kanji or kana: any bigram it begins
            out.append(tantivy.Query.regex_query(schema, "body", phrase.tokens[0] + ".*"))
        elif phrase.prefix:
            patterns: list[str | tuple[int, str]] = [*phrase.tokens[:-1], phrase.tokens[-1] + ".*"]
            out.append(tantivy.Query.regex_phrase_query(schema, "body", patterns))
        elif len(tokens) == 1:
            out.append(tantivy.Query.term_query(schema, "body", tokens[0]))
        else:
            out.append(tantivy.Query.phrase_query(schema, "body", _cover(phrase.tokens)))
    return out


def _cover(tokens: Sequence[str]) -> list[str | tuple[int, str]]:
    """The tokens of a phrase at their positions, leaving out each bigram whose characters
    its neighbours both hold: the second character of one CJK bigram is the first of the
    next. A token that is not a bigram of that run is always kept."""
    kept: list[str | tuple[int, str]] = []
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        inner = 0 < i < last
        if (
            inner
            and i % 2 == 1
            and _is_bigram_link(tokens[i - 1], token)
            and _is_bigram_link(token, tokens[i + 1])
        ):
            continue
        kept.append((i, token))
    return kept


def _is_bigram_link(left: str, right: str) -> bool:
    """Whether ``right`` follows ``left`` as the next bigram of one CJK run (決済 -> 済基)."""
    return len(left) == 2 and len(right) == 2 and left[1] == right[0] and not left.isascii()


# Hosts that name the machine the server runs on; a Unix-socket directory does too.
_THIS_MACHINE = {"localhost", "127.0.0.1", "::1"}


def database_identity(url: str) -> str:
    """The database an index was built from, as its state records it: no password, and
    on PostgreSQL no driver, with a server on this machine called "localhost" however it is
    reached (TCP on loopback, or its Unix socket: ``?host=/run/postgresql``). So a
    deployment that moves to the socket (docs/architecture.md), or a tool on another
    driver, keeps using the index built for the same database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return parsed.render_as_string(hide_password=True)
    host = parsed.host or _query_value(parsed.query.get("host")) or ""
    if not host or host.startswith("/") or host.lower() in _THIS_MACHINE:
        host = "localhost"
    port = parsed.port or _query_value(parsed.query.get("port")) or "5432"
    user = parsed.username or ""
    return f"postgresql://{user}@{host}:{port}/{parsed.database or ''}"


def _query_value(value: str | tuple[str, ...] | None) -> str | None:
    if isinstance(value, tuple):
        return value[0] if value else None
    return value
