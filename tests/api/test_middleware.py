"""HEAD answers every GET route with the GET's status and headers, and no body."""

import pytest
from fastapi.testclient import TestClient

from tests.support.factories import posting_data

_PER_REQUEST = {"x-request-id", "date"}


def _headers(response: object) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k not in _PER_REQUEST}  # type: ignore[attr-defined]


@pytest.fixture
def posting_id(client: TestClient, admin_headers: dict[str, str]) -> int:
    data = posting_data(description="Go と PostgreSQL の経験3年以上。年収600万〜900万円。")
    response = client.post("/v1/postings", json=data, headers=admin_headers)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/v1/postings/{id}", {}),
        ("/v1/postings/{id}", {"Accept": "application/ld+json"}),
        ("/v1/postings?q=postgresql", {}),
        ("/v1/analytics/skills", {}),
        ("/healthz", {}),
        ("/v1/postings/987654321", {}),  # a 404 is a 404 without its body
        ("/v1/postings?limit=0", {}),  # and a 422 a 422
    ],
)
def test_head_is_the_get_without_its_body(
    client: TestClient, posting_id: int, path: str, headers: dict[str, str]
) -> None:
    url = path.format(id=posting_id)
    get = client.get(url, headers=headers)
    head = client.head(url, headers=headers)
    assert head.status_code == get.status_code
    assert head.content == b"" and get.content != b""
    assert _headers(head) == _headers(get)
    assert int(head.headers["content-length"]) == len(get.content)


def test_head_revalidates_like_get(client: TestClient, posting_id: int) -> None:
    etag = client.get(f"/v1/postings/{posting_id}").headers["etag"]
    head = client.head(f"/v1/postings/{posting_id}", headers={"If-None-Match": etag})
    assert head.status_code == 304 and head.content == b""


def test_head_on_a_route_without_get_is_refused(client: TestClient) -> None:
    response = client.head("/v1/extract")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


def test_head_is_counted_as_head_under_its_route(client: TestClient, posting_id: int) -> None:
    assert client.head(f"/v1/postings/{posting_id}").status_code == 200
    metrics = client.get("/metrics").text
    assert (
        'kyujin_http_requests_total{method="HEAD",route="/v1/postings/{posting_id}",status="200"}'
        in metrics
    )
