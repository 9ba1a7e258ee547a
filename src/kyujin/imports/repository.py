"""All queries on import jobs and their rejections of their own: the lease lifecycle's
queries are shared (kyujin.jobs.repository)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
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


def add_rejections(session: Session, job_id: str, rows: Sequence[tuple[int, str, str]]) -> None:
    if rows:
        session.execute(
            insert(ImportRejection),
            [
                # a reason may quote the input (a parser's message with a 5,000-digit number)
                {
                    "job_id": job_id,
                    "line": line,
                    "position": position[:300],
                    "reason": reason[:2000],
                }
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
