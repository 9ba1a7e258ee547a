"""The market rollup: counts of postings, skill mentions and salaries per market cell, kept
up to date as postings are written (kyujin.analytics.market), so that the common market
figures over a million postings are sums over a few thousand rows instead of a scan of every
posting and skill row. The ``*_total`` tables hold the same counts summed over every cell, for
the figures of the whole market.

A cell is one combination of the columns in ``CELL_COLUMNS``, each stored as text with ""
for NULL (a unique key treats NULLs as distinct, so NULL could not take part in the
upsert's conflict target); ``foreign_affiliated`` is "true", "false" or "".
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Integer, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base

CELL_COLUMNS = (
    "industry",
    "size_band",
    "foreign_affiliated",
    "remote",
    "japanese_level",
    "employment_type",
)


class _Cell:
    industry: Mapped[str] = mapped_column(String(20))
    size_band: Mapped[str] = mapped_column(String(10))
    foreign_affiliated: Mapped[str] = mapped_column(String(5))
    remote: Mapped[str] = mapped_column(String(10))
    japanese_level: Mapped[str] = mapped_column(String(10))
    employment_type: Mapped[str] = mapped_column(String(20))


class MarketPostings(_Cell, Base):
    """Postings per cell."""

    __tablename__ = "market_postings"
    __table_args__ = (PrimaryKeyConstraint(*CELL_COLUMNS),)

    postings: Mapped[int] = mapped_column(BigInteger)


class MarketSkill(_Cell, Base):
    """Per cell and skill: postings mentioning the skill, of which those requiring it (some
    mention required) and those only preferring it (a mention preferred, none required)."""

    __tablename__ = "market_skill"
    __table_args__ = (PrimaryKeyConstraint(*CELL_COLUMNS, "skill"),)

    skill: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(30))
    postings: Mapped[int] = mapped_column(BigInteger)
    required: Mapped[int] = mapped_column(BigInteger)
    preferred: Mapped[int] = mapped_column(BigInteger)


class MarketSalary(_Cell, Base):
    """Per cell, experience band and language ("" for every posting, whatever its
    languages): how many postings state each salary. ``salary2`` is twice the posting's salary
    (the sum of its annual JPY minimum and maximum, or twice its one bound), an integer
    whatever the midpoint."""

    __tablename__ = "market_salary"
    __table_args__ = (PrimaryKeyConstraint(*CELL_COLUMNS, "band", "language", "salary2"),)

    band: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(120))
    salary2: Mapped[int] = mapped_column(BigInteger)
    postings: Mapped[int] = mapped_column(BigInteger)


class MarketSkillTotal(Base):
    """MarketSkill summed over every cell: what the whole market's figures read, so that
    they cost as many rows as there are skills however many cells the postings fill."""

    __tablename__ = "market_skill_total"

    skill: Mapped[str] = mapped_column(String(120), primary_key=True)
    category: Mapped[str] = mapped_column(String(30))
    postings: Mapped[int] = mapped_column(BigInteger)
    required: Mapped[int] = mapped_column(BigInteger)
    preferred: Mapped[int] = mapped_column(BigInteger)


class MarketSalaryTotal(Base):
    """MarketSalary summed over every cell (the whole market's salary figures)."""

    __tablename__ = "market_salary_total"
    __table_args__ = (PrimaryKeyConstraint("band", "language", "salary2"),)

    band: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(120))
    salary2: Mapped[int] = mapped_column(BigInteger)
    postings: Mapped[int] = mapped_column(BigInteger)


class MarketState(Base):
    """One row: whether the rollup holds every posting (``complete``). A database migrated
    with postings in it starts incomplete until ``kyujin analytics rebuild``; figures are
    computed from the postings themselves meanwhile."""

    __tablename__ = "market_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complete: Mapped[bool] = mapped_column(Boolean)
