"""Migrations run on both backends, can be undone, and match the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from kyujin.db import models  # noqa: F401
from kyujin.db.base import Base, include_name
from kyujin.db.migrate import downgrade, upgrade


def test_models_match_the_migrations(engine, backend: str) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": include_name}
            ),
            Base.metadata,
        )
    assert diff == []


def test_downgrade_then_upgrade_again(new_database_url: str) -> None:
    downgrade(new_database_url)
    engine = create_engine(new_database_url)
    assert "posting" not in inspect(engine).get_table_names()
    upgrade(new_database_url)
    assert "posting" in inspect(engine).get_table_names()
    engine.dispose()


def test_constraints_follow_the_naming_convention(engine, backend: str) -> None:
    uniques = inspect(engine).get_unique_constraints("posting")
    assert [u["name"] for u in uniques] == ["uq_posting_source_external_id"]


def test_rebuilding_posting_on_sqlite_keeps_every_row(tmp_path) -> None:
    """0008 recreates posting on SQLite (drop + copy): posting_skill's ON DELETE CASCADE must
    not fire, the search index must still find the postings, and foreign keys must be
    enforced again afterwards."""
    from sqlalchemy import func, select, text

    from kyujin.db.engine import make_engine, make_session_factory, transaction
    from kyujin.db.models import Posting, PostingSkill
    from kyujin.postings import search, service
    from kyujin.postings.schemas import ImportSummary
    from kyujin.postings.search_schemas import SearchQuery
    from tests.conftest import make_settings
    from tests.support.factories import posting_in

    url = f"sqlite:///{tmp_path / 'm.db'}"
    # The postings are written by today's code, then the schema goes back to 0007.
    upgrade(url)
    engine = make_engine(make_settings(url))
    factory = make_session_factory(engine)
    records = [
        posting_in(external_id=str(i), description="Python と Rust の開発") for i in range(3)
    ]
    with transaction(factory, write=True) as session:
        service.import_batch(session, records, default_source="m", summary=ImportSummary())
    with transaction(factory) as session:
        skills = session.scalar(select(func.count()).select_from(PostingSkill))
    engine.dispose()
    assert skills is not None and skills >= 6
    downgrade(url, revision="0007")

    upgrade(url)
    engine = make_engine(make_settings(url))
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        assert session.scalar(select(func.count()).select_from(Posting)) == 3
        assert session.scalar(select(func.count()).select_from(PostingSkill)) == skills
        assert search.search(session, SearchQuery(q="rust")).total == 3
        columns = [row[1] for row in session.execute(text("PRAGMA table_info(posting)"))]
        assert columns[-2:] == ["description", "description_html"]
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # 0009 found postings: the market rollup waits for a rebuild.
        assert session.execute(text("SELECT complete FROM market_state")).scalar() == 0
    engine.dispose()


def test_market_totals_are_filled_from_the_cells(tmp_path) -> None:
    """0011 adds the whole-market totals of a complete rollup by summing its cells: the
    rollup stays complete and equal to a recount."""
    from sqlalchemy import text

    from kyujin.analytics import market
    from kyujin.db.engine import make_engine, make_session_factory, transaction
    from kyujin.postings import service
    from kyujin.postings.schemas import ImportSummary
    from tests.conftest import make_settings
    from tests.support.factories import posting_in

    url = f"sqlite:///{tmp_path / 't.db'}"
    upgrade(url)
    engine = make_engine(make_settings(url))
    factory = make_session_factory(engine)
    records = [
        posting_in(
            external_id=str(i),
            description="Requirements: Python, Go\nNice to have: AWS" if i % 2 else "Java, AWS",
            salary_min=5_000_000 + 500_000 * i,
            salary_currency="JPY",
            salary_period="annual",
        )
        for i in range(6)
    ]
    with transaction(factory, write=True) as session:
        service.import_batch(session, records, default_source="m", summary=ImportSummary())
    engine.dispose()
    downgrade(url, revision="0010")
    upgrade(url)
    engine = make_engine(make_settings(url))
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        assert session.execute(text("SELECT complete FROM market_state")).scalar() == 1
        rows = session.execute(text("SELECT skill, postings FROM market_skill_total"))
        totals = {skill: postings for skill, postings in rows}
        assert totals["AWS"] == 6 and totals["Python"] == 3 and totals["Java"] == 3
        salaries = session.execute(text("SELECT sum(postings) FROM market_salary_total"))
        assert salaries.scalar() >= 6  # every posting states one, once more per language
        drift = market.drift(session)
        assert drift and set(drift.values()) == {0}, drift
        session.rollback()
    engine.dispose()


def test_stored_search_documents_are_rewritten_with_their_run_ends(
    new_database_url: str, backend: str
) -> None:
    """0014 rewrites the documents stored before it, so q=円 finds 600万円 in old rows too."""
    from sqlalchemy import text

    from kyujin.core.search_text import document
    from kyujin.db.engine import make_engine, make_session_factory, transaction
    from kyujin.postings import search, service
    from kyujin.postings.schemas import ImportSummary
    from kyujin.postings.search_schemas import SearchQuery
    from tests.conftest import make_settings
    from tests.support.factories import posting_in

    def found() -> list[str]:
        engine = make_engine(make_settings(new_database_url))
        with transaction(make_session_factory(engine)) as session:
            page = search.search(session, SearchQuery(q="円", facets=False))
        engine.dispose()
        return [item.external_id for item in page.items]

    records = [
        posting_in(external_id=str(i), description=f"年収{600 + i}万円") for i in range(3)
    ] + [posting_in(external_id="other", description="Go と PostgreSQL")]
    engine = make_engine(make_settings(new_database_url))
    with transaction(make_session_factory(engine), write=True) as session:
        service.import_batch(session, records, default_source="m", summary=ImportSummary())
        # the documents as 0013's code wrote them: no run ends
        for row in session.execute(
            text("SELECT id, title, company_name, description FROM posting")
        ):
            old = document(row.title, row.company_name, row.description).split(" ω ")[0]
            if backend == "postgresql":
                write = "UPDATE posting SET search_vector = to_tsvector('simple', :d) WHERE id = :i"
            else:
                write = "UPDATE posting_fts SET doc = :d WHERE rowid = :i"
            session.execute(text(write), {"d": old, "i": row.id})
    engine.dispose()
    assert found() == []
    downgrade(new_database_url, revision="0013")
    upgrade(new_database_url)
    assert sorted(found()) == ["0", "1", "2"]
