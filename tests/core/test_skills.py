"""Choosing among overlapping matches (kyujin.core.skills)."""

from typing import SupportsIndex

import pytest

from kyujin.core.disambiguation import Context
from kyujin.core.extract import extract
from kyujin.core.skills import LOWER_CASE, PLAIN, in_list_of_technologies


def skills(text: str) -> list[tuple[str, str]]:
    return [(m.skill, m.surface) for m in extract(text).skills]


@pytest.mark.parametrize(
    "text",
    [
        "Java Spring Boot",
        "Experience with Java Spring Boot and AWS",
        "必須：Java Spring Boot での開発経験",
        "Ｊａｖａ Ｓｐｒｉｎｇ Ｂｏｏｔ",
    ],
)
def test_java_spring_boot_is_java_and_spring_boot(text: str) -> None:
    # "Java Spring" is an alias of Spring; the longer "Spring Boot" that runs past it wins,
    # and the words before it are matched on their own.
    found = skills(text)
    assert [name for name, _ in found if name in ("Java", "Spring", "Spring Boot")] == [
        "Java",
        "Spring Boot",
    ]


def test_the_alias_java_spring_still_matches_alone() -> None:
    assert skills("Java Spring") == [("Spring", "Java Spring")]


def test_the_longest_match_still_wins_where_nothing_runs_past_it() -> None:
    assert skills("Spring Boot") == [("Spring Boot", "Spring Boot")]
    assert skills("Ruby on Rails") == [("Ruby on Rails", "Ruby on Rails")]


def test_a_role_name_repeating_a_skill_mentioned_as_itself_is_dropped() -> None:
    text = "We are looking for a Java Developer.\nRequirements\n- 3+ years of Java"
    found = [(m.skill, m.start, m.requirement) for m in extract(text).skills]
    assert found == [("Java", text.rindex("Java"), "required")]


def test_a_role_name_is_kept_when_it_is_the_only_mention_of_the_skill() -> None:
    text = "We are looking for a Java Developer to join our team."
    assert [m.skill for m in extract(text).skills] == ["Java"]


def test_a_role_name_in_a_requirement_is_kept_beside_an_unknown_mention() -> None:
    text = "Our stack is Java.\nRequirements\n- Experience as a Java developer"
    assert [m.requirement for m in extract(text).skills if m.skill == "Java"] == [
        "unknown",
        "required",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("・api設計の経験", [("API design", "api設計")]),
        ("・ウェブapi設計", [("API design", "api設計")]),  # katakana before: another word
        ("・éapi設計", [("API design", "api設計")]),  # a non-ASCII letter does not continue it
        ("・Xapi設計", []),  # an ASCII letter does: "xapi" is another word
        ("Ｘapi設計", []),  # also when written full-width
        (".NETと.network", [(".NET", ".NET")]),  # ".net" is not in ".network"
    ],
)
def test_a_raw_form_with_an_ascii_edge_does_not_match_inside_a_word(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert skills(text) == found


def names(text: str) -> set[str]:
    return {m.skill for m in extract(text).skills}


def test_ambiguous_words_in_a_run_of_three_names_are_skills() -> None:
    # "security", "logging" and "performance" alone need technical context; three names in
    # a row with only list separators between them make a list of skills
    found = names("Your focus areas are security, logging and performance.")
    assert {"information security", "logging", "performance tuning"} <= found
    # two in a row are not a list: "security and performance" stays prose
    found = names("We care about security and performance of our shop.")
    assert "information security" not in found and "performance tuning" not in found
    # a run broken by a line end is not one
    found = names("Think about security\nlogging and performance every day")
    assert "information security" not in found


def test_a_run_without_commas_is_a_list_too() -> None:
    # postings flattened from HTML lose their commas: "Infrastructure IAM Security Logging"
    found = names("You look at infrastructure IAM security logging every day")
    assert {"information security", "logging", "identity and access management"} <= found


class _CountedText(str):
    """A text that adds up how many characters ``find`` and ``rfind`` look through."""

    scanned = 0

    def find(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        self._count(start, end)
        return super().find(sub, start, end)

    def rfind(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        self._count(start, end)
        return super().rfind(sub, start, end)

    def _count(self, start: SupportsIndex | None, end: SupportsIndex | None) -> None:
        first, last, _ = slice(start, end).indices(len(self))
        self.scanned += max(0, last - first)


@pytest.mark.parametrize("gap", [" ", ", ", " / "])
def test_a_long_line_of_lower_case_names_is_read_in_one_pass(gap: str) -> None:
    # the line's edges were searched for from every name: 1 MB of "go " took 5 s
    n = 2_000
    text = _CountedText("python" + gap + ("go" + gap) * n)
    first, step = 6 + len(gap), 2 + len(gap)
    gos = [(first + i * step, -(first + i * step + 2), "Go", LOWER_CASE) for i in range(n)]
    kept = [(0, -6, "Python", PLAIN), *gos]
    context = Context(text, [(0, 6)])
    for i in range(1, len(kept) - 1):  # each taken beside the one before
        assert in_list_of_technologies(kept, i, text, context)
        context.confirm(kept[i][0], -kept[i][1])
    assert text.scanned <= 2 * len(text)


def test_lower_case_names_in_a_list_on_their_own_line() -> None:
    found = [m.surface for m in extract("Stack:\nreactjs django go docker\nWe go far.").skills]
    assert found == ["reactjs", "django", "go", "docker"]


@pytest.mark.parametrize(
    "text",
    [
        "選考フロー：書類選考 → 技術面接 → 最終面接",  # a step of the selection, not a skill
        "クリニック向けの予約システムを開発しています",  # bookings are not the travel industry
        "Product prioritization with the PdM",  # a backlog's, not one's own time
        "【福利厚生】iPhone貸与、MacBook Pro支給",  # a device handed out is not iOS
        "資格取得をバックアップします",  # backing a person up, not backups
        "幅広いネットワークを活かして",  # a network of people
        "メンター制度あり",  # a benefit
        "既存システムにAIを組み込み",  # building in, not embedded systems
        "企画から運用まで一気通貫",
        "上長との1on1を毎週実施",
        "We are building an AI platform for enterprises.",
        "Free Wi-Fi hotspot in the office.",
        "We serve SMB customers across Japan.",
        "Market tailwinds and sales forecasting",
    ],
)
def test_loose_aliases_are_not_skills(text: str) -> None:
    assert [m.skill for m in extract(text).skills] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Requirements:\n- Experience mentoring engineers", True),
        ("Requirements:\n- Mentor junior developers", True),
        ("Our mentoring program pairs you with a senior engineer.", False),
    ],
)
def test_mentoring_others_is_asked_a_mentoring_programme_is_offered(text: str, found: bool) -> None:
    assert ("mentoring" in {m.skill for m in extract(text).skills}) is found
