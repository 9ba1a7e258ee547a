"""API shapes for bulk imports."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

ImportStatus = Literal["queued", "running", "succeeded", "failed"]
# GET /v1/imports/{id} shows the first rejections; the rest are paged at .../rejections.
REJECTIONS_SHOWN = 100


class ImportRejectionOut(BaseModel):
    id: int = Field(description="Rejection id, for paging with `after`.")
    line: int = Field(description="1-based line of the record, or its number in its file.")
    position: str = Field(description='Where the record is: "line 12", "row 7 (line 9)", ...')
    reason: str


class ImportJobOut(BaseModel):
    id: str
    status: ImportStatus
    source: str = Field(description="Source given to records that do not name one.")
    format: str
    file_name: str | None
    file_bytes: int
    bytes_read: int = Field(description="How far into the file the committed records reach.")
    progress: float = Field(description="bytes_read / file_bytes, from 0 to 1.")
    records_read: int = Field(description="Records committed: imported or rejected.")
    created: int
    updated: int
    unchanged: int
    rejected: int
    ignored_fields: dict[str, int] = Field(
        default_factory=dict,
        description="Record fields no posting field takes (JSON Lines), with how many records "
        "held each: their values were not stored. A misspelt field shows here.",
    )
    attempts: int = Field(description="Runs started; more than 1 after a retry.")
    error: str | None = Field(description="Why the last run failed, if one did.")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None = Field(description="Last progress committed.")
    rejections: list[ImportRejectionOut] = Field(
        description=f"The first {REJECTIONS_SHOWN} rejected records; all are at "
        "GET /v1/imports/{id}/rejections."
    )


class RejectionPage(BaseModel):
    items: list[ImportRejectionOut]
    next_after: int | None = Field(
        description="Pass as `after` for the next page; null at the end."
    )
