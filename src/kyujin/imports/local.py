"""Running an import from the command line: the same job as a worker runs, in this process,
resumed when the same file was left half-imported, with a progress bar."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from sqlalchemy.orm import Session, sessionmaker

from kyujin.db.engine import transaction
from kyujin.imports import service
from kyujin.imports.jobs import Progress as JobProgress
from kyujin.postings.formats import format_of

# Without a terminal (CI logs, nohup) a line every 10 s replaces the bar.
PLAIN_INTERVAL_S = 10.0


def fingerprint(path: Path, *, format: str, mapping: Mapping[str, str], source: str) -> str | None:
    """Names a file as it is now and how it is read; None for a directory (no resume)."""
    if not path.is_file():
        return None
    stat = path.stat()
    key = [
        str(path.resolve()),
        stat.st_size,
        stat.st_mtime_ns,
        format,
        sorted(mapping.items()),
        source,
    ]
    return hashlib.sha256(json.dumps(key).encode()).hexdigest()


def spool_stdin(stream: BinaryIO, directory: Path, name: str) -> Path:
    """Standard input copied to a file (constant memory), so the job can read it again."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    with path.open("wb") as out:
        shutil.copyfileobj(stream, out, length=1024 * 1024)
    return path


def prepare(
    factory: sessionmaker[Session],
    path: Path,
    *,
    format: str | None,
    mapping: Mapping[str, str],
    source: str,
) -> tuple[str, int]:
    """The job to run for this file: the unfinished one for the same file, else a new one.
    Returns (job id, records already done)."""
    chosen = format_of(path, format)
    key = fingerprint(path, format=chosen, mapping=mapping, source=source)
    with transaction(factory, write=True) as session:
        found = service.find_resumable(session, fingerprint=key) if key else None
        if found is not None:
            return found.id, found.records_read
        job = service.create_job(
            session,
            file_path=str(path.resolve()),
            format=chosen,
            source=source,
            mapping=mapping,
            file_name=path.name,
            file_bytes=path.stat().st_size if path.is_file() else 0,
            fingerprint=key,
        )
        return job.id, 0


class ProgressReport:
    """A rich progress bar on a terminal (bytes, records, records/s, ETA); log lines otherwise.
    The rate counts the records of this run only, so a resumed run is not flattered."""

    def __init__(self, console: Console, *, label: str) -> None:
        self.console = console
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        if console.is_terminal:
            self.bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TextColumn("{task.fields[records]:,} records"),
                TextColumn("{task.fields[rate]:,.0f}/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=console,
            )
            self.task = self.bar.add_task(label, total=None, records=0, rate=0.0)

    def __enter__(self) -> ProgressReport:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def rate(self, progress: JobProgress) -> float:
        done = progress.records_read - progress.resumed_from
        return done / max(time.monotonic() - self.started, 1e-9)

    def update(self, progress: JobProgress) -> None:
        rate = self.rate(progress)
        if self.bar is not None and self.task is not None:
            self.bar.update(
                self.task,
                total=progress.file_bytes or None,
                completed=progress.bytes_read,
                records=progress.records_read,
                rate=rate,
            )
            return
        now = time.monotonic()
        if now - self.last_line >= PLAIN_INTERVAL_S:
            self.last_line = now
            share = progress.bytes_read / progress.file_bytes if progress.file_bytes else 0.0
            left = (now - self.started) * (1 - share) / share if share > 0 else float("nan")
            self.console.print(
                f"{progress.records_read:,} records, {share:.0%} of the file, "
                f"{rate:,.0f} records/s, ETA {left:,.0f} s",
                highlight=False,
            )


def rejection_printer(file: str, console: Console) -> Callable[[JobProgress], None]:
    def print_rejections(progress: JobProgress) -> None:
        for line, position, reason in progress.rejections:
            where = f"{file}:{line}" if position == f"line {line}" else f"{file}: {position}"
            console.print(
                f"{where}: rejected: {reason}", highlight=False, markup=False, soft_wrap=True
            )

    return print_rejections


def stderr_console() -> Console:
    return Console(file=sys.stderr, highlight=False)
