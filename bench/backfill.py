"""Bring a benchmark database made by an older kyujin up to date without rebuilding it.

posting.facts_json (migration 0007) holds each posting's facts as the API renders them; a
database prepared before it has NULL there, and GET /v1/postings/{id} would take its slower
fallback path. Rebuilding 1,000,000 postings takes ~20 minutes; filling the column takes the
base postings' rendering plus one SQL copy per replica.
"""

from __future__ import annotations

import time

from sqlalchemy import create_engine, text

from bench.pg import Log


def backfill_facts_json(url: str, base: int, log: Log = print) -> float:
    """Fill posting.facts_json (migration 0007) in a database made before it: the base
    postings rendered from their rows, as kyujin renders them, and each replica copied from
    its base posting in SQL (replica id = base id + k * base). Returns the seconds taken."""
    from sqlalchemy import select, update
    from sqlalchemy.orm import Session, selectinload

    from kyujin.db.models import Posting
    from kyujin.postings.representation import facts_out

    started = time.perf_counter()
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            done = 0
            while True:
                rows = session.scalars(
                    select(Posting)
                    .where(Posting.id <= base, Posting.facts_json.is_(None))
                    .where(Posting.facts_version.is_not(None))
                    .options(selectinload(Posting.skills))
                    .order_by(Posting.id)
                    .limit(1_000)
                ).all()
                if not rows:
                    break
                for posting in rows:
                    facts = facts_out(posting)
                    assert facts is not None
                    session.execute(
                        update(Posting)
                        .where(Posting.id == posting.id)
                        .values(facts_json=facts.model_dump_json())
                        .execution_options(synchronize_session=False)
                    )
                session.commit()
                session.expunge_all()
                done += len(rows)
            log(f"  facts_json: {done:,} base postings rendered")
        with engine.connect() as conn:
            max_id = int(conn.scalar(text("SELECT coalesce(max(id), 0) FROM posting")) or 0)
        step = 100_000
        for low in range(base, max_id, step):
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE posting SET facts_json = (SELECT b.facts_json FROM posting b "
                        "WHERE b.id = ((posting.id - 1) % :base) + 1) "
                        "WHERE id > :low AND id <= :high AND facts_json IS NULL"
                    ),
                    {"base": base, "low": low, "high": low + step},
                )
            log(f"  facts_json: replicas up to id {min(low + step, max_id):,}")
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE posting")
    finally:
        engine.dispose()
    return time.perf_counter() - started


def lacks_facts_json(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            missing = conn.scalar(
                text(
                    "SELECT 1 FROM posting WHERE facts_json IS NULL "
                    "AND facts_version IS NOT NULL LIMIT 1"
                )
            )
            return missing is not None
    finally:
        engine.dispose()
