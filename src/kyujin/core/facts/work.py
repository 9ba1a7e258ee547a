"""Remote policy, visa sponsorship, employment type and minimum years of experience."""

from __future__ import annotations

import re

from kyujin.core.model import EmploymentType, Remote, Span
from kyujin.core.sections import Sections
from kyujin.core.triggers import Triggers, finditer_in, search_in

# Remote: specific phrases first; an office-visit cue turns "full" into "hybrid".
_REMOTE_FULL = re.compile(
    r"フルリモート|完全リモート|完全在宅|フル在宅|全国どこでも|原則(?:リモート|在宅)|リモートワーク(?:のみ|100%)"
    r"|fully[- ]remote|full[- ]remote|100%\s?remote|remote[- ]first|work from anywhere"
    r"|remote only|remote \(japan\)|remote within japan|remote \(anywhere"
)
_REMOTE_HYBRID = re.compile(
    r"ハイブリッド|リモート(?:ワーク)?(?:可|ok|併用|あり|と出社|勤務可|制度あり)|在宅(?:勤務)?(?:可|併用|あり|制度)"
    r"|一部リモート|週\s?\d\s?(?:日|回)(?:程度)?(?:の)?(?:出社|リモート|在宅)|月\s?\d\s?(?:日|回)(?:程度)?(?:の)?出社"
    r"|hybrid|remote[- ](?:ok|friendly|possible|allowed|available|option)|partially remote"
    r"|partial remote|\d\s?days? (?:a|per) week (?:in|at|from) (?:the )?office"
    r"|\d\s?days? (?:in|at) (?:the )?office|office (?:visits?|days?)|remote \d\s?days"
    r"|\d\s?days? remote|(?:in|at) (?:the )?office \d\s?days"
)
_REMOTE_ONSITE = re.compile(
    r"リモート(?:ワーク)?(?:不可|なし|無し)|在宅(?:勤務)?(?:不可|なし)|フル出社|出社(?:必須|のみ|勤務)|常駐|客先常駐"
    r"|原則出社|on[- ]?site|in[- ]office only|office[- ]based|no remote|not remote"
    r"|5 days (?:a week )?in (?:the )?office|fully in[- ]office|in the office full[- ]time"
)
_OFFICE_VISIT = re.compile(r"出社|office visits?|in (?:the )?office|visit the office|オフィス")

_VISA_NO = re.compile(
    r"日本在住(?:者|の方)?(?:のみ|限定|に限る|が条件|必須)|国内在住(?:者|の方)?(?:のみ|限定|に限る)"
    r"|ビザ(?:サポート|支援|スポンサー)(?:なし|無し|不可|は(?:行って|して)(?:いません|おりません))"
    r"|must (?:already )?(?:reside|live|be based|be located|be residing|be living) in japan"
    r"|must (?:already )?(?:have|hold|possess) (?:a )?(?:valid )?(?:japanese )?(?:work(?:ing)? )?"
    r"(?:visa|permit|right to work)|(?:currently )?(?:residing|living|based) in japan only"
    r"|no visa sponsorship|(?:unable|not able|cannot|can't|can not|do not|don't|does not|won't|"
    r"will not) (?:to )?(?:provide )?(?:offer )?sponsor|visa sponsorship (?:is )?(?:not|un)"
    r"|without (?:visa )?sponsorship|right to work in japan (?:is )?required|japan[- ]based only"
    r"|applicants in japan only|in japan only"
)
_VISA_YES = re.compile(
    r"ビザ(?:サポート|支援|取得支援|スポンサー|サポート制度)(?:あり|有|可|します|いたします|制度)?"
    r"|就労ビザ(?:の)?(?:取得)?(?:サポート|支援|取得可|スポンサー)|visa sponsorship(?! (?:is )?not)"
    r"|sponsor (?:a |your |work |working )?visas?|(?:will|can|we|happy to) sponsor"
    r"|visa support|relocation (?:and visa )?(?:support|assistance|package)"
    r"|apply from (?:abroad|overseas)"
)

_EMPLOYMENT: list[tuple[re.Pattern[str], EmploymentType]] = [
    (
        re.compile(
            r"正社員(?!登用)|full[- ]time(?! equivalent)|permanent(?: position| role| employee)?"
            r"|regular employee"
        ),
        "full_time",
    ),
    (
        re.compile(
            r"契約社員|有期(?:雇用)?契約|fixed[- ]term|contract (?:position|role|basis|employee|"
            r"employment|job)|(?:\d+|six|three|twelve)[- ]month contract"
            r"|employment type:\s?contract"
            r"|^\s*contract\s*$"
        ),
        "contract",
    ),
    (
        re.compile(
            r"業務委託|フリーランス|freelance|freelancer|independent contractor|業務請負"
            r"|準委任"
        ),
        "freelance",
    ),
    (
        re.compile(
            r"(?<!人材)派遣(?:社員|契約|労働|スタッフ)?(?!元|先の|事業)|紹介予定派遣"
            r"|dispatch(?:ed)? (?:worker|staff|contract|employee)"
            r"|temporary staff(?:ing)?|temp staff"
        ),
        "dispatch",
    ),
]
_EMPLOYMENT_FIELD = re.compile(r"雇用形態|employment type|job type|契約形態|employment:")

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "一": 1,
    "二": 2,
    "三": 3,
    "五": 5,
    "十": 10,
}
_YEARS = re.compile(
    r"(?:(?:実務|開発|業務|エンジニア|システム開発|社会人)?経験\s?(?P<j1>\d{1,2})\s?年(?:以上)?"
    r"|(?P<j2>\d{1,2})\s?年(?:以上|程度|超)(?:の)?(?:[^\n。]{0,25}?)?(?:経験|実務)"
    r"|(?P<e1>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s?(?:\+|plus)?\s?"
    r"(?:\(\d+\)\s?)?(?:-\s?\d{1,2}\s?)?(?:or more\s|\+\s)?years?['’]?\s?(?:\+\s)?(?:of\s)?"
    r"(?:[a-z/.#+\- ]{0,40}?\s)?(?:experience|exp\b|professional|hands-on|industry|work)"
    r"|(?:at least|minimum(?: of)?|min\.?|over|more than)\s(?P<e2>\d{1,2}|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)\+?\s?years?)"
)
_NO_EXPERIENCE = re.compile(
    r"未経験(?:可|ok|歓迎|者歓迎|からの|でも)|no (?:prior )?experience (?:is )?"
    r"(?:required|necessary|needed)|entry[- ]level|new graduates?"
)


def parse_remote(folded: str, triggers: Triggers) -> tuple[Remote | None, Span | None]:
    windows = triggers.windows("remote", 40, 40)
    if not windows:
        return None, None
    onsite = search_in(_REMOTE_ONSITE, folded, windows)
    full = search_in(_REMOTE_FULL, folded, windows)
    hybrid = search_in(_REMOTE_HYBRID, folded, windows)
    if full:
        nearby = folded[full.end() : full.end() + 40].split("\n", 1)[0]
        visit = _OFFICE_VISIT.search(nearby)
        if visit or (hybrid and abs(hybrid.start() - full.start()) < 60):
            return "hybrid", Span(full.start(), full.end() + (visit.end() if visit else 0))
        return "full", Span(full.start(), full.end())
    if hybrid and (not onsite or hybrid.start() <= onsite.start() or "常駐" not in onsite.group()):
        return "hybrid", Span(hybrid.start(), hybrid.end())
    if onsite:
        return "onsite", Span(onsite.start(), onsite.end())
    return None, None


def parse_visa(folded: str, triggers: Triggers) -> tuple[bool | None, Span | None]:
    windows = triggers.windows("visa", 70, 50)
    if not windows:
        return None, None
    no = search_in(_VISA_NO, folded, windows)
    if no:
        return False, Span(no.start(), no.end())
    yes = search_in(_VISA_YES, folded, windows)
    if yes:
        return True, Span(yes.start(), yes.end())
    return None, None


def parse_employment(
    folded: str, triggers: Triggers, title: str = ""
) -> tuple[EmploymentType | None, Span | None]:
    windows = triggers.windows("employment", 30, 40)
    field = search_in(_EMPLOYMENT_FIELD, folded, windows)
    if field:  # the 雇用形態 / Employment type line decides when there is one
        line_end = folded.find("\n", field.end())
        line = folded[field.end() : line_end if line_end >= 0 else len(folded)]
        if not line.strip(" :：\t"):  # heading on its own line: read the next line
            nxt = folded.find("\n", line_end + 1) if line_end >= 0 else -1
            base = line_end + 1
            line = folded[base : nxt if nxt >= 0 else len(folded)]
        else:
            base = field.end()
        best = _first(line, base)
        if best:
            return best
    for start, end in windows:
        found = _first(folded[start:end], start)
        if found:
            return found
    if title:
        titled = _first(title, 0)
        if titled:
            return titled[0], None
    return None, None


def _first(text: str, base: int) -> tuple[EmploymentType, Span] | None:
    hits = [(m.start(), kind, m.end()) for p, kind in _EMPLOYMENT for m in [p.search(text)] if m]
    if not hits:
        return None
    start, kind, end = min(hits)
    return kind, Span(base + start, base + end)


def parse_years(
    folded: str, sections: Sections, triggers: Triggers
) -> tuple[int | None, Span | None]:
    windows = triggers.windows("years", 40, 70)
    candidates: list[tuple[int, int, int, int]] = []  # (priority, start, end, years)
    for m in finditer_in(_YEARS, folded, windows):
        raw = next(g for g in (m.group("j1"), m.group("j2"), m.group("e1"), m.group("e2")) if g)
        years = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        if years > 30:
            continue
        where = sections.requirement_at(m.start())
        if where == "preferred":
            continue
        candidates.append((0 if where == "required" else 1, m.start(), m.end(), years))
    if candidates:
        _, start, end, years = min(candidates)
        return years, Span(start, end)
    none = search_in(_NO_EXPERIENCE, folded, windows)
    if none:
        return 0, Span(none.start(), none.end())
    return None, None
