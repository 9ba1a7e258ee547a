from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base, TimestampMixin


class ReportJob(TimestampMixin, Base):
    """A market report asked for: its filters and options, and where its files are.

    Like an import job, the row is the job: a run claims it with a conditional UPDATE and a
    fresh ``owner``, refreshes ``heartbeat_at`` between its steps, and only the owner may
    finish it; a run lost with its worker is handed out again once the heartbeat is older
    than the lease. A report is written whole (to temporary names, then renamed), so a
    second run simply writes it again.
    """

    __tablename__ = "report_job"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), index=True)  # queued running succeeded failed
    # The validated ReportQuery (filters of GET /v1/postings and the report's options).
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON)
    postings: Mapped[int | None] = mapped_column(BigInteger)  # matching postings, when done
    html_path: Mapped[str | None] = mapped_column(Text)
    pdf_path: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text)
    enqueued_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
