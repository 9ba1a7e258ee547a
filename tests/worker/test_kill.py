"""A worker process killed (SIGKILL) in the middle of an import loses nothing: the job is
run again after its lease and the result is that of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kyujin.db.engine import make_engine, make_session_factory, transaction
from kyujin.db.migrate import upgrade
from kyujin.db.models import ImportJob, Posting, PostingSkill
from kyujin.imports import jobs, service
from kyujin.synthetic import lines
from kyujin.worker import TaskQueue
from tests.conftest import make_settings
from tests.support.servers import RedisServer

COUNT = 600
BATCH = 100
LEASE_S = 2.0
KYUJIN = Path(sys.executable).with_name("kyujin")


def snapshot(factory: sessionmaker[Session]) -> tuple[list[tuple[object, ...]], int]:
    """What the import produced, independent of row ids and timestamps."""
    with transaction(factory) as session:
        rows = session.execute(
            select(
                Posting.source,
                Posting.external_id,
                Posting.content_hash,
                Posting.skill_list,
                Posting.salary_annual_min_jpy,
                Posting.japanese_level,
                Posting.remote,
            ).order_by(Posting.source, Posting.external_id)
        ).all()
        skills = session.scalar(select(func.count()).select_from(PostingSkill)) or 0
    return [tuple(r) for r in rows], int(skills)


def job_state(factory: sessionmaker[Session], job_id: str) -> ImportJob:
    with transaction(factory) as session:
        job = session.get(ImportJob, job_id)
        assert job is not None
        return job


def wait_until(predicate: object, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def reference_db(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    upgrade(url)
    engine = make_engine(make_settings(url))
    yield engine
    engine.dispose()


def worker_env(database_url: str, redis: RedisServer, **more: str) -> dict[str, str]:
    """The environment of a `kyujin worker` process on this test's database and Redis."""
    return {
        **os.environ,
        "KYUJIN_ENV": "test",
        "KYUJIN_SECRET_KEY": "test-secret-key-not-for-production",
        "KYUJIN_DATABASE_URL": database_url,
        "KYUJIN_REDIS_URL": redis.url,
        "KYUJIN_IMPORT_BATCH_SIZE": str(BATCH),
        **more,
    }


def start_worker(
    env: dict[str, str], log: Path, worker_type: str = "process"
) -> subprocess.Popen[bytes]:
    # Its own session, so that killing its process group kills the consumer and its worker
    # processes at once, as a machine losing the container would.
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(KYUJIN), "worker", "--workers", "1", "--worker-type", worker_type],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def test_a_killed_worker_loses_nothing(
    new_database_url: str, redis_server: RedisServer, reference_db: Engine, tmp_path: Path
) -> None:
    data = tmp_path / "postings.jsonl"
    with data.open("wb") as out:
        out.writelines(lines(COUNT, 11))
    data.write_bytes(data.read_bytes() + b'not json\n{"description": "no title"}\n')
    total = COUNT + 2

    # The uninterrupted run, for comparison.
    reference = make_session_factory(reference_db)
    with transaction(reference, write=True) as session:
        ref_id = service.create_job(session, file_path=str(data), format="jsonl", source="bench").id
    ref = jobs.run_import(reference, ref_id, lease_s=60, batch_size=BATCH)
    assert ref.records_read == total and ref.rejected == 2

    settings = make_settings(
        new_database_url,
        redis_url=redis_server.url,
        job_lease_s=LEASE_S,
        import_batch_size=BATCH,
        import_dir=tmp_path,
    )
    engine = make_engine(settings)
    factory = make_session_factory(engine)
    env = worker_env(
        new_database_url, redis_server, KYUJIN_JOB_LEASE_S=str(LEASE_S), KYUJIN_LOG_LEVEL="INFO"
    )
    with transaction(factory, write=True) as session:
        job_id = service.create_job(
            session,
            file_path=str(data),
            format="jsonl",
            source="bench",
            file_bytes=data.stat().st_size,
        ).id
    queue = TaskQueue(settings)
    queue.enqueue_import(job_id)
    log = tmp_path / "worker.log"
    first = start_worker(env, log)
    try:
        wait_until(
            lambda: job_state(factory, job_id).records_read >= BATCH,
            timeout=120,
            what="the first batch",
        )
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        killed = job_state(factory, job_id)
        assert killed.status == "running", log.read_text()
        assert BATCH <= killed.records_read < total, "the kill came too late to test anything"

        time.sleep(LEASE_S + 0.5)  # the lease runs out: the job's worker is presumed lost
        second = start_worker(env, log)
        try:
            wait_until(
                lambda: job_state(factory, job_id).status in ("succeeded", "failed"),
                timeout=180,
                what="the retried import",
            )
        finally:
            second.send_signal(signal.SIGINT)
            second.wait(timeout=30)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
        queue.close()

    done = job_state(factory, job_id)
    assert done.status == "succeeded", log.read_text()
    assert done.attempts == 2
    assert (done.records_read, done.created, done.updated, done.unchanged, done.rejected) == (
        total,
        ref.created,
        ref.updated,
        ref.unchanged,
        ref.rejected,
    )
    with transaction(factory) as session:
        reasons = [
            r.position for r in service.list_rejections(session, job_id, after=0, limit=10).items
        ]
    assert reasons == [f"line {COUNT + 1}", f"line {COUNT + 2}"]  # each once, none lost
    assert snapshot(factory) == snapshot(reference)
    engine.dispose()


def test_sigterm_to_a_thread_worker_gives_the_job_back(
    new_database_url: str, redis_server: RedisServer, tmp_path: Path
) -> None:
    # Threads cannot be interrupted: the interpreter used to exit under the worker thread
    # mid-batch (SIGABRT, "FATAL: exception not rethrown"), the job held until its lease ran
    # out. It now finishes its batch and releases the job, and the process exits cleanly.
    data = tmp_path / "postings.jsonl"
    with data.open("wb") as out:
        out.writelines(lines(COUNT, 12))
    settings = make_settings(
        new_database_url, redis_url=redis_server.url, import_batch_size=BATCH, import_dir=tmp_path
    )
    engine = make_engine(settings)
    factory = make_session_factory(engine)
    env = worker_env(new_database_url, redis_server)
    with transaction(factory, write=True) as session:
        job_id = service.create_job(session, file_path=str(data), format="jsonl", source="bench").id
    queue = TaskQueue(settings)
    queue.enqueue_import(job_id)
    log = tmp_path / "worker.log"
    worker = start_worker(env, log, worker_type="thread")
    try:
        wait_until(
            lambda: job_state(factory, job_id).records_read >= BATCH,
            timeout=120,
            what="the first batch",
        )
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(timeout=60)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        queue.close()
    stopped = job_state(factory, job_id)
    assert code == 0, log.read_text()
    if stopped.status != "succeeded":  # the stop came before the last batch
        assert (stopped.status, stopped.owner) == ("queued", None), log.read_text()
        assert stopped.attempts == 0  # a stop asked for uses up no attempt
    engine.dispose()
