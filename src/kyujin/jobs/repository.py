"""All queries on leased job rows, for any model with the LeasedJob columns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from kyujin.db.models.leased_job import LeasedJob

Job = TypeVar("Job", bound=LeasedJob)


def get_job(session: Session, model: type[Job], job_id: str) -> Job | None:
    return session.get(model, job_id, populate_existing=True)


def claim(
    session: Session,
    model: type[LeasedJob],
    job_id: str,
    *,
    owner: str,
    now: datetime,
    stale_before: datetime,
) -> bool:
    """Take a queued job, or a running one whose owner stopped reporting (one UPDATE, so two
    workers handed the same job cannot both take it)."""
    result = session.execute(
        update(model)
        .where(
            model.id == job_id,
            or_(
                model.status == "queued",
                (model.status == "running") & (model.heartbeat_at < stale_before),
            ),
        )
        .values(
            status="running",
            owner=owner,
            attempts=model.attempts + 1,
            heartbeat_at=now,
            started_at=now,
            error=None,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def update_owned(
    session: Session, model: type[LeasedJob], job_id: str, *, owner: str, values: dict[str, Any]
) -> bool:
    """Update the job only while ``owner`` holds it; False when another run took it over."""
    result = session.execute(
        update(model)
        .where(model.id == job_id, model.owner == owner, model.status == "running")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def lock_owned(session: Session, model: type[LeasedJob], job_id: str, *, owner: str) -> bool:
    """Lock the job row for this transaction if ``owner`` still holds it (PostgreSQL: FOR
    UPDATE; SQLite's write transaction already excludes other writers)."""
    found = session.execute(
        select(model.id)
        .where(model.id == job_id, model.owner == owner, model.status == "running")
        .with_for_update()
    ).first()
    return found is not None


def stalled_jobs(
    session: Session, model: type[Job], *, stale_before: datetime, queued_before: datetime
) -> Sequence[Job]:
    """Running jobs whose owner stopped reporting, and queued jobs no worker has taken."""
    return session.scalars(
        select(model)
        .where(
            or_(
                (model.status == "running") & (model.heartbeat_at < stale_before),
                (model.status == "queued")
                & (func.coalesce(model.enqueued_at, model.created_at) < queued_before),
            )
        )
        .order_by(model.created_at)
    ).all()
