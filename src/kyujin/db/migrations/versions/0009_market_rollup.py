"""market_postings, market_skill, market_salary, market_state: the market rollup

A database that already holds postings starts with an empty rollup marked incomplete
(market_state.complete false): market figures are computed from the postings until
``kyujin analytics rebuild`` fills it. An empty database starts complete, and every posting
written from then on is counted as it is written.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

CELL = (
    ("industry", 20),
    ("size_band", 10),
    ("foreign_affiliated", 5),
    ("remote", 10),
    ("japanese_level", 10),
    ("employment_type", 20),
)


def _cell() -> list[sa.Column[str]]:
    return [sa.Column(name, sa.String(length=size), nullable=False) for name, size in CELL]


def upgrade() -> None:
    names = [name for name, _ in CELL]
    op.create_table(
        "market_postings",
        *_cell(),
        sa.Column("postings", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*names, name=op.f("pk_market_postings")),
    )
    op.create_table(
        "market_skill",
        *_cell(),
        sa.Column("skill", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("postings", sa.BigInteger(), nullable=False),
        sa.Column("required", sa.BigInteger(), nullable=False),
        sa.Column("preferred", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*names, "skill", name=op.f("pk_market_skill")),
    )
    op.create_table(
        "market_salary",
        *_cell(),
        sa.Column("band", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=120), nullable=False),
        sa.Column("salary2", sa.BigInteger(), nullable=False),
        sa.Column("postings", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            *names, "band", "language", "salary2", name=op.f("pk_market_salary")
        ),
    )
    state = op.create_table(
        "market_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_market_state")),
    )
    empty = op.get_bind().execute(sa.text("SELECT NOT EXISTS (SELECT 1 FROM posting)")).scalar()
    op.bulk_insert(state, [{"id": 1, "complete": bool(empty)}])


def downgrade() -> None:
    for table in ("market_state", "market_salary", "market_skill", "market_postings"):
        op.drop_table(table)
