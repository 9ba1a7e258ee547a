"""search_documents_v3: stored search documents rewritten with their CJK run ends

``kyujin.core.search_text.document`` now also indexes the last character of each kanji/kana
run (a lone character, a prefix, missed it: q=円 did not find 600万円). The documents stored
before this revision are rewritten here, so search finds the same in old and new rows:
PostgreSQL's ``search_vector``, SQLite's ``posting_fts``. In batches by id, so memory stays
flat over a million postings; the search index (Tantivy) is rebuilt by ``kyujin index
rebuild``, its layout having changed with DOCUMENT_VERSION.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kyujin.core.search_text import document

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

BATCH = 2_000
FTS_TABLE = "posting_fts"


def upgrade() -> None:
    rewrite_documents(op.get_bind())


def downgrade() -> None:
    # Nothing to undo: the older code reads these documents as it read its own. They hold
    # every token it wrote, at the same positions, and the run ends come after a separator
    # that no query asks for, so no phrase of the older code reaches them.
    pass


def rewrite_documents(bind: sa.Connection) -> None:
    posting = sa.table(
        "posting",
        sa.column("id", sa.BigInteger()),
        sa.column("title", sa.Text()),
        sa.column("company_name", sa.Text()),
        sa.column("description", sa.Text()),
    )
    if bind.dialect.name == "postgresql":
        write = sa.text(
            "UPDATE posting SET search_vector = to_tsvector('simple', :doc) WHERE id = :id"
        )
    else:
        write = sa.text(f"UPDATE {FTS_TABLE} SET doc = :doc WHERE rowid = :id")
    after = 0
    while True:
        rows = bind.execute(
            sa.select(posting).where(posting.c.id > after).order_by(posting.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            write,
            [
                {"id": row.id, "doc": document(row.title, row.company_name, row.description)}
                for row in rows
            ],
        )
        after = rows[-1].id
