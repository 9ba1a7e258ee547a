"""Every query on postings lives here."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from kyujin.db.models import Company, Posting


def get_posting(session: Session, posting_id: int, *, with_skills: bool = False) -> Posting | None:
    options = [selectinload(Posting.skills), selectinload(Posting.company)] if with_skills else []
    return session.get(Posting, posting_id, options=options)


def companies_by_key(session: Session, keys: Collection[str]) -> dict[str, Company]:
    if not keys:
        return {}
    rows = session.scalars(select(Company).where(Company.name_key.in_(list(keys))))
    return {c.name_key: c for c in rows}


def insert_companies(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert companies, skipping any whose name_key another transaction created meanwhile."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(Company).values(rows).on_conflict_do_nothing(index_elements=["name_key"])
    )


def get_by_keys(
    session: Session, *, keys: Collection[tuple[str, str]]
) -> dict[tuple[str, str], Posting]:
    """Existing postings by (source, external_id)."""
    if not keys:
        return {}
    rows = session.scalars(
        select(Posting)
        .where(tuple_(Posting.source, Posting.external_id).in_(list(keys)))
        .options(selectinload(Posting.skills), selectinload(Posting.company))
    )
    return {(p.source, p.external_id): p for p in rows}


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _matches_term(term: str) -> ColumnElement[bool]:
    pattern = f"%{_escape_like(term)}%"
    return or_(
        Posting.title.ilike(pattern, escape="\\"),
        Posting.company_name.ilike(pattern, escape="\\"),
        Posting.description.ilike(pattern, escape="\\"),
    )


def list_postings(
    session: Session, *, terms: Sequence[str], before_id: int | None, limit: int
) -> list[Posting]:
    """Newest first (by id), every term present somewhere; keyset pagination on id."""
    stmt = select(Posting)
    conditions = [_matches_term(t) for t in terms]
    if before_id is not None:
        conditions.append(Posting.id < before_id)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    return list(session.scalars(stmt.order_by(Posting.id.desc()).limit(limit)))


def list_stale_postings(
    session: Session, *, version: str, after_id: int, limit: int, force: bool = False
) -> list[Posting]:
    """Postings whose facts were extracted with another version (or never), by id."""
    stmt = select(Posting).where(Posting.id > after_id)
    if not force:
        stmt = stmt.where(or_(Posting.facts_version.is_(None), Posting.facts_version != version))
    stmt = stmt.options(selectinload(Posting.skills), selectinload(Posting.company))
    stmt = stmt.order_by(Posting.id).limit(limit)
    return list(session.scalars(stmt))


def count_stale_postings(session: Session, *, version: str) -> int:
    stmt = (
        select(func.count())
        .select_from(Posting)
        .where(or_(Posting.facts_version.is_(None), Posting.facts_version != version))
    )
    return session.scalar(stmt) or 0


def add_posting(session: Session, posting: Posting) -> Posting:
    session.add(posting)
    return posting


FTS_TABLE = "posting_fts"  # SQLite only; created by migration 0005


def search_vector_value(session: Session, doc: str) -> Any:
    """What to store in posting.search_vector for a search document."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_tsvector("simple", doc)
    return None


def write_fts(session: Session, docs: Sequence[tuple[int, str]]) -> None:
    """SQLite: replace the FTS5 rows of these postings (PostgreSQL keeps them in the row)."""
    if not docs or session.get_bind().dialect.name == "postgresql":
        return
    params = [{"id": posting_id, "doc": doc} for posting_id, doc in docs]
    session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), params)
    session.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, doc) VALUES (:id, :doc)"), params)
