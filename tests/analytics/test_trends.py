"""Monthly trends and the language outlook against brute force over the stored rows, on both
databases."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session

from kyujin.analytics import trends
from kyujin.analytics.schemas import LanguagesQuery, TrendsQuery
from kyujin.errors import InvalidInput
from tests.analytics import market, oracle
from tests.analytics.market import Row


@pytest.fixture
def stored(db_session: Session) -> list[Row]:
    market.load(db_session, market.dated_postings())
    return market.rows(db_session)


def _trends(session: Session, **params: Any) -> dict[str, Any]:
    return trends.trends(session, TrendsQuery(**params)).model_dump()


def _languages(session: Session, **params: Any) -> dict[str, Any]:
    return trends.language_outlook(session, LanguagesQuery(**params)).model_dump()


def test_the_dated_market_spans_the_months(stored: list[Row]) -> None:
    per_month = {m: len(oracle.in_months(stored, [m])) for m in market.MONTHS}
    assert sum(per_month.values()) == len(stored) == 90
    assert 0 < per_month["2026-05"] < 5 and min(per_month.values()) > 0


def test_trends_of_skills_match_brute_force(db_session: Session, stored: list[Row]) -> None:
    result = _trends(db_session, skills=["python", "Go", "Python", "COBOL"], months=9)
    months = ["2026-02", *market.MONTHS]
    assert result["n"] == 90
    assert result["latest"] == max(r.attrs["listed_on"] for r in stored)
    assert result["months"] == months and result["change_versus"] == "previous month"
    assert result["totals"] == [oracle.month_total(stored, m) for m in months]
    assert [s["skill"] for s in result["skills"]] == ["Python", "Go", "COBOL"]
    for series in result["skills"]:
        cells = [oracle.trend_cell(stored, series["skill"], m) for m in months]
        assert series["months"] == cells
        assert series["postings"] == sum(c["postings"] for c in cells)
    python = result["skills"][0]["months"]
    assert python[0]["n"] == 0 and python[0]["share"] is None  # no posting in February
    assert python[3]["n"] < 5 and python[3]["share"] is None and python[4]["change"] is None
    assert python[-1]["share"] is not None and python[-1]["change"] is not None
    assert result["skills"][2]["category"] == "language"  # COBOL, never mentioned


def test_trends_of_a_category_follow_its_top_skills(db_session: Session, stored: list[Row]) -> None:
    result = _trends(db_session, skill_category="language", top=3, months=4, until="2026-09")
    months = ["2026-06", "2026-07", "2026-08", "2026-09"]
    assert result["months"] == months
    window = oracle.in_months(stored, months)
    counts = {
        s: sum(1 for r in window if s in r.skills)
        for r0 in window
        for s in r0.skills
        if r0.categories[s] == "language"
    }
    ranked = sorted(counts, key=lambda s: (-counts[s], s))[:3]
    assert [s["skill"] for s in result["skills"]] == ranked
    for series in result["skills"]:
        assert series["months"] == [oracle.trend_cell(stored, series["skill"], m) for m in months]
    # The first month's change is against May, outside the months shown.
    assert result["totals"][0] == oracle.month_total(stored, "2026-06")


def test_filters_narrow_trends(db_session: Session, stored: list[Row]) -> None:
    result = _trends(db_session, skills=["AWS"], months=3, remote=["full", "hybrid"])
    subset = market.where(stored, lambda r: r.attrs["remote"] in ("full", "hybrid"))
    last = max(r.attrs["listed_on"] for r in subset).isoformat()[:7]
    months = oracle.months_ending(last, 3)
    assert result["n"] == len(subset)
    assert result["totals"] == [oracle.month_total(subset, m) for m in months]
    assert result["skills"][0]["months"] == [oracle.trend_cell(subset, "AWS", m) for m in months]


def test_trends_without_skills_are_the_monthly_counts(
    db_session: Session, stored: list[Row]
) -> None:
    result = _trends(db_session, months=2, until="2027-01")
    assert result["months"] == ["2026-12", "2027-01"]
    assert [t["n"] for t in result["totals"]] == [0, 0] and result["skills"] == []


def test_trends_of_no_postings(db_session: Session) -> None:
    result = _trends(db_session, skills=["Go"])
    assert result == {
        "n": 0, "latest": None, "months": [], "change_versus": "previous month",
        "totals": [], "skills": [],
    }  # fmt: skip


def test_bad_trend_queries(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="not both"):
        _trends(db_session, skills=["Go"], skill_category="language")
    with pytest.raises(InvalidInput, match="not in the taxonomy"):
        _trends(db_session, skills=["Golang2"])
    with pytest.raises(InvalidInput, match="not a category"):
        _trends(db_session, skill_category="languages")
    for bad in ({"until": "2026-13"}, {"months": 0}, {"months": 61}, {"top": 0}):
        with pytest.raises(ValidationError):
            TrendsQuery(**bad)


def test_language_outlook_matches_brute_force(db_session: Session, stored: list[Row]) -> None:
    result = _languages(db_session)
    assert result["n"] == 90
    assert result["recent_months"] == ["2026-08", "2026-09", "2026-10"]
    assert result["previous_months"] == ["2026-05", "2026-06", "2026-07"]
    expected = {lang: oracle.language(stored, lang, "2026-10") for lang in oracle.BACKEND_LANGUAGES}
    assert {o["language"]: o for o in result["languages"]} == expected
    keys = [(-o["postings"], o["language"]) for o in result["languages"]]
    assert keys == sorted(keys)
    python = expected["Python"]
    assert python["growth"] is not None and python["industries"] and python["size_bands"]
    assert not python["salary"]["withheld"]
    assert "TypeScript" not in {o["language"] for o in result["languages"]}  # not a seed's


def test_language_outlook_with_filters_and_an_earlier_month(
    db_session: Session, stored: list[Row]
) -> None:
    result = _languages(db_session, until="2026-08", size_band=["large", "medium"])
    subset = market.where(stored, lambda r: r.attrs["size_band"] in ("large", "medium"))
    assert result["n"] == len(subset)
    for outlook in result["languages"]:
        assert outlook == oracle.language(subset, outlook["language"], "2026-08")
        assert len(outlook["size_bands"]) <= 2
        assert all(g["n"] >= 5 for g in outlook["industries"] + outlook["size_bands"])


def test_language_outlook_withholds_small_samples(db_session: Session, stored: list[Row]) -> None:
    result = _languages(db_session, industry=["finance"], remote=["onsite"])
    assert 0 < result["n"] < 20
    for outlook in result["languages"]:
        assert outlook["industries"] == [] or outlook["industries"][0]["n"] >= 5
        if outlook["previous"]["n"] < 5:
            assert outlook["previous"]["share"] is None and outlook["growth"] is None
        if outlook["salary"]["n"] < 5:
            assert outlook["salary"]["withheld"] and outlook["salary"]["median"] is None


def test_a_posting_dated_far_out_does_not_break_the_windows(db_session: Session) -> None:
    # Stored before PostingIn bounded its dates (9999-12-31 made every trends request over it
    # a 500): the window ends at 2999-12, the last month analytics reads.
    from sqlalchemy import update

    from kyujin.db.models import Posting
    from kyujin.postings import service
    from kyujin.postings.schemas import ImportSummary
    from tests.support.factories import posting_in

    service.import_batch(
        db_session,
        [posting_in(external_id="far", description="Go と Python の開発")],
        default_source="t",
        summary=ImportSummary(),
    )
    db_session.execute(
        update(Posting).values(posted_on=date(9999, 12, 31), listed_on=date(9999, 12, 31))
    )
    result = _trends(db_session, skills=["Go"])
    assert result["months"][-1] == "2999-12"
    trends.language_outlook(db_session, LanguagesQuery())


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1969-12-31"])
def test_a_posting_date_outside_the_years_analytics_reads_is_refused(day: str) -> None:
    from kyujin.postings.schemas import PostingIn

    with pytest.raises(ValidationError, match="posted_at"):
        PostingIn(title="T", description="D", posted_at=day)  # type: ignore[arg-type]
