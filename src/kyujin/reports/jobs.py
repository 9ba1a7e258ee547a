"""The report job: gather the figures, render the HTML and the PDF, store them. Takes an id;
safe to run twice (a second run finds the job finished or held and does nothing) and safe
to kill (the files are written under temporary names and renamed, so a killed run leaves
no half file, and the stalled-job scan hands the job to another worker after the lease)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import structlog
from sqlalchemy.orm import Session, sessionmaker

from kyujin.db.engine import transaction
from kyujin.errors import InvalidInput
from kyujin.reports import content, output, service

log = structlog.get_logger(__name__)


class JobUnavailable(Exception):
    """The job is finished or another live run holds it."""


def paths(report_dir: Path, job_id: str) -> tuple[Path, Path]:
    """The HTML and PDF files of a report job."""
    return report_dir / f"{job_id}.html", report_dir / f"{job_id}.pdf"


def run_report(
    factory: sessionmaker[Session], job_id: str, *, lease_s: float, report_dir: Path
) -> str:
    """Run the job to the end; its final status. Raises JobUnavailable if it cannot be
    held; any other error releases the job (queued again, or failed after its last attempt)
    and is raised again so that the queue retries it."""
    owner = uuid.uuid4().hex
    with transaction(factory, write=True) as session:
        job = service.claim(session, job_id, owner=owner, lease_s=lease_s)
        if job is None:
            raise JobUnavailable(f"report {job_id} is finished or held by another run")
        attempt = job.attempts
        try:
            query = service.parameters(job)
        except ValueError as exc:  # stored by an older version with other options
            service.finish(session, job_id, owner=owner, error=f"invalid parameters: {exc}")
            return "failed"
    log.info("report started", job_id=job_id, attempt=attempt)
    try:
        # One read transaction: figures that agree with each other.
        with transaction(factory) as session:
            figures = content.gather(session, query)
        with transaction(factory, write=True) as session:
            if not service.heartbeat(session, job_id, owner=owner):
                raise JobUnavailable(f"report {job_id} was taken over by another run")
        html, pdf = output.render(figures)
        assert html is not None and pdf is not None
        html_path, pdf_path = paths(report_dir, job_id)
        output.write_atomic(html_path, html.encode())
        output.write_atomic(pdf_path, pdf)
    except InvalidInput as exc:
        # The filters no longer pass (the taxonomy changed since): running again fails alike.
        with transaction(factory, write=True) as session:
            service.finish(session, job_id, owner=owner, error=str(exc))
        log.warning("report failed", job_id=job_id, error=str(exc))
        return "failed"
    except JobUnavailable:
        raise
    except BaseException as exc:
        with transaction(factory, write=True) as session:
            status = service.release(
                session,
                job_id,
                owner=owner,
                error=repr(exc)[:2000],
                stopped=isinstance(exc, KeyboardInterrupt),
            )
        log.warning("report stopped", job_id=job_id, error=repr(exc), now=status)
        raise
    with transaction(factory, write=True) as session:
        done = service.finish(
            session,
            job_id,
            owner=owner,
            html_path=os.fspath(html_path.resolve()),
            pdf_path=os.fspath(pdf_path.resolve()),
            postings=figures.n,
        )
    if not done:
        raise JobUnavailable(f"report {job_id} was taken over by another run")
    log.info("report finished", job_id=job_id, postings=figures.n)
    return "succeeded"
