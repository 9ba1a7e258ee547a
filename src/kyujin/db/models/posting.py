from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from kyujin.db.models.company import Company

from kyujin.db.base import Base, TimestampMixin

# 64-bit ids on PostgreSQL (re-extraction replaces posting_skill rows, so ids are used up
# fast); on SQLite only INTEGER is the rowid alias that autoincrements, and it is 64-bit.
Id = BigInteger().with_variant(Integer, "sqlite")
SearchVector = Text().with_variant(TSVECTOR(), "postgresql")


class Posting(TimestampMixin, Base):
    __tablename__ = "posting"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        Index("ix_posting_posted_on_id", "posted_on", "id"),
        Index("ix_posting_listed_on_id", "listed_on", "id"),
        Index("ix_posting_salary_sort_id", "salary_sort", "id"),
        Index("ix_posting_search_vector", "search_vector", postgresql_using="gin"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    company_name: Mapped[str | None] = mapped_column(String(300))
    company_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    # Clean text: what extraction and search read. The original HTML, when the source sent
    # HTML, is kept beside it.
    description: Mapped[str] = mapped_column(Text)
    description_html: Mapped[str | None] = mapped_column(Text)
    valid_through: Mapped[date | None] = mapped_column(Date)
    # Facts the source stated in structured fields (schema.org baseSalary, employmentType,
    # jobLocationType, ...): {"salary_min": ..., "employment_type": ..., ...}. They take
    # precedence over what extraction reads in the text.
    stated: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    url: Mapped[str | None] = mapped_column(String(2000))
    location_text: Mapped[str | None] = mapped_column(String(300))
    posted_on: Mapped[date | None] = mapped_column(Date)
    # sha256 of the imported fields: re-importing an unchanged record touches nothing.
    content_hash: Mapped[str] = mapped_column(String(64))

    # Extracted facts (kyujin.core.extract), one column each so that search can filter.
    # facts_version is "<rules>.<taxonomy hash>"; NULL means never extracted.
    facts_version: Mapped[str | None] = mapped_column(String(40), index=True)
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_period: Mapped[str | None] = mapped_column(String(10))
    salary_annual_min_jpy: Mapped[int | None] = mapped_column(BigInteger)
    salary_annual_max_jpy: Mapped[int | None] = mapped_column(BigInteger)
    japanese_level: Mapped[str | None] = mapped_column(String(10))
    english_level: Mapped[str | None] = mapped_column(String(20))
    remote: Mapped[str | None] = mapped_column(String(10))
    visa_sponsorship: Mapped[bool | None] = mapped_column(Boolean)
    employment_type: Mapped[str | None] = mapped_column(String(20))
    min_years_experience: Mapped[int | None] = mapped_column(SmallInteger)
    prefecture: Mapped[str | None] = mapped_column(String(30))
    city: Mapped[str | None] = mapped_column(String(50))
    # Where each fact came from: {"salary": [start, end], "remote": [start, end], ...}.
    fact_spans: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The facts as the API shows them (FactsOut JSON), rendered when they are computed: a
    # read by id splices it in instead of loading and validating the skill rows again.
    facts_json: Mapped[str | None] = mapped_column(Text)

    # Search support (kyujin.postings.search). Sort keys are NOT NULL so that keyset
    # pagination compares plain values: listed_on is posted_on, or the day it was stored;
    # salary_sort the annual JPY maximum (or minimum), -1 when no salary is known.
    listed_on: Mapped[date] = mapped_column(Date)
    salary_sort: Mapped[int] = mapped_column(BigInteger, server_default=text("-1"))
    # Distinct skill names, tab-separated, for facet counts without a join.
    skill_list: Mapped[str | None] = mapped_column(Text)
    # PostgreSQL: to_tsvector('simple', kyujin.core.search_text.document(...)), GIN-indexed.
    # SQLite keeps the same document in the FTS5 table posting_fts (rowid = posting id) and
    # leaves this column NULL.
    search_vector: Mapped[str | None] = mapped_column(SearchVector)

    company: Mapped[Company | None] = relationship(lazy="raise")
    skills: Mapped[list[PostingSkill]] = relationship(
        back_populates="posting",
        cascade="all, delete-orphan",
        lazy="raise",
        order_by="PostingSkill.span_start",
    )


class PostingSkill(Base):
    """One skill mention in a posting's description, with its span and section."""

    __tablename__ = "posting_skill"
    __table_args__ = (Index("ix_posting_skill_skill_posting", "skill", "posting_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        Id, ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    skill: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(30))
    requirement: Mapped[str] = mapped_column(String(10))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String(200))

    posting: Mapped[Posting] = relationship(back_populates="skills", lazy="raise")
