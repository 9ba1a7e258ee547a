import io

from kyujin.postings.reader import read_jsonl
from kyujin.postings.schemas import MAX_DESCRIPTION_CHARS
from tests.support.factories import jsonl, posting_data


def read(data: bytes, **kwargs: int) -> list:
    return list(read_jsonl(io.BytesIO(data), **kwargs))


def test_each_record_is_numbered_by_its_line_and_blank_lines_are_skipped() -> None:
    parsed = read(jsonl(posting_data(title="A"), "", posting_data(title="B")))
    assert [(p.line, p.record.title) for p in parsed] == [(1, "A"), (3, "B")]


def test_broken_json_is_reported_and_reading_goes_on() -> None:
    parsed = read(jsonl(posting_data(), '{"title": "x",', posting_data(title="after")))
    assert parsed[1].line == 2 and parsed[1].record is None
    assert parsed[1].error.startswith("invalid JSON")
    assert parsed[2].record.title == "after"


def test_missing_title_names_the_field() -> None:
    data = posting_data()
    del data["title"]
    (parsed,) = read(jsonl(data))
    assert parsed.error == "title: Field required"


def test_non_object_lines_are_rejected() -> None:
    (parsed,) = read(jsonl("[1, 2]"))
    assert parsed.error == "expected a JSON object, got list"


def test_oversized_line_is_rejected_without_parsing() -> None:
    huge = posting_data(description="x" * 10_000_000)
    parsed = read(jsonl(huge, posting_data(title="small")))
    assert parsed[0].error.startswith("record is 10,000,")
    assert "over the limit of 1,048,576 bytes" in parsed[0].error
    assert parsed[1].record.title == "small"


def test_description_over_the_field_limit_is_rejected_with_the_limit() -> None:
    (parsed,) = read(jsonl(posting_data(description="y" * (MAX_DESCRIPTION_CHARS + 1))))
    assert (
        parsed.error
        == f"description: String should have at most {MAX_DESCRIPTION_CHARS} characters"
    )


def test_invalid_utf8_is_reported() -> None:
    (parsed,) = read(b'{"title": "\xff\xfe"}\n')
    assert parsed.error.startswith("invalid JSON")


def test_bad_url_and_date_are_reported_per_field() -> None:
    (parsed,) = read(jsonl(posting_data(url="javascript:alert(1)", posted_at="2026-13-40")))
    assert "url: Value error, must be an http(s) URL" in parsed.error
    assert "posted_at:" in parsed.error


def test_json_no_parser_can_hold_rejects_its_line_only() -> None:
    too_many_digits = '{"title": "t", "description": "d", "x": ' + "1" * 5000 + "}"
    too_deep = '{"title": "t", "description": "d", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    parsed = read(jsonl(posting_data(title="A"), too_many_digits, too_deep, posting_data()))
    assert [p.error for p in parsed] == [
        None,
        "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits",
        "invalid JSON: nested too deeply",
        None,
    ]


def test_an_oversized_line_is_not_held_whole() -> None:
    class Lines(io.BytesIO):
        longest = 0

        def readline(self, size: int | None = -1, /) -> bytes:
            line = super().readline(size)
            Lines.longest = max(Lines.longest, len(line))
            return line

    huge = jsonl(posting_data(description="x" * 5_000_000), posting_data(title="small"))
    parsed = list(read_jsonl(Lines(huge)))
    assert parsed[0].error is not None and parsed[0].error.startswith("record is 5,000,")
    assert parsed[1].record is not None and parsed[1].record.title == "small"
    assert Lines.longest <= 1024 * 1024 + 1


def test_a_json_ld_node_in_json_lines_is_rejected_with_what_to_do() -> None:
    # `kyujin export --format jsonld` saved under a .jsonl name: read as plain records,
    # each kept its title and lost its company, dates, salary and id without a word.
    node = {"@context": "https://schema.org", "@type": "JobPosting", "title": "T"}
    stream = io.BytesIO(jsonl(node, posting_data()))
    first, second = list(read_jsonl(stream))
    assert first.record is None and "JSON-LD" in (first.error or "")
    assert second.record is not None
