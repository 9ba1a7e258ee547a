import pytest

from kyujin.core.extract import extract
from kyujin.core.forms import unticked_options
from tests.support.scaling import assert_linear


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("雇用形態：□正社員　■契約社員　□派遣社員", "employment_type", "contract"),
        ("勤務形態：☐出社のみ　☑フルリモート　☐リモート併用", "remote", "full"),
        ("語学：日本語　□不問　■ビジネスレベル以上　□ネイティブ", "japanese_level", "N2"),
        (
            "Employment: [ ] Full-time ☑ Fixed-term contract ☐ Freelance",
            "employment_type",
            "contract",
        ),
    ],
)
def test_unticked_options_are_not_the_posting(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_boxes_used_as_bullets_are_kept() -> None:
    text = "□ 正社員\n□ フルリモート"
    assert unticked_options(text) == []
    assert extract(text).employment_type == "full_time"


def test_a_long_line_without_a_box_takes_linear_time() -> None:
    # 40,000 characters without a box took 5 s when each of them was tried as the start of
    # a boxed line
    assert_linear(lambda n: "□\n" + "a" * n, 4_000)


def test_options_on_boxed_lines_among_long_plain_ones() -> None:
    text = "a" * 50 + "\n雇用形態：□正社員　■契約社員\n" + "b" * 50 + " □ x\n[ ] y [x] z"
    assert [text[s:e] for s, e in unticked_options(text)] == ["□正社員", "[ ] y "]
