"""The transaction boundary on a real SQLite file: concurrent writers wait, not fail."""

import asyncio
import threading
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import Engine, delete, func, select, text, update

from kyujin.db.engine import LoopReader, make_engine, make_session_factory, transaction
from kyujin.db.migrate import upgrade
from kyujin.db.models import Posting
from kyujin.postings import service
from kyujin.postings.schemas import ImportSummary
from tests.conftest import make_settings
from tests.support.factories import posting_in


def test_a_read_then_write_transaction_survives_a_concurrent_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(url)
    engine = make_engine(make_settings(url))
    factory = make_session_factory(engine)
    a_has_read = threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        a_has_read.wait(5)
        try:
            with transaction(factory, write=True) as session:
                service.import_batch(
                    session,
                    [posting_in(external_id="b")],
                    default_source="t",
                    summary=ImportSummary(),
                )
        except BaseException as exc:  # pragma: no cover - the failure being tested for
            errors.append(exc)

    thread = threading.Thread(target=other_writer)
    thread.start()
    with transaction(factory, write=True) as session:
        session.scalar(select(func.count()).select_from(Posting))  # read first ...
        a_has_read.set()
        thread.join(0.3)  # ... let the other writer try meanwhile ...
        service.import_batch(
            session, [posting_in(external_id="a")], default_source="t", summary=ImportSummary()
        )  # ... then write
    thread.join(10)
    assert errors == []
    with transaction(factory) as session:
        assert session.scalar(select(func.count()).select_from(Posting)) == 2
    engine.dispose()


def test_loop_reader_sees_commits_and_survives_a_dropped_connection(
    database_url: str, backend: str
) -> None:
    """The event-loop reader is one long-lived connection: it must not hold a snapshot
    (each read sees what was committed before it) and must reconnect when the server
    drops it (PostgreSQL: pg_terminate_backend)."""
    engine = make_engine(make_settings(database_url))
    factory = make_session_factory(engine)
    reader = LoopReader(engine)
    sql = "SELECT count(*) FROM posting WHERE source = 'loop-reader'"
    try:
        assert reader.fetchone(sql, ())[0] == 0
        with transaction(factory, write=True) as session:
            service.import_batch(
                session,
                [posting_in(external_id="lr", company=None)],
                default_source="loop-reader",
                summary=ImportSummary(),
            )
            session.execute(
                update(Posting).values(source="loop-reader").where(Posting.external_id == "lr")
            )
        assert reader.fetchone(sql, ())[0] == 1
        assert asyncio.run(_read_twice(reader, sql)) == [1, 1]  # the loop's path too
        if backend == "postgresql":
            pid = reader.fetchone("SELECT pg_backend_pid()", ())[0]
            with engine.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            assert reader.fetchone(sql, ())[0] == 1  # a new connection, same answer
            assert reader.fetchone("SELECT pg_backend_pid()", ())[0] != pid
            asyncio.run(_async_reader_survives_a_dropped_connection(reader, engine, sql))
    finally:
        reader.close()
        with transaction(factory, write=True) as session:
            # Out of the market rollup too, as this database is shared with later tests.
            from kyujin.analytics.market import MarketChanges

            changes = MarketChanges(session)
            changes.before(
                session.scalars(select(Posting.id).where(Posting.source == "loop-reader"))
            )
            session.execute(delete(Posting).where(Posting.source == "loop-reader"))
            changes.finish()
        engine.dispose()


async def _read_twice(reader: LoopReader, sql: str) -> list[int]:
    try:
        first = await reader.read_one(sql, ())
        second = await reader.read_one(sql, ())
        return [first[0], second[0]]
    finally:
        await reader.aclose()


async def _async_reader_survives_a_dropped_connection(
    reader: LoopReader, engine: Engine, sql: str
) -> None:
    """PostgreSQL: the loop's connections are a few asyncpg ones; a read
    through one the server dropped is retried on a new connection."""
    try:
        pids = {(await reader.read_one("SELECT pg_backend_pid()", ()))[0]}
        # Reads at once take every connection of the pool, each a backend of its own.
        rows = await asyncio.gather(
            *(reader.read_one("SELECT pg_backend_pid(), pg_sleep(0.05)", ()) for _ in range(4))
        )
        pids |= {row[0] for row in rows}
        assert len(pids) == reader.connections
        with engine.connect() as conn:
            for pid in pids:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        assert (await reader.read_one(sql, ()))[0] == 1
    finally:
        await reader.aclose()


def test_loop_reader_queues_reads_beyond_its_connections(database_url: str, backend: str) -> None:
    """PostgreSQL: reads that arrive together, before any connection exists and three times
    as many as its connections, take turns: each gets its own answer, from one of
    ``connections`` backends."""
    if backend != "postgresql":
        pytest.skip("the asyncio connections are PostgreSQL's; SQLite reads synchronously")
    engine = make_engine(make_settings(database_url))
    reader = LoopReader(engine, connections=2)

    async def reads() -> list[tuple[int, int]]:
        try:
            rows = await asyncio.gather(
                *(
                    reader.read_one("SELECT $1::int, pg_backend_pid() FROM pg_sleep(0.02)", (n,))
                    for n in range(6)
                )
            )
            return [(row[0], row[1]) for row in rows]
        finally:
            await reader.aclose()

    try:
        rows = asyncio.run(reads())
        assert [n for n, _ in rows] == list(range(6))
        assert len({pid for _, pid in rows}) == 2
    finally:
        engine.dispose()


def test_loop_reader_recovers_from_a_cancelled_read_and_keeps_a_failed_ones_connection(
    database_url: str, backend: str
) -> None:
    """PostgreSQL, one connection: a read cancelled mid-statement (a client gone) gives its
    turn back and its connection is replaced; a statement that fails keeps the connection."""
    if backend != "postgresql":
        pytest.skip("the asyncio connections are PostgreSQL's; SQLite reads synchronously")
    engine = make_engine(make_settings(database_url))
    reader = LoopReader(engine, connections=1)

    async def scenario() -> tuple[int, int, int]:
        try:
            first = (await reader.read_one("SELECT pg_backend_pid()", ()))[0]
            with pytest.raises(asyncpg.PostgresSyntaxError):
                await reader.read_one("SELEC 1", ())
            after_error = (await reader.read_one("SELECT pg_backend_pid()", ()))[0]
            slow = asyncio.create_task(reader.read_one("SELECT pg_sleep(5)", ()))
            await asyncio.sleep(0.2)
            slow.cancel()
            with pytest.raises(asyncio.CancelledError):
                await slow
            after_cancel = await asyncio.wait_for(
                reader.read_one("SELECT pg_backend_pid()", ()), timeout=2
            )
            return first, after_error, after_cancel[0]
        finally:
            await reader.aclose()

    try:
        first, after_error, after_cancel = asyncio.run(scenario())
        assert after_error == first
        assert after_cancel != first
    finally:
        engine.dispose()


# Keys 1..n and their statement's start: reads made in one statement share it.
_BY_KEY = "SELECT k, statement_timestamp() FROM unnest($1::int[]) AS k WHERE k > 0"


def test_reads_by_key_that_wait_together_are_one_statement(database_url: str, backend: str) -> None:
    """PostgreSQL: while the connection is busy, reads by key queue up and are then made in
    one statement; each gets its own row (None for a key with none; a key asked twice gets
    it twice). A read that finds the connection free goes at once, alone."""
    if backend != "postgresql":
        pytest.skip("the asyncio connections are PostgreSQL's; SQLite reads synchronously")
    engine = make_engine(make_settings(database_url))
    reader = LoopReader(engine, connections=1)

    async def scenario() -> tuple[Any, list[Any], Any]:
        try:
            alone = await reader.read_by_key(_BY_KEY, 7)
            busy = asyncio.create_task(reader.read_one("SELECT pg_sleep(0.2)", ()))
            await asyncio.sleep(0.05)  # the connection is taken
            waiting = [reader.read_by_key(_BY_KEY, k) for k in (3, 0, 5, 3, 1)]
            rows = await asyncio.gather(*waiting)
            await busy
            later = await reader.read_by_key(_BY_KEY, 2)
            return alone, rows, later
        finally:
            await reader.aclose()

    try:
        alone, rows, later = asyncio.run(scenario())
        assert alone[0] == 7 and later[0] == 2
        assert [None if row is None else row[0] for row in rows] == [3, None, 5, 3, 1]
        batch_started = {row[1] for row in rows if row is not None}
        assert len(batch_started) == 1  # one statement for the five
        assert alone[1] not in batch_started and later[1] not in batch_started
    finally:
        engine.dispose()


def test_a_failed_batch_fails_each_read_and_a_cancelled_read_leaves_the_others(
    database_url: str, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("the asyncio connections are PostgreSQL's; SQLite reads synchronously")
    engine = make_engine(make_settings(database_url))
    reader = LoopReader(engine, connections=1)
    failing = "SELECT k, 1 / (k - k) FROM unnest($1::int[]) AS k"  # division by zero

    async def scenario() -> tuple[list[Any], list[Any]]:
        try:
            busy = asyncio.create_task(reader.read_one("SELECT pg_sleep(0.2)", ()))
            await asyncio.sleep(0.05)
            failed = await asyncio.gather(
                *(reader.read_by_key(failing, k) for k in (1, 2)), return_exceptions=True
            )
            await busy
            busy = asyncio.create_task(reader.read_one("SELECT pg_sleep(0.2)", ()))
            await asyncio.sleep(0.05)
            reads = [asyncio.create_task(reader.read_by_key(_BY_KEY, k)) for k in (4, 6)]
            await asyncio.sleep(0)
            reads[0].cancel()  # its client went away while it waited
            kept = await asyncio.gather(*reads, return_exceptions=True)
            await busy
            return failed, kept
        finally:
            await reader.aclose()

    try:
        failed, kept = asyncio.run(scenario())
        assert all(isinstance(error, asyncpg.DivisionByZeroError) for error in failed)
        assert kept[1][0] == 6  # the other read of the batch was answered
    finally:
        engine.dispose()


def test_a_unix_socket_url_reaches_postgresql_with_both_drivers(
    database_url: str, backend: str, request: pytest.FixtureRequest
) -> None:
    """A server beside its database connects through the Unix-domain socket
    (docs/architecture.md): the engine (psycopg) and the loop reader (asyncpg) both accept
    the URL, and neither goes through TCP (inet_server_addr() is NULL on a socket)."""
    if backend != "postgresql":
        pytest.skip("SQLite has no server to connect to")
    server = request.getfixturevalue("postgres_server")
    url = f"postgresql+psycopg://postgres@/kyujin_test?host={server.root}&port={server.port}"
    engine = make_engine(make_settings(url))
    reader = LoopReader(engine)

    async def over_the_loop() -> tuple[Any, Any]:
        try:
            address = await reader.read_one("SELECT inet_server_addr()", ())
            keyed = await reader.read_by_key(_BY_KEY, 9)
            return address[0], keyed[0]
        finally:
            await reader.aclose()

    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT inet_server_addr()")).scalar_one() is None
        assert asyncio.run(over_the_loop()) == (None, 9)
    finally:
        engine.dispose()


def test_closing_the_reader_fails_waiting_reads_and_a_new_loop_starts_afresh(
    database_url: str, backend: str
) -> None:
    """PostgreSQL: reads waiting in a batch when the reader closes get an error (not a
    cancellation, which would drop their requests unanswered); a read in flight then keeps
    no connection; and a reader used from a second event loop (a new asyncio.run, without
    aclose) reads at once instead of failing on the old loop's connection."""
    if backend != "postgresql":
        pytest.skip("the asyncio connections are PostgreSQL's; SQLite reads synchronously")
    engine = make_engine(make_settings(database_url))
    reader = LoopReader(engine, connections=1)

    async def close_while_reading() -> tuple[list[Any], Any, int]:
        busy = asyncio.create_task(reader.read_one("SELECT 5 FROM pg_sleep(0.3)", ()))
        await asyncio.sleep(0.05)
        waiting = [asyncio.create_task(reader.read_by_key(_BY_KEY, k)) for k in (1, 2)]
        await asyncio.sleep(0.05)
        await reader.aclose()
        outcomes = await asyncio.gather(*waiting, return_exceptions=True)
        finished = await busy
        return outcomes, finished[0], len(reader._idle)

    async def read_once() -> Any:
        return (await reader.read_by_key(_BY_KEY, 3))[0]

    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        outcomes, finished, kept = asyncio.run(close_while_reading())
        assert all(isinstance(outcome, ConnectionError) for outcome in outcomes), outcomes
        assert finished == 5 and kept == 0
        assert first.run_until_complete(read_once()) == 3
        # Another loop while the first one's connection is still open (no aclose):
        assert second.run_until_complete(read_once()) == 3
        first.run_until_complete(asyncio.sleep(0.01))  # the dropped connection closes
        second.run_until_complete(reader.aclose())
    finally:
        first.close()
        second.close()
        engine.dispose()
