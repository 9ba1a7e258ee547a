"""What extraction returns. Plain dataclasses: no web, database or validation library."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal, NamedTuple

from kyujin.core.sections import Requirement

Period = Literal["annual", "monthly", "hourly"]
JapaneseLevel = Literal["N1", "N2", "N3", "N4", "N5", "native", "none"]
EnglishLevel = Literal["native", "business", "conversational", "basic", "none"]
Remote = Literal["full", "hybrid", "onsite"]
EmploymentType = Literal["full_time", "contract", "freelance", "dispatch"]


class Span(NamedTuple):
    start: int
    end: int


# NamedTuples rather than frozen dataclasses: a posting yields dozens of mentions, and a
# frozen dataclass costs ~1 µs each to build (object.__setattr__ per field).
class SkillMention(NamedTuple):
    skill: str
    category: str
    start: int
    end: int
    surface: str
    requirement: Requirement


@dataclass(frozen=True, slots=True)
class Salary:
    currency: str
    min: float | None
    max: float | None
    period: Period
    annual_min_jpy: int | None
    annual_max_jpy: int | None
    # where the amount is in the text; None when only the title states it
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Location:
    prefecture: str
    city: str | None


@dataclass(slots=True)
class PostingFacts:
    skills: list[SkillMention] = field(default_factory=list)
    salary: Salary | None = None
    japanese_level: JapaneseLevel | None = None
    english_level: EnglishLevel | None = None
    remote: Remote | None = None
    visa_sponsorship: bool | None = None
    employment_type: EmploymentType | None = None
    min_years_experience: int | None = None
    location: Location | None = None
    # The text each scalar fact came from, by field name ("japanese_level": Span(...)).
    spans: dict[str, Span] = field(default_factory=dict)
    taxonomy_version: str = ""


# The fact fields of PostingFacts, in order: every field but the skills and the bookkeeping.
FACT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(PostingFacts) if f.name not in ("skills", "spans", "taxonomy_version")
)
