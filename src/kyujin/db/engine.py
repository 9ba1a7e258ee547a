"""Engine and session factory. Only the boundaries (request dependency, CLI, jobs) commit."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Awaitable, Callable, Hashable, Iterator
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


@contextlib.contextmanager
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
    ~50 us, less than a hop to a worker thread).

    PostgreSQL: asyncpg connections (``connections``, default one a process), opened on
    first use, so that the loop goes on serving other requests while the server answers.
    Read synchronously on the loop, each round trip stopped the whole process (1,851
    requests/s, p99 388 ms at 64 connections over 1,000,000 postings); psycopg's asyncio
    connections freed the loop but cost 155 us of CPU a read against asyncpg's 70. Reads
    take turns in arrival order behind a semaphore, not through asyncpg's pool, whose
    checkout and return (a timeout, a shielded release, a reset statement) cost more than
    the read and let new reads overtake waiting ones. ``read_by_key`` makes the reads that
    wait for a turn together one statement. With that, one connection a process is best:
    GET /v1/postings/{id} at 64 connections on 2 cores (2 processes, manual wrk runs) went
    from 4,700 requests/s and p99 22 ms (4 connections, no batches) to 7,100-7,300
    requests/s and p99 15-16 ms; with 4 or 8 connections the batches were as fast but
    p99 was 40-190 ms, as more backends competed with the workers for the 2 cores.
    ``read_one`` takes SQL in ``read_dialect``'s parameter style (asyncpg's $1 on
    PostgreSQL). A connection the server dropped is replaced once, then the error is raised.
    """

    def __init__(self, engine: Engine, *, connections: int = 1, timeout: float = 10.0) -> None:
        self.engine = engine
        self.dialect = engine.dialect
        self.read_dialect: Dialect = (
            asyncpg_dialect() if self.dialect.name == "postgresql" else self.dialect  # type: ignore[no-untyped-call]
        )
        self.connections = connections
        # Seconds to connect, and for a statement: with one connection a process, a stalled
        # server would otherwise hold every read of the process without an answer.
        self.timeout = timeout
        self._raw: Any = None
        # PostgreSQL: the asyncio connections not in use (None: not opened yet, or closed),
        # and the turns to use one.
        self._idle: list[asyncpg.Connection | None] = []
        self._turns: asyncio.Semaphore | None = None
        # read_by_key: the batch of each statement still taking keys (key -> its readers),
        # and the tasks reading batches.
        self._open_batches: dict[str, dict[Hashable, list[asyncio.Future[Any]]]] = {}
        self._batch_tasks: set[asyncio.Task[None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None  # the loop they belong to

    async def read_one(self, sql: str, params: Any) -> Any:
        """The first row of ``sql`` (or None), without blocking the loop on PostgreSQL."""
        if self.dialect.name != "postgresql":
            return self.fetchone(sql, params)
        return await self._on_a_connection(lambda connection: connection.fetchrow(sql, *params))

    async def read_by_key(self, sql: str, key: Hashable) -> Any:
        """PostgreSQL: the row of ``sql`` whose first column is ``key`` (or None). ``sql``
        takes one parameter, an array of keys ($1), and returns a row per key found.

        Reads of the same ``sql`` that wait for a connection at the same time are made
        together in one statement, taking the turn of the first of them: the more reads are
        waiting, the fewer statements, round trips and wake-ups of the server each costs
        (under 64 connections of GET /v1/postings/{id}, batches of several keys). A read
        that finds a connection free waits for nothing: it goes alone.
        """
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        batch = self._open_batches.get(sql)
        if batch is None:
            batch = self._open_batches[sql] = {}
            task = asyncio.create_task(self._read_batch(sql, batch))
            self._batch_tasks.add(task)  # held until done: the loop keeps only weak refs
            task.add_done_callback(self._batch_tasks.discard)
        batch.setdefault(key, []).append(future)
        # A read cancelled here (a client gone) cancels only its own future.
        return await future

    async def _read_batch(self, sql: str, batch: dict[Hashable, list[asyncio.Future[Any]]]) -> None:
        try:
            rows = await self._on_a_connection(
                lambda connection: connection.fetch(sql, list(batch)),
                when_turn=lambda: self._close_batch(sql, batch),
            )
        except BaseException as exc:  # every read of the batch gets the error
            self._close_batch(sql, batch)
            # Cancelled: the reader is closing. Its readers were not cancelled themselves,
            # so they get an error their request answers (a 500), not a cancellation.
            error = (
                ConnectionError("the database reader was closed during the read")
                if isinstance(exc, asyncio.CancelledError)
                else exc
            )
            for futures in batch.values():
                for future in futures:
                    if not future.done():
                        future.set_exception(error)
            if not isinstance(exc, Exception):
                raise
            return
        found = {row[0]: row for row in rows}
        for key, futures in batch.items():
            for future in futures:
                if not future.done():
                    future.set_result(found.get(key))

    def _close_batch(self, sql: str, batch: dict[Hashable, list[asyncio.Future[Any]]]) -> None:
        """From its turn on, a batch takes no more keys: later reads start the next one."""
        if self._open_batches.get(sql) is batch:
            del self._open_batches[sql]

    async def _on_a_connection(
        self,
        call: Callable[[asyncpg.Connection], Awaitable[Any]],
        when_turn: Callable[[], None] | None = None,
    ) -> Any:
        """``call`` on one of the connections, once its turn has come (``when_turn`` is
        told then). A connection the server dropped is replaced and ``call`` retried once."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            # First use, or another event loop (a second asyncio.run): connections and turns
            # belong to the loop that made them, so those of an old loop are dropped.
            self._forget(terminate=True)
            self._loop = loop
        if self._turns is None:
            # Reads take turns in arrival order (asyncio's Semaphore is FIFO); asyncio.Queue
            # is not: a woken getter that loses the race goes to the back, and p99 went from
            # 23 to 115 ms at 64 connections. Holding a turn guarantees an idle connection.
            self._turns = asyncio.Semaphore(self.connections)
            self._idle = [None] * self.connections  # each connects on its first read
        idle = self._idle
        async with self._turns:
            if when_turn is not None:
                when_turn()
            connection = idle.pop()
            try:
                for attempt in (1, 2):
                    if connection is None or connection.is_closed():
                        connection = await self._connect()
                    try:
                        return await call(connection)
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
                if idle is self._idle:
                    idle.append(connection)
                elif connection is not None:  # the reader was closed meanwhile
                    connection.terminate()

    async def _connect(self) -> asyncpg.Connection:
        url = self.engine.url.set(drivername="postgresql")
        return await asyncpg.connect(
            url.render_as_string(hide_password=False),
            timeout=self.timeout,
            command_timeout=self.timeout,
        )

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
        """Close every connection, the asyncio ones included. Reads still running then end
        with an error; their connections are closed as they finish."""
        self.close()
        tasks = list(self._batch_tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for connection in self._forget(terminate=False):
            await connection.close(timeout=self.timeout)

    def _forget(self, *, terminate: bool) -> list[asyncpg.Connection]:
        """Drop the asyncio connections, turns and batches; the idle connections are
        returned, or closed at once (``terminate``: their loop may be gone)."""
        idle = [connection for connection in self._idle if connection is not None]
        self._idle, self._turns, self._open_batches, self._loop = [], None, {}, None
        if terminate:
            for connection in idle:
                # A closed event loop cannot close its connections any more.
                with contextlib.suppress(RuntimeError):
                    connection.terminate()
            return []
        return idle
