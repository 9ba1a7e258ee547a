import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kyujin.api.app import create_app
from kyujin.db.migrate import upgrade
from tests.conftest import make_settings


@pytest.fixture
def plain_client(tmp_path) -> TestClient:
    """An app on its own empty SQLite file, for behaviour that needs no data."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    app = create_app(make_settings(url, log_level="INFO"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_healthz(plain_client: TestClient) -> None:
    response = plain_client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "checks": {}}


def test_request_id_is_echoed_or_generated(plain_client: TestClient) -> None:
    assert (
        plain_client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    generated = plain_client.get("/healthz", headers={"X-Request-ID": "bad id\n"}).headers[
        "x-request-id"
    ]
    assert len(generated) == 32 and generated != "bad id"


def test_unexpected_error_is_a_500_problem_without_the_trace(
    plain_client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = plain_client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret internals" not in response.text and "Traceback" not in response.text
    logged = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    error = next(e for e in logged if e["event"] == "unhandled_error")
    assert error["request_id"] == response.json()["request_id"]
    assert "secret internals" in error["exception"]


def test_every_request_is_logged_with_its_id(
    plain_client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = plain_client.get("/v1/postings/12345", headers={"X-Request-ID": "trace-me"})
    logged = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    access = next(e for e in logged if e["event"] == "request")
    assert access | {"duration_ms": 0} == access | {
        "method": "GET",
        "path": "/v1/postings/12345",
        "route": "/v1/postings/{posting_id}",
        "status": response.status_code,
        "request_id": "trace-me",
        "duration_ms": 0,
    }


def test_metrics_count_requests_by_route_template(plain_client: TestClient) -> None:
    plain_client.get("/v1/postings/1")
    plain_client.get("/v1/postings/2")
    plain_client.get("/nowhere")
    text = plain_client.get("/metrics").text
    assert (
        'kyujin_http_requests_total{method="GET",route="/v1/postings/{posting_id}",'
        'status="404"} 2.0'
    ) in text
    assert 'route="<unmatched>",status="404"} 1.0' in text
    assert 'kyujin_http_request_duration_seconds_bucket{le="0.005",method="GET",' in text


def test_openapi_docs_are_served(plain_client: TestClient) -> None:
    assert plain_client.get("/docs").status_code == 200
    paths = plain_client.get("/openapi.json").json()["paths"]
    assert {"/v1/postings", "/v1/postings/{posting_id}", "/healthz", "/readyz"} <= set(paths)


def test_apps_do_not_share_metrics(tmp_path) -> None:
    a: FastAPI = create_app(make_settings(f"sqlite:///{tmp_path / 'a.db'}"))
    b: FastAPI = create_app(make_settings(f"sqlite:///{tmp_path / 'b.db'}"))
    assert a.state.metrics_registry is not b.state.metrics_registry


_GC_PROBE = """
import gc, json
from fastapi.testclient import TestClient
from kyujin.api.app import create_app, create_served_app
before = gc.get_threshold()
with TestClient(create_app()) as client:
    client.get("/healthz")
    plain = {"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count()}
with TestClient(create_served_app()) as client:
    client.get("/healthz")
    served = {"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count()}
print(json.dumps({"before": before, "plain": plain, "served": served}))
"""


def test_the_served_app_tunes_the_garbage_collector(tmp_path) -> None:
    """``kyujin serve``'s app freezes what exists at start-up and collects less often; the
    plain app (tests, embedding) leaves the collector alone. In a subprocess: both change
    the whole interpreter."""
    import os
    import subprocess
    import sys

    from kyujin.api.app import SERVED_GC_THRESHOLD

    url = f"sqlite:///{tmp_path / 'gc.db'}"
    upgrade(url)
    env = {**os.environ, "KYUJIN_DATABASE_URL": url, "KYUJIN_EMBEDDED_WORKER": "false"}
    done = subprocess.run(
        [sys.executable, "-c", _GC_PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["plain"] == {"threshold": probe["before"], "frozen": 0}
    assert probe["served"]["threshold"] == list(SERVED_GC_THRESHOLD)
    assert probe["served"]["frozen"] > 10_000  # modules, routes, validators
