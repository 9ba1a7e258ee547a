"""The shape of extracted facts, for the API (same as `kyujin extract` JSON lines)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

# 1,000,000 characters: far beyond any real posting, and extraction stays linear in length.
MAX_TEXT_CHARS = 1_000_000


class SkillOut(BaseModel):
    skill: str
    category: str
    start: int
    end: int
    surface: str
    requirement: Literal["required", "preferred", "unknown"]


class SalaryOut(BaseModel):
    currency: str
    min: float | None
    max: float | None
    period: Literal["annual", "monthly", "hourly"]
    annual_min_jpy: int | None
    annual_max_jpy: int | None
    start: int | None = Field(
        description="Null when the source stated the salary in a field, or only the title did."
    )
    end: int | None


class LocationOut(BaseModel):
    prefecture: str
    city: str | None


class FactsOut(BaseModel):
    skills: list[SkillOut]
    salary: SalaryOut | None
    japanese_level: Literal["N1", "N2", "N3", "N4", "N5", "native", "none"] | None
    english_level: Literal["native", "business", "conversational", "basic", "none"] | None
    remote: Literal["full", "hybrid", "onsite"] | None
    visa_sponsorship: bool | None
    employment_type: Literal["full_time", "contract", "freelance", "dispatch"] | None
    min_years_experience: int | None
    location: LocationOut | None
    spans: dict[str, tuple[int, int]] = Field(
        description="Character span of the text each scalar fact came from."
    )
    stated: list[str] = Field(
        default_factory=list,
        description="Facts taken from the source's structured fields (schema.org baseSalary, "
        "employmentType, jobLocationType) rather than read in the text; they have no span.",
    )
    taxonomy_version: str


class ExtractIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="The posting body.")
    title: str | None = Field(default=None, max_length=1000)
