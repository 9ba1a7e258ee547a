"""POST /v1/imports and GET /v1/imports/{id} through the real queue (Huey on SQLite, the
embedded default, and on Redis) and a real worker thread."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kyujin.api.app import create_app
from kyujin.settings import Settings
from kyujin.worker import TaskQueue, start_embedded
from tests.conftest import ADMIN_KEY, make_settings
from tests.support.factories import jsonl, posting_data
from tests.support.servers import RedisServer

HEADERS = {"X-Admin-Key": ADMIN_KEY}


def wait_for(client: TestClient, job_id: str, *, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = client.get(f"/v1/imports/{job_id}", headers=HEADERS).json()
        if body["status"] in ("succeeded", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.05)


@pytest.fixture
def embedded_settings(new_database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        new_database_url,
        embedded_worker=True,
        queue_path=tmp_path / "queue.db",
        import_dir=tmp_path / "imports",
    )


@pytest.fixture
def embedded_client(embedded_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(embedded_settings), raise_server_exceptions=False) as client:
        yield client


def upload(client: TestClient, body: bytes, media_type: str, **params: Any) -> Any:
    return client.post(
        "/v1/imports",
        content=body,
        params=params,
        headers={**HEADERS, "Content-Type": media_type},
    )


def test_an_upload_is_imported_by_the_embedded_worker(
    embedded_client: TestClient, embedded_settings: Settings
) -> None:
    body = jsonl(
        posting_data(external_id="a", title="Go Engineer"),
        "{broken",
        posting_data(external_id="b", title="Rust Engineer"),
    )
    response = upload(embedded_client, body, "application/x-ndjson", source="board")
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/v1/imports/{job['id']}"
    assert job["status"] in ("queued", "running", "succeeded")
    assert job["file_bytes"] == len(body) and job["format"] == "jsonl"
    done = wait_for(embedded_client, job["id"])
    assert done["status"] == "succeeded", done
    assert (done["created"], done["rejected"], done["records_read"]) == (2, 1, 3)
    assert done["rejections"][0]["line"] == 2
    assert done["rejections"][0]["reason"].startswith("invalid JSON")
    page = embedded_client.get(f"/v1/imports/{job['id']}/rejections", headers=HEADERS).json()
    assert [r["position"] for r in page["items"]] == ["line 2"] and page["next_after"] is None
    titles = embedded_client.get("/v1/postings", params={"q": "Engineer"}).json()
    assert sorted(item["title"] for item in titles["items"]) == ["Go Engineer", "Rust Engineer"]
    # The uploaded file is removed once its job has finished (the worker does it after
    # marking the job succeeded, so it may lag the status by a moment).
    deadline = time.monotonic() + 10
    while list(embedded_settings.import_dir.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(embedded_settings.import_dir.iterdir()) == []


def test_rejections_are_placed_in_the_file_as_its_sender_named_it(
    embedded_client: TestClient,
) -> None:
    body = json.dumps(
        [
            {"@type": "JobPosting", "title": "Go", "description": "Go"},
            {"@type": "JobPosting", "description": "no title"},
        ]
    ).encode()
    response = upload(embedded_client, body, "application/ld+json", file_name="board.json")
    assert response.status_code == 202, response.text
    done = wait_for(embedded_client, response.json()["id"])
    assert (done["status"], done["created"]) == ("succeeded", 1)
    assert [r["position"] for r in done["rejections"]] == ["board.json item 2"]


def test_a_csv_upload_with_a_column_mapping(embedded_client: TestClient) -> None:
    body = "Job Title,Body\nPython Engineer,Django と PostgreSQL\n".encode()
    response = upload(
        embedded_client, body, "text/csv", map=["title=Job Title", "description=Body"]
    )
    assert response.status_code == 202, response.text
    done = wait_for(embedded_client, response.json()["id"])
    assert (done["status"], done["created"]) == ("succeeded", 1)


@pytest.mark.parametrize(
    ("media_type", "params", "status", "detail"),
    [
        ("text/plain", {}, 415, "cannot tell the format"),
        ("text/csv", {"map": ["title"]}, 400, "field=Column Header"),
        ("text/csv", {"map": ["title=Nope"]}, 400, "Nope"),
        ("application/x-ndjson", {"format": "xml"}, 422, None),
        ("application/x-ndjson", {"map": ["title=Job Title"]}, 400, "CSV only"),
        # PostgreSQL text cannot hold NUL: each was a 500, or a job failing on every retry
        ("application/x-ndjson", {"source": "\x00"}, 422, None),
        ("application/x-ndjson", {"source": "   "}, 422, None),
        ("application/x-ndjson", {"file_name": "a\x00b"}, 422, None),
        ("text/csv", {"map": ["title=Job\x00Title"]}, 400, "control character"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(
    embedded_client: TestClient,
    embedded_settings: Settings,
    media_type: str,
    params: dict[str, Any],
    status: int,
    detail: str | None,
) -> None:
    response = upload(embedded_client, b"Job Title\nx\n", media_type, **params)
    assert response.status_code == status, response.text
    if detail:
        assert detail in response.json()["detail"]
    # Nothing is left behind for a refused upload.
    directory = embedded_settings.import_dir
    assert not directory.exists() or list(directory.iterdir()) == []


def test_an_empty_body_is_refused(embedded_client: TestClient) -> None:
    response = upload(embedded_client, b"", "application/x-ndjson")
    assert response.status_code == 400
    assert "empty" in response.json()["detail"]


def test_imports_need_the_admin_key(embedded_client: TestClient) -> None:
    assert embedded_client.post("/v1/imports", content=b"{}").status_code == 401
    assert embedded_client.get("/v1/imports/" + "0" * 32).status_code == 401
    missing = embedded_client.get("/v1/imports/" + "0" * 32, headers=HEADERS)
    assert missing.status_code == 404 and "does not exist" in missing.json()["detail"]
    assert embedded_client.get("/v1/imports/nope", headers=HEADERS).status_code == 422


def test_an_upload_over_the_limit_is_refused(new_database_url: str, tmp_path: Path) -> None:
    settings = make_settings(
        new_database_url, import_max_bytes=1000, import_dir=tmp_path / "imports"
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        response = upload(client, b"x" * 2000, "application/x-ndjson")
        assert response.status_code == 413
        assert "1,000 bytes" in response.json()["detail"]
        # Other endpoints keep their own limit.
        big = client.post("/v1/extract", content=b"x" * 2000, headers=HEADERS)
        assert big.status_code != 413


def test_the_same_task_runs_on_redis(
    new_database_url: str, redis_server: RedisServer, tmp_path: Path
) -> None:
    settings = make_settings(
        new_database_url, redis_url=redis_server.url, import_dir=tmp_path / "imports"
    )
    assert settings.queue_backend == "redis"
    worker = start_embedded(TaskQueue(settings))  # a worker thread reading the Redis queue
    try:
        with TestClient(create_app(settings), raise_server_exceptions=False) as client:
            body = jsonl(*(posting_data(external_id=f"r{n}") for n in range(30)))
            response = upload(client, body, "application/x-ndjson")
            assert response.status_code == 202, response.text
            done = wait_for(client, response.json()["id"])
            assert (done["status"], done["created"]) == ("succeeded", 30)
    finally:
        worker.stop()


def test_an_import_job_brings_a_built_search_index_up_to_date(
    new_database_url: str, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from kyujin.postings.search_index import SearchIndex, database_identity

    settings = make_settings(
        new_database_url,
        embedded_worker=True,
        queue_path=tmp_path / "queue.db",
        import_dir=tmp_path / "imports",
        search_index_path=tmp_path / "index",
    )
    index = SearchIndex(tmp_path / "index")
    engine = create_engine(new_database_url)
    with Session(engine) as session:
        assert index.rebuild(session, database_identity(new_database_url)) == 0
    engine.dispose()
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        body = jsonl(posting_data(external_id="a"), posting_data(external_id="b"))
        job = upload(client, body, "application/x-ndjson", source="board").json()
        assert wait_for(client, job["id"])["status"] == "succeeded"
        # No search has run: the worker applies the job's postings to the index itself,
        # just after marking it done (a search in between would sync first anyway).
        deadline = time.monotonic() + 30
        while index.num_docs() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert index.num_docs() == 2
