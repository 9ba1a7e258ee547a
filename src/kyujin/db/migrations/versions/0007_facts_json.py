"""posting.facts_json: the facts as the API shows them, rendered when they are computed

Postings extracted before this revision keep NULL here; reading one renders its facts from
the skill rows as before (``kyujin reextract --force`` fills the column).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posting") as batch:
        batch.add_column(sa.Column("facts_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("posting") as batch:
        batch.drop_column("facts_json")
