"""Import rate (issue 4): generated postings through the real import job, beside extraction alone.

- Input: ``kyujin.synthetic.lines(N, seed)`` (default 20,000 postings, seed 4) in a JSON Lines
  file, as ``kyujin generate`` writes it.
- Timed: ``kyujin.imports.jobs.run_import`` over a job made with
  ``kyujin.imports.service.create_job``, the path a POST /v1/imports worker takes: read and
  validate each record, extract skills and facts, link companies, write posting and
  posting_skill rows and the search index (FTS5 on SQLite, tsvector on PostgreSQL), commit per
  batch (500 records). Into a fresh, migrated, empty database on each backend: PostgreSQL (the
  bench cluster: fsync and synchronous_commit on) and a SQLite file (WAL). Migrating and
  creating the job are not timed. The CPU time of this process is printed beside the wall
  time (the database server's is not in it).
- Baseline, same run: extraction alone, ``default_extractor().extract(description,
  title=title)`` over the same records in this process (one core), the extractor built
  first (not timed); once before the imports and once after, the better one kept. The ratio
  import / extraction shows what parsing, storing and indexing add to extraction.
- ``--option NAME=VALUE`` passes a keyword argument to run_import (an integer if it reads as
  one), e.g. batch_size=1000, or a worker count should run_import grow one.

Usage (from the repo root): ``python -m bench.import_rate [--postings N] [--seed S]
[--backend {sqlite,postgresql} ...] [--option NAME=VALUE ...] [--json P]``
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from bench import pg, scale_data
from bench.common import BENCH_DIR, machine, machine_line, met

RATE_TARGET = 2_000  # postings/s into PostgreSQL on this machine (issue 4)


def extraction_rate(path: Path) -> tuple[float, int]:
    """Postings per second of full extraction over the file's records, one process."""
    from kyujin.core.extract import default_extractor

    extractor = default_extractor()
    records = []
    with path.open("rb") as lines:
        for line in lines:
            record = json.loads(line)
            records.append((record["description"], record["title"]))
    started = time.perf_counter()
    for description, title in records:
        extractor.extract(description, title=title)
    return len(records) / (time.perf_counter() - started), len(records)


def fresh_database(backend: str, admin_url: str | None, postings: int) -> str:
    from kyujin.db.migrate import upgrade

    if backend == "sqlite":
        path = BENCH_DIR / f"import-{postings}.db"
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        assert admin_url is not None
        url = pg.create_pg_database(admin_url, f"kyujin_import_{postings}", drop=True)
    upgrade(url)
    return url


def drop_database(backend: str, url: str, admin_url: str | None) -> None:
    if backend == "sqlite":
        path = Path(url.split(":///", 1)[1])
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        return
    assert admin_url is not None
    from sqlalchemy.engine import make_url

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        engine.dispose()


def parse_options(values: Sequence[str]) -> dict[str, Any]:
    from kyujin.imports import jobs

    accepted = inspect.signature(jobs.run_import).parameters
    options: dict[str, Any] = {}
    for item in values:
        name, sep, raw = item.partition("=")
        if not sep or name not in accepted:
            raise SystemExit(f"--option {item!r}: run_import takes {', '.join(accepted)}")
        try:
            options[name] = int(raw)
        except ValueError:
            options[name] = raw
    return options


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.import_rate",
        description="Postings/s through imports.jobs.run_import, beside extraction alone.",
    )
    parser.add_argument("--postings", type=int, default=20_000, help="postings to import")
    parser.add_argument("--seed", type=int, default=scale_data.DEFAULT_SEED)
    parser.add_argument(
        "--backend", choices=scale_data.BACKENDS, nargs="+", default=["postgresql", "sqlite"]
    )
    parser.add_argument(
        "--option", action="append", default=[], metavar="NAME=VALUE", help="for run_import"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases imported into")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if args.postings < 1:
        parser.error("--postings must be >= 1")
    options = parse_options(args.option)

    host = machine()
    print(machine_line(host))
    source = BENCH_DIR / f"synthetic-{args.postings}-seed{args.seed}.jsonl"
    size = scale_data.write_synthetic(source, args.postings, args.seed)
    print(
        f"input: {args.postings:,} postings from kyujin.synthetic.lines({args.postings}, "
        f"{args.seed}), {size / 1e6:.1f} MB, {size / args.postings / 1024:.1f} KB each"
    )
    extract_rounds = [extraction_rate(source)[0]]
    print(f"  extraction alone (1 process): {extract_rounds[-1]:,.0f} postings/s")
    imports: dict[str, dict[str, Any]] = {}
    with contextlib.ExitStack() as stack:
        admin = stack.enter_context(pg.postgres()) if "postgresql" in args.backend else None
        for backend in args.backend:
            url = fresh_database(backend, admin, args.postings)
            before = os.times()
            result = scale_data.import_file(url, source, **options)
            after = os.times()
            cpu = (after.user - before.user) + (after.system - before.system)
            result["cpu_s"] = cpu
            result["rate"] = result["created"] / result["seconds"]
            imports[backend] = result
            print(
                f"  import into {backend}: {result['created']:,} created in "
                f"{result['seconds']:.1f} s = {result['rate']:,.0f} postings/s "
                f"(this process: {cpu:.1f} s CPU, {cpu / result['seconds']:.0%} of one core); "
                f"rejected {result['rejected']}"
            )
            if result["created"] != args.postings:
                raise SystemExit(f"{backend}: {result['created']} created, not {args.postings}")
            if not args.keep:
                drop_database(backend, url, admin)
    extract_rounds.append(extraction_rate(source)[0])
    print(f"  extraction alone (1 process): {extract_rounds[-1]:,.0f} postings/s")
    extract = max(extract_rounds)
    options_text = f", run_import options {options}" if options else ""
    for backend, result in imports.items():
        line = (
            f"import {args.postings:,} postings into {backend}{options_text}: "
            f"{result['rate']:,.0f} postings/s | extraction alone: {extract:,.0f}/s | "
            f"import / extraction: {result['rate'] / extract:.2f}"
        )
        if backend == "postgresql":
            line += f" | target >= {RATE_TARGET:,}/s: {met(result['rate'] >= RATE_TARGET)}"
        print(line)
    if args.json:
        payload = {
            "machine": host,
            "postings": args.postings,
            "seed": args.seed,
            "input_bytes": size,
            "run_import_options": options,
            "extraction_per_s": [round(r, 1) for r in extract_rounds],
            "imports": {
                b: {k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()}
                for b, r in imports.items()
            },
            "target_postgresql_per_s": RATE_TARGET,
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
