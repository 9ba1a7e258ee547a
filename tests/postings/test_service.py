import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kyujin.db.models import Posting
from kyujin.errors import Conflict, NotFound
from kyujin.postings import service
from kyujin.postings.schemas import ImportSummary, PostingIn
from tests.support.factories import posting_data, posting_in


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Posting)) or 0


def run_import(session: Session, records: list, source: str = "import") -> ImportSummary:
    summary = ImportSummary()
    service.import_batch(session, records, default_source=source, summary=summary)
    return summary


def test_import_twice_changes_nothing(db_session: Session) -> None:
    records = [posting_in(external_id="a"), posting_in(external_id="b")]
    first = run_import(db_session, records)
    stamps = {p.external_id: p.updated_at for p in db_session.scalars(select(Posting))}
    second = run_import(db_session, records)
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert count(db_session) == 2
    db_session.expire_all()
    assert {p.external_id: p.updated_at for p in db_session.scalars(select(Posting))} == stamps


def test_changed_record_updates_in_place(db_session: Session) -> None:
    run_import(db_session, [posting_in(external_id="a", title="Old title")])
    summary = run_import(db_session, [posting_in(external_id="a", title="New title")])
    assert (summary.created, summary.updated) == (0, 1)
    assert db_session.scalars(select(Posting.title)).all() == ["New title"]


def test_same_external_id_in_another_source_is_another_posting(db_session: Session) -> None:
    run_import(db_session, [posting_in(source="board-a", external_id="1")])
    run_import(db_session, [posting_in(source="board-b", external_id="1")])
    assert count(db_session) == 2


def test_record_without_source_takes_the_default(db_session: Session) -> None:
    run_import(db_session, [posting_in(source=None, external_id="x")], source="csv-upload")
    assert db_session.scalars(select(Posting.source)).all() == ["csv-upload"]


def test_record_without_external_id_is_keyed_by_content(db_session: Session) -> None:
    data = posting_data(external_id=None, title="Go エンジニア")
    record = PostingIn.model_validate(data)
    run_import(db_session, [record])
    again = run_import(db_session, [PostingIn.model_validate(dict(data))])
    assert again.unchanged == 1 and count(db_session) == 1
    key = db_session.scalars(select(Posting.external_id)).one()
    assert key == f"sha256:{service.content_hash(record)}"


def test_duplicate_key_within_a_batch_keeps_the_last(db_session: Session) -> None:
    summary = run_import(
        db_session,
        [posting_in(external_id="d", title="first"), posting_in(external_id="d", title="second")],
    )
    assert (summary.created, summary.unchanged) == (1, 1)
    assert db_session.scalars(select(Posting.title)).all() == ["second"]


def test_create_then_conflict(db_session: Session) -> None:
    created = service.create_posting(db_session, posting_in(source="api", external_id="c1"))
    assert created.id > 0 and created.created_at.tzinfo is not None
    with pytest.raises(Conflict, match=f"already exists \\(id {created.id}\\)"):
        service.create_posting(db_session, posting_in(source="api", external_id="c1"))


def test_get_missing_posting(db_session: Session) -> None:
    with pytest.raises(NotFound):
        service.get_posting(db_session, 10**9)
