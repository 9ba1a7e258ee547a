"""The one-row read of a posting (GET /v1/postings/{id}) gives what the ORM path gives."""

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from kyujin.analytics.market import MarketChanges
from kyujin.db.engine import LoopReader, make_session_factory, transaction
from kyujin.db.models import Company, Posting
from kyujin.errors import NotFound
from kyujin.postings import representation, service
from kyujin.postings.schemas import ImportSummary, PostingIn
from tests.support.factories import posting_in

RECORDS = [
    # Company attributes, a stated salary (no span), a full-width skill, an HTML original.
    posting_in(
        external_id="r1",
        company="Acme K.K.",
        company_employees=1200,
        company_industry="Fintech",
        company_foreign_affiliated=True,
        salary_currency="JPY",
        salary_min=6_000_000,
        salary_max=9_000_000,
        salary_period="annual",
        description_html="<p>【必須】ＰＨＰ と Go言語 3年以上</p><ul><li>フルリモート</li></ul>",
        valid_through="2026-12-31",
    ),
    # Facts read in the text, no company, no dates.
    posting_in(
        external_id="r2",
        company=None,
        posted_at=None,
        url=None,
        description=(
            "Must have: Python, Django, PostgreSQL. Nice to have: Kubernetes.\n"
            "Salary ¥8M–¥12M. Business-level Japanese (N2). Visa sponsorship available. "
            'Quotes " and \\ and emoji 🎉 and control-free text.'
        ),
    ),
    # Nothing to extract.
    posting_in(external_id="r3", description="Hello.", location=None),
]


def run_import(session: Session, records: list[PostingIn]) -> None:
    service.import_batch(session, records, default_source="import", summary=ImportSummary())


def slow(session: Session, posting_id: int) -> dict[str, Any]:
    session.expire_all()
    return representation.get_posting(session, posting_id).model_dump(mode="json")


def fast(session: Session, posting_id: int) -> dict[str, Any]:
    session.flush()
    document = representation.posting_json(session.connection(), posting_id)
    parsed: dict[str, Any] = json.loads(document)
    return parsed


def ids(session: Session) -> list[int]:
    return list(session.scalars(select(Posting.id).order_by(Posting.id)))


def test_the_row_read_equals_the_orm_read(db_session: Session) -> None:
    run_import(db_session, RECORDS)
    for posting_id in ids(db_session):
        assert fast(db_session, posting_id) == slow(db_session, posting_id)
    first = fast(db_session, ids(db_session)[0])
    assert first["company_info"]["foreign_affiliated"] is True
    assert first["facts"]["stated"] == ["salary", "location"]  # its text names no place
    assert first["facts"]["skills"], "the facts JSON was spliced in"


def test_created_posting_reads_the_same(db_session: Session) -> None:
    created = service.create_posting(db_session, posting_in(source="api", external_id="c"))
    assert fast(db_session, created.id) == created.model_dump(mode="json")


def test_changed_text_and_company_show_at_once(db_session: Session) -> None:
    run_import(db_session, [posting_in(external_id="x", company="Kumo", description="Go.")])
    (posting_id,) = ids(db_session)
    before = fast(db_session, posting_id)
    assert [s["skill"] for s in before["facts"]["skills"]] == ["Go"]
    run_import(db_session, [posting_in(external_id="x", company="Kumo", description="Rust.")])
    run_import(db_session, [posting_in(external_id="y", company="Kumo", company_size="startup")])
    after = fast(db_session, posting_id)
    assert [s["skill"] for s in after["facts"]["skills"]] == ["Rust"]
    assert after["company_info"]["size_band"] == "startup"  # read live, not from a copy
    assert after == slow(db_session, posting_id)


def test_postings_stored_before_facts_json_take_the_orm_path(db_session: Session) -> None:
    run_import(db_session, RECORDS)
    db_session.execute(update(Posting).values(facts_json=None))
    for posting_id in ids(db_session):
        assert fast(db_session, posting_id) == slow(db_session, posting_id)
        assert fast(db_session, posting_id)["facts"]["taxonomy_version"]


def test_never_extracted_posting_has_null_facts(db_session: Session) -> None:
    run_import(db_session, RECORDS[2:])
    (posting_id,) = ids(db_session)
    db_session.execute(update(Posting).values(facts_version=None, facts_json=None))
    assert fast(db_session, posting_id)["facts"] is None
    assert fast(db_session, posting_id) == slow(db_session, posting_id)


def test_reextract_renders_again(db_session: Session) -> None:
    run_import(db_session, RECORDS[:1])
    (posting_id,) = ids(db_session)
    db_session.execute(update(Posting).values(facts_json='{"stale": true}'))
    service.reextract(db_session, after_id=0, limit=10, force=True)
    assert fast(db_session, posting_id) == slow(db_session, posting_id)


def test_missing_posting(db_session: Session) -> None:
    with pytest.raises(NotFound, match="posting 999999999 does not exist"):
        representation.posting_json(db_session.connection(), 999_999_999)
    assert db_session.scalar(select(Company.id)) is None


def test_the_event_loop_read_equals_the_orm_read(engine: Engine, backend: str) -> None:
    """What GET /v1/postings/{id} serves: the LoopReader's read on the event loop (asyncpg
    on PostgreSQL, whose types differ from psycopg's), over committed rows."""
    factory = make_session_factory(engine)
    source = "loop-read"
    with transaction(factory, write=True) as session:
        records = [r.model_copy(update={"source": source}) for r in RECORDS]
        service.import_batch(session, records, default_source=source, summary=ImportSummary())
    reader = LoopReader(engine)
    try:
        with transaction(factory) as session:
            posting_ids = list(session.scalars(select(Posting.id).where(Posting.source == source)))
            expected = [slow(session, posting_id) for posting_id in posting_ids]

        async def read_all() -> list[dict[str, Any]]:
            try:
                with pytest.raises(NotFound, match="posting 999999999 does not exist"):
                    await representation.read_posting_json(reader, 999_999_999)
                return [
                    json.loads(await representation.read_posting_json(reader, posting_id))
                    for posting_id in posting_ids
                ]
            finally:
                await reader.aclose()

        assert len(posting_ids) == len(RECORDS)
        assert asyncio.run(read_all()) == expected
    finally:
        with transaction(factory, write=True) as session:
            changes = MarketChanges(session)  # out of the rollup: the database is shared
            changes.before(session.scalars(select(Posting.id).where(Posting.source == source)))
            session.execute(delete(Posting).where(Posting.source == source))
            changes.finish()
