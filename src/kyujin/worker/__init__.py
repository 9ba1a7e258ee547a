"""The queue wiring, and the only module that imports the queue library (Huey).

The same tasks run on two storages: SQLite (the embedded default: a file beside the
database, no other service; the API process runs a worker thread) and Redis (separate
`kyujin worker` processes). Huey hands a task to one worker and forgets it; it does not
acknowledge tasks, so a worker killed mid-task loses the message. The job's own row (an
import's or a report's) is what survives: it records progress and a heartbeat, and a job
whose heartbeat is older than the lease (KYUJIN_JOB_LEASE_S) is enqueued again, at worker
start and every minute (an import resumes after its last batch; a report is made again).
See docs/architecture.md.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import structlog
from huey import Huey, RedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kyujin.db.engine import make_engine, make_session_factory, transaction
from kyujin.imports import jobs
from kyujin.imports import service as imports
from kyujin.reports import jobs as report_jobs
from kyujin.reports import service as reports
from kyujin.settings import Settings

log = structlog.get_logger(__name__)
QUEUE_NAME = "kyujin"
# A run that raised (database restarted, disk full) is retried this many times by Huey,
# ten seconds apart; after that the stalled-job scan enqueues it again up to
# imports.service.MAX_ATTEMPTS runs in all.
TASK_RETRIES = 3
TASK_RETRY_DELAY_S = 10
# A queued job no worker has taken for this many leases is enqueued again: its message was
# lost (the worker that dequeued it died before claiming it, or enqueueing failed).
QUEUED_LEASES = 5
# A graceful stop waits for the batch in hand (about a second of work, imports.jobs).
SHUTDOWN_TIMEOUT_S = 30.0


@dataclass
class _Runtime:
    pid: int
    engine: Engine
    factory: sessionmaker[Session]


class TaskQueue:
    """A Huey instance with kyujin's tasks registered, for one settings object."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.huey = _make_huey(settings)
        self._runtime: _Runtime | None = None
        self._lock = threading.Lock()
        # The running consumer's stop flag (shared with its worker processes): an import
        # checks it after each batch, so shutting down never waits for a whole file.
        self._stop_flag: Any = None
        self._import_task = self.huey.task(
            retries=TASK_RETRIES, retry_delay=TASK_RETRY_DELAY_S, name="import_postings"
        )(self._run_import)
        self._report_task = self.huey.task(
            retries=TASK_RETRIES, retry_delay=TASK_RETRY_DELAY_S, name="make_report"
        )(self._run_report)
        self.huey.periodic_task(crontab(minute="*"), name="requeue_stalled_imports")(
            self.requeue_stalled
        )
        self.huey.on_startup(name="requeue_stalled_imports")(self.requeue_stalled)
        self.huey.periodic_task(crontab(minute="17"), name="prune_search_outbox")(
            self.prune_search_outbox
        )

    # Producer side -----------------------------------------------------------------------

    def enqueue_import(self, job_id: str) -> None:
        """Hand a committed import job to the workers."""
        self._import_task(job_id)

    def enqueue_report(self, job_id: str) -> None:
        """Hand a committed report job to the workers."""
        self._report_task(job_id)

    def requeue_stalled(self) -> list[str]:
        """Enqueue again the imports and reports whose worker was lost (see the module
        docstring); their ids."""
        lease = self.settings.job_lease_s
        with transaction(self.factory(), write=True) as session:
            again = imports.stalled(session, lease_s=lease, queued_lease_s=lease * QUEUED_LEASES)
            reports_again = reports.stalled(
                session, lease_s=lease, queued_lease_s=lease * QUEUED_LEASES
            )
        for job_id in again:
            log.warning("import enqueued again: its worker or its message was lost", job_id=job_id)
            self.enqueue_import(job_id)
        for job_id in reports_again:
            log.warning("report enqueued again: its worker or its message was lost", job_id=job_id)
            self.enqueue_report(job_id)
        return again + reports_again

    def pending(self) -> int:
        """Messages waiting in the queue (not counting ones a worker holds)."""
        return int(self.huey.pending_count())

    # Worker side -------------------------------------------------------------------------

    def factory(self) -> sessionmaker[Session]:
        """This process's session factory (workers fork: an engine is never shared)."""
        with self._lock:
            if self._runtime is None or self._runtime.pid != os.getpid():
                engine = make_engine(self.settings)
                self._runtime = _Runtime(os.getpid(), engine, make_session_factory(engine))
            return self._runtime.factory

    def _stopping(self) -> bool:
        return self._stop_flag is not None and bool(self._stop_flag.is_set())

    def _run_import(self, job_id: str) -> None:
        try:
            jobs.run_import(
                self.factory(),
                job_id,
                lease_s=self.settings.job_lease_s,
                batch_size=self.settings.import_batch_size,
                should_stop=self._stopping,
            )
            jobs.remove_upload(self.factory(), job_id, self.settings.import_dir)
            jobs.sync_search_index(self.factory(), self.settings)
        except jobs.JobUnavailable as exc:
            log.info("import skipped", job_id=job_id, reason=str(exc))
        except jobs.StopRequested:
            # Released after its last batch; the message waits in the queue for the next
            # worker (durable in SQLite and Redis alike).
            self.enqueue_import(job_id)

    def prune_search_outbox(self) -> int:
        """Hourly: the search index's outbox keeps its newest rows only."""
        return jobs.prune_search_outbox(self.factory(), self.settings)

    def _run_report(self, job_id: str) -> None:
        try:
            report_jobs.run_report(
                self.factory(),
                job_id,
                lease_s=self.settings.job_lease_s,
                report_dir=self.settings.report_dir,
            )
        except report_jobs.JobUnavailable as exc:
            log.info("report skipped", job_id=job_id, reason=str(exc))

    def consumer(
        self, *, workers: int = 1, worker_type: str = "thread", quiet: bool = False
    ) -> Consumer:
        """A Huey consumer for these tasks; ``quiet`` leaves the signals to the program."""
        cls = _QuietConsumer if quiet else Consumer
        consumer = cls(
            self.huey,
            workers=workers,
            worker_type=worker_type,
            periodic=True,
            check_worker_health=True,
            shutdown_timeout=SHUTDOWN_TIMEOUT_S,
        )
        if worker_type == "thread" and not quiet:
            # SIGTERM stops Huey's consumer at once, which for processes interrupts them; a
            # thread cannot be interrupted, and the interpreter then exited under a worker
            # thread mid-batch (SIGABRT, the job held until its lease ran out). With threads
            # SIGTERM is a graceful stop too: the import ends its batch and gives the job back.
            consumer._signal_actions[signal.SIGTERM] = (False, True)
        self._stop_flag = consumer.stop_flag
        return consumer

    def close(self) -> None:
        with self._lock:
            if self._runtime is not None and self._runtime.pid == os.getpid():
                self._runtime.engine.dispose()
            self._runtime = None


def _make_huey(settings: Settings) -> Huey:
    if settings.queue_backend == "redis":
        return RedisHuey(QUEUE_NAME, url=settings.redis_url, results=False)
    path = settings.queue_path
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(QUEUE_NAME, filename=str(path), results=False)


class _QuietConsumer(Consumer):  # type: ignore[misc]
    """A consumer inside another program (the API server): that program owns the signals."""

    def _set_signal_handlers(self) -> None:
        pass


@dataclass
class EmbeddedWorker:
    consumer: Consumer
    stop: Callable[[], None]


def start_embedded(queue: TaskQueue, *, workers: int = 1) -> EmbeddedWorker:
    """Run worker threads and the scheduler in this process until ``stop()``, which lets a
    running import finish its batch and release the job, then returns."""
    consumer = queue.consumer(workers=workers, worker_type="thread", quiet=True)
    consumer.start()

    def stop() -> None:
        consumer.stop(graceful=True)
        queue.close()

    return EmbeddedWorker(consumer, stop)


def run_worker(settings: Settings, *, workers: int, worker_type: str) -> None:
    """Run a consumer in the foreground until SIGINT (finish the batch in hand) or SIGTERM
    (stop now: processes are interrupted; threads, which cannot be, finish their batch)."""
    queue = TaskQueue(settings)
    try:
        queue.consumer(workers=workers, worker_type=worker_type).run()
    finally:
        queue.close()
