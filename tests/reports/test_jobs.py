"""The report job on both backends: runs once, releases on failure, gives up after its
attempts, is handed out again when its worker is lost; and `kyujin report`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from kyujin.cli import app
from kyujin.db.base import utcnow
from kyujin.db.engine import make_engine, make_session_factory, transaction
from kyujin.db.models import ReportJob
from kyujin.reports import jobs, output, service
from kyujin.reports.schemas import ReportQuery
from kyujin.settings import get_settings
from tests.analytics import market
from tests.conftest import make_settings
from tests.reports.support import pdf_page_count
from tests.support.factories import jsonl

runner = CliRunner()


@pytest.fixture
def engine_fresh(new_database_url: str) -> Iterator[Engine]:
    engine = make_engine(make_settings(new_database_url))
    yield engine
    engine.dispose()


@pytest.fixture
def factory(engine_fresh: Engine) -> sessionmaker[Session]:
    factory = make_session_factory(engine_fresh)
    with transaction(factory, write=True) as session:
        market.load(session, market.labelled_postings(30))
    return factory


def new_job(factory: sessionmaker[Session], **params: object) -> str:
    with transaction(factory, write=True) as session:
        return service.create_job(session, ReportQuery.model_validate(params)).id


def job_row(factory: sessionmaker[Session], job_id: str) -> ReportJob:
    with transaction(factory) as session:
        job = session.get(ReportJob, job_id)
        assert job is not None
        return job


def test_a_job_runs_once(factory: sessionmaker[Session], tmp_path: Path) -> None:
    job_id = new_job(factory, remote=["full"])
    assert jobs.run_report(factory, job_id, lease_s=60, report_dir=tmp_path) == "succeeded"
    with pytest.raises(jobs.JobUnavailable):
        jobs.run_report(factory, job_id, lease_s=60, report_dir=tmp_path)
    job = job_row(factory, job_id)
    assert (job.status, job.attempts, job.owner) == ("succeeded", 1, None)
    html, pdf = jobs.paths(tmp_path, job_id)
    assert job.html_path == str(html.resolve()) and "remote=full" in html.read_text()
    assert pdf_page_count(pdf.read_bytes()) == 8


def test_a_failed_run_is_released_then_given_up(
    factory: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path = tmp_path / "reports"

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(output, "render", broken)
    job_id = new_job(factory)
    for attempt in range(1, service.MAX_ATTEMPTS + 1):
        with pytest.raises(OSError, match="disk full"):
            jobs.run_report(factory, job_id, lease_s=60, report_dir=tmp_path)
        job = job_row(factory, job_id)
        assert job.attempts == attempt and "disk full" in (job.error or "")
        assert job.status == ("failed" if attempt == service.MAX_ATTEMPTS else "queued")
    assert not tmp_path.exists() or not list(tmp_path.iterdir())  # nothing half written


def test_a_lost_worker_is_noticed_and_the_job_handed_out_again(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    job_id = new_job(factory)
    with transaction(factory, write=True) as session:
        assert service.claim(session, job_id, owner="a" * 32, lease_s=60) is not None
        assert service.stalled(session, lease_s=60, queued_lease_s=300) == []  # still alive
        session.execute(update(ReportJob).values(heartbeat_at=utcnow() - timedelta(seconds=120)))
        assert service.stalled(session, lease_s=60, queued_lease_s=300) == [job_id]
    # The next run takes it over; the lost run can no longer finish it.
    assert jobs.run_report(factory, job_id, lease_s=60, report_dir=tmp_path) == "succeeded"
    with transaction(factory, write=True) as session:
        assert not service.finish(session, job_id, owner="a" * 32, error="late")
    assert job_row(factory, job_id).attempts == 2


@pytest.fixture
def database(new_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("KYUJIN_DATABASE_URL", new_database_url)
    monkeypatch.setenv("KYUJIN_LOG_LEVEL", "WARNING")
    get_settings.cache_clear()
    yield new_database_url
    get_settings.cache_clear()


def test_the_report_command(database: str, tmp_path: Path) -> None:
    file = tmp_path / "market.jsonl"
    records = market.labelled_postings(40)
    file.write_bytes(jsonl(*(p.model_dump(mode="json") for p in records)))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    out, pdf = tmp_path / "out" / "market.html", tmp_path / "market.pdf"
    result = runner.invoke(
        app, ["report", "--out", str(out), "--pdf", str(pdf), "-f", "remote=full",
              "--title", "フルリモート"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "matching postings" in result.output
    text = out.read_text()
    assert "<h1>フルリモート</h1>" in text and 'id="trends"' in text
    assert pdf_page_count(pdf.read_bytes()) == 8
    only_html = tmp_path / "only.html"
    assert runner.invoke(app, ["report", "-o", str(only_html)]).exit_code == 0
    assert only_html.exists() and not (tmp_path / "only.pdf").exists()


def test_the_report_command_refuses_bad_filters(database: str, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    for args in (["-f", "skill=Cobolt"], ["-f", "colour=red"], ["--until", "2026-13"]):
        result = runner.invoke(app, ["report", "--out", str(out), *args])
        assert result.exit_code == 2, (args, result.output)
    assert not out.exists()
    # the PDF written over the HTML, and both reported written
    same = runner.invoke(app, ["report", "--out", str(out), "--pdf", str(out)])
    assert same.exit_code == 2 and not out.exists()
