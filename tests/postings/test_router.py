import jsonschema_rs
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from kyujin.api.app import MAX_BODY_BYTES
from kyujin.db.models import Posting
from kyujin.postings.jsonld import JSON_SCHEMA, posting_to_jsonld
from kyujin.postings.router import JSON, negotiate
from kyujin.postings.schemas import PostingOut
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


@pytest.mark.parametrize("path", ["/v1/postings", "/v1/analytics/skills"])
@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("2026-12-01", 200),
        ("0", 422),  # pydantic alone read a number as seconds since 1970
        ("1733011200", 422),
        ("2026-12-01T00:00:00", 422),
        ("2026-13-01", 422),
        ("yesterday", 422),
    ],
)
def test_posted_since_is_a_date_written_yyyy_mm_dd(
    client: TestClient, path: str, since: str, status: int
) -> None:
    response = client.get(path, params={"posted_since": since})
    assert response.status_code == status, response.text
    if status == 422:
        assert "posted_since" in response.text


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/v1/postings", [("sort", "newest"), ("sort", "salary")], 422),
        ("/v1/postings", [("q", "go"), ("q", "rust")], 422),
        ("/v1/postings", [("remote", "full"), ("remote", "hybrid")], 200),  # a list
        ("/v1/postings", [("skill", "Go"), ("skill", "Rust")], 200),
        (
            "/v1/analytics/skills",
            [("visa_sponsorship", "true"), ("visa_sponsorship", "false")],
            422,
        ),
        ("/v1/analytics/trends", [("months", "6"), ("months", "12")], 422),
        ("/v1/analytics/languages", [("remote", "full"), ("remote", "onsite")], 200),
    ],
)
def test_a_parameter_taking_one_value_given_twice_is_refused(
    client: TestClient, path: str, params: list[tuple[str, str]], status: int
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    if status == 422:
        assert "more than once" in response.text and params[0][0] in response.text


JSON_LD = "application/ld+json"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("application/json", JSON),
        ("*/*", JSON),
        ("", JSON),
        ("application/*", JSON),
        (BROWSER, JSON),  # */* matches both at 0.8: the default wins the tie
        ("application/ld+json;q=0.9, application/json", JSON),
        ("application/ld+json, application/json", JSON),  # equal: the default
        ("application/json; charset=utf-8", JSON),
        ("garbage", JSON),  # no readable media range: the header is ignored
        ("application/ld+json", JSON_LD),
        ("APPLICATION/LD+JSON", JSON_LD),
        ('application/ld+json; profile="https://schema.org"', JSON_LD),
        ("application/ld+json, */*", JSON_LD),  # equal quality: the exact match wins
        ("application/json;q=0.5, application/ld+json", JSON_LD),
        ("application/json;q=0, */*", JSON_LD),
        ("application/json;q=0.8, application/ld+json;q=0.801", JSON_LD),
        ("text/html, application/ld+json;q=0.1", JSON_LD),
        ("application/ld+json, application/json;q=abc", JSON_LD),  # a bad q drops its range
        ("text/csv", None),
        ("text/*, image/png", None),
        ("*/*;q=0", None),
        ("application/json;q=0, application/ld+json;q=0", None),
        ("application/*;q=0, text/plain", None),
        ("application/ld+json;q=2", JSON),  # q above 1 is invalid: nothing readable left
    ],
)
def test_negotiate(accept: str, chosen: str | None) -> None:
    assert negotiate(accept) == chosen


def test_get_as_json_ld(client: TestClient, admin_headers: dict[str, str]) -> None:
    created = create(
        client,
        admin_headers,
        title="Go エンジニア",
        company="株式会社クモ",
        description="【必須】Go言語 3年以上\n年収600万〜900万円、フルリモート",
    )
    response = client.get(f"/v1/postings/{created['id']}", headers={"Accept": JSON_LD})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON_LD
    assert response.headers["vary"] == "Accept"
    body = response.json()
    assert body == posting_to_jsonld(PostingOut.model_validate(created))
    assert body["@type"] == "JobPosting" and body["title"] == "Go エンジニア"
    assert body["hiringOrganization"] == {"@type": "Organization", "name": "株式会社クモ"}
    assert body["baseSalary"]["value"]["minValue"] == 6_000_000
    assert body["jobLocationType"] == "TELECOMMUTE"
    assert "株式会社クモ".encode() in response.content  # UTF-8, not \u escapes
    assert not list(jsonschema_rs.validator_for(JSON_SCHEMA).iter_errors(body))


@pytest.mark.parametrize(
    "accept", [None, "application/json", "*/*", BROWSER, "application/ld+json;q=0.9, */*"]
)
def test_get_as_json_by_default(
    client: TestClient, admin_headers: dict[str, str], accept: str | None
) -> None:
    created = create(client, admin_headers)
    request = client.build_request("GET", f"/v1/postings/{created['id']}")
    if accept is None:
        del request.headers["accept"]
    else:
        request.headers["accept"] = accept
    response = client.send(request)
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.headers["vary"] == "Accept"
    assert response.json() == created


def test_an_accept_allowing_neither_is_406(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    created = create(client, admin_headers)
    response = client.get(f"/v1/postings/{created['id']}", headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["vary"] == "Accept"
    body = response.json()
    assert body["title"] == "Not Acceptable" and body["status"] == 406
    assert body["detail"] == (
        "this posting is available as application/json or application/ld+json; "
        "the Accept header allows neither"
    )
    assert body["request_id"] == response.headers["x-request-id"]


def test_a_missing_posting_is_404_in_json_ld_too(client: TestClient) -> None:
    response = client.get("/v1/postings/987654", headers={"Accept": JSON_LD})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_openapi_documents_both_representations(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/v1/postings/{posting_id}"]["get"]
    content = operation["responses"]["200"]["content"]
    assert set(content) == {JSON, JSON_LD}
    assert content[JSON]["schema"] == {"$ref": "#/components/schemas/PostingOut"}
    assert content[JSON_LD]["schema"]["properties"]["@type"] == {"const": "JobPosting"}
    assert operation["responses"]["406"]["content"] == {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }


def test_etag_and_if_none_match(
    client: TestClient, admin_headers: dict[str, str], db_session: Session
) -> None:
    created = create(client, admin_headers, external_id="etag-1", description="Go and Rust.")
    url = f"/v1/postings/{created['id']}"
    first = client.get(url)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"') and etag.endswith('"')
    assert client.get(url).headers["etag"] == etag  # stable while unchanged
    for given in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        again = client.get(url, headers={"If-None-Match": given})
        assert again.status_code == 304, given
        assert again.content == b"" and again.headers["etag"] == etag
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    # the list on two header lines is one list (RFC 9110 5.3)
    two_lines = client.get(url, headers=[("If-None-Match", '"other"'), ("If-None-Match", etag)])
    assert two_lines.status_code == 304
    as_jsonld = client.get(url, headers={"Accept": JSON_LD})
    assert as_jsonld.headers["etag"] != etag  # another representation, another tag
    # Changing the posting changes the tag.
    db_session.execute(update(Posting).values(title="Renamed").where(Posting.id == created["id"]))
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.json()["title"] == "Renamed"
    assert changed.headers["etag"] != etag


def test_an_unknown_category_is_refused_by_name(client: TestClient) -> None:
    response = client.get("/v1/postings", params={"category": ["database", "zzz"]})
    assert response.status_code == 422
    assert "unknown category 'zzz'" in response.text
    assert client.get("/v1/postings", params={"category": "database"}).status_code == 200
