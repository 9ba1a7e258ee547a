"""Every error leaves as RFC 9457 problem details (application/problem+json), no tracebacks."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kyujin.errors import Conflict, InvalidInput, KyujinError, NotAcceptable, NotFound

log = structlog.get_logger(__name__)
PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    field: str
    message: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details, with the request id and, for 422, the field errors."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None


def problem_response(
    request: Request,
    status: int,
    detail: str | None,
    *,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        request_id=request.scope.get("state", {}).get("request_id"),
        errors=errors,
    ).model_dump(exclude_none=True)
    body.update(extra or {})
    response = JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)
    if body.get("request_id"):
        # A 500 is answered outside the request middleware, which would otherwise add it.
        response.headers["x-request-id"] = body["request_id"]
    return response


_STATUS_BY_ERROR: dict[type[KyujinError], int] = {
    NotFound: 404,
    Conflict: 409,
    InvalidInput: 400,
    NotAcceptable: 406,
}
# A 406 depends on the request's Accept header by definition: caches must key on it.
_HEADERS_BY_ERROR: dict[type[KyujinError], dict[str, str]] = {NotAcceptable: {"Vary": "Accept"}}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(
                field=".".join(str(p) for p in err["loc"]), message=err["msg"], type=err["type"]
            )
            for err in exc.errors()
        ]
        count = len(errors)
        return problem_response(
            request, 422, f"{count} invalid field{'s' if count != 1 else ''}", errors=errors
        )

    @app.exception_handler(KyujinError)
    async def domain_error(request: Request, exc: KyujinError) -> JSONResponse:
        return problem_response(
            request,
            _STATUS_BY_ERROR.get(type(exc), 400),
            str(exc),
            headers=_HEADERS_BY_ERROR.get(type(exc)),
        )

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        # Runs outside the request middleware, whose log context is already closed.
        request_id = request.scope.get("state", {}).get("request_id")
        log.error("unhandled_error", exc_info=exc, path=request.url.path, request_id=request_id)
        return problem_response(request, 500, "an unexpected error occurred; see the server log")
