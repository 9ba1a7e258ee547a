"""A practice, domain or soft skill used as a team's or role's name is not a skill asked for."""

import pytest

from kyujin.core.extract import extract


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
