"""Use cases on report jobs. Flushes, never commits: the job runner, the API and the CLI
commit."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Literal

from sqlalchemy.orm import Session

from kyujin.db.models import ReportJob
from kyujin.errors import NotFound
from kyujin.jobs import service as lease
from kyujin.reports import content, repository
from kyujin.reports.schemas import ReportJobOut, ReportLinks, ReportQuery, ReportStatus

FileKind = Literal["html", "pdf"]
# Runs a job may start before it is given up (a report that kills its worker every time,
# say by running it out of memory, must not be retried forever).
MAX_ATTEMPTS = 3


def new_job_id() -> str:
    return uuid.uuid4().hex


def create_job(session: Session, query: ReportQuery, *, job_id: str | None = None) -> ReportJob:
    """A queued report job, after checking that its filters are ones a search accepts
    (InvalidInput otherwise)."""
    content.check(query)
    job = ReportJob(
        id=job_id or new_job_id(),
        status="queued",
        parameters=query.model_dump(mode="json", exclude_defaults=True),
        attempts=0,
    )
    repository.add_job(session, job)
    return job


def parameters(job: ReportJob) -> ReportQuery:
    return ReportQuery.model_validate(job.parameters)


def mark_enqueued(session: Session, job_id: str) -> None:
    lease.mark_enqueued(session, ReportJob, [job_id])


def claim(session: Session, job_id: str, *, owner: str, lease_s: float) -> ReportJob | None:
    """Hold the job for ``owner``; None if it is finished or another live run holds it."""
    return lease.claim(session, ReportJob, job_id, owner=owner, lease_s=lease_s)


def heartbeat(session: Session, job_id: str, *, owner: str) -> bool:
    """Say the run is alive; False when another run has taken the job over."""
    return lease.heartbeat(session, ReportJob, job_id, owner=owner)


def finish(
    session: Session,
    job_id: str,
    *,
    owner: str,
    html_path: str | None = None,
    pdf_path: str | None = None,
    postings: int | None = None,
    error: str | None = None,
) -> bool:
    """Mark the job succeeded with its files (or failed with ``error``); False if the run no
    longer holds it."""
    values = {"html_path": html_path, "pdf_path": pdf_path, "postings": postings}
    return lease.finish(session, ReportJob, job_id, owner=owner, error=error, values=values)


def release(
    session: Session, job_id: str, *, owner: str, error: str, stopped: bool = False
) -> ReportStatus | None:
    """Give the job back after a run stopped early: queued again, or failed after
    MAX_ATTEMPTS runs. None if the run no longer held it."""
    return lease.release(
        session,
        ReportJob,
        job_id,
        owner=owner,
        error=error,
        max_attempts=MAX_ATTEMPTS,
        stopped=stopped,
    )


def stalled(session: Session, *, lease_s: float, queued_lease_s: float) -> list[str]:
    """Jobs to hand to a worker again (kyujin.jobs.service.stalled)."""
    return lease.stalled(
        session,
        ReportJob,
        lease_s=lease_s,
        queued_lease_s=queued_lease_s,
        max_attempts=MAX_ATTEMPTS,
    )


def to_out(job: ReportJob) -> ReportJobOut:
    links = None
    if job.status == "succeeded":
        base = f"/v1/reports/{job.id}"
        links = ReportLinks(html=f"{base}/report.html", pdf=f"{base}/report.pdf")
    return ReportJobOut(
        id=job.id,
        status=job.status,
        parameters=parameters(job),
        postings=job.postings,
        attempts=job.attempts,
        error=job.error,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        links=links,
    )


def get_job(session: Session, job_id: str) -> ReportJobOut:
    job = repository.get_job(session, job_id)
    if job is None:
        raise NotFound(f"report {job_id} does not exist")
    return to_out(job)


def file_path(session: Session, job_id: str, kind: FileKind) -> Path:
    """Where the finished report's file is; NotFound for an unknown, unfinished or failed
    report, or a file no longer there."""
    job = repository.get_job(session, job_id)
    if job is None:
        raise NotFound(f"report {job_id} does not exist")
    if job.status != "succeeded":
        raise NotFound(f"report {job_id} is {job.status}: it has no file yet")
    stored = job.html_path if kind == "html" else job.pdf_path
    path = Path(stored) if stored else None
    if path is None or not path.is_file():
        raise NotFound(f"the {kind} file of report {job_id} is no longer stored")
    return path
