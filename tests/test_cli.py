import io
import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from kyujin.cli import app
from kyujin.db.migrate import upgrade
from kyujin.db.models import Posting
from kyujin.postings.formats import read_jsonld
from kyujin.postings.search_index import SearchIndex
from kyujin.settings import get_settings
from tests.support.factories import jsonl, posting_data
from tests.support.servers import PostgresServer

runner = CliRunner()


@pytest.fixture
def cli_env(new_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("KYUJIN_DATABASE_URL", new_database_url)
    monkeypatch.setenv("KYUJIN_LOG_LEVEL", "WARNING")
    get_settings.cache_clear()
    yield new_database_url
    get_settings.cache_clear()


def titles(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        result = list(conn.scalars(select(Posting.title).order_by(Posting.id)))
    engine.dispose()
    return result


def test_import_reports_bad_lines_and_imports_the_rest(cli_env: str, tmp_path: Path) -> None:
    missing_title = posting_data(external_id="no-title")
    del missing_title["title"]
    file = tmp_path / "postings.jsonl"
    file.write_bytes(
        jsonl(
            posting_data(external_id="1", title="Python バックエンド"),
            '{"external_id": "2", "title": "broken',
            missing_title,
            posting_data(external_id="huge", description="x" * 10 * 1024 * 1024),
            posting_data(external_id="5", title="Go エンジニア"),
        )
    )
    result = runner.invoke(app, ["import", str(file)])
    assert result.exit_code == 1
    assert result.stdout.strip() == "created 2, updated 0, unchanged 0, rejected 3"
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{file}:2: rejected: invalid JSON")
    assert errors[1] == f"{file}:3: rejected: title: Field required"
    assert errors[2].startswith(f"{file}:4: rejected: record is 10,485,")
    assert titles(cli_env) == ["Python バックエンド", "Go エンジニア"]


def test_reimport_changes_nothing_and_edits_update(cli_env: str, tmp_path: Path) -> None:
    records = [posting_data(external_id=str(i)) for i in range(3)]
    file = tmp_path / "p.jsonl"
    file.write_bytes(jsonl(*records))
    assert runner.invoke(app, ["import", str(file)]).stdout.strip() == (
        "created 3, updated 0, unchanged 0, rejected 0"
    )
    assert runner.invoke(app, ["import", str(file)]).stdout.strip() == (
        "created 0, updated 0, unchanged 3, rejected 0"
    )
    records[1]["title"] = "Renamed"
    file.write_bytes(jsonl(*records))
    result = runner.invoke(app, ["import", str(file), "--batch-size", "2"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "created 0, updated 1, unchanged 2, rejected 0"


def test_import_names_the_fields_it_did_not_store(cli_env: str, tmp_path: Path) -> None:
    records = [posting_data(external_id=str(i), salary_mn=5_000_000) for i in range(3)]
    file = tmp_path / "p.jsonl"
    file.write_bytes(jsonl(*records))
    result = runner.invoke(app, ["import", str(file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "created 3, updated 0, unchanged 0, rejected 0"
    assert (
        "warning: fields no posting field takes were not stored: salary_mn (3 records)"
        in result.stderr
    )


def test_import_from_stdin_with_a_default_source(cli_env: str) -> None:
    record = posting_data()
    del record["source"]
    result = runner.invoke(app, ["import", "-", "--source", "board-x"], input=json.dumps(record))
    assert result.exit_code == 0, result.output
    engine = create_engine(cli_env)
    with engine.connect() as conn:
        assert conn.scalar(select(Posting.source)) == "board-x"
    engine.dispose()


def test_an_interrupted_import_of_stdin_leaves_no_spool_and_no_job_to_resume(
    cli_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It promised a resume that could not happen (the next run spools a new file), left the
    # spool behind, and left a queued job a worker would later take up.
    from kyujin.db.models import ImportJob
    from kyujin.imports import jobs

    monkeypatch.setenv("KYUJIN_IMPORT_DIR", str(tmp_path / "spool"))
    get_settings.cache_clear()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(jobs, "run_import", interrupted)
    result = runner.invoke(app, ["import", "-"], input=json.dumps(posting_data()))
    assert result.exit_code == 130 and "cannot be resumed" in result.stderr
    assert list((tmp_path / "spool").iterdir()) == []
    engine = create_engine(cli_env)
    with engine.connect() as conn:
        assert conn.execute(select(ImportJob.status)).scalars().all() == ["failed"]
    engine.dispose()
    # a refused stdin leaves no spool either
    refused = runner.invoke(app, ["import", "-", "--map", "title=x"], input="garbage")
    assert refused.exit_code == 2 and list((tmp_path / "spool").iterdir()) == []


def test_import_refuses_an_unmigrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KYUJIN_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    file = tmp_path / "p.jsonl"
    file.write_bytes(jsonl(posting_data()))
    result = runner.invoke(app, ["import", str(file)])
    get_settings.cache_clear()
    assert result.exit_code == 2
    assert "run `kyujin db upgrade`" in result.stderr


def test_db_upgrade_creates_the_schema_and_is_repeatable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'var' / 'new.db'}"
    monkeypatch.setenv("KYUJIN_DATABASE_URL", url)
    get_settings.cache_clear()
    first = runner.invoke(app, ["db", "upgrade"])
    second = runner.invoke(app, ["db", "upgrade"])
    get_settings.cache_clear()
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Posting)) == 0
    engine.dispose()


@pytest.mark.parametrize(
    "command",
    [[], ["import"], ["db", "upgrade"], ["serve"], ["extract"], ["reextract"], ["export"]],
)
def test_help_explains_each_command(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_extract_reads_json_lines_and_reports_bad_lines() -> None:
    lines = "\n".join(
        [
            json.dumps(
                {"id": "a", "text": "【必須】Go言語 3年以上", "title": "Go"}, ensure_ascii=False
            ),
            "{not json",
            json.dumps({"id": "c", "text": 42}),
            '{"id": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}",
            json.dumps({"id": "d", "text": "年収500万円〜"}, ensure_ascii=False),
        ]
    )
    result = runner.invoke(app, ["extract"], input=lines)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "d"]
    assert out[0]["skills"][0] == {
        "skill": "Go",
        "category": "language",
        "start": 4,
        "end": 8,
        "surface": "Go言語",
        "requirement": "required",
    }
    assert set(out[1]) >= {
        "salary",
        "japanese_level",
        "english_level",
        "remote",
        "visa_sponsorship",
        "employment_type",
        "min_years_experience",
        "location",
    }
    errors = [json.loads(line) for line in result.stderr.splitlines()]
    assert [e["line"] for e in errors] == [2, 3, 4]
    assert errors[1]["error"] == "'text' must be a string"
    assert errors[2]["error"] == "nested too deeply"


def test_extract_reports_a_surrogate_or_an_over_long_line_and_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A lone surrogate in the id ended the run at the write (UnicodeEncodeError), and a line
    # of 57 MB was read whole and extracted for minutes with nothing said.
    from kyujin import cli

    monkeypatch.setattr(cli, "EXTRACT_LINE_BYTES", 1000)
    lines = "\n".join(
        [
            '{"id": "\\ud800", "text": "Java"}',
            json.dumps({"id": "long", "text": "x" * 2000}),
            json.dumps({"id": "after", "text": "Rust"}),
        ]
    )
    result = runner.invoke(app, ["extract"], input=lines)
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["after"]
    errors = [json.loads(line) for line in result.stderr.splitlines()]
    assert [e["line"] for e in errors] == [1, 2]
    assert "surrogate" in errors[0]["error"] and "over the limit" in errors[1]["error"]


def test_an_output_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["generate", "--count", "3", "-o", str(tmp_path / "no/x.jsonl")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot write" in result.stderr and "No such file or directory" in result.stderr


def test_an_interrupted_output_file_is_not_left_looking_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An export stopped half-way left 1,000 of 3,069 lines ending on a line boundary.
    import kyujin.synthetic

    def broken(count: int, seed: int) -> Iterator[bytes]:
        yield b"{}\n"
        raise KeyboardInterrupt

    monkeypatch.setattr(kyujin.synthetic, "lines", broken)
    target = tmp_path / "out.jsonl"
    runner.invoke(app, ["generate", "--count", "5", "-o", str(target)])
    assert list(tmp_path.iterdir()) == []
    target.write_text("old\n")
    runner.invoke(app, ["generate", "--count", "5", "-o", str(target)])
    assert target.read_text() == "old\n"  # the file before stays whole


def test_a_database_newer_than_the_code_is_named_so(cli_env: str) -> None:
    # "run kyujin db upgrade" was the advice, and following it gave an alembic traceback.
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    engine = create_engine(cli_env)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    engine.dispose()
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 2 and "newer version" in result.stderr
    upgraded = runner.invoke(app, ["db", "upgrade"])
    assert upgraded.exit_code == 2 and "Traceback" not in upgraded.output


def test_db_upgrade_says_the_revision_reached(cli_env: str) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    # asking for an older revision changes nothing, and the message says so
    result = runner.invoke(app, ["db", "upgrade", "0005"])
    assert result.exit_code == 0 and "database at 0005" not in result.stdout


def test_an_unreadable_page_of_a_directory_is_one_rejection(
    cli_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("a", "b", "c"):
        node = {"@type": "JobPosting", "title": f"T{name}", "description": "Go"}
        script = f'<script type="application/ld+json">{json.dumps(node)}</script>'
        (pages / f"{name}.html").write_text(f"<html>{script}</html>")
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "b.html":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    runner.invoke(app, ["db", "upgrade"])
    monkeypatch.setattr(Path, "open", guarded)
    result = runner.invoke(app, ["import", str(pages)])
    assert "created 2" in result.stdout and "b.html" in result.output
    assert "Traceback" not in result.output


def test_reextract_command(cli_env: str, tmp_path: Path) -> None:
    file = tmp_path / "p.jsonl"
    file.write_bytes(jsonl(posting_data(external_id="x", description="Python と AWS")))
    runner.invoke(app, ["import", str(file)])
    engine = create_engine(cli_env)
    with engine.begin() as conn:
        conn.execute(Posting.__table__.update().values(facts_version="0.stale"))
    engine.dispose()
    result = runner.invoke(app, ["reextract"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("re-extracted 1 postings")
    assert runner.invoke(app, ["reextract"]).stdout.startswith("re-extracted 0 postings")


def test_generate_writes_json_lines_to_stdout_or_a_file(tmp_path: Path) -> None:
    from kyujin.synthetic import lines

    expected = b"".join(lines(700, 4)).decode()  # more than one write batch
    result = runner.invoke(app, ["generate", "--count", "700", "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    assert result.stderr.startswith("wrote 700 synthetic postings (seed 4) to stdout")
    out = tmp_path / "synthetic.jsonl"
    result = runner.invoke(app, ["generate", "--count", "700", "--seed", "4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected.encode()
    first = json.loads(expected.splitlines()[0])
    assert first["synthetic"] is True and first["external_id"] == "syn-4-1"


@pytest.mark.parametrize("count", ["0", "-5", "many"])
def test_generate_refuses_a_count_that_is_not_a_positive_number(count: str) -> None:
    result = runner.invoke(app, ["generate", "--count", count])
    assert result.exit_code == 2
    assert "--count" in result.stderr
    assert runner.invoke(app, ["generate"]).exit_code == 2  # --count is required


def test_generated_postings_import(cli_env: str, tmp_path: Path) -> None:
    out = tmp_path / "synthetic.jsonl"
    generated = runner.invoke(app, ["generate", "--count", "40", "--seed", "2", "-o", str(out)])
    assert generated.exit_code == 0, generated.output
    result = runner.invoke(app, ["import", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "created 40, updated 0, unchanged 0, rejected 0"
    assert len(titles(cli_env)) == 40


@pytest.fixture
def other_database_url(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[str]:
    """A second fresh, migrated database of the same backend, to import an export into."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'other.db'}"
        upgrade(url)
        yield url
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"kyujin_other_{uuid.uuid4().hex[:12]}"
    server.psql(f"CREATE DATABASE {name}")
    upgrade(server.url(name))
    yield server.url(name)
    server.psql(f"DROP DATABASE {name} WITH (FORCE)")


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("KYUJIN_DATABASE_URL", url)
    get_settings.cache_clear()


def export_records() -> list[dict]:
    return [
        posting_data(
            source="board-a",
            external_id="r1",
            title="Backend Engineer (Go)",
            company="株式会社ペイネクスト",
            description=None,
            description_html="<h3>必須</h3><ul><li>Go 3年以上</li><li>PostgreSQL</li></ul>",
            valid_through="2026-12-31",
            company_employees=500,
            company_industry="金融",
            company_foreign_affiliated=False,
            salary_currency="JPY",
            salary_min=6_000_000,
            salary_max=9_000_000,
            salary_period="annual",
            employment_type="full_time",
            remote="hybrid",
            applicant_countries=["JP"],
        ),
        posting_data(
            source="board-b",
            external_id="r2",
            company=None,
            url=None,
            location=None,
            posted_at=None,
            description="年収500万円〜、フルリモート。Python 3年以上。",
        ),
        posting_data(source="board-a", external_id="r3", company="ペイネクスト"),
    ]


def comparable(lines: str) -> list[dict]:
    """Exported records without what a database assigns (ids and timestamps)."""
    records = [json.loads(line) for line in lines.splitlines()]
    for record in records:
        for name in ("id", "created_at", "updated_at"):
            del record[name]
        if record["company_info"]:
            del record["company_info"]["id"]
    return records


def test_export_writes_json_lines(cli_env: str, tmp_path: Path) -> None:
    file = tmp_path / "in.jsonl"
    file.write_bytes(jsonl(*export_records()))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"exported 3 postings to stdout in \d+\.\d s\n", result.stderr)
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and "株式会社ペイネクスト" in lines[0]  # UTF-8, not \u escapes
    records = [json.loads(line) for line in lines]
    assert [r["external_id"] for r in records] == ["r1", "r2", "r3"]
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    first = records[0]
    assert first["description"] == "必須\n\n- Go 3年以上\n- PostgreSQL"
    assert first["company_info"]["size_band"] == "medium"
    assert first["facts"]["salary"]["annual_max_jpy"] == 9_000_000
    assert first["facts"]["stated"] == ["salary", "employment_type", "remote", "location"]
    assert (first["salary_min"], first["remote"], first["company_industry"]) == (
        6_000_000,
        "hybrid",
        "finance",
    )

    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "-o", str(out), "--source", "board-a"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"exported 2 postings to {out} in ")
    assert out.read_text(encoding="utf-8").splitlines() == [lines[0], lines[2]]

    result = runner.invoke(app, ["export", "--since", "2999-01-01"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.startswith("exported 0 postings to stdout")
    result = runner.invoke(app, ["export", "--since", date.today().isoformat()])
    assert len(result.stdout.splitlines()) == 3  # all were stored today (UTC, give or take)


def test_export_json_ld_reads_back(cli_env: str, tmp_path: Path) -> None:
    file = tmp_path / "in.jsonl"
    file.write_bytes(jsonl(*export_records()))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    result = runner.invoke(app, ["export", "--format", "jsonld"])
    assert result.exit_code == 0, result.output
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["@type"] for d in documents] == ["JobPosting"] * 3
    assert [d["identifier"]["value"] for d in documents] == ["r1", "r2", "r3"]
    parsed = list(read_jsonld(io.BytesIO(result.stdout.encode())))
    assert [p.error for p in parsed] == [None] * 3
    first = parsed[0].record
    assert first is not None
    assert (first.title, first.company, first.salary_max) == (
        "Backend Engineer (Go)",
        "株式会社ペイネクスト",
        9_000_000,
    )


def test_export_then_import_into_an_empty_database_gives_the_same_postings(
    cli_env: str, other_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "in.jsonl"
    file.write_bytes(jsonl(*export_records()))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    exported = tmp_path / "export.jsonl"
    assert runner.invoke(app, ["export", "-o", str(exported)]).exit_code == 0

    use_database(monkeypatch, other_database_url)
    result = runner.invoke(app, ["import", str(exported)])
    assert result.stdout.strip() == "created 3, updated 0, unchanged 0, rejected 0"
    again = runner.invoke(app, ["export"])
    assert again.exit_code == 0, again.output
    first, second = comparable(exported.read_text(encoding="utf-8")), comparable(again.stdout)
    assert second == first
    assert second[0]["company_info"] == {
        "name": "株式会社ペイネクスト",
        "size_band": "medium",
        "industry": "finance",
        "foreign_affiliated": False,
    }
    assert second[0]["description_html"] == export_records()[0]["description_html"]
    assert second[0]["facts"]["salary"]["min"] == 6_000_000
    assert second[2]["company_info"]["name"] == "株式会社ペイネクスト"  # r1's spelling
    # Importing the export again changes nothing.
    result = runner.invoke(app, ["import", str(exported)])
    assert result.stdout.strip() == "created 0, updated 0, unchanged 3, rejected 0"


def test_export_ends_quietly_when_the_reader_stops(cli_env: str, tmp_path: Path) -> None:
    file = tmp_path / "synthetic.jsonl"
    runner.invoke(app, ["generate", "--count", "60", "--seed", "3", "-o", str(file)])
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    # 60 postings with their facts are some 450 KB, far more than a pipe holds, written
    # 10 at a time: the writes after the reader has gone fail.
    process = subprocess.Popen(
        [Path(sys.executable).parent / "kyujin", "export", "--batch-size", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KYUJIN_DATABASE_URL": cli_env},
    )
    assert process.stdout is not None and process.stderr is not None
    with process.stdout, process.stderr:
        assert json.loads(process.stdout.readline())["external_id"] == "syn-3-1"
        process.stdout.close()  # like `kyujin export | head -1`
        assert process.wait(timeout=60) == 0
        assert process.stderr.read() == b""  # no traceback, no summary


def test_export_refuses_an_unmigrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_database(monkeypatch, f"sqlite:///{tmp_path / 'empty.db'}")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "-o", str(out)])
    get_settings.cache_clear()
    assert result.exit_code == 2
    assert "run `kyujin db upgrade`" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "value"), [("--since", "2026-13-01"), ("--since", "yesterday"), ("--format", "csv")]
)
def test_export_refuses_bad_options(option: str, value: str) -> None:
    result = runner.invoke(app, ["export", option, value])
    assert result.exit_code == 2
    assert option in result.stderr


def test_index_rebuild_and_sync(
    cli_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search index commands: refused without a path, then built, then kept up."""
    assert runner.invoke(app, ["index", "rebuild"]).exit_code == 2  # no path set
    monkeypatch.setenv("KYUJIN_SEARCH_INDEX_PATH", str(tmp_path / "index"))
    get_settings.cache_clear()
    result = runner.invoke(app, ["index", "sync"])
    assert result.exit_code == 2 and "kyujin index rebuild" in result.stderr
    file = tmp_path / "postings.jsonl"
    file.write_bytes(jsonl(posting_data(external_id="1"), posting_data(external_id="2")))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    (tmp_path / "index" / "index-000000000000").mkdir()  # an older kyujin's
    (tmp_path / "index" / "index-000000000000" / "meta.json").write_text("{}")
    result = runner.invoke(app, ["index", "rebuild"])
    assert result.exit_code == 0 and result.stdout.startswith("indexed 2 postings in ")
    assert f"another version of kyujin is in {tmp_path / 'index' / 'index-0'}" in result.stdout
    assert runner.invoke(app, ["index", "sync"]).stdout.startswith("synced 0 postings")
    file.write_bytes(jsonl(posting_data(external_id="3")))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    # the import brought the index up to date itself
    assert runner.invoke(app, ["index", "sync"]).stdout.startswith("synced 0 postings")
    assert SearchIndex(tmp_path / "index").num_docs() == 3
    # three imports wrote 3 outbox rows; the index applied them all, so pruning is harmless
    result = runner.invoke(app, ["index", "prune", "--keep", "1"])
    assert result.exit_code == 0 and result.stdout.startswith("pruned 2 outbox rows"), result
    assert runner.invoke(app, ["index", "sync"]).stdout.startswith("synced 0 postings")
    assert runner.invoke(app, ["index", "prune", "--keep", "0"]).exit_code == 2
    get_settings.cache_clear()
