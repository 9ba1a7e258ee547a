from __future__ import annotations

import os
from pathlib import Path as FilePath
from typing import Annotated

import structlog
from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status
from starlette.concurrency import run_in_threadpool

from kyujin.api.deps import AdminDep, SessionDep, SettingsDep
from kyujin.api.errors import Problem
from kyujin.db.engine import transaction
from kyujin.errors import InvalidInput
from kyujin.imports import jobs, service
from kyujin.imports.schemas import ImportJobOut, RejectionPage
from kyujin.postings.formats import FORMATS, FormatError, MappingError, parse_mapping

log = structlog.get_logger(__name__)
router = APIRouter(prefix="/v1/imports", tags=["imports"], dependencies=[AdminDep])
JobId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", description="The import's id.")]
_FORMAT_OF_MEDIA_TYPE = {
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "text/csv": "csv",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "text/html": "html",
}
_SUFFIX = {"jsonl": ".jsonl", "csv": ".csv", "jsonld": ".json", "html": ".html"}
_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 413, 415, 422)
}


def _format(request: Request, given: str | None) -> str:
    if given is not None:
        return given
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        return _FORMAT_OF_MEDIA_TYPE[media_type]
    except KeyError:
        raise HTTPException(
            415,
            f"cannot tell the format from Content-Type {media_type or '(none)'!r}; send one of "
            f"{', '.join(_FORMAT_OF_MEDIA_TYPE)} or give ?format= ({', '.join(FORMATS)})",
        ) from None


@router.post(
    "",
    response_model=ImportJobOut,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Start a bulk import",
    responses=_ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media_type: {"schema": {"type": "string", "format": "binary"}}
                for media_type in _FORMAT_OF_MEDIA_TYPE
            },
        }
    },
)
async def create_import(
    request: Request,
    response: Response,
    settings: SettingsDep,
    source: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            # a visible character, none of them a control character (PostgreSQL text
            # cannot hold NUL; POST /v1/postings refuses the same values)
            pattern=r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$",
            description="Source for records naming none.",
        ),
    ] = "import",
    format: Annotated[
        str | None,
        Query(
            pattern="^(" + "|".join(FORMATS) + ")$",
            description="jsonl, csv, jsonld or html; by default from Content-Type.",
        ),
    ] = None,
    map: Annotated[
        list[str],
        Query(description="CSV column mapping, field=Column Header; repeat per field."),
    ] = [],  # noqa: B006 - FastAPI copies query defaults
    file_name: Annotated[str | None, Query(max_length=300, pattern=r"^[^\x00-\x1f\x7f]*$")] = None,
) -> ImportJobOut:
    """Upload a file (the request body) of JSON Lines, CSV, schema.org JobPosting JSON-LD or
    an HTML page; it is imported in the background. Poll GET /v1/imports/{id}."""
    chosen = _format(request, format)
    try:
        mapping = parse_mapping(map)
    except MappingError as exc:
        raise InvalidInput(str(exc)) from None
    job_id = service.new_job_id()
    directory = settings.import_dir
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{job_id}{_SUFFIX[chosen]}"
    size = 0
    try:
        with path.open("wb") as spool:
            async for chunk in request.stream():  # the middleware enforces import_max_bytes
                spool.write(chunk)
                size += len(chunk)
        if size == 0:
            raise InvalidInput("the request body is empty: send the file to import as the body")
        job = await run_in_threadpool(
            _submit, request, path, chosen, mapping, source, file_name, size, job_id
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    response.headers["Location"] = f"/v1/imports/{job.id}"
    return job


def _submit(
    request: Request,
    path: FilePath,
    format: str,
    mapping: dict[str, str],
    source: str,
    file_name: str | None,
    size: int,
    job_id: str,
) -> ImportJobOut:
    try:
        jobs.check_readable(path, format, mapping)
    except (FormatError, MappingError) as exc:
        raise InvalidInput(str(exc)) from None
    with transaction(request.app.state.session_factory, write=True) as session:
        job = service.create_job(
            session,
            job_id=job_id,
            file_path=os.fspath(path.resolve()),
            format=format,
            source=source,
            mapping=mapping,
            file_name=file_name,
            file_bytes=size,
        )
        out = service.to_out(session, job)
    # After the commit, so a worker always finds the row. If enqueueing fails the job stays
    # queued and the stalled-job scan hands it to a worker later.
    try:
        request.app.state.queue().enqueue_import(job_id)
        with transaction(request.app.state.session_factory, write=True) as session:
            service.mark_enqueued(session, [job_id])
    except Exception as exc:
        log.warning(
            "enqueue failed; the stalled-job scan will retry", job_id=job_id, error=repr(exc)
        )
    return out


@router.get("/{job_id}", response_model=ImportJobOut, responses=_ERRORS)
def get_import(session: SessionDep, job_id: JobId) -> ImportJobOut:
    """Status, progress (bytes and records), counts, and the first rejected records."""
    return service.get_job(session, job_id)


@router.get("/{job_id}/rejections", response_model=RejectionPage, responses=_ERRORS)
def list_rejections(
    session: SessionDep,
    job_id: JobId,
    after: Annotated[
        int, Query(ge=0, lt=2**63, description="next_after of the previous page.")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> RejectionPage:
    """Every rejected record of the import with its position and reason, in file order."""
    return service.list_rejections(session, job_id, after=after, limit=limit)
