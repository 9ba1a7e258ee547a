"""market_skill_total, market_salary_total: the market rollup summed over every cell

The whole market's figures read these instead of summing every cell's rows (at 1,000,000
postings spread over 16,000 cells, 3.6 million skill rows). They are filled from the cell
tables, whose sums they are, so a complete rollup stays complete.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "market_skill_total",
        sa.Column("skill", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("postings", sa.BigInteger(), nullable=False),
        sa.Column("required", sa.BigInteger(), nullable=False),
        sa.Column("preferred", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("skill", name=op.f("pk_market_skill_total")),
    )
    op.create_table(
        "market_salary_total",
        sa.Column("band", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=120), nullable=False),
        sa.Column("salary2", sa.BigInteger(), nullable=False),
        sa.Column("postings", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("band", "language", "salary2", name=op.f("pk_market_salary_total")),
    )
    op.execute(
        "INSERT INTO market_skill_total (skill, category, postings, required, preferred) "
        "SELECT skill, min(category), sum(postings), sum(required), sum(preferred) "
        "FROM market_skill GROUP BY skill HAVING sum(postings) <> 0"
    )
    op.execute(
        "INSERT INTO market_salary_total (band, language, salary2, postings) "
        "SELECT band, language, salary2, sum(postings) FROM market_salary "
        "GROUP BY band, language, salary2 HAVING sum(postings) <> 0"
    )


def downgrade() -> None:
    op.drop_table("market_salary_total")
    op.drop_table("market_skill_total")
