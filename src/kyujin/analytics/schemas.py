"""Query and response shapes of market figures (GET /v1/analytics/...).

Every figure carries its sample size ``n``; a figure over fewer than 5 postings is withheld
(value null, ``withheld: true``; see kyujin.core.analytics).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kyujin.core.companies import Industry, SizeBand
from kyujin.postings.search_schemas import (
    Category,
    JapaneseLevel,
    QueryDate,
    SearchQuery,
    SourceName,
)

# The filters of GET /v1/postings, with their bounds and descriptions taken from SearchQuery
# itself (a test checks that the two stay the same); paging and sorting do not apply here.
FILTER_FIELDS = (
    "q",
    "skill",
    "skill_mode",
    "expand_skills",
    "category",
    "salary_min",
    "salary_max",
    "japanese_max",
    "remote",
    "visa_sponsorship",
    "employment_type",
    "max_years_experience",
    "prefecture",
    "company",
    "size_band",
    "industry",
    "foreign_affiliated",
    "posted_since",
    "source",
    "exclude_source",
)


def _as_in_search(name: str) -> Any:
    """SearchQuery's definition of the field: its default, bounds and description."""
    return SearchQuery.model_fields[name]


Segment = Literal[
    "industry",
    "size_band",
    "foreign_affiliated",
    "japanese_level",
    "remote",
    "employment_type",
    "prefecture",
]
SalaryGroupBy = Literal[
    "language", "skill", "experience", "size_band", "industry", "japanese_level"
]
# Years 1970-2999: a window of up to 61 months before any of them is still a real month.
Month = Annotated[
    str,
    Field(pattern=r"^(19[7-9][0-9]|2[0-9]{3})-(0[1-9]|1[0-2])$", examples=["2026-10"]),
]


def _until() -> Any:
    return Field(
        default=None,
        description="The last month shown, YYYY-MM (1970-01 to 2999-12); by default the "
        "month of the most recent matching posting (its listed_on: the posted date, or the "
        "day it was stored).",
    )


class AnalyticsFilters(BaseModel):
    """The postings a figure is computed over: the same filters as GET /v1/postings."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = _as_in_search("q")
    skill: list[str] = _as_in_search("skill")
    skill_mode: Literal["all", "any"] = _as_in_search("skill_mode")
    expand_skills: bool = _as_in_search("expand_skills")
    category: list[Category] = _as_in_search("category")
    salary_min: int | None = _as_in_search("salary_min")
    salary_max: int | None = _as_in_search("salary_max")
    japanese_max: JapaneseLevel | None = _as_in_search("japanese_max")
    remote: list[Literal["full", "hybrid", "onsite"]] = _as_in_search("remote")
    visa_sponsorship: bool | None = _as_in_search("visa_sponsorship")
    employment_type: list[Literal["full_time", "contract", "freelance", "dispatch"]] = (
        _as_in_search("employment_type")
    )
    max_years_experience: int | None = _as_in_search("max_years_experience")
    prefecture: list[str] = _as_in_search("prefecture")
    company: str | None = _as_in_search("company")
    size_band: list[SizeBand] = _as_in_search("size_band")
    industry: list[Industry] = _as_in_search("industry")
    foreign_affiliated: bool | None = _as_in_search("foreign_affiliated")
    posted_since: QueryDate | None = _as_in_search("posted_since")
    source: list[SourceName] = _as_in_search("source")
    exclude_source: list[SourceName] = _as_in_search("exclude_source")

    def search_query(self) -> SearchQuery:
        """The same filters as a posting search, for kyujin.postings.search."""
        return SearchQuery.model_validate(self.model_dump(include=set(FILTER_FIELDS)))


class SkillsQuery(AnalyticsFilters):
    top: int = Field(
        default=20,
        ge=0,
        le=500,
        description="Skills listed (per segment); 0 lists none: only the postings per cell.",
    )
    skill_category: str | None = Field(
        default=None,
        max_length=30,
        description="Only skills of this taxonomy category (language, framework, database, "
        "...). Unlike `category`, it does not narrow the postings counted.",
    )
    segment: Segment | None = Field(
        default=None, description="The same figures for each value of this posting attribute."
    )


class SalariesQuery(AnalyticsFilters):
    by: SalaryGroupBy | None = Field(
        default=None,
        description="Group by: language or skill (a posting counts in each it mentions), "
        "experience band (0-2, 3-4, 5-9, 10+ years asked, or unstated), company size "
        "band, industry, Japanese level. Without it, only the overall figures.",
    )
    premium_skill: str | None = Field(
        default=None,
        max_length=120,
        description="Also the premium of this skill: median salary of postings mentioning "
        "it minus that of postings not mentioning it, within each experience band.",
    )
    top: int = Field(
        default=50, ge=1, le=2000, description="Groups listed, the largest samples first."
    )


class CooccurrenceQuery(AnalyticsFilters):
    # Not `skill`: that is the posting filter of GET /v1/postings, kept here as there.
    of: str = Field(max_length=120, description="The skill whose companions are counted.")
    top: int = Field(default=20, ge=1, le=500, description="Skills listed.")
    skill_category: str | None = Field(
        default=None, max_length=30, description="Only companions of this taxonomy category."
    )
    order: Literal["count", "lift"] = Field(
        default="count",
        description="Most frequent companions first, or the highest lift first (withheld "
        "lifts last).",
    )


class CooccurrenceMatrixQuery(AnalyticsFilters):
    skills: list[str] = Field(
        min_length=2,
        max_length=15,
        description="The skills crossed with each other (repeat the parameter). Unlike "
        "`skill`, they do not narrow the postings counted.",
    )


class TrendsQuery(AnalyticsFilters):
    skills: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="The skills followed (repeat the parameter). Unlike `skill`, they do not "
        "narrow the postings counted.",
    )
    skill_category: str | None = Field(
        default=None,
        max_length=30,
        description="Instead of `skills`: the `top` skills of this taxonomy category "
        "(language, framework, ...) over the months shown.",
    )
    top: int = Field(default=10, ge=1, le=100, description="Skills followed with skill_category.")
    months: int = Field(default=12, ge=1, le=60, description="Months shown.")
    until: Month | None = _until()


class LanguagesQuery(AnalyticsFilters):
    until: Month | None = _until()


# --- responses ----------------------------------------------------------------------------


class SkillFigure(BaseModel):
    skill: str
    category: str
    postings: int = Field(description="Postings mentioning the skill.")
    required: int = Field(description="Postings that require it (some mention is required).")
    preferred: int = Field(description="Postings that only prefer it (no mention required).")
    share: float | None = Field(description="postings / n; null when withheld.")
    required_share: float | None
    preferred_share: float | None


class SkillDemandCell(BaseModel):
    value: str | None = Field(
        default=None, description="The segment's value (null: the whole result, or unknown)."
    )
    n: int = Field(description="Matching postings in the cell: the denominator of each share.")
    withheld: bool = Field(description="True when n < 5: shares are null, counts are shown.")
    skills: list[SkillFigure]


class SkillDemand(BaseModel):
    n: int = Field(description="Matching postings.")
    skill_category: str | None
    segment: Segment | None
    overall: SkillDemandCell
    segments: list[SkillDemandCell] = Field(
        description="One cell per segment value, the largest first (empty without segment)."
    )


class SalaryCell(BaseModel):
    value: str | None = Field(default=None, description="The group (null: unknown).")
    n: int = Field(description="Postings with a salary in the group.")
    p25: int | None = Field(description="Annual JPY; null when withheld.")
    median: int | None
    p75: int | None
    withheld: bool = Field(description="True when n < 5.")


class PremiumBand(BaseModel):
    band: str
    with_skill: SalaryCell
    without_skill: SalaryCell
    premium: int | None = Field(description="Annual JPY, median with minus median without.")
    withheld: bool


class SkillPremium(BaseModel):
    skill: str
    bands: list[PremiumBand]


class SalaryFigures(BaseModel):
    n: int = Field(description="Matching postings, with or without a salary.")
    by: SalaryGroupBy | None
    overall: SalaryCell
    groups: list[SalaryCell]
    premium: SkillPremium | None = None


class CooccurringSkill(BaseModel):
    skill: str
    category: str
    postings: int = Field(description="Matching postings mentioning both skills.")
    skill_postings: int = Field(description="Matching postings mentioning this skill.")
    share: float | None = Field(
        description="postings / the subject's postings; null when those are fewer than 5."
    )
    lift: float | None = Field(
        description="P(both) / (P(subject) P(this skill)) over the matching postings; 1 is "
        "chance. Null when fewer than 5 postings mention both."
    )
    withheld: bool = Field(description="True when fewer than 5 postings mention both.")


class Cooccurrence(BaseModel):
    skill: str
    category: str
    n: int = Field(description="Matching postings.")
    postings: int = Field(description="Matching postings mentioning the skill.")
    withheld: bool = Field(description="True when postings < 5: shares are null.")
    order: Literal["count", "lift"]
    skills: list[CooccurringSkill]


class CooccurrenceMatrix(BaseModel):
    n: int = Field(description="Matching postings.")
    rows: list[Cooccurrence] = Field(
        description="One per skill asked for, in the order asked: the other skills asked "
        "for as its companions, most frequent first (the same figures as /cooccurrence)."
    )


class MonthTotal(BaseModel):
    month: str = Field(description="YYYY-MM, by listed_on.")
    n: int = Field(description="Matching postings listed in the month.")
    change: int | None = Field(description="n minus the previous month's n.")
    change_ratio: float | None = Field(
        description="change / the previous month's n; null when that is under 5."
    )


class TrendCell(BaseModel):
    month: str
    n: int = Field(description="Matching postings listed in the month: the denominator.")
    postings: int = Field(description="Of those, postings mentioning the skill.")
    share: float | None = Field(description="postings / n; null when n < 5.")
    change: float | None = Field(
        description="share minus the previous month's share (0.05 = 5 points); null when "
        "either month has fewer than 5 postings."
    )


class SkillTrend(BaseModel):
    skill: str
    category: str
    postings: int = Field(description="Postings mentioning it over the months shown.")
    months: list[TrendCell]


class Trends(BaseModel):
    n: int = Field(description="Matching postings, any month.")
    latest: date | None = Field(description="The most recent listed_on among them.")
    months: list[str] = Field(description="The months shown, oldest first.")
    change_versus: Literal["previous month"] = "previous month"
    totals: list[MonthTotal]
    skills: list[SkillTrend]


class PeriodShare(BaseModel):
    months: list[str]
    n: int = Field(description="Matching postings listed in these months.")
    postings: int = Field(description="Of those, postings mentioning the language.")
    share: float | None = Field(description="postings / n; null when n < 5.")


class GroupShare(BaseModel):
    value: str
    n: int = Field(description="Matching postings of the group (industry or size band).")
    postings: int = Field(description="Of those, postings mentioning the language.")
    share: float


class LanguageOutlook(BaseModel):
    language: str
    postings: int = Field(description="Matching postings mentioning the language.")
    share: float | None = Field(description="postings / n; null when n < 5.")
    salary: SalaryCell = Field(description="Annual JPY quartiles of its postings with a salary.")
    recent: PeriodShare = Field(description="The last 3 months.")
    previous: PeriodShare = Field(description="The 3 months before them.")
    growth: float | None = Field(
        description="recent share minus previous share (points); null when either is withheld."
    )
    growth_relative: float | None = Field(
        description="recent share / previous share - 1; null when either period has fewer "
        "than 5 postings or fewer than 5 of the previous period mention the language."
    )
    industries: list[GroupShare] = Field(
        description="The 3 industries whose postings mention it most often (by share); "
        "industries with fewer than 5 matching postings, or unknown, are not ranked."
    )
    size_bands: list[GroupShare] = Field(description="The same for company size bands.")


class LanguagesOutlook(BaseModel):
    n: int = Field(description="Matching postings.")
    latest: date | None
    recent_months: list[str]
    previous_months: list[str]
    languages: list[LanguageOutlook] = Field(description="The largest demand first.")
