"""A posting as schema.org JobPosting JSON-LD, the form job boards publish for search engines.

``read_jsonld`` reads it back to the same title, company, salary, employment type, remote
policy and dates, with two losses the vocabulary forces: dispatch (派遣) work is exported
as TEMPORARY and reads back as contract, and only a fully remote policy has a schema.org
form (jobLocationType TELECOMMUTE); hybrid and onsite are left out.
"""

from __future__ import annotations

import json
from typing import Any

import nh3

from kyujin.postings.formats.schema_org import SOURCE_PROPERTY
from kyujin.postings.html import text_to_html
from kyujin.postings.schemas import PostingOut

MEDIA_TYPE = "application/ld+json"
# JSON-LD is published inside <script type="application/ld+json">: a "</script>" or "<!--"
# in a string would end or comment out the block. In JSON text these characters occur only
# inside strings, where \u escapes mean the same.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_EMPLOYMENT_TYPES = {
    "full_time": "FULL_TIME",
    "contract": "TEMPORARY",
    "freelance": "CONTRACTOR",
    "dispatch": "TEMPORARY",
}
_UNITS = {"annual": "YEAR", "monthly": "MONTH", "hourly": "HOUR"}

_DATE = {"type": "string", "format": "date"}
_TYPED = {"type": "object", "required": ["@type"]}
# What posting_to_jsonld gives, for the OpenAPI document; schema.org defines the terms.
JSON_SCHEMA: dict[str, Any] = {
    "title": "JobPosting",
    "description": "A schema.org JobPosting (https://schema.org/JobPosting) in JSON-LD; "
    "properties without a value are left out. `description` is HTML.",
    "type": "object",
    "required": ["@context", "@type", "title", "description", "datePosted", "identifier"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "JobPosting"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "datePosted": _DATE,
        "validThrough": _DATE,
        "identifier": {
            **_TYPED,
            "description": "PropertyValue: name is the source, value its id for the posting; "
            f"propertyID {SOURCE_PROPERTY!r} says so, and an import reads both back.",
        },
        "url": {"type": "string", "format": "uri"},
        "hiringOrganization": {**_TYPED, "description": "Organization with its name."},
        "jobLocation": {**_TYPED, "description": "Place; address a PostalAddress or text."},
        "baseSalary": {**_TYPED, "description": "MonetaryAmount with a QuantitativeValue."},
        "employmentType": {"enum": sorted(set(_EMPLOYMENT_TYPES.values()))},
        "jobLocationType": {"const": "TELECOMMUTE"},
        "applicantLocationRequirements": {
            "type": "array",
            "items": _TYPED,
            "description": "Country nodes: where applicants must be, as the source stated.",
        },
        "skills": {"type": "string", "description": "Skill names, required ones first."},
        "experienceRequirements": {**_TYPED, "description": "monthsOfExperience."},
        "industry": {"type": "string"},
    },
}


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _salary(p: PostingOut) -> dict[str, Any] | None:
    salary = p.facts.salary if p.facts else None
    if salary is None or (salary.min is None and salary.max is None):
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": _UNITS[salary.period]}
    if salary.min is not None and salary.min == salary.max:
        value["value"] = _number(salary.min)
    else:
        if salary.min is not None:
            value["minValue"] = _number(salary.min)
        if salary.max is not None:
            value["maxValue"] = _number(salary.max)
    return {"@type": "MonetaryAmount", "currency": salary.currency, "value": value}


def _place(p: PostingOut) -> dict[str, Any] | None:
    location = p.facts.location if p.facts else None
    if location is not None:
        address = {"@type": "PostalAddress", "addressRegion": location.prefecture}
        if location.city:
            address["addressLocality"] = location.city
        address["addressCountry"] = "JP"
        return {"@type": "Place", "address": address}
    if p.location and not (p.facts and p.facts.remote == "full"):
        # the source's own words, as schema.org allows (address as text); not for a fully
        # remote job, whose location field says where applicants may be ("リモート（日本国内）")
        return {"@type": "Place", "address": p.location}
    return None


def _applicant_countries(p: PostingOut) -> list[dict[str, str]] | None:
    """Where applicants must be, which search engines ask of a TELECOMMUTE posting: the
    countries the source stated, else Japan when the posting says applicants must already
    live or have the right to work there (visa_sponsorship false: 日本在住者のみ, "must be
    based in Japan", "we cannot sponsor visas")."""
    if p.applicant_countries:
        return [{"@type": "Country", "name": country} for country in p.applicant_countries]
    if p.facts and p.facts.remote == "full" and p.facts.visa_sponsorship is False:
        return [{"@type": "Country", "name": "JP"}]
    return None


def _skills(p: PostingOut) -> str | None:
    if not p.facts:
        return None
    # Required first, then the rest, each once, in the order the text names them.
    order = {"required": 0, "preferred": 1, "unknown": 2}
    names: dict[str, None] = {}
    for skill in sorted(p.facts.skills, key=lambda s: (order[s.requirement], s.start)):
        names.setdefault(skill.skill)
    return ", ".join(names) or None


def posting_to_jsonld(p: PostingOut) -> dict[str, Any]:
    """A valid schema.org JobPosting for a posting (properties without a value left out)."""
    facts = p.facts
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        # The source's HTML through Ammonia's allow-list (nh3): a board that publishes the
        # description must not publish the source's <script>, event handlers or
        # javascript: links with it.
        "description": (
            nh3.clean(p.description_html) if p.description_html else text_to_html(p.description)
        ),
        # schema.org and search engines want datePosted: the import date stands in for it.
        "datePosted": (p.posted_at or p.created_at.date()).isoformat(),
        "validThrough": p.valid_through.isoformat() if p.valid_through else None,
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": SOURCE_PROPERTY,
            "name": p.source,
            "value": p.external_id,
        },
        "url": p.url,
        "hiringOrganization": ({"@type": "Organization", "name": p.company} if p.company else None),
        "jobLocation": _place(p),
        "baseSalary": _salary(p),
        "employmentType": (
            _EMPLOYMENT_TYPES[facts.employment_type] if facts and facts.employment_type else None
        ),
        "jobLocationType": "TELECOMMUTE" if facts and facts.remote == "full" else None,
        "applicantLocationRequirements": _applicant_countries(p),
        "skills": _skills(p),
    }
    if facts and facts.min_years_experience is not None:
        doc["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": facts.min_years_experience * 12,
        }
    if p.company_info and p.company_info.industry and p.company_info.industry != "other":
        doc["industry"] = p.company_info.industry
    return {name: value for name, value in doc.items() if value is not None}


def dumps(document: dict[str, Any]) -> str:
    """The document as compact JSON that is safe inside an HTML <script> element."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_SAFE)
