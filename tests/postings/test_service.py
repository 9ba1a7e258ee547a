from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kyujin.db.models import Posting
from kyujin.errors import Conflict, NotFound
from kyujin.postings import repository, representation, service
from kyujin.postings.jsonld import posting_to_jsonld
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
    """Counted as if the records came one after another (in two batches they would): the
    second updates the first, the third repeats the second."""
    second = posting_in(external_id="d", title="second")
    summary = run_import(db_session, [posting_in(external_id="d", title="first"), second, second])
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 1)
    assert db_session.scalars(select(Posting.title)).all() == ["second"]


def test_create_then_conflict(db_session: Session) -> None:
    created = service.create_posting(db_session, posting_in(source="api", external_id="c1"))
    assert created.id > 0 and created.created_at.tzinfo is not None
    with pytest.raises(Conflict, match=f"already exists \\(id {created.id}\\)"):
        service.create_posting(db_session, posting_in(source="api", external_id="c1"))


def test_get_missing_posting(db_session: Session) -> None:
    with pytest.raises(NotFound):
        representation.get_posting(db_session, 10**9)


def test_iter_postings_reads_keyset_batches_lazily(
    db_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(db_session, [posting_in(external_id=str(i), title=f"P{i}") for i in range(5)])
    ids = list(db_session.scalars(select(Posting.id).order_by(Posting.id)))
    calls: list[tuple[int, int, int]] = []
    list_postings = repository.list_postings

    def spy(session: Session, **kwargs: Any) -> list[Posting]:
        rows = list_postings(session, **kwargs)
        calls.append((kwargs["after_id"], kwargs["limit"], len(rows)))
        return rows

    monkeypatch.setattr(repository, "list_postings", spy)
    postings = service.iter_postings(db_session, batch_size=2)
    first = next(postings)
    assert calls == [(0, 2, 2)]  # one batch read, not the table
    rest = list(postings)
    assert calls == [(0, 2, 2), (ids[1], 2, 2), (ids[3], 2, 1)]
    assert [p.id for p in [first, *rest]] == ids
    assert [p.title for p in [first, *rest]] == ["P0", "P1", "P2", "P3", "P4"]
    assert first.facts is not None
    assert {s.skill for s in first.facts.skills} >= {"Python", "PostgreSQL"}
    assert first.company_info is not None and first.company_info.name == "株式会社テスト"


def test_iter_postings_filters_on_source_and_update_day(db_session: Session) -> None:
    run_import(
        db_session,
        [
            posting_in(source="a", external_id="a1"),
            posting_in(source="a", external_id="a2"),
            posting_in(source="b", external_id="b1"),
        ],
    )
    stamps = {
        "a1": datetime(2026, 2, 28, 23, 59, 59, tzinfo=UTC),
        "a2": datetime(2026, 3, 1, 0, 0, tzinfo=UTC),
        "b1": datetime(2026, 3, 2, 12, 0, tzinfo=UTC),
    }
    for key, stamp in stamps.items():
        db_session.execute(
            update(Posting).where(Posting.external_id == key).values(updated_at=stamp)
        )

    def keys(**filters: Any) -> list[str]:
        return [p.external_id for p in service.iter_postings(db_session, **filters)]

    assert keys() == ["a1", "a2", "b1"]
    assert keys(since=date(2026, 3, 1)) == ["a2", "b1"]
    assert keys(source="a") == ["a1", "a2"]
    assert keys(source="a", since=date(2026, 3, 1), batch_size=1) == ["a2"]
    assert keys(source="c") == []


def test_export_records_carry_what_import_needs(db_session: Session) -> None:
    run_import(
        db_session,
        [
            posting_in(
                external_id="stated",
                company="Acme KK",
                company_employees=500,
                company_industry="Financial Services",
                company_foreign_affiliated=True,
                description="Backend engineer, Go.",
                salary_currency="usd",
                salary_min=100_000,
                salary_max=150_000,
                salary_period="annual",
                employment_type="contract",
                remote="full",
                applicant_countries=["JP"],
            )
        ],
    )
    (record,) = service.export_postings(db_session)
    posting = representation.get_posting(db_session, record["id"])
    assert record == {
        **posting.model_dump(mode="json"),
        "salary_currency": "USD",
        "salary_min": 100_000,
        "salary_max": 150_000,
        "salary_period": "annual",
        "employment_type": "contract",
        "remote": "full",
        "applicant_countries": ["JP"],
        "company_size": "medium",
        "company_industry": "finance",
        "company_foreign_affiliated": True,
    }
    # location: the record's, its text naming no place
    assert posting.facts is not None and posting.facts.stated == [
        "salary",
        "employment_type",
        "remote",
        "location",
    ]
    again = PostingIn.model_validate(record)  # PostingOut's own fields are ignored
    assert again.stated_facts() == {
        "salary_currency": "USD",
        "salary_min": 100_000,
        "salary_max": 150_000,
        "salary_period": "annual",
        "employment_type": "contract",
        "remote": "full",
        "applicant_countries": ["JP"],
    }
    (document,) = service.export_postings(db_session, format="jsonld")
    assert document == posting_to_jsonld(posting)
    assert document["baseSalary"]["currency"] == "USD"
