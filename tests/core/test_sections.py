import pytest

from kyujin.core.extract import extract
from kyujin.core.sections import find_sections
from kyujin.core.text import fold
from tests.support.scaling import assert_linear

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


# --- a job title the text opens with ---------------------------------------------------------

from kyujin.core.sections import leading_title_end  # noqa: E402


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Senior Java Developer\nWe build things.", "Senior Java Developer"),
        ("Software Engineer - Java\nAbout us", "Software Engineer - Java"),
        ("iOS Developer ( f/m/d )\nAbout us", "iOS Developer ( f/m/d )"),
        (
            "Full Stack Engineer ( JavaScript / React / Node JS )\nAcme builds apps.",
            "Full Stack Engineer ( JavaScript / React / Node JS )",
        ),
        (
            "Python Software Engineer - Commercial Data and Analytics\nAbout us",
            "Python Software Engineer - Commercial Data and Analytics",
        ),
        (
            "Artificial Intelligence / Machine Learning Senior Associate - Markets\nAbout us",
            "Artificial Intelligence / Machine Learning Senior Associate - Markets",
        ),
        (
            "Senior Python Developer with Kubernetes-Focus\nAbout us",
            "Senior Python Developer with Kubernetes-Focus",
        ),
        (
            "Acme Cloud - Site Reliability Engineer\nAbout us",
            "Acme Cloud - Site Reliability Engineer",
        ),
    ],
)
def test_a_leading_job_title_is_found(text: str, title: str) -> None:
    assert text[: leading_title_end(text)] == title


@pytest.mark.parametrize(
    "text",
    [
        "We are looking for a Java Developer.",
        "On-call engineers must react quickly to alerts from our Go services.",
        "Python Developer with 3+ years of experience wanted",
        "Requirements\n- Java Developer experience",
        "Javaエンジニア募集",
        "",
    ],
)
def test_a_sentence_or_a_heading_is_no_title(text: str) -> None:
    assert leading_title_end(text) == 0


def test_skills_in_a_leading_title_are_not_mentions_but_the_body_keeps_them() -> None:
    facts = extract("Senior Java Developer\nRequirements\n- 5+ years of Java and Kafka")
    assert [(m.skill, m.start) for m in facts.skills] == [("Java", 49), ("Apache Kafka", 58)]


@pytest.mark.parametrize(
    "field",
    ["雇用形態：正社員", "Employment type: Full-time", "Salary: ¥8M", "勤務地：東京都渋谷区"],
)
def test_a_conditions_field_line_ends_the_list_before_it(field: str) -> None:
    text = f"Nice to have\n- React\n{field}\n- Kafka"
    facts = extract(text)
    assert [(m.skill, m.requirement) for m in facts.skills] == [
        ("React", "preferred"),
        ("Apache Kafka", "unknown"),
    ]


def test_an_item_with_a_colon_is_not_a_conditions_line() -> None:
    facts = extract("Nice to have\n- Kafka experience: 2 years\n- Redis")
    assert [m.requirement for m in facts.skills] == ["preferred", "preferred"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Must have: Python and 4+ years building APIs\n- Kafka", ["required", "required"]),
        ("必須：Python\n・Kafka", ["required", "required"]),
        ("Nice to have: Python\n- Kafka", ["preferred", "preferred"]),
        ("Requirements: Python, and a long line of content that goes on " * 2, ["required"]),
        # "Bonus" alone labels pay, not preferences; a conditions field still ends a list.
        ("Bonus: twice a year\nPython", ["unknown", "unknown"]),
        (
            "Requirements\n- Python\nSalary: 8M\n- Kafka",
            ["required", "required", "unknown", "unknown"],
        ),
    ],
)
def test_a_label_with_its_content_opens_its_kind(text: str, expected: list[str]) -> None:
    folded = fold(text)
    sections = find_sections(folded)
    starts = [0] + [i + 1 for i, c in enumerate(folded) if c == "\n"]
    assert [sections.requirement_at(s) for s in starts] == expected


# A posting whose line breaks were lost: the labels inside the one line open sections
# where they stand.
def test_labels_inside_a_line_whose_breaks_were_lost() -> None:
    text = (
        "Backend Engineer at Kumo Labs. About us: a small team in Sapporo. Must have: "
        "Python and two years of API work (Django preferred). Nice to have: Kafka, "
        "four years of Go. Benefits: a bonus twice a year, we run services for 10+ years."
    )
    sections = find_sections(fold(text))
    assert sections.requirement_at(text.index("two years")) == "required"
    assert sections.requirement_at(text.index("four years")) == "preferred"
    assert sections.requirement_at(text.index("10+ years")) == "unknown"
    assert sections.requirement_at(text.index("a small team")) == "unknown"
    facts = extract(text)
    assert facts.min_years_experience == 2
    assert {(m.skill, m.requirement) for m in facts.skills} >= {
        ("Python", "required"),
        ("Apache Kafka", "preferred"),
        ("Go", "preferred"),
    }


def test_many_position_headings_take_linear_time() -> None:
    # each position's heading was inserted into the list of headings: 1 MB took 5 s
    assert_linear(lambda n: "position 1\n" * n + "必須\n" * (4 * n), 3_000, find_sections)


def test_position_headings_among_other_headings() -> None:
    text = "必須\nPython\nposition 1 backend\nGo\n歓迎\nRust\nposition 2\nJava"
    sections = find_sections(fold(text))
    found = {word: sections.requirement_at(text.index(word)) for word in ("Python", "Go")}
    found |= {word: sections.requirement_at(text.index(word)) for word in ("Rust", "Java")}
    assert found == {
        "Python": "required",
        "Go": "required",
        "Rust": "preferred",
        "Java": "required",
    }


# --- every heading the patterns name is looked at ---------------------------------------------
from re import _constants as sre  # type: ignore[attr-defined]  # noqa: E402
from re import _parser  # type: ignore[attr-defined]  # noqa: E402
from typing import Any  # noqa: E402

from kyujin.core import sections as sections_module  # noqa: E402
from kyujin.core.triggers import TRIGGERS  # noqa: E402

_CLASS_SAMPLE = {sre.CATEGORY_SPACE: " ", sre.CATEGORY_DIGIT: "0", sre.CATEGORY_WORD: "a"}


def _samples(items: list[tuple[Any, Any]], cap: int = 4096) -> list[str]:
    """Strings the sequence ``items`` matches: each branch and each optional part taken
    and left out, a repeat at its least (and once more), a class by one member."""
    out = [""]
    for op, av in items:
        if op is sre.LITERAL:
            options = [chr(av)]
        elif op is sre.IN:
            first_op, first_av = av[0]
            options = [
                chr(first_av)
                if first_op is sre.LITERAL
                else chr(first_av[0])
                if first_op is sre.RANGE
                else _CLASS_SAMPLE.get(first_av, "?")
            ]
        elif op is sre.SUBPATTERN:
            options = _samples(list(av[3]), cap)
        elif op is sre.BRANCH:
            options = [s for alternative in av[1] for s in _samples(list(alternative), cap)]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            once = _samples(list(sub), cap)
            options = [s * low for s in once]
            if high > low:
                options += [s * (low + 1) for s in once]
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            options = [""]
        else:  # ANY, NOT_LITERAL, ...: a character that is no trigger word's
            options = ["?"]
        out = [a + b for a in out for b in options][:cap]
    return out


@pytest.mark.parametrize("name", ["_REQUIRED", "_PREFERRED", "_OTHER", "_PREFERRED_LABEL"])
def test_every_heading_alternative_holds_a_trigger_word(name: str) -> None:
    # Headings are only tried on lines holding a "heading" trigger word: an alternative
    # without one ("こんな方と働きたい" once) can never match.
    parsed = list(_parser.parse(getattr(sections_module, name)))
    assert len(parsed) == 1 and parsed[0][0] is sre.BRANCH
    words = TRIGGERS["heading"]
    missing = [
        sample
        for alternative in parsed[0][1][1]
        for sample in _samples(list(alternative))
        if not any(word in sample for word in words)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("【こんな方と働きたい】", "required"),
        ("こんな人を求めています", "required"),
        ("Mandatory qualifications", "required"),
        ("Job Requirements", "required"),
        ("What they're looking for:", "required"),
        ("What Our Client Is Looking For", "required"),
        ("[Required Skill]", "required"),
        ("Required skills and experience", "required"),
        ("Skills & requirements", "required"),
        ("You need:", "required"),
        ("[Welcome Skill]", "preferred"),
        ("Preferred qualifications", "preferred"),
    ],
)
def test_headings_of_job_boards_and_hr_english(heading: str, expected: str) -> None:
    text = f"About us\nWe build things.\n{heading}\n- Java\n"
    assert find_sections(fold(text)).requirement_at(text.index("Java")) == expected


def test_nice_if_you_have_heads_preferred_items() -> None:
    facts = extract("What you need: Python.\nNice if you have: Docker, and some AWS experience.")
    assert [(m.skill, m.requirement) for m in facts.skills] == [
        ("Python", "required"),
        ("Docker", "preferred"),
        ("AWS", "preferred"),
    ]


@pytest.mark.parametrize(
    ("text", "skill", "requirement"),
    [
        # headings framed by box drawing or geometric marks
        (
            "━━ 必須要件 ━━\n・Goでの開発経験\n\n━━ 歓迎要件 ━━\n・Rustでの開発経験",
            "Go",
            "required",
        ),
        ("◎応募条件（必須）\n・Pythonの実務経験\n◎歓迎\n・Ansibleの経験", "Ansible", "preferred"),
        # the stack after a wish list is not one more wish
        ("## Want\n- Terraform\n\n## Environment\nGo / PHP / MySQL", "MySQL", "unknown"),
        ("歓迎要件　　　：Azureの利用経験\n開発環境　　　：C#、SQL Server", "C#", "unknown"),
    ],
)
def test_more_heading_forms(text: str, skill: str, requirement: str) -> None:
    found = {m.skill: m.requirement for m in extract(text).skills}
    assert found[skill] == requirement


def test_a_bracketed_language_field_ends_the_list_above() -> None:
    text = fold("[Nice to have]\n- Docker\n\n[English] Business level (we talk with clients)\n")
    sections = find_sections(text)
    assert sections.requirement_at(text.index("docker")) == "preferred"
    assert sections.requirement_at(text.index("business")) == "unknown"


def test_a_label_with_its_content_heads_its_own_line_in_a_list_of_fields() -> None:
    text = fold(
        "・必須スキル：Java（Spring Boot）による開発経験\n・尚可スキル：DynamoDB、Terraform\n"
        "・経験年数：Java 4年以上\n・外国籍：可（ただしJLPT N1必須）\n"
    )
    sections = find_sections(text)
    assert sections.requirement_at(text.index("java")) == "required"
    assert sections.requirement_at(text.index("dynamodb")) == "preferred"
    assert sections.requirement_at(text.index("4年以上")) == "unknown"
    facts = extract(text)
    assert (facts.min_years_experience, facts.japanese_level) == (4, "N1")


def test_a_label_with_content_still_heads_the_list_under_it() -> None:
    text = fold("Nice to have: Kafka\n- Kubernetes\n- Terraform\n")
    sections = find_sections(text)
    assert sections.requirement_at(text.index("terraform")) == "preferred"


def test_translated_headings_with_their_kind_in_parentheses() -> None:
    text = fold(
        "[Necessary skill / experience]\n- Java\n[Welcome skill / experience]\n- Docker\n"
        "■Qualification requirement (essential):\n・C#\n■Qualification requirement (welcome):\n"
        "・Azure\n"
    )
    sections = find_sections(text)
    assert [sections.requirement_at(text.index(word)) for word in ("java", "docker", "c#")] == [
        "required",
        "preferred",
        "required",
    ]
    assert sections.requirement_at(text.index("azure")) == "preferred"


def test_label_and_noun_headings_and_arebakangei() -> None:
    text = fold(
        "【求める経験・スキル】\n・C#での開発歴3年以上\n\n【あれば歓迎】\n・Azureの利用経験\n"
    )
    sections = find_sections(text)
    assert sections.requirement_at(text.index("c#")) == "required"
    assert sections.requirement_at(text.index("azure")) == "preferred"


def _requirement_of(text: str, word: str) -> str:
    folded = fold(text)
    return find_sections(folded).requirement_at(folded.index(word))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rule after a blank line ends the list: a thread's next post, a chat's message
        ("歓迎：\n・AWS\n\n---\n↳ 自己リプ\nうちはKafkaも使います", "unknown"),
        ("Nice:\n- AWS\n\n━━━━━━\n@kanade の返信:\nKafka is used too", "unknown"),
        # not a Markdown heading's underline, nor a page break inside a list
        ("Nice to have\n------------\n- Kafka", "preferred"),
        ("Nice to have\n- AWS\n\n────────\n- Kafka", "preferred"),
        (
            "ACME BRIEF  CONFIDENTIAL\nNice to have\n- AWS\n\n────────\nACME BRIEF  CONFIDENTIAL\n"
            "- Kafka",
            "preferred",
        ),
    ],
)
def test_a_rule_across_the_page_ends_the_list(text: str, expected: str) -> None:
    assert _requirement_of(text, "kafka") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line that asks and wishes: each clause its own
        (
            "Site Reliability Engineer — Tokyo — Must: Kubernetes, Terraform, GCP; Bonus: Go",
            {
                "kubernetes": "required",
                "terraform": "required",
                "gcp": "required",
                "go": "preferred",
            },
        ),
        (
            "Must have 3+ yrs Node.js and TypeScript; GraphQL a plus.",
            {"node.js": "required", "typescript": "required", "graphql": "preferred"},
        ),
        (
            "正社員／Kotlin・Spring Bootの実務経験必須、Androidアプリ開発経験歓迎",
            {"kotlin": "required", "spring boot": "required", "android": "preferred"},
        ),
        # a negated mark is no clause mark, nor is a section's name in quotes
        ("- Japanese is no longer required; it is now a plus", {"japanese": "preferred"}),
        ('- Go moved from "Requirements" to the list below', {"go": "unknown"}),
    ],
)
def test_each_clause_of_a_line_that_asks_and_wishes(text: str, expected: dict[str, str]) -> None:
    for word, kind in expected.items():
        assert _requirement_of(text, word) == kind, word


def _kinds_of(text: str, words: tuple[str, ...]) -> dict[str, str]:
    sections = find_sections(fold(text))
    return {word: sections.requirement_at(text.index(word)) for word in words}


def test_an_export_s_fields_that_ask_and_wish() -> None:
    text = (
        '{\n  "title": "PHP Engineer",\n  "requirements": [\n    "PHP 3 years",\n'
        '    "Laravel"\n  ],\n  "nice_to_have": [\n    "Vue.js",\n    "AWS"\n  ],\n'
        '  "description": "Our stack: Go and Redis."\n}'
    )
    assert _kinds_of(text, ("PHP 3", "Laravel", "Vue.js", "AWS", "Go and")) == {
        "PHP 3": "required",
        "Laravel": "required",
        "Vue.js": "preferred",
        "AWS": "preferred",
        "Go and": "unknown",  # after the field's value: not asked
    }


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a string value (schema.org's qualifications), then another key
        (
            '{"qualifications": "Python; FastAPI", "skills": "Kafka", "x": 1}',
            ("Python", "FastAPI", "Kafka"),
            ("required", "required", "unknown"),
        ),
        # YAML with its items under the key, and at the key's own indent
        (
            "job:\n  must_have:\n    - Go\n    - gRPC\n  nice_to_have:\n  - Kafka\n"
            "  benefits:\n    - Rust lunch club\n",
            ("Go", "gRPC", "Kafka", "Rust"),
            ("required", "required", "preferred", "unknown"),
        ),
        # INI and KEY=value lines
        (
            "[スキル]\n必須=Go, Kubernetes\n尚可=Google Cloud\n言語=日本語\nメモ=Rust",
            ("Go,", "Kubernetes", "Google Cloud", "Rust"),
            ("required", "required", "preferred", "unknown"),
        ),
        # XML elements
        (
            "<job><requirements>Java, Spring</requirements><preferred_skills>Kotlin"
            "</preferred_skills><stack>Scala</stack></job>",
            ("Java", "Spring", "Kotlin", "Scala"),
            ("required", "required", "preferred", "unknown"),
        ),
    ],
)
def test_export_fields_in_other_formats(
    text: str, words: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert tuple(_kinds_of(text, words).values()) == expected


def test_export_fields_in_linear_time() -> None:
    assert_linear(lambda n: '{"must": ["a", ' * n, 3_000, find_sections)
    assert_linear(lambda n: '"requirements": "x",\n' * n, 3_000, find_sections)
    assert_linear(lambda n: "nice_to_have:\n" + "  - Go\n" * n, 3_000, find_sections)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headings as machine translation writes them from English
        ("持っているとプラス\n- Terraformの経験", [("Terraform", "preferred")]),
        ("持っていると良い\n- Kubernetesの経験", [("Kubernetes", "preferred")]),
        ("あれば望ましい\n- Next.jsの経験", [("Next.js", "preferred")]),
        ("ボーナスポイント\n- Kubernetesの経験", [("Kubernetes", "preferred")]),
        ("私たちが探しているもの\n- Goでのプロダクション経験", [("Go", "required")]),
        # casual headings of a post or a thread, with an emoji or the post's number
        (
            "必須👇\n・Goでの実務経験\nあると嬉しい👇\n・Kubernetes",
            [("Go", "required"), ("Kubernetes", "preferred")],
        ),
        (
            "(3/4) Must:\n• Terraform\nNice:\n• Python",
            [("Terraform", "required"), ("Python", "preferred")],
        ),
        (
            "3/5 must:\n- production Rust\nnice:\n- Kafka",
            [("Rust", "required"), ("Apache Kafka", "preferred")],
        ),
        ("Need:\n• FastAPI\n\nThe deal:\n💴 ¥8M", [("FastAPI", "required")]),
        ("【求めること】\n・Ruby on Railsでの実務経験", [("Ruby on Rails", "required")]),
        # double angle brackets, and a requirement written as what is necessary
        (
            "≪必須スキル≫\n・Linuxの基本操作\n≪歓迎スキル≫\n・Python",
            [("Linux", "required"), ("Python", "preferred")],
        ),
        (
            "◇必須となる経験・スキル\n・AWSでの構築経験\n◇あれば歓迎\n・Terraform",
            [("AWS", "required"), ("Terraform", "preferred")],
        ),
    ],
)
def test_headings_as_translators_posters_and_boards_write_them(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.skill, m.requirement) for m in extract(text).skills] == expected


@pytest.mark.parametrize(
    "text",
    [
        "【2/4】\nあると嬉しい👇\n・Kubernetes\n\n【3/4】\n使ってるもの：Go / Datadog",
        "3/5 nice:\n- Kubernetes\n4/5 comp: $120k base, we use Go daily",
        "(1/3) Nice to have:\n- Kubernetes\n(2/3) our services: Go, PostgreSQL and Redis",
    ],
)
def test_a_thread_s_next_post_ends_the_list(text: str) -> None:
    requirements = {m.skill: m.requirement for m in extract(text).skills}
    assert requirements["Kubernetes"] == "preferred"
    assert requirements["Go"] == "unknown"


def test_a_date_is_not_a_post_number() -> None:
    text = "Nice to have:\n- Kubernetes\n2026/1/15 更新\n- Go"
    assert {m.skill: m.requirement for m in extract(text).skills}["Go"] == "preferred"


@pytest.mark.parametrize(
    "text",
    [
        # a line opening with "24/7", a date or a share is not a thread's next post
        "Requirements:\n- Python 3+ years\n24/7 on-call support experience\n- Kubernetes",
        "【必須スキル】\nJava 3年以上\n4/1 入社可能な方\nKubernetes",
        "Requirements\nPython\n3/4 of our customers are overseas\nKubernetes",
        # nor is one post number alone
        "Nice to have:\n- Go\n(2/3) our services: Kubernetes and Redis",
    ],
)
def test_a_line_opening_with_a_fraction_does_not_end_the_list(text: str) -> None:
    requirements = {m.skill: m.requirement for m in extract(text).skills}
    assert requirements["Kubernetes"] in ("required", "preferred")


def test_a_greeting_with_an_emoji_is_not_a_heading() -> None:
    text = "Welcome 👋\nWe build APIs in Python on AWS.\n\nMust:\n- Go"
    requirements = {m.skill: m.requirement for m in extract(text).skills}
    assert (requirements["Python"], requirements["Go"]) == ("unknown", "required")


@pytest.mark.parametrize(
    "text",
    [
        "Nice to have\n- Kubernetes\n\nLanguages\nJapanese: fluent. English: business level.",
        "Nice to have\n- Kubernetes\n\nLanguage: Japanese 日常会話 / English TOEIC 800+",
        "■ 歓迎 / Preferred: Kubernetes\n■ 語学 / Languages: 日本語不問、英語ビジネスレベル",
        "歓迎 / Preferred:\n・Kubernetes\n英語 / English: 日常会話レベル / conversational",
        "歓迎:\n・Kubernetes\n【条件 / Conditions】\n・日本語: N2以上\n・英語: 不問",
    ],
)
def test_a_languages_field_ends_the_list_above(text: str) -> None:
    skills = {m.skill: m.requirement for m in extract(text).skills}
    assert skills["Kubernetes"] == "preferred"
    assert all(skills.get(language, "unknown") == "unknown" for language in ("Japanese", "English"))


def test_a_language_item_of_a_list_stays_in_it() -> None:
    text = "Requirements\n- Go\n- Language: Japanese (JLPT N2)\n"
    skills = {m.skill: m.requirement for m in extract(text).skills}
    assert skills["Japanese"] == "required"
