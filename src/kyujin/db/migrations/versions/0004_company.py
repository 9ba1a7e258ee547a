"""company table; posting.company_id, description_html, valid_through, stated

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "company",
        sa.Column("id", id_type, nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("size_band", sa.String(length=10), nullable=True),
        sa.Column("industry", sa.String(length=20), nullable=True),
        sa.Column("foreign_affiliated", sa.Boolean(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
        sa.UniqueConstraint("name_key", name=op.f("uq_company_name_key")),
    )
    op.create_index(op.f("ix_company_size_band"), "company", ["size_band"])
    op.create_index(op.f("ix_company_industry"), "company", ["industry"])
    with op.batch_alter_table("posting") as batch:
        batch.add_column(sa.Column("company_id", id_type, nullable=True))
        batch.add_column(sa.Column("description_html", sa.Text(), nullable=True))
        batch.add_column(sa.Column("valid_through", sa.Date(), nullable=True))
        batch.add_column(sa.Column("stated", sa.JSON(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_posting_company_id_company"),
            "company",
            ["company_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_posting_company_id"), ["company_id"])


def downgrade() -> None:
    with op.batch_alter_table("posting") as batch:
        batch.drop_index(op.f("ix_posting_company_id"))
        batch.drop_constraint(op.f("fk_posting_company_id_company"), type_="foreignkey")
        batch.drop_column("stated")
        batch.drop_column("valid_through")
        batch.drop_column("description_html")
        batch.drop_column("company_id")
    op.drop_index(op.f("ix_company_industry"), table_name="company")
    op.drop_index(op.f("ix_company_size_band"), table_name="company")
    op.drop_table("company")
