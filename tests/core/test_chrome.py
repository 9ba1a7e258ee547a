import pytest

from kyujin.core.chrome import page_chrome
from kyujin.core.extract import extract
from kyujin.core.text import fold
from kyujin.core.triggers import Triggers

PAGE = (
    "しごとバコ ＞ 愛知県の求人 ＞ 社内SEの求人\n\n"
    "社内SE（生産管理システムのバックエンド開発）\n東海精機工業株式会社\n"
    "愛知県名古屋市港区　あおなみ線 稲永駅 徒歩8分\n月給28万円～\n正社員\n\n"
    "応募資格\n【必須】\n・C#を用いたプログラミングの業務経験1年以上\n\n"
    "勤務体制　本社工場内での勤務です。在宅勤務制度はありません。\n"
    "給与　月給28万円～（経験・年齢を考慮して決定）\n\n"
    "給料ナビ\n社内SEの平均年収（愛知県）　512万円\nこの求人の給与は地域の平均より低めです\n"
    "関連する求人\n"
    "・【リモート可】社内SE（Java）｜株式会社中部ネットワークス｜名古屋市中区｜年収500万～700万円\n"
    "・バックエンドエンジニア（Go・フルリモート）｜株式会社クラウドタイド｜東京都｜年収650万～900万円\n"
    "人気の検索：名古屋 リモートワーク 求人｜愛知 在宅勤務 エンジニア\n\n"
    "© しごとバコ　運営：株式会社バコテック（東京都品川区大崎2丁目）\n"
)


def _chrome(text: str) -> list[str]:
    folded = fold(text)
    return [folded[start:end] for start, end in page_chrome(folded, Triggers(folded))]


def test_the_page_around_a_posting_is_not_read_as_its_facts() -> None:
    facts = extract(PAGE)
    assert facts.salary is not None
    assert (facts.salary.min, facts.salary.max, facts.salary.period) == (280_000, None, "monthly")
    assert facts.remote == "onsite"
    assert facts.location is not None and facts.location.city == "Nagoya"
    assert "Go" not in {m.skill for m in facts.skills}


def test_the_blocks_and_lines_taken_out() -> None:
    blocks = _chrome(PAGE)
    assert blocks[0].startswith("しごとバコ >")  # the breadcrumb
    assert blocks[1].startswith("給料ナビ") and "関連する求人" in blocks[1]
    assert "人気の検索" in blocks[1]
    assert blocks[-1].startswith("©")


@pytest.mark.parametrize(
    "text",
    [
        "Similar jobs\n- Backend Engineer (Go) · Fully remote · ¥9M–¥12M\n",
        "People also viewed\nSenior SRE · Tokyo · Remote\n",
        "この求人を見ている人におすすめ\n・社内SE（フルリモート）｜年収550万～800万円\n",
        "Premium · Salary insights\nGo engineers in Tokyo: median ¥9.6M\n",
        "◆ リモートワーク可能な求人を探す　◆ 広島県の求人\n",
    ],
)
def test_chrome_of_the_boards(text: str) -> None:
    # below a posting: a block that is most of its text is the posting itself (a job alert)
    posting = "Backend Engineer\n" + "We build the payments platform of a regional bank.\n" * 3
    blocks = _chrome(posting + "\n" + text)
    assert [block.rstrip("\n") for block in blocks] == [fold(text).rstrip("\n")]


@pytest.mark.parametrize(
    "text",
    [
        # the posting's own words
        "※参考:当社エンジニア平均年収 870万円(2024年度実績)\n勤務形態:ハイブリッド(週1日出社)\n",
        "メンバーの平均年齢は29歳。週2日は神戸オフィスに出社し、それ以外の日はリモートです。\n",
        "本求人は同じ職種について二つの募集枠を設けています。ご自身の経歴に合う枠からご応募ください。\n",
        "We build tools similar to Jira for hardware teams.\n",
        "> quoted line\n> another\n",
        "Go > Rust > Java for this team, in that order.\n",
    ],
)
def test_a_postings_own_sentences_are_left(text: str) -> None:
    assert _chrome(text) == []


def test_a_job_alert_is_the_posting_not_a_list_of_other_jobs() -> None:
    text = (
        "■新着求人アラート（3件中1件目）\nSREエンジニア／株式会社ほくせつデータ\n"
        "勤務地：兵庫県神戸市中央区\n給与：年収550万円～\n雇用形態：契約社員（1年更新）\n"
        "リモート：週3日まで在宅可\n必須：Linux、Terraform\n"
    )
    facts = extract(text)
    assert facts.salary is not None and facts.salary.min == 5_500_000
    assert (facts.employment_type, facts.remote) == ("contract", "hybrid")


def test_a_long_line_of_a_boards_searches() -> None:
    text = (
        "Work style: on-site only (security rules).\n\n"
        "Popular searches on this board: fully remote backend jobs · visa sponsorship jobs · "
        "English-only jobs · ¥15M+ engineer jobs · Go jobs in Tokyo\n"
    )
    facts = extract(text)
    assert facts.remote == "onsite"
    assert facts.visa_sponsorship is None
    # a long sentence of the posting's own is not taken for such a line
    own = "We sponsor visas for every hire and relocate you from abroad; " * 2
    assert extract(own).visa_sponsorship is True
