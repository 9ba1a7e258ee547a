"""GET /v1/analytics/...: query parameters, typed answers, errors."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.analytics import market, oracle


def test_skills_endpoint_takes_the_search_filters(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.labelled_postings())
    stored = market.rows(db_session)
    response = client.get(
        "/v1/analytics/skills",
        params={"remote": ["full", "hybrid"], "top": 4, "skill_category": "language"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    subset = market.where(stored, lambda r: r.attrs["remote"] in ("full", "hybrid"))
    assert body["n"] == len(subset)
    assert body["overall"] == {"value": None, **market.skill_cell(subset, 4, "language")}


def test_analytics_leave_a_source_out(client: TestClient, db_session: Session) -> None:
    """exclude_source= (generated postings: kyujin-synthetic) is a filter the market rollup
    does not answer: the figures are counted from the postings left."""
    records = market.labelled_postings()
    generated = [r.model_copy(update={"source": "kyujin-synthetic"}) for r in records[:20]]
    market.load(db_session, [*generated, *records[20:]])
    everything = client.get("/v1/analytics/skills", params={"top": 3}).json()
    real = client.get(
        "/v1/analytics/skills", params={"top": 3, "exclude_source": "kyujin-synthetic"}
    ).json()
    only = client.get("/v1/analytics/skills", params={"top": 3, "source": "kyujin-synthetic"})
    assert everything["n"] == 60 and real["n"] == 40 and only.json()["n"] == 20
    for path in ("/v1/analytics/salaries", "/v1/analytics/trends", "/v1/analytics/languages"):
        response = client.get(path, params={"exclude_source": "kyujin-synthetic"})
        assert response.status_code == 200, (path, response.text)


def test_skills_endpoint_per_segment(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.labelled_postings())
    body = client.get("/v1/analytics/skills", params={"segment": "size_band", "top": 2}).json()
    assert body["segment"] == "size_band"
    assert {cell["value"] for cell in body["segments"]} <= set(market.SIZES) | {None}
    assert sum(cell["n"] for cell in body["segments"]) == body["n"] == 60
    assert all(len(cell["skills"]) <= 2 for cell in body["segments"])


def test_salaries_endpoint(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.labelled_postings())
    stored = market.rows(db_session)
    response = client.get(
        "/v1/analytics/salaries", params={"by": "experience", "premium_skill": "Go"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    groups = market.salary_groups(stored, "experience")
    assert {g["value"]: g for g in body["groups"]} == groups
    assert body["premium"]["skill"] == "Go"
    assert [b["band"] for b in body["premium"]["bands"]] == [g["value"] for g in body["groups"]]


def test_unknown_skill_is_a_400_problem(client: TestClient) -> None:
    for params in ({"premium_skill": "Cobolt"}, {"skill": "Cobolt"}):
        response = client.get("/v1/analytics/salaries", params=params)
        assert response.status_code == 400
        assert response.headers["content-type"] == "application/problem+json"
        assert "'Cobolt' is not in the taxonomy" in response.json()["detail"]


def test_unknown_skill_category_is_a_400_naming_the_categories(client: TestClient) -> None:
    response = client.get("/v1/analytics/skills", params={"skill_category": "langs"})
    assert response.status_code == 400
    assert "language" in response.json()["detail"]


def test_unknown_group_or_segment_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/v1/analytics/salaries", params={"by": "colour"})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["query.by"]
    response = client.get("/v1/analytics/skills", params={"segment": "colour"})
    assert response.status_code == 422
    response = client.get("/v1/analytics/skills", params={"limit": 5})  # paging is search's
    assert response.status_code == 422


def test_cooccurrence_endpoint(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.labelled_postings())
    stored = market.rows(db_session)
    response = client.get(
        "/v1/analytics/cooccurrence",
        params={"of": "Go", "top": 500, "remote": ["full", "hybrid"]},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    subset = market.where(stored, lambda r: r.attrs["remote"] in ("full", "hybrid"))
    expected = oracle.cooccurrence(subset, "Go")
    assert (body["n"], body["postings"]) == (len(subset), expected["postings"])
    assert {f["skill"]: f for f in body["skills"]} == expected["skills"]


def test_trends_endpoint_takes_repeated_skills(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.dated_postings())
    stored = market.rows(db_session)
    response = client.get(
        "/v1/analytics/trends",
        params={"skills": ["Python", "Go"], "months": 3, "until": "2026-09"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    months = ["2026-07", "2026-08", "2026-09"]
    assert body["months"] == months
    assert [s["skill"] for s in body["skills"]] == ["Python", "Go"]
    assert body["skills"][1]["months"] == [oracle.trend_cell(stored, "Go", m) for m in months]


def test_languages_endpoint(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.dated_postings())
    stored = market.rows(db_session)
    response = client.get("/v1/analytics/languages", params={"industry": "web"})
    assert response.status_code == 200, response.text
    body = response.json()
    subset = market.where(stored, lambda r: r.attrs["industry"] == "web")
    assert body["n"] == len(subset)
    last = max(r.attrs["listed_on"] for r in subset).isoformat()[:7]
    for outlook in body["languages"]:
        assert outlook == oracle.language(subset, outlook["language"], last)


def test_cooccurrence_matrix_endpoint(client: TestClient, db_session: Session) -> None:
    market.load(db_session, market.labelled_postings())
    response = client.get(
        "/v1/analytics/cooccurrence/matrix", params={"skills": ["Go", "python", "Java"]}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["n"] == 60 and [row["skill"] for row in body["rows"]] == ["Go", "Python", "Java"]
    single = client.get("/v1/analytics/cooccurrence", params={"of": "Go", "top": 500}).json()
    companions = {f["skill"]: f for f in single["skills"]}
    for figure in body["rows"][0]["skills"]:
        assert figure == companions[figure["skill"]]
    one = client.get("/v1/analytics/cooccurrence/matrix", params={"skills": ["Go"]})
    assert one.status_code == 422 and "query.skills" in one.text


def test_bad_cooccurrence_trend_and_language_queries(client: TestClient) -> None:
    cases = [
        ("/v1/analytics/cooccurrence", {"of": "Cobolt"}, 400, "'Cobolt' is not in the taxonomy"),
        ("/v1/analytics/cooccurrence", {"of": "Go", "skill_category": "dbs"}, 400, "dbs"),
        ("/v1/analytics/trends", {"skills": "Go", "skill_category": "language"}, 400, "not both"),
        ("/v1/analytics/trends", {"skills": "Cobolt"}, 400, "not in the taxonomy"),
    ]
    for path, params, status, message in cases:
        response = client.get(path, params=params)
        assert response.status_code == status, (path, params)
        assert response.headers["content-type"] == "application/problem+json"
        assert message in response.json()["detail"]
    for path, params, field in [
        ("/v1/analytics/cooccurrence", {}, "query.of"),
        ("/v1/analytics/cooccurrence", {"of": "Go", "order": "chance"}, "query.order"),
        ("/v1/analytics/trends", {"months": 0}, "query.months"),
        ("/v1/analytics/trends", {"until": "2026-13"}, "query.until"),
        ("/v1/analytics/trends", {"until": "0000-01", "months": 60}, "query.until"),
        ("/v1/analytics/languages", {"until": "0001-03"}, "query.until"),
        ("/v1/analytics/languages", {"until": "October"}, "query.until"),
        ("/v1/analytics/languages", {"limit": 5}, "query.limit"),
    ]:
        response = client.get(path, params=params)
        assert response.status_code == 422, (path, params)
        assert [e["field"] for e in response.json()["errors"]] == [field]
