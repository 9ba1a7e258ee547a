"""`kyujin analytics skills|salaries`: filters, a table by default, the API's JSON with --json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from kyujin.cli import app
from kyujin.settings import get_settings
from tests.analytics import market
from tests.analytics.market import Row
from tests.support.factories import jsonl

runner = CliRunner()


@pytest.fixture
def stored(
    new_database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[list[Row]]:
    monkeypatch.setenv("KYUJIN_DATABASE_URL", new_database_url)
    monkeypatch.setenv("KYUJIN_LOG_LEVEL", "WARNING")
    get_settings.cache_clear()
    file = tmp_path / "market.jsonl"
    file.write_bytes(jsonl(*(p.model_dump(mode="json") for p in market.labelled_postings())))
    assert runner.invoke(app, ["import", str(file)]).exit_code == 0
    engine = create_engine(new_database_url)
    with Session(engine) as session:
        rows = market.rows(session)
    engine.dispose()
    yield rows
    get_settings.cache_clear()


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
