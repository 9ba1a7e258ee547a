"""Running searches for bench.search_scale: each statement's phase (count, facets, rank,
page, load), a statement timeout on both backends, exact counts and plans."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError

PHASES = ("count", "facets", "rank", "page", "load")


def phase_of(statement: str) -> str:
    s = statement.lstrip()
    if s.startswith("SELECT count(*)"):
        return "count"
    if "LEFT OUTER JOIN company" in s:
        return "facets"
    if "ts_rank_cd" in s or "bm25(" in s:
        return "rank"
    if "ORDER BY posting.listed_on DESC" in s or "ORDER BY posting.salary_sort DESC" in s:
        return "page"
    if s.startswith("SELECT posting.id, "):
        return "load"
    return "other"


class TimedOut(Exception):
    pass


@dataclass
class Runner:
    """Runs searches on one engine and stops any statement that runs longer than ``timeout_s``.
    While recording, a phase (the kind of the statement) lasts from the statement's start to
    the next one's (or the end of the search): it holds fetching the rows, which SQLite
    computes as they are fetched, and the Python work on them (facet counting, say)."""

    engine: Engine
    timeout_s: float
    recording: bool = False
    phases: dict[str, float] = field(default_factory=dict)
    statements: list[tuple[str, Any]] = field(default_factory=list)
    _deadline: float = float("inf")
    _open: tuple[str, float] | None = None
    last_cpu: float = 0.0  # CPU time of this process in the last search
    # The search index to search through (kyujin.postings.search.run), or None: the database.
    index: Any = None
    database: str = ""

    def __post_init__(self) -> None:
        from kyujin.db.engine import make_session_factory

        self.factory = make_session_factory(self.engine)
        is_pg = self.engine.dialect.name == "postgresql"

        @event.listens_for(self.engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            if is_pg:
                with dbapi_conn.cursor() as cursor:
                    cursor.execute(f"SET statement_timeout = {int(self.timeout_s * 1000)}")
                dbapi_conn.commit()
            else:
                dbapi_conn.set_progress_handler(self._past_deadline, 10_000)

        @event.listens_for(self.engine, "before_cursor_execute")
        def _before(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
            now = time.perf_counter()
            self._deadline = now + self.timeout_s
            if self.recording:
                self._close_phase(now)
                self._open = (phase_of(statement), now)
                if self._open[0] != "other":
                    self.statements.append((statement, params))

        @event.listens_for(self.engine, "after_cursor_execute")
        def _after(*_: Any) -> None:
            self._deadline = float("inf")

    def _close_phase(self, now: float) -> None:
        if self._open is not None:
            phase, since = self._open
            self.phases[phase] = self.phases.get(phase, 0.0) + now - since
            self._open = None

    def _past_deadline(self) -> int:
        return int(time.perf_counter() > self._deadline)

    @contextlib.contextmanager
    def record(self) -> Iterator[None]:
        self.phases, self.statements, self.recording = {}, [], True
        try:
            yield
        finally:
            self._close_phase(time.perf_counter())
            self.recording = False

    @contextlib.contextmanager
    def _timed(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            text_ = str(exc).lower()
            if "interrupted" in text_ or "statement timeout" in text_ or "canceling" in text_:
                raise TimedOut(str(exc).splitlines()[0]) from None
            raise
        finally:
            self._deadline = float("inf")

    def search(self, params: dict[str, Any]) -> tuple[float, Any]:
        from kyujin.db.engine import transaction
        from kyujin.postings.search import run
        from kyujin.postings.search_schemas import SearchQuery

        query = SearchQuery(**params)
        cpu = time.process_time()
        started = time.perf_counter()
        with self._timed(), transaction(self.factory) as session:
            page = run(session, query, self.index, self.database)
        self.last_cpu = time.process_time() - cpu
        return time.perf_counter() - started, page

    def by_id(self, posting_id: int) -> float:
        from kyujin.db.engine import transaction

        started = time.perf_counter()
        with transaction(self.factory) as session:
            session.execute(
                text("SELECT id, title FROM posting WHERE id = :id"), {"id": posting_id}
            ).all()
        return time.perf_counter() - started

    def exact_count(self, term: str, timeout_s: float) -> tuple[float, int | None]:
        """Every match of ``term`` counted, no cap, with its own statement timeout; (seconds,
        count or None on timeout)."""
        from sqlalchemy import func, select

        from kyujin.core import search_text
        from kyujin.db.engine import transaction
        from kyujin.postings import repository

        usual, self.timeout_s = self.timeout_s, timeout_s
        started = time.perf_counter()
        try:
            with self._timed(), transaction(self.factory) as session:
                if self.engine.dialect.name == "postgresql":
                    session.execute(text(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}"))
                matched, _ = repository.matching(session, search_text.query(term), [])
                count = session.scalar(select(func.count()).select_from(matched.subquery()))
        except TimedOut:
            return time.perf_counter() - started, None
        finally:
            self.timeout_s = usual
        return time.perf_counter() - started, int(count or 0)

    def explain(self, statements: Sequence[tuple[str, Any]]) -> list[str]:
        out: list[str] = []
        is_pg = self.engine.dialect.name == "postgresql"
        prefix = "EXPLAIN (ANALYZE, BUFFERS) " if is_pg else "EXPLAIN QUERY PLAN "
        for statement, params in statements:
            with self.engine.connect() as conn:
                started = time.perf_counter()
                try:
                    with self._timed():
                        conn.exec_driver_sql(statement, params).all()
                    took = f"{ms(time.perf_counter() - started):.1f} ms"
                except TimedOut:
                    took = f"timed out after {self.timeout_s:g} s"
                    conn.rollback()
                    if is_pg:  # EXPLAIN ANALYZE would time out too
                        prefix = "EXPLAIN "
                out.append(f"--- {phase_of(statement)}, {took}: {' '.join(statement.split())}")
                out.append(f"    params: {params!r}")
                rows = conn.exec_driver_sql(prefix + statement, params).all()
                out.extend("    " + " ".join(str(c) for c in row) for row in rows)
                conn.rollback()
        return out


def ms(seconds: float) -> float:
    return seconds * 1000
