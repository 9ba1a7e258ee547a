"""Benchmark databases of N synthetic postings on SQLite or PostgreSQL (issue 4), kept between runs.

What a prepared database holds:

- base: B postings (default 20,000, or N when smaller), ``kyujin.synthetic.lines(B, seed)``
  written to a file and imported through the real import path: a job made with
  ``kyujin.imports.service.create_job`` and run by ``kyujin.imports.jobs.run_import`` (parsing,
  extraction of skills and facts, companies, search index), as ``POST /v1/imports`` runs it.
- replicas: the other N - B postings are COPIES of base rows, made in SQL, because the
  extractor reads ~500 postings/s per core and 1,000,000 postings would take hours. Round k
  copies the base postings with id + k*max_id, external_id + "~r<k>", posted_on and listed_on
  moved (37*k mod 730) days earlier, their posting_skill rows, and their search document
  (SQLite: the posting_fts row; PostgreSQL: search_vector); the last round copies only as many
  as are needed. A replica has its base posting's text and facts, so a term that m base
  postings hold is held by about m*N/B postings.
- The secondary indexes of posting and posting_skill are dropped before copying and built
  again after, from the definitions the migrations made (read back from the database).
  PostgreSQL is then VACUUM ANALYZEd (autovacuum would do the same on a live database);
  SQLite is left unanalyzed, as kyujin never runs ANALYZE on it.
- Reuse: a database counts as prepared when its manifest (postings, base, seed) matches and it
  holds that many postings; anything else is built again from nothing. SQLite:
  var/bench/sqlite-<N>.db, manifest beside it (.json). PostgreSQL: database kyujin_bench_<N>,
  manifest in its COMMENT.

PostgreSQL runs in a cluster of the bench's own, var/bench/pg (initdb on first use, kept
between runs, started on a free loopback port and stopped at exit; as root its commands run as
the postgres user, like tests/support/servers.py), with durable settings (fsync on), 2 GB of
shared_buffers and 1 GB of maintenance_work_mem. Or set KYUJIN_BENCH_PG_URL to the URL of a
database on an existing server from which the bench may CREATE DATABASE.

Usage (from the repo root):
``python -m bench.scale_data --backend {sqlite,postgresql} --postings N [--base B] [--seed S]
[--rebuild]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from bench.backfill import backfill_facts_json, lacks_facts_json
from bench.common import BENCH_DIR, machine, machine_line
from bench.pg import Log, create_pg_database, postgres

DEFAULT_BASE = 20_000
DEFAULT_SEED = 4  # issue 4
SHIFT_STEP_DAYS = 37  # coprime with 730, so rounds 1..729 get distinct date shifts
SHIFT_SPAN_DAYS = 730  # the synthetic postings' date range
BACKENDS = ("sqlite", "postgresql")
# The columns a replica changes; every other column is copied as it is.
_CHANGED = {"id", "external_id", "posted_on", "listed_on"}


def settings_for(url: str, **overrides: Any) -> Any:
    from kyujin.settings import Settings

    values: dict[str, Any] = {
        "database_url": url,
        "log_level": "WARNING",
        "embedded_worker": False,
        "queue_path": BENCH_DIR / "queue.db",
        "import_dir": BENCH_DIR / "imports",
    }
    values.update(overrides)
    return Settings(**values)


def bench_engine(url: str) -> Engine:
    """An engine made the way the app makes it (pragmas on SQLite, pool on PostgreSQL)."""
    from kyujin.db.engine import make_engine

    return make_engine(settings_for(url))


# --- the base set: the real import path -------------------------------------------------------


def write_synthetic(path: Path, count: int, seed: int) -> int:
    """``kyujin.synthetic.lines(count, seed)`` into ``path``; its size in bytes."""
    from kyujin.synthetic import lines

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for line in lines(count, seed):
            out.write(line)
    return path.stat().st_size


def import_file(url: str, path: Path, **options: Any) -> dict[str, Any]:
    """Import a JSON Lines file through ``imports.jobs.run_import`` (a job created first, as
    POST /v1/imports does; ``options`` go to run_import); the job's counts and the run's wall
    time (job creation excluded)."""
    from kyujin.db.engine import make_session_factory, transaction
    from kyujin.imports import jobs, service
    from kyujin.logs import configure_logging
    from kyujin.synthetic import SOURCE

    settings = settings_for(url)
    configure_logging(settings)
    engine = bench_engine(url)
    factory = make_session_factory(engine)
    try:
        with transaction(factory, write=True) as session:
            job = service.create_job(
                session,
                file_path=str(path),
                format="jsonl",
                source=SOURCE,
                file_name=path.name,
                file_bytes=path.stat().st_size,
            )
            job_id = job.id
        started = time.perf_counter()
        progress = jobs.run_import(factory, job_id, **{"lease_s": 3600.0, **options})
        seconds = time.perf_counter() - started
    finally:
        engine.dispose()
    return {
        "records": progress.records_read,
        "created": progress.created,
        "updated": progress.updated,
        "unchanged": progress.unchanged,
        "rejected": progress.rejected,
        "seconds": seconds,
    }


# --- replicas: copies in SQL -----------------------------------------------------------------


def _columns(conn: Any, table: str) -> list[str]:
    from sqlalchemy import inspect

    return [c["name"] for c in inspect(conn).get_columns(table)]


def _secondary_indexes(conn: Any, is_pg: bool) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the indexes on posting and posting_skill that no
    constraint owns; dropping them makes the copies several times faster to write."""
    if is_pg:
        rows = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = current_schema() "
                "AND tablename IN ('posting', 'posting_skill') "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint "
                "WHERE conrelid IN ('posting'::regclass, 'posting_skill'::regclass))"
            )
        )
    else:
        rows = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name IN ('posting', 'posting_skill') AND sql IS NOT NULL"
            )
        )
    return [(str(r[0]), str(r[1])) for r in rows]


def replicate(engine: Engine, target: int, log: Log = print) -> dict[str, float]:
    """Copy the base postings (every posting present) in rounds until there are ``target``."""
    is_pg = engine.dialect.name == "postgresql"
    timings: dict[str, float] = {}
    with engine.connect() as conn:
        base_ids = [int(i) for i in conn.scalars(text("SELECT id FROM posting ORDER BY id"))]
        posting_cols = _columns(conn, "posting")
        skill_cols = [c for c in _columns(conn, "posting_skill") if c not in ("id", "posting_id")]
        conn.rollback()
    if len(base_ids) >= target:
        return timings
    step = base_ids[-1]
    kept = [c for c in posting_cols if c not in _CHANGED]
    moved = "{col} - CAST(:days AS integer)" if is_pg else "date({col}, '-' || :days || ' days')"
    insert_posting = text(
        f"INSERT INTO posting (id, external_id, posted_on, listed_on, {', '.join(kept)}) "
        f"SELECT id + :offset, external_id || :suffix, {moved.format(col='posted_on')}, "
        f"{moved.format(col='listed_on')}, {', '.join(kept)} FROM posting WHERE id <= :last"
    )
    insert_skills = text(
        f"INSERT INTO posting_skill (posting_id, {', '.join(skill_cols)}) "
        f"SELECT posting_id + :offset, {', '.join(skill_cols)} FROM posting_skill "
        "WHERE posting_id <= :last"
    )
    insert_fts = text(
        "INSERT INTO posting_fts (rowid, doc) SELECT rowid + :offset, doc FROM posting_fts "
        "WHERE rowid <= :last"
    )

    started = time.perf_counter()
    with engine.begin() as conn:
        indexes = _secondary_indexes(conn, is_pg)
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    log(f"  dropped {len(indexes)} secondary indexes: {', '.join(n for n, _ in indexes)}")

    have, round_no = len(base_ids), 0
    while have < target:
        round_no += 1
        count = min(len(base_ids), target - have)
        params = {
            "offset": round_no * step,
            "suffix": f"~r{round_no}",
            "days": (SHIFT_STEP_DAYS * round_no) % SHIFT_SPAN_DAYS,
            "last": base_ids[count - 1],
        }
        with engine.begin() as conn:
            conn.execute(insert_posting, params)
            conn.execute(insert_skills, params)
            if not is_pg:
                conn.execute(insert_fts, params)
        have += count
        copied = have - len(base_ids)
        rate = copied / (time.perf_counter() - started)
        log(f"  round {round_no}: {have:,} postings ({rate:,.0f} copied/s so far)")
    timings["copy_s"] = time.perf_counter() - started

    started = time.perf_counter()
    with engine.begin() as conn:
        for name, statement in indexes:
            one = time.perf_counter()
            conn.exec_driver_sql(statement)
            log(f"  index {name}: {time.perf_counter() - one:.1f} s")
        if is_pg:
            for table in ("posting", "posting_skill"):
                conn.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    ),
                    {"t": table},
                )
    timings["index_s"] = time.perf_counter() - started
    if is_pg:
        started = time.perf_counter()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE posting")
            conn.exec_driver_sql("VACUUM ANALYZE posting_skill")
            conn.exec_driver_sql("VACUUM ANALYZE company")
        timings["vacuum_analyze_s"] = time.perf_counter() - started
    return timings


# --- prepare, reuse --------------------------------------------------------------------------


@dataclass
class Prepared:
    backend: str
    url: str
    postings: int
    base: int
    seed: int
    max_id: int
    reused: bool
    manifest: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        replicas = self.postings - self.base
        return (
            f"{self.backend} database: {self.postings:,} postings = {self.base:,} imported "
            f"(kyujin.synthetic seed {self.seed}, through imports.jobs.run_import) + "
            f"{replicas:,} SQL replicas of them; ids 1..{self.max_id:,}"
            + (" (reused)" if self.reused else "")
        )


def _count(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT count(*), coalesce(max(id), 0) FROM posting")).one()
            return int(row[0]), int(row[1])
    finally:
        engine.dispose()


def _read_manifest(backend: str, url: str, sidecar: Path | None) -> dict[str, Any] | None:
    try:
        if backend == "sqlite":
            assert sidecar is not None
            return dict(json.loads(sidecar.read_text())) if sidecar.exists() else None
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                raw = conn.scalar(
                    text(
                        "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                        "WHERE datname = current_database()"
                    )
                )
        finally:
            engine.dispose()
        return dict(json.loads(raw)) if raw else None
    except (OSError, ValueError):
        return None


def _write_manifest(backend: str, url: str, sidecar: Path | None, manifest: dict[str, Any]) -> None:
    body = json.dumps(manifest, ensure_ascii=False)
    if backend == "sqlite":
        assert sidecar is not None
        sidecar.write_text(body + "\n")
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            name = make_url(url).database
            literal = body.replace("'", "''")
            conn.exec_driver_sql(f"COMMENT ON DATABASE \"{name}\" IS '{literal}'")
    finally:
        engine.dispose()


def prepare(
    backend: str,
    postings: int,
    *,
    base: int = DEFAULT_BASE,
    seed: int = DEFAULT_SEED,
    pg_admin_url: str | None = None,
    name: str | None = None,
    rebuild: bool = False,
    log: Log = print,
) -> Prepared:
    """A database of ``postings`` postings on ``backend`` (see the module docstring)."""
    from kyujin.db.migrate import upgrade
    from kyujin.extraction.service import facts_version

    base = min(base, postings)
    wanted = {"postings": postings, "base": base, "seed": seed}
    sidecar: Path | None = None
    if backend == "sqlite":
        path = BENCH_DIR / f"{name or f'sqlite-{postings}'}.db"
        sidecar = path.with_suffix(".json")
        url = f"sqlite:///{path}"
    else:
        if pg_admin_url is None:
            raise ValueError("PostgreSQL needs pg_admin_url (see postgres())")
        url = create_pg_database(pg_admin_url, name or f"kyujin_bench_{postings}")

    manifest = None if rebuild else _read_manifest(backend, url, sidecar)
    if manifest and all(manifest.get(k) == v for k, v in wanted.items()):
        upgrade(url)  # a migration added since the database was made (a no-op otherwise)
        count, max_id = _count(url)
        if count == postings:
            if lacks_facts_json(url):
                log(f"{url}: made before posting.facts_json; filling it ...")
                seconds = backfill_facts_json(url, base, log)
                manifest["facts_json_backfill_s"] = round(seconds, 1)
                _write_manifest(backend, url, sidecar, manifest)
            seconds = rebuild_market_if_incomplete(url, log)
            if seconds is not None:
                manifest["market_rebuild_s"] = round(seconds, 1)
                _write_manifest(backend, url, sidecar, manifest)
            return Prepared(backend, url, postings, base, seed, max_id, True, manifest)
        log(f"{url}: {count:,} postings, not {postings:,}: building it again")

    # Build from nothing.
    if backend == "sqlite":
        assert sidecar is not None
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), sidecar):
            leftover.unlink(missing_ok=True)
    else:
        assert pg_admin_url is not None
        url = create_pg_database(pg_admin_url, make_url(url).database or "", drop=True)
    started = time.perf_counter()
    upgrade(url)
    source = BENCH_DIR / f"synthetic-{base}-seed{seed}.jsonl"
    file_bytes = write_synthetic(source, base, seed)
    log(
        f"{backend}: importing {base:,} synthetic postings (seed {seed}, "
        f"{file_bytes / 1e6:.1f} MB) through imports.jobs.run_import ..."
    )
    imported = import_file(url, source)
    log(
        f"  imported {imported['created']:,} in {imported['seconds']:.1f} s "
        f"({imported['created'] / imported['seconds']:,.0f} postings/s); "
        f"rejected {imported['rejected']}"
    )
    if imported["created"] != base:
        raise SystemExit(f"the import created {imported['created']} postings, not {base}")
    engine = bench_engine(url)
    try:
        log(f"{backend}: copying to {postings:,} postings ...")
        timings = replicate(engine, postings, log)
    finally:
        engine.dispose()
    count, max_id = _count(url)
    if count != postings:
        raise SystemExit(f"{url}: {count:,} postings after copying, not {postings:,}")
    # The replicas bypass the postings service, so the market rollup must count them again.
    market_s = rebuild_market(url, log)
    manifest = {
        **wanted,
        "facts_version": facts_version(),
        "import_s": round(imported["seconds"], 1),
        **{k: round(v, 1) for k, v in timings.items()},
        "market_rebuild_s": round(market_s, 1),
        "total_s": round(time.perf_counter() - started, 1),
        "prepared": machine()["date"],
    }
    _write_manifest(backend, url, sidecar, manifest)
    log(f"{backend}: prepared in {manifest['total_s']:,} s: {json.dumps(manifest)}")
    return Prepared(backend, url, postings, base, seed, max_id, False, manifest)


def rebuild_market(url: str, log: Log = print) -> float:
    """``kyujin analytics rebuild``: count every posting into the market rollup; seconds."""
    from kyujin.analytics import market
    from kyujin.db.engine import make_session_factory, transaction

    log(f"{url.rsplit('/', 1)[-1]}: counting the postings into the market rollup ...")
    engine = bench_engine(url)
    started = time.perf_counter()
    try:
        with transaction(make_session_factory(engine), write=True) as session:
            market.rebuild(session)
    finally:
        engine.dispose()
    seconds = time.perf_counter() - started
    log(f"  market rollup rebuilt in {seconds:.1f} s")
    return seconds


def rebuild_market_if_incomplete(url: str, log: Log = print) -> float | None:
    from kyujin.analytics import market_repository
    from kyujin.db.engine import make_session_factory, transaction

    engine = bench_engine(url)
    try:
        with transaction(make_session_factory(engine)) as session:
            complete = market_repository.is_complete(session)
    finally:
        engine.dispose()
    return None if complete else rebuild_market(url, log)


def database_bytes(prepared: Prepared) -> int:
    if prepared.backend == "sqlite":
        path = Path(prepared.url.split(":///", 1)[1])
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    engine = create_engine(prepared.url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale_data",
        description="Prepare (or check) a benchmark database of N synthetic postings.",
    )
    parser.add_argument("--backend", choices=BACKENDS, required=True)
    parser.add_argument("--postings", type=int, required=True, help="postings in the database")
    parser.add_argument("--base", type=int, default=DEFAULT_BASE, help="postings imported")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="synthetic seed")
    parser.add_argument("--name", help="database name (default sqlite-<N> / kyujin_bench_<N>)")
    parser.add_argument("--rebuild", action="store_true", help="build it again even if prepared")
    args = parser.parse_args(argv)
    if args.postings < 1 or args.base < 1:
        parser.error("--postings and --base must be >= 1")
    print(machine_line(machine()))
    with contextlib.ExitStack() as stack:
        admin = stack.enter_context(postgres()) if args.backend == "postgresql" else None
        prepared = prepare(
            args.backend,
            args.postings,
            base=args.base,
            seed=args.seed,
            pg_admin_url=admin,
            name=args.name,
            rebuild=args.rebuild,
        )
        print(prepared.describe())
        print(f"size: {database_bytes(prepared) / 1e9:.2f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
