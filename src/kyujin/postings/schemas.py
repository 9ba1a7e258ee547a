"""API and import shapes for postings."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from kyujin.extraction.schemas import FactsOut

# A real posting is under 20,000 characters; 100,000 leaves room for pasted HTML-ish text
# while keeping one record's row (and its future facts) bounded.
MAX_DESCRIPTION_CHARS = 100_000
_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s]*$"
_URL = re.compile(_URL_PATTERN)


def _check_url(value: str | None) -> str | None:
    if value is not None and not _URL.match(value):
        raise ValueError("must be an http(s) URL")
    return value


Text300 = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=r"\S")
]
OptText300 = Annotated[
    str | None,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=r"\S"),
]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control_characters(value: object) -> object:
    # PostgreSQL text cannot hold NUL, and no posting field needs control characters.
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError("must not contain control characters (other than tab and newline)")
    return value


class PostingIn(BaseModel):
    """One posting as imported or created. Unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    source: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"\S"),
        ]
        | None
    ) = Field(default=None, description="Where the posting comes from, e.g. a job board.")
    external_id: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"\S"),
        ]
        | None
    ) = Field(
        default=None,
        description="The source's id. When absent, a hash of the content stands in for it.",
    )
    title: Text300
    company: OptText300 = Field(default=None, validation_alias="company")
    description: Annotated[str, StringConstraints(min_length=1, max_length=MAX_DESCRIPTION_CHARS)]
    url: Annotated[
        str | None,
        StringConstraints(max_length=2000),
        AfterValidator(_check_url),
        Field(json_schema_extra={"pattern": _URL_PATTERN, "format": "uri"}),
    ] = None
    location: OptText300 = None
    posted_at: date | None = Field(default=None, description="Date the posting was published.")

    @field_validator(
        "source", "external_id", "title", "company", "description", "location", "url", mode="before"
    )
    @classmethod
    def _reject_control_characters(cls, value: object) -> object:
        return _no_control_characters(value)


class PostingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    source: str
    external_id: str
    title: str
    company: str | None
    description: str
    url: str | None
    location: str | None
    posted_at: date | None
    created_at: datetime
    updated_at: datetime
    facts: FactsOut | None = Field(
        description="What the extractor read in the description, with spans; null until "
        "the posting has been extracted."
    )


class PostingSummary(BaseModel):
    id: int
    source: str
    external_id: str
    title: str
    company: str | None
    location: str | None
    url: str | None
    posted_at: date | None
    snippet: str = Field(description="The start of the description, or the text around a match.")


class PostingPage(BaseModel):
    items: list[PostingSummary]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page."
    )


class Rejection(BaseModel):
    line: int
    reason: str


class ImportSummary(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = Field(default_factory=list)
