"""GET /v1/analytics/...: market figures over the postings a search finds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from kyujin.analytics import service, trends
from kyujin.analytics.schemas import (
    Cooccurrence,
    CooccurrenceMatrix,
    CooccurrenceMatrixQuery,
    CooccurrenceQuery,
    LanguagesOutlook,
    LanguagesQuery,
    SalariesQuery,
    SalaryFigures,
    SkillDemand,
    SkillsQuery,
    Trends,
    TrendsQuery,
)
from kyujin.api.deps import SessionDep, single_valued
from kyujin.api.errors import Problem

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])
_ERRORS: dict[int | str, dict[str, object]] = {400: {"model": Problem}, 422: {"model": Problem}}


@router.get(
    "/skills",
    response_model=SkillDemand,
    summary="Skill demand",
    responses=_ERRORS,
    dependencies=[Depends(single_valued(SkillsQuery))],
)
def skills(session: SessionDep, query: Annotated[SkillsQuery, Query()]) -> SkillDemand:
    """The share of matching postings (any filter of GET /v1/postings) that mention each
    skill, required or only preferred; the top skills, optionally of one category, overall
    and per segment value. A share over fewer than 5 postings is withheld (null)."""
    return service.skill_demand(session, query)


@router.get(
    "/salaries",
    response_model=SalaryFigures,
    summary="Salary percentiles",
    responses=_ERRORS,
    dependencies=[Depends(single_valued(SalariesQuery))],
)
def salaries(session: SessionDep, query: Annotated[SalariesQuery, Query()]) -> SalaryFigures:
    """Annual JPY p25, median and p75 (linear interpolation, type 7) of the matching postings
    that state a salary, each posting counted once at the midpoint of its range; overall and
    by the group asked for, and the premium of a skill within each experience band. A figure
    over fewer than 5 postings is withheld (null), its n shown."""
    return service.salary_figures(session, query)


@router.get(
    "/cooccurrence",
    response_model=Cooccurrence,
    summary="Skill co-occurrence",
    responses=_ERRORS,
    dependencies=[Depends(single_valued(CooccurrenceQuery))],
)
def cooccurrence(session: SessionDep, query: Annotated[CooccurrenceQuery, Query()]) -> Cooccurrence:
    """The skills that appear in the same matching postings as the skill `of`: how many
    postings have both, their share of the postings with `of` (withheld when those are
    under 5), and the lift P(both) / (P(of) P(skill)) over the matching postings (1 is
    chance; withheld when fewer than 5 postings have both)."""
    return service.cooccurrence(session, query)


@router.get(
    "/cooccurrence/matrix",
    response_model=CooccurrenceMatrix,
    summary="Co-occurrence among a few skills",
    responses=_ERRORS,
    dependencies=[Depends(single_valued(CooccurrenceMatrixQuery))],
)
def cooccurrence_matrix(
    session: SessionDep, query: Annotated[CooccurrenceMatrixQuery, Query()]
) -> CooccurrenceMatrix:
    """Each pair of the 2-15 `skills`: the figures of /cooccurrence (postings with both,
    share, lift, withheld under 5) for every skill against the others, counted in one
    pass over the matching postings."""
    return service.cooccurrence_matrix(session, query)


@router.get(
    "/trends",
    response_model=Trends,
    summary="Monthly trends",
    responses=_ERRORS,
    dependencies=[Depends(single_valued(TrendsQuery))],
)
def monthly_trends(session: SessionDep, query: Annotated[TrendsQuery, Query()]) -> Trends:
    """Matching postings per calendar month of listed_on (the posted date, or the day
    stored) and the share of them mentioning each skill of `skills` (or the top skills of
    `skill_category`), each with the change against the previous month; a share over fewer
    than 5 postings is withheld."""
    return trends.trends(session, query)


@router.get(
    "/languages",
    response_model=LanguagesOutlook,
    summary="Language outlook",
    responses=_ERRORS,
    dependencies=[Depends(single_valued(LanguagesQuery))],
)
def languages(session: SessionDep, query: Annotated[LanguagesQuery, Query()]) -> LanguagesOutlook:
    """For each backend language the product follows: share of the matching postings,
    salary quartiles, growth (share in the last 3 months against the 3 before), and the 3
    industries and company size bands whose postings mention it most (groups under 5
    postings not ranked)."""
    return trends.language_outlook(session, query)
