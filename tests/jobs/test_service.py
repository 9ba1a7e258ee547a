"""The shared lease lifecycle, on both kinds of job row and both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from kyujin.db.base import utcnow
from kyujin.db.models import ImportJob, ReportJob
from kyujin.db.models.leased_job import LeasedJob
from kyujin.jobs import service as lease

MODELS = [ImportJob, ReportJob]


def _queued(session: Session, model: type[LeasedJob], job_id: str) -> None:
    if model is ImportJob:
        job: LeasedJob = ImportJob(
            id=job_id, status="queued", source="s", format="jsonl", file_path="/x"
        )
    else:
        job = ReportJob(id=job_id, status="queued", parameters={})
    session.add(job)
    session.flush()


def _lapse(session: Session, model: type[LeasedJob], job_id: str) -> LeasedJob:
    """Make the job's heartbeat older than a 60 s lease."""
    job = session.get(model, job_id)
    assert job is not None
    job.heartbeat_at = utcnow() - timedelta(seconds=120)
    session.flush()
    return job


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_one_owner_at_a_time(db_session: Session, model: type[LeasedJob]) -> None:
    _queued(db_session, model, "j1")
    first = lease.claim(db_session, model, "j1", owner="a" * 32, lease_s=60)
    assert first is not None and first.status == "running" and first.attempts == 1
    assert lease.claim(db_session, model, "j1", owner="b" * 32, lease_s=60) is None
    assert lease.heartbeat(db_session, model, "j1", owner="a" * 32)
    assert not lease.heartbeat(db_session, model, "j1", owner="b" * 32)
    assert not lease.finish(db_session, model, "j1", owner="b" * 32)
    assert lease.finish(db_session, model, "j1", owner="a" * 32, error="boom")
    job = db_session.get(model, "j1", populate_existing=True)
    assert job is not None
    assert (job.status, job.error, job.owner) == ("failed", "boom", None)
    assert lease.claim(db_session, model, "j1", owner="c" * 32, lease_s=60) is None


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_lapsed_lease_is_taken_over(db_session: Session, model: type[LeasedJob]) -> None:
    _queued(db_session, model, "j2")
    assert lease.claim(db_session, model, "j2", owner="a" * 32, lease_s=60)
    _lapse(db_session, model, "j2")
    assert lease.stalled(db_session, model, lease_s=60, queued_lease_s=300, max_attempts=3) == [
        "j2"
    ]
    taken = lease.claim(db_session, model, "j2", owner="b" * 32, lease_s=60)
    assert taken is not None and taken.owner == "b" * 32 and taken.attempts == 2
    # The first run learns it lost the job at its next write.
    assert not lease.update_owned(db_session, model, "j2", owner="a" * 32, values={})
    assert lease.release(db_session, model, "j2", owner="a" * 32, error="x", max_attempts=3) is None


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_release_gives_up_after_max_attempts(db_session: Session, model: type[LeasedJob]) -> None:
    _queued(db_session, model, "j3")
    outcomes = []
    for attempt in range(1, 4):
        owner = str(attempt) * 32
        assert lease.claim(db_session, model, "j3", owner=owner, lease_s=60)
        outcomes.append(
            lease.release(db_session, model, "j3", owner=owner, error="e", max_attempts=3)
        )
    assert outcomes == ["queued", "queued", "failed"]
    job = db_session.get(model, "j3", populate_existing=True)
    assert job is not None and job.finished_at is not None


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_runs_stopped_on_request_do_not_use_up_attempts(
    db_session: Session, model: type[LeasedJob]
) -> None:
    # Five deploys (a worker shutting down mid-job) or five Ctrl-Cs must not fail a job.
    _queued(db_session, model, "j5")
    for attempt in range(1, 7):
        owner = str(attempt) * 32
        assert lease.claim(db_session, model, "j5", owner=owner, lease_s=60)
        released = lease.release(
            db_session, model, "j5", owner=owner, error="stop", max_attempts=3, stopped=True
        )
        assert released == "queued"
    owner = "x" * 32
    assert lease.claim(db_session, model, "j5", owner=owner, lease_s=60)
    assert lease.release(db_session, model, "j5", owner=owner, error="e", max_attempts=3) == (
        "queued"
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_stalled_fails_a_job_that_used_up_its_attempts(
    db_session: Session, model: type[LeasedJob]
) -> None:
    _queued(db_session, model, "j4")
    assert lease.claim(db_session, model, "j4", owner="a" * 32, lease_s=60)
    job = _lapse(db_session, model, "j4")
    assert lease.stalled(db_session, model, lease_s=60, queued_lease_s=300, max_attempts=1) == []
    db_session.refresh(job)
    assert job.status == "failed" and "lost 1 times" in (job.error or "")
