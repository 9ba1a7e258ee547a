"""A posting's facts as the rows that store them: the fact columns of ``posting``
(``facts_json``, the facts as the API shows them, among them) and its ``posting_skill``
rows. Light on purpose: an import's extraction processes build these rows (kyujin.extraction
.pool) and import this module, not the database layer, when they start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from kyujin.core import search_text
from kyujin.core.model import Location, PostingFacts
from kyujin.extraction.schemas import FactsOut, LocationOut, SalaryOut, SkillOut
from kyujin.extraction.service import extract_facts, facts_version, location_of

# A posting's fact columns (facts_json among them) and its skill rows (without posting_id).
FactRows = tuple[dict[str, Any], list[dict[str, Any]]]
# What an import gives its extraction processes for a new posting: title, company,
# description and the record's location field.
Item = tuple[str, str | None, str, str | None]
# What they give back: the rows, the search document, and where the location field places
# the posting when its text names no place.
Analysed = tuple[FactRows, str, Location | None]
Analyse = Callable[[Sequence[Item]], list[Analysed]]


def analyse_item(item: Item) -> Analysed:
    """Extract a new posting and build its rows."""
    title, company, description, place = item
    facts = extract_facts(description, title=title)
    return (
        fact_rows(facts, facts_version()),
        search_text.document(title, company, description),
        located(facts, place),
    )


def located(facts: PostingFacts, place: str | None) -> Location | None:
    """Where a record's location field places a posting whose text names no place (job
    boards often state the workplace only in jobLocation or a column)."""
    return location_of(place) if place and facts.location is None else None


def analyse_items(items: Sequence[Item]) -> list[Analysed]:
    """``analyse_item`` over the items, in this process."""
    return [analyse_item(item) for item in items]


def fact_rows(facts: PostingFacts, version: str) -> FactRows:
    """The fact columns and skill rows of the extracted facts (nothing stated taken)."""
    salary = facts.salary
    location = facts.location
    fields: dict[str, Any] = {
        "facts_version": version,
        "salary_currency": salary.currency if salary else None,
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_period": salary.period if salary else None,
        "salary_annual_min_jpy": salary.annual_min_jpy if salary else None,
        "salary_annual_max_jpy": salary.annual_max_jpy if salary else None,
        "japanese_level": facts.japanese_level,
        "english_level": facts.english_level,
        "remote": facts.remote,
        "visa_sponsorship": facts.visa_sponsorship,
        "employment_type": facts.employment_type,
        "min_years_experience": facts.min_years_experience,
        "prefecture": location.prefecture if location else None,
        "city": location.city if location else None,
    }
    spans: dict[str, object] = {name: [span.start, span.end] for name, span in facts.spans.items()}
    if salary:
        spans["salary"] = [salary.start, salary.end]
    fields["fact_spans"] = spans
    skills = [
        {
            "skill": m.skill,
            "category": m.category,
            "requirement": m.requirement,
            "span_start": m.start,
            "span_end": m.end,
            "surface": m.surface[:200],
        }
        for m in facts.skills
    ]
    fields["facts_json"] = facts_json(fields, skills)
    return fields, skills


def facts_of(columns: Mapping[str, Any], skills: Iterable[Mapping[str, Any]]) -> FactsOut | None:
    """FactsOut from a posting's fact columns and its skill rows (in span order)."""
    version = columns["facts_version"]
    if version is None:
        return None
    spans = dict(columns["fact_spans"] or {})
    stated = list(spans.pop("_stated", None) or [])
    salary_span = spans.pop("salary", None)
    if salary_span is None and "salary" in stated:
        salary_span = [None, None]
    salary = None
    if columns["salary_currency"] is not None and salary_span is not None:
        salary = SalaryOut(
            currency=columns["salary_currency"],
            min=columns["salary_min"],
            max=columns["salary_max"],
            period=columns["salary_period"],
            annual_min_jpy=columns["salary_annual_min_jpy"],
            annual_max_jpy=columns["salary_annual_max_jpy"],
            start=salary_span[0],
            end=salary_span[1],
        )
    return FactsOut(
        skills=[
            SkillOut(
                skill=s["skill"],
                category=s["category"],
                start=s["span_start"],
                end=s["span_end"],
                surface=s["surface"],
                requirement=s["requirement"],
            )
            for s in skills
        ],
        salary=salary,
        japanese_level=columns["japanese_level"],
        english_level=columns["english_level"],
        remote=columns["remote"],
        visa_sponsorship=columns["visa_sponsorship"],
        employment_type=columns["employment_type"],
        min_years_experience=columns["min_years_experience"],
        location=(
            LocationOut(prefecture=columns["prefecture"], city=columns["city"])
            if columns["prefecture"]
            else None
        ),
        spans={k: (v[0], v[1]) for k, v in spans.items()},
        stated=stated,
        taxonomy_version=version.split(".", 1)[-1],
    )


def facts_json(columns: Mapping[str, Any], skills: Iterable[Mapping[str, Any]]) -> str | None:
    """What ``posting.facts_json`` holds: facts_of(...) as JSON, or None before extraction."""
    facts = facts_of(columns, skills)
    return None if facts is None else facts.model_dump_json()
