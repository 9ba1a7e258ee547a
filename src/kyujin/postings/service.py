"""Use cases on postings. Flushes, never commits: the caller's boundary does."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Sequence

from sqlalchemy.orm import Session

from kyujin.db.models import Posting
from kyujin.errors import Conflict, InvalidInput, NotFound
from kyujin.postings import repository
from kyujin.postings.schemas import (
    ImportSummary,
    PostingIn,
    PostingOut,
    PostingPage,
    PostingSummary,
)

DEFAULT_SOURCE = "api"
SNIPPET_CHARS = 200
MAX_QUERY_TERMS = 10


def content_hash(data: PostingIn) -> str:
    fields = [
        data.title,
        data.company,
        data.description,
        data.url,
        data.location,
        data.posted_at.isoformat() if data.posted_at else None,
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def _keys(data: PostingIn, *, default_source: str, digest: str) -> tuple[str, str]:
    return (data.source or default_source, data.external_id or f"sha256:{digest}")


def _apply(posting: Posting, data: PostingIn, digest: str) -> None:
    posting.title = data.title
    posting.company_name = data.company
    posting.description = data.description
    posting.url = data.url
    posting.location_text = data.location
    posting.posted_on = data.posted_at
    posting.content_hash = digest


def to_out(posting: Posting) -> PostingOut:
    return PostingOut(
        id=posting.id,
        source=posting.source,
        external_id=posting.external_id,
        title=posting.title,
        company=posting.company_name,
        description=posting.description,
        url=posting.url,
        location=posting.location_text,
        posted_at=posting.posted_on,
        created_at=posting.created_at,
        updated_at=posting.updated_at,
    )


def get_posting(session: Session, posting_id: int) -> PostingOut:
    posting = repository.get_posting(session, posting_id)
    if posting is None:
        raise NotFound(f"posting {posting_id} does not exist")
    return to_out(posting)


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
    repository.add_posting(session, posting)
    session.flush()
    return to_out(posting)


def import_batch(
    session: Session, records: Sequence[PostingIn], *, default_source: str, summary: ImportSummary
) -> None:
    """Upsert a batch on (source, external_id); unchanged postings are not touched."""
    prepared: dict[tuple[str, str], tuple[PostingIn, str]] = {}
    for data in records:
        digest = content_hash(data)
        # A key repeated within one batch: the later record wins, as it would across batches.
        prepared[_keys(data, default_source=default_source, digest=digest)] = (data, digest)
    existing = repository.get_by_keys(session, keys=prepared.keys())
    for key, (data, digest) in prepared.items():
        posting = existing.get(key)
        if posting is None:
            posting = Posting(source=key[0], external_id=key[1])
            _apply(posting, data, digest)
            repository.add_posting(session, posting)
            summary.created += 1
        elif posting.content_hash == digest:
            summary.unchanged += 1
        else:
            _apply(posting, data, digest)
            summary.updated += 1
    summary.unchanged += len(records) - len(prepared)
    session.flush()


def encode_cursor(posting_id: int) -> str:
    return base64.urlsafe_b64encode(f"id:{posting_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, value = raw.partition(":")
        if kind != "id":
            raise ValueError(kind)
        return int(value)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput(f"cursor {cursor!r} is not one this API issued") from None


def _snippet(text: str, terms: Sequence[str]) -> str:
    lowered = text.lower()
    for term in terms:
        at = lowered.find(term.lower())
        if at >= 0:
            start = max(0, at - SNIPPET_CHARS // 4)
            prefix = "…" if start else ""
            return prefix + text[start : start + SNIPPET_CHARS].replace("\n", " ")
    return text[:SNIPPET_CHARS].replace("\n", " ")


def search_postings(
    session: Session, *, q: str | None, cursor: str | None, limit: int
) -> PostingPage:
    terms = q.split() if q else []
    if len(terms) > MAX_QUERY_TERMS:
        raise InvalidInput(f"q has {len(terms)} terms; at most {MAX_QUERY_TERMS} are allowed")
    before_id = decode_cursor(cursor) if cursor else None
    rows = repository.list_postings(session, terms=terms, before_id=before_id, limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    items = [
        PostingSummary(
            id=p.id,
            source=p.source,
            external_id=p.external_id,
            title=p.title,
            company=p.company_name,
            location=p.location_text,
            url=p.url,
            posted_at=p.posted_on,
            snippet=_snippet(p.description, terms),
        )
        for p in page
    ]
    return PostingPage(items=items, next_cursor=encode_cursor(page[-1].id) if more else None)
