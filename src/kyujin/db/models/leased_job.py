from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import TimestampMixin


class LeasedJob(TimestampMixin):
    """The columns of a background job whose row is the job (imports, reports).

    A run claims the row with a conditional UPDATE and a fresh ``owner``, refreshes
    ``heartbeat_at`` while it works, and only the owner may finish it; a run lost with its
    worker is handed out again once the heartbeat is older than the lease
    (kyujin.jobs.service).
    """

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), index=True)  # queued running succeeded failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text)
    enqueued_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
