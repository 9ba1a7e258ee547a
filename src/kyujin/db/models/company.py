from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base, TimestampMixin
from kyujin.db.models.posting import Id


class Company(TimestampMixin, Base):
    """A hiring company, matched across imports by ``name_key`` (kyujin.core.companies)."""

    __tablename__ = "company"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    size_band: Mapped[str | None] = mapped_column(String(10), index=True)
    industry: Mapped[str | None] = mapped_column(String(20), index=True)
    foreign_affiliated: Mapped[bool | None] = mapped_column(Boolean)
