"""Use cases on postings. Flushes, never commits: the caller's boundary does."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kyujin.analytics.market import MarketChanges
from kyujin.core import search_text
from kyujin.core.companies import industry_of, name_key, size_band_for_employees
from kyujin.core.model import Location, PostingFacts
from kyujin.db.base import utcnow
from kyujin.db.models import Company, Posting, PostingSkill
from kyujin.errors import Conflict
from kyujin.extraction import service as extraction
from kyujin.postings import repository
from kyujin.postings.fact_rows import (
    Analyse,
    FactRows,
    Item,
    analyse_items,
    fact_rows,
    facts_json,
    located,
)
from kyujin.postings.jsonld import posting_to_jsonld
from kyujin.postings.representation import to_out
from kyujin.postings.schemas import (
    ImportSummary,
    PostingIn,
    PostingOut,
)

DEFAULT_SOURCE = "api"
# A posting with its skills is 5-20 KB in memory: a batch of 1,000 holds 5-20 MB, and one
# query pair per 1,000 postings keeps the round trips out of the export's time.
EXPORT_BATCH_SIZE = 1_000
ExportFormat = Literal["jsonl", "jsonld"]


# Fields beyond the first six join the hash only when set, so that postings imported before
# they existed keep their hash (re-importing them stays a no-op).
_LATER_FIELDS = (
    "valid_through",
    "description_html",
    "company_size",
    "company_employees",
    "company_industry",
    "company_foreign_affiliated",
    "salary_currency",
    "salary_min",
    "salary_max",
    "salary_period",
    "employment_type",
    "remote",
    "applicant_countries",
)


def content_hash(data: PostingIn) -> str:
    fields: list[object] = [
        data.title,
        data.company,
        data.description,
        data.url,
        data.location,
        data.posted_at.isoformat() if data.posted_at else None,
    ]
    later = data.model_dump(mode="json", include=set(_LATER_FIELDS), exclude_none=True)
    if later:
        fields.append(later)
    return hashlib.sha256(
        json.dumps(fields, ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()


def _keys(data: PostingIn, *, default_source: str, digest: str) -> tuple[str, str]:
    return (data.source or default_source, data.external_id or f"sha256:{digest}")


def _posting_fields(data: PostingIn, digest: str) -> dict[str, Any]:
    """The posting's columns that come straight from the record."""
    return {
        "title": data.title,
        "company_name": data.company,
        "description": data.description,
        "url": data.url,
        "location_text": data.location,
        "posted_on": data.posted_at,
        "valid_through": data.valid_through,
        "description_html": data.description_html,
        "stated": data.stated_facts() or None,
        "content_hash": digest,
    }


def _apply(posting: Posting, data: PostingIn, digest: str) -> None:
    for name, value in _posting_fields(data, digest).items():
        setattr(posting, name, value)


def _company_fields(data: PostingIn) -> dict[str, object]:
    """What a record says about its company (None where it says nothing)."""
    size = data.company_size
    if size is None and data.company_employees is not None:
        size = size_band_for_employees(data.company_employees)
    return {
        "size_band": size,
        "industry": industry_of(data.company_industry) if data.company_industry else None,
        "foreign_affiliated": data.company_foreign_affiliated,
    }


def _companies(
    session: Session, records: Sequence[PostingIn], changes: MarketChanges
) -> dict[str, Company]:
    """The company of each named record by name key, created when new; what a record states
    about its company (size, industry, foreign-affiliated) updates it, what it leaves out
    does not. The company's postings move to another market cell when it changes."""
    named = [(d, name_key(d.company)) for d in records if d.company]
    if not named:
        return {}
    found = repository.companies_by_key(session, {key for _, key in named})
    missing: dict[str, PostingIn] = {}
    for data, key in named:
        if key not in found:
            missing.setdefault(key, data)  # the first spelling seen names the company
    repository.insert_companies(
        session,
        [
            {"name": data.company, "name_key": key, **_company_fields(data)}
            for key, data in missing.items()
        ],
    )
    if missing:
        found.update(repository.companies_by_key(session, missing.keys()))
    for data, key in named:
        company = found[key]
        for attr, value in _company_fields(data).items():
            if attr == "industry" and value == "other" and company.industry is not None:
                continue  # a label no industry was read from ("IT") says nothing new
            if value is not None and getattr(company, attr) != value:
                changes.before_company(company.id)
                setattr(company, attr, value)
    return found


def link_companies(
    session: Session, pairs: Sequence[tuple[Posting, PostingIn]], changes: MarketChanges
) -> None:
    """Create or match each record's company by name and link the posting to it."""
    found = _companies(session, [data for _, data in pairs], changes)
    for posting, data in pairs:
        posting.company = found[name_key(data.company)] if data.company else None


def _apply_stated(fields: dict[str, Any], stated: dict[str, Any]) -> list[str]:
    """Overwrite extracted facts with those the source stated; the names of those taken."""
    taken: list[str] = []
    currency, period = stated.get("salary_currency"), stated.get("salary_period")
    low, high = stated.get("salary_min"), stated.get("salary_max")
    figure = low if low is not None else high
    # Only a salary that converts to yen: one in another currency would take the posting
    # out of salary filters and analytics, where the text's salary (if any) counts.
    if (
        currency
        and period
        and figure is not None
        and extraction.annual_jpy(figure, currency, period) is not None
    ):
        fields["salary_currency"], fields["salary_period"] = currency, period
        fields["salary_min"], fields["salary_max"] = low, high
        fields["salary_annual_min_jpy"] = (
            extraction.annual_jpy(low, currency, period) if low is not None else None
        )
        fields["salary_annual_max_jpy"] = (
            extraction.annual_jpy(high, currency, period) if high is not None else None
        )
        taken.append("salary")
    for name in ("employment_type", "remote"):
        if stated.get(name):
            fields[name] = stated[name]
            taken.append(name)
    return taken


def _fact_fields(
    facts: PostingFacts, version: str, stated: dict[str, Any] | None, place: str | None
) -> FactRows:
    """The posting's fact columns and its skill rows, with what the source stated taken."""
    return _with_stated(fact_rows(facts, version), stated, located(facts, place))


def _with_stated(rows: FactRows, stated: dict[str, Any] | None, place: Location | None) -> FactRows:
    """``rows`` with the facts the source stated in place of the extracted ones (their
    spans dropped, their names listed under "_stated"); ``rows`` themselves unchanged.
    ``place``: where the source's location field places a posting whose text names none
    (fact_rows.located)."""
    fields, skills = rows
    if not stated and place is None:
        return rows
    fields = dict(fields)
    taken = _apply_stated(fields, stated or {})
    if place is not None:
        fields["prefecture"], fields["city"] = place.prefecture, place.city
        taken.append("location")
    if not taken:
        return rows
    spans = dict(fields["fact_spans"])
    for name in taken:
        spans.pop(name, None)
    spans["_stated"] = taken
    fields["fact_spans"] = spans
    fields["facts_json"] = facts_json(fields, skills)
    return fields, skills


def _store_facts(posting: Posting, facts: PostingFacts, version: str) -> None:
    fields, skills = _fact_fields(facts, version, posting.stated, posting.location_text)
    for name, value in fields.items():
        setattr(posting, name, value)
    posting.skills = [PostingSkill(**row) for row in skills]


def extract_into(posting: Posting) -> None:
    """(Re)compute a posting's facts from its description and title."""
    facts = extraction.extract_facts(posting.description, title=posting.title)
    _store_facts(posting, facts, extraction.facts_version())


def _index_fields(fields: dict[str, Any], skills: Sequence[str], today: date) -> dict[str, Any]:
    """The search columns (listed_on, salary_sort, skill_list) of a posting's columns."""
    high, low = fields["salary_annual_max_jpy"], fields["salary_annual_min_jpy"]
    return {
        "listed_on": fields["posted_on"] or today,
        "salary_sort": high if high is not None else low if low is not None else -1,
        "skill_list": "\t".join(sorted(set(skills))) or None,
    }


def _prepare_index(session: Session, posting: Posting) -> str:
    """Set the search columns from the posting's text and facts; the search document."""
    doc = search_text.document(posting.title, posting.company_name, posting.description)
    fields = {
        "posted_on": posting.posted_on,
        "salary_annual_max_jpy": posting.salary_annual_max_jpy,
        "salary_annual_min_jpy": posting.salary_annual_min_jpy,
    }
    today = (posting.created_at or utcnow()).date()
    for name, value in _index_fields(fields, [s.skill for s in posting.skills], today).items():
        setattr(posting, name, value)
    posting.search_vector = repository.search_vector_value(session, doc)
    return doc


def _write_index(session: Session, docs: Sequence[tuple[Posting, str]]) -> None:
    """Flush, then store the search documents (``_prepare_index`` gave them)."""
    session.flush()
    repository.write_fts(session, [(p.id, doc) for p, doc in docs])


def _insert_new(
    session: Session,
    items: Sequence[tuple[tuple[str, str], PostingIn, str]],
    analyse: Analyse,
    changes: MarketChanges,
) -> None:
    """Insert new postings with their facts, skills and search documents in a few
    statements (no ORM objects: at 20-40 skills a posting, building and flushing ORM rows
    cost more than extracting them)."""
    if not items:
        return
    companies = _companies(session, [data for _, data, _ in items], changes)
    session.flush()  # company changes, before rows refer to them
    today = utcnow().date()
    rows: list[dict[str, Any]] = []
    skill_rows: list[list[dict[str, Any]]] = []
    docs: list[str] = []
    analysed = analyse([_analysis_item(data) for _, data, _ in items])
    for ((source, external_id), data, digest), (extracted, doc, place) in zip(
        items, analysed, strict=True
    ):
        fields = {"source": source, "external_id": external_id, **_posting_fields(data, digest)}
        fact_fields, skills = _with_stated(extracted, fields["stated"], place)
        fields.update(fact_fields)
        fields.update(_index_fields(fields, [row["skill"] for row in skills], today))
        company = companies.get(name_key(data.company)) if data.company else None
        fields["company_id"] = company.id if company is not None else None
        rows.append(fields)
        skill_rows.append(skills)
        docs.append(doc)
    ids = repository.insert_postings(session, rows, docs)
    repository.insert_skills(
        session,
        [
            {**row, "posting_id": posting_id}
            for posting_id, rows_ in zip(ids, skill_rows, strict=True)
            for row in rows_
        ],
    )
    repository.write_fts(session, list(zip(ids, docs, strict=True)))
    changes.added(ids)


def create_posting(session: Session, data: PostingIn) -> PostingOut:
    digest = content_hash(data)
    source, external_id = _keys(data, default_source=DEFAULT_SOURCE, digest=digest)
    existing = repository.get_by_keys(session, keys=[(source, external_id)])
    if existing:
        found = existing[(source, external_id)]
        raise Conflict(
            f"a posting with source={source!r} and external_id={external_id!r} "
            f"already exists (id {found.id})"
        )
    posting = Posting(source=source, external_id=external_id)
    _apply(posting, data, digest)
    extract_into(posting)
    doc = _prepare_index(session, posting)
    changes = MarketChanges(session)
    link_companies(session, [(posting, data)], changes)
    repository.add_posting(session, posting)
    try:
        with session.begin_nested():  # another request may create the same key meanwhile
            _write_index(session, [(posting, doc)])
    except IntegrityError:
        raise Conflict(
            f"a posting with source={source!r} and external_id={external_id!r} already exists"
        ) from None
    changes.added([posting.id])
    changes.finish()
    return to_out(posting)


def _by_key(
    records: Sequence[PostingIn], default_source: str, superseded: list[bool] | None = None
) -> dict[tuple[str, str], tuple[PostingIn, str]]:
    """Records by (source, external_id), with their content hashes. A key repeated within
    one batch: the later record wins, as it would across batches; ``superseded`` gets, for
    each earlier one, whether the record after it is the same."""
    prepared: dict[tuple[str, str], tuple[PostingIn, str]] = {}
    for data in records:
        digest = content_hash(data)
        key = _keys(data, default_source=default_source, digest=digest)
        if superseded is not None and key in prepared:
            superseded.append(prepared[key][1] == digest)
        prepared[key] = (data, digest)
    return prepared


def _analysis_item(data: PostingIn) -> Item:
    return (data.title, data.company, data.description, data.location)


def new_items(session: Session, records: Sequence[PostingIn], *, default_source: str) -> list[Item]:
    """What ``import_batch`` would give ``analyse`` for these records now: the new
    postings (a changed one is extracted in this process, an unchanged one not at all).
    An import prefetches them while it writes the batch before."""
    prepared = _by_key(records, default_source)
    hashes = repository.hashes_by_keys(session, keys=prepared.keys())
    return [_analysis_item(data) for key, (data, _) in prepared.items() if key not in hashes]


def import_batch(
    session: Session,
    records: Sequence[PostingIn],
    *,
    default_source: str,
    summary: ImportSummary,
    analyse: Analyse = analyse_items,
) -> None:
    """Upsert a batch on (source, external_id); unchanged postings are not touched.
    ``analyse`` extracts the new postings (an ExtractorPool's spreads them over processes)."""
    superseded: list[bool] = []
    prepared = _by_key(records, default_source, superseded)
    repository.lock_posting_writes(session)  # what is stored cannot change under the batch
    # Hashes first: an unchanged posting (most of a re-import) is never loaded.
    hashes = repository.hashes_by_keys(session, keys=prepared.keys())
    stale = [key for key, (_, digest) in prepared.items() if hashes.get(key, digest) != digest]
    existing = repository.get_by_keys(session, keys=stale)
    changes = MarketChanges(session)
    changes.before(posting.id for posting in existing.values())
    new: list[tuple[tuple[str, str], PostingIn, str]] = []
    changed: list[tuple[Posting, PostingIn]] = []
    docs: list[tuple[Posting, str]] = []
    for key, (data, digest) in prepared.items():
        if key not in hashes:
            new.append((key, data, digest))
        elif hashes[key] == digest:
            summary.unchanged += 1
        else:
            posting = existing[key]
            _apply(posting, data, digest)
            extract_into(posting)  # the text changed, so its facts may have
            docs.append((posting, _prepare_index(session, posting)))
            changed.append((posting, data))
    link_companies(session, changed, changes)
    _write_index(session, docs)
    _insert_new(session, new, analyse, changes)
    changes.finish()
    summary.created += len(new)
    summary.updated += len(changed)
    # A key that comes again later in the batch: the later record counts as it would
    # coming after it in another batch, an update unless it is the same.
    summary.unchanged += sum(superseded)
    summary.updated += len(superseded) - sum(superseded)


def reextract(
    session: Session, *, after_id: int, limit: int, force: bool = False
) -> tuple[int, int]:
    """Recompute one batch of postings whose facts are stale (or all with ``force``).

    Returns (postings recomputed, last id seen); the caller commits and continues from
    the last id until it gets 0, so a long run can stop and resume anywhere.
    """
    repository.lock_posting_writes(session)
    rows = repository.list_stale_postings(
        session, version=extraction.facts_version(), after_id=after_id, limit=limit, force=force
    )
    changes = MarketChanges(session)
    changes.before(posting.id for posting in rows)
    docs = []
    for posting in rows:
        extract_into(posting)
        docs.append((posting, _prepare_index(session, posting)))
    _write_index(session, docs)
    changes.finish()
    return len(rows), (rows[-1].id if rows else after_id)


def count_stale(session: Session) -> int:
    return repository.count_stale_postings(session, version=extraction.facts_version())


def _posting_batches(
    session: Session, *, source: str | None, since: date | None, batch_size: int
) -> Iterator[list[Posting]]:
    updated_since = datetime.combine(since, time(), UTC) if since is not None else None
    after_id = 0
    while True:
        rows = repository.list_postings(
            session,
            after_id=after_id,
            limit=batch_size,
            source=source,
            updated_since=updated_since,
        )
        if rows:
            yield rows
        if len(rows) < batch_size:
            return
        after_id = rows[-1].id


def iter_postings(
    session: Session,
    *,
    source: str | None = None,
    since: date | None = None,
    batch_size: int = EXPORT_BATCH_SIZE,
) -> Iterator[PostingOut]:
    """Postings by id (from one source, updated on or after a UTC day), read in batches:
    memory holds one batch however many postings there are."""
    for rows in _posting_batches(session, source=source, since=since, batch_size=batch_size):
        for posting in rows:
            yield to_out(posting)


def _import_fields(posting: Posting) -> dict[str, Any]:
    """What `kyujin import` needs beyond PostingOut to recreate a posting: the facts its
    source stated and its company's attributes, under PostingIn's names."""
    fields: dict[str, Any] = dict(posting.stated or {})
    company = posting.company
    if company is not None:
        attributes = {
            "company_size": company.size_band,
            "company_industry": company.industry,
            "company_foreign_affiliated": company.foreign_affiliated,
        }
        fields.update((name, value) for name, value in attributes.items() if value is not None)
    return fields


def export_postings(
    session: Session,
    *,
    format: ExportFormat = "jsonl",
    source: str | None = None,
    since: date | None = None,
    batch_size: int = EXPORT_BATCH_SIZE,
) -> Iterator[dict[str, Any]]:
    """One JSON object per posting, by id, in constant memory (see ``iter_postings``).

    "jsonld": a schema.org JobPosting. "jsonl": the posting as the API gives it (PostingOut)
    plus the stated facts and company attributes that PostingOut shows only as outcomes
    (salary_*, employment_type, remote, applicant_countries, company_size,
    company_industry, company_foreign_affiliated): `kyujin import`, which ignores the
    other PostingOut fields, recreates the same posting from it.
    """
    for rows in _posting_batches(session, source=source, since=since, batch_size=batch_size):
        for posting in rows:
            out = to_out(posting)
            if format == "jsonld":
                yield posting_to_jsonld(out)
            else:
                yield {**out.model_dump(mode="json"), **_import_fields(posting)}
