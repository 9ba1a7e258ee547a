import pytest

from kyujin.core.extract import extract
from kyujin.core.fields import export_fields, language_from_fields
from kyujin.core.text import fold

M = 1_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id,title,employment_type,salary_min,salary_max,salary_currency,salary_period\n"
            '7,"Backend Engineer",FULL_TIME,90000,130000,USD,YEAR\n\n'
            "About the role\nWe build APIs.",
            (("USD", 90_000, 130_000, "annual", 13.5 * M, 19.5 * M), "full_time"),
        ),
        (
            '{"title": "Backend", "pay": {"currency": "JPY", "min": 550000, "max": 700000, '
            '"interval": "month"}, "employment": "CONTRACT"}',
            (("JPY", 550_000, 700_000, "monthly", 6.6 * M, 8.4 * M), None),
        ),
        (
            "項目,値\n雇用形態,正社員\n給与下限（年収・万円）,480\n給与上限（年収・万円）,650\n従業員数,210",
            (("JPY", 4.8 * M, 6.5 * M, "annual", 4.8 * M, 6.5 * M), "full_time"),
        ),
    ],
)
def test_pay_and_employment_in_export_fields(text: str, expected: tuple) -> None:
    facts = extract(text)
    salary = facts.salary
    assert salary is not None
    got = (
        salary.currency,
        salary.min,
        salary.max,
        salary.period,
        salary.annual_min_jpy,
        salary.annual_max_jpy,
    )
    assert (got, facts.employment_type if expected[1] else expected[1]) == expected
    assert salary.start is not None and salary.end is not None
    assert text[salary.start : salary.end].strip()[0].isdigit()


def test_numbers_of_other_fields_are_not_pay() -> None:
    text = "id,headcount_min,headcount_max,founded\n3,200,500,1999"
    assert extract(text).salary is None
    found = export_fields(fold(text))
    assert found["headcount_min"][0] == "200"


def test_a_csv_record_whose_quoted_cells_span_lines() -> None:
    text = (
        "job_id,job_title,employment_type,salary_type,salary_min,salary_max,salary_unit,"
        "jp_level,en_level,visa_support,required_skills,description\n"
        'J-2291,"Backend Engineer (Go)",正社員,年収,650,950,万円,N2以上,不問,あり,'
        '"Go (Golang)での開発経験\n'
        'gRPCまたはREST APIの設計・実装経験","We are the team behind ""TsumugiMatch"".\n'
        'More text."\n'
    )
    facts = extract(text)
    assert facts.salary is not None
    assert (facts.salary.min, facts.salary.max, facts.salary.period) == (6.5e6, 9.5e6, "annual")
    assert (facts.visa_sponsorship, facts.english_level, facts.japanese_level) == (
        True,
        "none",
        "N2",
    )
    assert facts.employment_type == "full_time"


@pytest.mark.parametrize(
    ("value", "visa"), [("あり", True), ("×", False), ("No", False), ("応相談", None)]
)
def test_a_visa_field_of_an_export(value: str, visa: bool | None) -> None:
    text = f"job_id,title,visa_support,salary_min\n1,Backend,{value},\n"
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a YAML flow map
        (
            "job:\n  title: Backend Engineer\n"
            "  salary: {min: 8000000, max: 11000000, currency: JPY, unit: YEAR}\n",
            (8_000_000, 11_000_000, "annual"),
        ),
        # pretty-printed JSON-LD, the range in a nested flow map
        (
            '{\n  "@type": "JobPosting",\n  "baseSalary": {\n    "@type": "MonetaryAmount",\n'
            '    "currency": "JPY",\n    "value": {"@type": "QuantitativeValue", '
            '"minValue": 500000, "maxValue": 650000, "unitText": "MONTH"}\n  }\n}',
            (500_000, 650_000, "monthly"),
        ),
        # XML, the unit and currency in the element's attributes
        (
            '<jobs>\n  <job>\n    <salary currency="JPY" period="MONTH">\n      <min>350000</min>\n'
            "      <max>500000</max>\n    </salary>\n  </job>\n</jobs>",
            (350_000, 500_000, "monthly"),
        ),
        # an INI file's section and Japanese keys
        ("[単価]\n通貨=JPY\n単位=月額\n下限=700000\n上限=900000\n", (700_000, 900_000, "monthly")),
        # an environment file
        (
            'COMPANY="Kestrel Pay"\nSALARY_CURRENCY=USD\nSALARY_MIN=90000\nSALARY_MAX=130000\n'
            "SALARY_PERIOD=YEAR\n",
            (90_000, 130_000, "annual"),
        ),
        # JSON with Japanese keys
        (
            '{\n  "給与": {"形態": "時給", "下限": 2200, "上限": 2800, "通貨": "JPY"}\n}',
            (2200, 2800, "hourly"),
        ),
    ],
)
def test_pay_in_nested_structures(text: str, expected: tuple[float, float, str]) -> None:
    salary = extract(text).salary
    assert salary is not None and (salary.min, salary.max, salary.period) == expected


def test_a_words_letters_are_no_rsu() -> None:
    salary = extract('"compensationTierSummary": "¥3,500 – ¥4,500 per hour"').salary
    assert salary is not None and salary.min == 3500


@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            '{\n  "experienceRequirements": {\n    "@type": "OccupationalExperienceRequirements",\n'
            '    "monthsOfExperience": 42\n  }\n}',
            3,
        ),
        ('COMPANY="Kestrel Pay"\nSALARY_MIN=90000\nMIN_YEARS=6\n', 6),
        ('{"title": "Backend", "experience_years": 2}', 2),
    ],
)
def test_years_in_an_exports_fields(text: str, years: int) -> None:
    assert extract(text).min_years_experience == years


def test_alternative_levels_in_a_field_are_the_lower() -> None:
    facts = extract("SALARY_MIN=90000\nENGLISH_LEVEL=NATIVE_OR_FLUENT\n")
    assert facts.english_level == "business"


def test_a_language_fields_alternatives_give_the_lower_level() -> None:
    found = export_fields(fold("jp_level,N1/N2\nen_level,native or fluent\n"))
    ja, en = language_from_fields(found, "ja"), language_from_fields(found, "en")
    assert ja is not None and ja[0] == "N2"
    assert en is not None and en[0] == "business"
