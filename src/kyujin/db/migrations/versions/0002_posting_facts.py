"""extracted facts on posting, posting_skill table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fact_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("facts_version", sa.String(length=40), nullable=True),
        sa.Column("salary_currency", sa.String(length=3), nullable=True),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_period", sa.String(length=10), nullable=True),
        sa.Column("salary_annual_min_jpy", sa.BigInteger(), nullable=True),
        sa.Column("salary_annual_max_jpy", sa.BigInteger(), nullable=True),
        sa.Column("japanese_level", sa.String(length=10), nullable=True),
        sa.Column("english_level", sa.String(length=20), nullable=True),
        sa.Column("remote", sa.String(length=10), nullable=True),
        sa.Column("visa_sponsorship", sa.Boolean(), nullable=True),
        sa.Column("employment_type", sa.String(length=20), nullable=True),
        sa.Column("min_years_experience", sa.SmallInteger(), nullable=True),
        sa.Column("prefecture", sa.String(length=30), nullable=True),
        sa.Column("city", sa.String(length=50), nullable=True),
        sa.Column("fact_spans", sa.JSON(), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("posting") as batch:
        for column in _fact_columns():
            batch.add_column(column)
        batch.create_index("ix_posting_facts_version", ["facts_version"])
    op.create_table(
        "posting_skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("skill", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("requirement", sa.String(length=10), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("surface", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["posting.id"],
            name=op.f("fk_posting_skill_posting_id_posting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_skill")),
    )
    op.create_index("ix_posting_skill_posting_id", "posting_skill", ["posting_id"])
    op.create_index("ix_posting_skill_skill_posting", "posting_skill", ["skill", "posting_id"])


def downgrade() -> None:
    op.drop_index("ix_posting_skill_skill_posting", table_name="posting_skill")
    op.drop_index("ix_posting_skill_posting_id", table_name="posting_skill")
    op.drop_table("posting_skill")
    with op.batch_alter_table("posting") as batch:
        batch.drop_index("ix_posting_facts_version")
        for column in reversed(_fact_columns()):
            batch.drop_column(column.name)
