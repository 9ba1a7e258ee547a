"""Skill demand and salary figures against brute force over the stored rows, on both
databases (db_session runs every test on SQLite and on PostgreSQL)."""

from __future__ import annotations

import statistics
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kyujin.analytics import service
from kyujin.analytics.schemas import (
    FILTER_FIELDS,
    AnalyticsFilters,
    SalariesQuery,
    SkillsQuery,
)
from kyujin.errors import InvalidInput
from kyujin.postings.search_schemas import SearchQuery
from tests.analytics import market
from tests.analytics.market import Row


@pytest.fixture
def stored(db_session: Session) -> list[Row]:
    market.load(db_session, market.labelled_postings())
    return market.rows(db_session)


def test_the_labelled_market_is_stored_as_labelled(stored: list[Row]) -> None:
    assert len(stored) == 60
    with_salary = [r for r in stored if r.salary is not None]
    assert 30 < len(with_salary) < 60
    assert any(r.salary is not None and r.salary.denominator == 2 for r in stored)  # x.5 yen
    both = {"required", "preferred"}
    assert any(both in r.skills.values() for r in stored), "required and preferred at once"
    assert {r.attrs["japanese_level"] for r in stored} >= {"N1", "N2", "none"}
    assert {market.experience_band(r.attrs["years"]) for r in stored} == {
        "0-2", "3-4", "5-9", "10+", "unstated"
    }  # fmt: skip


def test_filters_are_those_of_posting_search() -> None:
    excluded = {"sort", "facets", "cursor", "limit"}
    assert set(FILTER_FIELDS) == set(SearchQuery.model_fields) - excluded
    for name in FILTER_FIELDS:
        ours, theirs = AnalyticsFilters.model_fields[name], SearchQuery.model_fields[name]
        assert ours.annotation == theirs.annotation, name
        assert ours.metadata == theirs.metadata, name


def _demand(session: Session, **params: Any) -> dict[str, Any]:
    return service.skill_demand(session, SkillsQuery(**params)).model_dump()


def test_skill_demand_overall_matches_brute_force(db_session: Session, stored: list[Row]) -> None:
    result = _demand(db_session, top=500)
    assert result["n"] == 60
    expected = market.skill_cell(stored, top=500)
    assert result["overall"] == {"value": None, **expected}
    assert result["segments"] == []
    # Shares add up: required + preferred-only <= postings.
    for figure in result["overall"]["skills"]:
        assert figure["required"] + figure["preferred"] <= figure["postings"]


def test_skill_demand_top_n_within_a_category(db_session: Session, stored: list[Row]) -> None:
    result = _demand(db_session, top=3, skill_category="language")
    assert result["overall"] == {"value": None, **market.skill_cell(stored, 3, "language")}
    assert [f["category"] for f in result["overall"]["skills"]] == ["language"] * 3


@pytest.mark.parametrize("segment", ["industry", "size_band", "foreign_affiliated", "remote"])
def test_skill_demand_per_segment_matches_brute_force(
    db_session: Session, stored: list[Row], segment: str
) -> None:
    result = _demand(db_session, top=5, segment=segment)
    values = {market.label(r.attrs[segment]) for r in stored}
    expected = {
        value: {
            "value": value,
            **market.skill_cell(
                market.where(stored, lambda r, v=value: market.label(r.attrs[segment]) == v), 5
            ),
        }
        for value in values
    }
    assert {cell["value"]: cell for cell in result["segments"]} == expected
    sizes = [cell["n"] for cell in result["segments"]]
    assert sizes == sorted(sizes, reverse=True)
    assert result["overall"] == {"value": None, **market.skill_cell(stored, 5)}


def test_skill_demand_withholds_shares_of_small_segments(
    db_session: Session, stored: list[Row]
) -> None:
    result = _demand(db_session, segment="prefecture", industry=["finance"], remote=["full"])
    small = [cell for cell in result["segments"] if cell["n"] < 5]
    assert small, "the filters leave some prefecture with fewer than 5 postings"
    for cell in small:
        assert cell["withheld"]
        assert cell["skills"] and all(f["share"] is None for f in cell["skills"])
        assert all(f["postings"] >= 1 for f in cell["skills"])  # counts stay visible


def test_filters_narrow_skill_demand(db_session: Session, stored: list[Row]) -> None:
    result = _demand(db_session, top=500, size_band=["startup", "small"], skill=["python"])
    subset = market.where(
        stored, lambda r: r.attrs["size_band"] in ("startup", "small") and "Python" in r.skills
    )
    assert 5 <= len(subset) < len(stored)
    assert result["overall"] == {"value": None, **market.skill_cell(subset, 500)}


def test_full_text_narrows_skill_demand(db_session: Session, stored: list[Row]) -> None:
    assert _demand(db_session, q="Kubernetes")["n"] == len(
        market.where(stored, lambda r: "Kubernetes" in r.skills)
    )
    assert _demand(db_session, q="!!")["n"] == 0  # punctuation only matches nothing


def test_unknown_skill_category_is_invalid_input(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="not a category"):
        _demand(db_session, skill_category="languages")
    with pytest.raises(InvalidInput, match="not in the taxonomy"):
        _demand(db_session, skill=["Cobolt"])


def _salaries(session: Session, **params: Any) -> dict[str, Any]:
    return service.salary_figures(session, SalariesQuery(**params)).model_dump()


def test_salary_overall_matches_brute_force(db_session: Session, stored: list[Row]) -> None:
    result = _salaries(db_session)
    assert result["n"] == 60
    expected = market.salary_cell(r.salary for r in stored if r.salary is not None)
    assert result["overall"] == {"value": None, **expected}
    assert result["groups"] == [] and result["premium"] is None


@pytest.mark.parametrize(
    "by", ["language", "skill", "experience", "size_band", "industry", "japanese_level"]
)
def test_salary_groups_match_brute_force(db_session: Session, stored: list[Row], by: str) -> None:
    result = _salaries(db_session, by=by, top=2000)
    expected = market.salary_groups(stored, by)
    assert {g["value"]: g for g in result["groups"]} == expected
    assert any(not g["withheld"] for g in result["groups"])
    if by == "experience":
        order = ["0-2", "3-4", "5-9", "10+", "unstated"]
        assert [g["value"] for g in result["groups"]] == [v for v in order if v in expected]
    else:
        sizes = [g["n"] for g in result["groups"]]
        assert sizes == sorted(sizes, reverse=True)


def test_salary_groups_withhold_small_samples(db_session: Session, stored: list[Row]) -> None:
    result = _salaries(db_session, by="skill", top=2000, industry=["finance"])
    subset = market.where(stored, lambda r: r.attrs["industry"] == "finance")
    assert {g["value"]: g for g in result["groups"]} == market.salary_groups(subset, "skill")
    small = [g for g in result["groups"] if g["n"] < 5]
    assert small and len(small) < len(result["groups"])
    assert all(g["withheld"] and g["median"] is None and g["p25"] is None for g in small)


def test_filters_narrow_salaries(db_session: Session, stored: list[Row]) -> None:
    result = _salaries(db_session, by="industry", salary_min=7_000_000, remote=["full", "hybrid"])
    subset = market.where(
        stored,
        lambda r: (
            r.attrs["remote"] in ("full", "hybrid")
            and r.attrs["salary_high"] is not None
            and r.attrs["salary_high"] >= 7_000_000
        ),
    )
    assert result["n"] == len(subset)
    assert {g["value"]: g for g in result["groups"]} == market.salary_groups(subset, "industry")


def test_skill_premium_per_experience_band(db_session: Session, stored: list[Row]) -> None:
    result = _salaries(db_session, premium_skill="python")
    premium = result["premium"]
    assert premium["skill"] == "Python"
    for band in premium["bands"]:
        in_band = [
            r
            for r in stored
            if r.salary is not None and market.experience_band(r.attrs["years"]) == band["band"]
        ]
        with_skill = market.salary_cell(r.salary for r in in_band if "Python" in r.skills)
        without = market.salary_cell(r.salary for r in in_band if "Python" not in r.skills)
        assert band["with_skill"] == {"value": None, **with_skill}
        assert band["without_skill"] == {"value": None, **without}
        if with_skill["withheld"] or without["withheld"]:
            assert band["premium"] is None and band["withheld"]
        else:
            exact = _exact_median(in_band, True) - _exact_median(in_band, False)
            assert band["premium"] == market.half_up(exact)


def _exact_median(rows: list[Row], with_python: bool) -> Any:
    return statistics.median(
        r.salary for r in rows if r.salary is not None and ("Python" in r.skills) == with_python
    )


def test_unknown_premium_skill_is_invalid_input(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="not in the taxonomy"):
        _salaries(db_session, premium_skill="Pythn")


def test_no_postings_gives_withheld_empty_figures(db_session: Session) -> None:
    assert _salaries(db_session, by="language")["overall"] == {
        "value": None, "n": 0, "p25": None, "median": None, "p75": None, "withheld": True
    }  # fmt: skip
    demand = _demand(db_session, segment="industry")
    assert demand["overall"] == {"value": None, "n": 0, "withheld": True, "skills": []}
    assert demand["segments"] == []


def test_top_zero_gives_the_cells_sizes_only(db_session: Session, stored: list[Row]) -> None:
    sizes = _demand(db_session, top=0, segment="prefecture")
    full = _demand(db_session, top=5, segment="prefecture")
    assert sizes["overall"]["skills"] == [] and all(c["skills"] == [] for c in sizes["segments"])
    assert [(c["value"], c["n"]) for c in sizes["segments"]] == [
        (c["value"], c["n"]) for c in full["segments"]
    ]
    assert sum(c["n"] for c in sizes["segments"]) == sizes["n"] == 60
