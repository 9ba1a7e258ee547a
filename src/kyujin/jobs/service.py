"""The lease lifecycle of a job row. Flushes, never commits: the job runners commit.

Each function takes the job's model (ImportJob, ReportJob); the features' services wrap
them with their own model and the values they add (counts, file paths)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy.orm import Session

from kyujin.db.base import utcnow
from kyujin.db.models.leased_job import LeasedJob
from kyujin.jobs import repository
from kyujin.jobs.repository import Job

Released = Literal["queued", "failed"]


def mark_enqueued(session: Session, model: type[LeasedJob], job_ids: Sequence[str]) -> None:
    now = utcnow()
    for job_id in job_ids:
        job = repository.get_job(session, model, job_id)
        if job is not None:
            job.enqueued_at = now
    session.flush()


def claim(
    session: Session, model: type[Job], job_id: str, *, owner: str, lease_s: float
) -> Job | None:
    """Hold the job for ``owner``; None if it is finished or another live run holds it."""
    now = utcnow()
    taken = repository.claim(
        session, model, job_id, owner=owner, now=now, stale_before=now - timedelta(seconds=lease_s)
    )
    return repository.get_job(session, model, job_id) if taken else None


def lock_owned(session: Session, model: type[LeasedJob], job_id: str, *, owner: str) -> bool:
    return repository.lock_owned(session, model, job_id, owner=owner)


def update_owned(
    session: Session, model: type[LeasedJob], job_id: str, *, owner: str, values: dict[str, Any]
) -> bool:
    """Write ``values`` and refresh the heartbeat while ``owner`` holds the job; False when
    another run has taken it over."""
    return repository.update_owned(
        session, model, job_id, owner=owner, values={"heartbeat_at": utcnow(), **values}
    )


def heartbeat(session: Session, model: type[LeasedJob], job_id: str, *, owner: str) -> bool:
    """Say the run is alive; False when another run has taken the job over."""
    return update_owned(session, model, job_id, owner=owner, values={})


def finish(
    session: Session,
    model: type[LeasedJob],
    job_id: str,
    *,
    owner: str,
    error: str | None = None,
    values: dict[str, Any] | None = None,
) -> bool:
    """Mark the job succeeded (or failed with ``error``), with the feature's ``values``;
    False if the run no longer holds it."""
    now = utcnow()
    done: dict[str, Any] = {
        "status": "failed" if error else "succeeded",
        "error": error,
        "finished_at": now,
        "heartbeat_at": now,
        "owner": None,
        **(values or {}),
    }
    return repository.update_owned(session, model, job_id, owner=owner, values=done)


def release(
    session: Session,
    model: type[LeasedJob],
    job_id: str,
    *,
    owner: str,
    error: str,
    max_attempts: int,
    stopped: bool = False,
) -> Released | None:
    """Give the job back after a run stopped early: queued again, or failed once it has
    started ``max_attempts`` runs (a job that kills its worker every time, say by running
    it out of memory, must not be retried forever). A run ``stopped`` on request (Ctrl-C,
    a worker shutting down for a deploy) gives its attempt back: five restarts must not
    fail a healthy job. None if the run no longer held it."""
    job = repository.get_job(session, model, job_id)
    if job is None or job.owner != owner or job.status != "running":
        return None
    if stopped:
        job.attempts = max(job.attempts - 1, 0)
    if job.attempts >= max_attempts:
        job.status, job.finished_at = "failed", utcnow()
    else:
        job.status = "queued"
    job.error, job.owner = error, None
    session.flush()
    return "failed" if job.status == "failed" else "queued"


def stalled(
    session: Session,
    model: type[LeasedJob],
    *,
    lease_s: float,
    queued_lease_s: float,
    max_attempts: int,
) -> list[str]:
    """Jobs to hand to a worker again: running ones whose worker stopped reporting for
    ``lease_s`` and queued ones no worker took for ``queued_lease_s``. Running jobs that
    have used up their ``max_attempts`` are failed instead."""
    now = utcnow()
    again: list[str] = []
    for job in repository.stalled_jobs(
        session,
        model,
        stale_before=now - timedelta(seconds=lease_s),
        queued_before=now - timedelta(seconds=queued_lease_s),
    ):
        if job.status == "running" and job.attempts >= max_attempts:
            job.status, job.finished_at, job.owner = "failed", now, None
            job.error = f"the worker running it was lost {job.attempts} times"
            continue
        job.enqueued_at = now
        again.append(job.id)
    session.flush()
    return again
