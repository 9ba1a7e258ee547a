import pytest

from kyujin.core.sections import find_sections
from kyujin.core.text import fold

POSTING = """【業務内容】
APIの開発
【必須スキル】
・Python 3年以上
・AWSの経験があれば尚可
【歓迎スキル】
・Go
【給与】年収600万円～
・Kotlin in the salary section
Requirements:
- Java
Nice to have
- Kafka is a plus
- Rust
【必須】PHP 経験
【必須 / Required】
- Scala
歓迎スキル・Preferred
- Elixir
What we offer:
- Ruby lunch talks
About us
Python again"""


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("APIの", "unknown"),
        ("Python 3", "required"),
        ("AWS", "preferred"),  # the line marks itself: があれば尚可
        ("・Go", "preferred"),
        ("Kotlin", "unknown"),  # 【給与】... closes the 歓迎 section though it has content
        ("- Java", "required"),
        ("Kafka", "preferred"),
        ("Rust", "preferred"),
        ("PHP 経験", "required"),
        ("Scala", "required"),  # bilingual heading
        ("Elixir", "preferred"),
        ("Ruby lunch", "unknown"),  # "What we offer" ends the preferred list
        ("Python again", "unknown"),
    ],
)
def test_requirement_of_each_line(phrase: str, expected: str) -> None:
    sections = find_sections(fold(POSTING))
    assert sections.requirement_at(POSTING.index(phrase)) == expected


def test_long_lines_are_content_not_headings() -> None:
    text = "Requirements for this role include " + "many things " * 10 + "\nPython"
    assert find_sections(fold(text)).requirement_at(text.index("Python")) == "unknown"
