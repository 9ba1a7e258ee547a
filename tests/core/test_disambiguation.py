"""A practice, domain or soft skill used as a team's or role's name is not a skill asked for."""

import random
from bisect import insort
from collections.abc import Callable

import pytest

from kyujin.core.disambiguation import SEPARATORS, Context
from kyujin.core.extract import extract
from tests.support.scaling import assert_linear


def names(text: str) -> set[str]:
    return {m.skill for m in extract(text).skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("You will work within the Agile team.", "agile"),
        ("Collaborate with our QA engineers on test plans.", "quality assurance"),
        ("We are looking for a Senior DevOps Engineer.", "DevOps"),
        ("Join the SRE team in Tokyo.", "SRE"),
        ("She leads the Software Engineering department.", "software engineering"),
        ("Become part of the leadership team.", "leadership"),
    ],
)
def test_a_team_or_role_name_is_not_a_skill(text: str, skill: str) -> None:
    assert skill not in names(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Requirements\n- Experience with Agile and Scrum", "agile"),
        ("Requirements\n- DevOps practices such as CI/CD", "DevOps"),
        ("Requirements\n- Leadership experience", "leadership"),
        # Languages and frameworks keep their job-title use: a Java developer needs Java.
        ("We are looking for a Java Developer.", "Java"),
        ("Senior Kubernetes engineer wanted", "Kubernetes"),
    ],
)
def test_the_same_words_as_skills_are_kept(text: str, skill: str) -> None:
    assert skill in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Job type: Full-time Industry: Financial Services Company size: 10k+ people",
        "業界：金融",
    ],
)
def test_an_industry_field_gives_its_values_context(text: str) -> None:
    assert "financial services" in names(text)


def test_an_industry_word_without_a_field_or_context_is_not_taken() -> None:
    assert "financial services" not in names("We work hard and finance our own growth.")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("You will write structured and testable code in Swift every day.", "Swift"),
        ("Familiar with building products, ideally already in Spring.", "Spring"),
        ("Our web applications are written in TypeScript with React.", "React"),
        ("We build the ingestion services in Rust and the API in Go.", "Rust"),
        ("We build the ingestion services in Rust and the API in Go.", "Go"),
        # a list of technologies: one taken makes the next one's context
        ("Knowledge of working with TypeScript Node React or GraphQL", "React"),
        # names that are not among the cased technologies, after "code in" (set C)
        ("Requirements:\n- production code in Elixir/Phoenix, or in Erlang", "Elixir"),
        ("Requirements:\n- production code in Elixir/Phoenix, or in Erlang", "Phoenix"),
        # an aside opening after a confirmed name
        ("Requirements:\n- Solid Go experience (Gin or Echo)", "Gin"),
        ("Requirements:\n- Solid Go experience (Gin or Echo)", "Echo"),
    ],
)
def test_a_capitalised_technology_inside_a_lower_case_sentence_is_taken(
    text: str, skill: str
) -> None:
    assert skill in {m.skill for m in extract(text).skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Our office is next to Hudson Yards.", "Jenkins"),  # a place: not in the rule
        ("Go To Market Strategy", "Go"),  # Title Case: a capital before it
        ("Teams react quickly to incidents.", "React"),  # lower case: the verb
        ("We hire new graduates every spring.", "Spring"),
        ("Please express interest by email.", "Express"),
        ("Hiring starts in Spring 2027.", "Spring"),  # a season, by its year
        ("Swift response times matter to our clients.", "Swift"),  # opens the sentence
    ],
)
def test_capitals_elsewhere_are_not_taken(text: str, skill: str) -> None:
    assert skill not in {m.skill for m in extract(text).skills}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Technologies\nspring java cloud\nJob description", {"Spring", "Java"}),
        ("Technologies reactjs django go docker", {"React", "Django", "Go", "Docker"}),
        ("Stack: python, go, rust", {"Python", "Go", "Rust"}),
    ],
)
def test_a_lower_case_name_in_a_list_of_technologies_is_taken(
    text: str, expected: set[str]
) -> None:
    assert expected <= names(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("we go to the office on mondays, java and go further", "Go"),
        ("Java and go to the beach", "Go"),
        ("go, swift", "Go"),  # no technology taken beside them
        ("- spring\n- summer", "Spring"),
        ("Our spring intake: java developers welcome", "Spring"),
    ],
)
def test_a_lower_case_name_outside_such_a_list_is_not(text: str, skill: str) -> None:
    assert skill not in names(text)


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("You are fluent in English and willing to learn German.", True),
        ("Good German language skills are a plus.", True),
        # the language, but as lessons the employer offers: not asked
        ("Free inhouse German course on different levels.", False),
        ("Native German speakers welcome.", True),
        ("We are a German company.", False),
        ("Our German customers love us.", False),
    ],
)
def test_a_spoken_language_has_cues_of_its_own(text: str, taken: bool) -> None:
    assert ("German" in names(text)) is taken


def test_those_cues_do_not_take_other_ambiguous_words() -> None:
    assert "Spring" not in names("Spring classes start in April.")
    assert "Express" not in names("Express lessons learned to the team.")


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("Final degree in computer science or equivalent education", False),
        ("Background in software engineering (education/ experience in the field)", False),
        ("Continuing education budget", False),
        ("Industry: Education", True),
        ("Experience in education or healthcare is a plus", True),
    ],
)
def test_education_as_schooling_is_not_the_industry(text: str, taken: bool) -> None:
    assert ("education" in names(text)) is taken


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "go" + " " * n + ". python",  # lower case: an item of a list?
        lambda n: "The Go" + " " * n + ". Python",  # ambiguous: one of a run of names?
    ],
)
def test_a_long_gap_of_separators_takes_linear_time(make: Callable[[int], str]) -> None:
    # 20,000 spaces took 1.4 s when the separators' pattern split the gap at every point
    assert_linear(make, 2_000)


@pytest.mark.parametrize(
    ("between", "separators"),
    [(" ", True), (", ", True), (" and/or ", True), ("、", True), (" 、 ", True),
     (" AND ", True), ("とや", False), (" " * 50 + "x", False), (" x ", False)],
)  # fmt: skip
def test_only_list_separators_between_names(between: str, separators: bool) -> None:
    assert (SEPARATORS(between) is not None) is separators


def _close_in_one_list(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """``Context.neighbour_close`` as it read one sorted list of every confirmed span."""
    i = sum(s < start for s, _ in spans)
    for s, e in spans[max(0, i - 2) : i + 2]:
        if e <= start and start - e <= 40:
            between = text[e:start]
        elif s >= end and s - end <= 40:
            between = text[end:s]
        else:
            continue
        if "\n" not in between and (SEPARATORS(between) or len(between) <= 3):
            return True
    return False


def test_words_taken_are_context_as_if_in_one_list_with_the_others() -> None:
    rng = random.Random(0)
    for _ in range(100):
        text = "".join(rng.choice(["ab", " ", ", ", "\n", " and ", "xyz"]) for _ in range(40))
        starts = sorted(rng.sample(range(len(text)), min(len(text), 24)))
        spans = [(s, s + 1) for s in starts]  # distinct starts, as hits never overlap
        sure = [span for span in spans if rng.random() < 0.4]
        context = Context(text, list(sure))
        every = list(sure)
        for span in spans:  # taken in the text's order, as ``SkillMatcher.find`` does
            if span not in sure and rng.random() < 0.5:
                context.confirm(*span)
                insort(every, span)
            for q in range(0, len(text), 3):
                close = context.neighbour_close(q, q + 1)
                assert close is _close_in_one_list(text, every, q, q + 1)
        assert all(context.is_confirmed(*span) is (span in every) for span in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【必須スキル】\n・RustまたはGoでの実務経験", ["Rust", "Go"]),
        ("・GoまたはRustでの実務経験", ["Go", "Rust"]),
        ("Rust or Go experience required", ["Rust", "Go"]),
        ("Express or React experience", ["Express", "React"]),
    ],
)
def test_an_ambiguous_name_shares_the_context_of_the_one_beside_it(
    text: str, expected: list[str]
) -> None:
    # Only the second name has a technical context after it ("での実務経験"); the first,
    # joined to it by または / or, is the same kind of thing.
    assert [m.skill for m in extract(text).skills] == expected


def test_an_ordinary_word_beside_a_skill_stays_a_word() -> None:
    assert names("We go or spring into action with Go experience") == {"Go"}
    assert names("Ready to go and React experience") == {"React"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("必須スキル：Go、Rust", [("Go", "required"), ("Rust", "required")]),
        ("【必須】Go / Rust", [("Go", "required"), ("Rust", "required")]),
        ("募集要項\n必須：Go\n歓迎：Elixir", [("Go", "required"), ("Elixir", "preferred")]),
        ("Go（Echo）での開発", [("Go", "unknown"), ("Echo", "unknown")]),
        ("Gin、Echoなどのフレームワーク経験", [("Gin", "unknown"), ("Echo", "unknown")]),
        ("Swiftで書かれたiOSアプリ", [("Swift", "unknown"), ("iOS", "unknown")]),
    ],
)
def test_japanese_requirement_labels_and_cues_give_context(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.skill, m.requirement) for m in extract(text).skills] == expected


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a framework or tool field gives its ambiguous values context, as 言語： does
        ("言語：Go\nフレームワーク：Gin、Echo", {"Gin", "Echo"}, set()),
        ("Frameworks: Gin, Echo", {"Gin", "Echo"}, set()),
        # "Build pipelines that process data": data pipelines, not CI/CD
        ("Build pipelines that process large volumes of data", set(), {"CI/CD"}),
        (
            "Requirements:\n- Experience maintaining CI/CD pipelines that handle deploys",
            {"CI/CD"},
            set(),
        ),
        ("Requirements: Set up deployment pipelines that handle canary releases", {"CI/CD"}, set()),
        ("Maintain our build pipelines (GitHub Actions)", {"CI/CD"}, set()),
    ],
)
def test_framework_fields_and_data_pipelines(
    text: str, expected: set[str], absent: set[str]
) -> None:
    found = names(text)
    assert expected <= found and not absent & found


@pytest.mark.parametrize(
    "text",
    [
        "・リリース判定（Go／No-Go判断）に関わった経験",
        "- Experience with subsidy campaigns such as Go To Travel",
        "・エクスプレス便など物流システムとの連携経験",
        "・EC業界での開発経験（Express配送・定期便）",
        "- A love of coffee – Java, Sumatra or Kenyan, we don't judge",
        "We roast beans from Ethiopia, Colombia and Java every week",
    ],
)
def test_release_gates_campaigns_deliveries_and_coffee_are_not_skills(text: str) -> None:
    assert names(text) & {"Go", "Express", "Java"} == set()


def test_the_technologies_beside_those_words_are_still_skills() -> None:
    assert names("必須：Go、Express.js\n歓迎：Java, Kotlin") >= {"Go", "Express", "Java"}


def test_spring_beans_and_a_delivery_api_keep_their_skills() -> None:
    assert "Java" in names(
        "- Understanding of dependency injection (Spring beans) and Java 17 features"
    )
    assert "Express" in names("必須スキル：\n・Node.js／Express配送管理APIの開発経験")
