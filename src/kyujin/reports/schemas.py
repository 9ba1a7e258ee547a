"""Request and response shapes of market reports (POST /v1/reports, GET /v1/reports/{id})."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from kyujin.analytics.schemas import AnalyticsFilters, Month

ReportStatus = Literal["queued", "running", "succeeded", "failed"]


class ReportQuery(AnalyticsFilters):
    """The postings the report covers (the filters of GET /v1/postings) and how much it
    shows. Every figure in it is computed by kyujin.analytics over those postings."""

    title: str | None = Field(
        default=None, max_length=200, description="Shown at the top; by default a generic one."
    )
    top: int = Field(default=15, ge=3, le=40, description="Skills in the skill-demand charts.")
    cooccurrence_skills: int = Field(
        default=8,
        ge=2,
        le=15,
        description="The most demanded skills crossed in the co-occurrence view (one "
        "co-occurrence query each).",
    )
    salary_groups: int = Field(
        default=12, ge=1, le=30, description="Languages in the salary box plot, largest first."
    )
    trend_languages: int = Field(
        default=6, ge=1, le=12, description="Languages followed in the trend chart."
    )
    months: int = Field(default=12, ge=2, le=36, description="Months in the trend charts.")
    until: Month | None = Field(
        default=None,
        description="The last month of the trends, YYYY-MM; by default that of the most "
        "recent matching posting.",
    )


class ReportLinks(BaseModel):
    html: str = Field(description="The self-contained HTML report.")
    pdf: str = Field(description="The same report as a PDF.")


class ReportJobOut(BaseModel):
    id: str
    status: ReportStatus
    parameters: ReportQuery = Field(description="The filters and options asked for.")
    postings: int | None = Field(description="Matching postings the report covers, when done.")
    attempts: int = Field(description="Runs started; more than 1 after a retry.")
    error: str | None = Field(description="Why the last run failed, if one did.")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    links: ReportLinks | None = Field(description="The report's files, once it has succeeded.")
