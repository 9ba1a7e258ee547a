"""POST /v1/reports (start a report), GET /v1/reports/{id} (its status) and its files."""

from __future__ import annotations

from typing import Annotated

import structlog
from fastapi import APIRouter, Path, Request, Response, status
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from kyujin.api.deps import AdminDep, SessionDep
from kyujin.api.errors import Problem
from kyujin.db.engine import transaction
from kyujin.reports import service
from kyujin.reports.schemas import ReportJobOut, ReportQuery

log = structlog.get_logger(__name__)
router = APIRouter(prefix="/v1/reports", tags=["reports"])
JobId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", description="The report's id.")]
_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 422)
}
_FILE_ERRORS: dict[int | str, dict[str, object]] = {code: {"model": Problem} for code in (404, 422)}


@router.post(
    "",
    response_model=ReportJobOut,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Start a market report",
    responses=_ERRORS,
    dependencies=[AdminDep],
)
async def create_report(request: Request, response: Response, query: ReportQuery) -> ReportJobOut:
    """A report over the postings matching the filters of GET /v1/postings (the JSON body;
    `{}` for all postings), generated in the background: poll GET /v1/reports/{id}, whose
    `links` name the HTML and PDF files once it has succeeded."""
    job = await run_in_threadpool(_submit, request, query)
    response.headers["Location"] = f"/v1/reports/{job.id}"
    return job


def _submit(request: Request, query: ReportQuery) -> ReportJobOut:
    with transaction(request.app.state.session_factory, write=True) as session:
        out = service.to_out(service.create_job(session, query))
    # After the commit, so a worker always finds the row. If enqueueing fails the job stays
    # queued and the stalled-job scan hands it to a worker later.
    try:
        request.app.state.queue().enqueue_report(out.id)
        with transaction(request.app.state.session_factory, write=True) as session:
            service.mark_enqueued(session, out.id)
    except Exception as exc:
        log.warning(
            "enqueue failed; the stalled-job scan will retry", job_id=out.id, error=repr(exc)
        )
    return out


# Reading a report needs no key: its id is 128 random bits, known only to whoever asked for
# it, and its figures are those GET /v1/analytics/... gives anyone.
@router.get("/{job_id}", response_model=ReportJobOut, responses=_FILE_ERRORS)
def get_report(session: SessionDep, job_id: JobId) -> ReportJobOut:
    """Status; when it has succeeded, the links to the HTML and the PDF."""
    return service.get_job(session, job_id)


@router.get(
    "/{job_id}/report.html",
    response_class=FileResponse,
    responses={200: {"content": {"text/html": {}}}, **_FILE_ERRORS},
)
def get_report_html(session: SessionDep, job_id: JobId) -> FileResponse:
    """The self-contained HTML report (charts inline, no external resource)."""
    return FileResponse(service.file_path(session, job_id, "html"), media_type="text/html")


@router.get(
    "/{job_id}/report.pdf",
    response_class=FileResponse,
    responses={200: {"content": {"application/pdf": {}}}, **_FILE_ERRORS},
)
def get_report_pdf(session: SessionDep, job_id: JobId) -> FileResponse:
    """The same report as a PDF."""
    return FileResponse(
        service.file_path(session, job_id, "pdf"),
        media_type="application/pdf",
        filename=f"kyujin-report-{job_id}.pdf",
    )
