"""The demo data: valid, varied, and searchable end to end on both backends."""

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from kyujin.postings import service
from kyujin.postings.reader import read_jsonl
from kyujin.postings.schemas import ImportSummary

SAMPLES = Path(__file__).parents[1] / "samples" / "postings.jsonl"
_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def load() -> list:
    with SAMPLES.open("rb") as stream:
        return list(read_jsonl(stream))


def test_every_sample_is_valid_and_unique() -> None:
    parsed = load()
    assert [p.error for p in parsed if p.error] == []
    keys = {(p.record.source, p.record.external_id) for p in parsed}
    assert len(parsed) >= 60 and len(keys) == len(parsed)


def test_about_half_the_samples_are_japanese_and_some_mixed() -> None:
    ratios = [
        len(_KANA_KANJI.findall(r.description)) / len(r.description)
        for r in (p.record for p in load())
    ]
    japanese = sum(r >= 0.5 for r in ratios)
    english = sum(r < 0.05 for r in ratios)
    mixed = len(ratios) - japanese - english
    assert 0.4 <= japanese / len(ratios) <= 0.6
    assert english >= 0.25 * len(ratios) and mixed >= 5


def test_search_over_the_samples(db_session: Session, client: TestClient) -> None:
    summary = ImportSummary()
    service.import_batch(
        db_session, [p.record for p in load()], default_source="kyujin-sample", summary=summary
    )
    db_session.commit()
    expected = sum(
        "python" in (r.title + r.description + (r.company or "")).lower()
        for r in (p.record for p in load())
    )
    found, cursor = [], None
    while True:
        page = client.get(
            "/v1/postings",
            params={"q": "Python", "limit": 10, **({"cursor": cursor} if cursor else {})},
        ).json()
        found += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(found) == expected and expected >= 15
    japanese = client.get("/v1/postings", params={"q": "エンジニア", "limit": 100}).json()["items"]
    assert len(japanese) >= 20
