"""Postings link to companies created or matched by name; stated facts override extraction."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kyujin.db.models import Company, Posting
from kyujin.postings import representation, service
from kyujin.postings.schemas import ImportSummary, PostingIn
from tests.support.factories import posting_in


def run_import(session: Session, records: list[PostingIn]) -> ImportSummary:
    summary = ImportSummary()
    service.import_batch(session, records, default_source="import", summary=summary)
    return summary


def companies(session: Session) -> list[Company]:
    return list(session.scalars(select(Company).order_by(Company.id)))


def test_spellings_of_one_company_become_one_company(db_session: Session) -> None:
    run_import(
        db_session,
        [
            posting_in(company="株式会社メルカリ"),
            posting_in(company="㈱メルカリ"),
            posting_in(company="Mercari, Inc."),
        ],
    )
    names = [(c.name, c.name_key) for c in companies(db_session)]
    assert names == [("株式会社メルカリ", "メルカリ"), ("Mercari, Inc.", "mercari")]
    linked = db_session.scalars(select(Posting.company_id)).all()
    assert len(set(linked)) == 2 and None not in linked


def test_company_attributes_come_from_records(db_session: Session) -> None:
    run_import(
        db_session,
        [posting_in(company="Acme K.K.", company_employees=1200, company_industry="Fintech")],
    )
    (acme,) = companies(db_session)
    assert (acme.size_band, acme.industry, acme.foreign_affiliated) == ("large", "finance", None)
    # A later record that says more fills in; one that says nothing changes nothing.
    run_import(db_session, [posting_in(company="ACME", company_foreign_affiliated=True)])
    run_import(db_session, [posting_in(company="Acme")])
    db_session.expire_all()
    (acme,) = companies(db_session)
    assert (acme.size_band, acme.industry, acme.foreign_affiliated) == ("large", "finance", True)
    # An industry label nothing is read from ("IT") does not undo a known industry.
    run_import(db_session, [posting_in(company="Acme", company_industry="IT")])
    db_session.expire_all()
    assert companies(db_session)[0].industry == "finance"


def test_posting_without_company_links_none(db_session: Session) -> None:
    run_import(db_session, [posting_in(company=None)])
    assert db_session.scalar(select(func.count()).select_from(Company)) == 0
    assert db_session.scalars(select(Posting.company_id)).all() == [None]


def test_posting_out_shows_the_company(db_session: Session) -> None:
    run_import(
        db_session, [posting_in(external_id="c1", company="株式会社サクラ", company_size="mid")]
    )
    posting_id = db_session.scalars(select(Posting.id)).one()
    out = representation.get_posting(db_session, posting_id)
    assert out.company == "株式会社サクラ"
    assert out.company_info is not None
    assert (out.company_info.name, out.company_info.size_band) == ("株式会社サクラ", "medium")


def test_stated_salary_overrides_the_text_and_has_no_span(db_session: Session) -> None:
    text = "年収400万円〜500万円\n必須: Python"
    run_import(
        db_session,
        [
            posting_in(
                external_id="s1",
                description=text,
                salary_currency="usd",
                salary_min=100_000,
                salary_max=120_000,
                salary_period="annual",
                employment_type="contract",
                remote="full",
            )
        ],
    )
    out = representation.get_posting(db_session, db_session.scalars(select(Posting.id)).one())
    assert out.facts is not None and out.facts.salary is not None
    salary = out.facts.salary
    assert (salary.currency, salary.min, salary.max, salary.period) == (
        "USD",
        100_000,
        120_000,
        "annual",
    )
    assert (salary.annual_min_jpy, salary.annual_max_jpy) == (15_000_000, 18_000_000)
    assert (salary.start, salary.end) == (None, None)
    assert (out.facts.employment_type, out.facts.remote) == ("contract", "full")
    # (the record's location field places it too: the text names no place)
    assert sorted(out.facts.stated) == ["employment_type", "location", "remote", "salary"]
    assert "salary" not in out.facts.spans


def test_without_stated_facts_the_text_decides(db_session: Session) -> None:
    run_import(
        db_session,
        [posting_in(external_id="s2", description="年収400万円〜500万円", location=None)],
    )
    out = representation.get_posting(db_session, db_session.scalars(select(Posting.id)).one())
    assert out.facts is not None and out.facts.salary is not None
    assert out.facts.salary.annual_min_jpy == 4_000_000
    start, end = out.facts.salary.start, out.facts.salary.end
    assert start is not None and end is not None
    assert "400" in "年収400万円〜500万円"[start:end]
    assert out.facts.stated == []


def test_stated_salary_needs_currency_and_period() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="salary_currency and salary_period"):
        posting_in(salary_min=5_000_000)
    with pytest.raises(ValidationError, match="below salary_min"):
        posting_in(salary_min=9, salary_max=1, salary_currency="JPY", salary_period="annual")


def test_a_new_stated_field_updates_the_posting(db_session: Session) -> None:
    run_import(db_session, [posting_in(external_id="u1")])
    summary = run_import(db_session, [posting_in(external_id="u1", remote="hybrid")])
    assert summary.updated == 1
    assert db_session.scalars(select(Posting.remote)).one() == "hybrid"


@pytest.mark.parametrize(
    ("written", "code"), [("¥", "JPY"), ("円", "JPY"), ("yen", "JPY"), ("$", "USD")]
)
def test_currency_signs_are_read_as_codes(written: str, code: str) -> None:
    record = posting_in(salary_currency=written, salary_min=5_000_000, salary_period="annual")
    assert record.salary_currency == code


def test_a_stated_salary_without_an_exchange_rate_leaves_the_texts(db_session: Session) -> None:
    """A salary in a currency with no rate would have no yen figures: the posting would
    drop out of salary filters and analytics, so the text's salary stays."""
    text = "年収600万円〜800万円\n必須: Python"
    run_import(
        db_session,
        [
            posting_in(
                external_id="x1",
                description=text,
                salary_currency="XYZ",
                salary_min=1,
                salary_max=2,
                salary_period="annual",
                remote="full",
            )
        ],
    )
    out = representation.get_posting(db_session, db_session.scalars(select(Posting.id)).one())
    assert out.facts is not None and out.facts.salary is not None
    assert (out.facts.salary.currency, out.facts.salary.annual_min_jpy) == ("JPY", 6_000_000)
    assert out.facts.stated == ["remote", "location"]


def test_the_location_field_places_a_posting_whose_text_names_no_place(
    db_session: Session,
) -> None:
    """Job boards often state the workplace only in jobLocation: it gives the prefecture
    and city when the text has none, and the text's own place wins otherwise."""
    run_import(
        db_session,
        [
            posting_in(
                external_id="l1", description="Go と PostgreSQL", location="Shibuya, Tokyo, JP"
            ),
            posting_in(external_id="l2", description="勤務地：大阪市北区", location="東京都渋谷区"),
            posting_in(external_id="l3", description="Go と PostgreSQL", location="Remote"),
        ],
    )
    by_key = {
        key: representation.get_posting(db_session, posting_id).facts
        for posting_id, key in db_session.execute(select(Posting.id, Posting.external_id))
    }
    first, second, third = by_key["l1"], by_key["l2"], by_key["l3"]
    assert first is not None and first.location is not None
    assert (first.location.prefecture, first.location.city, first.stated) == (
        "Tokyo",
        "Shibuya",
        ["location"],
    )
    assert "location" not in first.spans
    assert second is not None and second.location is not None
    assert (second.location.prefecture, second.stated) == ("Osaka", [])
    assert third is not None and (third.location, third.stated) == (None, [])
    stored = db_session.execute(select(Posting.external_id, Posting.prefecture)).all()
    assert sorted(stored) == [("l1", "Tokyo"), ("l2", "Osaka"), ("l3", None)]
