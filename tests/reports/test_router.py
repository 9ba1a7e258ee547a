"""POST /v1/reports and GET /v1/reports/{id} through the real queue (Huey on SQLite, the
embedded default, and on Redis) and a real worker thread."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser

from kyujin.api.app import create_app
from kyujin.db.engine import make_engine, make_session_factory, transaction
from kyujin.settings import Settings
from kyujin.worker import TaskQueue, start_embedded
from tests.analytics import market
from tests.conftest import ADMIN_KEY, make_settings
from tests.reports.support import pdf_page_count, tables
from tests.support.servers import RedisServer

HEADERS = {"X-Admin-Key": ADMIN_KEY}


def load_market(settings: Settings) -> list[market.Row]:
    engine = make_engine(settings)
    with transaction(make_session_factory(engine), write=True) as session:
        market.load(session, market.dated_postings())
        rows = market.rows(session)
    engine.dispose()
    return rows


def wait_for(client: TestClient, job_id: str, *, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = client.get(f"/v1/reports/{job_id}").json()
        if body["status"] in ("succeeded", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.1)


@pytest.fixture
def embedded_settings(new_database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        new_database_url,
        embedded_worker=True,
        queue_path=tmp_path / "queue.db",
        report_dir=tmp_path / "reports",
    )


@pytest.fixture
def embedded_client(embedded_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(embedded_settings), raise_server_exceptions=False) as client:
        yield client


def check_finished_report(client: TestClient, job: dict[str, Any], expected_n: int) -> None:
    done = wait_for(client, job["id"])
    assert done["status"] == "succeeded", done
    assert done["postings"] == expected_n and done["attempts"] == 1
    assert done["links"] == {
        "html": f"/v1/reports/{job['id']}/report.html",
        "pdf": f"/v1/reports/{job['id']}/report.pdf",
    }
    html = client.get(done["links"]["html"])
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    document = LexborHTMLParser(html.text)
    summary = dict(tuple(row) for row in tables(document, "summary")[0][1:])
    assert summary["Matching postings / 対象求人数"] == f"{expected_n:,}"
    pdf = client.get(done["links"]["pdf"])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf_page_count(pdf.content) == 8


def test_a_report_is_made_by_the_embedded_worker(
    embedded_client: TestClient, embedded_settings: Settings
) -> None:
    rows = load_market(embedded_settings)
    python = [r for r in rows if "Python" in r.skills]
    response = embedded_client.post(
        "/v1/reports", json={"skill": ["Python"], "title": "Python 求人"}, headers=HEADERS
    )
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/v1/reports/{job['id']}"
    assert job["status"] in ("queued", "running", "succeeded")
    assert job["parameters"]["skill"] == ["Python"] and job["parameters"]["title"] == "Python 求人"
    check_finished_report(embedded_client, job, len(python))
    files = sorted(p.name for p in embedded_settings.report_dir.iterdir())
    assert files == [f"{job['id']}.html", f"{job['id']}.pdf"]  # no temporary file left


def test_the_same_task_runs_on_redis(
    new_database_url: str, redis_server: RedisServer, tmp_path: Path
) -> None:
    settings = make_settings(
        new_database_url, redis_url=redis_server.url, report_dir=tmp_path / "reports"
    )
    assert settings.queue_backend == "redis"
    rows = load_market(settings)
    worker = start_embedded(TaskQueue(settings))  # a worker thread reading the Redis queue
    try:
        with TestClient(create_app(settings), raise_server_exceptions=False) as client:
            response = client.post("/v1/reports", json={}, headers=HEADERS)
            assert response.status_code == 202, response.text
            check_finished_report(client, response.json(), len(rows))
    finally:
        worker.stop()


def test_a_queued_report_has_no_file_yet(new_database_url: str, tmp_path: Path) -> None:
    settings = make_settings(new_database_url, queue_path=tmp_path / "q.db")  # no worker
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        job = client.post("/v1/reports", json={}, headers=HEADERS).json()
        assert client.get(f"/v1/reports/{job['id']}").json()["links"] is None
        for name in ("report.html", "report.pdf"):
            response = client.get(f"/v1/reports/{job['id']}/{name}")
            assert response.status_code == 404
            assert "queued" in response.json()["detail"]


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    unknown = "0" * 32
    for path in (unknown, f"{unknown}/report.html", f"{unknown}/report.pdf"):
        response = client.get(f"/v1/reports/{path}")
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
        assert "does not exist" in response.json()["detail"]
    assert client.get("/v1/reports/not-an-id").status_code == 422


def test_bad_requests_are_refused_with_a_reason(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    unknown = client.post("/v1/reports", json={"skill": ["Cobolt"]}, headers=admin_headers)
    assert unknown.status_code == 400
    assert "'Cobolt' is not in the taxonomy" in unknown.json()["detail"]
    place = client.post("/v1/reports", json={"prefecture": ["Atlantis"]}, headers=admin_headers)
    assert place.status_code == 400
    for body, field in (
        ({"top": 1000}, "body.top"),
        ({"until": "0000-01"}, "body.until"),
        ({"remote": ["moon"]}, "body.remote.0"),
        ({"colour": "red"}, "body.colour"),
    ):
        response = client.post("/v1/reports", json=body, headers=admin_headers)
        assert response.status_code == 422, body
        assert field in [e["field"] for e in response.json()["errors"]]
    assert client.post("/v1/reports", json={}).status_code == 401
