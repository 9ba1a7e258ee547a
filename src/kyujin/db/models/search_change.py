"""The postings changed since the search index last read them (an outbox, in order)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer
from sqlalchemy.orm import Mapped, mapped_column

from kyujin.db.base import Base

Seq = BigInteger().with_variant(Integer, "sqlite")


class SearchChange(Base):
    """One row per posting a committed write created or changed, numbered in commit order
    (see ``kyujin.analytics.market.MarketChanges.finish``): the search index applies the
    rows after the last number it has applied."""

    __tablename__ = "search_change"

    seq: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=True)
    posting_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))


class SearchChangeMark(Base):
    """One row (id 1): the last outbox number pruned. An index that applied less than this
    missed changes and must be rebuilt."""

    __tablename__ = "search_change_mark"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    pruned_through: Mapped[int] = mapped_column(Seq)
