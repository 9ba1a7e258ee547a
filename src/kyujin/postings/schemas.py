"""API and import shapes for postings."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from kyujin.core.companies import Industry, SizeBand, size_band_of
from kyujin.extraction.schemas import FactsOut
from kyujin.postings.html import html_to_text, looks_like_html

# A real posting is under 20,000 characters; 100,000 leaves room for pasted HTML-ish text
# while keeping one record's row (and its future facts) bounded.
MAX_DESCRIPTION_CHARS = 100_000
# Job-board HTML carries markup around the same text: room for about 4x.
MAX_DESCRIPTION_HTML_CHARS = 400_000
MAX_SALARY = 10**12  # above any salary in any currency and period; rejects overflow garbage
_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s]*$"
_URL = re.compile(_URL_PATTERN)


# What sources write for a currency besides its ISO 4217 code (JSON-LD boards write "¥",
# Japanese CSV exports "円"); "$" is read as USD, as the text's salaries are.
_CURRENCY_ALIASES = {
    "¥": "JPY",
    "￥": "JPY",
    "円": "JPY",
    "YEN": "JPY",
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "EURO": "EUR",
    "£": "GBP",
}


def _currency_code(value: object) -> object:
    if isinstance(value, str):
        return _CURRENCY_ALIASES.get(value.strip().upper(), value)
    return value


def _check_url(value: str | None) -> str | None:
    if value is not None and not _URL.match(value):
        raise ValueError("must be an http(s) URL")
    return value


# A posting's dates: the years analytics reads months in (a posting dated 9999-12-31 made
# the trend windows run past year 9999, a 500 on every trends request over it).
FIRST_DATE, LAST_DATE = date(1970, 1, 1), date(2999, 12, 31)
PostingDate = Annotated[date, Field(ge=FIRST_DATE, le=LAST_DATE)]


Text300 = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=r"\S")
]
OptText300 = Annotated[
    str | None,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=r"\S"),
]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control_characters(value: object) -> object:
    # PostgreSQL text cannot hold NUL, and no posting field needs control characters.
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError("must not contain control characters (other than tab and newline)")
    return value


class PostingIn(BaseModel):
    """One posting as imported or created. Unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    source: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"\S"),
        ]
        | None
    ) = Field(default=None, description="Where the posting comes from, e.g. a job board.")
    external_id: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"\S"),
        ]
        | None
    ) = Field(
        default=None,
        description="The source's id. When absent, a hash of the content stands in for it.",
    )
    title: Text300
    company: OptText300 = Field(default=None, validation_alias="company")
    description: Annotated[str, StringConstraints(min_length=1, max_length=MAX_DESCRIPTION_CHARS)]
    url: Annotated[
        str | None,
        StringConstraints(max_length=2000),
        AfterValidator(_check_url),
        Field(json_schema_extra={"pattern": _URL_PATTERN, "format": "uri"}),
    ] = None
    location: OptText300 = None
    posted_at: PostingDate | None = Field(
        default=None, description="Date the posting was published (1970-01-01 to 2999-12-31)."
    )
    valid_through: PostingDate | None = Field(
        default=None, description="Date the posting expires (1970-01-01 to 2999-12-31)."
    )
    description_html: (
        Annotated[str, StringConstraints(min_length=1, max_length=MAX_DESCRIPTION_HTML_CHARS)]
        | None
    ) = Field(
        default=None,
        description="The description as the source published it, in HTML; kept beside the "
        "clean text in `description`.",
    )
    # The company, matched across postings by its name (legal forms and case ignored).
    company_size: SizeBand | None = Field(
        default=None,
        description="large (1,000+ employees), medium (300-999), small, or startup; common "
        "labels are read too (enterprise, mid, 大企業, スタートアップ).",
    )
    company_employees: int | None = Field(
        default=None, ge=1, le=10_000_000, description="Sets company_size when that is absent."
    )
    company_industry: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
        | None
    ) = Field(
        default=None,
        validation_alias=AliasChoices("company_industry", "industry"),
        description='Free text ("Financial Services", "金融"), read into one of the industries; '
        "`industry` is accepted too.",
    )
    company_foreign_affiliated: bool | None = Field(
        default=None,
        validation_alias=AliasChoices("company_foreign_affiliated", "foreign_affiliated"),
        description="A foreign-affiliated (外資系) company; `foreign_affiliated` is accepted too.",
    )
    # Facts the source states in structured fields (schema.org JobPosting); they take
    # precedence over what extraction reads in the text.
    salary_currency: (
        Annotated[
            str,
            BeforeValidator(_currency_code),
            StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$"),
        ]
        | None
    ) = Field(
        default=None,
        description="ISO 4217 code of the stated salary (¥, 円, $, €, £ are read as codes). "
        "A stated salary replaces the text's only in a currency with an exchange rate "
        "(JPY, USD, EUR, GBP); in another, the text's salary stays.",
    )
    salary_min: float | None = Field(default=None, ge=0, le=MAX_SALARY)
    salary_max: float | None = Field(default=None, ge=0, le=MAX_SALARY)
    salary_period: Literal["annual", "monthly", "hourly"] | None = None
    employment_type: Literal["full_time", "contract", "freelance", "dispatch"] | None = None
    remote: Literal["full", "hybrid", "onsite"] | None = None
    applicant_countries: list[Annotated[str, StringConstraints(max_length=100)]] | None = Field(
        default=None,
        max_length=50,
        description="Where applicants must be (schema.org applicantLocationRequirements).",
    )

    @field_validator(
        "source",
        "external_id",
        "title",
        "company",
        "description",
        "location",
        "url",
        "description_html",
        "company_industry",
        mode="before",
    )
    @classmethod
    def _reject_control_characters(cls, value: object) -> object:
        return _no_control_characters(value)

    @model_validator(mode="before")
    @classmethod
    def _clean_html_description(cls, data: object) -> object:
        """HTML descriptions are kept in description_html; description gets the clean text
        (from description_html when description is absent, or from a description that is
        itself HTML, as JSON Lines and API clients send it). A description that is the clean
        text of the description_html given with it is kept as it is, even where it shows a
        tag as text ("Write <div> and <template> tags"): `kyujin export` writes both."""
        if not isinstance(data, dict):
            return data
        html, text = data.get("description_html"), data.get("description")
        missing = text is None or (isinstance(text, str) and not text.strip())
        # Over its limit, description_html fails its own check without being parsed.
        if missing and isinstance(html, str) and len(html) <= MAX_DESCRIPTION_HTML_CHARS:
            cleaned = html_to_text(html)
            if not cleaned:
                raise ValueError("description_html holds no text")
            return {**data, "description": cleaned}
        if (
            isinstance(text, str)
            and len(text) <= MAX_DESCRIPTION_HTML_CHARS
            and looks_like_html(text)
            and not (
                isinstance(html, str)
                and len(html) <= MAX_DESCRIPTION_HTML_CHARS
                and html_to_text(html) == text
            )
        ):
            cleaned = html_to_text(text)
            if not cleaned:
                raise ValueError("description holds HTML but no text")
            return {**data, "description": cleaned, "description_html": html or text}
        return data

    @field_validator("company_size", mode="before")
    @classmethod
    def _read_size_label(cls, value: object) -> object:
        if isinstance(value, str):
            return size_band_of(value) or value  # an unknown label fails with the choices
        return value

    @model_validator(mode="after")
    def _check_salary(self) -> PostingIn:
        low, high = self.salary_min, self.salary_max
        if low is not None and high is not None and high < low:
            raise ValueError("salary_max is below salary_min")
        stated = self.salary_min is not None or self.salary_max is not None
        if stated and (self.salary_currency is None or self.salary_period is None):
            raise ValueError("a stated salary needs salary_currency and salary_period")
        return self

    def stated_facts(self) -> dict[str, object]:
        """The structured facts this record states, by name (None values left out)."""
        names = (
            "salary_currency",
            "salary_min",
            "salary_max",
            "salary_period",
            "employment_type",
            "remote",
            "applicant_countries",
        )
        values = {name: getattr(self, name) for name in names}
        if values["salary_min"] is None and values["salary_max"] is None:
            for name in ("salary_currency", "salary_period"):
                values[name] = None
        return {name: value for name, value in values.items() if value is not None}


class CompanyOut(BaseModel):
    id: int
    name: str
    size_band: SizeBand | None
    industry: Industry | None
    foreign_affiliated: bool | None


class PostingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    source: str
    external_id: str
    title: str
    company: str | None = Field(description="The company name as the posting gives it.")
    company_info: CompanyOut | None = Field(
        description="The company this posting is linked to (matched by name across postings)."
    )
    description: str = Field(description="Clean text: what extraction and search read.")
    description_html: str | None = Field(description="The original HTML, when the source sent it.")
    url: str | None
    location: str | None
    posted_at: date | None
    valid_through: date | None
    created_at: datetime
    updated_at: datetime
    applicant_countries: list[str] | None = Field(
        default=None,
        description="Where applicants must be, as the source stated it (schema.org "
        "applicantLocationRequirements); null when it stated nothing.",
    )
    facts: FactsOut | None = Field(
        description="What the extractor read in the description, with spans; null until "
        "the posting has been extracted."
    )


class PostingSummary(BaseModel):
    id: int
    source: str
    external_id: str
    title: str
    company: str | None
    location: str | None
    url: str | None
    posted_at: date | None
    snippet: str = Field(description="The start of the description, or the text around a match.")


class PostingPage(BaseModel):
    items: list[PostingSummary]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page."
    )


class Rejection(BaseModel):
    line: int = Field(description="1-based number of the record's line, or of the record.")
    position: str = Field(
        default="",
        description='Where the record is, to find it: "line 12", "row 7 (line 9)", "item 3", '
        '"page.html script 2 item 1"; "line N" when not given.',
    )
    reason: str

    @model_validator(mode="after")
    def _default_position(self) -> Rejection:
        if not self.position:
            self.position = f"line {self.line}"
        return self


class ImportSummary(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = Field(default_factory=list)
