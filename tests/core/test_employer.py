from kyujin.core.extract import extract
from tests.support.scaling import assert_linear


def _skills(text: str) -> list[str]:
    return [m.skill for m in extract(text).skills]


def test_benefits_field_offers_not_asks() -> None:
    text = (
        "Requirements: Python and Docker\n"
        "Job benefits: free German language courses, mentoring program"
    )
    skills = _skills(text)
    assert "Python" in skills and "Docker" in skills
    assert not any(s.lower().startswith("german") for s in skills)


def test_benefits_field_ends_at_the_next_field() -> None:
    text = "Job benefits: English classes Company description: We use Kubernetes"
    assert "Kubernetes" in _skills(text)


def test_employer_self_description_drops_domain_words() -> None:
    assert "SaaS" not in _skills("Acme is a VC-backed SaaS start-up based in Berlin .")
    assert "SaaS" not in _skills("We are a leading SaaS provider .")


def test_self_description_keeps_technologies() -> None:
    assert "Kubernetes" in _skills("We are a team building Kubernetes operators .")


def test_not_a_self_description() -> None:
    # the skill as the subject, the job, or the candidate
    assert "SaaS" in _skills("SaaS is a plus .")
    assert "SaaS" in _skills("Experience with SaaS products .")
    assert "agile" in _skills("You are an Agile practitioner .")
    assert "SaaS" in _skills("This role is a chance to build SaaS products .")


def test_the_employer_speaking_of_itself_drops_domain_words() -> None:
    # "we" / "our" as the subject, with nothing about the candidate in the sentence
    text = "We are developing an IoT platform with computer vision and machine learning ."
    assert not {"IoT", "computer vision", "machine learning"} & set(_skills(text))
    text = (
        "In 14 technology hubs worldwide our team of technologists build everything from big"
        " data to payments ."
    )
    assert not {"big data", "payments"} & set(_skills(text))
    assert "agile" not in _skills("We keep things open, agile and communicative .")
    # its stack stays: the hire works in it
    skills = _skills("Our data lake feeds machine learning jobs in Apache Airflow on AWS .")
    assert {"Apache Airflow", "AWS"} <= set(skills) and "machine learning" not in skills


def test_the_employer_speaking_of_the_candidate_keeps_them() -> None:
    assert "agile" in _skills("We are looking for people with agile experience .")
    assert "teamwork" in _skills("We expect you to be a team player .")
    assert "machine learning" in _skills("Our ideal candidate has worked on machine learning .")
    assert "IoT" in _skills("We'd love to see IoT projects .")
    # the next sentence is not the employer's
    text = "We build payment systems . Scrum and code review are part of the job ."
    assert "Scrum" in _skills(text)


def test_a_japanese_company_introducing_itself_drops_domain_words() -> None:
    text = (
        "株式会社ミナトデータは、中国・四国地方の小売チェーン向けに在庫最適化SaaSを提供しています。"
    )
    assert "SaaS" not in _skills(text)
    text = "当社は1978年の創業以来、製造業向けに生産管理システム（ERP）を開発してまいりました。"
    assert "ERP" not in _skills(text)
    assert "SaaS" not in _skills("私たちナゴヤテック株式会社は、物流SaaSの会社です。")
    # its stack stays
    skills = _skills("弊社は物流SaaSをGoとAWSで開発しています。")
    assert {"Go", "AWS"} <= set(skills) and "SaaS" not in skills


def test_a_japanese_company_speaking_of_the_candidate_keeps_them() -> None:
    assert "SaaS" in _skills(
        "株式会社ノースリーフでは、SaaSのバックエンド開発を担う方を募集しています。"
    )
    assert "SaaS" in _skills("当社のSaaS開発経験がある方を歓迎します。")
    # a sentence that does not open with the company
    assert "SaaS" in _skills("【必須】SaaSの開発経験。株式会社ミナトデータは東京の会社です。")


def test_a_company_section_names_the_employers_domains() -> None:
    text = (
        "【当社について】\n"
        "設立2015年のスタートアップです。物流業界向けのSaaSを開発しています。\n"
        "【仕事内容】\n"
        "・SaaSのAPI開発\n"
    )
    found = [(m.skill, m.start) for m in extract(text).skills]
    assert ("SaaS", text.index("SaaS")) not in found
    assert ("SaaS", text.index("・SaaS") + 1) in found


def test_a_company_section_ends_at_the_next_heading_of_any_kind() -> None:
    text = (
        "About the company\n"
        "Hoshizora sells tour packages for inns.\n"
        "What you'll be doing\n"
        "- Splitting our Rails monolith and the payments service\n"
    )
    assert "payments" in _skills(text)
    text = "Company profile:\nWe make shipyard systems.\n\nJob:\nYou will build SaaS products.\n"
    assert "SaaS" in _skills(text)


def test_a_benefits_section_offers_languages_and_domains() -> None:
    text = (
        "Requirements\n- Python\n- Business English\n"
        "Benefits\n- Healthcare\n- Free German language courses\n- A modern stack: Go, GCP\n"
        "What you'll do\n- Build APIs in English\n"
    )
    found = [(m.skill, m.start) for m in extract(text).skills]
    assert ("English", text.index("Business English")) in found  # asked, in the requirements
    assert ("English", text.rindex("English")) in found  # after the benefits section
    assert not any(skill in ("healthcare", "German") for skill, _ in found)
    assert ("Go", text.index("Go,")) in found  # a technology on offer is the stack


def test_a_japanese_benefits_section_offers_language_study() -> None:
    text = "【必須】\n・Java\n【福利厚生】\n・語学学習支援（英語・中国語）\n・英会話レッスン補助\n"
    assert _skills(text) == ["Java"]


def test_a_company_section_ends_a_preferred_list() -> None:
    text = (
        "【歓迎条件】\n・プロジェクトリーダーの経験\n\n"
        "■企業情報\n事業：医療予約SaaSの開発・運営\n開発環境：Ruby on Rails、Go\n"
    )
    skills = {m.skill: m.requirement for m in extract(text).skills}
    assert "SaaS" not in skills
    assert skills["Ruby on Rails"] == "unknown" and skills["Go"] == "unknown"


def test_company_description_field_keeps_stack() -> None:
    text = "Company description: Our development team is focused on cyber security in Python"
    skills = _skills(text)
    assert "Python" in skills
    assert not any("security" in s.lower() for s in skills)


def test_pension_scheme_is_not_the_language() -> None:
    assert "Scheme" not in _skills("Private healthcare and a Pension Scheme")
    assert "Scheme" in _skills("Functional languages: Scheme, Haskell")


def test_a_leading_title_starting_with_lead_is_the_whole_title() -> None:
    text = "Lead Java Software Engineer\nWe build APIs in Go and Python ."
    assert "Java" not in _skills(text)
    assert "Java" in _skills("Lead engineers write Java every day .")


def test_role_field_names_the_job() -> None:
    text = (
        "Experience level: Senior Role: DevOps Industry: Banking\n"
        "We need Kubernetes and DevOps practices"
    )
    devops = [m for m in extract(text).skills if m.skill == "DevOps"]
    assert len(devops) == 1 and devops[0].start > text.index("\n")


def test_the_role_heading_is_not_a_role_field() -> None:
    text = "The Role: you will build Python services with Docker"
    assert {"Python", "Docker"} <= set(_skills(text))


def test_many_benefits_fields_take_linear_time() -> None:
    # each mention was looked up in every field: 10,000 lines took 3 s
    assert_linear(lambda n: "perks: Python\n" * n, 1_000)
