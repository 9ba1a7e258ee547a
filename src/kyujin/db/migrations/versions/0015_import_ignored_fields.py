"""import_ignored_fields: the record fields an import left out, with their counts

A JSON Lines record's fields that no posting field takes were dropped without a word (a
misspelt "salary_mn" lost its values and the job reported success). The job now counts
them, per field name, committed with each batch.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_job") as batch:
        batch.add_column(sa.Column("ignored_fields", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("import_job") as batch:
        batch.drop_column("ignored_fields")
