"""A posting as the API gives it (PostingOut), from ORM objects or from one row.

The facts of a posting (its 20-40 skills with spans, the salary, the spans of every fact)
are rendered to JSON once, when they are computed, and kept in ``posting.facts_json``:
``GET /v1/postings/{id}`` then reads one row by primary key and splices that JSON into the
rest, which it renders from the row's columns (so that a company's attributes, which later
imports may change, are always current). Loading the skills as ORM objects and validating
them again on every read took ~3 ms of the ~3.3 ms the endpoint spent per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import anyio.to_thread
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kyujin.db.engine import LoopReader
from kyujin.db.models import Company, Posting
from kyujin.errors import NotFound
from kyujin.extraction.schemas import FactsOut
from kyujin.postings import repository
from kyujin.postings.fact_rows import facts_of
from kyujin.postings.schemas import CompanyOut, PostingOut

# The posting columns facts_out reads (the skill rows come separately).
FACT_COLUMNS = (
    "facts_version",
    "fact_spans",
    "salary_currency",
    "salary_min",
    "salary_max",
    "salary_period",
    "salary_annual_min_jpy",
    "salary_annual_max_jpy",
    "japanese_level",
    "english_level",
    "remote",
    "visa_sponsorship",
    "employment_type",
    "min_years_experience",
    "prefecture",
    "city",
)
# PostingOut's last field is facts: its JSON ends with this when facts is null.
_NO_FACTS = '"facts":null}'


def facts_out(posting: Posting) -> FactsOut | None:
    columns = {name: getattr(posting, name) for name in FACT_COLUMNS}
    skills = (
        {
            "skill": s.skill,
            "category": s.category,
            "span_start": s.span_start,
            "span_end": s.span_end,
            "surface": s.surface,
            "requirement": s.requirement,
        }
        for s in posting.skills
    )
    return facts_of(columns, skills)


def company_out(company: Company | None) -> CompanyOut | None:
    if company is None:
        return None
    return CompanyOut(
        id=company.id,
        name=company.name,
        size_band=company.size_band,
        industry=company.industry,
        foreign_affiliated=company.foreign_affiliated,
    )


def applicant_countries(stated: Mapping[str, Any] | None) -> list[str] | None:
    """The countries a posting's source stated applicants must be in, or None."""
    countries = stated.get("applicant_countries") if stated else None
    return list(countries) if countries else None


def to_out(posting: Posting) -> PostingOut:
    return PostingOut(
        id=posting.id,
        source=posting.source,
        external_id=posting.external_id,
        title=posting.title,
        company=posting.company_name,
        company_info=company_out(posting.company),
        description=posting.description,
        description_html=posting.description_html,
        url=posting.url,
        location=posting.location_text,
        posted_at=posting.posted_on,
        valid_through=posting.valid_through,
        created_at=posting.created_at,
        updated_at=posting.updated_at,
        applicant_countries=applicant_countries(posting.stated),
        facts=facts_out(posting),
    )


def get_posting(session: Session, posting_id: int) -> PostingOut:
    posting = repository.get_posting(session, posting_id, with_skills=True)
    if posting is None:
        raise NotFound(f"posting {posting_id} does not exist")
    return to_out(posting)


def posting_json(bind: LoopReader | Connection, posting_id: int) -> bytes:
    """``get_posting(...)`` as JSON, from one row read by primary key (see the module doc).

    A posting extracted before facts_json existed (its column is NULL) takes the slower
    path through the ORM; the result is the same.
    """
    row = repository.posting_document(bind, posting_id)
    if row is None:
        raise NotFound(f"posting {posting_id} does not exist")
    if row["facts_version"] is not None and row["facts_json"] is None:
        return _orm_json(bind, posting_id)
    return render_document(row)


async def read_posting_json(reader: LoopReader, posting_id: int) -> bytes:
    """``posting_json`` through the loop reader: the read does not block the event loop on
    PostgreSQL. The rare ORM path (no facts_json yet) runs in a worker thread."""
    row = await repository.read_posting_document(reader, posting_id)
    if row is None:
        raise NotFound(f"posting {posting_id} does not exist")
    if row["facts_version"] is not None and row["facts_json"] is None:
        return await anyio.to_thread.run_sync(_orm_json, reader, posting_id)
    return render_document(row)


def _orm_json(bind: LoopReader | Connection, posting_id: int) -> bytes:
    engine = bind.engine if isinstance(bind, LoopReader) else bind
    with Session(engine) as session:
        return get_posting(session, posting_id).model_dump_json().encode()


def render_document(row: Mapping[str, Any]) -> bytes:
    """PostingOut as JSON from the row of ``repository.posting_document``."""
    facts = row["facts_json"]
    company = (
        CompanyOut(
            id=row["company_id"],
            name=row["company_name_"],
            size_band=row["size_band"],
            industry=row["industry"],
            foreign_affiliated=row["foreign_affiliated"],
        )
        if row["company_id"] is not None
        else None
    )
    head = PostingOut(
        id=row["id"],
        source=row["source"],
        external_id=row["external_id"],
        title=row["title"],
        company=row["company_name"],
        company_info=company,
        description=row["description"],
        description_html=row["description_html"],
        url=row["url"],
        location=row["location_text"],
        posted_at=row["posted_on"],
        valid_through=row["valid_through"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        applicant_countries=applicant_countries(row["stated"]),
        facts=None,
    ).model_dump_json()
    if facts is None:
        return head.encode()
    if not head.endswith(_NO_FACTS):  # PostingOut's fields were reordered
        raise RuntimeError("PostingOut no longer ends with its facts field")
    return f'{head[: -len(_NO_FACTS)]}"facts":{facts}}}'.encode()
