"""Remote policy, minimum years of experience and visa sponsorship: general phrasings."""

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
        ("Remote work is not available for this role.", "onsite"),
        ("Remote: No", "onsite"),
        ("リモート：不可", "onsite"),
        ("On-site at our Fukuoka office; no remote", "onsite"),
        ("客先常駐", "onsite"),
    ],
)
def test_remote(text: str, remote: str) -> None:
    assert extract(text).remote == remote


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
        ("Minimum of 4 years building backend services", 4),
        ("未経験可・研修あり", 0),
        ("経験不問", 0),
        ("No prior experience required; we train you", 0),
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
