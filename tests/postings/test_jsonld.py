import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import nh3
from sqlalchemy.orm import Session

from kyujin.extraction.schemas import FactsOut, LocationOut, SalaryOut, SkillOut
from kyujin.postings import service
from kyujin.postings.formats import read_jsonld
from kyujin.postings.jsonld import dumps, posting_to_jsonld
from kyujin.postings.schemas import CompanyOut, ImportSummary, PostingIn, PostingOut

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
NOW = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


def skill(name: str, requirement: str, start: int) -> SkillOut:
    return SkillOut(
        skill=name,
        category="language",
        start=start,
        end=start + 2,
        surface=name,
        requirement=requirement,  # type: ignore[arg-type]
    )


def facts(**overrides: Any) -> FactsOut:
    values: dict[str, Any] = {
        "skills": [
            skill("Python", "unknown", 0),
            skill("Go", "required", 10),
            skill("Kubernetes", "preferred", 30),
            skill("PostgreSQL", "required", 20),
            skill("Go", "unknown", 50),
        ],
        "salary": SalaryOut(
            currency="JPY",
            min=6_000_000,
            max=9_000_000,
            period="annual",
            annual_min_jpy=6_000_000,
            annual_max_jpy=9_000_000,
            start=None,
            end=None,
        ),
        "japanese_level": "N2",
        "english_level": None,
        "remote": "full",
        "visa_sponsorship": None,
        "employment_type": "full_time",
        "min_years_experience": 3,
        "location": LocationOut(prefecture="Tokyo", city="Shibuya"),
        "spans": {},
        "stated": ["salary"],
        "taxonomy_version": "1",
    }
    values.update(overrides)
    return FactsOut(**values)


def posting(**overrides: Any) -> PostingOut:
    values: dict[str, Any] = {
        "id": 7,
        "source": "examplejobs",
        "external_id": "48213",
        "title": "Backend Engineer (Go)",
        "company": "株式会社ペイネクスト",
        "company_info": CompanyOut(
            id=1,
            name="株式会社ペイネクスト",
            size_band="medium",
            industry="finance",
            foreign_affiliated=False,
        ),
        "description": "About us\n\nRequirements\n\n- Go, 3+ years\n- PostgreSQL",
        "description_html": None,
        "url": "https://jobs.example.jp/jobs/48213",
        "location": "東京都渋谷区",
        "posted_at": date(2026, 10, 1),
        "valid_through": date(2026, 12, 31),
        "created_at": NOW,
        "updated_at": NOW,
        "facts": facts(),
    }
    values.update(overrides)
    return PostingOut(**values)


def read_back(doc: dict[str, Any]) -> PostingIn:
    (parsed,) = read_jsonld(io.BytesIO(json.dumps(doc, ensure_ascii=False).encode()))
    assert parsed.error is None and parsed.record is not None
    return parsed.record


def test_a_full_posting() -> None:
    assert posting_to_jsonld(posting()) == {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Backend Engineer (Go)",
        "description": "<p>About us</p><p>Requirements</p>"
        "<ul><li>Go, 3+ years</li><li>PostgreSQL</li></ul>",
        "datePosted": "2026-10-01",
        "validThrough": "2026-12-31",
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "kyujin:source",
            "name": "examplejobs",
            "value": "48213",
        },
        "url": "https://jobs.example.jp/jobs/48213",
        "hiringOrganization": {"@type": "Organization", "name": "株式会社ペイネクスト"},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressRegion": "Tokyo",
                "addressLocality": "Shibuya",
                "addressCountry": "JP",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "JPY",
            "value": {
                "@type": "QuantitativeValue",
                "unitText": "YEAR",
                "minValue": 6_000_000,
                "maxValue": 9_000_000,
            },
        },
        "employmentType": "FULL_TIME",
        "jobLocationType": "TELECOMMUTE",
        "skills": "Go, PostgreSQL, Kubernetes, Python",
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": 36,
        },
        "industry": "finance",
    }


def test_the_original_html_is_the_description_when_there_is_one() -> None:
    doc = posting_to_jsonld(posting(description_html="<h3>Requirements</h3><ul><li>Go</li></ul>"))
    assert doc["description"] == "<h3>Requirements</h3><ul><li>Go</li></ul>"


def test_the_sources_scripts_and_handlers_are_not_published() -> None:
    html = (
        '<p onclick="steal()">月給50万円〜70万円</p><script>alert(1)</script>'
        '<a href="javascript:steal()">apply</a><ul><li>Go</li></ul>'
    )
    description = posting_to_jsonld(posting(description_html=html))["description"]
    assert "script" not in description and "steal" not in description
    assert "<p>月給50万円〜70万円</p>" in description and "<li>Go</li>" in description


def test_the_json_is_safe_inside_a_script_element() -> None:
    # "</script>" in a title would end a <script type="application/ld+json"> block early.
    doc = posting_to_jsonld(posting(title="Engineer </script><script>alert(1)</script> & <!--"))
    text = dumps(doc)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == doc
    page = f'<html><script type="application/ld+json">{text}</script></html>'
    (parsed,) = read_jsonld(io.BytesIO(page.encode()))  # a job board page, read back
    assert parsed.record is not None and parsed.record.title == doc["title"]


def test_a_bare_posting_has_only_what_it_knows() -> None:
    doc = posting_to_jsonld(
        posting(
            company=None,
            company_info=None,
            url=None,
            location=None,
            posted_at=None,
            valid_through=None,
            description="plain <text> & more",
            facts=None,
        )
    )
    assert doc == {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Backend Engineer (Go)",
        "description": "<p>plain &lt;text&gt; &amp; more</p>",
        "datePosted": "2026-10-20",  # the import date stands in
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "kyujin:source",
            "name": "examplejobs",
            "value": "48213",
        },
    }


def test_salary_forms_and_types() -> None:
    monthly = SalaryOut(
        currency="JPY",
        min=500_000,
        max=500_000,
        period="monthly",
        annual_min_jpy=None,
        annual_max_jpy=None,
        start=1,
        end=2,
    )
    doc = posting_to_jsonld(
        posting(
            facts=facts(
                salary=monthly,
                employment_type="dispatch",
                remote="hybrid",
                location=None,
                min_years_experience=None,
            )
        )
    )
    assert doc["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "unitText": "MONTH",
        "value": 500_000,
    }
    assert doc["employmentType"] == "TEMPORARY"
    assert "jobLocationType" not in doc and "experienceRequirements" not in doc
    assert doc["jobLocation"] == {"@type": "Place", "address": "東京都渋谷区"}
    hourly = monthly.model_copy(update={"min": None, "max": 2500.0, "period": "hourly"})
    doc = posting_to_jsonld(posting(facts=facts(salary=hourly, employment_type="freelance")))
    assert doc["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "unitText": "HOUR",
        "maxValue": 2500,
    }
    assert doc["employmentType"] == "CONTRACTOR"


def test_export_reads_back_to_the_same_posting() -> None:
    record = read_back(posting_to_jsonld(posting()))
    assert record.title == "Backend Engineer (Go)"
    assert record.company == "株式会社ペイネクスト"
    assert (record.salary_currency, record.salary_min, record.salary_max) == ("JPY", 6e6, 9e6)
    assert record.salary_period == "annual"
    assert record.employment_type == "full_time" and record.remote == "full"
    assert (record.posted_at, record.valid_through) == (date(2026, 10, 1), date(2026, 12, 31))
    assert record.external_id == "48213"
    assert record.location == "Shibuya, Tokyo, JP"
    assert record.url == "https://jobs.example.jp/jobs/48213"
    assert record.description == "About us\n\nRequirements\n\n- Go, 3+ years\n- PostgreSQL"
    assert record.company_industry == "finance"
    for kind in ("contract", "freelance"):
        again = read_back(posting_to_jsonld(posting(facts=facts(employment_type=kind))))
        assert again.employment_type == kind


def test_an_export_imported_again_updates_the_same_postings(db_session: Session) -> None:
    """The export names the source in its identifier (propertyID kyujin:source): imported
    again, under any default source, the postings are the same ones, unchanged. A board's
    own identifier.name (its company, as Google asks) is not read as a source."""
    from tests.support.factories import posting_in

    records = [
        posting_in(source=None, external_id=f"j{n}", description=f"Go {n}年以上") for n in range(3)
    ]
    first = ImportSummary()
    service.import_batch(db_session, records, default_source="boardA", summary=first)
    assert first.created == 3
    stored = list(service.iter_postings(db_session, source="boardA"))
    exported = [read_back(posting_to_jsonld(p)) for p in stored]
    assert [r.source for r in exported] == ["boardA"] * 3
    again = ImportSummary()
    service.import_batch(db_session, exported, default_source="export.jsonld", summary=again)
    # no duplicates: the same postings, updated with what JSON-LD states that JSON Lines
    # left implicit (the description's HTML, datePosted), then unchanged
    assert again.created == 0 and again.updated + again.unchanged == 3
    third = ImportSummary()
    service.import_batch(db_session, exported, default_source="export.jsonld", summary=third)
    assert (third.created, third.updated, third.unchanged) == (0, 0, 3)
    assert len(list(service.iter_postings(db_session))) == 3

    board = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Go engineer",
        "description": "Go",
        "identifier": {
            "@type": "PropertyValue",
            "name": "MagsRUs Wheel Company",
            "value": "1234567",
        },
    }
    record = read_back(board)
    assert (record.source, record.external_id) == (None, "1234567")


def test_a_stored_posting_round_trips(db_session: Session) -> None:
    """Import the job-board page, export the stored posting, read the export back."""
    with (FIXTURES / "job_board_page.html").open("rb") as stream:
        (parsed,) = read_jsonld(stream)
    assert parsed.record is not None
    stored = service.create_posting(db_session, parsed.record)
    doc = posting_to_jsonld(stored)
    # the source's HTML as published: through the sanitiser (class attributes go)
    assert parsed.record.description_html is not None
    assert doc["description"] == nh3.clean(parsed.record.description_html)
    assert doc["jobLocation"]["address"]["addressRegion"] == "Tokyo"
    assert "Go" in doc["skills"].split(", ")
    again = read_back(doc)
    for field in (
        "title",
        "company",
        "external_id",
        "url",
        "posted_at",
        "valid_through",
        "salary_currency",
        "salary_min",
        "salary_max",
        "salary_period",
        "employment_type",
        "description",
    ):
        assert getattr(again, field) == getattr(parsed.record, field), field
    assert again.description_html == doc["description"]


def test_applicant_countries_are_exported_for_a_remote_posting(db_session: Session) -> None:
    """Search engines ask a TELECOMMUTE JobPosting where applicants may be: what the
    source stated goes out again, on both paths GET /v1/postings/{id} reads."""
    from kyujin.postings import representation

    node = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Remote Go engineer",
        "description": "Go and PostgreSQL. Fully remote.",
        "datePosted": "2026-10-01",
        "jobLocationType": "TELECOMMUTE",
        "applicantLocationRequirements": [
            {"@type": "Country", "name": "JP"},
            {"@type": "Country", "name": "KR"},
        ],
    }
    (parsed,) = read_jsonld(io.BytesIO(json.dumps(node).encode()))
    assert parsed.record is not None
    stored = service.create_posting(db_session, parsed.record)
    doc = posting_to_jsonld(stored)
    assert doc["jobLocationType"] == "TELECOMMUTE"
    assert doc["applicantLocationRequirements"] == node["applicantLocationRequirements"]
    assert read_back(doc).applicant_countries == ["JP", "KR"]
    fast = json.loads(representation.posting_json(db_session.connection(), stored.id))
    assert fast["applicant_countries"] == ["JP", "KR"]
    assert fast == json.loads(stored.model_dump_json())


def test_a_remote_posting_for_residents_of_japan_names_japan() -> None:
    # Search engines reject a TELECOMMUTE JobPosting with no applicantLocationRequirements.
    resident = posting(
        facts=facts(remote="full", visa_sponsorship=False), location="リモート（日本国内）"
    )
    doc = posting_to_jsonld(resident)
    assert doc["jobLocationType"] == "TELECOMMUTE"
    assert doc["applicantLocationRequirements"] == [{"@type": "Country", "name": "JP"}]
    # unknown where applicants may be: nothing is made up
    open_to_all = posting(facts=facts(remote="full", visa_sponsorship=None))
    assert "applicantLocationRequirements" not in posting_to_jsonld(open_to_all)


def test_a_remote_postings_location_field_is_no_address() -> None:
    remote = posting(facts=facts(remote="full", location=None), location="リモート（日本国内）")
    assert "jobLocation" not in posting_to_jsonld(remote)
    office = posting(facts=facts(remote="hybrid", location=None), location="Shibuya office")
    assert posting_to_jsonld(office)["jobLocation"] == {
        "@type": "Place",
        "address": "Shibuya office",
    }
