"""Readiness follows the real servers: stop one and /readyz names it, start it and it recovers.

These start their own PostgreSQL and Redis so that stopping them does not disturb other tests.
"""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kyujin.api.app import create_app
from kyujin.db.migrate import upgrade
from tests.conftest import make_settings
from tests.support.servers import PostgresServer, RedisServer


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    server = PostgresServer().init().start()
    upgrade(server.url())
    yield server
    server.destroy()


@pytest.fixture
def own_redis(redis_server: RedisServer) -> Iterator[RedisServer]:
    # Marks the test as a Redis user; the server stopped here is its own.
    server = RedisServer().start()
    yield server
    server.destroy()


def test_ready_with_database_and_redis(
    database_url: str, backend: str, redis_server: RedisServer
) -> None:
    app = create_app(make_settings(database_url, redis_url=redis_server.url))
    with TestClient(app) as client:
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}


def test_readyz_names_the_database_while_postgres_is_down(own_postgres: PostgresServer) -> None:
    app = create_app(make_settings(own_postgres.url(), readiness_timeout_s=1.0))
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 200
        own_postgres.stop()
        down = client.get("/readyz")
        assert down.status_code == 503
        body = down.json()
        assert body["detail"] == "not ready: database unreachable"
        assert body["checks"]["database"].startswith("unreachable:")
        own_postgres.start()  # same port, same data; the API is not restarted
        again = client.get("/readyz")
        assert again.status_code == 200, again.text
        assert client.get("/v1/postings").status_code == 200


def test_readyz_names_redis_while_it_is_down(tmp_path, own_redis: RedisServer) -> None:
    app = create_app(
        make_settings(
            f"sqlite:///{tmp_path / 'r.db'}", redis_url=own_redis.url, readiness_timeout_s=1.0
        )
    )
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 200
        own_redis.stop()
        down = client.get("/readyz").json()
        assert down["detail"] == "not ready: redis unreachable"
        assert down["checks"] == {"database": "ok", "redis": down["checks"]["redis"]}
        assert down["checks"]["redis"].startswith("unreachable:")
        own_redis.start()
        assert client.get("/readyz").status_code == 200
