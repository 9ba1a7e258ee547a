from fastapi.testclient import TestClient

from kyujin.extraction.schemas import MAX_TEXT_CHARS


def test_extract_returns_skills_and_facts_with_spans(client: TestClient) -> None:
    text = "【必須】Go言語での開発経験3年以上\n年収600万〜900万円、フルリモート"
    response = client.post("/v1/extract", json={"text": text, "title": "Goエンジニア"})
    assert response.status_code == 200
    body = response.json()
    go = next(s for s in body["skills"] if s["skill"] == "Go")
    assert text[go["start"] : go["end"]] == go["surface"] == "Go言語"
    assert go["requirement"] == "required" and go["category"] == "language"
    assert body["salary"]["annual_min_jpy"] == 6_000_000
    assert body["remote"] == "full" and body["min_years_experience"] == 3
    start, end = body["spans"]["remote"]
    assert text[start:end] == "フルリモート"
    assert len(body["taxonomy_version"]) == 16


def test_extract_validates_its_input(client: TestClient) -> None:
    assert client.post("/v1/extract", json={}).status_code == 422
    assert client.post("/v1/extract", json={"text": 5}).status_code == 422
    too_long = client.post("/v1/extract", json={"text": "x" * (MAX_TEXT_CHARS + 1)})
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["field"] == "body.text"


def test_a_megabyte_of_text_is_fine(client: TestClient) -> None:
    response = client.post("/v1/extract", json={"text": "Python, Go, 年収500万円 " * 40_000})
    assert response.status_code == 200
