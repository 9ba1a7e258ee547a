"""All queries on import jobs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from kyujin.db.models import ImportJob, ImportRejection

UNFINISHED = ("queued", "running")


def add_job(session: Session, job: ImportJob) -> None:
    session.add(job)
    session.flush()


def get_job(session: Session, job_id: str) -> ImportJob | None:
    return session.get(ImportJob, job_id, populate_existing=True)


def find_unfinished(session: Session, *, fingerprint: str) -> ImportJob | None:
    return session.scalars(
        select(ImportJob)
        .where(ImportJob.fingerprint == fingerprint, ImportJob.status.in_(UNFINISHED))
        .order_by(ImportJob.created_at.desc())
        .limit(1)
    ).first()


def claim(
    session: Session, job_id: str, *, owner: str, now: datetime, stale_before: datetime
) -> bool:
    """Take a queued job, or a running one whose owner stopped reporting (one UPDATE, so two
    workers handed the same job cannot both take it)."""
    result = session.execute(
        update(ImportJob)
        .where(
            ImportJob.id == job_id,
            or_(
                ImportJob.status == "queued",
                (ImportJob.status == "running") & (ImportJob.heartbeat_at < stale_before),
            ),
        )
        .values(
            status="running",
            owner=owner,
            attempts=ImportJob.attempts + 1,
            heartbeat_at=now,
            started_at=now,
            error=None,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def update_owned(session: Session, job_id: str, *, owner: str, values: dict[str, Any]) -> bool:
    """Update the job only while ``owner`` holds it; False when another run took it over."""
    result = session.execute(
        update(ImportJob)
        .where(ImportJob.id == job_id, ImportJob.owner == owner, ImportJob.status == "running")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def lock_owned(session: Session, job_id: str, *, owner: str) -> bool:
    """Lock the job row for this transaction if ``owner`` still holds it (PostgreSQL: FOR
    UPDATE; SQLite's write transaction already excludes other writers)."""
    found = session.execute(
        select(ImportJob.id)
        .where(ImportJob.id == job_id, ImportJob.owner == owner, ImportJob.status == "running")
        .with_for_update()
    ).first()
    return found is not None


def add_rejections(session: Session, job_id: str, rows: Sequence[tuple[int, str, str]]) -> None:
    if rows:
        session.execute(
            insert(ImportRejection),
            [
                {"job_id": job_id, "line": line, "position": position[:300], "reason": reason}
                for line, position, reason in rows
            ],
        )


def list_rejections(
    session: Session, job_id: str, *, after: int, limit: int
) -> Sequence[ImportRejection]:
    return session.scalars(
        select(ImportRejection)
        .where(ImportRejection.job_id == job_id, ImportRejection.id > after)
        .order_by(ImportRejection.id)
        .limit(limit)
    ).all()


def stalled_jobs(
    session: Session, *, stale_before: datetime, queued_before: datetime
) -> Sequence[ImportJob]:
    """Running jobs whose owner stopped reporting, and queued jobs no worker has taken."""
    return session.scalars(
        select(ImportJob)
        .where(
            or_(
                (ImportJob.status == "running") & (ImportJob.heartbeat_at < stale_before),
                (ImportJob.status == "queued")
                & (func.coalesce(ImportJob.enqueued_at, ImportJob.created_at) < queued_before),
            )
        )
        .order_by(ImportJob.created_at)
    ).all()
