"""Shared fixtures. Every test that touches the database runs on SQLite and on PostgreSQL.

- `postgres_server` / `redis_server`: real servers started once per run on loopback.
- `database_url`: a migrated database, parametrized over both backends.
- `db_session`: a session inside a transaction that is rolled back after the test.
- `client`: the API on that same session, so API tests are isolated too.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import settings
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kyujin.api.app import create_app
from kyujin.api.deps import get_session
from kyujin.db.engine import make_engine
from kyujin.db.migrate import upgrade
from kyujin.settings import Settings
from tests.support.servers import PostgresServer, RedisServer

# In CI (CI=true) property-based tests are derandomized, so a run that passed before passes
# again and a landing never fails on a newly drawn example; locally they explore freely.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

BACKENDS = ["sqlite", "postgresql"]
ADMIN_KEY = "test-admin-key"
_used: dict[str, set[str]] = {"sqlite": set(), "postgresql": set(), "redis": set()}
_servers: dict[str, str] = {}
_db_counter = itertools.count(1)
# Queue files and uploads of tests that do not choose their own place.
_SCRATCH = Path(tempfile.mkdtemp(prefix="kyujin-test-"))


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "test",
        "secret_key": "test-secret-key-not-for-production",
        "database_url": database_url,
        "admin_api_key": ADMIN_KEY,
        "log_level": "WARNING",
        # Tests that need a worker start one themselves.
        "embedded_worker": False,
        "queue_path": _SCRATCH / "queue.db",
        "import_dir": _SCRATCH / "imports",
        "report_dir": _SCRATCH / "reports",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer().init().start()
    _servers["postgresql"] = f"PostgreSQL {server.version} on 127.0.0.1:{server.port}"
    yield server
    server.destroy()


@pytest.fixture(scope="session")
def redis_server_session() -> Iterator[RedisServer]:
    server = RedisServer().start()
    _servers["redis"] = f"Redis {server.version} on 127.0.0.1:{server.port}"
    yield server
    server.destroy()


@pytest.fixture
def redis_server(redis_server_session: RedisServer, request: pytest.FixtureRequest) -> RedisServer:
    _used["redis"].add(request.node.nodeid)
    return redis_server_session


@pytest.fixture
def new_database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, empty database of the current backend, for code that commits."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
        upgrade(url)
        yield url
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"kyujin_fresh_{next(_db_counter)}"
    server.psql(f"CREATE DATABASE {name}")
    upgrade(server.url(name))
    yield server.url(name)
    server.psql(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'kyujin.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        server.psql("CREATE DATABASE kyujin_test")
        url = server.url("kyujin_test")
    upgrade(url)
    return url


@pytest.fixture
def backend(database_url: str, request: pytest.FixtureRequest) -> str:
    name = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    _used[name].add(request.node.nodeid)
    return name


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(make_settings(database_url))
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(engine: Engine, backend: str) -> Iterator[Session]:
    with engine.connect() as connection:
        outer = connection.begin()
        # Commits inside the code under test release a SAVEPOINT; the outer rollback undoes all.
        session = Session(
            bind=connection,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
            autoflush=False,
        )
        try:
            yield session
        finally:
            session.close()
            outer.rollback()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def app(settings: Settings, db_session: Session) -> FastAPI:
    app = create_app(settings)

    def session_override() -> Iterator[Session]:
        try:
            yield db_session
        except BaseException:
            db_session.rollback()
            raise
        else:
            db_session.commit()

    app.dependency_overrides[get_session] = session_override
    app.state.read_bind = db_session.connection()
    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return {"X-Admin-Key": ADMIN_KEY}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    passed = {r.nodeid for r in terminalreporter.stats.get("passed", [])}
    terminalreporter.section("kyujin backends")
    for name in ("sqlite", "postgresql", "redis"):
        used = _used[name]
        where = _servers.get(name, "embedded file" if name == "sqlite" else "not started")
        terminalreporter.write_line(
            f"{name:<11} {len(used & passed):>4} passed of {len(used):>4} tests that used it"
            f"  ({where})"
        )
