from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from kyujin.api.deps import AdminDep, SessionDep
from kyujin.api.errors import Problem
from kyujin.postings import service
from kyujin.postings.schemas import PostingIn, PostingOut, PostingPage

router = APIRouter(prefix="/v1/postings", tags=["postings"])
# Ids are 64-bit database integers; a larger number is invalid input, not a lookup.
PostingId = Annotated[int, Path(ge=1, le=2**63 - 1)]


@router.get(
    "", response_model=PostingPage, summary="Search postings", responses={400: {"model": Problem}}
)
def list_postings(
    session: SessionDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$",
            description="Words that must all appear.",
        ),
    ] = None,
    cursor: Annotated[str | None, Query(max_length=200, description="From `next_cursor`.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> PostingPage:
    return service.search_postings(session, q=q, cursor=cursor, limit=limit)


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
