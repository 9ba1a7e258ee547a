"""All queries on report jobs of their own: the lease lifecycle's queries are shared
(kyujin.jobs.repository)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kyujin.db.models import ReportJob


def add_job(session: Session, job: ReportJob) -> None:
    session.add(job)
    session.flush()


def get_job(session: Session, job_id: str) -> ReportJob | None:
    return session.get(ReportJob, job_id, populate_existing=True)
