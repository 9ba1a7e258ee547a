"""All queries on report jobs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from kyujin.db.models import ReportJob


def add_job(session: Session, job: ReportJob) -> None:
    session.add(job)
    session.flush()


def get_job(session: Session, job_id: str) -> ReportJob | None:
    return session.get(ReportJob, job_id, populate_existing=True)


def claim(
    session: Session, job_id: str, *, owner: str, now: datetime, stale_before: datetime
) -> bool:
    """Take a queued job, or a running one whose owner stopped reporting (one UPDATE, so two
    workers handed the same job cannot both take it)."""
    result = session.execute(
        update(ReportJob)
        .where(
            ReportJob.id == job_id,
            or_(
                ReportJob.status == "queued",
                (ReportJob.status == "running") & (ReportJob.heartbeat_at < stale_before),
            ),
        )
        .values(
            status="running",
            owner=owner,
            attempts=ReportJob.attempts + 1,
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
        update(ReportJob)
        .where(ReportJob.id == job_id, ReportJob.owner == owner, ReportJob.status == "running")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def stalled_jobs(
    session: Session, *, stale_before: datetime, queued_before: datetime
) -> Sequence[ReportJob]:
    """Running jobs whose owner stopped reporting, and queued jobs no worker has taken."""
    return session.scalars(
        select(ReportJob)
        .where(
            or_(
                (ReportJob.status == "running") & (ReportJob.heartbeat_at < stale_before),
                (ReportJob.status == "queued")
                & (func.coalesce(ReportJob.enqueued_at, ReportJob.created_at) < queued_before),
            )
        )
        .order_by(ReportJob.created_at)
    ).all()
