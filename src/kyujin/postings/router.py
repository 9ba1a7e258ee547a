from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kyujin.api.deps import AdminDep, SessionDep, single_valued
from kyujin.api.errors import Problem
from kyujin.db.engine import LoopReader
from kyujin.errors import NotAcceptable
from kyujin.postings import jsonld, representation, search, service
from kyujin.postings.schemas import PostingIn, PostingOut
from kyujin.postings.search_schemas import SearchPage, SearchQuery

router = APIRouter(prefix="/v1/postings", tags=["postings"])
# Ids are 64-bit database integers; a larger number is invalid input, not a lookup.
PostingId = Annotated[int, Path(ge=1, le=2**63 - 1)]

JSON = "application/json"
# The representations of one posting, the default first: it wins ties.
_OFFERS = (JSON, jsonld.MEDIA_TYPE)
_VARY = {"Vary": "Accept"}
# request.state key under which kyujin.api.shortcut leaves an error it met.
SHORTCUT_ERROR = "posting_answer_error"


@lru_cache(maxsize=64)
def negotiate(accept: str) -> str | None:
    """The offer an Accept header prefers (RFC 9110 section 12.5.1), or None if it allows none.

    Each offer takes the quality of the most specific media range that matches it (exact,
    then type/*, then */*); the highest quality wins, then the more specific match, then
    the default. A header without one readable media range is ignored, as the RFC permits.
    Clients send the same few headers over and over: the cache makes this a dict lookup.
    """
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        kind, slash, subtype = media.partition("/")
        if not (kind and slash and subtype):
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = math.nan
                break
        if 0.0 <= q <= 1.0:  # also false for NaN: a range with an unreadable q is skipped
            ranges.append((media, q))
    if not ranges:
        return _OFFERS[0]
    best, best_rank = None, (0.0, -1)
    for offer in _OFFERS:
        matches = (offer, offer.partition("/")[0] + "/*", "*/*")
        quality, specificity = 0.0, -1
        for media, q in ranges:
            if media in matches:
                rank = 2 - matches.index(media)
                if rank > specificity or (rank == specificity and q > quality):
                    quality, specificity = q, rank
        if quality > 0 and (quality, specificity) > best_rank:
            best, best_rank = offer, (quality, specificity)
    return best


@router.get(
    "",
    response_model=SearchPage,
    summary="Search postings",
    responses={400: {"model": Problem}, 422: {"model": Problem}},
    dependencies=[Depends(single_valued(SearchQuery))],
)
def list_postings(
    session: SessionDep, query: Annotated[SearchQuery, Query()], request: Request
) -> SearchPage:
    """Full text (English and Japanese), a filter on every extracted fact, facet counts for
    the result, and sorting by relevance, newest or salary, with stable cursor pagination."""
    state = request.app.state
    return search.run(session, query, state.search_index, state.database_identity)


@router.get(
    "/{posting_id}",
    response_model=PostingOut,
    summary="Get a posting",
    responses={
        200: {
            "description": "The posting and its facts; as a schema.org JobPosting in JSON-LD "
            "with `Accept: application/ld+json`.",
            "content": {jsonld.MEDIA_TYPE: {"schema": jsonld.JSON_SCHEMA}},
        },
        404: {"model": Problem},
        406: {"model": Problem},
    },
)
async def get_posting(posting_id: PostingId, request: Request) -> Response:
    """The posting with the facts extracted from it. `Accept: application/ld+json` gives it
    as a schema.org JobPosting, the JSON-LD job boards publish for search engines; an
    Accept header that allows neither that nor JSON is answered with 406. The answer has an
    ETag: `If-None-Match` with it gives 304 while the posting is unchanged."""
    # kyujin.api.shortcut tried this request first and met an error: answer with it.
    error = request.scope.get("state", {}).pop(SHORTCUT_ERROR, None)
    if error is not None:
        raise error
    answer = await answer_posting(
        request.app.state,
        posting_id,
        request.headers.getlist("accept"),
        # several header lines are one list (RFC 9110 5.3)
        ", ".join(request.headers.getlist("if-none-match")) or None,
    )
    if answer.status == status.HTTP_304_NOT_MODIFIED:
        return Response(status_code=answer.status, headers=answer.headers)
    return Response(answer.body, media_type=answer.media_type, headers=answer.headers)


@dataclass(frozen=True, slots=True)
class PostingAnswer:
    """What GET /v1/postings/{id} answers: 200 with the body, or 304 (empty body)."""

    status: int
    body: bytes
    media_type: str
    headers: dict[str, str]


async def answer_posting(
    state: Any, posting_id: int, accept: list[str], if_none_match: str | None
) -> PostingAnswer:
    """GET /v1/postings/{id} for the route above and for kyujin.api.shortcut, which answers
    the same request without FastAPI's routing. Raises NotAcceptable and NotFound."""
    # The process's LoopReader (a test's connection in tests), from app state rather than a
    # dependency, whose solving cost ~20 us of the ~300 this endpoint spends in-process.
    bind: LoopReader | Connection = state.read_bind
    media_type = negotiate(", ".join(accept)) if accept else JSON
    if media_type is None:
        raise NotAcceptable(
            f"this posting is available as {' or '.join(_OFFERS)}; the Accept header allows neither"
        )
    if media_type == jsonld.MEDIA_TYPE:
        async with state.db_limiter:
            body = await run_in_threadpool(_read_jsonld, bind, posting_id)
    else:
        # One primary-key read on the event loop (SQLite: ~50 us in-process, less than a hop
        # to a worker thread; PostgreSQL: awaited, so the loop serves others meanwhile).
        body = (
            await representation.read_posting_json(bind, posting_id)
            if isinstance(bind, LoopReader)
            else representation.posting_json(bind, posting_id)
        )
    etag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
    headers = {**_VARY, "ETag": etag}
    if _matches(if_none_match, etag):
        return PostingAnswer(status.HTTP_304_NOT_MODIFIED, b"", media_type, headers)
    return PostingAnswer(status.HTTP_200_OK, body, media_type, headers)


def _read_jsonld(bind: LoopReader | Connection, posting_id: int) -> bytes:
    with Session(bind.engine if isinstance(bind, LoopReader) else bind) as session:
        posting = representation.get_posting(session, posting_id)
    return jsonld.dumps(jsonld.posting_to_jsonld(posting)).encode()


def _matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match against our ETag, by weak comparison (RFC 9110 section 13.1.2)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


@router.post(
    "",
    response_model=PostingOut,
    status_code=status.HTTP_201_CREATED,
    dependencies=[AdminDep],
    responses={
        401: {"model": Problem},
        403: {"model": Problem},
        409: {"model": Problem},
        422: {"model": Problem},
    },
)
def create_posting(session: SessionDep, body: PostingIn, response: Response) -> PostingOut:
    created = service.create_posting(session, body)
    response.headers["Location"] = f"/v1/postings/{created.id}"
    return created
