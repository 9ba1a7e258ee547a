from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base, TimestampMixin


class Posting(TimestampMixin, Base):
    __tablename__ = "posting"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        Index("ix_posting_posted_on_id", "posted_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    company_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    location_text: Mapped[str | None] = mapped_column(String(300))
    posted_on: Mapped[date | None] = mapped_column(Date)
    # sha256 of the imported fields: re-importing an unchanged record touches nothing.
    content_hash: Mapped[str] = mapped_column(String(64))
