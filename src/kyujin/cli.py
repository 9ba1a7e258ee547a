"""The kyujin command line. Each command calls the same services the API uses."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal

import typer
from sqlalchemy import Engine

from kyujin.analytics.commands import app as analytics_app
from kyujin.reports.commands import report_command
from kyujin.settings import get_settings

app = typer.Typer(
    help="kyujin: job-market intelligence for backend engineers in Japan.\n\n"
    "Typical first run: `kyujin db upgrade`, then `kyujin import samples/postings.jsonl`, "
    "then `kyujin serve`. Settings come from KYUJIN_* environment variables (see README).",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(analytics_app, name="analytics")
app.command("report")(report_command)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs). With several workers, each listens on
    its own socket (SO_REUSEPORT), so that connections spread over them evenly."""
    from kyujin.api.serving import serve as run_server
    from kyujin.logs import configure_logging

    configure_logging(get_settings())
    run_server(host, port, workers)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Create or migrate the database schema to the latest version (safe to repeat)."""
    from alembic.util import CommandError
    from sqlalchemy import create_engine

    from kyujin.db.migrate import current_revision, upgrade

    settings = get_settings()
    try:
        upgrade(settings.database_url, revision=revision)
    except CommandError as exc:  # an unknown revision, or a database newer than this code
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    # The revision the database is at: upgrading to an older one changes nothing.
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as conn:
            reached = current_revision(conn)
    finally:
        engine.dispose()
    typer.echo(f"database at {reached}: {_safe_url(settings.database_url)}")


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@app.command("import")
def import_postings(
    file: Annotated[
        Path,
        typer.Argument(
            help="File to import, a directory of HTML pages, or - for standard input.",
            allow_dash=True,
        ),
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl, csv, jsonld or html (default: from the file's extension; "
            "jsonl for standard input).",
        ),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            "-m",
            metavar="FIELD=COLUMN",
            help="CSV column for a posting field, e.g. --map 'title=Job Title'; repeatable.",
        ),
    ] = None,
    source: Annotated[
        str, typer.Option(help="Source for records that do not name one.")
    ] = "import",
    batch_size: Annotated[
        int, typer.Option(min=1, max=10_000, help="Records per transaction.")
    ] = 500,
    queue: Annotated[
        bool,
        typer.Option("--queue", help="Hand the file to the workers instead of importing here."),
    ] = False,
    processes: Annotated[
        int,
        typer.Option(
            "--processes",
            "-j",
            min=1,
            max=64,
            help="Extraction processes (default: 1; the number of cores is a good value for "
            "large files).",
        ),
    ] = 1,
) -> None:
    """Import postings: JSON Lines, CSV with a column mapping, schema.org JobPosting JSON-LD
    (an object, an array, an @graph) or HTML pages that hold it.

    Re-importing changes nothing that did not change: postings are keyed on source +
    external_id (or a content hash). Each rejected record is reported on stderr with its
    position and the rest are imported; the exit code is 1 if any was rejected. A progress
    bar shows bytes, records, rate and ETA. Interrupted (Ctrl-C, a crash), the same command
    resumes after the last committed batch.
    """
    import signal

    from kyujin.db.engine import make_engine, make_session_factory
    from kyujin.imports import jobs, local
    from kyujin.imports.service import new_job_id
    from kyujin.logs import configure_logging
    from kyujin.postings.formats import FormatError, MappingError, format_of, parse_mapping

    settings = get_settings()
    # The progress bar and the rejected records say what happens; logs only for warnings.
    configure_logging(settings.model_copy(update={"log_level": "WARNING"}))
    try:
        pairs = parse_mapping(mapping or [])
    except MappingError as exc:
        raise typer.BadParameter(str(exc), param_hint="--map") from None
    engine = make_engine(settings)
    _require_current_schema(engine)
    factory = make_session_factory(engine)
    console = local.stderr_console()
    name = str(file)
    stdin = name == "-"
    if stdin:
        format = format or "jsonl"
        file = local.spool_stdin(sys.stdin.buffer, settings.import_dir, f"stdin-{new_job_id()}")
    try:
        jobs.check_readable(file, format_of(file, format), pairs)
        job_id, done = local.prepare(factory, file, format=format, mapping=pairs, source=source)
    except (FormatError, MappingError, FileNotFoundError) as exc:
        engine.dispose()
        if stdin:
            file.unlink(missing_ok=True)  # the spooled copy of standard input
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if queue:
        from kyujin.worker import TaskQueue

        engine.dispose()
        task_queue = TaskQueue(settings)
        try:
            task_queue.enqueue_import(job_id)
        finally:
            task_queue.close()
        typer.echo(f"queued import {job_id}; see GET /v1/imports/{job_id}")
        return
    if done:
        typer.echo(f"resuming import {job_id} after record {done:,}", err=True)
    print_rejections = local.rejection_printer(name, console)
    # SIGTERM as Ctrl-C: the job is released after its last batch and resumes next time.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with local.ProgressReport(console, label=file.name or name) as report:

            def on_progress(progress: jobs.Progress) -> None:
                print_rejections(progress)
                report.update(progress)

            final = jobs.run_import(
                factory,
                job_id,
                lease_s=settings.job_lease_s,
                batch_size=batch_size,
                on_progress=on_progress,
                processes=processes,
            )
        failed = _job_error(factory, job_id)
        ignored = _ignored_fields(factory, job_id)
        if not failed:
            jobs.sync_search_index(factory, settings)
            jobs.prune_search_outbox(factory, settings)
    except jobs.JobUnavailable:
        typer.echo(
            f"error: import {job_id} of this file is held by another run; if that run died, "
            f"it can be resumed {settings.job_lease_s:.0f} s after its last progress",
            err=True,
        )
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        if not stdin:
            typer.echo("interrupted: run the same command again to resume", err=True)
            raise typer.Exit(130) from None
        # Standard input is gone: nothing can resume this job, and no worker must take it up.
        from kyujin.db.engine import transaction
        from kyujin.imports import service as imports

        with transaction(factory, write=True) as session:
            imports.abandon(session, job_id, reason="interrupted; standard input cannot resume")
        typer.echo(
            "interrupted: the records imported so far are kept; standard input cannot be "
            "resumed: send the whole input again (unchanged records are skipped)",
            err=True,
        )
        raise typer.Exit(130) from None
    finally:
        engine.dispose()
        if stdin:
            file.unlink(missing_ok=True)  # the spooled copy of standard input
    if failed:
        typer.echo(f"error: {failed}", err=True)
        raise typer.Exit(2)
    typer.echo(
        f"created {final.created}, updated {final.updated}, "
        f"unchanged {final.unchanged}, rejected {final.rejected}"
    )
    if ignored:
        fields = ", ".join(f"{name} ({count:,} records)" for name, count in ignored.items())
        typer.echo(f"warning: fields no posting field takes were not stored: {fields}", err=True)
    if final.rejected:
        raise typer.Exit(1)


def _ignored_fields(factory: Any, job_id: str) -> dict[str, int]:
    from kyujin.db.engine import transaction
    from kyujin.imports import service

    with transaction(factory) as session:
        return dict(sorted((service.get_job(session, job_id).ignored_fields or {}).items()))


def _job_error(factory: Any, job_id: str) -> str | None:
    from kyujin.db.engine import transaction
    from kyujin.imports import service

    with transaction(factory) as session:
        job = service.get_job(session, job_id)
        return job.error if job.status == "failed" else None


@app.command("worker")
def worker_command(
    workers: Annotated[int, typer.Option(min=1, max=64, help="Tasks run at once.")] = 2,
    worker_type: Annotated[
        str,
        typer.Option(
            help="process (one process per worker: uses every core) or thread.",
        ),
    ] = "process",
) -> None:
    """Run queue workers (imports) until SIGINT (finish the batch in hand, then stop) or
    SIGTERM. With KYUJIN_REDIS_URL they read the Redis queue (run as many as you like, on
    any machine that sees the database and KYUJIN_IMPORT_DIR); without it, the embedded
    SQLite queue in KYUJIN_QUEUE_PATH."""
    from kyujin.logs import configure_logging
    from kyujin.worker import run_worker

    if worker_type not in ("process", "thread"):
        raise typer.BadParameter("must be process or thread", param_hint="--worker-type")
    settings = get_settings()
    engine = make_engine_checked(settings)
    engine.dispose()
    configure_logging(settings)
    typer.echo(
        f"kyujin worker: {workers} {worker_type} worker(s) on the {settings.queue_backend} queue",
        err=True,
    )
    run_worker(settings, workers=workers, worker_type=worker_type)


def make_engine_checked(settings: Any) -> Engine:
    from kyujin.db.engine import make_engine

    engine = make_engine(settings)
    _require_current_schema(engine)
    return engine


@app.command("reextract")
def reextract_command(
    all_postings: Annotated[bool, typer.Option("--all", help="Recompute every posting.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Postings per commit.")] = 500,
) -> None:
    """Recompute stored facts whose taxonomy or rules version is stale (safe to interrupt)."""
    from kyujin.db.engine import make_engine, make_session_factory, transaction
    from kyujin.extraction.service import facts_version
    from kyujin.postings import service

    engine = make_engine(get_settings())
    _require_current_schema(engine)
    factory = make_session_factory(engine)
    total, last_id = 0, 0
    while True:
        with transaction(factory, write=True) as session:
            done, last_id = service.reextract(
                session, after_id=last_id, limit=batch_size, force=all_postings
            )
        if done == 0:
            break
        total += done
    engine.dispose()
    typer.echo(f"re-extracted {total} postings; facts version {facts_version()}")


index_app = typer.Typer(
    help="The search index (Tantivy) beside the database.", no_args_is_help=True
)
app.add_typer(index_app, name="index")


def _search_index() -> tuple[Any, Any, str]:
    from kyujin.postings.search_index import SearchIndex, database_identity

    settings = get_settings()
    if settings.search_index_path is None:
        typer.echo("error: KYUJIN_SEARCH_INDEX_PATH is not set", err=True)
        raise typer.Exit(2)
    engine = make_engine_checked(settings)
    return SearchIndex(settings.search_index_path), engine, database_identity(settings.database_url)


@index_app.command("rebuild")
def index_rebuild() -> None:
    """Index every posting afresh (search reads the database meanwhile only if the index
    was never built; a rebuilt index replaces the old one at its commit)."""
    import time

    from sqlalchemy.orm import Session

    index, engine, database = _search_index()
    started = time.perf_counter()
    with Session(engine) as session:
        written = index.rebuild(session, database)
    engine.dispose()
    typer.echo(
        f"indexed {written:,} postings in {time.perf_counter() - started:.1f} s: {index.path}"
    )
    for other in index.other_layouts():
        typer.echo(
            f"an index of another version of kyujin is in {other}: left for the servers "
            "that read it; delete it once none runs"
        )


@index_app.command("prune")
def index_prune(
    keep: Annotated[
        int | None,
        typer.Option(
            min=1, help="Outbox rows to keep (default: KYUJIN_SEARCH_OUTBOX_KEEP, 1,000,000)."
        ),
    ] = None,
) -> None:
    """Delete all but the newest changes from the index's outbox (the worker does it every
    hour); an index that had not applied the deleted ones must be rebuilt."""
    from kyujin.db.engine import make_session_factory
    from kyujin.imports import jobs

    settings = get_settings()
    engine = make_engine_checked(settings)
    try:
        deleted = jobs.prune_search_outbox(make_session_factory(engine), settings, keep)
    finally:
        engine.dispose()
    typer.echo(f"pruned {deleted:,} outbox rows")


@index_app.command("sync")
def index_sync() -> None:
    """Apply the postings changed since the index last read them (searches do it too)."""
    from sqlalchemy.orm import Session

    from kyujin.postings.search_index import IndexNotReady

    index, engine, database = _search_index()
    try:
        with Session(engine) as session:
            written = index.sync(session, database)
    except IndexNotReady as error:
        typer.echo(f"error: {error}; run `kyujin index rebuild`", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    typer.echo(f"synced {written:,} postings: {index.path}")


def _require_current_schema(engine: Engine) -> None:
    from kyujin.db.migrate import current_revision, head_revision, known_revision

    with engine.connect() as conn:
        current = current_revision(conn)
    if current != head_revision():
        engine.dispose()  # the command ends here: its pooled connection too
        if not known_revision(current):
            typer.echo(
                f"error: the database schema is at revision {current}, which this kyujin "
                "does not know: it was written by a newer version; use that version",
                err=True,
            )
        else:
            typer.echo(
                "error: the database schema is not up to date; run `kyujin db upgrade`", err=True
            )
        raise typer.Exit(2)


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[BinaryIO]:
    """Standard output, or a file written whole or not at all: the lines go to a hidden file
    beside it, renamed over it when the command succeeds (an interrupted export left 1,000
    of 3,069 lines, looking complete). A file that cannot be written is a one-line error."""
    if path is None:
        yield sys.stdout.buffer
        return
    if path.exists() and not path.is_file():  # a device or a pipe (/dev/stdout): as it is
        try:
            device = path.open("wb")
        except OSError as exc:
            typer.echo(f"error: cannot write {path}: {exc.strerror or exc}", err=True)
            raise typer.Exit(1) from None
        with device:
            yield device
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        stream = partial.open("wb")
    except OSError as exc:
        typer.echo(f"error: cannot write {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    try:
        with stream:
            yield stream
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _write_failed(exc: OSError, path: Path | None) -> typer.Exit:
    """A full disk or a closed output, as a one-line error."""
    typer.echo(f"error: cannot write {path or 'the output'}: {exc.strerror or exc}", err=True)
    return typer.Exit(1)


def _write_lines(lines: Iterable[bytes], output: Path | None, batch_size: int) -> int:
    """Write ``lines`` (UTF-8, each ending in a newline) to ``output`` (standard output when
    None) joined ``batch_size`` at a time, one write call per batch; how many were written.
    A reader that stops (``| head``) ends the command with 0, a write error with a one-line
    error (``_write_failed``)."""
    written = 0
    try:
        with _output(output) as stream:
            batch: list[bytes] = []
            for line in lines:
                batch.append(line)
                if len(batch) == batch_size:
                    stream.write(b"".join(batch))
                    written += batch_size
                    batch.clear()
            stream.write(b"".join(batch))
            written += len(batch)
            stream.flush()
    except BrokenPipeError:  # the reader has had enough
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:
        raise _write_failed(exc, output) from None
    return written


# A line of `kyujin extract` input: a posting of 1 MB of text fits, with room for escapes.
EXTRACT_LINE_BYTES = 8 * 1024 * 1024


@app.command("extract")
def extract_command() -> None:
    """Extract skills and facts from JSON Lines on stdin, one JSON line out per line in.

    Each input line is {"id": ..., "text": "...", "title": "..."} (title optional). Output
    lines carry the id and the facts: skills with spans and required/preferred, salary,
    japanese_level, english_level, remote, visa_sponsorship, employment_type,
    min_years_experience, location, and the span of each fact. A bad line writes
    {"line": n, "error": "..."} to stderr and the run goes on; the exit code is 1 then.
    """
    import json

    from kyujin.core.extract import default_extractor, facts_to_dict
    from kyujin.postings.reader import loads

    extractor = default_extractor()
    failed = False

    def bad(number: int, error: str) -> None:
        nonlocal failed
        failed = True
        print(json.dumps({"line": number, "error": error}), file=sys.stderr)

    out = sys.stdout.buffer
    source = sys.stdin.buffer
    number = 0
    try:
        while raw := source.readline(EXTRACT_LINE_BYTES + 1):
            number += 1
            if len(raw) > EXTRACT_LINE_BYTES:
                while raw and not raw.endswith(b"\n"):  # the rest of the line, unread
                    raw = source.readline(1024 * 1024)
                bad(number, f"line over the limit of {EXTRACT_LINE_BYTES:,} bytes")
                continue
            if not raw.strip():
                continue
            try:
                record = loads(raw)  # any unreadable line raises a ValueError (too deep, too long)
                if not isinstance(record, dict):
                    raise ValueError(f"expected a JSON object, got {type(record).__name__}")
                text = record.get("text")
                title = record.get("title")
                if not isinstance(text, str):
                    raise ValueError("'text' must be a string")
                if title is not None and not isinstance(title, str):
                    raise ValueError("'title' must be a string or null")
            except ValueError as exc:
                bad(number, str(exc))
                continue
            try:
                facts = extractor.extract(text, title=title)
                line = json.dumps(
                    {"id": record.get("id"), **facts_to_dict(facts)}, ensure_ascii=False
                )
                # a lone surrogate (JSON's "\ud800") has no UTF-8: this line's error, not the run's
                encoded = line.encode("utf-8")
            except UnicodeEncodeError:
                bad(
                    number,
                    "the record holds a lone surrogate (\\ud800-\\udfff), which UTF-8 cannot write",
                )
                continue
            except Exception as exc:  # one bad record must not end the run
                bad(number, f"extraction failed: {exc!r}")
                continue
            out.write(encoded + b"\n")
        out.flush()
    except BrokenPipeError:  # `kyujin extract < in | head`: the reader has had enough
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:  # a full disk, a closed output
        typer.echo(f"error: cannot write the output: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    if failed:
        raise typer.Exit(1)


@app.command("generate")
def generate_command(
    count: Annotated[int, typer.Option(min=1, help="Number of postings to write.")],
    seed: Annotated[
        int, typer.Option(help="Seed: the same count and seed give the same bytes.")
    ] = 0,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="File to write (default: stdout)."),
    ] = None,
) -> None:
    """Write synthetic postings as JSON Lines, for benchmarks and demos.

    Japanese, English and mixed postings drawn from the market the seed notes describe
    (languages by industry and company size, salary by experience), in the formats the
    extractor reads. Each line is accepted by `kyujin import` and marked "synthetic": true;
    "truth" holds the planted facts. The first N lines of a longer run with the same seed
    are the N lines of a shorter one. A summary with the rate goes to stderr.
    """
    import time

    from kyujin.synthetic import lines

    # Lines (UTF-8 bytes) are joined in batches: one write call per batch, not per line.
    batch_size = 512
    started = time.perf_counter()
    written = _write_lines(lines(count, seed), output, batch_size)
    elapsed = time.perf_counter() - started
    typer.echo(
        f"wrote {written:,} synthetic postings (seed {seed}) to {output or 'stdout'} in "
        f"{elapsed:.1f} s ({written / max(elapsed, 1e-9):,.0f} postings/s)",
        err=True,
    )


@app.command("export")
def export_command(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="File to write (default: stdout)."),
    ] = None,
    fmt: Annotated[
        Literal["jsonl", "jsonld"],
        typer.Option(
            "--format",
            help="jsonl: each posting as the API gives it, which `kyujin import` reads "
            "back; jsonld: one schema.org JobPosting per line.",
        ),
    ] = "jsonl",
    source: Annotated[str | None, typer.Option(help="Only the postings from this source.")] = None,
    since: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Only the postings updated on or after this day (UTC).",
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, max=10_000, help="Postings per read (and per write).")
    ] = 1_000,
) -> None:
    """Write stored postings as JSON Lines (UTF-8), in id order, in constant memory.

    The jsonl lines carry every field of GET /v1/postings/{id} plus the facts the source
    stated and the company's attributes: importing the file into an empty database gives
    the same postings. Into the database it came from, a posting whose record described its
    company otherwise (a head count, an industry in its own words, nothing) counts as
    updated, to the same values. A summary goes to stderr.
    """
    import json
    import time

    from kyujin.db.engine import make_engine, make_session_factory, transaction
    from kyujin.postings import jsonld, service

    engine = make_engine(get_settings())
    _require_current_schema(engine)
    factory = make_session_factory(engine)
    # Lines are joined per read batch: one write call per batch, not per line.
    started = time.perf_counter()
    dump = jsonld.dumps if fmt == "jsonld" else partial(json.dumps, ensure_ascii=False)
    try:
        # One read transaction: the file is one consistent snapshot of the database.
        with transaction(factory) as session:
            records = service.export_postings(
                session,
                format=fmt,
                source=source,
                since=since.date() if since is not None else None,
                batch_size=batch_size,
            )
            written = _write_lines(
                (dump(record).encode() + b"\n" for record in records), output, batch_size
            )
    finally:
        engine.dispose()
    elapsed = time.perf_counter() - started
    typer.echo(
        f"exported {written:,} postings to {output or 'stdout'} in {elapsed:.1f} s", err=True
    )


def main() -> None:  # pragma: no cover - console entry point
    from sqlalchemy.exc import ArgumentError, DatabaseError, InterfaceError, OperationalError

    try:
        app()
    except (OperationalError, InterfaceError, DatabaseError) as exc:
        # an unreachable server, a file that is no database, a corrupt one: one line, not a
        # traceback (the driver's message says which)
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        typer.echo(f"error: the database: {detail[0] if detail else exc}", err=True)
        sys.exit(1)
    except ArgumentError as exc:  # KYUJIN_DATABASE_URL is no URL
        typer.echo(f"error: KYUJIN_DATABASE_URL: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # Ctrl-C before a command handles it (while it starts up)
        sys.exit(130)
