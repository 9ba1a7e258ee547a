import io
import json
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kyujin.postings.formats import (
    FormatError,
    MappingError,
    format_of,
    open_records,
    read_csv,
    read_jsonld,
)
from kyujin.postings.reader import ParsedRecord
from kyujin.postings.schemas import Rejection

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
EXCEL_MAP = {
    "external_id": "求人ID",
    "title": "求人タイトル",
    "company": "会社名",
    "description": "仕事内容",
    "location": "勤務地",
    "salary_min": "年収下限",
    "salary_max": "年収上限",
    "salary_currency": "通貨",
    "salary_period": "給与形態",
    "employment_type": "雇用形態",
    "posted_at": "掲載日",
    "url": "URL",
    "applicant_countries": "応募可能国",
}


def jsonld(data: bytes | str | Any, **kwargs: str) -> list[ParsedRecord]:
    if not isinstance(data, bytes | str):
        data = json.dumps(data, ensure_ascii=False)
    raw = data.encode() if isinstance(data, str) else data
    return list(read_jsonld(io.BytesIO(raw), **kwargs))


def job(**fields: Any) -> dict[str, Any]:
    return {"@type": "JobPosting", "title": "Backend", "description": "Go", **fields}


def positions(records: list[ParsedRecord]) -> list[tuple[str, str | None]]:
    return [(r.position, r.error) for r in records]


# Compatibility of the shapes the import command uses.


def test_positions_default_to_the_line() -> None:
    assert ParsedRecord(12, error="x").position == "line 12"
    assert Rejection(line=3, reason="bad").position == "line 3"
    assert Rejection(line=3, position="row 2 (line 3)", reason="bad").position == "row 2 (line 3)"


# CSV


def test_excel_csv_with_bom_maps_columns_and_reports_bad_rows_with_row_and_line() -> None:
    with (FIXTURES / "postings_excel.csv").open("rb") as stream:
        records = list(read_csv(stream, EXCEL_MAP))
    assert positions(records) == [
        ("row 1 (line 2)", None),
        ("row 2 (line 7)", None),
        (
            "row 3 (line 8)",
            "salary_min (年収下限): Input should be a valid number, unable to parse string "
            "as a number",
        ),
        ("row 4 (line 9)", "expected 13 columns, got 2"),
        ("row 5 (line 10)", None),
    ]
    assert [r.line for r in records] == [2, 7, 8, 9, 10]
    first = records[0].record
    assert first is not None
    assert first.external_id == "kj-001" and first.title == "バックエンドエンジニア（Go）"
    # The quoted multi-line HTML cell: kept, and cleaned for extraction.
    assert first.description == "【必須】\n\n- Go言語での開発経験3年以上\n- SQLの知識"
    assert first.description_html is not None and first.description_html.startswith("<h3>")
    assert (first.salary_min, first.salary_max) == (6_000_000, 9_000_000)  # "6,000,000"
    assert (first.salary_currency, first.salary_period) == ("JPY", "annual")
    assert first.applicant_countries == ["JP", "US"]
    assert first.posted_at == date(2026, 10, 1)
    assert first.url == "https://jobs.example.jp/kj-001"
    second = records[1].record
    assert second is not None and second.description == 'Kubernetesの運用経験, "Terraform"'
    assert second.salary_min is None and second.url is None  # empty cells are absent


def test_cp932_export_is_read_with_its_extension_characters() -> None:
    text = (FIXTURES / "postings_excel.csv").read_bytes().decode("utf-8-sig")
    records = list(read_csv(io.BytesIO(text.encode("cp932")), EXCEL_MAP))
    assert [r.position for r in records if r.record] == [
        "row 1 (line 2)",
        "row 2 (line 7)",
        "row 5 (line 10)",
    ]
    assert records[-1].record is not None and records[-1].record.company == "㈱サンプル髙橋"


def test_columns_named_like_fields_map_without_a_mapping() -> None:
    data = b"title,description,company,Extra\r\nSRE,Kubernetes,ACME,ignored\r\n"
    (record,) = read_csv(io.BytesIO(data), {})
    assert record.record is not None
    assert (record.record.title, record.record.company) == ("SRE", "ACME")


def test_mapping_errors_are_raised_before_any_row_is_read() -> None:
    data = b"Job Title,Body\r\nSRE,Kubernetes\r\n"
    with pytest.raises(MappingError) as error:
        read_csv(io.BytesIO(data), {"title": "Title", "description": "Body"})
    assert str(error.value) == (
        "column(s) not in the header: 'Title'; the header has: 'Job Title', 'Body'"
    )
    with pytest.raises(MappingError, match=r"unknown field.*titel; fields are: source, "):
        read_csv(io.BytesIO(data), {"titel": "Job Title"})
    with pytest.raises(MappingError, match="empty"):
        read_csv(io.BytesIO(b""), {})


def test_undecodable_bytes_reject_their_row_only() -> None:
    data = b"title,description\r\nA,ok\r\nB,caf\xe9 \xff\r\nC,fine\r\n"
    records = list(read_csv(io.BytesIO(data), {}))
    assert [(r.position, r.record.title if r.record else None) for r in records] == [
        ("row 1 (line 2)", "A"),
        ("row 2 (line 3)", None),
        ("row 3 (line 4)", "C"),
    ]
    assert records[1].error == "line 3 is not valid utf-8 (byte 0xe9 at offset 5)"


def test_oversized_field_is_rejected_and_reading_goes_on() -> None:
    data = b'title,description\r\nA,"' + b"x" * 200_000 + b'"\r\nB,ok\r\n'
    records = list(read_csv(io.BytesIO(data), {}))
    assert records[0].error == "description: String should have at most 100000 characters"
    assert records[1].record is not None and records[1].record.title == "B"


def test_a_long_quoted_field_spanning_lines_is_one_row_not_several() -> None:
    """Past the csv module's default field limit (131,072 characters) the reader went on
    inside the quoted field and took its lines for rows: one was imported as a posting."""
    data = (
        b'title,description,external_id\nReal,"'
        + b"x" * 140_000
        + b'\nInjected title,injected body text,inj1\nmore text",real1\nNext,ok,n1\n'
    )
    records = list(read_csv(io.BytesIO(data), {}))
    assert [(r.position, r.error) for r in records] == [
        ("row 1 (line 2)", "description: String should have at most 100000 characters"),
        ("row 2 (line 5)", None),
    ]
    assert records[1].record is not None and records[1].record.external_id == "n1"


def test_a_header_with_a_backslash_names_its_column_in_errors() -> None:
    """The yen sign of a cp932 export is byte 0x5C, a backslash: 年収(\\)."""
    data = b"Job\\Title,description\n,body\nT,body\n"
    records = list(read_csv(io.BytesIO(data), {"title": "Job\\Title"}))
    assert records[0].error == "title (Job\\Title): Field required"
    assert records[1].record is not None and records[1].record.title == "T"


# JSON-LD


def test_job_board_page_with_json_ld_and_an_organization_in_another_script() -> None:
    with (FIXTURES / "job_board_page.html").open("rb") as stream:
        (parsed,) = read_jsonld(stream, name="page.html")
    assert parsed.position == "page.html script 2" and parsed.error is None
    record = parsed.record
    assert record is not None
    assert record.title == "バックエンドエンジニア（決済基盤 / Go）"
    assert record.external_id == "48213"
    assert record.company == "株式会社ペイネクスト"  # {"@id"} resolved in the other script
    assert record.company_employees == 420
    assert record.company_industry == "金融・決済"
    assert record.location == "渋谷区, 東京都, JP"
    assert (record.posted_at, record.valid_through) == (date(2026, 10, 1), date(2026, 12, 31))
    assert (record.salary_currency, record.salary_min, record.salary_max) == ("JPY", 6e6, 9e6)
    assert record.salary_period == "annual"
    assert record.employment_type == "full_time" and record.remote is None
    assert record.url == "https://jobs.example.jp/jobs/48213"
    assert record.description_html is not None and "<h3>【必須】</h3>" in record.description_html
    assert "【必須】\n\n- Go言語での開発経験3年以上\n" in record.description


def test_graph_with_organization_node_and_forward_reference() -> None:
    records = list(open_records(FIXTURES / "graph.jsonld"))
    by_position = {r.position: r for r in records}
    # The SRE posting (item 2) names an Organization defined after it: it waits for it.
    assert [r.position for r in records] == ["item 4", "item 5", "item 6", "item 2"]
    assert by_position["item 5"].error == "description: Field required"
    sre = by_position["item 2"].record
    assert sre is not None
    assert (sre.external_id, sre.company, sre.company_employees) == ("1042", "Example K.K.", 1000)
    assert sre.location == "Minato, Tokyo, JP / Osaka, JP"
    assert (sre.salary_min, sre.salary_max, sre.salary_period) == (550_000, 800_000, "monthly")
    assert sre.employment_type == "full_time"  # the first type that maps
    assert sre.valid_through == date(2026, 11, 30)
    assert sre.description == (
        "Run our Kubernetes platform.\n\nRequirements\n\n- 3+ years with Kubernetes\n- Terraform"
    )
    remote = by_position["item 4"].record
    assert remote is not None
    assert remote.remote == "full" and remote.applicant_countries == ["Japan", "Okinawa"]
    assert remote.employment_type == "contract"  # 契約社員
    assert remote.company_industry == "Financial Services"
    # A day rate becomes annual at 250 working days.
    assert (remote.salary_currency, remote.salary_min, remote.salary_period) == (
        "USD",
        100_000,
        "annual",
    )
    assert remote.posted_at == date(2026, 10, 2)  # the date as written, not UTC's
    intern = by_position["item 6"].record
    assert intern is not None
    assert intern.employment_type is None and intern.salary_period == "hourly"
    assert intern.company_employees == 3200


@pytest.mark.parametrize(
    "kind",
    ["JobPosting", "schema:JobPosting", "https://schema.org/JobPosting", ["Thing", "JobPosting"]],
)
def test_type_forms(kind: Any) -> None:
    (parsed,) = jsonld({**job(), "@type": kind})
    assert parsed.record is not None and parsed.record.title == "Backend"


def test_single_pretty_printed_object() -> None:
    (parsed,) = jsonld(json.dumps(job(identifier="x-1"), indent=2))
    assert parsed.position == "document 1" and parsed.record is not None
    assert parsed.record.external_id == "x-1"


def test_json_lines_of_json_ld() -> None:
    lines = "\n".join(
        [json.dumps(job(title="A")), "", json.dumps({"@graph": [job(title="B")]}), "{oops"]
    )
    records = jsonld(lines + "\n")
    assert [(r.position, r.record.title if r.record else r.error) for r in records] == [
        ("line 1", "A"),
        ("line 3 item 1", "B"),
        (
            "line 4",
            "invalid JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)",
        ),
    ]


def test_array_items_are_reported_by_position_and_reading_goes_on() -> None:
    records = jsonld([job(title="A"), "not a node", job(title=""), {"@type": "Organization"}])
    assert positions(records) == [
        ("item 1", None),
        ("item 2", "expected a JSON-LD object, got str"),
        ("item 3", "title: Field required"),
    ]


def test_broken_array_stops_with_a_clear_error_after_the_good_items() -> None:
    raw = b'[{"@type": "JobPosting", "title": "A", "description": "d"}, {"title": tru}]'
    records = jsonld(raw)
    assert records[0].record is not None
    assert records[1].position == "item 2"
    assert records[1].error == (
        "invalid JSON after item 1 (lexical error: invalid string in json text.); "
        "the rest of the file was not read"
    )


def test_an_integer_beyond_64_bits_does_not_end_the_file() -> None:
    """yajl, ijson's C parser, overflows past 64 bits: the file is read again by the Python
    parser from the item where it stopped, nothing lost and nothing read twice."""
    big = 12345678901234567890
    for data in (
        [job(title="A"), job(title="B", identifier=big), job(title="C"), job(title="D")],
        {"@graph": [job(title="A"), job(title="B", identifier=big), job(title="C")]},
        "\ufeff" + json.dumps([job(title="A"), job(title="B", identifier=big)]),
    ):
        raw = (data if isinstance(data, str) else json.dumps(data)).encode()
        with io.BufferedReader(io.BytesIO(raw)) as stream:  # seekable, as a file is
            records = list(read_jsonld(stream))
        assert all(r.error is None for r in records), positions(records)
        assert [r.record.title for r in records if r.record] == ["A", "B", "C", "D"][: len(records)]
        assert records[1].record is not None and records[1].record.external_id == str(big)


def test_what_json_cannot_hold_rejects_one_posting() -> None:
    deep = "[" * 3000 + "]" * 3000
    digits = "1" * 5000
    lines = "\n".join(
        [
            json.dumps(job(title="A")),
            '{"@type": "JobPosting", "title": "B", "x": ' + digits + "}",
            '{"@type": "JobPosting", "title": "C", "x": ' + deep + "}",
            json.dumps(job(title="D")),
        ]
    )
    assert positions(jsonld(lines)) == [
        ("line 1", None),
        (
            "line 2",
            "invalid JSON: Exceeds the limit (4300 digits) for integer string "
            "conversion: value has 5000 digits",
        ),
        ("line 3", "invalid JSON: nested too deeply"),
        ("line 4", None),
    ]
    page = (
        "<script type='application/ld+json'>"
        + json.dumps(job(title="A"))[:-1]
        + ', "x": '
        + digits
        + "}</script>"
        "<script type='application/ld+json'>" + json.dumps(job(title="B")) + "</script>"
    )
    assert [error is None for _, error in positions(jsonld(page))] == [False, True]
    nested = "[" + json.dumps(job(title="A")) + "," + deep + "," + json.dumps(job(title="C")) + "]"
    records = jsonld(nested)
    assert [r.record.title for r in records if r.record] == ["A", "C"]
    assert [r.error for r in records if r.error] == ["arrays nested over 16 deep"]


@pytest.mark.parametrize("employees", ["1e400", 1e308 * 10, 10**400, "NaN", True])
def test_an_employee_count_out_of_range_is_left_out(employees: Any) -> None:
    raw = json.dumps(
        job(hiringOrganization={"@type": "Organization", "name": "X", "numberOfEmployees": 1})
    ).replace('"numberOfEmployees": 1', '"numberOfEmployees": ' + json.dumps(employees))
    (record,) = jsonld(raw)
    assert record.record is not None, record.error
    assert (record.record.company, record.record.company_employees) == ("X", None)


def test_a_file_without_postings_says_so() -> None:
    (parsed,) = jsonld({"@type": "Organization", "name": "ACME"}, name="org.json")
    assert (parsed.position, parsed.error) == (
        "org.json",
        "no JobPosting found (types seen: Organization)",
    )
    (parsed,) = jsonld(b"hello")
    assert parsed.error == "not JSON-LD: expected {, [ or an HTML page"


def test_page_with_broken_and_non_posting_scripts() -> None:
    page = f"""<html><head>
<script type="application/ld+json">{{"@type": "Organization", "name": "x",}}</script>
<script type="application/ld+json; charset=utf-8">
<!--
{json.dumps({"@type": "WebPage", "mainEntity": job(title="Nested")})}
-->
</script>
<script>var x = {{"@type": "JobPosting"}};</script>
</head><body><script type="application/ld+json">
{
        json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "ItemList",
                "itemListElement": [{"@type": "ListItem", "item": job(title="Listed")}],
            }
        )
    }
</script></body></html>"""
    records = jsonld(page, name="jobs/list.html")
    assert [(r.position, r.record.title if r.record else r.error) for r in records] == [
        (
            "jobs/list.html script 1",
            "invalid JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 39 (char 38)",
        ),
        ("jobs/list.html script 2 mainEntity", "Nested"),
        ("jobs/list.html script 3 element 1", "Listed"),
    ]


def test_shift_jis_page_is_decoded_by_its_meta_charset() -> None:
    body = json.dumps(job(title="決済エンジニア"), ensure_ascii=False)
    page = (
        '<html><head><meta charset="shift_jis"></head><body>'
        f'<script type="application/ld+json">{body}</script></body></html>'
    ).encode("shift_jis")
    (parsed,) = jsonld(page)
    assert parsed.record is not None and parsed.record.title == "決済エンジニア"


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        # Identifier forms, and @id when there is none.
        ({"identifier": 17}, {"external_id": "17"}),
        ({"identifier": [{"@type": "PropertyValue", "value": "a-1"}]}, {"external_id": "a-1"}),
        ({"@id": "https://x.jp/jobs/9#job"}, {"external_id": "https://x.jp/jobs/9#job"}),
        ({"@id": "_:b0"}, {"external_id": None}),
        # Dates and datetimes.
        ({"datePosted": "2026-10-01T23:30:00-05:00"}, {"posted_at": date(2026, 10, 1)}),
        # Salary forms; a week is 50 working weeks.
        (
            {"baseSalary": {"currency": "EUR", "value": 1000, "unitText": "WEEK"}},
            {"salary_min": 50_000, "salary_max": 50_000, "salary_period": "annual"},
        ),
        (
            {
                "baseSalary": {
                    "currency": "JPY",
                    "value": {"maxValue": "800,000", "unitText": "month"},
                }
            },
            {"salary_min": None, "salary_max": 800_000, "salary_period": "monthly"},
        ),
        ({"baseSalary": {"currency": "JPY", "value": 5000000}}, {"salary_min": None}),  # no unit
        # Employment types.
        ({"employmentType": "CONTRACTOR"}, {"employment_type": "freelance"}),
        ({"employmentType": "TEMPORARY"}, {"employment_type": "contract"}),
        ({"employmentType": ["PART_TIME", "派遣社員"]}, {"employment_type": "dispatch"}),
        ({"employmentType": "業務委託"}, {"employment_type": "freelance"}),
        ({"employmentType": "Full-time"}, {"employment_type": "full_time"}),
        ({"employmentType": "PART_TIME"}, {"employment_type": None}),
        ({"jobLocationType": ["TELECOMMUTE"]}, {"remote": "full"}),
        # Organizations and places.
        ({"hiringOrganization": "ACME"}, {"company": "ACME"}),
        (
            {"hiringOrganization": {"name": "ACME", "numberOfEmployees": 50}},
            {"company": "ACME", "company_employees": 50},
        ),
        ({"hiringOrganization": {"@id": "#unknown"}}, {"company": None}),
        ({"jobLocation": {"address": "東京都港区"}}, {"location": "東京都港区"}),
        ({"name": "Title from name", "title": None}, {"title": "Title from name"}),
        # HTML escaped once too often is read as HTML.
        (
            {"description": "&lt;p&gt;Go&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;&lt;/ul&gt;"},
            {"description": "Go\n\n- SQL", "description_html": "<p>Go</p><ul><li>SQL</li></ul>"},
        ),
    ],
)
def test_field_mapping(node: dict[str, Any], expected: dict[str, Any]) -> None:
    (parsed,) = jsonld(job(**node))
    assert parsed.error is None and parsed.record is not None
    for field, value in expected.items():
        assert getattr(parsed.record, field) == value, field


def test_control_characters_in_description_html_do_not_reject_the_posting() -> None:
    (parsed,) = jsonld(job(description="<p>Go\u000b and SQL</p>"))
    assert parsed.record is not None
    assert parsed.record.description == "Go and SQL"
    assert parsed.record.description_html == "<p>Go and SQL</p>"


def test_a_large_array_streams_in_constant_memory() -> None:
    """20,000 postings (~10 MB) read with a peak far below the file's size (about 2 MB for
    10 MB and for 20 MB alike: caches, one item and ijson's 64 KB buffer)."""
    item = json.dumps(job(description="Go and PostgreSQL " + "x" * 400), separators=(",", ":"))
    raw = (
        "[" + ",".join(item.replace('"Backend"', f'"Backend {i}"') for i in range(20_000)) + "]"
    ).encode()
    assert len(raw) > 9_000_000
    stream = io.BytesIO(raw)
    tracemalloc.start()
    try:
        count, last = 0, None
        for parsed in read_jsonld(stream):
            count += parsed.record is not None
            last = parsed
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000 and last is not None and last.position == "item 20000"
    assert peak < 3_000_000, f"peak {peak:,} bytes"


def test_a_large_graph_streams_in_constant_memory() -> None:
    nodes = ",".join(
        json.dumps(job(identifier=str(i), description="y" * 500)) for i in range(10_000)
    )
    raw = ('{"@context": "https://schema.org",\n "@graph": [' + nodes + "]}").encode()
    tracemalloc.start()
    try:
        count = sum(parsed.record is not None for parsed in read_jsonld(io.BytesIO(raw)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < len(raw) / 4, f"peak {peak:,} bytes for {len(raw):,}"


# Choosing the reader


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.csv", "csv"),
        ("a.json", "jsonld"),
        ("a.jsonld", "jsonld"),
        ("a.html", "html"),
        ("a.htm", "html"),
    ],
)
def test_format_by_extension(name: str, expected: str) -> None:
    assert format_of(name) == expected


def test_format_errors_are_clear() -> None:
    with pytest.raises(FormatError, match=r"cannot tell the format of 'a\.txt'"):
        format_of("a.txt")
    with pytest.raises(FormatError, match="unknown format 'xml'"):
        format_of("a.json", "xml")
    with pytest.raises(FormatError, match="standard input needs a format"):
        format_of("-")
    with pytest.raises(FormatError, match="CSV only"):
        open_records(FIXTURES / "graph.jsonld", mapping={"title": "x"})


def test_open_records_reads_each_format(tmp_path: Path) -> None:
    lines = tmp_path / "postings.ndjson"
    lines.write_text(json.dumps({"title": "JL", "description": "<p>Go</p>"}) + "\n")
    (parsed,) = open_records(lines)
    assert parsed.record is not None
    assert (parsed.record.description, parsed.record.description_html) == ("Go", "<p>Go</p>")
    (csv_record, *_) = open_records(FIXTURES / "postings_excel.csv", mapping=EXCEL_MAP)
    assert csv_record.record is not None and csv_record.record.external_id == "kj-001"
    with pytest.raises(MappingError):
        open_records(FIXTURES / "postings_excel.csv", mapping={"title": "Job Title"})


def test_a_directory_of_pages(tmp_path: Path) -> None:
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "a.html").write_bytes((FIXTURES / "job_board_page.html").read_bytes())
    (tmp_path / "b.htm").write_text("<html><body><p>No structured data</p></body></html>")
    (tmp_path / "notes.txt").write_text("ignored")
    records = list(open_records(tmp_path))
    assert positions(records) == [
        ("b.htm", "no JobPosting found (types seen: none)"),
        ("jobs/a.html script 2", None),
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FormatError, match=r"no \.html or \.htm pages"):
        open_records(empty)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\n"])
def test_a_csv_without_a_header_is_empty(data: bytes) -> None:
    with pytest.raises(MappingError, match="the file is empty"):
        read_csv(io.BytesIO(data), {})


def test_blank_lines_before_the_header_are_skipped() -> None:
    (record,) = read_csv(io.BytesIO(b"\xef\xbb\xbf\n\ntitle,description\nGo,body\n"), {})
    assert record.record is not None and record.record.title == "Go"
    assert record.position == "row 1 (line 4)"


@pytest.mark.parametrize(
    ("written", "read"),
    [("2026-10-01T01:00+09:00", date(2026, 10, 1)), ("2026-10-01", date(2026, 10, 1))],
)
def test_a_datetime_gives_its_date_as_written(written: str, read: date) -> None:
    (record,) = jsonld(job(datePosted=written))
    assert record.record is not None and record.record.posted_at == read


def test_an_impossible_time_rejects_the_date() -> None:
    (record,) = jsonld(job(datePosted="2024-03-01T25:99:00Z"))
    assert record.record is None and record.error is not None
    assert record.error.startswith("posted_at:")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"@type": "QuantitativeValue", "minValue": "600万円", "maxValue": "800万円"}, (6e6, 8e6)),
        ({"@type": "QuantitativeValue", "value": "¥6,000,000"}, (6e6, 6e6)),
        ({"@type": "QuantitativeValue", "value": "1.2億"}, (1.2e8, 1.2e8)),
        ([7_000_000, 5_000_000], (5e6, 7e6)),
        ({"@type": "QuantitativeValue", "minValue": "六百万"}, (None, None)),
        ({"@type": "QuantitativeValue", "minValue": True}, (None, None)),
    ],
)
def test_salary_amounts_written_as_boards_write_them(value: Any, expected: tuple) -> None:
    salary = {"@type": "MonetaryAmount", "currency": "JPY", "value": value, "unitText": "YEAR"}
    (record,) = jsonld(job(baseSalary=salary))
    assert record.record is not None, record.error
    assert (record.record.salary_min, record.record.salary_max) == expected


def test_a_json_ld_file_nested_too_deep_to_stream_is_refused_in_bounded_memory() -> None:
    # ijson's items() keeps a path per level: 200 KB of brackets took over 20 GB, and the
    # API process that ran the import was killed. The items before stay; the rest is refused.
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    postings = ",".join(json.dumps(job(title=f"T{n}", description="x" * 100)) for n in range(50))
    for body in (
        "[" + postings + "," + "[" * 100_000 + "]" * 100_000 + "]",
        '{"@graph": [' + postings + "," + "[" * 100_000 + "]" * 100_000 + "]}",
    ):
        records = jsonld(body)
        assert [r.record.title for r in records if r.record][:40] == [f"T{n}" for n in range(40)]
        assert "nested deeper than 4096" in (records[-1].error or "")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200


def test_a_csv_line_over_the_limit_is_a_rejection_not_a_blank_line() -> None:
    # The over-long line was replaced by a blank one and skipped as such: the job said
    # succeeded with 0 records read and nothing rejected.
    data = b"title,description\nGo," + b"a" * 1_100_000 + b"\nNext,ok\n"
    records = list(read_csv(io.BytesIO(data), {}))
    assert records[0].record is None and "over" in (records[0].error or "")
    assert records[0].position == "row 1 (line 2)"
    assert records[1].record is not None and records[1].record.title == "Next"
