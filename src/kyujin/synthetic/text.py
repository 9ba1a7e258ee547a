"""Writing postings out: Japanese (【業務内容】【必須スキル】【歓迎スキル】【給与】【勤務地】...),
English (Responsibilities / Requirements / Nice to have / Salary / Location ...) and
mixed (bilingual headings, lines in either language), as postings on Japanese job boards
are written (see samples/postings.jsonl).

A company's parts (its paragraph, databases and tools, language requirements, remote
policy, employment type, benefits, visa) are written once per company (``company_text``);
a posting writes only its own parts (duties, languages and frameworks, experience, pluses,
salary, workplace) around them. That keeps a posting to a few dozen operations: the
generator aims at 20,000 postings/s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, NamedTuple

from kyujin.synthetic import phrasing, prose
from kyujin.synthetic.places import Place
from kyujin.synthetic.sampling import Random
from kyujin.synthetic.stacks import Skill, listed

if TYPE_CHECKING:
    from kyujin.synthetic.companies import Company

# Descriptions are built with newlines written as JSON writes them (backslash, n): lines()
# then copies them as they are, and generate() turns them back (the texts hold no other
# backslash). Saves a pass over every description on the way to JSON Lines.
NL: Final = "\\n"
_CONTRACT_JA: Final = {
    "contract": "【契約社員】",
    "freelance": "【業務委託】",
    "dispatch": "【派遣】",
}
_FULL_REMOTE_PLACE: Final = {
    "ja": "フルリモート（全国どこでも可）",
    "en": "Remote (anywhere in Japan)",
    "mixed": "フルリモート（全国どこでも可） / Fully remote within Japan",
}


class CompanyText(NamedTuple):
    head: str  # the company paragraph and the duties heading
    stack: str  # ja: the databases and tools lines; en, mixed: ", "-joined list to append
    required: tuple[str, ...]  # language lines under the requirements
    preferred: tuple[str, ...]  # language lines among the pluses
    conditions: str  # everything after the workplace
    title_prefix: str  # 【契約社員】 ...


EMPTY: Final = CompanyText("", "", (), (), "", "")


def _one(options: tuple[str, ...], r: Random) -> str:
    return options[int(r() * len(options))]


def _team(co: Company, english: bool, u: Random) -> str:
    engineers = {"large": 120, "medium": 40, "small": 12, "startup": 8}[co.size]
    total = engineers // 2 + int(u() * engineers)
    backend = max(2, total // 3)
    frontend = max(1, total // 4)
    sre = max(1, total // 10)
    if english:
        return f"{total} engineers ({backend} backend, {frontend} frontend, {sre} SRE). " + _one(
            prose.TEAM_EN, u
        )
    return (
        f"エンジニア{total}名（バックエンド{backend}名、フロントエンド{frontend}名、SRE{sre}名）。"
        + _one(prose.TEAM_JA, u)
    )


def company_text(co: Company, founded: int, employees: int, u: Random) -> CompanyText:
    """The parts of a posting that are the company's, in its posting language."""
    lang = co.lang
    en = co.requirements_en
    industry = prose.INDUSTRY_TEXT[co.industry]
    what_ja, what_en = industry[0], industry[1]
    if co.size != "large":  # a 36-person startup runs no "several large web services"
        what_ja = what_ja.replace("複数の大規模", "")
        what_en = what_en.replace("several large consumer", "consumer")
    blurb_ja = f"{co.name}は、{what_ja}です。{founded}年設立、従業員数は約{employees:,}名。" + (
        "システムの受託開発を中心に事業を展開しています。"
        if co.industry == "si"  # an SIer builds its clients' systems, it sells no product
        else f"主力サービス「{co.product_ja}」を中心に事業を展開しています。"
    )
    blurb_en = f"{co.short} is {what_en}. Founded in {founded}, we are a team of about " + (
        f"{employees:,} people, building systems for our clients."
        if co.industry == "si"
        else f"{employees:,} people, and {co.product_en} is our main product."
    )
    japanese, english = co.japanese, co.english
    required: list[str] = []
    preferred: list[str] = []
    if japanese is not None and japanese != "none":
        required.append(_one((phrasing.JAPANESE_EN if en else phrasing.JAPANESE_JA)[japanese], u))
    if english is not None and english != "none" and lang != "en":
        required.append(_one(phrasing.ENGLISH_JA[english], u))
    if english == "none":
        preferred.append(_one(phrasing.ENGLISH_JA["none"], u))
    remote = None
    if co.remote is not None:
        if co.remote == "onsite" and co.industry == "si" and lang == "ja" and u() < 0.5:
            remote = phrasing.CLIENT_SITE
        else:
            table = (
                phrasing.REMOTE_EN
                if lang == "en" or (lang == "mixed" and not en)
                else phrasing.REMOTE_JA
            )
            remote = _one(table[co.remote], u).replace("{d}", str(1 + int(u() * 3)))
    visa = None
    if co.visa is not None:
        visa = _one((phrasing.VISA_EN if en else phrasing.VISA_JA)[co.visa], u)
    prefix = ""
    if co.employment != "full_time" and u() < 0.6:
        prefix = _CONTRACT_JA[co.employment]
    elif u() < 0.1:
        prefix = "【正社員】"
    if lang == "ja":
        return _company_ja(co, blurb_ja, required, preferred, remote, visa, prefix, u)
    if lang == "en":
        return _company_en(co, blurb_en, required, remote, visa, u)
    return _company_mixed(co, blurb_ja, blurb_en, required, preferred, remote, visa, prefix, u)


# A freelance (業務委託) engagement's terms in place of an employee's benefits.
_FREELANCE_TERMS_JA = "精算幅：140h〜180h\\n支払サイト：月末締め翌月末払い\\n稼働：週5日（相談可）"
_FREELANCE_TERMS_EN = (
    "Monthly invoicing, settled on 140-180 hours a month\\nPayment at the end of the "
    "following month"
)


def _company_ja(
    co: Company,
    blurb: str,
    required: list[str],
    preferred: list[str],
    remote: str | None,
    visa: str | None,
    prefix: str,
    u: Random,
) -> CompanyText:
    stack = "データベース：" + listed(co.databases, "、")
    if co.infra:
        stack += "\\nインフラ・ツール：" + listed(co.infra, "、")
    stack += "\\n\\n【チーム構成】\\n" + _team(co, False, u)
    background = _one(prose.BACKGROUND_JA, u).replace("{p}", co.product_ja)
    tail: list[str] = []
    if remote is not None:
        tail += ("", "【勤務形態】", remote)
    tail += ("", "【雇用形態】", phrasing.EMPLOYMENT_JA[co.employment])
    if co.employment == "freelance":  # a contractor's terms, not an employee's benefits
        tail += ("", "【精算・支払】", _FREELANCE_TERMS_JA)
    else:
        tail += ("", "【福利厚生】", _one(prose.BENEFIT_BLOCKS_JA, u))
    other = [_one(phrasing.JAPANESE_JA["none"], u)] if co.japanese == "none" else []
    if visa is not None:
        other.append(visa)
    if other:
        tail += ("", "【その他】", *other)
    tail += ("", "【選考フロー】", _one(prose.HIRING_JA, u))
    return CompanyText(
        f"【会社概要】\\n{blurb}\\n\\n【募集背景】\\n{background}\\n\\n【業務内容】",
        stack,
        tuple(required),
        tuple(preferred),
        NL.join(tail),
        prefix,
    )


def _company_en(
    co: Company,
    blurb: str,
    required: list[str],
    remote: str | None,
    visa: str | None,
    u: Random,
) -> CompanyText:
    tail: list[str] = []
    if remote is not None:
        tail += ("", "Remote policy", remote)
    tail += ("", phrasing.EMPLOYMENT_EN[co.employment])
    if visa is not None:
        tail += ("", "Visa", visa)
    language = [_one(phrasing.JAPANESE_EN["none"], u)] if co.japanese == "none" else []
    if co.english in phrasing.ENGLISH_EN:
        language.append(_one(phrasing.ENGLISH_EN[co.english], u))
    if language:
        tail += ("", "Language", *language)
    if co.employment == "freelance":
        tail += ("", "Terms", _FREELANCE_TERMS_EN)
    else:
        tail += ("", "Benefits", _one(prose.BENEFIT_BLOCKS_EN, u))
    tail += ("", "Hiring process", _one(prose.HIRING_EN, u))
    background = _one(prose.BACKGROUND_EN, u).replace("{p}", co.product_en)
    return CompanyText(
        f"About us\\n{blurb}\\n\\nWhy we are hiring\\n{background}\\n\\nThe team\\n"
        f"{_team(co, True, u)}\\n\\nResponsibilities",
        ", " + listed(co.databases + co.infra, ", "),
        tuple(required),
        (),
        NL.join(tail),
        "",
    )


def _company_mixed(
    co: Company,
    blurb_ja: str,
    blurb_en: str,
    required: list[str],
    preferred: list[str],
    remote: str | None,
    visa: str | None,
    prefix: str,
    u: Random,
) -> CompanyText:
    tail: list[str] = []
    if remote is not None:
        tail += ("", "【勤務形態 / Work style】", remote)
    tail += ("", "【雇用形態 / Employment】", phrasing.EMPLOYMENT_JA[co.employment])
    other = [_one(phrasing.JAPANESE_EN["none"], u)] if co.japanese == "none" else []
    if visa is not None:
        other.append(visa)
    if other:
        tail += ("", "【その他 / Other】", *other)
    if co.employment == "freelance":
        tail += ("", "【精算・支払 / Terms】", _FREELANCE_TERMS_JA)
    else:
        tail += ("", "【福利厚生 / Benefits】", _one(prose.BENEFIT_BLOCKS_JA, u))
    tail += ("", "【選考フロー / Hiring process】", _one(prose.HIRING_JA, u))
    team = _team(co, False, u)
    return CompanyText(
        f"【会社概要 / About us】\\n{blurb_ja}\\n{blurb_en}\\n\\n【チーム構成 / The team】\\n{team}"
        "\\n\\n【業務内容 / Responsibilities】",
        ", " + listed(co.databases + co.infra, ", "),
        tuple(required),
        tuple(preferred),
        NL.join(tail),
        prefix,
    )


@dataclass(slots=True)
class Plan:
    """What one posting draws for itself; the rest is its company's."""

    company: Company
    r: Random
    years: int | None
    language: Skill  # the main language as written
    title_language: str
    languages: list[Skill]  # the main language and the other ones
    frameworks: list[Skill]
    pluses: list[Skill]  # specialism and long-tail skills, written as pluses
    specialism: int  # how many of ``pluses`` are the specialism (written first)
    salary: str
    place: Place
    domain: tuple[str, str]


def _fill(template: str, plan: Plan, english: bool) -> str:
    co = plan.company
    if english:
        return template.replace("{d}", plan.domain[1]).replace("{p}", co.product_en)
    return template.replace("{d}", plan.domain[0]).replace("{p}", co.product_ja)


def _en(skill: Skill) -> str:
    """A skill as an English line writes it: its written form, or its canonical name when
    that form is Japanese (機械学習 -> machine learning, Go言語 -> Go)."""
    return skill[1] if skill[1].isascii() else skill[0]


def _required(plan: Plan, english: bool, out: list[str]) -> None:
    r = plan.r
    co = plan.company
    years = plan.years
    if english:
        if years == 0:
            out.append(phrasing.NO_YEARS_EN)
            # an entry-level posting asks for a start, not strong experience
            out.append(f"- Some programming in {_en(plan.language)} (school or own projects)")
        elif years is not None:
            out.append(_one(phrasing.YEARS_EN, r).replace("{y}", str(years)))
        if years != 0:
            out.append(f"- Strong experience with {_en(plan.language)}")
            out.append(f"- Experience with {_en(plan.frameworks[0])} or similar frameworks")
        if r() < 0.6:
            out.append(f"- Solid knowledge of {_en(co.databases[0])}: schema design, indexing")
        if co.cloud is not None and r() < 0.4:
            out.append(f"- Experience running services on {_en(co.cloud)}")
    else:
        if years == 0:
            out.append(phrasing.NO_YEARS_JA)
            out.append(f"・{plan.language[1]}でのプログラミング経験（学校・独学可）")
        elif years is not None:
            out.append(_one(phrasing.YEARS_JA, r).replace("{y}", str(years)))
        if years != 0:
            out.append(f"・{plan.language[1]}を用いた開発経験")
            out.append(f"・{plan.frameworks[0][1]}を用いたWebアプリケーション開発経験")
        if r() < 0.6:
            out.append(f"・{co.databases[0][1]}を用いたテーブル設計・SQLチューニングの経験")
        if co.cloud is not None and r() < 0.4:
            out.append(f"・{co.cloud[1]}上でのサービス開発・運用経験")
    out += co.text.required


def _preferred(plan: Plan, english: bool, out: list[str]) -> None:
    r = plan.r
    templates = prose.TAIL_EN if english else prose.TAIL_JA
    for i, skill in enumerate(plan.pluses):
        written = _en(skill) if english else skill[1]
        if i < plan.specialism:
            out.append(
                f"- Experience with {written}" if english else f"・{written}を用いた開発経験"
            )
        else:
            out.append(_one(templates, r).replace("{s}", written))
    if r() < 0.6:
        out.append(_fill((prose.PLUS_EN if english else prose.PLUS_JA).pick(r), plan, english))
    out += plan.company.text.preferred


def _place_ja(place: Place, r: Random) -> str:
    if place.districts and r() < 0.5:
        district = place.districts[int(r() * len(place.districts))][0]
        return place.ja + district if r() < 0.5 else f"{place.ja}（{district}駅 徒歩5分）"
    return place.ja


def _place_en(place: Place, r: Random) -> str:
    if place.districts and r() < 0.3:
        district = place.districts[int(r() * len(place.districts))][1]
        return f"{district}, {place.en.split(' (')[0]}"
    return place.en


def render(plan: Plan) -> tuple[str, str]:
    """(title, description) of a posting in its company's posting language; newlines in the
    description are written as NL (JSON's escape)."""
    lang = plan.company.lang
    if lang == "ja":
        return _render_ja(plan)
    if lang == "en":
        return _render_en(plan)
    return _render_mixed(plan)


def _render_ja(plan: Plan) -> tuple[str, str]:
    r = plan.r
    co = plan.company
    out = [co.text.head]
    out.append(_fill(_one(prose.INTRO_JA, r) + "\\n" + _one(prose.DUTY_BLOCKS_JA, r), plan, False))
    # Languages and frameworks on lines of their own: the extractor reads "Java、Spring
    # Boot" as the alias "Java Spring" (、 counts as a space there) and loses Java.
    out += ("", "【開発環境】", "言語：" + listed(plan.languages, "、"))
    out += ("フレームワーク：" + listed(plan.frameworks, "、"), co.text.stack, "", "【必須スキル】")
    _required(plan, False, out)
    out += ("", "【歓迎スキル】")
    _preferred(plan, False, out)
    out += ("", "【給与】", plan.salary or "経験・能力を考慮の上、当社規定により決定します")
    out += ("", "【勤務地】")
    out.append(_FULL_REMOTE_PLACE["ja"] if co.remote == "full" else _place_ja(plan.place, r))
    out.append(co.text.conditions)
    roles = prose.ROLES_SI_JA if co.industry == "si" else prose.ROLES_JA
    role = prose.seniority_ja(plan.years) + roles.pick(r)
    detail = plan.domain[0] if r() < 0.6 else plan.frameworks[0][1]
    title = f"{co.text.title_prefix}{role}（{plan.title_language}／{detail}）"
    return title, NL.join(out)


def _render_en(plan: Plan) -> tuple[str, str]:
    r = plan.r
    co = plan.company
    out = [co.text.head]
    out.append(_fill(_one(prose.INTRO_EN, r) + "\\n" + _one(prose.DUTY_BLOCKS_EN, r), plan, True))
    out += ("", "Requirements")
    _required(plan, True, out)
    out += ("", "Nice to have")
    _preferred(plan, True, out)
    stack = listed(plan.languages + plan.frameworks, ", ") + co.text.stack
    out += (
        "",
        "Tech stack",
        stack,
        "",
        "Salary",
        plan.salary or "Competitive, based on experience",
    )
    out += ("", "Location")
    out.append(_FULL_REMOTE_PLACE["en"] if co.remote == "full" else _place_en(plan.place, r))
    out.append(co.text.conditions)
    role = prose.seniority_en(plan.years) + prose.ROLES_EN.pick(r)
    return f"{role} ({plan.title_language}) — {plan.domain[1]}", NL.join(out)


def _render_mixed(plan: Plan) -> tuple[str, str]:
    r = plan.r
    co = plan.company
    en = co.requirements_en
    duties_ja, duties_en = prose.DUTY_BLOCKS_MIXED[int(r() * len(prose.DUTY_BLOCKS_MIXED))]
    out = [co.text.head, _fill(duties_ja, plan, False) + "\\n" + _fill(duties_en, plan, True)]
    stack = listed(plan.languages + plan.frameworks, ", ") + co.text.stack
    out += ("", "【開発環境 / Tech stack】", stack, "", "【必須スキル / Requirements】")
    _required(plan, en, out)
    out += ("", "【歓迎スキル / Nice to have】")
    _preferred(plan, en, out)
    salary = plan.salary or "経験・能力を考慮の上決定 / Based on experience"
    out += ("", "【給与 / Salary】", salary, "", "【勤務地 / Location】")
    if co.remote == "full":
        out.append(_FULL_REMOTE_PLACE["mixed"])
    else:
        out.append(f"{_place_ja(plan.place, r)}（{plan.place.en_alt or plan.place.en}）")
    out.append(co.text.conditions)
    roles = f"{prose.ROLES_EN.pick(r)} / {prose.ROLES_JA.pick(r)}"
    return f"{roles}（{plan.title_language}・{plan.frameworks[0][1]}）", NL.join(out)
