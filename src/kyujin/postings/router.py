from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from kyujin.api.deps import AdminDep, SessionDep
from kyujin.api.errors import Problem
from kyujin.postings import search, service
from kyujin.postings.schemas import PostingIn, PostingOut
from kyujin.postings.search_schemas import SearchPage, SearchQuery

router = APIRouter(prefix="/v1/postings", tags=["postings"])
# Ids are 64-bit database integers; a larger number is invalid input, not a lookup.
PostingId = Annotated[int, Path(ge=1, le=2**63 - 1)]


@router.get(
    "",
    response_model=SearchPage,
    summary="Search postings",
    responses={400: {"model": Problem}, 422: {"model": Problem}},
)
def list_postings(session: SessionDep, query: Annotated[SearchQuery, Query()]) -> SearchPage:
    """Full text (English and Japanese), a filter on every extracted fact, facet counts for
    the result, and sorting by relevance, newest or salary, with stable cursor pagination."""
    return search.search(session, query)


@router.get("/{posting_id}", response_model=PostingOut, responses={404: {"model": Problem}})
def get_posting(session: SessionDep, posting_id: PostingId) -> PostingOut:
    return service.get_posting(session, posting_id)


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
