"""The market rollup: kept exact through imports, updates, company changes and re-extraction
(compared with a recount), and figures read from it equal the figures computed from the
postings."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from kyujin.analytics import market, market_repository, service
from kyujin.analytics.schemas import SalariesQuery, SkillsQuery
from kyujin.db.models import MarketState, Posting
from kyujin.postings import service as postings
from kyujin.postings.schemas import ImportSummary
from kyujin.postings.search_schemas import SearchQuery
from tests.analytics.market import labelled_postings, load
from tests.support.factories import posting_in


def _no_drift(session: Session) -> None:
    assert market_repository.negative_cells(session) == 0
    drift = market.drift(session)
    assert drift and set(drift.values()) == {0}, drift


def _churn(session: Session) -> None:
    """Updates that move postings between cells: new texts, companies whose industry, size
    and affiliation change, a new company, and a posting created through the API path."""
    records = labelled_postings(40, seed=11)
    load(session, records)
    changed = [
        r.model_copy(
            update={
                "description": r.description + "\n- Kubernetes\n- 日本語ネイティブレベル",
                "remote": "full",
            }
        )
        for r in records[:10]
    ]
    moved = [
        r.model_copy(
            update={
                "company_industry": "gaming",
                "company_size": "startup",
                "company_foreign_affiliated": True,
            }
        )
        for r in records[10:14]
    ]
    # Another posting of a company that changes: all its postings move, even unchanged ones.
    sibling = records[20].model_copy(update={"external_id": "sibling", "company_size": "large"})
    fresh = [
        posting_in(
            external_id="new-1",
            company="Brand New KK",
            company_industry="finance",
            description="Requirements\n- Go\n- PostgreSQL",
        )
    ]
    postings.import_batch(
        session,
        [*changed, *moved, sibling, *fresh],
        default_source="import",
        summary=ImportSummary(),
    )
    postings.create_posting(
        session,
        posting_in(
            external_id="api-1",
            company=records[21].company,
            company_size="small",
            description="Must have: Python, Django. 年収600万円〜900万円",
        ),
    )
    session.flush()


def test_the_rollup_stays_equal_to_a_recount_through_changes(db_session: Session) -> None:
    assert market_repository.is_complete(db_session)
    _churn(db_session)
    _no_drift(db_session)
    # Re-extraction of every posting (as after a taxonomy change) keeps it exact too.
    db_session.execute(update(Posting).values(facts_version="0.stale"))
    after = 0
    while True:
        done, after = postings.reextract(db_session, after_id=after, limit=7)
        if not done:
            break
    _no_drift(db_session)


QUERIES: list[dict[str, Any]] = [
    {},
    {"industry": ["web", "gaming"]},
    {"size_band": ["large", "medium"], "remote": ["full", "hybrid"]},
    {"foreign_affiliated": True},
    {"foreign_affiliated": False, "employment_type": ["contract"]},
    {"japanese_max": "N2"},
    {"q": "   "},
]


def _both(session: Session, run: Any) -> tuple[Any, Any]:
    from_rollup = run()
    session.execute(update(MarketState).values(complete=False))
    from_postings = run()
    session.execute(update(MarketState).values(complete=True))
    return from_rollup, from_postings


@pytest.mark.parametrize("filters", QUERIES)
@pytest.mark.parametrize("segment", [None, "industry", "foreign_affiliated", "japanese_level"])
def test_skill_demand_from_the_rollup_equals_the_postings(
    db_session: Session, filters: dict[str, Any], segment: str | None
) -> None:
    _churn(db_session)
    query = SkillsQuery(**filters, segment=segment, top=500)
    rollup, direct = _both(db_session, lambda: service.skill_demand(db_session, query))
    assert rollup == direct
    assert rollup.n > 0 or filters


@pytest.mark.parametrize("filters", QUERIES)
@pytest.mark.parametrize("by", [None, "language", "experience", "size_band", "japanese_level"])
def test_salaries_from_the_rollup_equal_the_postings(
    db_session: Session, filters: dict[str, Any], by: str | None
) -> None:
    _churn(db_session)
    query = SalariesQuery(**filters, by=by, top=50)
    rollup, direct = _both(db_session, lambda: service.salary_figures(db_session, query))
    assert rollup == direct
    if not filters:
        assert rollup.overall.n >= 20 and rollup.overall.median is not None


def test_only_cell_filters_are_read_from_the_rollup() -> None:
    assert market.cell_of(SearchQuery()) == {}
    assert market.cell_of(SearchQuery(japanese_max="N4")) == {
        "japanese_level": ["none", "N5", "N4"]
    }
    assert market.cell_of(SearchQuery(foreign_affiliated=False, industry=["web"])) == {
        "industry": ["web"],
        "foreign_affiliated": ["false"],
    }
    for other in (
        {"q": "python"},
        {"prefecture": ["東京都"]},
        {"skill": ["Go"]},
        {"salary_min": 5_000_000},
        {"visa_sponsorship": True},
        {"max_years_experience": 3},
    ):
        assert market.cell_of(SearchQuery(**other)) is None, other


def test_an_incomplete_rollup_is_not_read_until_rebuilt(db_session: Session) -> None:
    load(db_session, labelled_postings(30, seed=3))
    db_session.execute(update(MarketState).values(complete=False))
    assert market.readable(db_session, SearchQuery()) is None
    market.rebuild(db_session)
    assert market.readable(db_session, SearchQuery()) == {}
    _no_drift(db_session)


def test_every_search_filter_is_a_cell_column_or_leaves_the_rollup() -> None:
    """A filter the rollup neither answers nor refuses would be ignored silently by the
    figures read from it (source= and exclude_source= were added after the rollup)."""
    from kyujin.analytics import market as rollup
    from kyujin.postings.search_schemas import SearchQuery

    paging = {"q", "skill_mode", "expand_skills", "sort", "facets", "cursor", "limit"}
    known = set(rollup._CELL_FILTERS) | set(rollup._UNFILTERED) | paging
    assert set(SearchQuery.model_fields) <= known, set(SearchQuery.model_fields) - known
