"""The transaction boundary on a real SQLite file: concurrent writers wait, not fail."""

import threading
from pathlib import Path

from sqlalchemy import func, select

from kyujin.db.engine import make_engine, make_session_factory, transaction
from kyujin.db.migrate import upgrade
from kyujin.db.models import Posting
from kyujin.postings import service
from kyujin.postings.schemas import ImportSummary
from tests.conftest import make_settings
from tests.support.factories import posting_in


def test_a_read_then_write_transaction_survives_a_concurrent_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(url)
    engine = make_engine(make_settings(url))
    factory = make_session_factory(engine)
    a_has_read = threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        a_has_read.wait(5)
        try:
            with transaction(factory, write=True) as session:
                service.import_batch(
                    session,
                    [posting_in(external_id="b")],
                    default_source="t",
                    summary=ImportSummary(),
                )
        except BaseException as exc:  # pragma: no cover - the failure being tested for
            errors.append(exc)

    thread = threading.Thread(target=other_writer)
    thread.start()
    with transaction(factory, write=True) as session:
        session.scalar(select(func.count()).select_from(Posting))  # read first ...
        a_has_read.set()
        thread.join(0.3)  # ... let the other writer try meanwhile ...
        service.import_batch(
            session, [posting_in(external_id="a")], default_source="t", summary=ImportSummary()
        )  # ... then write
    thread.join(10)
    assert errors == []
    with transaction(factory) as session:
        assert session.scalar(select(func.count()).select_from(Posting)) == 2
    engine.dispose()
