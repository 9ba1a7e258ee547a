"""`kyujin analytics ...`: filters, a table by default, the API's JSON with --json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from kyujin.cli import app
from kyujin.postings.schemas import PostingIn
from kyujin.settings import get_settings
from tests.analytics import market, oracle
from tests.analytics.market import Row
from tests.support.factories import jsonl

runner = CliRunner()


def _imported(url: str, records: list[PostingIn], tmp_path: Path) -> list[Row]:
    file = tmp_path / "market.jsonl"
    file.write_bytes(jsonl(*(p.model_dump(mode="json") for p in records)))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    engine = create_engine(url)
    with Session(engine) as session:
        rows = market.rows(session)
    engine.dispose()
    return rows


@pytest.fixture
def database(new_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("KYUJIN_DATABASE_URL", new_database_url)
    monkeypatch.setenv("KYUJIN_LOG_LEVEL", "WARNING")
    get_settings.cache_clear()
    yield new_database_url
    get_settings.cache_clear()


@pytest.fixture
def stored(database: str, tmp_path: Path) -> list[Row]:
    return _imported(database, market.labelled_postings(), tmp_path)


@pytest.fixture
def dated(database: str, tmp_path: Path) -> list[Row]:
    return _imported(database, market.dated_postings(), tmp_path)


def test_salaries_json_is_the_api_answer(stored: list[Row]) -> None:
    result = runner.invoke(
        app, ["analytics", "salaries", "--by", "industry", "-f", "remote=full", "--json"]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    subset = market.where(stored, lambda r: r.attrs["remote"] == "full")
    assert body["n"] == len(subset)
    assert {g["value"]: g for g in body["groups"]} == market.salary_groups(subset, "industry")


def test_skills_table_lists_the_top_skills(stored: list[Row]) -> None:
    result = runner.invoke(
        app, ["analytics", "skills", "--top", "3", "--category", "language", "-f", "skill=Go"]
    )
    assert result.exit_code == 0, result.output
    subset = market.where(stored, lambda r: "Go" in r.skills)
    expected = market.skill_cell(subset, 3, "language")
    lines = result.stdout.splitlines()
    assert lines[0] == f"all matching: {len(subset)} postings"
    assert lines[1].split() == ["skill", "category", "postings", "share", "required", "preferred"]
    assert [line.split()[0] for line in lines[2:]] == [s["skill"] for s in expected["skills"]]
    assert lines[2].split()[2] == str(expected["skills"][0]["postings"])


def test_salaries_table_shows_withheld_cells(stored: list[Row]) -> None:
    result = runner.invoke(
        app, ["analytics", "salaries", "--by", "experience", "-f", "industry=finance"]
    )
    assert result.exit_code == 0, result.output
    assert "withheld" in result.stdout
    assert result.stdout.splitlines()[1].split() == ["group", "n", "p25", "median", "p75"]


def test_bad_input_exits_2_with_a_message(stored: list[Row]) -> None:
    result = runner.invoke(app, ["analytics", "salaries", "--premium", "Cobolt"])
    assert result.exit_code == 2
    assert "'Cobolt' is not in the taxonomy" in result.stderr
    result = runner.invoke(app, ["analytics", "skills", "-f", "colour=red"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["analytics", "salaries", "--by", "colour"])
    assert result.exit_code == 2


def test_cooccurrence_json_is_the_api_answer(stored: list[Row]) -> None:
    result = runner.invoke(
        app, ["analytics", "cooccurrence", "go", "--top", "500", "-f", "industry=saas", "--json"]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    subset = market.where(stored, lambda r: r.attrs["industry"] == "saas")
    expected = oracle.cooccurrence(subset, "Go")
    assert body["skill"] == "Go" and body["postings"] == expected["postings"]
    assert {f["skill"]: f for f in body["skills"]} == expected["skills"]


def test_matrix_json_and_table(stored: list[Row]) -> None:
    result = runner.invoke(app, ["analytics", "matrix", "Go", "python", "Java", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [row["skill"] for row in body["rows"]] == ["Go", "Python", "Java"]
    go = {f["skill"]: f for f in body["rows"][0]["skills"]}
    expected = oracle.cooccurrence(stored, "Go")["skills"]
    assert go["Python"] == expected["Python"] and go["Java"] == expected["Java"]
    table = runner.invoke(app, ["analytics", "matrix", "Go", "Python"])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].startswith(f"{len(stored):,} matching postings")
    assert lines[1].split()[-2:] == ["Go", "Python"]
    assert runner.invoke(app, ["analytics", "matrix", "Go"]).exit_code == 2


def test_cooccurrence_table_by_lift(stored: list[Row]) -> None:
    result = runner.invoke(app, ["analytics", "cooccurrence", "Python", "--order", "lift"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Python: ") and "lift = P(both) / (P(A) P(B))" in lines[0]
    assert lines[1].split() == ["skill", "category", "together", "postings", "share", "lift"]
    lifts = [line.split()[-1] for line in lines[2:]]
    shown = [float(x) for x in lifts if x != "withheld"]
    assert shown == sorted(shown, reverse=True) and lifts[-1] == "withheld"


def test_trends_table_and_json(dated: list[Row]) -> None:
    args = ["analytics", "trends", "Python", "Go", "--months", "3", "--until", "2026-10"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["month", "n", "change", "Python", "Go"]
    assert [line.split()[0] for line in lines[2:]] == ["2026-08", "2026-09", "2026-10"]
    body = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert body["skills"][0]["months"] == [
        oracle.trend_cell(dated, "Python", m) for m in ("2026-08", "2026-09", "2026-10")
    ]


def test_languages_json_is_the_api_answer(dated: list[Row]) -> None:
    result = runner.invoke(app, ["analytics", "languages", "-f", "remote=full", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    subset = market.where(dated, lambda r: r.attrs["remote"] == "full")
    last = max(r.attrs["listed_on"] for r in subset).isoformat()[:7]
    for outlook in body["languages"]:
        assert outlook == oracle.language(subset, outlook["language"], last)
    table = runner.invoke(app, ["analytics", "languages"]).stdout.splitlines()
    assert table[1].split()[:3] == ["language", "postings", "share"]
    assert {line.split()[0] for line in table[2:]} >= {"Python", "Go", "Java", "COBOL"}


def test_bad_input_to_the_new_commands_exits_2(stored: list[Row]) -> None:
    for args, message in [
        (["cooccurrence", "Cobolt"], "'Cobolt' is not in the taxonomy"),
        (["trends", "Go", "--category", "language"], "not both"),
        (["trends", "--until", "2026-13"], "until"),
        (["languages", "--until", "soon"], "until"),
    ]:
        result = runner.invoke(app, ["analytics", *args])
        assert result.exit_code == 2, args
        assert message in result.stderr, args
    assert runner.invoke(app, ["analytics", "cooccurrence", "Go", "--order", "x"]).exit_code == 2


def test_rebuild_counts_every_posting_and_check_reports_drift(
    stored: list[Row], database: str
) -> None:
    result = runner.invoke(app, ["analytics", "rebuild", "--check"])
    assert result.exit_code == 0, result.output
    assert "postings_missing 0, postings_extra 0" in result.stdout
    engine = create_engine(database)
    with engine.begin() as conn:  # a write that bypasses the service: the rollup drifts
        conn.exec_driver_sql("UPDATE posting SET remote = 'onsite' WHERE remote = 'full'")
    engine.dispose()
    result = runner.invoke(app, ["analytics", "rebuild", "--check"])
    assert result.exit_code == 1
    assert "postings_missing 0" not in result.stdout
    result = runner.invoke(app, ["analytics", "rebuild"])
    assert result.exit_code == 0 and "rebuilt" in result.stdout
    assert runner.invoke(app, ["analytics", "rebuild", "--check"]).exit_code == 0
