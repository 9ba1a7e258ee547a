"""GET /v1/postings/{id} under load (issue 4): wrk against `kyujin serve` on a prepared database.

- Database: N postings prepared by bench.scale_data (B imported through the real import path,
  the rest SQL replicas of them), on SQLite or PostgreSQL.
- Server: ``kyujin serve --workers W`` (uvicorn; default W = 2, one per core) in a subprocess,
  configured as deployed except that the embedded queue worker is off
  (KYUJIN_EMBEDDED_WORKER=false: no import runs here); it logs at INFO, one access line per
  request, into a file. On PostgreSQL it connects through the bench cluster's Unix-domain
  socket, as a server on the database's own machine does (``--pg-tcp``: TCP on 127.0.0.1).
- Cache: first, what a posting read touches is read into the OS cache (PostgreSQL:
  pg_prewarm of the posting table, its TOAST and their indexes; SQLite: the file), as on a
  server that has been answering for a while; ``--cold`` skips it.
- Load: ``wrk -t2 -c64 -d20s --latency`` (threads, connections and seconds are options) with
  a Lua script that asks for a random id in 1..max id for every request (seeded per thread);
  the figures come from wrk's done() callback: requests/s, latency p50/p90/p99/p99.9/max,
  errors and non-2xx answers. wrk measures latency from each request's send, so waiting
  behind a slow answer on the same connection is not counted (coordinated omission): the
  percentiles are those of a closed loop of 64 connections.
- Baseline, same run and same server: GET /healthz (no database) under the same load, just
  before. The ratio shows what reading a posting costs over the framework's floor.
- The client shares the machine with the server: on 2 cores, wrk's threads take CPU the
  server would otherwise have. Every round is preceded by 5 s of the same load, not counted.
- CPU per request: the CPU time the server's processes (and the bench PostgreSQL's) spent
  during the measurement (/proc), divided by the requests served. It depends little on what
  else the machine runs, and cores / CPU per request bounds the requests/s without a client.

- ``--search``: then the search mix of bench.search_scale (the same 200 queries: full text
  and 2-3 filters with facets, common, rare and Japanese terms, and filters alone) as GET
  /v1/postings requests through the search index (built first if needed), each request a
  query drawn at random from the mix, at each of ``--search-connections`` (default 1 and 4:
  one query at a time, the latency of a query; and two in flight per worker, where queries
  share the 2 cores with each other and wrk). Every query of the mix is first asked once and
  must answer 200.

Usage (from the repo root): ``python -m bench.http_load --backend {sqlite,postgresql}
--postings N [--workers W ...] [--connections C] [--duration S] [--threads T] [--cold]
[--search] [--search-connections C ...] [--pg-tcp] [--json P]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from tests.support.servers import free_port

from bench import pg, scale_data, search_scale
from bench.common import BENCH_DIR, machine, machine_line, met, tree_cpu_seconds
from kyujin.postings.search_index import SearchIndex, database_identity

RPS_TARGET = 3_000
P99_TARGET_MS = 25.0
WARMUP_S = 5

# {path} is a Lua expression for the request's path.
LUA = """
local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end
function init(args)
  math.randomseed(4 + 7919 * index)
end
function request()
  return wrk.format("GET", {path})
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {{"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, ' ..
    '"read": %d, "write": %d, "status": %d, "timeout": %d, "mean_us": %.1f, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "p999_us": %d, "max_us": %d}}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency.mean, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
"""


def wrk_version() -> str:
    out = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0].split(" Copyright")[0].strip()


def run_wrk(
    url: str,
    path_expr: str,
    *,
    threads: int,
    connections: int,
    seconds: float,
    prelude: str = "",
) -> dict[str, Any]:
    """wrk's figures for ``path_expr`` (Lua); ``prelude`` is Lua run first (a table of paths)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            prelude + "\n" + LUA.replace("{path}", path_expr).replace("{{", "{").replace("}}", "}")
        )
    try:
        out = subprocess.run(
            [
                "wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
                "--latency", "--timeout", "10s", "-s", script.name, url,
            ],
            capture_output=True, text=True, check=True, timeout=seconds + 120,
        )  # fmt: skip
    finally:
        os.unlink(script.name)
    lines = [s for s in out.stdout.splitlines() if s.startswith("BENCH_JSON ")]
    if not lines:
        raise RuntimeError(f"wrk printed no summary:\n{out.stdout}\n{out.stderr}")
    raw = json.loads(lines[-1].removeprefix("BENCH_JSON "))
    seconds_run = raw["duration_us"] / 1e6
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds_run,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "p999_ms": raw["p999_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "mean_ms": raw["mean_us"] / 1000,
        "bytes_per_response": raw["bytes"] / max(1, raw["requests"]),
        "non_2xx": raw["status"],
        "socket_errors": errors,
    }


def search_paths(count: int) -> list[str]:
    """GET /v1/postings paths of bench.search_scale's query mix, in its order."""
    paths = []
    for case in search_scale.query_mix(count):
        params: list[tuple[str, str]] = []
        for name, value in case.params.items():
            for one in value if isinstance(value, list) else [value]:
                if isinstance(one, bool):
                    text = "true" if one else "false"
                elif isinstance(one, date):
                    text = one.isoformat()
                else:
                    text = str(one)
                params.append((name, text))
        paths.append("/v1/postings?" + urllib.parse.urlencode(params))
    return paths


def measure_search(
    base: str, paths: Sequence[str], args: argparse.Namespace, connections: int
) -> dict[str, Any]:
    """Ask every query once (each must answer 200), then wrk over the mix."""
    failed = [p for p in paths if get(base + p, timeout=30) != 200]
    if failed:
        raise SystemExit(f"{len(failed)} search queries did not answer 200, e.g. {failed[0]}")
    options = {
        "threads": min(args.threads, connections),
        "connections": connections,
        "prelude": lua_table("paths", paths),
    }
    pick = "paths[math.random(1, #paths)]"
    run_wrk(base + "/", pick, seconds=WARMUP_S, **options)
    return run_wrk(base + "/", pick, seconds=args.duration, **options)


def lua_table(name: str, values: Sequence[str]) -> str:
    body = ",\n".join(json.dumps(v) for v in values)  # JSON strings are Lua strings here
    return f"{name} = {{\n{body}\n}}"


def get(url: str, timeout: float = 2.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


@contextlib.contextmanager
def serve(
    database_url: str, workers: int, log_path: Path, *, index_path: Path | None = None
) -> Iterator[tuple[str, int]]:
    """``kyujin serve`` on a free loopback port; its base URL and pid once /healthz answers.
    ``index_path``: the search index it searches through."""
    port = free_port()
    kyujin = shutil.which("kyujin", path=str(Path(sys.executable).parent)) or "kyujin"
    env = {
        **os.environ,
        "KYUJIN_DATABASE_URL": database_url,
        "KYUJIN_EMBEDDED_WORKER": "false",
        "KYUJIN_QUEUE_PATH": str(BENCH_DIR / "queue.db"),
        "KYUJIN_IMPORT_DIR": str(BENCH_DIR / "imports"),
    }
    if index_path is not None:
        env["KYUJIN_SEARCH_INDEX_PATH"] = str(index_path)
    base = f"http://127.0.0.1:{port}"
    command = [kyujin, "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "--workers", str(workers)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    code = process.returncode
                    raise RuntimeError(f"kyujin serve exited ({code}); see {log_path}")
                try:
                    if get(f"{base}/healthz") == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"kyujin serve did not answer in 60 s; see {log_path}")
                time.sleep(0.2)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def cpu_seconds(server_pid: int, backend: str) -> dict[str, float]:
    """CPU seconds so far of the server's process tree (and of the bench PostgreSQL's)."""
    spent = {"server": tree_cpu_seconds(server_pid)}
    postmaster = pg.postmaster_pid() if backend == "postgresql" else None
    if postmaster is not None:
        spent["database"] = tree_cpu_seconds(postmaster)
    return spent


# What a posting read touches on PostgreSQL: the table, its TOAST (description,
# description_html and facts_json are over 2 KB a posting), and both their indexes.
_PREWARM_SQL = """
SELECT coalesce(sum(pg_prewarm(rel, 'read')), 0) * current_setting('block_size')::bigint
FROM (
    SELECT 'posting'::regclass AS rel
    UNION ALL SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'posting'::regclass
    UNION ALL SELECT reltoastrelid::regclass FROM pg_class WHERE oid = 'posting'::regclass
    UNION ALL SELECT indexrelid::regclass FROM pg_index
        WHERE indrelid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'posting'::regclass)
) AS relations
"""


def prewarm(backend: str, url: str) -> str:
    """Read what a posting read touches into the operating system's cache, as a server
    that has been answering for a while has it, so that the figures are those of a warm
    server and not of the disk (cold, the p99 over 1,000,000 postings on PostgreSQL was
    330 ms of reads from disk). PostgreSQL: pg_prewarm in 'read' mode (its contrib
    extension); SQLite: the database file read once."""
    started = time.perf_counter()
    if backend == "postgresql":
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
                read = int(conn.exec_driver_sql(_PREWARM_SQL).scalar_one())
        finally:
            engine.dispose()
    else:
        read = 0
        with Path(url.split(":///", 1)[1]).open("rb") as file:
            while chunk := file.read(1 << 24):
                read += len(chunk)
    return (
        f"{read / 2**30:.1f} GB of the posting table, its TOAST and indexes read into the OS "
        f"cache first in {time.perf_counter() - started:.0f} s"
    )


def server_errors(log_path: Path) -> dict[str, int]:
    """5xx answers in the server's access log, and how many were pool timeouts."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    return {
        "5xx": len(re.findall(r'"status": 5\d\d', text)),
        "pool_timeouts": sum(
            "QueuePool limit" in line for line in text.splitlines() if "unhandled_error" in line
        ),
    }


def fmt(r: dict[str, Any]) -> str:
    extra = ""
    if r["non_2xx"] or r["socket_errors"]:
        extra = f", {r['non_2xx']:,} non-2xx, {r['socket_errors']:,} socket errors"
    return (
        f"{r['rps']:>8,.0f} requests/s  p50 {r['p50_ms']:6.1f}  p90 {r['p90_ms']:6.1f}  "
        f"p99 {r['p99_ms']:6.1f}  p99.9 {r['p999_ms']:6.1f}  max {r['max_ms']:7.1f} ms  "
        f"({r['requests']:,} requests, {r['bytes_per_response']:,.0f} B each{extra})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.http_load",
        description="GET /v1/postings/{id} with wrk against kyujin serve, beside GET /healthz.",
    )
    parser.add_argument("--backend", choices=scale_data.BACKENDS, required=True)
    parser.add_argument("--postings", type=int, required=True, help="postings in the database")
    parser.add_argument("--base", type=int, default=scale_data.DEFAULT_BASE)
    parser.add_argument("--seed", type=int, default=scale_data.DEFAULT_SEED)
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[2], help="server processes (one run each)"
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per measurement")
    parser.add_argument(
        "--cold", action="store_true", help="do not read the database into the OS cache first"
    )
    parser.add_argument(
        "--search",
        action="store_true",
        help="also the search mix of bench.search_scale through the search index",
    )
    parser.add_argument(
        "--search-connections",
        type=int,
        nargs="+",
        default=[1, 4],
        help="wrk connections for the search mix (one run each)",
    )
    parser.add_argument(
        "--pg-tcp",
        action="store_true",
        help="the server reaches the bench PostgreSQL over TCP on 127.0.0.1 "
        "(default: its Unix-domain socket, as a server on the database's machine does)",
    )
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: `make bench` installs it (Debian package wrk)")

    host = machine()
    print(machine_line(host))
    results: list[dict[str, Any]] = []
    with contextlib.ExitStack() as stack:
        admin = stack.enter_context(pg.postgres()) if args.backend == "postgresql" else None
        prepared = scale_data.prepare(
            args.backend, args.postings, base=args.base, seed=args.seed, pg_admin_url=admin
        )
        print(prepared.describe())
        served_url = prepared.url  # what kyujin serve connects with
        if args.backend == "postgresql":
            if not args.pg_tcp:
                served_url = pg.over_socket(prepared.url)
            via = (
                "its Unix-domain socket"
                if served_url != prepared.url
                else "TCP (--pg-tcp)"
                if args.pg_tcp
                else f"the URL of {pg.PG_ENV}"
            )
            print(f"kyujin serve reaches PostgreSQL through {via}")
        print(
            f"load: {wrk_version()}, -t{args.threads} -c{args.connections} "
            f"-d{args.duration:g}s --latency, after {WARMUP_S} s of warm-up; client and server "
            f"on the same {host['cores']} cores"
        )
        if args.cold:
            print("cache: as it is (--cold): reads may come from the disk")
        else:
            print(f"cache: {prewarm(args.backend, prepared.url)} (--cold skips this)")
        by_id = f'"/v1/postings/" .. math.random(1, {prepared.max_id})'
        index_path: Path | None = None
        paths: list[str] = []
        if args.search:
            engine = create_engine(prepared.url)
            try:
                # Under the URL the server connects with: the index records the database it
                # was built from by URL, and the server uses it only for the same one.
                index, _ = search_scale.search_index(engine, served_url)
            finally:
                engine.dispose()
            index_path = index.root
            # what the server will open from KYUJIN_SEARCH_INDEX_PATH: built for its database,
            # or its searches would quietly read the database instead
            if not SearchIndex(index_path).ready_for(database_identity(served_url)):
                raise SystemExit(f"the search index in {index_path} is not ready for the server")
            paths = search_paths(search_scale.DEFAULT_QUERIES)
            print(
                f"search: the {len(paths)}-query mix of bench.search_scale as GET /v1/postings, "
                "each request one query at random, at "
                + " and ".join(f"-c{c}" for c in args.search_connections)
            )
        for workers in args.workers:
            log_path = BENCH_DIR / f"http-{args.backend}-{workers}w.log"
            with serve(served_url, workers, log_path, index_path=index_path) as (base, pid):
                if get(f"{base}/v1/postings/1") != 200:
                    raise SystemExit(f"GET /v1/postings/1 did not answer 200; see {log_path}")
                options = {"threads": args.threads, "connections": args.connections}
                figures: dict[str, Any] = {"workers": workers}
                for name, path in (("healthz", '"/healthz"'), ("posting", by_id)):
                    run_wrk(base + "/", path, seconds=WARMUP_S, **options)
                    before = cpu_seconds(pid, args.backend)
                    figures[name] = run_wrk(base + "/", path, seconds=args.duration, **options)
                    after = cpu_seconds(pid, args.backend)
                    requests = max(1, figures[name]["requests"])
                    for who in before:
                        spent = after[who] - before[who]
                        figures[name][f"{who}_cpu_ms_per_request"] = spent * 1000 / requests
                if paths:
                    figures["search"] = {
                        str(c): measure_search(base, paths, args, c)
                        for c in args.search_connections
                    }
            figures["server_errors"] = server_errors(log_path)
            results.append(figures)
            post, health = figures["posting"], figures["healthz"]
            print(f"kyujin serve --workers {workers} ({args.backend}, {prepared.postings:,}):")
            print(f"  GET /healthz (baseline)     {fmt(health)}")
            print(f"  GET /v1/postings/{{id}}       {fmt(post)}")
            for name, r in (("/healthz", health), ("/v1/postings/{id}", post)):
                if not r["requests"]:
                    continue
                server = r["server_cpu_ms_per_request"]
                db = r.get("database_cpu_ms_per_request")
                total = server + (db or 0.0)
                print(
                    f"  CPU per request, {name}: kyujin serve {server:.2f} ms"
                    + (f" + PostgreSQL {db:.2f} ms" if db is not None else "")
                    + f": {host['cores']} cores serve at most {host['cores'] * 1000 / total:,.0f}"
                    " requests/s with no client beside them"
                )
            errors = figures["server_errors"]
            if errors["5xx"]:
                print(
                    f"  the server answered {errors['5xx']:,} requests with 5xx (in its log, "
                    f"{log_path}), {errors['pool_timeouts']:,} of them after waiting 30 s for "
                    "a database connection (QueuePool limit reached): it stalled"
                )
            for connections, found in figures.get("search", {}).items():
                ok = found["requests"] > 0 and not found["non_2xx"]
                print(
                    f"  GET /v1/postings?... (search mix, -c{connections}) {fmt(found)}\n"
                    f"  search mix over HTTP: p50 {found['p50_ms']:.1f} ms, p99 "
                    f"{found['p99_ms']:.1f} ms at {connections} connections | "
                    f"p50 <= {search_scale.P50_TARGET_MS:g} ms: "
                    f"{met(ok and found['p50_ms'] <= search_scale.P50_TARGET_MS)}, "
                    f"p99 <= {search_scale.P99_TARGET_MS:g} ms: "
                    f"{met(ok and found['p99_ms'] <= search_scale.P99_TARGET_MS)}"
                )
            clean = post["requests"] > 0 and not post["non_2xx"] and not errors["5xx"]
            print(
                f"  GET /v1/postings/{{id}}: {post['rps']:,.0f} requests/s, p99 "
                f"{post['p99_ms']:.1f} ms at {args.connections} connections, {workers} workers "
                f"| target >= {RPS_TARGET:,}/s: {met(clean and post['rps'] >= RPS_TARGET)}, "
                f"p99 <= {P99_TARGET_MS:g} ms: {met(clean and post['p99_ms'] <= P99_TARGET_MS)} "
                f"| ratio to /healthz: {post['rps'] / health['rps']:.2f} of its requests/s"
            )
    if args.json:
        payload = {
            "machine": host,
            "database": {
                **prepared.manifest,
                "backend": args.backend,
                "max_id": prepared.max_id,
                "server_connects_over": "tcp" if served_url == prepared.url else "unix_socket",
            },
            "wrk": {
                "version": wrk_version(),
                "threads": args.threads,
                "connections": args.connections,
                "duration_s": args.duration,
            },
            "runs": results,
            "targets": {"rps": RPS_TARGET, "p99_ms": P99_TARGET_MS},
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
