"""schema.org JobPosting nodes to PostingIn fields, as job boards publish them.

What is read (everything else is ignored):

- title (or name); description, HTML or text: HTML is kept as description_html and its
  clean text becomes description (HTML escaped once more, "&lt;p&gt;", is unescaped first);
- datePosted, validThrough: a date or a datetime, whose date is taken as written (a posting
  dated 2026-10-01T01:00+09:00 was posted on October 1st in Japan, not September 30th);
- identifier (text, number, PropertyValue ``value``, or a list: the first) -> external_id,
  else the node's ``@id`` when it is an http(s) IRI (so an edited posting updates in place);
  a PropertyValue with propertyID "kyujin:source" (kyujin's own export) also gives its
  ``name`` as the source, so an export imported again updates the same postings;
- url; hiringOrganization: a name, an Organization (``name``, ``numberOfEmployees`` as a
  number or QuantitativeValue: its value, else minValue, else maxValue; ``sameAs`` ignored)
  or ``{"@id": ...}`` resolved by the caller; industry (of the posting, else the Organization);
- jobLocation: Place(s) whose address is a PostalAddress (addressLocality, addressRegion,
  addressCountry as text or Country) or text, joined as "Shibuya, Tokyo, JP"; several
  places are joined with " / ";
- baseSalary: MonetaryAmount with ``currency`` and ``value`` as a number or QuantitativeValue
  (value, or minValue/maxValue) and ``unitText`` HOUR, DAY, WEEK, MONTH or YEAR; an amount
  may be text as Japanese boards write it (600万円, ¥6,000,000, 1.2億), a value a list of two
  (a range). DAY and
  WEEK become annual at 250 working days and 50 working weeks a year. A salary without a
  currency or unit is left out (the text is still read by extraction): guessing a period
  would state a fact the source did not;
- employmentType (text or list, the first that maps): FULL_TIME -> full_time, CONTRACTOR
  -> freelance, TEMPORARY -> contract, and 正社員 / 契約社員 / 業務委託 / 派遣社員 that
  Japanese boards write there; PART_TIME, INTERN, PER_DIEM and others give none;
- jobLocationType TELECOMMUTE -> remote "full";
- applicantLocationRequirements: Country / AdministrativeArea names -> applicant_countries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from html import unescape
from typing import Any

from kyujin.postings.html import html_to_text, looks_like_html

Node = Mapping[str, Any]
Resolve = Callable[[Any], Any]

_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
WORK_DAYS_PER_YEAR = 250
WORK_WEEKS_PER_YEAR = 50
# unitText -> (period, multiplier to that period)
_UNITS: dict[str, tuple[str, int]] = {
    "HOUR": ("hourly", 1),
    "DAY": ("annual", WORK_DAYS_PER_YEAR),
    "WEEK": ("annual", WORK_WEEKS_PER_YEAR),
    "MONTH": ("monthly", 1),
    "YEAR": ("annual", 1),
}
_UNIT_SYNONYMS = {
    "HOURLY": "HOUR",
    "DAILY": "DAY",
    "WEEKLY": "WEEK",
    "MONTHLY": "MONTH",
    "YEARLY": "YEAR",
    "ANNUAL": "YEAR",
    "ANNUALLY": "YEAR",
}
EMPLOYMENT_TYPES = {
    "FULL_TIME": "full_time",
    "CONTRACTOR": "freelance",
    "TEMPORARY": "contract",
    "正社員": "full_time",
    "契約社員": "contract",
    "業務委託": "freelance",
    "派遣社員": "dispatch",
    "派遣": "dispatch",
}
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][^&]{0,200}?&gt;")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_ID = 200


def type_names(node: Node) -> set[str]:
    """The node's @type names without a schema.org prefix."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    out = set()
    for name in names:
        if isinstance(name, str):
            for prefix in _PREFIXES:
                if name.startswith(prefix):
                    name = name[len(prefix) :]
                    break
            out.add(name)
    return out


def is_job_posting(node: object) -> bool:
    return isinstance(node, Mapping) and "JobPosting" in type_names(node)


def prop(node: Node, name: str) -> Any:
    """A property by its short name, or written with a schema.org prefix."""
    if name in node:
        return node[name]
    for prefix in _PREFIXES:
        if prefix + name in node:
            return node[prefix + name]
    return None


def _first(value: Any) -> Any:
    while isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Mapping) and "@value" in value:
        return value["@value"]
    return value


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _number(value: Any) -> float | None:
    """A finite number, from a number or its text ("6,000,000"); None for anything else
    ("1e400", NaN, an integer too large for a float, true)."""
    value = _first(value)
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            number = float(value)
        elif isinstance(value, str):
            number = float(value.replace(",", "").strip())
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _date(value: Any) -> Any:
    text = _text(value)
    if text is None:
        return None
    # The date as written; an unreadable value goes through for PostingIn to reject (a
    # datetime only when all of it reads: not "2024-03-01T25:99:00Z").
    if not _DATE.match(text):
        return text
    if len(text) > 10:
        try:
            datetime.fromisoformat(text)
        except ValueError:
            return text
    return text[:10]


def _description(value: Any) -> dict[str, str]:
    text = _text(value)
    if text is None:
        return {}
    if "&lt;" in text and not looks_like_html(text) and _ESCAPED_TAG.search(text):
        text = unescape(text)  # HTML escaped once more than it should be
    if looks_like_html(text):
        # The original is kept; PostgreSQL and PostingIn refuse control characters in it.
        return {"description": html_to_text(text), "description_html": _CONTROLS.sub("", text)}
    return {"description": text}


# The identifier's propertyID in what kyujin exports (postings.jsonld): its name is the
# posting's source. A board's identifier.name is its company, so only this one is read.
SOURCE_PROPERTY = "kyujin:source"


def _source(node: Node) -> str | None:
    """The source kyujin wrote in its own export (identifier.propertyID SOURCE_PROPERTY)."""
    for value in _many(prop(node, "identifier")):
        if isinstance(value, Mapping) and _text(prop(value, "propertyID")) == SOURCE_PROPERTY:
            return _text(prop(value, "name"))
    return None


def _external_id(node: Node) -> str | None:
    for value in _many(prop(node, "identifier")):
        if isinstance(value, Mapping) and "@value" not in value:
            text = _text(prop(value, "value"))
        else:
            text = _text(value)
        if text:
            return text
    node_id = node.get("@id")
    if not isinstance(node_id, str) or len(node_id) > _MAX_ID:
        return None
    return node_id if node_id.startswith(("http://", "https://")) else None


def _organization(node: Node, resolve: Resolve) -> dict[str, Any]:
    org = resolve(_first(prop(node, "hiringOrganization")))
    if isinstance(org, str):
        return {"company": org.strip() or None}
    if not isinstance(org, Mapping):
        return {}
    fields: dict[str, Any] = {"company": _text(prop(org, "name")) or _text(prop(org, "legalName"))}
    employees = _first(prop(org, "numberOfEmployees"))
    if isinstance(employees, Mapping):
        for key in ("value", "minValue", "maxValue"):
            count = _number(prop(employees, key))
            if count is not None:
                break
    else:
        count = _number(employees)
    if count is not None and count >= 1:
        fields["company_employees"] = int(count)
    fields["company_industry"] = _text(prop(org, "industry"))
    return fields


def _address_text(address: Any) -> str | None:
    if isinstance(address, str):
        return address.strip() or None
    if not isinstance(address, Mapping):
        return None
    parts: list[str] = []
    for key in ("addressLocality", "addressRegion", "addressCountry"):
        value = _first(prop(address, key))
        text = _text(prop(value, "name")) if isinstance(value, Mapping) else _text(value)
        if text and text not in parts:
            parts.append(text)
    return ", ".join(parts) or None


def _location(node: Node, resolve: Resolve) -> str | None:
    places: list[str] = []
    for place in _many(prop(node, "jobLocation")):
        place = resolve(place)
        if isinstance(place, Mapping):
            text = _address_text(resolve(_first(prop(place, "address"))))
            text = text or _text(prop(place, "name"))
        else:
            text = _text(place)
        if text and text not in places:
            places.append(text)
    if not places:
        return None
    joined = ""
    for text in places:  # PostingIn keeps 300 characters: whole places only
        candidate = f"{joined} / {text}" if joined else text
        if len(candidate) > 300:
            break
        joined = candidate
    return joined or places[0][:300]


# An amount written as text, as Japanese boards do in baseSalary: "600万円", "¥6,000,000",
# "1.2億", "8M". Kanji numerals (六百万) are left to the text's extraction.
_AMOUNT_TEXT = re.compile(
    r"^[¥￥$€£]?\s*(\d+(?:\.\d+)?)\s*(万|億|[kKmM])?\s*(?:円|yen|JPY|USD|EUR|GBP)?$"
)
_MULTIPLIERS = {"万": 10_000, "億": 100_000_000, "k": 1_000, "K": 1_000, "m": 10**6, "M": 10**6}


def _money(value: Any) -> float | None:
    """An amount from a number or its text (see _AMOUNT_TEXT); None for anything else."""
    number = _number(value)
    text = _first(value)
    if number is not None or not isinstance(text, str):
        return number
    found = _AMOUNT_TEXT.match(text.replace(",", "").strip())
    if found is None:
        return None
    figure, unit = found.groups()
    return _number(float(figure) * _MULTIPLIERS.get(unit or "", 1))


def _salary(node: Node) -> dict[str, Any]:
    amount = _first(prop(node, "baseSalary"))
    if not isinstance(amount, Mapping):
        return {}
    currency = _text(prop(amount, "currency"))
    value = _first(prop(amount, "value"))
    unit = _text(prop(amount, "unitText"))
    if isinstance(value, Mapping):
        unit = _text(prop(value, "unitText")) or unit
        currency = currency or _text(prop(value, "currency"))
        exact = prop(value, "value")
        low = _money(prop(value, "minValue"))
        high = _money(prop(value, "maxValue"))
        if low is None and high is None:
            low, high = _range(exact)
    else:
        low, high = _range(prop(amount, "value"))
    if unit is None or currency is None or (low is None and high is None):
        return {}
    unit = unit.upper()
    unit = _UNIT_SYNONYMS.get(unit, unit)
    if unit not in _UNITS:
        return {}
    period, factor = _UNITS[unit]
    return {
        "salary_currency": currency,
        "salary_min": low * factor if low is not None else None,
        "salary_max": high * factor if high is not None else None,
        "salary_period": period,
    }


def _range(value: Any) -> tuple[float | None, float | None]:
    """(low, high) of a value: one amount, or a list of two read as a range."""
    if isinstance(value, list) and len(value) == 2:
        ends = [_money(end) for end in value]
        if ends[0] is not None and ends[1] is not None:
            return min(ends[0], ends[1]), max(ends[0], ends[1])
    amount = _money(value)
    return amount, amount


def _employment_type(node: Node) -> str | None:
    for value in _many(prop(node, "employmentType")):
        text = _text(value)
        if text is None:
            continue
        for part in re.split(r"[,、/]", text):
            key = re.sub(r"[\s-]+", "_", part.strip()).upper()
            if key in EMPLOYMENT_TYPES:
                return EMPLOYMENT_TYPES[key]
    return None


def _remote(node: Node) -> str | None:
    kinds = {(_text(v) or "").upper() for v in _many(prop(node, "jobLocationType"))}
    return "full" if "TELECOMMUTE" in kinds else None


def _countries(node: Node) -> list[str] | None:
    names: list[str] = []
    for area in _many(prop(node, "applicantLocationRequirements")):
        name = _text(prop(area, "name")) if isinstance(area, Mapping) else _text(area)
        if name and name not in names:
            names.append(name)
    return names or None


def posting_fields(node: Node, resolve: Resolve = lambda value: value) -> dict[str, Any]:
    """PostingIn fields for one JobPosting node (None values left out). ``resolve`` turns
    an ``{"@id": ...}`` reference into the node it names, when the caller knows it."""
    fields: dict[str, Any] = {
        "source": _source(node),
        "external_id": _external_id(node),
        "title": _text(prop(node, "title")) or _text(prop(node, "name")),
        **_description(prop(node, "description")),
        "url": _text(prop(node, "url")),
        "posted_at": _date(prop(node, "datePosted")),
        "valid_through": _date(prop(node, "validThrough")),
        **_organization(node, resolve),
        "location": _location(node, resolve),
        **_salary(node),
        "employment_type": _employment_type(node),
        "remote": _remote(node),
        "applicant_countries": _countries(node),
    }
    industry = _text(prop(node, "industry"))
    if industry:
        fields["company_industry"] = industry
    return {name: value for name, value in fields.items() if value is not None}


def references(node: Node) -> Iterable[str]:
    """The @id references a posting makes that ``posting_fields`` would follow."""
    for name in ("hiringOrganization", "jobLocation"):
        for value in _many(prop(node, name)):
            if isinstance(value, Mapping) and set(value) <= {"@id", "@type"} and "@id" in value:
                yield str(value["@id"])
