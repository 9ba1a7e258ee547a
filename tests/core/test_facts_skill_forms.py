"""Taxonomy forms that read as ordinary words are skills only where a posting asks for them.

- Industries are skills in a requirement ("experience in fintech"), not in a company's
  description of itself ("a global leader in financial services").
- English job titles (tech lead, database administrator, engineering manager, product owner)
  name a role, not a skill.
- A bare language name other than English/Japanese is also a nationality adjective.
- Product names that are ordinary English words need a technical context.
- Soft-skill words that usually describe a culture or a perk need a technical context.
"""

import pytest

from kyujin.core.extract import extract


def skills(text: str) -> set[str]:
    return {m.skill for m in extract(text).skills}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We are a global leader in financial services.", "financial services"),
        ("One of the world's leading gaming operators with millions of players.", "gaming"),
        ("A fast-growing fintech startup based in Tokyo.", "fintech"),
        ("当社は金融機関向けにサービスを提供しています", "financial services"),
        ("株式会社ハカタ物流ホールディングスの社内SEとして", "logistics"),
        ("We help retailers and e-commerce brands grow.", "e-commerce"),
        ("Senior Database Administrator", "database administration"),
        ("Our tech lead and engineering manager will interview you.", "technical leadership"),
        ("Our engineering manager will interview you.", "engineering management"),
        ("You will work with the product owner.", "product management"),
        ("Site Reliability Engineer", "SRE"),
        ("Learn about the German culture with our team.", "German"),
        ("We build apps for French and Italian restaurants.", "French"),
        ("Our office is next to Hudson Yards.", "Jenkins"),
        ("Strong team spirit and fun team building events.", "team building"),
        ("Personal coaching and knowledge transfer sessions.", "mentoring"),
        ("We value open communication.", "communication"),
    ],
)
def test_ordinary_uses_are_not_skills(text: str, absent: str) -> None:
    assert absent not in skills(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Experience in fintech is a plus", "fintech"),
        ("Python, Django and e-commerce experience", "e-commerce"),
        ("- Financial services", "financial services"),
        ("SaaS product development experience", "SaaS"),
        ("AUTOSAR and CAN bus experience", "automotive software"),
        ("Site reliability engineering (SRE) practices", "SRE"),
        ("German language skills", "German"),
        ("ドイツ語", "German"),
        ("Jenkins or Hudson CI", "Jenkins"),
        ("Strong communication skills", "communication"),
        ("コミュニケーション能力", "communication"),
        ("テックリードの経験", "technical leadership"),
    ],
)
def test_requested_uses_are_skills(text: str, present: str) -> None:
    assert present in skills(text)
