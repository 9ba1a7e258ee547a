"""Skill co-occurrence against brute force over the stored rows, on both databases."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from kyujin.analytics import service
from kyujin.analytics.schemas import CooccurrenceQuery
from kyujin.errors import InvalidInput
from tests.analytics import market, oracle
from tests.analytics.market import Row


@pytest.fixture
def stored(db_session: Session) -> list[Row]:
    market.load(db_session, market.labelled_postings())
    return market.rows(db_session)


def _cooccurrence(session: Session, **params: Any) -> dict[str, Any]:
    return service.cooccurrence(session, CooccurrenceQuery(**params)).model_dump()


def test_cooccurrence_matches_brute_force(db_session: Session, stored: list[Row]) -> None:
    result = _cooccurrence(db_session, of="python", top=500)
    expected = oracle.cooccurrence(stored, "Python")
    assert (result["skill"], result["category"], result["order"]) == ("Python", "language", "count")
    assert (result["n"], result["postings"], result["withheld"]) == (
        60, expected["postings"], False
    )  # fmt: skip
    assert {f["skill"]: f for f in result["skills"]} == expected["skills"]
    keys = [(-f["postings"], f["skill"]) for f in result["skills"]]
    assert keys == sorted(keys)
    lifts = [f["lift"] for f in result["skills"]]
    assert any(x is not None and x > 1 for x in lifts) and any(x is None for x in lifts)
    # A lift is P(A and B) / (P(A) P(B)): ab * n / (a * b).
    first = result["skills"][0]
    assert first["lift"] == pytest.approx(
        first["postings"] * 60 / (result["postings"] * first["skill_postings"])
    )


def test_cooccurrence_by_lift_within_a_category(db_session: Session, stored: list[Row]) -> None:
    result = _cooccurrence(db_session, of="Go", order="lift", top=3, skill_category="database")
    expected = oracle.cooccurrence(stored, "Go", "database")["skills"]
    ranked = sorted(
        expected.values(),
        key=lambda f: (f["lift"] is None, -(f["lift"] or 0), -f["postings"], f["skill"]),
    )
    assert result["skills"] == ranked[:3]
    assert {f["category"] for f in result["skills"]} == {"database"}


def test_filters_narrow_cooccurrence(db_session: Session, stored: list[Row]) -> None:
    result = _cooccurrence(db_session, of="AWS", top=500, industry=["web"], skill=["Python"])
    subset = market.where(stored, lambda r: r.attrs["industry"] == "web" and "Python" in r.skills)
    expected = oracle.cooccurrence(subset, "AWS")
    assert result["n"] == len(subset) and result["postings"] == expected["postings"]
    assert {f["skill"]: f for f in result["skills"]} == expected["skills"]


def test_small_samples_are_withheld(db_session: Session, stored: list[Row]) -> None:
    result = _cooccurrence(db_session, of="Ruby", top=500, industry=["finance"], remote=["full"])
    assert 0 < result["postings"] < 5 and result["withheld"]
    assert result["skills"]
    for figure in result["skills"]:
        assert figure["share"] is None and figure["lift"] is None and figure["withheld"]
        assert figure["postings"] >= 1  # counts stay visible


def test_a_skill_no_posting_mentions(db_session: Session, stored: list[Row]) -> None:
    result = _cooccurrence(db_session, of="COBOL")
    assert (result["n"], result["postings"], result["skills"]) == (60, 0, [])


def test_bad_skill_or_category_is_invalid_input(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="not in the taxonomy"):
        _cooccurrence(db_session, of="Pythn")
    with pytest.raises(InvalidInput, match="not a category"):
        _cooccurrence(db_session, of="Go", skill_category="db")
