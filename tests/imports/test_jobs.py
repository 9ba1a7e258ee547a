"""The import job on both backends: checkpoints, resume, ownership, rejections."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kyujin.analytics import market
from kyujin.core.extract import extract
from kyujin.db.base import utcnow
from kyujin.db.engine import make_engine, make_session_factory, transaction
from kyujin.db.models import ImportJob, Posting
from kyujin.imports import jobs, service
from kyujin.postings import representation
from tests.conftest import make_settings
from tests.support.factories import jsonl, posting_data


@pytest.fixture
def engine_fresh(new_database_url: str) -> Iterator[Engine]:
    engine = make_engine(make_settings(new_database_url))
    yield engine
    engine.dispose()


@pytest.fixture
def factory(engine_fresh: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine_fresh)


def new_job(factory: sessionmaker[Session], path: Path, **options: object) -> str:
    with transaction(factory, write=True) as session:
        job = service.create_job(
            session,
            file_path=str(path),
            format=str(options.pop("format", "jsonl")),
            source="bulk",
            file_bytes=path.stat().st_size if path.is_file() else 0,
            **options,  # type: ignore[arg-type]
        )
        return job.id


def write_postings(path: Path, count: int, *, bad_every: int = 0) -> None:
    lines: list[dict[str, object] | str] = []
    for n in range(1, count + 1):
        if bad_every and n % bad_every == 0:
            lines.append("{not json")
        else:
            lines.append(posting_data(external_id=f"p{n}", title=f"Python Engineer {n}"))
    path.write_bytes(jsonl(*lines))


def job_row(factory: sessionmaker[Session], job_id: str) -> ImportJob:
    with transaction(factory) as session:
        job = session.get(ImportJob, job_id)
        assert job is not None
        return job


def posting_count(factory: sessionmaker[Session]) -> int:
    with transaction(factory) as session:
        return int(session.scalar(select(func.count()).select_from(Posting)) or 0)


def test_a_job_imports_in_batches_and_records_rejections(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 25, bad_every=10)
    job_id = new_job(factory, path)
    seen: list[int] = []
    final = jobs.run_import(
        factory, job_id, lease_s=60, batch_size=7, on_progress=lambda p: seen.append(p.records_read)
    )
    assert seen == [7, 14, 21, 25]
    assert (final.created, final.rejected, final.records_read) == (23, 2, 25)
    with transaction(factory) as session:
        out = service.get_job(session, job_id)
    assert out.status == "succeeded" and out.progress == 1.0
    assert (out.created, out.updated, out.unchanged, out.rejected) == (23, 0, 0, 2)
    assert [(r.line, r.position) for r in out.rejections] == [(10, "line 10"), (20, "line 20")]
    assert out.rejections[0].reason.startswith("invalid JSON")
    assert out.bytes_read == path.stat().st_size
    assert posting_count(factory) == 23


def test_fields_no_posting_field_takes_are_counted_once_across_a_resume(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """A misspelt field lost its values while the job reported success; the job now names
    it, with how many records held it, counted once even when a run resumes."""
    records: list[dict[str, object] | str] = []
    for n in range(1, 13):
        data: dict[str, object] = posting_data(external_id=f"p{n}", title=f"Go Engineer {n}")
        if n % 2:
            data["salary_mn"] = 6_000_000  # misspelt salary_min
        if n % 3 == 0:
            data["ats_internal_ref"] = f"R-{n}"
        data["industry"] = "finance"  # an accepted other name of company_industry
        records.append(data)
    path = tmp_path / "p.jsonl"
    path.write_bytes(jsonl(*records))
    job_id = new_job(factory, path)

    def stop_after_one_batch(progress: jobs.Progress) -> None:
        if progress.records_read >= 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        jobs.run_import(factory, job_id, lease_s=60, batch_size=5, on_progress=stop_after_one_batch)
    jobs.run_import(factory, job_id, lease_s=60, batch_size=5)
    with transaction(factory) as session:
        out = service.get_job(session, job_id)
    assert out.status == "succeeded" and out.created == 12
    assert out.ignored_fields == {"ats_internal_ref": 4, "salary_mn": 6}


def test_a_second_run_of_a_finished_job_does_nothing(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 3)
    job_id = new_job(factory, path)
    jobs.run_import(factory, job_id, lease_s=60)
    with pytest.raises(jobs.JobUnavailable):
        jobs.run_import(factory, job_id, lease_s=60)
    assert job_row(factory, job_id).attempts == 1


# With extraction processes, a full batch is prefetched before the one before it is
# committed: the run stops holding an uncommitted batch, which the resumed run reads again.
@pytest.mark.parametrize("processes", [1, 2])
def test_an_interrupted_run_resumes_after_its_last_batch(
    factory: sessionmaker[Session], tmp_path: Path, processes: int
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 20, bad_every=6)
    reference = tmp_path / "ref.jsonl"
    reference.write_bytes(path.read_bytes())
    job_id = new_job(factory, path)

    def stop_after_two_batches(progress: jobs.Progress) -> None:
        if progress.records_read >= 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        jobs.run_import(
            factory,
            job_id,
            lease_s=60,
            batch_size=5,
            on_progress=stop_after_two_batches,
            processes=processes,
        )
    stopped = job_row(factory, job_id)
    assert (stopped.status, stopped.records_read, stopped.owner) == ("queued", 10, None)
    assert "KeyboardInterrupt" in (stopped.error or "")

    final = jobs.run_import(factory, job_id, lease_s=60, batch_size=5, processes=processes)
    assert final.resumed_from == 10
    done = job_row(factory, job_id)
    # The same counts as one uninterrupted run: 17 postings, 3 bad lines, none twice.
    assert (done.status, done.created, done.unchanged, done.rejected) == ("succeeded", 17, 0, 3)
    # the stop was asked for (Ctrl-C): it gave its attempt back
    assert done.attempts == 1 and done.error is None
    assert posting_count(factory) == 17
    with transaction(factory) as session:
        lines = [r.line for r in service.list_rejections(session, job_id, after=0, limit=10).items]
    assert lines == [6, 12, 18]


def test_a_live_run_is_not_taken_over_but_a_stale_one_is(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 4)
    job_id = new_job(factory, path)
    with transaction(factory, write=True) as session:
        assert service.claim(session, job_id, owner="a" * 32, lease_s=60) is not None
    with pytest.raises(jobs.JobUnavailable):
        jobs.run_import(factory, job_id, lease_s=60)
    # The first owner stops reporting: after the lease, another run takes the job.
    with transaction(factory, write=True) as session:
        session.execute(update(ImportJob).values(heartbeat_at=utcnow() - timedelta(seconds=120)))
    with transaction(factory, write=True) as session:
        assert service.stalled(session, lease_s=60, queued_lease_s=300) == [job_id]
    final = jobs.run_import(factory, job_id, lease_s=60)
    assert final.created == 4
    # The old owner's next commit finds the job gone and writes nothing.
    with transaction(factory, write=True) as session:
        late = service.import_records(
            session,
            job_id,
            owner="a" * 32,
            source="x",
            records=[],
            rejections=[],
            records_read=99,
            bytes_read=0,
        )
        assert late is None
    assert job_row(factory, job_id).records_read == 4


def test_a_job_that_keeps_losing_its_worker_fails(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 2)
    job_id = new_job(factory, path)
    for _ in range(service.MAX_ATTEMPTS):
        with transaction(factory, write=True) as session:
            session.execute(update(ImportJob).values(status="queued"))
            assert service.claim(session, job_id, owner="b" * 32, lease_s=60)
            session.execute(
                update(ImportJob).values(heartbeat_at=utcnow() - timedelta(seconds=120))
            )
    with transaction(factory, write=True) as session:
        assert service.stalled(session, lease_s=60, queued_lease_s=300) == []
    job = job_row(factory, job_id)
    assert job.status == "failed" and "lost 5 times" in (job.error or "")


def test_an_unreadable_file_fails_the_job_without_retrying(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Job Title,Body\nPython,Django\n", encoding="utf-8")
    job_id = new_job(factory, path, format="csv", mapping={"title": "Missing Column"})
    jobs.run_import(factory, job_id, lease_s=60)
    job = job_row(factory, job_id)
    assert job.status == "failed" and "Missing Column" in (job.error or "")
    assert posting_count(factory) == 0


def test_csv_with_a_mapping_imports(factory: sessionmaker[Session], tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "Job Title,Body,Id\nPython Engineer,Django と PostgreSQL,1\n,missing title,2\n",
        encoding="utf-8",
    )
    job_id = new_job(
        factory,
        path,
        format="csv",
        mapping={"title": "Job Title", "description": "Body", "external_id": "Id"},
    )
    final = jobs.run_import(factory, job_id, lease_s=60)
    assert (final.created, final.rejected) == (1, 1)
    with transaction(factory) as session:
        out = service.get_job(session, job_id)
    assert out.rejections[0].position.startswith("row 2")


def test_resumable_jobs_are_found_by_fingerprint(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 2)
    job_id = new_job(factory, path, fingerprint="f" * 64)
    with transaction(factory) as session:
        found = service.find_resumable(session, fingerprint="f" * 64)
        assert found is not None and found.id == job_id
    jobs.run_import(factory, job_id, lease_s=60)
    with transaction(factory) as session:
        assert service.find_resumable(session, fingerprint="f" * 64) is None


def test_extraction_processes_give_the_same_postings(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "p.jsonl"
    write_postings(path, 30, bad_every=7)
    job_id = new_job(factory, path)
    final = jobs.run_import(factory, job_id, lease_s=60, batch_size=8, processes=2)
    assert (final.created, final.rejected) == (26, 4)
    with transaction(factory) as session:
        rows = session.execute(
            select(Posting.external_id, Posting.skill_list, Posting.min_years_experience)
        ).all()
    assert len(rows) == 26
    record = posting_data()
    facts = extract(record["description"], title=record["title"])
    expected = ("\t".join(sorted({s.skill for s in facts.skills})), facts.min_years_experience)
    assert expected[0] == "API design\tPostgreSQL\tPython"
    assert {(skills, years) for _, skills, years in rows} == {expected}


@pytest.mark.parametrize("processes", [1, 2])
def test_stated_facts_win_over_rows_built_in_the_extraction_processes(
    factory: sessionmaker[Session], tmp_path: Path, processes: int
) -> None:
    """The extraction processes build a new posting's rows from the text alone; what the
    record states (salary, remote, employment type) replaces them in the importing one."""
    text = "年収400万円〜500万円\n必須: Python\nフルリモート"
    stated = {
        "salary_currency": "USD",
        "salary_min": 100_000,
        "salary_max": 120_000,
        "salary_period": "annual",
        "remote": "onsite",
    }
    path = tmp_path / "s.jsonl"
    path.write_bytes(
        jsonl(
            posting_data(external_id="stated", description=text, location=None, **stated),
            posting_data(external_id="plain", description=text, location=None),
        )
    )
    jobs.run_import(factory, new_job(factory, path), lease_s=60, processes=processes)
    with transaction(factory) as session:
        by_id = {
            external_id: representation.get_posting(session, posting_id)
            for posting_id, external_id in session.execute(select(Posting.id, Posting.external_id))
        }
    told, plain = by_id["stated"].facts, by_id["plain"].facts
    assert told is not None and told.salary is not None
    assert plain is not None and plain.salary is not None
    assert (told.salary.currency, told.salary.min, told.salary.start) == ("USD", 100_000, None)
    assert (told.remote, sorted(told.stated)) == ("onsite", ["remote", "salary"])
    assert "salary" not in told.spans and "remote" not in told.spans
    assert (plain.salary.annual_min_jpy, plain.remote, plain.stated) == (4_000_000, "full", [])
    remote_at = text.index("フルリモート")
    assert plain.spans["remote"] == (remote_at, remote_at + len("フルリモート"))
    assert [s.skill for s in told.skills] == [s.skill for s in plain.skills] == ["Python"]


def test_only_a_finished_jobs_spooled_upload_is_removed(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    spool = tmp_path / "imports"
    spool.mkdir()
    uploaded, own = spool / "upload.jsonl", tmp_path / "mine.jsonl"
    write_postings(uploaded, 2)
    write_postings(own, 2)
    uploaded_job, own_job = new_job(factory, uploaded), new_job(factory, own)
    assert not jobs.remove_upload(factory, uploaded_job, spool)  # queued: it will be read
    assert uploaded.exists()
    for job_id in (uploaded_job, own_job):
        jobs.run_import(factory, job_id, lease_s=60)
    assert not jobs.remove_upload(factory, own_job, spool)  # a file given by path stays
    assert own.exists()
    assert jobs.remove_upload(factory, uploaded_job, spool)
    assert not uploaded.exists()


def test_a_batch_ends_at_its_share_of_text_too(
    factory: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long postings end a batch before its count: 500 of 100,000 characters would take
    minutes to extract, past the job's lease."""
    monkeypatch.setattr(jobs, "BATCH_CHARS", 25_000)
    path = tmp_path / "long.jsonl"
    path.write_bytes(
        jsonl(*(posting_data(external_id=f"l{n}", description="Go " * 4_000) for n in range(6)))
    )
    checkpoints: list[int] = []
    final = jobs.run_import(
        factory,
        new_job(factory, path),
        lease_s=60,
        batch_size=500,
        on_progress=lambda p: checkpoints.append(p.records_read),
    )
    assert final.created == 6
    assert checkpoints == [3, 6]  # 12,000 characters each: the third passes 25,000


def _run_at_once(factory: sessionmaker[Session], job_ids: list[str]) -> list[BaseException]:
    """Run the jobs in threads that start together; the errors they raised."""
    barrier = threading.Barrier(len(job_ids))
    errors: list[BaseException] = []

    def run(job_id: str) -> None:
        barrier.wait()
        try:
            jobs.run_import(factory, job_id, lease_s=60, batch_size=10)
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job_id,)) for job_id in job_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def _edited(path: Path, count: int) -> None:
    lines = [
        posting_data(
            external_id=f"p{n}",
            title=f"Python Engineer {n}",
            description=f"Go and PostgreSQL, 年収{600 + n}万円〜900万円, フルリモート",
        )
        for n in range(1, count + 1)
    ]
    path.write_bytes(jsonl(*lines))


def test_two_jobs_writing_the_same_postings_at_once_agree(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    # The same file uploaded twice, imported at once: on PostgreSQL both batches read the
    # same postings as new (one failed on the unique key, again on every retry), or both
    # took the same old contribution out of the market rollup.
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_postings(first, 60)
    second.write_bytes(first.read_bytes())
    created = [new_job(factory, first), new_job(factory, second)]
    assert _run_at_once(factory, created) == []
    rows = [job_row(factory, job_id) for job_id in created]
    assert [row.status for row in rows] == ["succeeded", "succeeded"]
    assert sum(row.created for row in rows) == 60 and sum(row.unchanged for row in rows) == 60
    assert posting_count(factory) == 60

    _edited(first, 60)
    second.write_bytes(first.read_bytes())
    edited = [new_job(factory, first), new_job(factory, second)]
    assert _run_at_once(factory, edited) == []
    rows = [job_row(factory, job_id) for job_id in edited]
    assert [row.status for row in rows] == ["succeeded", "succeeded"]
    assert sum(row.updated for row in rows) == 60 and sum(row.unchanged for row in rows) == 60
    with transaction(factory, write=True) as session:
        assert set(market.drift(session).values()) == {0}
        session.rollback()
