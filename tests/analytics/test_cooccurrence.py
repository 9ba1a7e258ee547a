"""Skill co-occurrence against brute force over the stored rows, on both databases."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kyujin.analytics import service
from kyujin.analytics.schemas import CooccurrenceMatrixQuery, CooccurrenceQuery
from kyujin.errors import InvalidInput
from tests.analytics import market, oracle
from tests.analytics.market import Row
from tests.support.factories import posting_in


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


def _matrix(session: Session, **params: Any) -> dict[str, Any]:
    return service.cooccurrence_matrix(session, CooccurrenceMatrixQuery(**params)).model_dump()


def _pair_figures(rows: list[Row], a: str, b: str) -> dict[str, Any]:
    with_a = {r.id for r in rows if a in r.skills}
    with_b = {r.id for r in rows if b in r.skills}
    both, n = len(with_a & with_b), len(rows)
    lift = None if both < 5 else float(Fraction(both * n, len(with_a) * len(with_b)))
    return {
        "postings": both,
        "skill_postings": len(with_b),
        "share": None if len(with_a) < 5 else both / len(with_a),
        "lift": lift,
        "withheld": both < 5,
    }


def _common_skills(rows: list[Row], count: int) -> list[str]:
    counts = Counter(skill for r in rows for skill in r.skills)
    return [skill for skill, _ in counts.most_common(count)]


def test_matrix_matches_brute_force_pair_by_pair(db_session: Session, stored: list[Row]) -> None:
    # The common skills and one no posting mentions.
    skills = list(dict.fromkeys([*_common_skills(stored, 6), "COBOL"]))
    result = _matrix(db_session, skills=skills)
    assert result["n"] == 60
    assert [row["skill"] for row in result["rows"]] == skills
    for row in result["rows"]:
        a = row["skill"]
        with_a = sum(1 for r in stored if a in r.skills)
        assert (row["n"], row["postings"], row["withheld"]) == (60, with_a, with_a < 5)
        assert {f["skill"] for f in row["skills"]} == set(skills) - {a}
        for figure in row["skills"]:
            expected = _pair_figures(stored, a, figure["skill"])
            got = {k: figure[k] for k in expected}
            assert got == pytest.approx(expected), (a, figure["skill"])
        keys = [(-f["postings"], f["skill"]) for f in row["skills"]]
        assert keys == sorted(keys)


def test_matrix_agrees_with_cooccurrence_of_each_skill(
    db_session: Session, stored: list[Row]
) -> None:
    skills = _common_skills(stored, 5)
    matrix = _matrix(db_session, skills=skills, remote=["full", "hybrid"])
    for row in matrix["rows"]:
        single = _cooccurrence(db_session, of=row["skill"], top=500, remote=["full", "hybrid"])
        companions = {f["skill"]: f for f in single["skills"]}
        assert (row["n"], row["postings"]) == (single["n"], single["postings"])
        for figure in row["skills"]:
            if figure["postings"]:
                assert figure == companions[figure["skill"]]
            else:
                assert figure["skill"] not in companions


def test_filters_narrow_the_matrix(db_session: Session, stored: list[Row]) -> None:
    subset = market.where(stored, lambda r: r.attrs["industry"] == "web")
    skills = _common_skills(subset, 4)
    result = _matrix(db_session, skills=skills, industry=["web"])
    assert result["n"] == len(subset)
    first = result["rows"][0]
    for figure in first["skills"]:
        expected = _pair_figures(subset, first["skill"], figure["skill"])
        assert {k: figure[k] for k in expected} == pytest.approx(expected)


def test_matrix_needs_two_different_known_skills(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="at least two"):
        _matrix(db_session, skills=["Go", "go"])
    with pytest.raises(InvalidInput, match="not in the taxonomy"):
        _matrix(db_session, skills=["Go", "Pythn"])


def test_matrix_matches_whole_skill_names_only(db_session: Session) -> None:
    # The matrix reads each posting's tab-separated skill list: "Java" must not be found
    # in "JavaScript", nor "C" in "C#" or "C++".
    texts = ["Requirements: JavaScript, C#, AWS"] * 5 + ["Requirements: Java, C++, AWS"] * 2
    market.load(
        db_session,
        [posting_in(external_id=f"p{i}", description=t) for i, t in enumerate(texts)],
    )
    stored = market.rows(db_session)
    assert sum("JavaScript" in r.skills for r in stored) == 5
    result = _matrix(db_session, skills=["Java", "JavaScript", "C#", "C++", "AWS"])
    postings = {row["skill"]: row["postings"] for row in result["rows"]}
    assert postings == {"Java": 2, "JavaScript": 5, "C#": 5, "C++": 2, "AWS": 7}
    java = {f["skill"]: f["postings"] for f in result["rows"][0]["skills"]}
    assert java == {"JavaScript": 0, "C#": 0, "C++": 2, "AWS": 2}
