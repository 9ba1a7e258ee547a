"""The trap rule of evaluation.japan_facts: a listed skill may be found as a more specific one."""

import json
from pathlib import Path

import pytest
from evaluation.japan_facts import Resolver, main, run_traps

from kyujin.core.taxonomy import default_taxonomy


def _run(trap: dict[str, object]) -> tuple[bool, list[str]]:
    taxonomy = default_taxonomy()
    (result,) = run_traps([trap], Resolver(taxonomy), taxonomy)
    return result.passed, result.problems


def test_a_more_specific_skill_stands_for_the_listed_one() -> None:
    passed, problems = _run(
        {"id": "t", "text": "Firmware work on embedded Linux.", "skills": ["Linux"]}
    )
    assert passed, problems


def test_a_more_general_skill_does_not_stand_for_a_specific_one() -> None:
    passed, problems = _run(
        {"id": "t", "text": "We run Linux servers.", "skills": ["Embedded Linux"]}
    )
    assert not passed
    assert problems[0] == "missed Embedded Linux"


def test_not_skills_are_checked_on_the_skill_itself() -> None:
    passed, problems = _run(
        {"id": "t", "text": "Firmware work on embedded Linux.", "not_skills": ["Linux"]}
    )
    assert passed, problems


def test_a_split_labelling_only_years_scores_no_other_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--split", "tuning_years10"]) == 0
    out = capsys.readouterr().out
    assert "salary                    -/0        -   not scored" in out
    assert "min_years_experience     40/40    100.0%  met" in out


def test_a_file_outside_the_splits_is_scored_by_the_same_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = {
        "id": "z-01",
        "lang": "en",
        "title": "Backend Engineer",
        "text": "Requirements\n- 3+ years of Go\nSalary: ¥6M - ¥8M per year\nFully remote",
        "expected": {"min_years_experience": 3, "remote": "hybrid"},
    }
    path = tmp_path / "set_z.jsonl"
    path.write_text(json.dumps(posting) + "\n", encoding="utf-8")
    assert main(["--file", str(path)]) == 0
    out = capsys.readouterr().out
    assert "split: set_z, postings: 1" in out
    assert "min_years_experience      1/1     100.0%  met" in out
    assert "remote                    0/1       0.0%  NOT met" in out
