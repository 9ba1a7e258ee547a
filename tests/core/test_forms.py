import pytest

from kyujin.core.extract import extract
from kyujin.core.forms import unticked_options


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
