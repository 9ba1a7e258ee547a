"""The same postings give the same figures on SQLite and on PostgreSQL, compared directly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kyujin.analytics import service, trends
from kyujin.analytics.schemas import (
    CooccurrenceQuery,
    LanguagesQuery,
    SalariesQuery,
    SkillsQuery,
    TrendsQuery,
)
from kyujin.db.engine import make_engine
from kyujin.db.migrate import upgrade
from kyujin.postings.schemas import PostingIn
from kyujin.synthetic.generator import generate
from tests.analytics import market
from tests.conftest import make_settings
from tests.support.servers import PostgresServer

Query = SkillsQuery | SalariesQuery | CooccurrenceQuery | TrendsQuery | LanguagesQuery
QUERIES: list[Query] = [
    SkillsQuery(top=50),
    SkillsQuery(top=10, skill_category="language", segment="industry"),
    SkillsQuery(segment="size_band", remote=["full", "hybrid"]),
    SkillsQuery(segment="foreign_affiliated", q="API"),
    SkillsQuery(segment="japanese_level", skill=["Java"], expand_skills=True),
    SalariesQuery(by="language", top=2000),
    SalariesQuery(by="skill", top=2000, industry=["finance", "si"]),
    SalariesQuery(by="experience", premium_skill="Go"),
    SalariesQuery(by="size_band", premium_skill="Kubernetes", japanese_max="N3"),
    SalariesQuery(by="industry", salary_min=6_000_000, salary_max=9_000_000),
    SalariesQuery(by="japanese_level", max_years_experience=5, posted_since="2025-06-01"),
    CooccurrenceQuery(of="Python", top=500),
    CooccurrenceQuery(of="Java", order="lift", skill_category="framework", industry=["si"]),
    CooccurrenceQuery(of="PostgreSQL", top=50, q="API", remote=["full"]),
    TrendsQuery(skill_category="language", top=20, months=24),
    TrendsQuery(skills=["Go", "Python", "Kubernetes"], months=6, until="2026-03"),
    TrendsQuery(skill_category="database", size_band=["startup"], posted_since="2025-06-01"),
    LanguagesQuery(),
    LanguagesQuery(until="2026-02", industry=["finance", "si", "web"]),
]


def _answer(session: Session, query: Query) -> dict[str, Any]:
    if isinstance(query, SkillsQuery):
        return service.skill_demand(session, query).model_dump()
    if isinstance(query, SalariesQuery):
        return service.salary_figures(session, query).model_dump()
    if isinstance(query, CooccurrenceQuery):
        return service.cooccurrence(session, query).model_dump()
    if isinstance(query, TrendsQuery):
        return trends.trends(session, query).model_dump()
    return trends.language_outlook(session, query).model_dump()


@pytest.fixture
def urls(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[list[str]]:
    sqlite = f"sqlite:///{tmp_path / 'same.db'}"
    postgres_server.psql("CREATE DATABASE kyujin_analytics_same")
    postgresql = postgres_server.url("kyujin_analytics_same")
    for url in (sqlite, postgresql):
        upgrade(url)
    yield [sqlite, postgresql]
    postgres_server.psql("DROP DATABASE kyujin_analytics_same WITH (FORCE)")


def _figures(url: str, records: list[PostingIn]) -> list[dict[str, Any]]:
    engine = make_engine(make_settings(url))
    try:
        with Session(engine) as session:
            market.load(session, records)
            results = [_answer(session, query) for query in QUERIES]
            session.rollback()
        return results
    finally:
        engine.dispose()


def test_sqlite_and_postgresql_give_identical_figures(urls: list[str]) -> None:
    records = [PostingIn.model_validate(d) for d in generate(400, 11)]
    sqlite, postgresql = (_figures(url, records) for url in urls)
    assert sqlite[0]["n"] == 400
    assert any(g["median"] is not None for g in sqlite[5]["groups"])
    # The new figures are not empty answers that would agree trivially.
    assert any(f["lift"] is not None for f in sqlite[11]["skills"])
    assert len(sqlite[14]["months"]) == 24 and any(
        c["change"] is not None for s in sqlite[14]["skills"] for c in s["months"]
    )
    assert any(o["growth"] is not None and o["industries"] for o in sqlite[17]["languages"])
    for query, left, right in zip(QUERIES, sqlite, postgresql, strict=True):
        assert left == right, query
