from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from kyujin.api.errors import problem_response
from kyujin.system.health import readiness

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str
    checks: dict[str, str] = {}


@router.get("/healthz", response_model=Health, summary="The process is alive")
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    summary="Database (and Redis, when set) reachable",
    responses={503: {"description": "A dependency is unreachable; it is named."}},
)
def readyz(request: Request) -> Health | JSONResponse:
    checks = readiness(request.app.state.engine, request.app.state.redis)
    summary = {c.name: c.detail for c in checks}
    failing = ", ".join(c.name for c in checks if not c.ok)
    if failing:
        return problem_response(
            request, 503, f"not ready: {failing} unreachable", extra={"checks": summary}
        )
    return Health(status="ok", checks=summary)


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    return Response(
        generate_latest(request.app.state.metrics_registry), media_type=CONTENT_TYPE_LATEST
    )
