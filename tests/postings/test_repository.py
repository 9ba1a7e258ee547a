from datetime import datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kyujin.db.models import Posting
from kyujin.postings import repository, service
from kyujin.postings.schemas import ImportSummary
from tests.support.factories import posting_in


def test_insert_postings_over_several_statements_keeps_order_and_types(
    db_session: Session, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A few rows a statement, so that 12 postings take several statements on PostgreSQL.
    monkeypatch.setattr(repository, "_PG_MAX_PARAMS", 200)
    records = [
        posting_in(
            external_id=f"order-{i}",
            title=f"Order {i}",
            **(
                {"salary_min": 5_000_000, "salary_currency": "JPY", "salary_period": "annual"}
                if i % 2
                else {}
            ),
        )
        for i in range(12)
    ]
    summary = ImportSummary()
    service.import_batch(db_session, records, default_source="t", summary=summary)
    assert summary.created == 12
    rows = db_session.execute(
        select(Posting.id, Posting.external_id, Posting.stated, Posting.created_at).order_by(
            Posting.id
        )
    ).all()
    # Ids follow the order of the records.
    assert [external_id for _, external_id, _, _ in rows] == [f"order-{i}" for i in range(12)]
    for i, (_, _, stated, created_at) in enumerate(rows):
        assert isinstance(created_at, datetime) and created_at.tzinfo is not None
        # A posting with no stated facts stores SQL NULL (stated is none_as_null), one with
        # them a JSON object.
        assert (stated is None) == (i % 2 == 0)
        if i % 2:
            assert stated["salary_min"] == 5_000_000
    if backend == "postgresql":
        null_stated = db_session.scalar(
            text("SELECT count(*) FROM posting WHERE stated IS NULL AND external_id LIKE 'order-%'")
        )
        assert null_stated == 6
        found = db_session.scalars(
            text(
                "SELECT external_id FROM posting "
                "WHERE search_vector @@ to_tsquery('simple', 'order') ORDER BY id"
            )
        ).all()
        assert found == [f"order-{i}" for i in range(12)]
