import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from kyujin.cli import app
from kyujin.db.models import Posting
from kyujin.settings import get_settings
from tests.support.factories import jsonl, posting_data

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


def test_import_from_stdin_with_a_default_source(cli_env: str) -> None:
    record = posting_data()
    del record["source"]
    result = runner.invoke(app, ["import", "-", "--source", "board-x"], input=json.dumps(record))
    assert result.exit_code == 0, result.output
    engine = create_engine(cli_env)
    with engine.connect() as conn:
        assert conn.scalar(select(Posting.source)) == "board-x"
    engine.dispose()


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
    "command", [[], ["import"], ["db", "upgrade"], ["serve"], ["extract"], ["reextract"]]
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
    assert [e["line"] for e in errors] == [2, 3]
    assert errors[1]["error"] == "'text' must be a string"


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
