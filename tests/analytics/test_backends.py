"""The same postings give the same figures on SQLite and on PostgreSQL, compared directly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kyujin.analytics import service
from kyujin.analytics.schemas import SalariesQuery, SkillsQuery
from kyujin.db.engine import make_engine
from kyujin.db.migrate import upgrade
from kyujin.postings.schemas import PostingIn
from kyujin.synthetic.generator import generate
from tests.analytics import market
from tests.conftest import make_settings
from tests.support.servers import PostgresServer

QUERIES: list[SkillsQuery | SalariesQuery] = [
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
]


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
            results: list[dict[str, Any]] = []
            for query in QUERIES:
                if isinstance(query, SkillsQuery):
                    results.append(service.skill_demand(session, query).model_dump())
                else:
                    results.append(service.salary_figures(session, query).model_dump())
            session.rollback()
        return results
    finally:
        engine.dispose()


def test_sqlite_and_postgresql_give_identical_figures(urls: list[str]) -> None:
    records = [PostingIn.model_validate(d) for d in generate(400, 11)]
    sqlite, postgresql = (_figures(url, records) for url in urls)
    assert sqlite[0]["n"] == 400
    assert any(g["median"] is not None for g in sqlite[5]["groups"])
    for query, left, right in zip(QUERIES, sqlite, postgresql, strict=True):
        assert left == right, query
