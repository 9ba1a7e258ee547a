"""GET /v1/analytics/...: market figures over the postings a search finds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kyujin.analytics import service
from kyujin.analytics.schemas import SalariesQuery, SalaryFigures, SkillDemand, SkillsQuery
from kyujin.api.deps import SessionDep
from kyujin.api.errors import Problem

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])
_ERRORS: dict[int | str, dict[str, object]] = {400: {"model": Problem}, 422: {"model": Problem}}


@router.get("/skills", response_model=SkillDemand, summary="Skill demand", responses=_ERRORS)
def skills(session: SessionDep, query: Annotated[SkillsQuery, Query()]) -> SkillDemand:
    """The share of matching postings (any filter of GET /v1/postings) that mention each
    skill, required or only preferred; the top skills, optionally of one category, overall
    and per segment value. A share over fewer than 5 postings is withheld (null)."""
    return service.skill_demand(session, query)


@router.get(
    "/salaries", response_model=SalaryFigures, summary="Salary percentiles", responses=_ERRORS
)
def salaries(session: SessionDep, query: Annotated[SalariesQuery, Query()]) -> SalaryFigures:
    """Annual JPY p25, median and p75 (linear interpolation, type 7) of the matching postings
    that state a salary, each posting counted once at the midpoint of its range; overall and
    by the group asked for, and the premium of a skill within each experience band. A figure
    over fewer than 5 postings is withheld (null), its n shown."""
    return service.salary_figures(session, query)
