from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Text
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base
from kyujin.db.models.leased_job import LeasedJob


class ReportJob(LeasedJob, Base):
    """A market report asked for: its filters and options, and where its files are.

    Like an import job, the row is the job (LeasedJob): a run refreshes ``heartbeat_at``
    between its steps. A report is written whole (to temporary names, then renamed), so a
    second run simply writes it again.
    """

    __tablename__ = "report_job"

    # The validated ReportQuery (filters of GET /v1/postings and the report's options).
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON)
    postings: Mapped[int | None] = mapped_column(BigInteger)  # matching postings, when done
    html_path: Mapped[str | None] = mapped_column(Text)
    pdf_path: Mapped[str | None] = mapped_column(Text)
