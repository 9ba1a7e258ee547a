"""Behaviour at the edges found in review: the transaction boundary, the admin key, ids."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from kyujin.api.app import create_app
from kyujin.db.migrate import upgrade
from tests.conftest import ADMIN_KEY, make_settings
from tests.support.factories import posting_data


@pytest.fixture
def real_client(tmp_path: Path) -> Iterator[TestClient]:
    """The app with its own session dependency (no test override), on a fresh SQLite file."""
    url = f"sqlite:///{tmp_path / 'edge.db'}"
    upgrade(url)
    with TestClient(create_app(make_settings(url)), raise_server_exceptions=False) as client:
        yield client


def test_a_failed_commit_is_not_reported_as_created(
    real_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: Session) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Session, "commit", fail)
    response = real_client.post(
        "/v1/postings", json=posting_data(), headers={"X-Admin-Key": ADMIN_KEY}
    )
    assert response.status_code == 500
    assert response.headers["x-request-id"] == response.json()["request_id"]


def test_created_posting_is_readable_at_once(real_client: TestClient) -> None:
    created = real_client.post(
        "/v1/postings", json=posting_data(), headers={"X-Admin-Key": ADMIN_KEY}
    )
    assert created.status_code == 201
    assert real_client.get(created.headers["location"]).status_code == 200


def test_an_empty_admin_key_disables_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    upgrade(url)
    app = create_app(make_settings(url, admin_api_key=""))
    with TestClient(app) as client:
        response = client.post("/v1/postings", json=posting_data(), headers={"X-Admin-Key": ""})
    assert response.status_code == 403
    assert "KYUJIN_ADMIN_API_KEY is not set" in response.json()["detail"]


def test_request_id_with_a_newline_is_replaced(real_client: TestClient) -> None:
    response = real_client.get("/healthz", headers={"X-Request-ID": "abc\n"})
    assert (
        response.headers["x-request-id"] != "abc\n" and len(response.headers["x-request-id"]) == 32
    )


def test_a_cursor_beyond_64_bits_is_a_400(real_client: TestClient) -> None:
    import base64

    cursor = base64.urlsafe_b64encode(f"id:{2**70}".encode()).decode().rstrip("=")
    response = real_client.get("/v1/postings", params={"cursor": cursor})
    assert response.status_code == 400


def test_a_salary_cursor_beyond_64_bits_is_a_400(real_client: TestClient) -> None:
    import base64
    import json

    raw = json.dumps(["salary", 10**30, 1]).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    response = real_client.get("/v1/postings", params={"cursor": cursor, "sort": "salary"})
    assert response.status_code == 400
    assert "not one this API issued" in response.json()["detail"]


def test_a_rejections_page_beyond_64_bits_is_a_422(real_client: TestClient) -> None:
    response = real_client.get(
        "/v1/imports/" + "0" * 32 + "/rejections",
        params={"after": 2**63},
        headers={"X-Admin-Key": ADMIN_KEY},
    )
    assert response.status_code == 422


@pytest.mark.parametrize("field", ["title", "description", "company", "source"])
def test_control_characters_are_refused(real_client: TestClient, field: str) -> None:
    response = real_client.post(
        "/v1/postings",
        json=posting_data(**{field: "bad\x00value"}),
        headers={"X-Admin-Key": ADMIN_KEY},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == f"body.{field}"


def test_search_refuses_control_characters(real_client: TestClient) -> None:
    assert real_client.get("/v1/postings", params={"q": "a\x00b"}).status_code == 422


def test_a_chunked_body_over_the_limit_is_a_413(real_client: TestClient) -> None:
    from kyujin.api.app import MAX_BODY_BYTES

    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"title": "x", "description": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"y" * 65536
        yield b'"}'

    response = real_client.post(
        "/v1/extract", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "over the limit" in response.json()["detail"]
