"""The search index follows the database through its outbox (search_change)."""

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kyujin.db.models import SearchChange
from kyujin.postings import search, service
from kyujin.postings.schemas import ImportSummary, PostingIn
from kyujin.postings.search_index import IndexNotReady, SearchIndex, database_identity
from kyujin.postings.search_schemas import SearchPage, SearchQuery
from tests.support.factories import posting_in

DB = "sqlite:///kyujin-test.db"


def run_import(session: Session, records: list[PostingIn]) -> None:
    service.import_batch(session, records, default_source="import", summary=ImportSummary())


def find(session: Session, index: SearchIndex, **params: Any) -> SearchPage:
    return search.run(session, SearchQuery(**params), index, DB)


def ids(page: SearchPage) -> set[str]:
    return {item.external_id for item in page.items}


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    return SearchIndex(tmp_path / "index")


def test_an_index_not_built_leaves_search_to_the_database(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(db_session, [posting_in(external_id="a", description="Kotlin and Spring.")])
    assert not index.ready_for(DB)
    assert ids(find(db_session, index, q="kotlin")) == {"a"}
    assert index.num_docs() == 0
    with pytest.raises(IndexNotReady, match="not built for this database"):
        index.sync(db_session, DB)


def test_every_write_reaches_the_index_through_the_outbox(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(
        db_session,
        [
            posting_in(external_id="a", description="Kotlin and Spring.", company="Kumo"),
            posting_in(external_id="b", description="Elixir and Phoenix.", company="Sora"),
        ],
    )
    assert index.rebuild(db_session, DB) == 2
    assert index.ready_for(DB) and not index.ready_for("sqlite:///another.db")
    assert index.sync(db_session, DB) == 0  # nothing changed since
    assert ids(find(db_session, index, q="kotlin")) == {"a"}

    # Created through the API's service: found at the next search.
    service.create_posting(
        db_session, posting_in(source="api", external_id="c", description="Zig.")
    )
    assert ids(find(db_session, index, q="zig")) == {"c"}
    # The text of a posting changed by a re-import: the old word is gone.
    run_import(db_session, [posting_in(external_id="a", description="Scala.", company="Kumo")])
    assert ids(find(db_session, index, q="kotlin")) == set()
    assert ids(find(db_session, index, q="scala")) == {"a"}
    # A company's attributes changed by an import: its other postings follow.
    run_import(
        db_session,
        [posting_in(external_id="d", description="Go.", company="Sora", company_size="large")],
    )
    assert ids(find(db_session, index, size_band=["large"])) == {"b", "d"}
    assert index.num_docs() == 4
    assert index.sync(db_session, DB) == 0


def test_the_outbox_holds_each_change_in_order(db_session: Session) -> None:
    before = db_session.scalar(select(func.coalesce(func.max(SearchChange.seq), 0)))
    run_import(db_session, [posting_in(external_id="x"), posting_in(external_id="y")])
    run_import(db_session, [posting_in(external_id="x", description="Changed.")])
    rows = db_session.execute(
        select(SearchChange.seq, SearchChange.posting_id)
        .where(SearchChange.seq > before)
        .order_by(SearchChange.seq)
    ).all()
    x, y = sorted(posting_id for _, posting_id in rows[:2])
    assert [posting_id for _, posting_id in rows] in ([x, y, x], [y, x, x])


def test_an_index_ahead_of_its_database_must_be_rebuilt(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(db_session, [posting_in(external_id="a")])
    index.rebuild(db_session, DB)
    index._save_state(DB, 10**9)  # as if the database had been recreated under it
    with pytest.raises(IndexNotReady, match="rebuild the index"):
        index.sync(db_session, DB)


def test_database_identity_hides_the_password() -> None:
    identity = database_identity("postgresql+psycopg://kyujin:s3cret@db:5432/kyujin")
    assert "s3cret" not in identity and identity.endswith("@db:5432/kyujin")
