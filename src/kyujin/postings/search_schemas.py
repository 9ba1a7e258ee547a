"""Query and response shapes of posting search (GET /v1/postings)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from kyujin.core.companies import Industry, SizeBand
from kyujin.core.taxonomy import CATEGORIES
from kyujin.postings.schemas import PostingSummary

MAX_FILTER_VALUES = 20
JapaneseLevel = Literal["none", "N5", "N4", "N3", "N2", "N1", "native"]


def _known_category(value: str) -> str:
    if value not in CATEGORIES:
        raise ValueError(f"unknown category {value!r}; categories are: {', '.join(CATEGORIES)}")
    return value


# A taxonomy category; the analytics queries share it (their filters are search's).
Category = Annotated[str, AfterValidator(_known_category)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    # Pydantic also reads a number as seconds since 1970 (posted_since=0 was 1970-01-01)
    # and a date-time string at midnight: a filter date is written one way only.
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD, e.g. 2026-12-01")
    if not isinstance(value, str | date):
        raise ValueError("a date is written YYYY-MM-DD, e.g. 2026-12-01")
    return value


# A date in a query: YYYY-MM-DD.
QueryDate = Annotated[date, BeforeValidator(_iso_date)]


# A filter value holds no control characters (PostgreSQL text cannot hold NUL).
NO_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
# A posting's source as stored (PostingIn.source: at most 100 characters).
SourceName = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=NO_CONTROL)]


class SearchQuery(BaseModel):
    """Every filter narrows the result; list filters match any of their values."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(
        default=None,
        max_length=200,
        pattern=NO_CONTROL,
        description="Full text, every term must match; Japanese needs no spaces (決済基盤).",
    )
    skill: list[str] = Field(
        default_factory=list,
        max_length=MAX_FILTER_VALUES,
        description="Skills by name or by any of their forms, in any case or width (Go, golang,"
        " ＧＯ, Go言語); repeat the parameter for several.",
    )
    skill_mode: Literal["all", "any"] = Field(
        default="all", description="Postings with all of the skills, or any of them."
    )
    expand_skills: bool = Field(
        default=False,
        description="A skill also matches its more specific skills (Java matches Spring Boot).",
    )
    category: list[Category] = Field(
        default_factory=list,
        max_length=MAX_FILTER_VALUES,
        description="Skill categories: " + ", ".join(CATEGORIES) + ".",
    )
    salary_min: int | None = Field(
        default=None, ge=0, le=10**11, description="Annual JPY; the posting's range overlaps."
    )
    salary_max: int | None = Field(default=None, ge=0, le=10**11)
    japanese_max: JapaneseLevel | None = Field(
        default=None, description="Japanese required at most this level (N3: none, N5-N3)."
    )
    remote: list[Literal["full", "hybrid", "onsite"]] = Field(default_factory=list)
    visa_sponsorship: bool | None = None
    employment_type: list[Literal["full_time", "contract", "freelance", "dispatch"]] = Field(
        default_factory=list
    )
    max_years_experience: int | None = Field(
        default=None,
        ge=0,
        le=60,
        description="Postings asking at most this many years (or not saying).",
    )
    prefecture: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    # PostgreSQL text cannot hold NUL: a NUL in a filter value was a 500 there
    company: str | None = Field(default=None, max_length=300, pattern=NO_CONTROL)
    size_band: list[SizeBand] = Field(default_factory=list)
    industry: list[Industry] = Field(default_factory=list)
    foreign_affiliated: bool | None = None
    posted_since: QueryDate | None = Field(default=None, description="YYYY-MM-DD.")
    source: list[SourceName] = Field(
        default_factory=list,
        max_length=MAX_FILTER_VALUES,
        description="Postings from any of these sources (the import's source, e.g. a job "
        "board; generated postings are kyujin-synthetic).",
    )
    exclude_source: list[SourceName] = Field(
        default_factory=list,
        max_length=MAX_FILTER_VALUES,
        description="Postings from none of these sources (exclude_source=kyujin-synthetic "
        "leaves generated postings out).",
    )
    sort: Literal["relevance", "newest", "salary"] | None = Field(
        default=None, description="Default: relevance with q, newest without."
    )
    facets: bool = Field(default=True, description="Count facet values for the result.")
    cursor: str | None = Field(default=None, max_length=500)
    limit: int = Field(default=20, ge=1, le=100)


class FacetValue(BaseModel):
    value: str
    count: int


class SearchPage(BaseModel):
    items: list[PostingSummary]
    next_cursor: str | None = Field(
        description="Pass as `cursor` (with the same filters and sort) for the next page."
    )
    total: int = Field(description="Matching postings (a lower bound when total_exact is false).")
    total_exact: bool
    total_estimate: int | None = Field(
        default=None,
        description="When total is a lower bound: an estimate of every match, from their "
        "share of the newest postings the search read (through the search index); else null.",
    )
    facets: dict[str, list[FacetValue]] = Field(
        description="Value counts per facet over the result (over its newest matches when "
        "facets_exact is false)."
    )
    facets_exact: bool
    sort: str
    ranked: int | None = Field(
        default=None,
        description="With sort=relevance: how many matches are ranked, and so how far the "
        "cursor pages (relevance ranks the newest 2,000 matches when more match; narrow the "
        "query, or sort by newest, to reach the rest). Null for the other sorts.",
    )
