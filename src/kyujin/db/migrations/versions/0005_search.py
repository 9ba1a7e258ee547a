"""search: listed_on, salary_sort, skill_list, search_vector (PostgreSQL), posting_fts (SQLite)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from kyujin.core.search_text import document

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The FTS5 table of the SQLite backend; the tokens of kyujin.core.search_text are letters and
# digits only, so unicode61 splits them exactly as they were written.
FTS_TABLE = "posting_fts"
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(doc, tokenize = 'unicode61', detail = full)"
)


def upgrade() -> None:
    bind = op.get_bind()
    is_pg = bind.dialect.name == "postgresql"
    with op.batch_alter_table("posting") as batch:
        batch.add_column(sa.Column("listed_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("salary_sort", sa.BigInteger(), server_default=sa.text("-1"), nullable=False)
        )
        batch.add_column(sa.Column("skill_list", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column(
                "search_vector",
                sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql"),
                nullable=True,
            )
        )
    if not is_pg:
        op.execute(CREATE_FTS)
    _fill(bind, is_pg)
    with op.batch_alter_table("posting") as batch:
        batch.alter_column("listed_on", existing_type=sa.Date(), nullable=False)
        batch.create_index("ix_posting_listed_on_id", ["listed_on", "id"])
        batch.create_index("ix_posting_salary_sort_id", ["salary_sort", "id"])
        batch.create_index("ix_posting_search_vector", ["search_vector"], postgresql_using="gin")


def _fill(bind: sa.Connection, is_pg: bool) -> None:
    """Search fields for postings stored before this revision."""
    posting = sa.table(
        "posting",
        sa.column("id", sa.Integer()),
        sa.column("title", sa.Text()),
        sa.column("company_name", sa.Text()),
        sa.column("description", sa.Text()),
        sa.column("posted_on", sa.Date()),
        sa.column("created_at", sa.DateTime()),
        sa.column("salary_annual_min_jpy", sa.BigInteger()),
        sa.column("salary_annual_max_jpy", sa.BigInteger()),
    )
    skills: dict[int, set[str]] = {}
    for posting_id, skill in bind.execute(sa.text("SELECT posting_id, skill FROM posting_skill")):
        skills.setdefault(posting_id, set()).add(skill)
    rows = bind.execute(sa.select(posting)).all()
    for row in rows:
        doc = document(row.title, row.company_name, row.description)
        listed = row.posted_on or row.created_at.date()
        salary = row.salary_annual_max_jpy or row.salary_annual_min_jpy or -1
        values = {
            "id": row.id,
            "listed": listed,
            "salary": salary,
            "skills": "\t".join(sorted(skills.get(row.id, ()))) or None,
            "doc": doc,
        }
        if is_pg:
            bind.execute(
                sa.text(
                    "UPDATE posting SET listed_on = :listed, salary_sort = :salary, "
                    "skill_list = :skills, search_vector = to_tsvector('simple', :doc) "
                    "WHERE id = :id"
                ),
                values,
            )
        else:
            bind.execute(
                sa.text(
                    "UPDATE posting SET listed_on = :listed, salary_sort = :salary, "
                    "skill_list = :skills WHERE id = :id"
                ),
                values,
            )
            bind.execute(
                sa.text(f"INSERT INTO {FTS_TABLE} (rowid, doc) VALUES (:id, :doc)"), values
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    with op.batch_alter_table("posting") as batch:
        batch.drop_index("ix_posting_search_vector")
        batch.drop_index("ix_posting_salary_sort_id")
        batch.drop_index("ix_posting_listed_on_id")
        batch.drop_column("search_vector")
        batch.drop_column("skill_list")
        batch.drop_column("salary_sort")
        batch.drop_column("listed_on")
