"""GET /v1/postings/{id} answered by the shortcut: the same bytes as the route, and every
other request (and every error) left to the app."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from kyujin.api.shortcut import PostingReadShortcut
from kyujin.postings import representation
from kyujin.postings.jsonld import MEDIA_TYPE as JSONLD
from tests.support.factories import posting_data

# Headers that differ between any two answers (the clock, the generated request id).
_PER_REQUEST = {"date", "x-request-id"}


def _create(client: TestClient, admin_headers: dict[str, str]) -> int:
    data = posting_data(description="Go と PostgreSQL の経験3年以上。年収600万〜900万円。")
    response = client.post("/v1/postings", json=data, headers=admin_headers)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _answer(response: object) -> tuple[int, dict[str, str], bytes]:
    headers = {k: v for k, v in response.headers.items() if k not in _PER_REQUEST}  # type: ignore[attr-defined]
    return response.status_code, headers, response.content  # type: ignore[attr-defined]


REQUESTS = [
    ("/v1/postings/{id}", {}),
    ("/v1/postings/{id}", {"Accept": "application/json"}),
    ("/v1/postings/{id}", {"Accept": f"{JSONLD}, application/json;q=0.5"}),
    ("/v1/postings/{id}", {"Accept": "text/html"}),  # 406
    ("/v1/postings/{id}", {"Accept": "*/*;q=0.1, text/html"}),
    ("/v1/postings/0{id}", {}),  # a leading zero is the same id to the route
    ("/v1/postings/987654321", {}),  # 404
    ("/v1/postings/0", {}),  # 422: ids start at 1
    ("/v1/postings/9223372036854775808", {}),  # 422: over 2**63 - 1
    ("/v1/postings/+{id}", {}),
    ("/v1/postings/{id}/", {}),
    ("/v1/postings/{id}?unknown=1", {}),
]


@pytest.mark.parametrize(("path", "headers"), REQUESTS)
def test_same_answer_as_the_route(
    app: FastAPI,
    admin_headers: dict[str, str],
    path: str,
    headers: dict[str, str],
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        posting_id = _create(client, admin_headers)
        url = path.format(id=posting_id)
        headers = {**headers, "X-Request-Id": "same-id"}  # problem details quote it
        shortcut = _answer(client.get(url, headers=headers, follow_redirects=False))
        etag = client.get(f"/v1/postings/{posting_id}").headers["etag"]
        revalidated = _answer(client.get(url, headers={**headers, "If-None-Match": etag}))
    app.user_middleware = [m for m in app.user_middleware if m.cls is not PostingReadShortcut]
    app.middleware_stack = None  # rebuilt without the shortcut on the next request
    with TestClient(app, raise_server_exceptions=False) as client:
        route = _answer(client.get(url, headers=headers, follow_redirects=False))
        route_revalidated = _answer(client.get(url, headers={**headers, "If-None-Match": etag}))
    assert shortcut == route
    assert revalidated == route_revalidated


class _Inner:
    """The app behind the shortcut: records what reached it."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.paths.append(f"{scope['method']} {scope['path']}")
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@pytest.mark.parametrize(
    ("method", "path", "answered_by_shortcut"),
    [
        ("GET", "/v1/postings/{id}", True),
        ("HEAD", "/v1/postings/{id}", False),
        ("DELETE", "/v1/postings/{id}", False),
        ("GET", "/v1/postings/987654321", False),
        ("GET", "/v1/postings/0", False),
        ("GET", "/v1/postings/99999999999999999999", False),
        ("GET", "/v1/postings/\uff15", False),  # a full-width digit
        ("GET", "/v1/postings", False),
        ("GET", "/healthz", False),
    ],
)
def test_only_reads_that_succeed_are_answered_beneath_the_app(
    app: FastAPI,
    admin_headers: dict[str, str],
    method: str,
    path: str,
    answered_by_shortcut: bool,
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        posting_id = _create(client, admin_headers)
    inner = _Inner()
    shortcut = PostingReadShortcut(inner, state=app.state)  # reads through the test's connection
    # Not entered as a context manager: no lifespan messages, only the request.
    response = TestClient(shortcut).request(method, path.format(id=posting_id))
    if answered_by_shortcut:
        assert inner.paths == [] and response.status_code == 200
        assert response.json()["id"] == posting_id
    else:
        assert len(inner.paths) == 1 and response.status_code == 299


def test_metrics_and_access_log_name_the_route(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    posting_id = _create(client, admin_headers)
    assert client.get(f"/v1/postings/{posting_id}").status_code == 200
    metrics = client.get("/metrics").text
    assert (
        'kyujin_http_requests_total{method="GET",route="/v1/postings/{posting_id}",status="200"}'
        in metrics
    )


def test_an_unexpected_error_is_counted_under_the_route(
    app: FastAPI, admin_headers: dict[str, str]
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        posting_id = _create(client, admin_headers)
        app.state.read_bind = object()  # any read now fails unexpectedly
        response = client.get(f"/v1/postings/{posting_id}")
        metrics = client.get("/metrics").text
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert (
        'kyujin_http_requests_total{method="GET",route="/v1/postings/{posting_id}",status="500"}'
        in metrics
    )


def test_a_missing_posting_is_read_once(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut meets the 404 and leaves it to the route, which does not read again."""
    reads: list[int] = []
    read = representation.posting_json

    def counted(bind: object, posting_id: int) -> bytes:
        reads.append(posting_id)
        return read(bind, posting_id)  # type: ignore[arg-type]

    monkeypatch.setattr(representation, "posting_json", counted)
    response = client.get("/v1/postings/987654321")
    assert response.status_code == 404
    assert response.json()["detail"] == "posting 987654321 does not exist"
    assert reads == [987654321]
