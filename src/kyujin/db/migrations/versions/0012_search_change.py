"""search_change: the postings changed since the search index last read them

An outbox written in the same transaction as the postings (by MarketChanges.finish, which
every posting write goes through) and numbered in commit order; the search index
(kyujin.postings.search_index) applies the rows after the last one it applied.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_change",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "posting_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_search_change")),
    )


def downgrade() -> None:
    op.drop_table("search_change")
