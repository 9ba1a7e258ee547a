"""search_change_mark: how far the search index's outbox has been pruned

The outbox (search_change) keeps the newest changes only (``kyujin index prune``, and the
worker every hour); this one row records the last number removed, so that an index that
had not applied that far knows it missed changes and must be rebuilt.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_change_mark",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column(
            "pruned_through",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_change_mark")),
    )


def downgrade() -> None:
    op.drop_table("search_change_mark")
