"""The import job: read a job's file and import it batch by batch. Takes an id; safe to run
twice (a second run finds the job held or finished and does nothing) and safe to kill (the
next run starts after the last committed batch)."""

from __future__ import annotations

import contextlib
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import structlog
from sqlalchemy.orm import Session, sessionmaker

from kyujin.db.engine import transaction
from kyujin.extraction import pool
from kyujin.imports import service
from kyujin.imports.repository import UNFINISHED
from kyujin.imports.repository import get_job as get_job_row
from kyujin.postings import fact_rows, repository, search_index
from kyujin.postings import service as postings
from kyujin.postings.formats import FormatError, MappingError, open_records, read_records
from kyujin.postings.reader import ParsedRecord
from kyujin.postings.schemas import PostingIn
from kyujin.settings import Settings

log = structlog.get_logger(__name__)

# Records per transaction: 500 postings take about a second to extract, so progress and the
# lease's heartbeat move every second or so, and a killed run repeats at most that much.
BATCH_SIZE = 500
# A batch also ends at this many characters of text: 500 postings of 100,000 characters
# would take minutes to extract, past the job's lease, and another worker would take the job
# over and repeat the batch. 2,000,000 characters extract in under 2 s (~0.8 us each).
BATCH_CHARS = 2_000_000


@dataclass
class Progress:
    """Where a run is, after each committed batch (for progress bars and logs)."""

    job_id: str
    file_bytes: int
    bytes_read: int = 0
    records_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    resumed_from: int = 0
    rejections: list[tuple[int, str, str]] = field(default_factory=list)  # of the last batch


class JobUnavailable(Exception):
    """The job is finished or another live run holds it."""


class StopRequested(Exception):
    """The worker is shutting down: the job was released after its last committed batch."""


def run_import(
    factory: sessionmaker[Session],
    job_id: str,
    *,
    lease_s: float,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    processes: int = 1,
) -> Progress:
    """Run the job to the end; the final Progress. Raises JobUnavailable if it cannot be
    held; any other error releases the job (queued again, or failed after its last attempt)
    and is raised again so the queue retries it. ``should_stop`` is asked after each batch;
    when it says so, the job is released and StopRequested raised. ``processes`` > 1
    extracts in that many processes (kyujin.extraction.pool) while this one writes."""
    owner = uuid.uuid4().hex
    with transaction(factory, write=True) as session:
        job = service.claim(session, job_id, owner=owner, lease_s=lease_s)
        if job is None:
            raise JobUnavailable(f"import {job_id} is finished or held by another run")
        progress = Progress(
            job_id=job.id,
            file_bytes=job.file_bytes,
            bytes_read=job.bytes_read,
            records_read=job.records_read,
            created=job.created,
            updated=job.updated,
            unchanged=job.unchanged,
            rejected=job.rejected,
            resumed_from=job.records_read,
        )
        path, format, source = Path(job.file_path), job.format, job.source
        # Positions name the file as its sender did ("page.html script 2"), not the spool.
        name = job.file_name or ""
        mapping = dict(job.mapping or {})
    log.info("import started", job_id=job_id, attempt=job.attempts, resume_at=job.records_read)
    try:
        with (
            _records(path, format, mapping, name) as (records, position),
            _analyser(processes) as (analyse, prefetch),
        ):
            _run(
                factory,
                job_id,
                owner,
                source,
                records,
                position,
                progress,
                batch_size,
                on_progress,
                should_stop,
                analyse,
                prefetch,
            )
    except (FormatError, MappingError, FileNotFoundError, IsADirectoryError) as exc:
        # The file cannot be read as asked: running again would fail the same way.
        with transaction(factory, write=True) as session:
            service.finish(session, job_id, owner=owner, error=str(exc))
        log.warning("import failed", job_id=job_id, error=str(exc))
        return progress
    except BaseException as exc:
        with transaction(factory, write=True) as session:
            status = service.release(
                session,
                job_id,
                owner=owner,
                error=repr(exc)[:2000],
                stopped=isinstance(exc, StopRequested | KeyboardInterrupt),
            )
        log.warning("import stopped", job_id=job_id, error=repr(exc), now=status)
        raise
    with transaction(factory, write=True) as session:
        service.finish(session, job_id, owner=owner)
    log.info("import finished", job_id=job_id, records=progress.records_read)
    return progress


def remove_upload(factory: sessionmaker[Session], job_id: str, import_dir: Path) -> bool:
    """Delete a finished job's file when it is the copy the API spooled into ``import_dir``
    (a file given by path on the command line is the user's own and stays). True if
    deleted. A job that will run again keeps its file: call this only once it finished."""
    with transaction(factory) as session:
        job = get_job_row(session, job_id)
        if job is None or job.status in UNFINISHED:
            return False
        path = Path(job.file_path)
    if path.parent.resolve() != import_dir.resolve() or not path.is_file():
        return False
    path.unlink(missing_ok=True)
    log.info("import file removed", job_id=job_id, path=str(path))
    return True


def prune_search_outbox(
    factory: sessionmaker[Session], settings: Settings, keep: int | None = None
) -> int:
    """Keep the newest ``keep`` (default ``settings.search_outbox_keep``) rows of the search
    index's outbox; the rows deleted."""
    with transaction(factory, write=True) as session:
        deleted = repository.prune_search_changes(
            session, settings.search_outbox_keep if keep is None else keep
        )
    if deleted:
        log.info("search outbox pruned", rows=deleted)
    return deleted


def sync_search_index(factory: sessionmaker[Session], settings: Settings) -> int:
    """After an import, apply its postings to the search index when one is built (see
    ``search_index.sync_if_built``); a failure is logged, not raised: the import is done,
    and the next search syncs."""
    if settings.search_index_path is None:
        return 0
    try:
        with transaction(factory) as session:
            written = search_index.sync_if_built(
                session, settings.search_index_path, settings.database_url
            )
    except Exception as exc:  # the index is derived data: the next search retries
        log.warning("search index not synced after the import", error=repr(exc))
        return 0
    if written:
        log.info("search index synced", postings=written)
    return written


@contextlib.contextmanager
def _analyser(processes: int) -> Iterator[tuple[fact_rows.Analyse, pool.Prefetch | None]]:
    if processes <= 1:
        yield fact_rows.analyse_items, None
        return
    with pool.ExtractorPool(processes, fact_rows.analyse_item) as extractor_pool:
        yield extractor_pool.analyse, extractor_pool.prefetch


@contextlib.contextmanager
def _records(
    path: Path, format: str, mapping: dict[str, str], name: str
) -> Iterator[tuple[Iterator[ParsedRecord], Callable[[], int]]]:
    """The file's records and a function telling how many of its bytes have been read."""
    if path.is_dir():  # a directory of HTML pages: no byte position to report
        yield open_records(path, format, mapping), lambda: 0
        return
    stream: BinaryIO = path.open("rb")
    with stream:
        yield read_records(stream, format, mapping, name=name), stream.tell


@dataclass(slots=True)
class _Batch:
    records: list[PostingIn] = field(default_factory=list)
    rejections: list[tuple[int, str, str]] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # unknown fields, records holding
    chars: int = 0  # of the records' descriptions and titles
    # The job's checkpoint once the batch is committed.
    records_read: int = 0
    bytes_read: int = 0


def _run(
    factory: sessionmaker[Session],
    job_id: str,
    owner: str,
    source: str,
    records: Iterator[ParsedRecord],
    position: Callable[[], int],
    progress: Progress,
    batch_size: int,
    on_progress: Callable[[Progress], None] | None,
    should_stop: Callable[[], bool] | None,
    analyse: fact_rows.Analyse,
    prefetch: pool.Prefetch | None = None,
) -> None:
    """Commit the records batch by batch. With ``prefetch`` (extraction in other
    processes), a full batch is first handed to the processes and the batch before it is
    committed meanwhile: the processes extract while this one writes. The checkpoint moves
    only with a commit, so a run stopped with a batch in hand reads it again on resume."""
    skip = progress.records_read
    seen = 0
    batch = _Batch()
    pending: _Batch | None = None

    def commit(done: _Batch) -> None:
        with transaction(factory, write=True) as session:
            summary = service.import_records(
                session,
                job_id,
                owner=owner,
                source=source,
                records=done.records,
                rejections=done.rejections,
                records_read=done.records_read,
                bytes_read=done.bytes_read,
                analyse=analyse,
                ignored=done.ignored,
            )
        if summary is None:
            raise JobUnavailable(f"import {job_id} was taken over by another run")
        progress.records_read, progress.bytes_read = done.records_read, done.bytes_read
        progress.created += summary.created
        progress.updated += summary.updated
        progress.unchanged += summary.unchanged
        progress.rejected += len(done.rejections)
        progress.rejections = list(done.rejections)
        if on_progress is not None:
            on_progress(progress)
        if should_stop is not None and should_stop():
            raise StopRequested(
                f"import {job_id} stopped at record {done.records_read}: worker shutting down"
            )

    def complete(full: _Batch) -> None:
        nonlocal pending
        full.records_read, full.bytes_read = seen, position()
        if prefetch is None:
            commit(full)
            return
        if full.records:
            with transaction(factory) as session:
                items = postings.new_items(session, full.records, default_source=source)
            prefetch(items)
        if pending is not None:
            commit(pending)
        pending = full

    for parsed in records:
        seen += 1
        if seen <= skip:  # committed by an earlier run
            continue
        if parsed.ignored:
            batch.ignored.update(parsed.ignored)
        if parsed.record is None:
            batch.rejections.append((parsed.line, parsed.position, parsed.error or "rejected"))
        else:
            batch.records.append(parsed.record)
            batch.chars += len(parsed.record.description) + len(parsed.record.title)
        if len(batch.records) + len(batch.rejections) >= batch_size or batch.chars >= BATCH_CHARS:
            complete(batch)
            batch = _Batch()
    if batch.records or batch.rejections:
        complete(batch)
    if pending is not None:
        commit(pending)


def check_readable(path: Path, format: str, mapping: dict[str, str]) -> None:
    """Raise FormatError or MappingError now if the file cannot be read as asked (a CSV's
    header is read to check the mapping); nothing else is read."""
    with _records(path, format, mapping, path.name) as (records, _position):
        del records
