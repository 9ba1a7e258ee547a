"""Engine and session factory. Only the boundaries (request dependency, CLI, jobs) commit."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import asyncpg
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.orm import Session, sessionmaker

from kyujin.settings import Settings


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any, *, foreign_keys: bool) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and transactional DDL; hand
    # control to SQLAlchemy (the documented recipe) and emit BEGIN ourselves below.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the single writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; fsync at checkpoints only
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


WRITE = {"kyujin_write": True}


def _sqlite_begin(conn: Connection) -> None:
    # A transaction that reads and then writes must take the write lock when it begins:
    # with a plain BEGIN, a writer that commits in between makes SQLite fail the later
    # write at once ("database is locked"), and busy_timeout does not apply to that case.
    write = conn.get_execution_options().get("kyujin_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def pool_capacity(settings: Settings) -> int:
    """Connections an engine of make_engine() opens at most: the pool and its overflow."""
    return 2 * settings.db_pool_size


def make_engine(
    settings: Settings, *, sqlite_foreign_keys: bool = True, **overrides: Any
) -> Engine:
    """The engine for ``settings``. ``sqlite_foreign_keys=False`` is for migrations only:
    rebuilding a table on SQLite (batch mode) drops it, and with foreign keys on, the drop
    would cascade to the rows that refer to it (SQLite's documented procedure turns them off
    for the rebuild and checks them after; db/migrations/env.py does)."""
    url = make_url(settings.database_url)
    pool: dict[str, Any] = {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_pool_size,
    }
    if url.get_backend_name() == "sqlite":
        path = settings.sqlite_path()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            pool = {}  # :memory: uses a single-connection pool of its own
        # The pool hands a connection to one thread at a time, so sharing across threads
        # (FastAPI runs sync endpoints in a thread pool) is safe.
        sqlite_options = {"connect_args": {"check_same_thread": False}, **pool}
        engine = create_engine(url, **{**sqlite_options, **overrides})
        event.listen(engine, "connect", partial(_sqlite_pragmas, foreign_keys=sqlite_foreign_keys))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    options: dict[str, Any] = {
        "pool_pre_ping": True,  # a restarted server leaves dead pooled connections behind
        **pool,
        "connect_args": {"connect_timeout": max(1, int(settings.readiness_timeout_s))},
    }
    options.update(overrides)
    return create_engine(url, **options)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


@contextmanager
def transaction(factory: sessionmaker[Session], *, write: bool = False) -> Iterator[Session]:
    """The boundary: commit when the block succeeds, roll back when it raises.

    ``write=True`` for work that reads then writes (imports, re-extraction): on SQLite it
    takes the write lock at the start, so concurrent writers wait (busy_timeout) instead of
    failing; on PostgreSQL it changes nothing.
    """
    session = factory()
    if write:
        session.connection(execution_options=WRITE)
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    else:
        session.commit()
    finally:
        session.close()


# What a dropped or restarted server raises through asyncpg: the connection is gone
# (terminated backend, server shut down, socket closed), not the statement at fault.
_ASYNCPG_LOST = (
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InterfaceError,
    ConnectionError,
)


class LoopReader:
    """Single-statement reads made on the event loop (GET /v1/postings/{id}), in autocommit,
    outside the engine's pool: a pooled checkout costs PostgreSQL a ping before and a
    ROLLBACK after the statement, three round trips instead of one.

    SQLite: one DBAPI connection, read synchronously on the loop (an in-process read of
    ~50 us, less than a hop to a worker thread). PostgreSQL: a few asyncpg connections,
    opened on first use, so that the loop goes on serving other requests while the server
    answers. They are kept in a FIFO queue rather than asyncpg's pool, whose checkout and
    return (a timeout, a shielded release, a reset statement that had to be switched off)
    cost a read more than the queue does and let new reads overtake waiting ones. Read
    synchronously on the loop, each round trip stopped the whole process (1,851 requests/s,
    p99 388 ms at 64 connections over 1,000,000 postings); psycopg's asyncio connections
    freed the loop but cost 155 us of CPU a read against asyncpg's 70 (psycopg's
    synchronous read: 82). ``read_one`` takes SQL in
    ``read_dialect``'s parameter style (asyncpg's $1 on PostgreSQL).
    A connection the server dropped is replaced once, then the error is raised.
    """

    def __init__(self, engine: Engine, *, connections: int = 4) -> None:
        self.engine = engine
        self.dialect = engine.dialect
        self.read_dialect: Dialect = (
            asyncpg_dialect() if self.dialect.name == "postgresql" else self.dialect  # type: ignore[no-untyped-call]
        )
        self.connections = connections
        self._raw: Any = None
        # PostgreSQL: the asyncio connections not in use (None: not opened yet, or closed),
        # and the turns to use one.
        self._idle: list[asyncpg.Connection | None] = []
        self._turns: asyncio.Semaphore | None = None

    async def read_one(self, sql: str, params: Any) -> Any:
        """The first row of ``sql`` (or None), without blocking the loop on PostgreSQL."""
        if self.dialect.name != "postgresql":
            return self.fetchone(sql, params)
        if self._turns is None:
            # Reads take turns in arrival order (asyncio's Semaphore is FIFO); asyncio.Queue
            # is not: a woken getter that loses the race goes to the back, and p99 went from
            # 23 to 115 ms at 64 connections. Holding a turn guarantees an idle connection.
            self._turns = asyncio.Semaphore(self.connections)
            self._idle = [None] * self.connections  # each connects on its first read
        idle = self._idle
        async with self._turns:
            connection = idle.pop()
            try:
                for attempt in (1, 2):
                    if connection is None or connection.is_closed():
                        connection = await self._connect()
                    try:
                        return await connection.fetchrow(sql, *params)
                    except _ASYNCPG_LOST:
                        # A dropped or restarted server: once more on a new connection.
                        connection.terminate()
                        connection = None
                        if attempt == 2:
                            raise
                raise AssertionError("unreachable")
            except asyncpg.PostgresError:
                raise  # the statement failed; the connection is fine
            except BaseException:
                # Cancelled mid-read (a client gone) or anything unforeseen: the state of
                # the connection is unknown, so it is closed and the next read opens another.
                if connection is not None:
                    connection.terminate()
                    connection = None
                raise
            finally:
                idle.append(connection)

    async def _connect(self) -> asyncpg.Connection:
        url = self.engine.url.set(drivername="postgresql")
        return await asyncpg.connect(url.render_as_string(hide_password=False))

    def fetchone(self, sql: str, params: Any) -> Any:
        """The first row of ``sql`` (or None), read synchronously (SQL in the engine's
        dialect)."""
        operational = self.dialect.loaded_dbapi.OperationalError
        for attempt in (1, 2):
            raw = self._connection()
            try:
                cursor = raw.cursor()
                try:
                    cursor.execute(sql, params)
                    return cursor.fetchone()
                finally:
                    cursor.close()
            except operational:
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _connection(self) -> Any:
        if self._raw is None:
            raw = self.engine.raw_connection()
            if self.dialect.name == "postgresql":
                raw.driver_connection.autocommit = True  # type: ignore[union-attr]
            self._raw = raw
        return self._raw

    def close(self) -> None:
        """Discard the synchronous connection (not back to the pool: it is in autocommit)."""
        if self._raw is not None:
            raw, self._raw = self._raw, None
            raw.invalidate()

    async def aclose(self) -> None:
        """Close every connection, the asyncio ones included."""
        self.close()
        idle, self._idle, self._turns = self._idle, [], None
        for connection in idle:
            if connection is not None:
                await connection.close()
