"""64-bit ids on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = [("posting", "id"), ("posting_skill", "id"), ("posting_skill", "posting_id")]


def upgrade() -> None:
    # SQLite's INTEGER PRIMARY KEY is already 64-bit; only PostgreSQL needs widening.
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in _COLUMNS:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in reversed(_COLUMNS):
        op.alter_column(table, column, type_=sa.Integer(), existing_nullable=False)
