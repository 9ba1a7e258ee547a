"""What a report says: the figures of kyujin.analytics for one set of filters, gathered into
one object that the renderers (render_html, render_pdf) turn into files. Nothing here
computes a statistic: every number comes from the analytics services, so a report agrees
with GET /v1/analytics/... for the same filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kyujin.analytics import service, trends
from kyujin.analytics.schemas import (
    FILTER_FIELDS,
    Cooccurrence,
    CooccurrenceMatrixQuery,
    SalariesQuery,
    SalaryFigures,
    SkillDemand,
    SkillsQuery,
    Trends,
    TrendsQuery,
)
from kyujin.db.base import utcnow
from kyujin.postings import search
from kyujin.reports.schemas import ReportQuery

# Prefectures shown in the summary's chart; the rest are summed as "other".
PREFECTURES_SHOWN = 10


@dataclass(frozen=True)
class CooccurrenceView:
    """Co-occurrence among the most demanded skills: one analytics answer per skill."""

    skills: list[str]
    rows: list[Cooccurrence]

    def pair(self, a: str, b: str) -> Any:
        """The CooccurringSkill of ``b`` in the answer for ``a`` (None when no posting has
        both)."""
        for row in self.rows:
            if row.skill == a:
                return next((f for f in row.skills if f.skill == b), None)
        return None


@dataclass(frozen=True)
class ReportContent:
    query: ReportQuery
    generated_at: datetime
    skills: SkillDemand  # every category
    languages: SkillDemand  # skill_category="language"
    prefectures: SkillDemand  # segment="prefecture": the cells' n are postings per prefecture
    cooccurrence: CooccurrenceView
    salary_by_language: SalaryFigures  # also holds the overall figures
    salary_by_experience: SalaryFigures
    trends: Trends  # the top languages of the months shown

    @property
    def n(self) -> int:
        return self.skills.n

    def filters(self) -> dict[str, Any]:
        """The filters that narrow the postings (those not at their default)."""
        return self.query.model_dump(include=set(FILTER_FIELDS), exclude_defaults=True, mode="json")


def check(query: ReportQuery) -> None:
    """Raise InvalidInput now for filters a search would refuse (an unknown skill or
    prefecture), so that a report request fails at once rather than in its job."""
    search.conditions(query.search_query())


def gather(session: Session, query: ReportQuery) -> ReportContent:
    """Every figure of the report, from the analytics services, in the caller's transaction
    (one read transaction gives figures that agree with each other)."""
    check(query)
    filters = query.model_dump(include=set(FILTER_FIELDS))
    skills = service.skill_demand(session, SkillsQuery(**filters, top=query.top))
    languages = service.skill_demand(
        session, SkillsQuery(**filters, top=query.top, skill_category="language")
    )
    # top=0: only the cells' sizes (postings per prefecture) are shown.
    prefectures = service.skill_demand(session, SkillsQuery(**filters, top=0, segment="prefecture"))
    subjects = [f.skill for f in skills.overall.skills[: query.cooccurrence_skills]]
    rows = (
        service.cooccurrence_matrix(
            session, CooccurrenceMatrixQuery(**filters, skills=subjects)
        ).rows
        if len(subjects) >= 2
        else []
    )
    by_language = service.salary_figures(
        session, SalariesQuery(**filters, by="language", top=query.salary_groups)
    )
    by_experience = service.salary_figures(session, SalariesQuery(**filters, by="experience"))
    monthly = trends.trends(
        session,
        TrendsQuery(
            **filters,
            skill_category="language",
            top=query.trend_languages,
            months=query.months,
            until=query.until,
        ),
    )
    return ReportContent(
        query=query,
        generated_at=utcnow(),
        skills=skills,
        languages=languages,
        prefectures=prefectures,
        cooccurrence=CooccurrenceView(skills=subjects, rows=rows),
        salary_by_language=by_language,
        salary_by_experience=by_experience,
        trends=monthly,
    )
