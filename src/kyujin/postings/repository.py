"""Every query on postings lives here."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from psycopg import RawCursor
from psycopg.types.json import Json
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ColumnElement,
    Connection,
    Float,
    Select,
    Table,
    any_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.expression import ColumnClause
from sqlalchemy.sql.visitors import InternalTraversal

from kyujin.core import search_text
from kyujin.db.base import utcnow
from kyujin.db.engine import LoopReader
from kyujin.db.models import Company, Posting, PostingSkill, SearchChange, SearchChangeMark


def get_posting(session: Session, posting_id: int, *, with_skills: bool = False) -> Posting | None:
    options = [selectinload(Posting.skills), selectinload(Posting.company)] if with_skills else []
    return session.get(Posting, posting_id, options=options)


# Built once: composing this select costs more than running it (~0.2 ms on every read).
_POSTING_DOCUMENT = select(
    Posting.id,
    Posting.source,
    Posting.external_id,
    Posting.title,
    Posting.company_name,
    Posting.description,
    Posting.description_html,
    Posting.url,
    Posting.location_text,
    Posting.posted_on,
    Posting.valid_through,
    Posting.created_at,
    Posting.updated_at,
    Posting.stated,
    Posting.facts_version,
    Posting.facts_json,
    Posting.company_id,
    Company.name.label("company_name_"),
    Company.size_band,
    Company.industry,
    Company.foreign_affiliated,
).outerjoin(Company, Company.id == Posting.company_id)
_POSTING_DOCUMENT_BY_ID = _POSTING_DOCUMENT.where(Posting.id == bindparam("posting_id"))
# PostgreSQL's loop reader reads several at once (LoopReader.read_by_key): id is the key.
_POSTING_DOCUMENTS_BY_IDS = _POSTING_DOCUMENT.where(
    Posting.id == any_(bindparam("posting_ids", type_=postgresql.ARRAY(BigInteger)))
)


_DOCUMENT_COLUMNS = tuple(_POSTING_DOCUMENT.selected_columns.keys())


@lru_cache(maxsize=4)
def _document_sql(dialect: Dialect) -> tuple[str, bool]:
    """The SQL in the driver's parameter style, and whether its parameters are positional."""
    compiled = _POSTING_DOCUMENT_BY_ID.compile(dialect=dialect)
    return str(compiled), compiled.positional


@lru_cache(maxsize=4)
def _documents_sql(dialect: Dialect) -> str:
    return str(_POSTING_DOCUMENTS_BY_IDS.compile(dialect=dialect))


def posting_document(bind: LoopReader | Connection, posting_id: int) -> dict[str, Any] | None:
    """The columns PostingOut shows, with the company's, for one posting (or None).

    The one read that bypasses SQLAlchemy's execution layer: it runs once per
    ``GET /v1/postings/{id}``, where that layer cost 150 of the 200 us the read took. The
    values come as the driver gives them; SQLite's are converted as SQLAlchemy would
    (ISO text to date and UTC datetime, 0/1 to bool). ``bind`` is the process's LoopReader
    (read synchronously) or a connection (read inside its transaction: tests).
    """
    sql, params = _document_query(bind.dialect, posting_id)
    if isinstance(bind, LoopReader):
        row = bind.fetchone(sql, params)
    else:
        cursor = bind.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        finally:
            cursor.close()
    return _document_values(bind.dialect, row)


async def read_posting_document(reader: LoopReader, posting_id: int) -> dict[str, Any] | None:
    """``posting_document`` through the loop reader, without blocking the event loop on
    PostgreSQL (see LoopReader)."""
    if reader.dialect.name == "postgresql":
        row = await reader.read_by_key(_documents_sql(reader.read_dialect), posting_id)
        return _document_values(reader.dialect, row)
    sql, positional = _document_sql(reader.read_dialect)
    params = (posting_id,) if positional else {"posting_id": posting_id}
    return _document_values(reader.dialect, await reader.read_one(sql, params))


def _document_query(dialect: Dialect, posting_id: int) -> tuple[str, Any]:
    sql, positional = _document_sql(dialect)
    return sql, ((posting_id,) if positional else {"posting_id": posting_id})


def _document_values(dialect: Dialect, row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    values = dict(zip(_DOCUMENT_COLUMNS, row, strict=True))
    if dialect.name == "sqlite":
        for name in ("posted_on", "valid_through"):
            if values[name] is not None:
                values[name] = date.fromisoformat(values[name])
        for name in ("created_at", "updated_at"):
            stamp = datetime.fromisoformat(values[name])
            values[name] = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp
        if values["foreign_affiliated"] is not None:
            values["foreign_affiliated"] = bool(values["foreign_affiliated"])
    if isinstance(values["stated"], str):  # JSON as text (SQLite, asyncpg)
        values["stated"] = json.loads(values["stated"])
    return values


def companies_by_key(session: Session, keys: Collection[str]) -> dict[str, Company]:
    if not keys:
        return {}
    rows = session.scalars(select(Company).where(Company.name_key.in_(list(keys))))
    return {c.name_key: c for c in rows}


def insert_companies(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert companies, skipping any whose name_key another transaction created meanwhile."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    upsert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        upsert(Company).values(rows).on_conflict_do_nothing(index_elements=["name_key"])
    )


def get_by_keys(
    session: Session, *, keys: Collection[tuple[str, str]]
) -> dict[tuple[str, str], Posting]:
    """Existing postings by (source, external_id)."""
    if not keys:
        return {}
    rows = session.scalars(
        select(Posting)
        .where(tuple_(Posting.source, Posting.external_id).in_(list(keys)))
        .options(selectinload(Posting.skills), selectinload(Posting.company))
    )
    return {(p.source, p.external_id): p for p in rows}


def hashes_by_keys(
    session: Session, *, keys: Collection[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """The content hash of each existing posting by (source, external_id)."""
    if not keys:
        return {}
    rows = session.execute(
        select(Posting.source, Posting.external_id, Posting.content_hash).where(
            tuple_(Posting.source, Posting.external_id).in_(list(keys))
        )
    )
    return {(source, external_id): digest for source, external_id, digest in rows}


def list_stale_postings(
    session: Session, *, version: str, after_id: int, limit: int, force: bool = False
) -> list[Posting]:
    """Postings whose facts were extracted with another version (or never), by id."""
    stmt = select(Posting).where(Posting.id > after_id)
    if not force:
        stmt = stmt.where(or_(Posting.facts_version.is_(None), Posting.facts_version != version))
    stmt = stmt.options(selectinload(Posting.skills), selectinload(Posting.company))
    stmt = stmt.order_by(Posting.id).limit(limit)
    return list(session.scalars(stmt))


def list_postings(
    session: Session,
    *,
    after_id: int,
    limit: int,
    source: str | None = None,
    updated_since: datetime | None = None,
) -> list[Posting]:
    """One keyset page of postings by id, with their skills and company."""
    stmt = select(Posting).where(Posting.id > after_id)
    if source is not None:
        stmt = stmt.where(Posting.source == source)
    if updated_since is not None:
        stmt = stmt.where(Posting.updated_at >= updated_since)
    stmt = stmt.options(selectinload(Posting.skills), selectinload(Posting.company))
    return list(session.scalars(stmt.order_by(Posting.id).limit(limit)))


def count_stale_postings(session: Session, *, version: str) -> int:
    stmt = (
        select(func.count())
        .select_from(Posting)
        .where(or_(Posting.facts_version.is_(None), Posting.facts_version != version))
    )
    return session.scalar(stmt) or 0


def add_posting(session: Session, posting: Posting) -> Posting:
    session.add(posting)
    return posting


FTS_TABLE = "posting_fts"  # SQLite only; created by migration 0005


def search_vector_value(session: Session, doc: str) -> Any:
    """What to store in posting.search_vector for a search document."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_tsvector("simple", doc)
    return None


def insert_postings(
    session: Session, rows: Sequence[dict[str, Any]], docs: Sequence[str]
) -> list[int]:
    """Insert postings (column values by name) with their search documents; their ids, in
    order. Core statements on the table: no ORM objects, a few statements per batch."""
    table = Posting.__table__
    assert isinstance(table, Table)
    params = [dict(row) for row in rows]
    if not params:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return _insert_postings_pg(session, table, params, docs)
    # SQLite cannot return the ids of a multi-row insert in order, so SQLAlchemy would send
    # one INSERT per row (3x slower). Inside a write transaction (BEGIN IMMEDIATE: no other
    # writer) the next ids are max(id) + 1, ..., as SQLite itself would number them.
    start = int(session.scalar(select(func.coalesce(func.max(Posting.id), 0))) or 0) + 1
    ids = list(range(start, start + len(params)))
    for row, posting_id in zip(params, ids, strict=True):
        row["id"] = posting_id
    session.execute(insert(table), params)
    return ids


# Parameters of one PostgreSQL statement are numbered with 16 bits.
_PG_MAX_PARAMS = 65_535


def _insert_postings_pg(
    session: Session, table: Table, params: list[dict[str, Any]], docs: Sequence[str]
) -> list[int]:
    """Multi-row INSERTs with $n placeholders, sent by a psycopg RawCursor: the server
    gets one statement for up to ~1,700 rows, and the client no SQL to parse. (SQLAlchemy's
    insertmanyvalues renders %(name)s placeholders, and psycopg splits that 18,000-placeholder
    text with a regular expression on every batch: a third of the importing process's
    time. One prepared INSERT a row, pipelined, costs the server twice as much.) The ids
    are taken from the sequence first, in order. Values are adapted as the column types
    would be: JSON columns as JSON, the timestamps' Python defaults."""
    now = utcnow()
    names = sorted({name for row in params for name in row} | {"created_at", "updated_at"})
    # A JSON column stores None as JSON null unless it says none_as_null (as SQLAlchemy does).
    json_columns = {
        name: bool(getattr(table.c[name].type, "none_as_null", False))
        for name in names
        if isinstance(table.c[name].type, JSON)
    }
    connection = session.connection()
    ids = sorted(
        connection.execute(
            text("SELECT nextval(:sequence) FROM generate_series(1, :count)"),
            {"sequence": f"{table.name}_id_seq", "count": len(params)},
        ).scalars()
    )
    width = len(names) + 2  # id, the columns, the search document
    values: list[Any] = []
    for posting_id, row, doc in zip(ids, params, docs, strict=True):
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
        values.append(posting_id)
        for name in names:
            value = row.get(name)
            if name in json_columns and not (json_columns[name] and value is None):
                value = Json(value)
            values.append(value)
        values.append(doc)
    driver = connection.connection.driver_connection
    assert driver is not None
    per_statement = _PG_MAX_PARAMS // width
    with RawCursor(driver) as cursor:
        for first in range(0, len(ids), per_statement):
            count = min(per_statement, len(ids) - first)
            cursor.execute(
                _pg_insert_sql(table.name, tuple(names), count),
                values[first * width : (first + count) * width],
            )
    return ids


@lru_cache(maxsize=32)
def _pg_insert_sql(table_name: str, names: tuple[str, ...], rows: int) -> str:
    width = len(names) + 2
    tuples = ", ".join(
        "("
        + ", ".join(f"${row * width + i}" for i in range(1, width))
        + f", to_tsvector('simple', ${row * width + width}::text))"
        for row in range(rows)
    )
    return f"INSERT INTO {table_name} (id, {', '.join(names)}, search_vector) VALUES {tuples}"


def insert_skills(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert skill rows (posting_id, skill, category, requirement, span_start, span_end,
    surface). PostgreSQL: COPY, since a posting has 20-40 skills and psycopg's executemany
    sends one INSERT per row (40 us each on the client); SQLite: one executemany."""
    table = PostingSkill.__table__
    assert isinstance(table, Table)
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), list(rows))
        return
    columns = (
        "posting_id",
        "skill",
        "category",
        "requirement",
        "span_start",
        "span_end",
        "surface",
    )
    driver = session.connection().connection.driver_connection
    assert driver is not None
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY posting_skill ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(tuple(row[name] for name in columns))


def write_fts(session: Session, docs: Sequence[tuple[int, str]]) -> None:
    """SQLite: replace the FTS5 rows of these postings (PostgreSQL keeps them in the row)."""
    if not docs or session.get_bind().dialect.name == "postgresql":
        return
    params = [{"id": posting_id, "doc": doc} for posting_id, doc in docs]
    session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), params)
    session.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, doc) VALUES (:id, :doc)"), params)


# Memory for one search's bitmaps and sorts on PostgreSQL (default 4 MB). A common term's
# bitmap over 1,000,000 postings outgrew 4 MB and went lossy: every row of 33,000 heap
# pages was re-checked against its tsvector (1.5 s -> 4.1 s for one count statement).
SEARCH_WORK_MEM = "32MB"


def prepare_search(session: Session) -> None:
    """Settings for the search statements of this transaction (PostgreSQL: work_mem)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL work_mem = '{SEARCH_WORK_MEM}'"))


def matching(
    session: Session,
    phrases: Sequence[search_text.Phrase],
    filters: Sequence[ColumnElement[bool]],
) -> tuple[Select[Any], ColumnElement[Any]]:
    """``SELECT posting.id`` of the postings whose search document holds every phrase and
    that pass the filters, with the column to order by for "newest id first".

    SQLite reads the matches from FTS5 and joins posting to each (through +rowid, which
    keeps the planner from looking FTS5 up per posting), so that a query ordered by the
    FTS rowid with a LIMIT stops after that many matches. As ``posting.id IN (SELECT rowid
    ... MATCH ...)`` it first collected every match of a common term (200 ms for one
    Japanese word over 200,000 postings), whatever the LIMIT.
    """
    if session.get_bind().dialect.name == "postgresql":
        return _pg_matching(phrases, filters), Posting.id.expression
    fts: ColumnClause[Any] = literal_column(FTS_TABLE)
    rowid: ColumnClause[Any] = literal_column(f"{FTS_TABLE}.rowid")
    lookup: ColumnClause[Any] = literal_column(f"+{FTS_TABLE}.rowid")
    stmt = (
        select(Posting.id)
        .select_from(table(FTS_TABLE).join(Posting, Posting.id == lookup))
        .where(fts.op("MATCH")(search_text.fts5_query(phrases)), *filters)
    )
    return stmt, rowid


def _pg_matching(
    phrases: Sequence[search_text.Phrase], filters: Sequence[ColumnElement[bool]]
) -> Select[Any]:
    """PostgreSQL: the postings matching the phrases and the filters.

    A phrase (every Japanese word is one: a chain of bigrams, 大規 <-> 規模 <-> ...) cannot be
    answered by the GIN index alone: each candidate's tsvector is read back (de-TOASTed) to
    check the positions, and PostgreSQL does that before it applies the other filters. For
    大規模トラフィック with three filters over 1,000,000 postings that was 191,071 rechecks for
    no result (4-28 s). So the candidates are first narrowed by the tokens without
    adjacency (exact from the index) and by the filters, in a subquery the planner keeps
    apart (OFFSET 0), and only the rows left are checked for the phrase, written so that
    the planner cannot send it to the index again (IS TRUE).
    """
    vector = Posting.search_vector
    phrase = vector.op("@@")(func.to_tsquery("simple", search_text.tsquery(phrases)))
    if all(len(p.tokens) == 1 for p in phrases):
        return select(Posting.id).where(phrase, *filters)
    loose = vector.op("@@")(func.to_tsquery("simple", search_text.tsquery_loose(phrases)))
    candidates = select(Posting.id).where(loose, *filters).offset(0)
    return select(Posting.id).where(Posting.id.in_(candidates), phrase.is_(True))


def any_of(column: ColumnElement[Any], ids: Select[Any]) -> ColumnElement[bool]:
    """``column IN (ids)``; on PostgreSQL ``column = ANY(ARRAY(ids))``, which it computes
    once (an InitPlan) and hands to one index scan. As a semi-join on the company table,
    a search with industry=gaming ran the full-text index scan once per gaming company
    (86 times, 4.6 s for "Python backend" over 1,000,000 postings)."""
    return _AnyOf(column, ids)


class _AnyOf(ColumnElement[bool]):
    inherit_cache = True
    type = Boolean()
    # What SQLAlchemy's statement cache keys on (a list, as SQLAlchemy declares it).
    _traverse_internals = [  # noqa: RUF012
        ("column", InternalTraversal.dp_clauseelement),
        ("ids", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: ColumnElement[Any], ids: Select[Any]) -> None:
        self.column = column
        self.ids = ids


@compiles(_AnyOf)
def _any_of_default(element: _AnyOf, compiler: Any, **kw: Any) -> str:
    return f"{compiler.process(element.column, **kw)} IN ({compiler.process(element.ids, **kw)})"


@compiles(_AnyOf, "postgresql")
def _any_of_pg(element: _AnyOf, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} = ANY(ARRAY({compiler.process(element.ids, **kw)}))"


def ranked(
    session: Session,
    phrases: Sequence[search_text.Phrase],
    filters: Sequence[ColumnElement[bool]],
    *,
    cap: int,
    bound: int,
    offset: int,
    limit: int,
) -> list[tuple[int, float]]:
    """(id, score) of the newest ``cap`` postings up to id ``bound`` that match the phrases
    and the filters, best first (score higher is better, ties by newer id), from rank
    ``offset``.

    SQLite: one FTS5 query drives the join, reading matches newest first and stopping at
    ``cap``; the scores are sorted here. Written as
    ``rowid IN (candidates)``, SQLite ran the MATCH once per candidate, re-reading a
    phrase's whole posting list each time (5 s for one Japanese word over 5,000 postings).
    """
    if session.get_bind().dialect.name == "postgresql":
        tsquery = func.to_tsquery("simple", search_text.tsquery(phrases))
        candidates = (
            _pg_matching(phrases, [*filters, Posting.id <= bound])
            .order_by(Posting.id.desc())
            .limit(cap)
        )
        score = cast(func.ts_rank_cd(Posting.search_vector, tsquery), Float(53))
        sub = (
            select(Posting.id.label("id"), score.label("score"))
            .where(Posting.id.in_(candidates))
            .subquery()
        )
        stmt = (
            select(sub.c.id, sub.c.score)
            .order_by(sub.c.score.desc(), sub.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return [(int(r[0]), float(r[1])) for r in session.execute(stmt)]
    fts: ColumnClause[Any] = literal_column(FTS_TABLE)
    rowid: ColumnClause[Any] = literal_column(f"{FTS_TABLE}.rowid")
    stmt = (
        select(rowid, -func.bm25(fts))
        .select_from(table(FTS_TABLE))
        .where(fts.op("MATCH")(search_text.fts5_query(phrases)), rowid <= bound)
    )
    if filters:
        # The unary + keeps SQLite from looking the FTS table up by rowid per posting, so
        # the MATCH scan stays outermost and each match is checked against the filters.
        lookup: ColumnClause[Any] = literal_column(f"+{FTS_TABLE}.rowid")
        stmt = stmt.join(Posting, Posting.id == lookup).where(*filters)
    matched = session.connection().execute(stmt.order_by(rowid.desc()).limit(cap))
    scored = sorted(((int(i), float(score)) for i, score in matched), key=_best_first)
    return scored[offset : offset + limit]


def last_posting_id(session: Session) -> int:
    """The largest posting id (1 when there is none): the newest a ranking includes."""
    return int(session.scalar(select(func.max(Posting.id))) or 1)


def _best_first(row: tuple[int, float]) -> tuple[float, int]:
    return (-row[1], -row[0])


# PostgreSQL: the advisory lock that numbers search_change rows in commit order.
SEARCH_CHANGE_LOCK = 0x6B79756A696E  # "kyujin"
# PostgreSQL: the advisory lock that batch writers of postings hold to their commit.
POSTING_WRITE_LOCK = 0x6B79756A696F


def lock_posting_writes(session: Session) -> None:
    """Hold, until this transaction ends, the lock of batch writers (imports, reextract).

    A batch decides from what is stored which of its postings are new, changed or the same,
    and takes each changed posting's old contribution out of the market rollup. Two batches
    writing the same postings at once on PostgreSQL each read the other's rows as they
    stood before: both inserted a new posting (one failed on the unique key, again on every
    retry), or both took the same contribution out (the rollup drifted). Taken before the
    batch reads, the lock makes the second batch read what the first committed. SQLite has
    one writer at a time already.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTING_WRITE_LOCK})


def record_search_changes(session: Session, ids: Sequence[int]) -> None:
    """Add the postings ``ids`` to the search index's outbox, in this transaction.

    The outbox is read after its last applied number, so numbers must be given in commit
    order: on PostgreSQL two writers could otherwise take 10 and 11 and commit 11 first,
    and a reader that applied up to 11 would never see 10. A transaction-level advisory
    lock, held from here to the commit, serialises that short tail of concurrent writes.
    SQLite has one writer at a time already.
    """
    if not ids:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SEARCH_CHANGE_LOCK})
    session.execute(insert(SearchChange), [{"posting_id": posting_id} for posting_id in ids])


def search_changes_after(session: Session, seq: int) -> tuple[int, list[int]]:
    """The last outbox number and the postings changed after ``seq`` up to it."""
    last = int(session.scalar(select(func.coalesce(func.max(SearchChange.seq), 0))) or 0)
    if last <= seq:
        return last, []
    ids = session.scalars(
        select(SearchChange.posting_id)
        .where(SearchChange.seq > seq, SearchChange.seq <= last)
        .distinct()
    )
    return last, sorted(ids)


def search_changes_pruned_through(session: Session) -> int:
    """The last outbox number pruned (0: none)."""
    mark = session.get(SearchChangeMark, 1)
    return mark.pruned_through if mark is not None else 0


def prune_search_changes(session: Session, keep: int) -> int:
    """Delete all but the newest ``keep`` (>= 1) outbox rows and record how far; the rows
    deleted. The newest row always stays: SQLite numbers a new row after the largest one
    left, which must never fall back to a number an index has applied."""
    if keep < 1:
        raise ValueError("keep at least one outbox row")
    last = int(session.scalar(select(func.coalesce(func.max(SearchChange.seq), 0))) or 0)
    through = last - keep
    if through <= search_changes_pruned_through(session):
        return 0
    deleted = session.execute(delete(SearchChange).where(SearchChange.seq <= through))
    session.merge(SearchChangeMark(id=1, pruned_through=through))
    session.flush()
    return int(deleted.rowcount or 0)  # type: ignore[attr-defined]
