"""The PostgreSQL server of the scale benchmarks: a cluster of the bench's own in var/bench/pg,
kept between runs, or an existing server named by KYUJIN_BENCH_PG_URL."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from tests.support.servers import PostgresServer, _pg_bindir, free_port

from bench.common import BENCH_DIR

PG_ENV = "KYUJIN_BENCH_PG_URL"

Log = Callable[[str], None]


class BenchPostgres(PostgresServer):
    """A cluster kept in ``root`` between runs (the tests' clusters are thrown away), with
    durable settings: fsync and synchronous_commit stay on, so import rates are honest."""

    def __init__(self, root: Path) -> None:
        # Not PostgresServer.__init__: that makes a temporary folder.
        self.bindir = _pg_bindir()
        self.root = root
        self.datadir = root / "data"
        self.logfile = root / "server.log"
        self.as_root = os.geteuid() == 0
        root.mkdir(parents=True, exist_ok=True)
        self.port = _same_port_as_before(root / "port")
        if self.as_root:
            shutil.chown(root, "postgres", "postgres")

    def ensure(self) -> BenchPostgres:
        if not (self.datadir / "PG_VERSION").exists():
            self.init()
        return self.start()

    def start(self) -> BenchPostgres:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c max_connections=200 -c shared_buffers=2GB -c maintenance_work_mem=1GB"
        )
        self._run(
            "pg_ctl", "start", "-w", "-t", "120", "-D", str(self.datadir),
            "-l", str(self.logfile), "-o", options,
        )  # fmt: skip
        return self


def _same_port_as_before(record: Path) -> int:
    """The port the cluster had last time when it is free, else a free one (recorded).

    The search index knows its database by URL, port included (database_identity), so a
    cluster on a new port each run made every benchmark script rebuild the index of the
    same database (255 s at 1,000,000 postings)."""
    try:
        port = int(record.read_text())
        with socket.socket() as probe:
            # as PostgreSQL binds: connections of the last run in TIME_WAIT do not make
            # the port busy (without this, a run started within a minute of the last
            # one moved to a new port)
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))
        return port
    except (OSError, ValueError):
        port = free_port()
        record.write_text(str(port))
        return port


@contextlib.contextmanager
def postgres(log: Log = print) -> Iterator[str]:
    """The URL of a PostgreSQL database to create benchmark databases from: KYUJIN_BENCH_PG_URL,
    or the bench's own cluster, started for the block and stopped after it."""
    configured = os.environ.get(PG_ENV)
    if configured:
        log(f"PostgreSQL: {make_url(configured).render_as_string(hide_password=True)} ({PG_ENV})")
        yield configured
        return
    server = BenchPostgres(BENCH_DIR / "pg").ensure()
    log(f"PostgreSQL {server.version}: bench cluster {server.datadir}, 127.0.0.1:{server.port}")
    try:
        yield server.url("postgres")
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError as exc:
            log(f"PostgreSQL did not stop cleanly: {exc.stderr}")


def over_socket(url: str) -> str:
    """``url`` of the bench cluster through its Unix-domain socket instead of TCP on 127.0.0.1
    (the same server, database and user), as a server beside its database connects: on this
    machine a loopback TCP round trip cost a read of GET /v1/postings/{id} about a fifth of
    the worker's CPU in the write() that sends the statement. Another server
    (KYUJIN_BENCH_PG_URL) is left as configured."""
    if os.environ.get(PG_ENV):
        return url
    tcp = make_url(url)
    return URL.create(
        tcp.drivername,
        username=tcp.username,
        password=tcp.password,
        database=tcp.database,
        query={**tcp.query, "host": str(BENCH_DIR / "pg"), "port": str(tcp.port)},
    ).render_as_string(hide_password=False)


def postmaster_pid() -> int | None:
    """The pid of the bench cluster's server while it runs (None with KYUJIN_BENCH_PG_URL)."""
    if os.environ.get(PG_ENV):
        return None
    try:
        return int((BENCH_DIR / "pg" / "data" / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def pg_database_url(admin_url: str, name: str) -> str:
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def create_pg_database(admin_url: str, name: str, *, drop: bool = False) -> str:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if drop:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not exists:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    return pg_database_url(admin_url, name)
