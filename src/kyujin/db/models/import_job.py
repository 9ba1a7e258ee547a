from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base
from kyujin.db.models.leased_job import LeasedJob
from kyujin.db.models.posting import Id


class ImportJob(LeasedJob, Base):
    """A bulk import: a file, how to read it, and how far it has got.

    ``records_read`` counts every record consumed (imported or rejected) and is committed in
    the same transaction as the postings of its batch, so a run that dies starts again after
    the last committed batch and the counts come out as for an uninterrupted run.
    ``owner`` names the run holding the job (LeasedJob); a run whose lease lapsed finds
    another owner at its next commit and stops.
    """

    __tablename__ = "import_job"

    source: Mapped[str] = mapped_column(String(100))
    format: Mapped[str] = mapped_column(String(10))
    mapping: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    file_path: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(300))
    file_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    # Identifies a local file (path, size, mtime, format, mapping): the CLI resumes the
    # unfinished job with the same fingerprint.
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    records_read: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_read: Mapped[int] = mapped_column(BigInteger, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    # Record fields no posting field takes, with how many records held each (JSON Lines):
    # their values are not stored, and the job says so.
    ignored_fields: Mapped[dict[str, int] | None] = mapped_column(JSON)


class ImportRejection(Base):
    """A record an import could not take, with where it is and why."""

    __tablename__ = "import_rejection"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    job_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("import_job.id", ondelete="CASCADE"), index=True
    )
    line: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)
