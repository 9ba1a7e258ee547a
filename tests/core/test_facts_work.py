"""Remote policy, minimum years of experience and visa sponsorship: general phrasings."""

from collections.abc import Iterator
from typing import Any

import pytest

from kyujin.core.extract import extract
from kyujin.core.facts.work import _REMOTE_HYBRID, _YEARS


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("【勤務形態】フルリモート", "full"),
        ("Fully remote (anywhere in Japan)", "full"),
        ("This is a 100% remote position.", "full"),
        ("【勤務地】フルリモート（出社なし）", "full"),
        ("Remote-first: office visits about twice a month", "hybrid"),
        ("リモートワーク可（週2日出社）", "hybrid"),
        ("週3日出社、その他は在宅勤務", "hybrid"),
        ("リモートワーク中心（月1〜2回程度の出社あり）", "hybrid"),
        ("Hybrid — 2 days a week in the office", "hybrid"),
        ("Remote OK, office visits twice a month", "hybrid"),
        ("出社頻度：週1回", "hybrid"),
        ("在宅勤務：週2日まで可", "hybrid"),
        ("Office attendance 3 days/week, Tokyo office", "hybrid"),
        ("Remote work possible", "hybrid"),
        ("在宅勤務（週2回）", "hybrid"),
        ("Remote work: up to 2 days/week", "hybrid"),
        ("出社：原則週5日", "onsite"),
        ("週5日出社", "onsite"),
        ("Office: Kita-ku, Osaka (in office 5 days a week)", "onsite"),
        ("In-office 5 days per week", "onsite"),
        ("【勤務体系】出社（リモートワーク制度はありません）", "onsite"),
        ("働き方：出社（在宅勤務制度は現在ありません）", "onsite"),
        ("在宅勤務　　　：なし", "onsite"),
        ("週2日常駐、その他はリモート", "hybrid"),
        ("入社3ヶ月経過後から、週2日まで在宅勤務を利用できます。", "hybrid"),
        (
            "Remote work: not available during probation; after probation, up to 2 days per week",
            "hybrid",
        ),
        ("在宅勤務制度あり", "hybrid"),
        ("Remote work is not available for this role.", "onsite"),
        ("Remote: No", "onsite"),
        ("リモート：不可", "onsite"),
        ("On-site at our Fukuoka office; no remote", "onsite"),
        ("客先常駐", "onsite"),
        ("Hybrid work: 2 days in the office", "hybrid"),
        ("Hybrid remote", "hybrid"),
        ("ハイブリッド勤務", "hybrid"),
    ],
)
def test_remote(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    "text",
    [
        "Experience with hybrid cloud (on-premises and AWS)",
        "hybrid-cloud infrastructure",
        "オンプレミスとAWSのハイブリッドクラウド環境",
        "Kubernetes in hybrid and multi-cloud environments",
        "Hybrid apps with Ionic",
    ],
)
def test_hybrid_technology_is_not_a_remote_policy(text: str) -> None:
    assert extract(text).remote is None


@pytest.mark.parametrize(
    "phrase",
    ["work from home up to 3 days a week", "テレワーク可", "2 days wfh"],
)
def test_remote_phrases_without_a_remote_trigger_word_are_hybrid(phrase: str) -> None:
    assert _REMOTE_HYBRID.search(phrase)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("【必須】\n・Javaでの開発経験（3年以上）", 3),
        ("【必須】\n・Javaを用いた開発経験が3年以上ある方", 3),
        ("必須スキル\n・Go 3年以上\n歓迎\n・Kubernetes 2年以上", 3),
        ("【応募資格】\n・3〜5年程度の開発実務経験", 3),
        ("実務経験：4年以上", 4),
        ("経験年数：3年以上", 3),
        ("Requirements\n- 5+ years in infrastructure or backend engineering", 5),
        ("Requirements\n- 2+ years of web development with Python", 2),
        ("Requirements:\n・Experience: 3 years or more in Java", 3),
        ("Requirements\n- 3+ yrs backend experience", 3),
        ("Qualifications\n- Go (3+ years)\n- AWS experience is a plus", 3),
        ("Requirements\n- Kafka: 2 years would be a plus\n- 4 years of Go", 4),
        ("Requirements\n- At least three years of professional experience", 3),
        ("Requirements\n- three+ years writing Go", 3),
        ("Requirements\n- Two years with Python", 2),
        ("We have one year plus of runway. Requirements: Python", None),
        ("Minimum of 4 years building backend services", 4),
        ("未経験可・研修あり", 0),
        ("経験不問", 0),
        ("No prior experience required; we train you", 0),
        ("No prior professional experience required", 0),
        ("Requirements\n- No professional work experience is required", 0),
        ("未経験OK", 0),
        ("3+ years of experience required", 3),
        ("No Kotlin experience required", None),  # says nothing of experience in general
        # A figure under a preferred heading, or a bare figure outside a requirements list.
        ("Requirements\n- Python\nNice to have\n- 5+ years with Kafka", None),
        ("We were founded 10 years ago and have 5 years of growth.", None),
    ],
)
def test_years(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


def test_years_abbreviated_yrs() -> None:
    match = _YEARS.search("minimum 4 yrs. of go")
    assert match is not None and match.group("e2") == "4"


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # A bracketed field label: 【リモートワーク】週3日まで可, 【リモート】不可.
        ("【リモートワーク】週3日まで可", "hybrid"),
        ("【在宅勤務】可（週2日）", "hybrid"),
        ("【テレワーク】あり", "hybrid"),
        ("【リモート】不可", "onsite"),
        ("リモートワーク制度：なし", "onsite"),
        ("リモートワーク：一部可", "hybrid"),
        # Mostly remote / remote on request.
        ("基本リモート（必要に応じて出社）", "hybrid"),
        ("基本的にリモートワーク可", "hybrid"),
        ("在宅メイン（週1回程度、事務所に出社）", "hybrid"),
        ("リモートワーク相談可", "hybrid"),
        ("在宅勤務OK", "hybrid"),
        # Office every day.
        ("完全出社", "onsite"),
        ("毎日出社", "onsite"),
        ("出社が基本となります", "onsite"),
        ("毎日出社の必要はありません（週2日出社）", "hybrid"),
        ("出社が基本ですが、週1日は在宅勤務可", "hybrid"),
        # A full-remote phrase with an optional office, or with its own permission suffix.
        ("フルリモート（大阪オフィスへの出社も可）", "full"),
        ("フルリモート（オフィス出社は任意）", "full"),
        ("Fully remote; you may also use our Osaka office", "full"),
        ("Fully remote, with an optional office in Tokyo", "full"),
        ("フルリモート可", "full"),
        ("Full remote OK", "full"),
        ("フルリモート（月1回オフィス出社）", "hybrid"),
        # Set weekdays in the office or at home.
        ("We are in the office on Tuesdays and Thursdays", "hybrid"),
        ("Remote work allowed on Mondays and Fridays", "hybrid"),
        ("Wednesdays in the office, the rest from home", "hybrid"),
        # Day counts in words, and WFH days.
        ("Work arrangement: office-first, with up to one WFH day per week", "hybrid"),
        ("two days a week in the office", "hybrid"),
        ("Work from home up to two days a week", "hybrid"),
        ("Work from home: 2 days a week", "hybrid"),
        # Field labels other than "Remote".
        ("Work from home: not available", "onsite"),
        ("WFH: not possible", "onsite"),
        ("Telework: available", "hybrid"),
        ("WFH: OK", "hybrid"),
        # An in-office role.
        ("This is an in-office role", "onsite"),
        ("This is an in-person role in our Osaka office", "onsite"),
        ("The position is fully in-office.", "onsite"),
        ("You will work from our Tokyo office five days a week", "onsite"),
        # Said twice, in two languages; an office one may use is no visit.
        ("Remote: Fully remote OK — フルリモート可", "full"),
        ("【働き方】フルリモート（オフィスは任意利用）", "full"),
    ],
)
def test_remote_more_phrasings(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    "text",
    [
        "The office is a 5-minute walk from the station.",
        "Our Tokyo office opened in 2019.",
    ],
)
def test_office_mentions_alone_set_no_remote_policy(text: str) -> None:
    assert extract(text).remote is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A plus note in another clause or in parentheses is not about the figure.
        ("【必須】\n・サーバーサイド開発経験3年以上（チームリーダー経験があれば尚可）", 3),
        ("【必須】\n・Java開発経験3年以上、Kotlin経験があれば尚可", 3),
        ("Requirements\n- 3+ years of experience (5+ preferred)", 3),
        ("【必須】\n・3年以上の開発経験（5年以上あれば尚可）", 3),
        # ... but one in the figure's own clause, or heading the line, still is.
        ("・Kubernetesの運用経験、3年以上あれば尚可", None),
        ("・歓迎：AWS、3年以上の運用経験", None),
        ("Requirements\n- Kafka (3+ years preferred)", None),
        ("【必須】\n・Goでの開発経験（3年以上あれば尚可）", None),
        # Second person, outside a recognised requirements heading.
        ("About you\n- You have 6+ years building and running backend systems", 6),
        ("About you\n- You've spent 5+ years building APIs", 5),
        # Experience fields.
        ("Years of experience: 5+", 5),
        ("Experience: 4+ years", 4),
        ("Minimum experience: 3 years", 3),
        ("【経験】3年以上", 3),
        ("【経験年数】3年以上", 3),
        ("・エンジニアとしての就業経験が通算5年以上", 5),
        ("・バックエンド開発の経験（目安3年以上）", 3),
        # 歴: a person's record.
        ("エンジニア歴3年以上", 3),
        ("開発歴：5年以上", 5),
        ("【必須】\n・Java歴3年以上", 3),
        ("運営歴10年のサービスです。", None),
        ("社歴20年の老舗企業", None),
        ("You have 10 days of paid leave", None),
    ],
)
def test_years_more_phrasings(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A range after 経験 gives its lower bound.
        ("【求めるスキル】\n・Railsでの開発経験3~5年程度", 3),
        ("【応募資格】\n・実務経験2〜4年", 2),
        ("エンジニア歴3～5年", 3),
        # "senior (N+ years)" outside a requirements heading.
        ("We are hiring a senior (7+ years) backend engineer.", 7),
        ("Senior Engineer (5+ yrs) wanted", 5),
        ("We value seniority and collaboration (10 years in business).", None),
        # New graduates welcome: no experience needed.
        ("Who we're looking for\n- New grads welcome\n- Basic Python", 0),
        ("【応募資格】\n・新卒歓迎\n・プログラミングに興味がある方", 0),
        ("【応募資格】\n・新卒可、社会人経験2年以上の方も歓迎\n・実務経験3年以上", 3),
    ],
)
def test_years_ranges_senior_and_new_grads(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A first figure tied to one skill gives way to a later, larger general one.
        ("【必須スキル】\n・Rubyでの開発経験2年以上\n・Webエンジニアとしての実務経験4年以上", 4),
        (
            "Must have\n- 1+ year with Kotlin\n- 4+ years of server-side development experience",
            4,
        ),
        ("Requirements\n- 2+ years of Go\n- 5+ years of professional software engineering", 5),
        # ... but not to a smaller one, nor to lead or management experience.
        ("【必須】\n・Goでの開発経験3年以上\n・開発経験1年以上", 3),
        ("【必須】\n・Javaでの開発経験3年以上\n・マネジメント経験5年以上", 3),
        ("Requirements\n- 3+ years with Python\n- 5+ years leading teams", 3),
        # A general first figure still wins.
        ("【必須】\n・実務経験3年以上\n・Goでの開発経験5年以上", 3),
        ("Requirements\n- 3+ years of backend development\n- 5+ years with Java", 3),
        # A specific figure alone is still the minimum.
        ("【必須】\n・Pythonでの開発経験3年以上\n・AWSの利用経験", 3),
    ],
)
def test_years_general_figure_over_skill_figure(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("Visa sponsorship available", True),
        ("We can sponsor your work visa.", True),
        ("就労ビザの取得をサポートします", True),
        ("ビザ取得支援あり", True),
        ("Candidates must currently reside in Japan.", False),
        ("日本国内在住の方に限ります", False),
        ("We are unable to sponsor visas.", False),
        ("Applicants must already have the right to work in Japan.", False),
        ("Visa sponsorship is not available for this position.", False),
        ("ビザサポート：なし", False),
        ("就労ビザをお持ちの方", False),
    ],
)
def test_visa(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


def test_triggers_are_read_in_text_order() -> None:
    # "independent contractor" reports "contract" before the word that starts earlier.
    from kyujin.core.facts.work import parse_employment
    from kyujin.core.text import fold
    from kyujin.core.triggers import Triggers

    folded = fold("Employment type: independent contractor (業務委託)")
    assert parse_employment(folded, Triggers(folded))[0] == "freelance"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A range's lower end is the minimum, whatever joins the two figures.
        ("Requirements\n- 3 to 5 years of experience with Java", 3),
        ("Requirements\n- Between 2 and 4 years of experience operating infrastructure", 2),
        ("Requirements\n- 3~5 years of experience", 3),
        ("Requirements\n- 3-5 years of experience", 3),
        # Kanji numerals in the Japanese forms.
        ("必須要件\n・三年以上のWebアプリケーション開発経験", 3),
        ("必須要件\n・実務経験五年以上", 5),
        ("必須要件\n・開発経験十年以上", 10),
        ("必須要件\n・四年以上", 4),
        # "and above" as "or more".
        ("Requirements\n- 3 years and above in backend development", 3),
        # A kanji numeral inside a longer number or an ordinal is not a count.
        ("必須要件\n・第三年度以上の予算管理経験", None),
    ],
)
def test_years_ranges_kanji_numerals_and_above(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements\n- At least a year of backend experience", 1),
        ("Requirements\n- 3y+ backend experience", 3),
        ("Requirements\n- Experience: 3y+", 3),
        ("Requirements\n- Strong experience (3 yrs min.) with Java", 3),
        ("Experience required: 3 years", 3),
        ("Experience level: 3+ years", 3),
        # "a" is a count only after "at least"; a bare "3y" is not a year count.
        ("Requirements\n- A year of great growth is behind us", None),
        ("Requirements\n- Experience with 3y data retention", None),
    ],
)
def test_years_short_forms_and_experience_fields(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Employment: Contract (12 months, renewable)", "contract"),
        ("Employment type: Contract, one year", "contract"),
        ("Employment type: Contract", "contract"),
        ("Employment: contract work is outsourced to partners", None),
    ],
)
def test_an_employment_field_whose_value_opens_with_contract(text: str, kind: str | None) -> None:
    assert extract(text).employment_type == kind


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("経験年数：不問", 0),
        ("Experience: not required", 0),
        ("Experience: None required", 0),
        ("未経験の方も歓迎します", 0),
        # a lead figure first gives way to the general one after it
        ("必須\n・リーダー経験2年以上\n・開発経験5年以上", 5),
        # "N years or more" with the count in words
        ("Requirements\n- Two years or more of Kotlin\n- Four years or more of backend work", 4),
    ],
)
def test_years_not_required_fields_lead_figures_and_words(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


def test_years_past_a_lead_figure_the_first_about_the_work_counts() -> None:
    text = "必須要件\n・リーダー経験2年以上\n・Javaを用いた開発経験5年以上"
    assert extract(text).min_years_experience == 5


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements\n- Years of experience required: 3+", 3),
        ("Requirements\n- 3+ YOE in backend development", 3),
        ("応募資格：経験者（3年以上）", 3),
        ("Experience level: Mid (3-5 years)", 3),
        ("Experience: 3 - 5 years", 3),
        ("Seniority: 5+ years", 5),
        ("Seniority: Senior (7+ yrs)", 7),
        # Traps: a level with no figure, a count that is not years, a word holding "yoe".
        ("Experience level: Senior", None),
        ("Seniority: 10 people on the team", None),
        ("Office on Toyoeda street, 3 minutes from the station", None),
        ("経験者優遇", None),
    ],
)
def test_years_labelled_fields_ranges_and_yoe(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("About the job\nWe build payments.\nMust have: 4+ years building APIs in Go", 4),
        ("Required: 3+ years of Python", 3),
        ("必須：Goでの開発 3年以上", 3),
        # the label decides even right after another list
        ("What you will do\n- Build APIs\nMust have: 4+ years building backend services in Go", 4),
        ("【仕事内容】\n・API開発\n\n必須：Pythonでのサーバーサイド開発 3年以上", 3),
        ("Requirements\n- 3-plus years of experience", 3),
        ("Requirements\n- Three-plus years of experience", 3),
        ("Requirements\n- Over a decade of professional software engineering experience", 10),
        ("Qualifications\n- 5+ YOE with Python", 5),
        # traps: a labelled preferred line, a company's decade, a range's lower end
        ("Nice to have: 3+ years with Kotlin", None),
        ("歓迎：Go 3年以上", None),
        ("We have been building payments for over a decade.", None),
        ("Requirements\n- 3-5 years of experience", 3),
    ],
)
def test_years_labelled_lines_decades_and_yoe(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


def test_a_labelled_line_sets_the_requirement_of_its_skills() -> None:
    text = "About the job\nMust have: PostgreSQL in production\nNice to have: Kubernetes"
    got = {m.skill: m.requirement for m in extract(text).skills}
    assert got["PostgreSQL"] == "required"
    assert got["Kubernetes"] == "preferred"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # years that are not asked of the candidate: the team's, a commitment, a tenure
        ("Our engineers have on average 8 years of experience.\nRequirements\n- Python", None),
        ("Requirements\n- Ability to commit to at least 2 years in Tokyo", None),
        ("Requirements\n- Python\nBenefits\n- Bonus after 2 years of service", None),
        ("【必須】\n・Java\n【待遇】\n・勤続3年で有給休暇付与", None),
        ("Our team has 10 years of experience.\nRequirements\n- 3+ years of Go", 3),
        # "plus" after the unit
        ("Requirements\n• 3 years plus of commercial development", 3),
        ("Requirements\n- 5 years plus experience in Java", 5),
    ],
)
def test_years_not_asked_of_the_candidate_and_plus_after_the_unit(
    text: str, years: int | None
) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # alternatives: the least demanding path is the minimum
        ("【必須】\n・PM経験2年以上、もしくはエンジニア経験5年以上", 2),
        ("【必須】\n・Java開発経験3年以上 または Go開発経験2年以上", 2),
        ("Requirements\n- 3+ years of backend experience or 5+ years of frontend", 3),
        # a degree holder's path is one way in (labelled so in f24-27 and set D's d-14)
        ("Requirements\n- 5+ years of software development, or 3+ years with a PhD", 3),
        ("【必須】\n・実務経験5年以上（修士了の場合は3年以上）", 3),
        ("Requirements\n- 5+ years of backend development (3+ years if you have a PhD)", 3),
        ("Requirements\n- 5+ years of backend development (3+ years for PhD holders)", 3),
        # not alternatives: a part of the figure, a second requirement
        ("【必須】\n・開発経験5年以上、うちPython2年以上", 5),
        ("【必須】\n・開発経験5年以上（うちGo 2年以上）", 5),
        ("Requirements\n- 5+ years of experience and 2+ years leading a team", 5),
        ("Requirements\n- 5+ years of backend development (3+ years with Python)", 5),
    ],
)
def test_years_of_alternatives_take_the_fewest(text: str, years: int) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a requirements heading worded as the person sought, the figure in a parenthesis
        ("【こんな方を求めています】\n・Webサービスの開発経験をお持ちの方（3年以上）", 3),
        # "What we're looking for" and "Also required" open requirement lists
        ("What we're looking for\n- 6+ years shipping services in Rust or C++", 6),
        ("Nice to have\n- 5+ years with Kafka\n\nAlso required\n- 2+ years on call", 2),
        # a requirements heading with a long aside saying its items are alternatives
        (
            "Requirements (any one of the following will do)\n"
            "- 7+ years of backend work in any language, or\n- 4+ years of Elixir",
            4,
        ),
        # a founder's or CTO's record is not asked of the candidate
        ("当社について\n創設者の田中はエンジニア歴25年です。\n\n必須\n・SQLの知識", None),
        ("Our CTO has 20 years of experience in fintech.\n\nRequirements\n- Go", None),
        # experience waived in a field or a sentence
        ("Requirements\n- Experience: 不問\n- Curiosity", 0),
        ("Who you are\n- No prior experience OK: we train you", 0),
    ],
)
def test_years_headings_asides_and_waivers(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # months, in whole years rounded down
        ("応募資格\n・Webサービスの実務経験8ヶ月以上", 0),
        ("Requirements\n- At least 30 months of professional experience with APIs", 2),
        # a bare figure outside a list counts when its clause is about experience
        ("★即戦力採用（開発経験4年以上）★ 残業は月平均10時間\n\n必須\n・Linux", 4),
        ("Summary: experienced hire - 6+ years in backend roles\n\nRequirements\n- SQL", 6),
        # how long since graduating, or how long one can stay, is not experience
        ("応募資格\n・大学卒業後2年以内の方\n・経験は問いません", 0),
        ("【応募資格】\n・1年以上の長期参画が可能な方\n・Javaの開発経験", None),
        # Wantedly's preferred heading
        ("こんな方を求めています\n・開発経験\n\nこんな方だとさらに嬉しい\n・Go経験2年以上", None),
        # waivers worded with more qualifiers
        ("Who can apply\n- No professional software engineering experience is required", 0),
    ],
)
def test_years_months_summaries_and_stays(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("Senior Backend Engineer (7+ yrs) - Tokyo", 7),
        ("【テックリード】バックエンド（経験6年以上）", 6),
        ("Graduate Engineer (No Experience Required)", 0),
        ("Backend Engineer - 10 years of our platform", None),
    ],
)
def test_years_from_the_title_when_the_text_states_none(title: str, years: int | None) -> None:
    facts = extract("Requirements\n- Strong SQL\n- Git", title=title)
    assert facts.min_years_experience == years
    assert "min_years_experience" not in facts.spans  # spans point into the text only


def test_the_text_figure_wins_over_the_title() -> None:
    facts = extract("Requirements\n- 3+ years of Go experience", title="Go Engineer (5+ yrs)")
    assert facts.min_years_experience == 3


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # a field's heading on its own line, its value under it
        ("■在宅勤務\n可（週2日まで）", "hybrid"),
        ("■リモートワーク\n不可（全日オフィス勤務）", "onsite"),
        # an SES company's other projects, or other departments, are not this job's policy
        (
            "案件によりリモート可の現場もあります。\n本案件は客先常駐（リモート不可）です。",
            "onsite",
        ),
        ("福利厚生：在宅勤務手当※在宅勤務制度のある部署のみ、本職種は対象外\n勤務：出社", "onsite"),
        ("週3日は梅田オフィスに出社し、残りは自宅で働きます。", "hybrid"),
        ("Work style: mostly remote, in Shibuya one day a week", "hybrid"),
        ("Location: Remote – Japan. The whole team works from home.", "full"),
        ("Remote work is not permitted for this role.", "onsite"),
        # an on-site visit in the hiring process says nothing of the work
        ("Hiring process: call, then an on-site interview with the team", None),
    ],
)
def test_remote_fields_hedges_and_visits(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("採用後、在留資格（高度専門職）の変更手続きを会社がサポートします。", True),
        ("We apply for a Certificate of Eligibility for hires who live abroad.", True),
        ("Only applicants currently living in Japan will be considered.", False),
        # spoken refusals
        ("業務委託契約なので、うちからのビザサポートはできないです…すみません", False),
        ("ビザのスポンサーは難しいです。", False),
        # the company applies for the visa or the work permit, in Japan or where the job is
        ("ビザ：米国就労ビザ（L-1等）の申請は会社が行います", True),
        ("就労許可：台湾の就労許可（工作許可）は当社が申請・費用負担します", True),
        ("内定後、当社が出入国在留管理庁へ在留資格認定証明書（COE）を申請します。", True),
        ("- We handle your Vietnamese work permit and temporary residence card", True),
        ("- Visa: Employment Pass の申請は会社がサポートします。", True),
        # refusals of the same are not read as sponsorship (nor, yet, as its refusal)
        ("Candidates must obtain their own work permit before joining.", None),
        ("Work permit support: No", None),
        ("在留資格認定証明書の申請サポートは行っておりません。", None),
    ],
)
def test_visa_residence_status_and_residence(text: str, visa: bool | None) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("雇用形態・任期\n契約職員（任期付き、最長3年）", "contract"),
        ("Employment type: Temporary (dispatch)", "dispatch"),
        (
            "We automate paperwork for freelancers.\n\nEmployment\nPermanent, full-time",
            "full_time",
        ),
    ],
)
def test_employment_public_posts_and_a_heading_alone(text: str, kind: str) -> None:
    assert extract(text).employment_type == kind


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # more requirement headings
        ("What we need\n- Usually 3+ years in a comparable position", 3),
        ("About you\n- 5+ years shipping Python services", 5),
        ("The ideal candidate\n- has 2+ years on call for production systems", 2),
        # a level with its range in a field
        ("Experience level: Mid-Senior (4-7 years)\n\nRequirements\n- SQL", 4),
        # a company's years in business, and what people already in the job tend to have
        ("Our client has been operating in Japan for over 30 years.\nRequirements\n- Go", None),
        (
            "We set no minimum: the engineers who thrive here often have 5+ years, "
            "but we judge the work.\nRequirements\n- Go",
            None,
        ),
        # working life in any job, beside a waiver of engineering experience
        ("■応募資格\n・開発経験：不問\n・社会人経験3年以上（職種不問）", 0),
        ("■応募資格\n・社会人経験3年以上", 3),
    ],
)
def test_years_headings_levels_and_working_life(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # set office weekdays; a remote field whose value is "by arrangement"
        ("【働き方】\n出社日：月・水（それ以外は在宅）", "hybrid"),
        ("■テレワーク\nテレワーク：要相談（週の出社日はチームで決めます）", "hybrid"),
        # what most of the company does is not this job's policy
        (
            "社員の多くはフルリモートで働いていますが、本ポジションは工場内での勤務（週5日出社）です。",
            "onsite",
        ),
        # an explicit "Hybrid" label before "remote-first"
        ("Work style: Hybrid (remote-first; the team meets in the office on Mondays)", "hybrid"),
        # no obligation to come in, no set office days: still fully remote
        ("完全リモート（出社義務はありません）。オフィスは希望者のみ利用できます。", "full"),
        ("フルリモート。出社日の設定はなく、来社は不要です。", "full"),
    ],
)
def test_remote_weekdays_majorities_and_labels(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_months_of_experience_far_from_the_word_experience() -> None:
    text = (
        "Requirements\n- At least 30 months of hands-on server-side and database development work"
    )
    assert extract(text).min_years_experience == 2


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a figure in a paragraph that calls it a condition of applying
        ("チームが小さいため、本番運用に4年以上携わってきたことを応募の条件としています。", 4),
        # a line marking itself required, in a list or a table
        ("Skills\n- 6+ years of Python in production (required)\n- Rust (preferred)", 6),
        ("| Backend development | 4+ years | Required |\n| Go | 1+ year | Nice to have |", 4),
        # a field with a dash, and months after 通算 in parentheses
        ("Required experience — 3 yrs (any backend stack)", 3),
        ("＜必須＞\n・Web開発の実務経験（通算42ヶ月以上）", 3),
        # emoji headings; a label's kind in parentheses; a label with a dash after it
        ("✅ Must have\n✅ 2+ years building APIs\n⭐ Nice to have\n⭐ 6+ years in fintech", 2),
        ("【あると活躍できる経験（歓迎）】\n・開発経験8年以上\n【必須】\n・開発経験2年以上", 2),
        (
            "Bonus points - it helps if you have\n- 9+ years in search\n"
            "What we require\n- 3+ years",
            3,
        ),
    ],
)
def test_years_paragraphs_marks_tables_and_emoji(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("雇用形態：アルバイト\n学生歓迎。正社員登用の制度はありません。", "employment_type", None),
        ("We'll sponsor your work visa and help you move.", "visa_sponsorship", True),
        ("オフィス出社（リモートワークは行っていません）", "remote", "onsite"),
    ],
)
def test_part_time_sponsoring_and_no_remote(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_suita_is_a_city_of_osaka() -> None:
    location = extract("勤務地：大阪府吹田市江坂町").location
    assert location is not None and (location.prefecture, location.city) == ("Osaka", "Suita")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # half a year counts as months: rounded down to 0
        ("【必須要件】\n・Goでの業務経験半年以上", 0),
        ("応募資格\n・半年以上のバックエンド開発経験", 0),
        ("Must have\n- nine months of experience running services in production", 0),
        # "1年半" is one year and a half: 1
        ("【必須】\n・開発経験1年半以上", 1),
        # a condition in a pay table is not a requirement
        ("【給与】\n年収例：\n経験4年の場合 年収560万円\n経験7年の場合 年収700万円", None),
        # "What you'll bring" / "What you will need" head a requirements list
        ("What you will bring\n- 5+ years shipping backend services", 5),
        ("What you'll need\n- 4+ years writing Go", 4),
    ],
)
def test_years_half_years_pay_conditions_and_bring_headings(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # 経験を N年: the object particle before the figure
        ("■応募資格\n・業務システム開発の経験を3年程度お持ちの方", 3),
        # a note under its own heading (補足 / 備考) after the requirements is not one of them
        (
            "■必須\n・Ruby、PHPいずれかでの開発経験2年以上\n・Linuxの基礎知識\n\n■補足\n"
            "業界経験6年以上の方はテックリード採用枠もございます",
            2,
        ),
        (
            "Requirements\n- Kotlin or Java: 2+ years of experience\n\nNotes\n"
            "6+ years of experience also opens our staff track",
            2,
        ),
    ],
)
def test_years_object_particle_and_notes_after_requirements(text: str, years: int) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # "a couple of years" is two
        ("Requirements\n- a couple of years of professional experience with Go", 2),
        # said to candidates who should apply elsewhere
        (
            "Who can apply\n- No professional experience required\n"
            "- With 3+ years of experience already, see our mid-level opening instead.",
            0,
        ),
        # a requirements table: the must-have column, not the nice-to-have one
        (
            "| Skill | Nice to have | Must have |\n|---|---|---|\n"
            "| Years of backend experience | 7+ | 4+ |\n| Go | yes | yes |",
            4,
        ),
        ("【応募要件】\n| 項目 | 内容 |\n|---|---|\n| 経験年数 | 3年以上 |", 3),
        # a heading "Welcome / 歓迎" opens a preferred list
        ("Must have\n- Go\n\nWelcome / 歓迎\n- インフラ経験4年以上", None),
    ],
)
def test_years_couples_elsewhere_tables_and_welcome(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # a full-remote label, then office visits later in the same sentence
        (
            "Work style\n- Remote-first: most of the week at home, and you come to our Osaka "
            "office twice a month for planning",
            "hybrid",
        ),
        # ... but not in the next sentence's negation
        (
            "Work style: fully remote. We have no office days, though the Osaka office is "
            "open if you want it.",
            "full",
        ),
        # office some days, "the other days" at home
        (
            "- Office in Sapporo two days a week; the remaining days can be worked remotely",
            "hybrid",
        ),
        ("- In the office on Mondays; the rest of the time from home", "hybrid"),
    ],
)
def test_remote_visits_later_in_the_sentence_and_the_other_days(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # levels listed first, then this posting's own requirements under a heading that
        # names the level before the list's kind
        (
            "We hire at two levels:\n- Engineer: 2+ years of experience\n"
            "- Staff Engineer: 8+ years of experience\n\n"
            "Staff Engineer - Requirements\n- 8+ years of backend experience\n- Go",
            8,
        ),
        (
            "募集ポジション\n・ジュニア：開発経験1年以上\n・シニア：開発経験5年以上\n\n"
            "【シニアの必須要件】\n・開発経験5年以上\n\n【シニアの歓迎要件】\n・マネジメント経験2年以上",
            5,
        ),
    ],
)
def test_years_under_a_heading_naming_the_level(text: str, years: int) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # N年目以上: in the Nth year or later, N - 1 whole years
        ("【応募資格】\n・社会人として4年目以上の方（開発経験必須）", 3),
        # 入社N年目 is a career stage, not a requirement
        ("キャリア\n入社3年目からチームリーダーを任せることもあります。", None),
        # "a decade or more of building ..."
        ("Requirements\n- A decade or more of designing distributed systems", 10),
        # a wish after the figure does not make the figure a wish
        ("Requirements\n- 6+ years of backend work, and ideally some of it in payments", 6),
        ("Requirements\n- 4+ years of Python, ideally 6", 4),
        # 〔歓迎〕 and "Your background" head their lists
        ("〔応募資格〕\n・Java開発経験\n〔歓迎〕\n・リーダー経験3年以上", None),
        ("Your background\n- Seven years or more in backend engineering", 7),
    ],
)
def test_years_nth_year_decades_wishes_and_more_headings(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # a yes/no field answering the residence question
        ("Visa sponsorship: Yes\nCandidates must reside in Japan: No", "visa_sponsorship", True),
        ("Candidates must reside in Japan.", "visa_sponsorship", False),
        # a job board's "Job type: Contract" field
        ("Job details\nPay: ¥4,000 per hour\nJob type: Contract\n", "employment_type", "contract"),
        # an experience line as job boards list it
        (
            "Experience:\n- Python: 4 years (Required)\n- Go: 1 year (Preferred)",
            "min_years_experience",
            4,
        ),
        # "no office attendance" beside full remote
        ("■ 勤務地：在宅（フルリモート／オフィスへの出社不要）", "remote", "full"),
    ],
)
def test_job_board_fields(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # English as Japanese HR teams write it
        ("Application qualification:\n- Those who have 4 years or more web development", 4),
        ("Must skill:\n- Server side development (2 years~)\n- Linux", 2),
        ("Necessary skills:\n* Practical experience of 3 years or more with PHP", 3),
        ("Necessary skills:\n* Experience of 30 months or more in Python", 2),
        ("Mandatory:\n- Experience for over 4 years as an engineer", 4),
        ("Who we are looking for\n- Inexperienced person is OK (training 3 months)", 0),
        ("Requirements\n- Beginners welcome! No programming background needed", 0),
        # a preferred list under such a heading
        ("Must skill:\n- Java\n\n★Welcomed skills★\n・More than 6 years experiences of Go", None),
        ("Required skill: PHP\nBetter to have:\n- 5 years or more experience of Laravel", None),
        # the company's or a colleague's record
        ("About us\nWe are the company which has more than 30 years history in Sendai.", None),
        ("Our company has more than 25 years experience in logistics systems.", None),
        ("Our lead engineer (12 years experiences) will support you.\nInexperienced is OK.", 0),
    ],
)
def test_years_in_japanese_hr_english(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Work style\nTeleworking is available (after the training period)", "remote", "hybrid"),
        ("Work style\nWork in the office basically. Team sits together.", "remote", "onsite"),
        ("Full remote OK. You don't need to come to the office at all.", "remote", "full"),
        ("勤務形態：フルリモート（当社はオフィスを持たない会社です）", "remote", "full"),
        (
            "- Only people living in Japan (we cannot support the working visa)",
            "visa_sponsorship",
            False,
        ),
        (
            "Visa: We support the visa application for you and your family.",
            "visa_sponsorship",
            True,
        ),
        (
            "Employment status\nTemporary staff (dispatched worker)\nPermanent residents welcome",
            "employment_type",
            "dispatch",
        ),
        ("Employment form: Contract staff (keiyaku shain), 1 year", "employment_type", "contract"),
        ("Any visa status is OK (permanent resident, spouse visa)", "employment_type", None),
    ],
)
def test_fields_in_japanese_hr_english(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # years of living in Japan, since passing the JLPT, of lessons: not experience
        ("Requirements\n- Java\n- Three or more years living in Japan", None),
        ("【応募資格】\n・PHPの開発経験\n・日本在住3年以上の方", None),
        ("【必須】\n・Goの開発経験\n・N2取得から3年以上経過している方", None),
        ("Requirements\n- English; you will get 2 years of free Japanese lessons", None),
        # "two and a half years", "minimum 30 months"
        ("Requirements\n- At least three and a half years of backend development", 3),
        ("- Experience: minimum 42 months in a backend role", 3),
        # やさしい日本語
        ("■ ひつような こと\n・しごと の 経験（けいけん）が 4年（ねん）いじょう ある 人", 4),
        (
            "★ ひつよう な こと\n"
            "・プログラム を つくる しごと を 2ねん（24かげつ）いじょう した 人",
            2,
        ),
        (
            "◆ あれば うれしい こと\n・ウェブ の 経験（けいけん）が 3年（ねん）いじょう ある 人",
            None,
        ),
    ],
)
def test_years_not_of_work_and_plain_japanese(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("※ビザの新規取得・変更のサポートは行っておりません", "visa_sponsorship", False),
        (
            "・日本で就労可能な方に限ります（ビザのスポンサーはいたしかねます）",
            "visa_sponsorship",
            False,
        ),
        ("・就労ビザ（技術・人文知識・国際業務）の取得をサポートします", "visa_sponsorship", True),
        ("- Visa application and renewal are fully supported by us", "visa_sponsorship", True),
        (
            "Relocation support of up to ¥150,000 when you move within Japan",
            "visa_sponsorship",
            None,
        ),
        (
            "当社はビザ申請や入国手続きをオンラインで支援するサービスを運営しています",
            "visa_sponsorship",
            None,
        ),
        ("We are an office-first team: everyone works at our Sapporo office.", "remote", "onsite"),
        ("・まいにち オフィスに 来て しごとを します", "remote", "onsite"),
        ("・しゅうに 3日は 会社に 来ます。ほかの 日は 家で しごとを します", "remote", "hybrid"),
        ("・在宅勤務は ありません", "remote", "onsite"),
        ("【応募できる 人】\n・開発の 経験は なくても 大丈夫です", "min_years_experience", 0),
    ],
)
def test_visa_remote_and_years_in_postings_for_foreign_engineers(
    text: str, field: str, value: object
) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the not-asked cues are about the figure itself, not anything in its sentence
        ("Requirements\n- 5+ years of backend experience and a history of leading projects", 5),
        ("Requirements\n- 4+ years of Go, currently residing in Japan", 4),
        ("Requirements\n- 3+ years of Python, JLPT N2 obtained", 3),
        ("Requirements\n- Japanese: JLPT N2 obtained at least 2 years ago", None),
    ],
)
def test_years_beside_residence_history_and_jlpt_words(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements\n- 5+ years in backend, and we have flexible hours", 5),
        ("Requirements\n- 3+ years of Java (Kotlin instead is fine too)", 3),
        ("Our company has over 40 years in logistics software.", None),
        ("Already 5+ years in? Please apply to our senior opening instead.", None),
    ],
)
def test_years_company_and_elsewhere_cues_are_narrow(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a scout's or a poster's own record is not the requirement
        ("山田様\nあなたの8年間のJavaのご経験を拝見しご連絡しました。\n必須：実務3年以上", 3),
        ("自分はエンジニア歴6年、うちGo歴3年くらいです。一緒に働く仲間を募集中！", None),
        (
            "Hi Aya, given your 9 years in payments you'd be a great fit. "
            "The role asks for 4+ years of experience.",
            4,
        ),
        # casual forms
        ("条件：Rustでの実務2年半以上", 2),
        ("#Go #実務4年以上 #フルリモート", 4),
        ("🧑‍💻 6yrs+ building distributed systems", 6),
        ("What they asked for:\n- 30 months+ of Kotlin in production", 2),
        ("- 6 months+ of contract work available", None),
        # "Go未経験でも" waives one language, not experience
        ("A: 実務3年以上が目安です。Go未経験でも他の言語の経験があれば歓迎します。", 3),
    ],
)
def test_years_in_scouts_posts_and_hashtags(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        (
            "応募時点で就労可能な在留資格（技術・人文知識・国際業務など）をお持ちの方",
            "visa_sponsorship",
            False,
        ),
        ("当社はフルリモートへ移行し、渋谷のオフィスを解約しました。", "remote", "full"),
    ],
)
def test_visa_status_in_brackets_and_a_closed_office(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # forms and flattened tables
        ("REQUIRED EXPERIENCE\nMinimum: 6 years\nArea: backend", 6),
        ("Experience required / 経験の要否: Yes\nYears / 年数: 3\nField: data", 3),
        ("Employment type\n\nFull-time\n\nYears of experience\n\n4-6\n\nSalary\n\nJPY 7M", 4),
        ("Salary | JPY 8M\nYears of experience | 7+\nNice to have | Kafka", 7),
        ("Requirement | Level | Notes\nYears of experience | 2+ | Backend\nGo | Required |", 2),
        ("経験：■必須 □不問\n経験年数：□1年以上 ■2年以上 □3年以上", 2),
        ("(a) Minimum of eight (8) years of experience in operating IT systems", 8),
        (
            "加点・優遇\n・ヘルプデスク経験が1年以上ある方は初任給を加算\n\n必要な経験\n不要（未経験者歓迎）",
            0,
        ),
        # not experience
        ("We run 14 systems, some more than 20 years old.", None),
        ("- Residence status valid for at least 1 more year", None),
        ("Probation | 3 months\nWorking hours | 9:00-18:00", None),
    ],
)
def test_years_in_forms_and_flattened_tables(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # a decided change: what applies from then on
        ("勤務形態：現在はリモート可（週1日出社）。2027年4月より完全出社に変わります。", "onsite"),
        ("働き方：試用期間中は出社勤務となります。試用期間終了後はフルリモートです。", "full"),
        ("入社後3ヶ月は毎日出社、4ヶ月目からは週2日出社です。", "hybrid"),
        (
            "Work style: on-site for your first two months; after that, 2 days a week in the "
            "office.",
            "hybrid",
        ),
        ("Remote OK today, but from April 2027 the team works fully in the office.", "onsite"),
        ("Office: in the office for onboarding. From month 3 you are fully remote.", "full"),
        # the marker belongs to the phrase it follows: that phrase is the later way
        ("Work style: in-office only at first; hybrid after probation.", "hybrid"),
        # a date that changes nothing about the way of working
        ("リモート可（週2日出社）。2027年4月より新オフィスで勤務します。", "hybrid"),
        ("Fully remote. Starting April you will also join the on-call rotation.", "full"),
    ],
)
def test_remote_after_a_change(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements\n- Half a decade of hands-on backend experience", 5),
        ("Requirements\n- A decade of professional experience", 10),
        # wishes said in a sentence rather than under a heading
        ("必要なのはWeb開発の実務経験です。歓迎するのは、開発経験7年以上の方です。", None),
        ("応募資格：API開発経験2年以上。あると嬉しいのは、チームリード経験3年以上。", 2),
        # experience waived, however it is worded
        ("＜応募資格＞\n経験・年齢は不問です。", 0),
        ("●応募資格\n・開発経験、業界経験ともに一切問いません", 0),
    ],
)
def test_years_decades_prose_wishes_and_waivers(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("〈応募要件〉\n・実務経験3年以上\n・日本国内に在住している方", False),
        ("備考：海外からのご応募は受け付けておりません。", False),
        ("Visa: we sponsor work visas for engineers moving from abroad.", True),
    ],
)
def test_visa_residence_items(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


def test_a_full_time_job_elsewhere_is_not_this_one() -> None:
    text = (
        "A side project for people who have a full-time job elsewhere.\n"
        "Terms: independent contractor, 10 hours a week."
    )
    assert extract(text).employment_type == "freelance"
    assert extract("Employment: full-time, permanent").employment_type == "full_time"


def test_no_planned_office_visit_keeps_full_remote() -> None:
    assert extract("勤務地：フルリモート（出社の予定はありません）").remote == "full"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Visa: sponsorship provided", "visa_sponsorship", True),
        ("Sponsorship is available for overseas hires.", "visa_sponsorship", True),
        (
            "Subject: contract role, remote\nTerms: independent contractor agreement, monthly "
            "invoice",
            "employment_type",
            "freelance",
        ),
        (
            "Position: contract role (12 months), then permanent review",
            "employment_type",
            "contract",
        ),
        ("Employment: dispatch via our agency", "employment_type", "dispatch"),
        ("This is a haken position with a Kobe client.", "employment_type", "dispatch"),
        ("勤務形態：テレワークは実施しておらず、出社での勤務です", "remote", "onsite"),
        ("働き方：全員出社です（本社で勤務）", "remote", "onsite"),
        ("フルリモートです。オフィスもありません。", "remote", "full"),
        ("WHAT THEY NEED\n- 6+ years of backend engineering", "min_years_experience", 6),
        ("Who the client is looking for\n- 4+ years of Java", "min_years_experience", 4),
    ],
)
def test_more_conditions_phrasings(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "■募集等級\n等級2\n■等級ごとの目安\n等級1　メンバー　2年以上\n"
            "等級2　リーダー　4年以上\n等級3　マネージャー　7年以上\n"
            "■応募資格\n・上記の目安を満たす開発経験",
            4,
        ),
        (
            "Levels (for reference)\n- L3: 3+ years\n- L4: 6+ years\n- L5: 9+ years\n"
            "This opening is for L3.\nYou have: backend experience at the level above.",
            3,
        ),
        # no level named: no figure is the minimum
        ("Levels\n- L3: 3+ years\n- L4: 6+ years\nWe will discuss your level.", None),
    ],
)
def test_years_by_the_advertised_grade(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # prose: years of doing the work, said of the person wanted
        ("私たちが探しているのは、Webサービスの開発に4年以上携わってきた方です。", 4),
        ("What we insist on: two-plus years of building APIs in a typed language.", 2),
        # a wish, not a requirement
        ("Web開発の実務経験がある方。なお、5年以上の経験があれば助かりますが、必須ではありません。",
         None),
        ("Experience isn't needed: we will train you from day one.", 0),
        # the writer's own years
        ("I joined in 2019 after eight years in Paris. You'll need three years of Go experience.",
         3),
        # a figure inside a reported quote, then the decided one
        ("部長は「3年」と言いましたが、最終的に実務経験が18ヶ月以上の方としました。", 1),
        ("■ご経験について\n・開発実務が2年以上ある方", 2),
        # headings of unusual names
        ("■マストな条件\n・サーバーサイド開発\n■プラスα\n・Go経験3年以上", None),
        ("Table stakes\n- Go in production\nIt would be great if\n- 4+ years with IoT", None),
        ("The basics\n- 3+ years of backend development", 3),
        # a label inside a line of flattened bullets
        ("* 背景: 増員 * Requirements: 4+ years of backend work in production * 歓迎: AWS", 4),
        ("* 必須: Python * Nice to have: 6+ years of backend development", None),
        # the requirements waive experience; a figure of another track is not this job's
        ("■応募条件\n【本求人】\n・実務経験は不要です（未経験可）\n【経験者向け（別求人）】\n"
         "・Web開発の実務経験4年以上", 0),
    ],
)  # fmt: skip
def test_years_prose_and_unusual_structure(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("勤務：フルリモート。オフィスは大阪市北区にありますが、出社義務はありません", "remote",
         "full"),
        ("・ビザ：スポンサー不可", "visa_sponsorship", False),
        ("【必須】\n・Web開発の実務経験6年以上（うちテックリード経験1年以上を含む）"
         "/ 6+ years of web development, including a year as tech lead", "min_years_experience",
         6),
        ("・英語：海外の技術文書やIETFのRFCを読んで理解できるレベル", "english_level", "basic"),
        ("働き方：テレワーク週2日までOK", "remote", "hybrid"),
        ("・WFH 週2日OK", "remote", "hybrid"),
        ("Remote-first: we meet at the Umeda office about once a month", "remote", "hybrid"),
        ("・日本語：ビジネスレベル以上（外国籍の方も歓迎します）", "japanese_level", "N2"),
        ("・日本語：日常会話レベル（話せる方歓迎）", "japanese_level", "none"),
    ],
)  # fmt: skip
def test_senior_and_everyday_postings_phrasings(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    "text",
    [
        "・給与：当社規定により決定\n・U・Iターン支援：引越し費用を最大50万円まで補助",
        "- 転居支援：最大40万円 / Relocation support up to ¥400,000",
        "Housing allowance of ¥40,000 per month; moving costs up to ¥300,000",
    ],
)
def test_relocation_and_housing_money_is_not_pay(text: str) -> None:
    assert extract(text).salary is None


def test_a_fully_remote_role_s_usable_office_is_its_location() -> None:
    text = (
        "- Fully remote. Our registered office is in Kita-ku, Osaka City; you are welcome to "
        "use it, but there is no need to come in."
    )
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == ("Osaka", "Osaka")
    # a seat only: no workplace
    assert extract("Location: Fully remote (Japan)\nHeadquarters: Fukuoka").location is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # years waived, experience of the work asked: no minimum is stated
        ("経験年数　不問\n必須条件　・Goでの業務開発経験\n　　　　　・Linuxの基礎知識", None),
        # years waived and no work experience asked: none is required
        ("【応募資格】\n・経験年数：不問\n・プログラミングの学習経験（独学可）", 0),
        ("経験年数：不問\n・実務未経験の方も応募いただけます", 0),
        # a form's row labelled preferred, its value after a tab
        ("必須スキル / Required\tPython；SQL\n"
         "歓迎スキル / Preferred\tKafka；物流システムの経験（4年程度）", None),
        ("必須スキル / Required\t開発経験3年以上", 3),
    ],
)  # fmt: skip
def test_years_in_forms(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # how long one means to stay is not experience
        ("【求める人物像】\n・5年以上腰を据えて働ける方\n【応募資格】\n・Web開発の実務経験", None),
        ("求める人物像：3年以上長く働いていただける方", None),
        # experience counted after graduating is asked
        ("Requirements\n- At least 3 years of backend experience after graduation", 3),
        ("Requirements\n- Graduated within the last 2 years; no experience needed", 0),
    ],
)
def test_years_stay_and_graduation(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


def test_a_plus_if_heading() -> None:
    text = "What you'll need\n- Go in production\n\nIt's a plus if you have\n- 4+ years with Kafka"
    assert extract(text).min_years_experience is None
    assert extract("A big plus if you are\n- 5+ years in fintech").min_years_experience is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Remote-first. Engineers come to our Meguro office twice a month.", "remote", "hybrid"),
        ("- Relocation support (moving costs and a month of temporary housing)",
         "visa_sponsorship", None),
        ("Relocation support for engineers moving to Japan from abroad", "visa_sponsorship", True),
        ("Relocation and visa support are provided", "visa_sponsorship", True),
    ],
)  # fmt: skip
def test_office_days_and_relocation(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # non-native and machine-translated English
        ("Necessary\n- Required: practical experience 4 years~ in web development", 4),
        ("We want the person who has built web APIs with Ruby for 2 years at least.", 2),
        ("Q1. Have you operated Linux servers at work for 3 years or longer?", 3),
        ("Sorry, we need the person with six years or more of backend development.", 6),
        ("- Experience you need -\nThree years or longer is needed for server developing.", 3),
        ("Application qualification\nExperience is not asked. Person without experience is "
         "welcome.", 0),
        ("2. Minimum requirement are\n- Over the 2 years of experience for the PHP development "
         "in business\n3. Preferable\n- 6 years or more experience", 2),
        ("■ Skill / Required\n・Python経験 2 years over 必要です", 2),
        # the team's years, not the person's
        ("About half of us have been writing software for ten years or more.", None),
        # headings of unusual names
        ("◇必須の条件\n・Goでの開発経験\n◇歓迎する条件\n・Goでの開発経験4年以上", None),
        ("●あれば、うれしいこと\n・開発経験が2年以上あること", None),
        ("＜次の質問に答えてください（必須条件）＞\n"
         "Q. Javaの開発を仕事で3年以上やってきましたか？", 3),
        ("Nice to have\n- 2+ years in a SOC\n\nAt a glance / 募集概要\n"
         "- 経験年数 Experience: 5年以上", 5),
        # a skill figure first, the overall figure last
        ("Requirements\n- Airflow in production (2+ years)\n- Across all of the above, a minimum of"
         " 5 years of professional engineering experience overall", 5),
    ],
)  # fmt: skip
def test_years_awkward_language_and_adjacent_roles(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a line whose breaks were lost: each item's own plus marker, not a later item's
        ("Requirements 4+ years of professional backend development Nice to have Kafka in "
         "production (2 years would be a plus)", 4),
        ("【急募】Goエンジニア/株式会社ミナミ/年収600万~/Goでの実務経験3年以上(必須)/"
         "AWSの経験があれば尚可", 3),
        ("8+ years of software engineering required / Go or Rust / Nice: 3+ yrs with ROS", 8),
        # wishes worded in prose
        ("💡 実務経験が4年以上あれば嬉しいです", None),
        ("その経験が3年以上あれば理想的ではありますが、年数は条件にしていません。",
         None),
        # another track's figure
        ("今回は未経験の方を歓迎します。実務経験が2年以上ある方には別枠の経験者採用を"
         "ご案内します。", 0),
        # the company's founders far away in a run-on paragraph, the figure in its own sentence
        ("Our founders started the company in 2015 after years in banking. To do this job we "
         "think you need at least five years building backend systems.", 5),
    ],
)  # fmt: skip
def test_years_in_unstructured_postings(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Visa: We can support to get the working visa.", "visa_sponsorship", True),
        ("Visa sponsor: Yes, we do it.", "visa_sponsorship", True),
        ("Visa: Sorry, we can not do visa sponsor.", "visa_sponsorship", False),
        ("Please be already in Japan with a valid working visa.", "visa_sponsorship", False),
        ("Remote: Not allowed. Office work every day.", "remote", "onsite"),
        ("Remote: 不可 / not possible", "remote", "onsite"),
        ("- English: Can read the technical document in English", "english_level", "basic"),
        ("- English: No requirement", "english_level", "none"),
        ("・バックエンド開発の経験は少なくとも4年が必要です。", "min_years_experience", 4),
        ("Requirements\n- 18 months or more of backend development in a company",
         "min_years_experience", 1),
        ("- Experience: 30 months or more as web engineer", "min_years_experience", 2),
        ("必要な経験等：\nプログラミング経験がなくても応募可能（入社後の研修あり）",
         "min_years_experience", 0),
    ],
)  # fmt: skip
def test_awkward_conditions(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a waiver of one industry's or one language's experience is not "no experience"
        ("【応募資格】\n・Web開発の実務経験\nQ. 物流業界の経験がなくても応募できますか？\n"
         "A. はい。", None),
        ("Q. Goの経験がなくても大丈夫ですか？\nA. Javaの経験があれば問題ありません。", None),
        ("必要な経験：プログラミング経験がなくても応募可能です", 0),
        # the Nth year of someone's tenure is not a duration asked
        ("チームのリーダーは入社して12年目、開発経験も豊富です。\n【応募資格】\n"
         "・開発経験3年以上", 3),
    ],
)  # fmt: skip
def test_years_waivers_of_one_kind_and_tenure(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("■勤務形態\n当社は個人情報を扱うため在宅勤務制度はなく、全日出社となります。", "onsite"),
        ("◆勤務形態\n情報セキュリティ規程により、在宅勤務は認められていません。", "onsite"),
        ("Work arrangement\nThe client does not allow contractors to work remotely.", "onsite"),
    ],
)
def test_remote_not_allowed_phrasings(text: str, remote: str) -> None:
    assert extract(text).remote == remote


# Experience waived with 不要 ("not needed") or 必要ありません rather than 不問; romaji
# Japanese as foreign writers transcribe a Japanese form ("Keiken: 2 nen ijou").
@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("【応募資格】\n・実務経験：不要（研修でお教えします）", 0),
        ("応募条件\n・開発経験は必要ありません。学ぶ意欲を重視します", 0),
        ("必要な経験：いりません。やる気のある方", 0),
        ("応募資格\n・Goの経験は不要です\n・Java", None),  # one language only
        ("Hissu:\n- Keiken: 2 nen ijou (Java)", 2),
        ("Requirements:\n- Jitsumu keiken 4-nen ijou", 4),
        ("Oubo shikaku: kaihatsu keiken 5 nen ijou", 5),
        ("Our company is 10 nen old. Requirements: Java", None),
    ],
)
def test_years_waived_as_not_needed_and_in_romaji(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


# Long career pages state other people's way of working beside this role's: a past policy,
# a rule that does not apply to this kind of staff, offices named only to say no one must
# come to them.
@pytest.mark.parametrize(
    ("text", "remote"),
    [
        (
            "働き方：週2日出社、その他は在宅勤務可。\n勤務時間：10:00〜19:00（フレックスタイム制、"
            "コアタイム11:00〜15:00）\n休日：土日祝、年末年始、夏季休暇\n※2021年から2022年までは全社で"
            "完全在宅勤務としていましたが、現在は上記の運用です。",
            "hybrid",
        ),
        (
            "Work style: hybrid, three office days a week.\nHours: 10:00-19:00, flexible, "
            "core time 11:00-15:00.\nHolidays: weekends and national holidays.\nNote: "
            "the company was fully remote from 2020 to 2022, before the new office opened.",
            "hybrid",
        ),
        (
            "勤務形態：出社（週5日）。\n勤務時間：9:00〜18:00\n休日：土日祝、年末年始、夏季休暇、"
            "慶弔休暇\n※お客様の社員の方はリモートワークを併用されていますが、当社からの参画者"
            "には適用されません。",
            "onsite",
        ),
        (
            "On-site at the customer's site every day. (Customer staff can work remotely on "
            "Fridays; that policy doesn't apply to contractors.)",
            "onsite",
        ),
        ("フルリモート。出社先はなく、本社への出社も求めません。", "full"),
        ("完全在宅勤務です。出社の義務はなく、面談もオンラインです。", "full"),
        (
            "Fully remote. You will never be asked to come to the Tokyo or Osaka offices.",
            "full",
        ),
        # a visit that is asked stays a visit
        ("フルリモート。ただし月1回は本社への出社があります。", "hybrid"),
    ],
)
def test_remote_of_others_past_policies_and_offices_no_one_visits(text: str, remote: str) -> None:
    assert extract(text).remote == remote


# A question in a posting's FAQ states nothing by itself; its answer may.
@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("FAQ\nCan I apply from abroad? Yes, but interviews are held at our office.", None),
        ("FAQ\nQ. Do I have to live in Japan already? A. Please ask the recruiter.", None),
        ("よくある質問\nQ. 海外から応募できますか？\nA. 書類選考までは可能です。", None),
        ("FAQ\nDo you sponsor visas? Yes, we sponsor work visas for this role.", True),
        (
            "FAQ\nQ. ビザのサポートはありますか？\nA. 申し訳ありませんが、"
            "ビザサポートはありません。",
            False,
        ),
    ],
)
def test_visa_questions_in_an_faq_state_nothing(text: str, visa: bool | None) -> None:
    assert extract(text).visa_sponsorship is visa


# A posting whose line breaks were lost: the figure under "Requirements:" inside the line,
# not one after a later "Conditions:" label; "yr" alone is a year.
@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "Backend Engineer — About: a studio in Nara. Requirements: min. 2 yr of server-side "
            "work, Japanese N2 Preferred: 4 years or more with Laravel Conditions: full-time, "
            "our clients keep their systems with us for 8+ years on average.",
            2,
        ),
        ("Requirements\n- 3 yr of backend development", 3),
        (
            "About us: a small agency. What you'll do: APIs Benefits: a bonus, and many of our "
            "customers have stayed for 10+ years with us. Nice to have: 5 years of Go",
            None,
        ),
    ],
)
def test_years_in_a_line_whose_breaks_were_lost(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


# Experience in the fields and tables of job-board cards, ATS exports and forms.
@pytest.mark.parametrize(
    ("text", "years"),
    [
        # form fields padded for alignment, or split by a bar
        (
            "求人票\n職種　　　｜バックエンド\n必要経験年数｜不問（未経験歓迎）\n"
            "備考　　　｜過去2年間の入社者の半数がIT業界未経験です",
            0,
        ),
        ("会社名　　：テスト株式会社\n経験年数　　：24ヶ月以上（PHP開発）", 2),
        # "N年 (必須)" rows of a job board's skill list
        ("求めるスキル\n経験:\n・PHP: 3年 (必須)\n・Laravel: 1年 (歓迎)", 3),
        ("Experience:\n・サーバーサイド開発: 4年 (Required)\n・Go: 1年 (Preferred)", 4),
        # an English label with 年; "Min. experience" in a table
        ("Server-side experience：3年+（必須）\nLead experience：1年（歓迎）", 3),
        (
            "| Field | Value |\n|---|---|\n| Min. experience | 6 years |\n"
            "| Preferred experience | 9 years |",
            6,
        ),
        # katakana labels with a bare figure
        ("ミニマム経験年数（必須）：3\nプリファード経験年数：6", 3),
        # structured fields pasted from an export
        ('{\n  "title": "Backend",\n  "min_experience_months": 42\n}', 3),
        ('{"min_experience_years": 2, "team_size": 8}', 2),
        # a screening question's ideal answer
        (
            "1. How many years of work experience do you have with Java?\n   Ideal answer: 4 or "
            "more — Must-have qualification\n2. How many years of experience do you have with "
            "GCP?\n   Ideal answer: 2 or more — Preferred qualification",
            4,
        ),
        # a table with a years column and a required column
        (
            "| Skill | Years | Required? |\n|---|---|---|\n| Server-side development | 5+ | Yes |\n"
            "| Rust | 1+ | Yes |\n| Kafka | 3+ | No |",
            5,
        ),
        (
            "| Must / Want | 内容 | 年数 |\n|---|---|---|\n| Must | Java開発 | — |\n"
            "| Want | チームリード | 2年以上 |",
            None,
        ),
        # the team's members, not the candidate
        (
            "【チームについて】\n経験年数4〜10年のメンバー5名で構成されています。\n【応募資格】\n・Web開発経験",
            None,
        ),
        # a CSV export with a minimum-years column
        ("求人ID,職種名,経験年数_下限,経験年数_上限,年収_下限\nJB-1,サーバーサイド,3,6,500", 3),
    ],
)
def test_years_in_fields_tables_and_exports(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


def test_years_in_a_table_copied_one_cell_a_line() -> None:
    text = (
        "Requirements\nSkill\nYears\nRequired?\nServer-side Python\n4+\nYes\nDjango\n–\nYes\n"
        "Team lead\n2+\nNo\n\nAbout us\nWe are 40 people in Osaka."
    )
    assert extract(text).min_years_experience == 4
    # the same cells as prose lines are no table
    assert extract("Skill\nYears\nWe have shipped for 9 years.\n").min_years_experience is None


# A long requirements heading; a share of recent years; waivers of a number of years.
@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "業務内容\n・API開発\n\nRequirements (written in English because our lead is from "
            "Ireland)\n- 2+ years of backend work in any language\n\nNice to have\n- 6+ years "
            "with Go",
            2,
        ),
        (
            "Requirements\n- At least 2 of the past 4 years in hands-on server-side work\n"
            "Nice to have\n- 6+ years with Python",
            2,
        ),
        ("Requirements\n- No minimum number of years; bootcamp graduates welcome", 0),
        (
            "We look at what you have built, not how many years you have been building. We "
            "do not screen applications by years of experience.",
            0,
        ),
        ("応募資格\n・経験年数の下限は設けていません。ポートフォリオで判断します", 0),
    ],
)
def test_years_long_headings_recent_shares_and_no_minimum(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


# Short posts (X, Slack, Discord, one-line board summaries) write the facts in shorthand.
@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("⏳ サーバーサイド実務4年↑", "min_years_experience", 4),
        ("Rails | 年収700〜900万 | Ruby実務2年↑", "min_years_experience", 2),
        (
            "(1/2) we're hiring!\n(2/2) must-haves: 3+ yrs backend, N2 Japanese",
            "min_years_experience",
            3,
        ),
        ("Go / gRPC | ¥9M-12M | 正社員 | 5y+", "min_years_experience", 5),
        ("🏠 フルリモ（全国どこからでも）", "remote", "full"),
        ("💻 リモ可・出社は月2くらい", "remote", "hybrid"),
        ("🏠 フルリモ（入社初日のみ新宿オフィスに出社）", "remote", "full"),
        (
            "Remote only — no office visits (our office is in Kobe but you never need to come)",
            "remote",
            "full",
        ),
        ("🛂 ビザサポ有", "visa_sponsorship", True),
        ("🛂 visa sponsor ✅", "visa_sponsorship", True),
        ("Visa: sponsorship OK for strong candidates", "visa_sponsorship", True),
        ("Visa: サポート可", "visa_sponsorship", True),
        ("Tokyo · hybrid · no visa support · 正社員", "visa_sponsorship", False),
        ("日本居住者のみ（ビザ支援なし）", "visa_sponsorship", False),
        ("type: contract (6 months, renewable)", "employment_type", "contract"),
        ("Type: full-time", "employment_type", "full_time"),
    ],
)
def test_shorthand_of_short_posts(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_a_training_length_is_not_experience() -> None:
    text = "当社は1年間の実務研修でエンジニアを育てます。\n応募資格\n・独学でのプログラミング経験"
    assert extract(text).min_years_experience is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("未経験OK。開発経験が2年以上ある方は研修を短縮し、初年度の給与に反映します。", 0),
        (
            "No experience needed. Those with 3+ years of coding skip the first month of training.",
            0,
        ),
        ("応募資格\n・開発経験2年以上ある方\n研修：入社後1ヶ月", 2),
    ],
)
def test_a_figure_that_shortens_training_is_not_a_minimum(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("Graduate Backend Engineer (October intake)", 0),
        ("New Grad Software Engineer - Payments", 0),
        ("【新卒】サーバーサイドエンジニア（2027年4月入社）", 0),
        ("【第二新卒歓迎】バックエンドエンジニア", None),
        ("Backend Engineer (graduate degree preferred)", None),
    ],
)
def test_a_title_for_graduates_asks_no_experience(title: str, years: int | None) -> None:
    text = "About the programme\nYou will join a cohort of twelve and rotate across teams."
    assert extract(text, title=title).min_years_experience == years


# Formal Japanese forms and hiring tracks.
@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a figure by education path is asked ("卒業された方"), not time since graduating
        ("■応募資格\n・大学を卒業された方：開発経験2年以上\n・その他の方：開発経験4年以上", 2),
        ("■応募資格\n・Web開発経験\n■尚可要件\n・サーバー開発の実務経験4年以上", None),
        ("必要な経験等：あれば尚可\n　業務システム開発の実務経験（2年以上）\n学歴：不問", None),
        ("■必須要件\n特になし（職種未経験の方もご応募いただけます）", 0),
        ("【応募資格】\n・医療系システムの開発に携わった経験（経験年数は問いません）", None),
        (
            "本求人には二つの枠があります。\n【未経験者枠】\n・研修あり、未経験の方歓迎\n"
            "【経験者枠】\n・PHPでの開発実務経験3年以上",
            0,
        ),
        (
            "Two tracks:\nSenior track\n- 6 years or more in backend work\nJunior track\n"
            "- 2 years or more in software development\n\nCommon requirement for both tracks\n"
            "- Japanese N2",
            2,
        ),
    ],
)
def test_years_in_formal_forms_and_hiring_tracks(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


# Job-board and export fields pasted as text.
@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Job type: Full-time\nWork Location: In person", "remote", "onsite"),
        ('{"title": "Backend", "workplace_type": "on_site"}', "remote", "onsite"),
        (
            '{"@type": "JobPosting", "employmentType": ["FULL_TIME"]}',
            "employment_type",
            "full_time",
        ),
        ('{"@type": "JobPosting", "employmentType": "CONTRACTOR"}', "employment_type", "freelance"),
        ('{"employment": {"type": "TEMPORARY", "months": 12}}', "employment_type", "contract"),
        ("| 雇用形態 | 正社員 |\n| 在宅勤務 | 入社1ヶ月後から週3日まで可 |", "remote", "hybrid"),
    ],
)
def test_job_board_and_export_fields(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_non_regular_employment_is_not_full_time() -> None:
    assert extract("雇用形態　正社員以外（契約社員）").employment_type == "contract"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("日本語　：ネイティブ\nビザサポート　：—\n選考：面接2回", "visa_sponsorship", None),
        ("雇用形態,正社員\nビザサポート,\n従業員数,210", "visa_sponsorship", None),
        (
            "応募資格\n・開発実務経験3年以上\n"
            "　※情報系の学部を卒業された方は実務経験2年以上で応募可能です",
            "min_years_experience",
            2,
        ),
        (
            "What we need\n- 6+ years building backend systems. We will also consider candidates "
            "with 4+ years whose experience includes payments.",
            "min_years_experience",
            4,
        ),
    ],
)
def test_blank_fields_and_lower_paths(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    "text",
    [
        "We sponsor visas for L5 and above. For L4 roles, including this one, we can only "
        "consider candidates who already hold a valid work visa.",
        "ビザ\n・国内在住の方の在留資格変更はサポートします。海外からの招へいは行っていません",
    ],
)
def test_sponsorship_only_for_others_is_no_sponsorship(text: str) -> None:
    assert extract(text).visa_sponsorship is False


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("Visa            | No sponsorship for fixed-term roles", False),
        ("Visa: no support available for this role", False),
        ("Visa: no sponsorship needed if you already live here; we sponsor otherwise", True),
    ],
)
def test_no_sponsorship_in_a_field(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("勤務形態：週2日（火・木）渋谷オフィス出社、その他はリモート", "hybrid"),
        ("働き方：普段は在宅勤務ですが、月末の締め週は本社に出社します", "hybrid"),
        (
            "Work style: normally remote, but you come to the Osaka office for release weeks",
            "hybrid",
        ),
        (
            "Work style: two office days a week in Fukuoka.\nWe are also looking for side-job "
            "contractors (fully remote, 10 hours a week).",
            "hybrid",
        ),
    ],
)
def test_office_days_with_weekdays_remote_as_a_rule_and_side_jobs(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_an_office_named_past_the_visit_reach_is_no_visit() -> None:
    text = (
        "全員がフルリモートで、Slackとesaで非同期に仕事を進めています。オフィスは東京都渋谷区"
        "神宮前にありますが、出社の必要はありません。"
    )
    assert extract(text).remote == "full"
    hybrid = extract("フルリモート。ただし月1回は本社への出社があります。")
    span = hybrid.spans["remote"]
    assert hybrid.remote == "hybrid"
    assert "フルリモート。ただし月1回は本社への出社".startswith(
        "フルリモート。ただし月1回は本社への出社があります。"[span.start : span.end]
    )


def test_at_most_max_figures_of_years_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each figure costs scans of its line and clause (~0.3 ms on one long line): a text of
    nothing but "経験3年以上" took 21 s for 500 KB. Past _MAX_FIGURES the rest are not
    read (a posting states a few)."""
    from kyujin.core.facts import work

    read = []
    finditer_in = work.finditer_in

    def counted(pattern: Any, text: str, windows: Any) -> Iterator[Any]:
        for match in finditer_in(pattern, text, windows):
            if pattern in (work._YEARS, work._YEARS_OR_MONTHS):
                read.append(match)
            yield match

    monkeypatch.setattr(work, "finditer_in", counted)
    assert extract("経験3年以上 " * 3_000).min_years_experience == 3
    assert len(read) == work._MAX_FIGURES + 1  # the one past the limit ends the loop


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # a full-remote phrase said not to hold (held-out set C, 2026-12-06)
        ("勤務形態：フルリモート不可、原則常駐", "onsite"),
        ("勤務形態：フルリモート不可", "onsite"),
        ("Remote: No (full remote not possible)", "onsite"),
        ("Full remote: No", "onsite"),
        ("フルリモート不可、週3日出社", "hybrid"),
        ("完全在宅ではありません。週2日出社です。", "hybrid"),
        ("フルリモートではなく、週1日出社", "hybrid"),
        ("This is not a fully remote role; 3 days a week in the office.", "hybrid"),
        # and not negated
        ("フルリモート可", "full"),
        ("Work style: fully remote (Japan)", "full"),
        ("Fully remote OK. Not possible to relocate you.", "full"),
        # another opening's remote policy
        (
            "Shibuya office, 5 days/week on-site.\n"
            "Note: our Customer Support team (separate posting) is fully remote.",
            "onsite",
        ),
    ],
)
def test_a_negated_full_remote_is_not_full(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements:\n- Server-side Kotlin or Java experience (3 years)", 3),
        ("必須：Javaでの開発経験（3年）", 3),
        ("Requirements:\n- Contract (3 years)", None),
        ("Requirements:\n- experience (3 months)", None),
    ],
)
def test_years_in_brackets_after_experience(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("応募資格：外国籍不可", False),
        ("【外国籍】不可（日本語ネイティブレベル必須）", False),
        ("外国籍：可", None),
        ("※日本国籍の方に限ります", False),
        ("日本国籍を有する方に限ります", False),
        ("外国籍の方の応募は不可です", False),
        ("Japanese citizens only.", False),
        ("外国籍の方も歓迎", None),
        ("We welcome Japanese citizens and foreign nationals alike.", None),
    ],
)
def test_nationality_as_a_condition_means_no_sponsorship(text: str, visa: bool | None) -> None:
    assert extract(text).visa_sponsorship is visa


def test_a_sole_proprietor_is_a_freelancer() -> None:
    assert extract("単価：月60万円〜70万円\n個人事業主の方歓迎").employment_type == "freelance"
    assert (
        extract("雇用形態：正社員（個人事業主の方は業務委託も可）").employment_type == "full_time"
    )


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # a review of this session's rules (2026-12-06): what they must not catch
        (
            "【フルリモート×フレックス】募集\n働き方：フルリモート×フレックスタイム制",
            "remote",
            "full",
        ),
        ("Fully remote: no office visits required. Work from home.", "remote", "full"),
        ("Work style: 100% remote: no commute, flexible hours.", "remote", "full"),
        ("ビザサポートあり。※一部の官公庁案件は日本国籍必須となります。", "visa_sponsorship", True),
        (
            "Visa sponsorship: Yes. (Some defense projects: Japanese citizens only.)",
            "visa_sponsorship",
            True,
        ),
        (
            "外国籍 × 日本人エンジニアが半々のグローバルチーム。ビザサポートあり",
            "visa_sponsorship",
            True,
        ),
        (
            "外国籍の方歓迎！ビザ取得支援あり（日本国籍の方のみ対象の手当もあります）",
            "visa_sponsorship",
            True,
        ),
        ("【仕事内容】個人事業主の方向けの会計SaaSの開発をお任せします。", "employment_type", None),
        ("弊社サービスは個人事業主・法人の経理を効率化します。", "employment_type", None),
        (
            "We build a bookkeeping app for 個人事業主の方 and small businesses.",
            "employment_type",
            None,
        ),
    ],
)
def test_the_new_rules_leave_what_they_do_not_mean(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Remote policy: Full remote (not hybrid)", "full"),
        ("Fully remote, not a hybrid role", "full"),
        ("フルリモート（ハイブリッドではありません）", "full"),
        ("フルリモート可（週1出社）", "hybrid"),
    ],
)
def test_a_negated_hybrid_beside_full_remote_is_full(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Our company sponsored 30 visas last year, but those were for permanent positions. "
            "This is a fixed-term contract role.",
            "contract",
        ),
        ("This is a full-time role. We also hire contractors.", "full_time"),
        ("本ポジションは正社員での募集です。業務委託の方も歓迎。", "full_time"),
    ],
)
def test_the_kind_stated_of_the_role_itself_wins(text: str, kind: str) -> None:
    assert extract(text).employment_type == kind


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        (
            "Our teams work differently: the Platform team is fully remote across Japan, the"
            " Firmware team works on-site in our lab, and the Order Management team, the team"
            " this role joins, works in the office two days a week.",
            "hybrid",
        ),
        # the named team may be this role's own: with nothing else said, it holds
        ("The Platform team is fully remote. This role joins the Platform team.", "full"),
        ("The Platform team is fully remote. We are hiring for the Platform team.", "full"),
    ],
)
def test_another_named_teams_way_of_working(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a scout's praise of the reader's own years is no requirement
        ("件名：7年間のGoのご経験を活かせるポジションのご案内\n\n必須：Goでの開発経験", None),
        ("山本様の6年にわたるPythonのご経験を拝見しました。\n【必須】Python開発経験3年以上", 3),
        # "3年以上のご経験を活かし" inside a required list is asked
        ("【必須】\n・Goでの開発経験3年以上のご経験を活かせる方", 3),
        # a sentence naming the required figure, below a list of wishes
        ("歓迎スキル：\n・Elasticsearch\n\n必須の経験年数は3年以上です。", 3),
    ],
)
def test_whose_years_and_which_are_required(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


def test_a_hyphenated_work_visa_is_a_visa() -> None:
    assert extract("Visa: we support work-visa applications").visa_sponsorship is True
    assert extract("We cannot sponsor work-visas.").visa_sponsorship is False


@pytest.mark.parametrize(
    ("text", "employment"),
    [
        ("We build bookkeeping software for freelancers in Japan.", None),
        ("Freelancers welcome (業務委託)", "freelance"),
        ("Employment: freelance", "freelance"),
    ],
)
def test_freelancers_as_customers_are_no_employment_type(text: str, employment: str | None) -> None:
    assert extract(text).employment_type == employment


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("We hire from overseas: every offer comes with a relocation package.", True),
        (
            "You must be a resident of Japan with the right to work here; "
            "we can't help with visas.",
            False,
        ),
        (
            "現在日本にお住まいの方に限り、在留資格の変更をサポートします。"
            "海外からの招へい（ビザのスポンサー）は行っておりません。",
            False,
        ),
        # a residence condition of remote work yields to sponsorship stated outright
        ("働き方：フルリモート（日本国内在住が条件）\nビザ：ビザサポートあり", True),
        # but not to a sponsorship phrase said not to hold
        (
            "・日本在住の方のみ（海外からのご応募、就労ビザのスポンサーには対応しておりません）",
            False,
        ),
        ("Visa: you must have the right to work in Japan. We do not sponsor visas.", False),
    ],
)
def test_visa_statements_of_foreign_engineers_boards(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        (
            "We're remote-first. The team gets together at our Nakameguro office (Meguro-ku) once "
            "a month for planning.",
            "hybrid",
        ),
        (
            "You can live and work anywhere in Japan. We ask everyone to come to our Otemachi "
            "office (Chiyoda-ku, Tokyo) twice a month.",
            "hybrid",
        ),
        ("Fully remote. You are welcome to visit our office once a month if you like.", "full"),
    ],
)
def test_office_visits_asked_after_a_remote_phrase(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # those invited to apply set the least that is asked
        (
            "Requirements\n- Backend experience: 5+ years ideally, but strong engineers with "
            "2+ years are welcome to apply",
            2,
        ),
        ("Requirements\n- 5+ years ideally", None),
        ("Nice to have\n- engineers with 2+ years are welcome to apply", None),
    ],
)
def test_years_of_those_invited_to_apply(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "remote", "visa"),
    [
        # fields as machine-translated postings bracket them
        ("[Remote work] Possible. Attendance to the office is 2 days in the week.", "hybrid", None),
        ("[Remote work] Not possible.", "onsite", None),
        (
            "[Visa] We are sorry, but we cannot support the acquisition of the visa.",
            None,
            False,
        ),
        ("We support the acquisition of the working visa.", None, True),
        ("Visa: we can support the application of a work visa", None, True),
    ],
)
def test_bracketed_fields_and_visa_steps_in_translated_english(
    text: str, remote: str | None, visa: bool | None
) -> None:
    facts = extract(text)
    assert (facts.remote, facts.visa_sponsorship) == (remote, visa)


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # an SES employee's remote work depends on the assignment: no policy of the job's own
        (
            "◆リモートワーク\nプロジェクトによる（在籍エンジニアの約6割がリモート併用の案件に参画中）",
            None,
        ),
        ("■ Remote：案件による / Depends on the project", None),
        ("Remote: depends on the client", None),
        ("リモート：可（週2出社）", "hybrid"),
        # a 案件's one-off kickoff at the office leaves it fully remote
        ("勤務形態：フルリモート（キックオフ当日のみ恵比寿オフィスへ出社）", "full"),
        ("勤務形態：フルリモート（月1回恵比寿オフィスへ出社）", "hybrid"),
    ],
)
def test_remote_of_assignments_and_kickoffs(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("◆勤務形態：週1リモート（水曜のみ在宅）、他は出社", "hybrid"),
        # onboarding in the office for the first month, then the lasting way
        ("【フルリモート（初月のみ出社）】ヘルスケアSaaS Python/Django エンジニア", "full"),
        ("勤務形態：リモート可（初月のみ出社）", "hybrid"),
        (
            "勤務形態：参画後1ヶ月目はオンボーディングのため週3日出社、2ヶ月目以降はフルリモート",
            "full",
        ),
        ("勤務形態：週3日出社、フルリモートも相談可", "hybrid"),
    ],
)
def test_remote_after_onboarding(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_no_telework_system_is_onsite() -> None:
    assert extract("＜勤務形態＞\n出社（在宅勤務の制度はありません）").remote == "onsite"


@pytest.mark.parametrize(
    ("text", "employment", "remote"),
    [
        # a contract through the agency is not the agency's own record
        ("契約：準委任（当社経由）", "freelance", None),
        ("🏢 六本木駅 徒歩2分｜リモート週3（出社は火・木）", None, "hybrid"),
    ],
)
def test_contracts_through_an_agency_and_remote_days_without_a_counter(
    text: str, employment: str | None, remote: str | None
) -> None:
    facts = extract(text)
    assert (facts.employment_type, facts.remote) == (employment, remote)


@pytest.mark.parametrize(
    ("text", "remote", "visa"),
    [
        ("■働き方\n在宅勤務は週2回まで可能です。", "hybrid", None),
        ("■Remote: It is not possible. Work at our office.", "onsite", None),
        (
            "■Visa: The change of the status of residence can be supported by our company.",
            None,
            True,
        ),
        ("Visa: the change of status of residence can not be supported.", None, False),
    ],
)
def test_translated_fields_of_remote_and_visa(
    text: str, remote: str | None, visa: bool | None
) -> None:
    facts = extract(text)
    assert (facts.remote, facts.visa_sponsorship) == (remote, visa)


def test_an_offices_address_beside_full_remote_is_no_visit() -> None:
    assert extract("・勤務：フルリモート（オフィス：東京都文京区本郷）").remote == "full"
    assert extract("・勤務：フルリモート（オフィス出社 月1回）").remote == "hybrid"


@pytest.mark.parametrize(
    ("text", "years", "remote"),
    [
        ("Requirements\n- Server-side development experience: >= 3 years", 3, None),
        ("Requirements\n- Server-side development experience: ≥ 3 years", 3, None),
        ("Years of experience: >= 4", 4, None),
        (
            "[Telework] It is not introduced at present. All the members work at the office.",
            None,
            "onsite",
        ),
    ],
)
def test_bounds_written_with_signs_and_telework_not_introduced(
    text: str, years: int | None, remote: str | None
) -> None:
    facts = extract(text)
    assert (facts.min_years_experience, facts.remote) == (years, remote)


def test_a_spreadsheets_rows_with_tabs() -> None:
    facts = extract("項目名\t値\nビザサポート\t×\n必須経験年数\t3\n必須スキル\tKotlin")
    assert (facts.visa_sponsorship, facts.min_years_experience) == (False, 3)
    assert extract("ビザサポート\t○").visa_sponsorship is True


@pytest.mark.parametrize(
    "text",
    [
        "There's no remote option for this team.",
        "We're office-based, 5 days a week, at our Tokyo office. There's no remote option for "
        "this team because of our data-handling rules.",
    ],
)
def test_no_remote_option_is_onsite(text: str) -> None:
    assert extract(text).remote == "onsite"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("情報政策課では、庁内のDX推進を支援する会計年度任用職員を募集します。", "contract"),
        ("南部広域行政組合　任期付職員（情報システム担当）採用選考のお知らせ", "contract"),
        ("システムエンジニア（特定有期雇用職員）　1名", "contract"),
        ("・雇用形態：非常勤職員（有期雇用）", "contract"),
        ("- Status: Full-time, fixed-term (specially appointed, grant-funded)", "contract"),
        ("【採用形態】正規職員（期間の定めなし）", "full_time"),
        ("技術職員（常勤・任期の定めなし）1名", "full_time"),
        ("【雇用形態】正職員（試用期間3ヶ月）", "full_time"),
        ("常勤職員（無期雇用・定年65歳）。", "full_time"),
        # a fixed term named to say there is none
        ("- Employment type: Full-time, permanent (no fixed term)", "full_time"),
        ("- Full-time, permanent position (not a fixed-term contract)", "full_time"),
        # the staff one works beside are not this post
        (
            "We hire engineers as part-time specialists who work alongside our full-time "
            "staff.\n- Non-regular government employee (part-time, fixed-term until March)",
            "contract",
        ),
    ],
)
def test_the_public_sectors_words_for_employment(text: str, kind: str) -> None:
    assert extract(text).employment_type == kind


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # the role's own work-style field beats an interview's or another team's way of work
        (
            "「札幌ラボは週2出社のハイブリッドですが、本社のチームは全員がオフィスで勤務」\n\n"
            "勤務形態：オフィス勤務（決済基盤チームはセキュリティ規程によりリモートワーク不可）",
            "onsite",
        ),
        (
            "「東京で9年、リモート中心で働いていました」\n\n【勤務形態】出社勤務が基本です"
            "（育児・介護など事情がある場合のみ在宅勤務を個別に相談）",
            "onsite",
        ),
        (
            "東京R&Dセンターはリモートワーク中心（週1出社）で運用しています。\n"
            "〈勤務形態〉出社勤務（在宅勤務の制度は広島本社では運用していません）",
            "onsite",
        ),
        ("Remote Work: Partial (3 days a week on-site at the lab)", "hybrid"),
        ("勤務形態：オフィス勤務とリモートのハイブリッド（週2出社）", "hybrid"),
        # "no office" is no visit
        ("・Work style：フルリモート。オフィスはなく、打ち合わせはすべてオンラインです", "full"),
        (
            "＜働き方＞\nフルリモート（全国どこからでも勤務可）。出社の予定は一切ありません。",
            "full",
        ),
    ],
)
def test_the_roles_work_style_field(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_some_days_on_site_in_a_work_style_field_is_hybrid() -> None:
    assert extract("Working style: On-site 4 days, 1 day remote").remote == "hybrid"
    assert extract("勤務形態：週3日出社勤務、残りは在宅勤務").remote == "hybrid"


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("在宅勤務：制度あり（規程による）", "hybrid"),
        ("＜テレワーク＞週1日まで可（入社3ヶ月後から）", "hybrid"),
        ("Staff may telecommute up to two days per week.", "hybrid"),
        ("在宅勤務：顧客情報を取り扱うため不可", "onsite"),
        ("在宅勤務：可（ただし初月は不可）", "hybrid"),
        ("※院内ネットワークを扱うため、勤務は原則として院内での出勤となります。", "onsite"),
        ("RIST main campus, Onna, Okinawa. This is an on-campus position.", "onsite"),
    ],
)
def test_public_bodies_and_institutes_remote_words(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        (
            "※国籍は問いません。ただし、日本国内で就労可能な在留資格を有している方に限ります。",
            False,
        ),
        ("受験資格\n(3) 日本国籍を有する人\n", False),
        ("- The Centre will arrange the appropriate visa for the selected candidate", True),
        (
            "- The university will support the selected candidate's application for a "
            "residence status",
            True,
        ),
        ("We cannot support your visa.", False),
    ],
)
def test_public_posts_and_institutes_visa_words(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        (
            "This team is on-site only. Other engineering teams at Harbor & Pine are "
            "remote-first; this one is not.",
            "remote",
            "onsite",
        ),
        ("患者情報を扱うため、原則として出社での勤務です。", "remote", "onsite"),
        ("・Visa：スポンサー可", "visa_sponsorship", True),
        ("海外在住の方の応募は受け付けておりません。", "visa_sponsorship", False),
    ],
)
def test_conditions_and_exceptions(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    "text",
    [
        "日本橋のオフィスに週2日集まり、それ以外はリモートで働いています。",
        "Most of us mix days at the office with days at home; there's no fixed rule.",
        "Remote-first, Tokyo HQ in Shibuya — we ask people to come in twice a month for planning "
        "days",
    ],
)
def test_casual_ways_of_saying_hybrid(text: str) -> None:
    assert extract(text).remote == "hybrid"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Must have 3+ yrs Node.js and TypeScript; GraphQL a plus.", "min_years_experience", 3),
        ("fully onsite, full-time. Need 5+ yrs C++ & Linux.", "min_years_experience", 5),
        ("We're also hiring a Staff Engineer who needs 10+ years.", "min_years_experience", None),
        (
            "SES｜インフラ運用保守｜月給25万円〜｜IT実務経験1年以上｜Linux・AWS経験者優遇",
            "min_years_experience",
            1,
        ),
        ("Contract · Hybrid remote", "employment_type", "contract"),
        ("正社員／勤務形態：出社／日本語：ビジネスレベル", "remote", "onsite"),
    ],
)
def test_short_texts(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("- ビザsponsorshipあります (Engineer visa)", "visa_sponsorship", True),
        ("- ビザsponsorshipは今回できません、ごめんなさい", "visa_sponsorship", False),
        ("Visa: sponsor OK. We have sponsored 8 engineers.", "visa_sponsorship", True),
        ("■ Must\n- Rust or Go 2年+ (production)\n", "min_years_experience", 2),
        ("◆ 必須 Skill\n- Java min 2年\n", "min_years_experience", 2),
        ("- 出社 mainly、リモートはNG (customer data)", "remote", "onsite"),
        ("リモートNGです", "remote", "onsite"),
    ],
)
def test_code_switched_postings(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("3．在留資格「技術・人文知識・国際業務」を当社が申請", "visa_sponsorship", True),
        ("・在留資格「技術・人文知識・国際業務」の申請は当社が行います", "visa_sponsorship", True),
        (
            "- Visa: we prepare all company documents for changing your status of residence "
            "from Student to Engineer",
            "visa_sponsorship",
            True,
        ),
        (
            "【はたらきかた】 まいにち かいしゃ に きます（いえ で の しごと は ありません）",
            "remote",
            "onsite",
        ),
    ],
)
def test_postings_for_engineers_from_abroad(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_an_interviewees_way_of_work_is_not_the_roles() -> None:
    text = (
        "\"I'd never lived abroad before. Our Dublin team is fully remote, but in Tokyo we meet "
        'in person, which helped me find my feet." — Sam, Backend Engineer\n\n'
        "THE ROLE: Staff Backend Engineer\n• Hybrid: Tuesday to Thursday in our Azabudai office\n"
    )
    assert extract(text).remote == "hybrid"


@pytest.mark.parametrize(
    "text",
    [
        "月単価70〜90万円｜業務委託｜外国籍可（ビザサポート無）｜精算幅140-180h",
        "Remote-OK｜Visa support ✕",
    ],
)
def test_a_tag_lines_no_visa(text: str) -> None:
    assert extract(text).visa_sponsorship is False


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("勤務形態\t出社勤務（研修期間中・配属後とも）", "onsite"),
        # a bracket that grants remote days is a second way of work
        ("【勤務形態】\n出社（週1日まで在宅勤務可）", "hybrid"),
        (
            "Work style: on site at the client's office in Chuo-ku (Nihonbashi) on Tuesdays and "
            "Thursdays, remote on the other days.",
            "hybrid",
        ),
        ("勤務形態：出社とリモートの併用", "hybrid"),
        # an aside in brackets after the office opening is no second way of work
        ("〈勤務形態〉出社勤務（在宅勤務の制度は本社では運用していません）", "onsite"),
    ],
)
def test_a_work_style_row_and_weekdays(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_a_form_s_remote_field_padded_with_spaces() -> None:
    assert (
        extract("就業場所　　　神山サテライトオフィス\n在宅勤務　　　不可（出勤）").remote
        == "onsite"
    )


# Words of employment in what the company makes or how it runs say nothing of the role:
# kinds a product handles, a product for staffing firms, a desk's hours.
@pytest.mark.parametrize(
    ("text", "employment"),
    [
        (
            "当社の給与計算サービスは、正社員・パート・アルバイトなど多様な働き方に対応しています。",
            None,
        ),
        ("正社員、契約社員、業務委託を問わず、全スタッフのシフトを一画面で管理できます。", None),
        ("人材派遣会社向けの派遣管理クラウドを開発しています。", None),
        ("Our app lets clinics track their part-time and full-time nurses' shifts.", None),
        ("Our help desk is staffed full-time, 24/7, in three languages.", None),
        ("店舗ではfull-timeのスタッフが24時間対応しています。", None),
        ("We run a freelancer marketplace for designers.", None),
        ("サービス名は「フリーランスナビ」です。", None),
        # the role's own kind after such words is still read
        (
            "Our help desk is staffed full-time, 24/7.\nThis is a fixed-term contract role "
            "(12 months).",
            "contract",
        ),
        (
            "派遣管理SaaSを提供する会社です。\n雇用形態：正社員",
            "full_time",
        ),
        ("勤怠SaaSを開発しています。正社員としての採用です。", "full_time"),
        ("人材派遣会社向けSaaSの会社です。正社員での採用です。", "full_time"),
        ("Full-time, permanent position. We build payroll tools.", "full_time"),
    ],
)
def test_employment_words_of_a_product_or_a_desk(text: str, employment: str | None) -> None:
    assert extract(text).employment_type == employment


# A share of the staff or of the customers working a way is a company figure, not the job's
# way of work; "100% remote" is the job's.
@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("利用企業の約6割がハイブリッド勤務を導入しています。", None),
        ("社員の8割以上が在宅勤務を利用しています。", None),
        ("About 65% of our customers run hybrid offices.", None),
        ("リモートワーク率：75%（2025年度、全社）", None),
        ("100% remote, anywhere in Japan.", "full"),
        ("社員の8割がフルリモートです。本ポジションもフルリモートです。", "full"),
        (
            "Work style: hybrid, 2 office days.\n90% of our engineers use the hybrid option.",
            "hybrid",
        ),
    ],
)
def test_a_share_working_remotely_is_a_company_figure(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("Ben: Yes, sponsorship is fine for this position.", True),
        ("> Visa: sponsored, relocation included", True),
        ("I asked HR and they still sponsor for backend roles.", True),
        # an aside backing the statement with the company's record is not another opening's
        ("就労ビザのスポンサーは可能です（海外在住者の入社実績あり）。", True),
        ("Visa sponsorship is not fine for this role, sorry.", False),
    ],
)
def test_sponsorship_said_in_conversation(text: str, visa: bool | None) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        (
            "Hybrid: 3 days from home, 2 at the office. Fully remote arrangements are not "
            "possible for this position.",
            "hybrid",
        ),
        ("Up to 2 days from home a week. Full remote options are not offered.", "hybrid"),
        ("Fully remote work is available.", "full"),
    ],
)
def test_full_remote_with_a_noun_then_negated(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("As a remote-only team we can only hire people who already live in Japan.", False),
        ("We only consider engineers currently residing in Japan.", False),
        ("Only applicants who already live in Japan can be considered.", False),
        ("Candidates who live in Japan or abroad are welcome; we sponsor work visas.", True),
    ],
)
def test_hiring_only_those_already_in_japan(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # machine-translated fields: a heading with its value alone on the next line
        ("■Remote work\nNot possible (resident at the client's site)", "onsite"),
        ("<Remote work>\nNot possible (work in the office)", "onsite"),
        ("■Remote work\nPossible (full remote is not possible)", "hybrid"),
        # translations' word orders and phrasings
        ("- 完全にリモート（日本国内のどこからでも勤務可能、オフィスはありません）", "full"),
        ("勤務スタイル：オフィスで週4日、自宅で週1日", "hybrid"),
        ("オフィスで週5日勤務です", "onsite"),
        ("Location: Tokyo. The team meets in person one day per week.", "hybrid"),
    ],
)
def test_remote_as_translations_write_it(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    "text",
    [
        # a line ending in "remote work" above a line that is not its value
        "We support remote work\nAvailable positions: backend, SRE",
        "We support remote work\nNo meetings on Fridays",
    ],
)
def test_a_line_below_remote_words_is_not_their_value(text: str) -> None:
    assert extract(text).remote is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- 雇用形態：フルタイム", "full_time"),
        ("- 雇用タイプ：常勤", "full_time"),
        ("- 正規雇用（フルタイム）", "full_time"),
        ("- 契約タイプ：契約（12ヶ月、更新可能）", "contract"),
        ("Contract form: Business consignment (quasi-delegation contract)", "freelance"),
        ("契約社員（正規雇用への登用あり）", "contract"),
        ("雇用形態：フルタイム契約社員", "contract"),
    ],
)
def test_employment_as_translations_write_it(text: str, kind: str) -> None:
    assert extract(text).employment_type == kind


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("Work location: Full remote (no need to come in; residence in Japan is required)", False),
        ("Visa sponsorship available. Residence in Japan is required after arrival.", True),
    ],
)
def test_residence_in_japan_required(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("ビザのスポンサーシップは提供されません。", False),
        ("ビザスポンサーシップは提供していません", False),
        ("日本での就労資格をすでにお持ちの方のみご応募ください。", False),
        ("ビザサポートは必要に応じて提供されます", True),
    ],
)
def test_visa_as_translations_write_it(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    "text",
    [
        "Employment form: Temporary to permanent employment (introduction scheduled dispatch). "
        "After up to 6 months you will be directly employed as a regular employee.",
        "Employment: temporary-to-permanent",
    ],
)
def test_translated_temp_to_perm_is_dispatch(text: str) -> None:
    assert extract(text).employment_type == "dispatch"


def test_no_remote_scheme_then_a_comma_is_onsite() -> None:
    assert extract("※在宅勤務制度はなく、本部での勤務となります。").remote == "onsite"
    assert extract("在宅勤務制度はなくなりました").remote is None


def test_no_remote_scheme_in_keigo_is_onsite() -> None:
    assert extract("現在、弊社にはリモートワーク制度はございません。").remote == "onsite"


@pytest.mark.parametrize(
    "text",
    [
        "・日本在住で就労制限のない方",
        "フルリモート（オフィスはありません）。日本国内に居住している方に限ります",
        "Applicants must already hold a valid status of residence that allows work in Japan.",
    ],
)
def test_already_allowed_to_work_in_japan(text: str) -> None:
    assert extract(text).visa_sponsorship is False


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        (
            "- Remote-first, with one in-person day each month at our office in Nishi-ku, Osaka",
            "hybrid",
        ),
        ("Fully remote, no in-person days", "full"),
        ("福岡県福岡市中央区天神2丁目（オフィスでの勤務となります）", "onsite"),
        ("週2日はオフィスでの勤務となります。その他はリモートです", "hybrid"),
    ],
)
def test_in_person_days_and_the_office_as_the_place_of_work(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_working_with_full_time_engineers_is_not_the_roles_kind() -> None:
    assert extract("- Join sprint planning with full-time engineers").employment_type is None
    assert extract("Employment: full-time").employment_type == "full_time"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a role the candidate held is not another person's record
        (
            "Requirements\n- 15+ years in software engineering, including a previous CTO, "
            "VP Engineering or Head of Engineering role",
            15,
        ),
        ("Our CTO has 20 years of experience.", None),
        # a figure 'with' the first is part of it, not an alternative to it
        (
            "Requirements\n- 10+ years in infrastructure or platform engineering, with at least "
            "4 years leading platform or SRE organizations",
            10,
        ),
        ("Requirements\n- 5+ years, or 3+ years with a PhD", 3),
    ],
)
def test_senior_years(text: str, years: int | None) -> None:
    assert extract(text).min_years_experience == years


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("勤務地：熊本県熊本市東区（出社メイン、リモートは月数回まで可）", "hybrid"),
        ("Location: Kitakyushu. Onsite 3 days a week; remote work on the other days", "hybrid"),
        ("Onsite 2 days per week", "hybrid"),
        ("＜勤務形態＞出社／シフト制（日勤・夜勤）", "onsite"),
        ("Work style: onsite at the Sendai data centre", "onsite"),
    ],
)
def test_remote_a_few_times_a_month_and_onsite_days(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("■その他：日本国内在住で、日本の銀行口座をお持ちの方", False),
        ("- Currently living in Japan with a valid working visa", False),
        ("- Living in Japan with the right to work", False),
        ("日本国内在住で海外経験のある方も歓迎しています。ビザサポートあり", True),
    ],
)
def test_residence_as_the_applicant_s_condition(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("This position is remote and open only to people living in the EU or the UK.", "full"),
        ("Remote, from any country in APAC. There is no office to attend.", "full"),
        ("The role is remote-friendly, office in Shibuya twice a month", "hybrid"),
        ("This position is remote with two office days a month", "hybrid"),
    ],
)
def test_a_role_that_is_remote(text: str, remote: str) -> None:
    assert extract(text).remote == remote


def test_a_visa_the_applicant_holds_themselves() -> None:
    text = "・海外在住で、お住まいの国で就労可能な方（ビザ・在留資格はご自身で保有されていること）"
    assert extract(text).visa_sponsorship is False


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("勤務形態\t出社（研修期間中・配属後ともにオフィス勤務）", "onsite"),
        ("勤務形態：出社", "onsite"),
        ("出社頻度：出社 週1", None),  # a frequency, not every day
    ],
)
def test_onsite_as_a_form_s_value(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("各種社会保険完備、社員食堂、テレワーク制度（週1～2日まで利用可）", "hybrid"),
        ("働き方：リモートワーク一部可（毎週木曜は神保町オフィスに出社）", "hybrid"),
    ],
)
def test_a_remote_scheme_for_some_days(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("勤務地：フルリモート（出社なし／居住地不問 ※日本国内在住の方）", False),
        ("• Visa: this is a local hire; you need the right to work in Japan already", False),
        ("We sponsor visas if you don't have the right to work in Japan", True),
    ],
)
def test_residence_in_a_note_and_the_right_to_work(text: str, visa: bool) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("勤務形態：出社勤務（週1回まで在宅可）/ Office-based, up to 1 day WFH per week", "hybrid"),
        ("〈勤務形態〉出社勤務（在宅勤務の制度は本社では運用していません）", "onsite"),
        ("勤務形態：出社勤務（在宅勤務制度あり・入社1年後から）", "onsite"),
    ],
)
def test_an_aside_that_grants_days_at_home(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("【勤務形態】オフィス出社", "onsite"),
        ("勤務形態：本社出社（週2日リモート可）", "hybrid"),
    ],
)
def test_office_attendance_as_a_form_s_value(text: str, remote: str) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "remote", "visa"),
    [
        ("We work in our Shibuya office every day. There is no office dress code.", "onsite", None),
        (
            "Visa: We sponsor work visas. You don't need the right to work in Japan already.",
            None,
            True,
        ),
        (
            "Visa sponsorship available. Candidates who require the right to work in Japan"
            " will be fully supported.",
            None,
            True,
        ),
        (
            "就労ビザのスポンサーになります。ビザ申請書類はご自身でご用意ください（申請手続きは当社が代行します）。",
            None,
            True,
        ),
    ],
)
def test_look_alikes_of_the_new_remote_and_visa_phrases(
    text: str, remote: str | None, visa: bool | None
) -> None:
    facts = extract(text)
    assert (facts.remote, facts.visa_sponsorship) == (remote, visa)


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # the client site with its remote days in brackets
        (
            "【勤務形態】\n顧客先常駐（一部リモート）。週1〜2日の在宅勤務が認められています。",
            "hybrid",
        ),
        ("顧客先常駐（リモート不可）", "onsite"),
        # a virtual office is no office to visit
        (
            "創業時からオフィスを持たないフルリモートの組織で、登記上の住所もバーチャルオフィスです。",
            "full",
        ),
        # home working only for personal circumstances is an exception, not the role's way
        (
            "原則出社となります。\n※育児・介護など個別の事情がある場合は、在宅勤務制度を利用できる"
            "場合があります。",
            "onsite",
        ),
        ("在宅勤務制度を利用できます。", "hybrid"),
        # no home working, and a monthly meeting at the head office: onsite at the satellite
        (
            "本社への出社は月1回の定例会議のみで、通常は立川サテライトオフィスで勤務していただき"
            "ます。\n※在宅勤務制度はありません。",
            "onsite",
        ),
        ("フルリモートなし、月2回出社", "hybrid"),
        # set office weekdays and days that may be worked from home
        ("In-office Tue–Thu is mandatory. Monday and Friday may be worked from home.", "hybrid"),
        ("In-office Mon–Fri.", "onsite"),
        (
            "We are an office-first firm: our Umeda office four days a week; one day per week "
            "may be taken as a work-from-home day.",
            "hybrid",
        ),
        # a company without an office
        ("We have no office anywhere: the company is fully distributed.", "full"),
        ("We don't have an office at all.", "full"),
        ("We have an office in Shibuya.", None),
        ("We have an office.", None),
    ],
)
def test_return_to_office_rules_and_exceptions(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "visa"),
    [
        ("・外国籍社員のご家族のビザ申請サポート", None),
        ("- Dependent visa support: our HR team handles visa paperwork for spouses", None),
        ("・海外赴任者とご家族のビザ取得支援", None),
        ("- Visa sponsorship is offered through our new-graduate program", None),
        # the hire and the family
        ("- Visa sponsorship available, including support for family members", True),
        ("We sponsor visas for engineers and their families.", True),
        ("ビザ：スポンサー可、家族の帯同もサポート", True),
        ("ご本人・ご家族のビザ取得をサポートします。", True),
    ],
)
def test_visa_support_for_others_than_the_hire(text: str, visa: bool | None) -> None:
    assert extract(text).visa_sponsorship is visa


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("・在宅勤務手当 月3,000円（在宅勤務制度利用者）", None),
        ("- Remote work allowance: ¥5,000/month", None),
        ("・在宅勤務手当（全社員が週2日出社・週3日在宅勤務のため一律支給）", "hybrid"),
        ("在宅勤務可（週2日）\n・在宅勤務手当：月4,000円", "hybrid"),
    ],
)
def test_an_allowance_for_working_from_home_is_a_benefit(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        # a review's look-alikes of this session's remote rules
        ("Office-based role. Pre-joining e-learning can be done at home.", "onsite"),
        (
            "Office-based role in Tokyo (5 days). Onboarding training may be done from home.",
            "onsite",
        ),
        ("Remote work allowance: ¥10,000/month (we are a fully remote company)", "full"),
        ("・リモートワーク手当 月5,000円（フルリモート勤務のため全員に支給）", "full"),
        ("育児や介護で出社が難しい方、フルリモートで働けます！", "full"),
        ("基本リモート（月1回出社）。※海外からのリモートワークは不可", "hybrid"),
        ("試用期間中はリモートワーク不可。本採用後はリモート（月2回出社）", "hybrid"),
        (
            "フルリモート勤務（月1回、渋谷のレンタルオフィスに集まって対面ミーティングあり）",
            "hybrid",
        ),
        ("We don't have an office: we meet at a WeWork in Shibuya twice a week.", None),
    ],
)
def test_look_alikes_of_the_return_to_office_rules(text: str, remote: str | None) -> None:
    assert extract(text).remote == remote


@pytest.mark.parametrize(
    "text",
    [
        "・ビザサポートあり、家族手当、住宅手当",
        "Benefits: visa sponsorship, relocation package, family allowance",
        "就労ビザサポートあり（ご家族分も対応）",
        "就労ビザ取得サポート（配偶者ビザも可）",
        "ビザサポートあり（新卒・中途問わず）",
        "Summer Internship Program 2025 – visa sponsorship provided",
        "海外からの赴任者も歓迎、就労ビザサポートあり",
        "Visa support for expatriates and local hires alike.",
    ],
)
def test_family_and_programme_words_beside_the_hire_s_sponsorship(text: str) -> None:
    assert extract(text).visa_sponsorship is True


def test_staff_posted_overseas_and_their_families() -> None:
    text = (
        "・海外赴任者とご家族のビザ取得支援 / "
        "Visa support for staff posted overseas and their families"
    )
    assert extract(text).visa_sponsorship is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contract\nPermanent, full-time.\n", "full_time"),
        ("Contract\n12-month fixed-term contract\n", "contract"),
    ],
)
def test_a_contract_heading_and_its_value(text: str, expected: str) -> None:
    assert extract(text).employment_type == expected


def test_office_five_days_in_brackets_is_onsite() -> None:
    assert extract("■勤務形態\n出社（週5日）。残業は月平均15時間程度です。").remote == "onsite"
