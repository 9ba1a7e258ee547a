"""Use cases on import jobs. Flushes, never commits: the job runner and the API commit."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from kyujin.db.models import ImportJob
from kyujin.errors import NotFound
from kyujin.imports import repository
from kyujin.imports.schemas import (
    REJECTIONS_SHOWN,
    ImportJobOut,
    ImportRejectionOut,
    ImportStatus,
    RejectionPage,
)
from kyujin.jobs import service as lease
from kyujin.postings import fact_rows
from kyujin.postings import service as postings
from kyujin.postings.schemas import ImportSummary, PostingIn

# Runs a job may start before it is given up: a file that kills its worker every time (say,
# by running it out of memory) must not be retried forever.
MAX_ATTEMPTS = 5


def new_job_id() -> str:
    return uuid.uuid4().hex


def create_job(
    session: Session,
    *,
    file_path: str,
    format: str,
    source: str,
    mapping: Mapping[str, str] | None = None,
    file_name: str | None = None,
    file_bytes: int = 0,
    fingerprint: str | None = None,
    job_id: str | None = None,
) -> ImportJob:
    job = ImportJob(
        id=job_id or new_job_id(),
        status="queued",
        source=source,
        format=format,
        mapping=dict(mapping) if mapping else None,
        file_path=file_path,
        file_name=file_name,
        file_bytes=file_bytes,
        fingerprint=fingerprint,
        records_read=0,
        bytes_read=0,
        created=0,
        updated=0,
        unchanged=0,
        rejected=0,
        attempts=0,
    )
    repository.add_job(session, job)
    return job


def find_resumable(session: Session, *, fingerprint: str) -> ImportJob | None:
    """The unfinished job reading the same file the same way, if there is one."""
    return repository.find_unfinished(session, fingerprint=fingerprint)


def mark_enqueued(session: Session, job_ids: Sequence[str]) -> None:
    lease.mark_enqueued(session, ImportJob, job_ids)


def claim(session: Session, job_id: str, *, owner: str, lease_s: float) -> ImportJob | None:
    """Hold the job for ``owner``; None if it is finished or another live run holds it."""
    return lease.claim(session, ImportJob, job_id, owner=owner, lease_s=lease_s)


def import_records(
    session: Session,
    job_id: str,
    *,
    owner: str,
    source: str,
    records: Sequence[PostingIn],
    rejections: Sequence[tuple[int, str, str]],
    records_read: int,
    bytes_read: int,
    analyse: fact_rows.Analyse = fact_rows.analyse_items,
    ignored: Mapping[str, int] | None = None,
) -> ImportSummary | None:
    """Import one batch and move the job's checkpoint past it, in the caller's transaction.

    None (and nothing written) when another run has taken the job over meanwhile.
    """
    if not lease.lock_owned(session, ImportJob, job_id, owner=owner):
        return None
    summary = ImportSummary()
    postings.import_batch(session, records, default_source=source, summary=summary, analyse=analyse)
    repository.add_rejections(session, job_id, rejections)
    values: dict[str, Any] = {
        "records_read": records_read,
        "bytes_read": bytes_read,
        "created": ImportJob.created + summary.created,
        "updated": ImportJob.updated + summary.updated,
        "unchanged": ImportJob.unchanged + summary.unchanged,
        "rejected": ImportJob.rejected + len(rejections),
    }
    if ignored:
        # read under the row lock taken above: no other run adds to it meanwhile
        stored = session.get(ImportJob, job_id)
        counts = dict((stored.ignored_fields if stored else None) or {})
        for name, count in ignored.items():
            counts[name] = counts.get(name, 0) + count
        values["ignored_fields"] = counts
    lease.update_owned(session, ImportJob, job_id, owner=owner, values=values)
    return summary


def finish(session: Session, job_id: str, *, owner: str, error: str | None = None) -> bool:
    """Mark the job succeeded (or failed with ``error``); False if the run no longer holds it."""
    return lease.finish(session, ImportJob, job_id, owner=owner, error=error)


def release(
    session: Session, job_id: str, *, owner: str, error: str, stopped: bool = False
) -> ImportStatus | None:
    """Give the job back after a run stopped early: queued again to resume from its last
    batch, or failed after MAX_ATTEMPTS runs. None if the run no longer held it."""
    return lease.release(
        session,
        ImportJob,
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
        ImportJob,
        lease_s=lease_s,
        queued_lease_s=queued_lease_s,
        max_attempts=MAX_ATTEMPTS,
    )


def _rejection_out(row: Any) -> ImportRejectionOut:
    return ImportRejectionOut(id=row.id, line=row.line, position=row.position, reason=row.reason)


def to_out(session: Session, job: ImportJob) -> ImportJobOut:
    shown = repository.list_rejections(session, job.id, after=0, limit=REJECTIONS_SHOWN)
    total = job.file_bytes or 0
    return ImportJobOut(
        id=job.id,
        status=job.status,
        source=job.source,
        format=job.format,
        file_name=job.file_name,
        file_bytes=total,
        bytes_read=job.bytes_read,
        progress=1.0
        if job.status == "succeeded"
        else min(job.bytes_read / total, 1.0)
        if total
        else 0.0,
        records_read=job.records_read,
        created=job.created,
        updated=job.updated,
        unchanged=job.unchanged,
        rejected=job.rejected,
        ignored_fields=dict(sorted((job.ignored_fields or {}).items())),
        attempts=job.attempts,
        error=job.error,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        heartbeat_at=job.heartbeat_at,
        rejections=[_rejection_out(r) for r in shown],
    )


def get_job(session: Session, job_id: str) -> ImportJobOut:
    job = repository.get_job(session, job_id)
    if job is None:
        raise NotFound(f"import {job_id} does not exist")
    return to_out(session, job)


def list_rejections(session: Session, job_id: str, *, after: int, limit: int) -> RejectionPage:
    if repository.get_job(session, job_id) is None:
        raise NotFound(f"import {job_id} does not exist")
    rows = repository.list_rejections(session, job_id, after=after, limit=limit + 1)
    items = [_rejection_out(r) for r in rows[:limit]]
    return RejectionPage(items=items, next_after=items[-1].id if len(rows) > limit else None)


def abandon(session: Session, job_id: str, *, reason: str) -> bool:
    """End a job no run will finish (its input is gone: an interrupted standard input), as
    failed with ``reason``, so that no worker takes it up; False if a run holds it."""
    owner = new_job_id()
    if claim(session, job_id, owner=owner, lease_s=60) is None:
        return False
    return finish(session, job_id, owner=owner, error=reason)
