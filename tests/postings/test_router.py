from fastapi.testclient import TestClient

from kyujin.api.app import MAX_BODY_BYTES
from tests.support.factories import posting_data


def create(client: TestClient, headers: dict[str, str], **overrides: object) -> dict:
    response = client.post("/v1/postings", json=posting_data(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_then_get(client: TestClient, admin_headers: dict[str, str]) -> None:
    created = create(client, admin_headers, title="Go エンジニア", company="株式会社クモ")
    response = client.get(f"/v1/postings/{created['id']}")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Go エンジニア" and body["company"] == "株式会社クモ"
    assert body["created_at"].endswith("Z") or body["created_at"].endswith("+00:00")


def test_create_sets_location_header(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.post("/v1/postings", json=posting_data(), headers=admin_headers)
    assert response.headers["location"] == f"/v1/postings/{response.json()['id']}"


def test_search_and_paginate(client: TestClient, admin_headers: dict[str, str]) -> None:
    for i in range(5):
        create(client, admin_headers, title=f"Python エンジニア {i}", external_id=f"py{i}")
    create(client, admin_headers, title="Java エンジニア", description="Spring Boot 開発")
    first = client.get("/v1/postings", params={"q": "python", "limit": 3}).json()
    assert [i["title"] for i in first["items"]] == [f"Python エンジニア {i}" for i in (4, 3, 2)]
    rest = client.get(
        "/v1/postings", params={"q": "python", "limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert [i["title"] for i in rest["items"]] == ["Python エンジニア 1", "Python エンジニア 0"]
    assert rest["next_cursor"] is None


def test_missing_posting_is_a_problem_document(client: TestClient) -> None:
    response = client.get("/v1/postings/987654")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["detail"] == "posting 987654 does not exist"
    assert body["request_id"] == response.headers["x-request-id"]


def test_invalid_body_lists_each_field(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.post(
        "/v1/postings", json={"title": "", "url": "ftp://x"}, headers=admin_headers
    )
    assert response.status_code == 422
    fields = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert set(fields) == {"body.title", "body.description", "body.url"}
    assert fields["body.description"] == "Field required"


def test_write_needs_the_admin_key(client: TestClient) -> None:
    assert client.post("/v1/postings", json=posting_data()).status_code == 401
    wrong = client.post("/v1/postings", json=posting_data(), headers={"X-Admin-Key": "nope"})
    assert (
        wrong.status_code == 403 and wrong.json()["detail"] == "the X-Admin-Key given is not valid"
    )


def test_duplicate_create_is_a_conflict(client: TestClient, admin_headers: dict[str, str]) -> None:
    create(client, admin_headers, source="api", external_id="dup")
    again = client.post(
        "/v1/postings", json=posting_data(source="api", external_id="dup"), headers=admin_headers
    )
    assert again.status_code == 409 and "already exists" in again.json()["detail"]


def test_oversized_body_is_refused_with_413(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    big = posting_data(description="x" * (MAX_BODY_BYTES + 1))
    response = client.post("/v1/postings", json=big, headers=admin_headers)
    assert response.status_code == 413
    assert "over the limit" in response.json()["detail"]


def test_too_long_description_is_422_not_413(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    response = client.post(
        "/v1/postings", json=posting_data(description="x" * 100_001), headers=admin_headers
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.description"


def test_bad_query_parameters_are_422(client: TestClient) -> None:
    assert client.get("/v1/postings", params={"limit": 0}).status_code == 422
    assert client.get("/v1/postings", params={"q": "x" * 201}).status_code == 422
    assert client.get("/v1/postings/not-a-number").status_code == 422
    assert client.get(f"/v1/postings/{2**63}").status_code == 422  # beyond a 64-bit id
    assert client.get("/v1/postings", params={"cursor": "garbage!"}).status_code == 400
