"""Which part of a posting a position falls in: required, preferred, or neither.

Postings mark requirements with headings (必須スキル, 応募資格, Requirements, Must have)
and preferences with others (歓迎スキル, 尚可, Nice to have, Bonus points); a line can also
mark itself ("AWSの経験 (歓迎)", "Kafka is a plus"). Only lines holding a trigger word
(see ``triggers``) are tested, and positions are classified by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Literal

from kyujin.core.prefilter import first_class, prefiltered
from kyujin.core.roles import POSITION_HEADING
from kyujin.core.triggers import Triggers

Requirement = Literal["required", "preferred", "unknown"]

# (emoji too: "✅ Must have", "⭐ Nice to have", "📍 Conditions")
_DECOR = (
    r"[ \t【\[\(（<＜〈《≪«「『〔［■□◆◇●○▼▽▶►★☆※#*・\-–—=:：|>"
    # box drawing and geometric shapes: "━━ 必須要件 ━━", "◎応募条件"
    r"\u2500-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f]*"
)
_REQUIRED = (
    r"必須(?:となる|とする)?(?:スキル|要件|条件|経験|事項)?(?:・(?:経験|スキル))?|応募(?:資格|要件|条件)|求める(?:スキル|経験|人物像|こと)?(?:・経験)?"
    r"|(?:こんな(?:方|人)を?)?求めています|必要な(?:スキル|経験)"
    r"|(?:also )?required"
    r"|requirements?|must[- ]haves?|minimum qualifications|basic qualifications"
    r"|minimum requirements?(?: are| is)?|必須の(?:条件|要件|スキル)"
    r"|qualifications|what you(?:['’]ll| will)? need"
    r"|(?:what|who) (?:we|they|the client|our client|the team)(?:['’]re| are| is) looking for"
    r"|(?:job|role|position|candidate) requirements?"
    r"|who you are|こんな(?:方|人)と(?:一緒に)?働きたい"
    # translated "What we're looking for" / "Required qualifications"
    r"|(?:私たちが|我々が)?(?:探している|求めている)(?:もの|人材|人物|方)|必須の資格"
    r"|what (?:they|the client|the team) (?:need|want|expect)s?"
    r"|what we need|what we expect|what you(?:['’]ll| will)? bring|about you|your background"
    r"|(?:the )?ideal candidate|table stakes|the basics|before you apply|minimum bar"
    r"|what gets you in the door|ご経験について|こんな(?:方|人)を?お待ちしています"
    r"|マストな?(?:条件|要件)?"
    r"|応募の前に確認して(?:ほしい|いただきたい)こと"
    r"|you (?:have|should have|will have)|skills (?:and|&) experience|your (?:skills|profile)"
    r"|skills (?:and|&) requirements|requirements (?:and|&) skills|you need"
    r"|experience (?:and|&) skills|key requirements|essential(?: skills)?"
    # "■ Must" / "■ Want", the pair many Japanese postings head their lists with.
    r"|must"
    # a thread's casual pair: "Need:" / "Nice:"
    r"|need"
    # Japanese HR English: "Must skill", "Mandatory", "Necessary skills", "Application
    # qualification"
    r"|must skills?|mandatory(?: skills?| requirements?| qualifications?)?"
    r"|necessary (?:skills?|experiences?|conditions?|requirements?)"
    # "[Required Skill]", "Required skills and experience", "Mandatory qualifications"
    r"|required (?:skills?|qualifications?|experiences?)(?: (?:and|&) (?:experience|skills))?"
    r"|ひつよう\s?(?:な|の)?\s?こと"
    r"|application (?:qualifications?|requirements?)|required experiences?"
    # translated 応募資格: "Qualification requirement (essential)"
    r"|qualification(?: requirements?)?"
)
_PREFERRED = (
    r"(?:あれば|あると)?歓迎(?:スキル|要件|条件|経験|する経験)?(?:・経験)?|(?:あれば)?尚可(?:要件|条件|スキル)?"
    r"|優遇(?:スキル|条件)?"
    r"|nice[- ]to[- ]haves?|nice if you(?: have|['’]ve(?: got)?)"
    r"|preferred(?: skills| qualifications| experience)?|bonus(?: points)?"
    r"|pluses|plus|desirable|good to have|would be (?:a )?plus|ideally|extra credit|even better"
    r"|nice"
    r"|want|what would help|(?:would be )?helpful"
    r"|welcomed?(?: skills?| experiences?| requirements?)?|better to have"
    r"|(?:あれば|あると)\s?(?:うれしい|嬉しい)(?:\s?こと)?"
    r"|加点(?:要素|ポイント)?|プラスα|さらにこんな(?:経験|スキル|知識)が?あれば|preferable"
    r"|歓迎する(?:条件|スキル|要件|こと)|(?:あれば|あると)[、,]\s?(?:うれしい|嬉しい)(?:こと)?"
    r"|it would be great if|extra points?|not required,? but"
    r"|(?:it(?:['’]s| is| would be) )?a (?:big |huge )?(?:plus|bonus) if"
    r"(?: you(?: have| are| can)?)?"
    # Wantedly's pair: こんな方を求めています / こんな方だとさらに嬉しい
    r"|(?:こんな(?:方|人)(?:だと|なら|であれば|は)?)?(?:さらに|より|もっと|あると)?(?:嬉しい|うれしい)(?:です)?"
    # translated "Nice to have" / "Bonus points": 持っているとプラス, あると良い, ボーナスポイント
    r"|持っていると(?:プラス|良い|よい|いい|尚可)|(?:あると|あれば)(?:良い|よい|いい|プラス|望ましい"
    r"|尚良い|なお良い)(?:もの|こと|スキル)?|望ましい(?:スキル|経験|条件|要件)|ボーナスポイント"
    r"|プラス(?:ポイント|要素)"
)
# Headings over the employer's description of itself (see ``Sections.company``).
_COMPANY = (
    r"会社概要|企業概要|会社紹介|企業紹介|会社情報|企業情報|(?:当社|弊社|私たち|わたしたち|我々)について"
    r"|about us|about the company|who we are|our company|company (?:overview|profile|description"
    r"|info(?:rmation)?)"
)
_COMPANY_HEADING = re.compile(rf"{_DECOR}(?:{_COMPANY})")
# Headings over what the employer offers (see ``Sections.benefits``): "Benefits", 福利厚生.
_BENEFITS_HEADING = re.compile(
    rf"{_DECOR}(?:(?:待遇・)?福利厚生|各種制度|社内制度"
    # (not "What we offer": English postings list the job's terms there, with its languages
    # and visa: "- English is the team's working language; Japanese is not required")
    r"|(?:employee |perks (?:and|&) )?benefits|perks)"
)
# What ends a benefits list: a blank line, or a line opening with the job's terms.
_BENEFITS_END = re.compile(
    r"\n[ \t]*\n|^[ \t]*(?:日本語|英語|語学|japanese|english|languages?|visa|ビザ|requirements?"
    r"|必須|応募|you need|we(?:['’]re| are) looking)",
    re.MULTILINE,
)
# A line that heads what follows: one opening with a heading mark (【仕事内容】, ■, ＜, ##);
# a short line opening with a heading's word ("What you'll be doing", "Job:", 仕事内容); or
# a short line after a blank one with no sentence end ("Your role").
_NEXT_HEADING = re.compile(
    r"^[ \t]*(?:[【＜<■□◆◇▼▽▶►★☆〈《\[［]|#{1,6}\s)"
    r"|^[ \t]*(?:what|your|the (?:role|job|position|team)|who|why|how|job|role|position"
    r"|responsibilit|duties|tasks|requirement|qualification|仕事|業務|職務|募集|お任せ|ポジション"
    r"|担当|応募|必須|歓迎)[^\n]{0,38}(?<![。.!?！？、,])$"
    r"|(?<=\n\n)[ \t]*[^\s\-*•・‐●○◦▪][^\n]{0,38}(?<![。.!?！？:：、,])$",
    re.MULTILINE,
)
_OTHER = (
    r"業務内容|仕事内容|職務内容|業務詳細|給与|年収|待遇|福利厚生|勤務地|勤務時間|勤務形態|雇用形態|休日|休暇"
    r"|選考|会社概要|企業概要|募集背景|ポジション|開発環境|使用技術|技術スタック|チーム|働き方|試用期間"
    r"|about(?: us| the role| the team| the company)?|responsibilities|what you(?:'ll| will) do"
    r"|the role|role|job description|benefits|perks|salary|compensation|location|working hours"
    r"|hours|hiring process|interview process|process|our (?:tech )?stack|tech stack|team"
    r"|(?:(?:development|dev|technical|tech|technology|work(?:ing)?) )?environment"
    r"|employment type|visa|remote(?: policy)?|holidays|how to apply|why join us"
    r"|(?:working |employment |work )?conditions|terms(?: and conditions| & conditions)?"
    r"|compensation (?:and|&) (?:conditions|benefits)|what we offer|we offer|our offer"
    r"|(?:location|work(?:ing)? style)(?: (?:and|&) (?:work(?:ing)? style|location))?"
    r"|work style|勤務条件|労働条件|募集要項|待遇・福利厚生|補足|備考|注記|notes?|社内制度|各種制度"
    # the languages' own heading, after the lists: "Languages\nJapanese: fluent. English: …"
    r"|languages?(?: (?:requirements?|skills?|levels?))?|語学(?:力|要件)?|条件"
    r"|募集概要|求人概要|at a glance|(?:job )?summary|overview|key facts"
    rf"|{_COMPANY}"
)
# (a pointing or checked mark too: "必須👇", "Must have ✅"; not any emoji: "Welcome 👋")
_TAIL = (
    r"[ \t】\]\)）>＞〉》≫»」』〕］■◆●:：\-–—=|\u2500-\u257f"
    r"\u2193\u2705\u2714\u2b07\U0001f447\U0001f53d\ufe0f]*"
)
# The preference words that also label a line's own content ("Nice to have: Kafka"); not
# "bonus" or "plus" alone, which label pay ("Bonus: twice a year").
_PREFERRED_LABEL = (
    r"歓迎(?:スキル|要件|条件|経験|する経験)?(?:・経験)?|(?:あれば)?尚可(?:要件|条件|スキル)?"
    r"|優遇(?:スキル|条件)?"
    r"|nice[- ]to[- ]haves?|nice if you(?: have|['’]ve(?: got)?)"
    r"|preferred(?: skills| qualifications| experience)?|bonus points"
    r"|pluses|desirable|good to have"
)


# The characters a keyword can start with, checked before its ~200 alternatives are tried
# one by one: a line's decoration is matched greedily and given back a character at a
# time, and each time the keywords were tried again (the matches are the same).
def _lookahead(keywords: str) -> str:
    first = first_class(keywords)
    if first is None:
        raise ValueError("a keyword that can start with any character")
    return f"(?={first})"


# A language's own field in brackets ("[Japanese] Business level", 【英語】不問) is a field of
# the conditions, not an item of the list above it.
# "【その他】英語：ビジネスレベル／ビザサポートあり": a bracketed catch-all field (not a list's
# "・その他" item, which a bracket does not open)
_OTHERS_BRACKETED = r"その他(?:の)?(?:条件|情報|事項|要件)?"
_LANGUAGE_FIELD = (
    r"japanese(?: (?:level|ability|skills?))?|english(?: (?:level|ability|skills?))?"
    r"|languages?(?: (?:level|ability|skills?|requirements?))?"
    r"|(?:日本語|英語|語学)(?:力|レベル|スキル)?"
)
_KEYWORD_FIRST = _lookahead(f"{_REQUIRED}|{_PREFERRED}|{_OTHER}")
_BRACKETED_FIRST = _lookahead(
    f"{_REQUIRED}|{_PREFERRED}|{_OTHER}|{_LANGUAGE_FIELD}|{_OTHERS_BRACKETED}"
)
_LABEL_FIRST = _lookahead(f"{_REQUIRED}|{_PREFERRED_LABEL}")
# A heading is a line made of decoration, one keyword and decoration; or a keyword in
# brackets opening a line (【必須】Python 3年以上); or a requirement or preference label
# with a colon opening a line, its content after it.
_HEADING = prefiltered(
    # (a thread's post number too: "3/5 must:", "(3/4) Must:")
    rf"{_DECOR}(?:\d{{1,2}}[.)．]\s?|\d{{1,2}}/\d{{1,2}}[)）]?\s)?{_KEYWORD_FIRST}"
    rf"(?:(?P<req>{_REQUIRED})|(?P<pref>{_PREFERRED})|(?P<other>{_OTHER}))"
    # A bilingual heading names its kind twice: 【必須 / Required】, 歓迎スキル・Nice to have.
    # Or a label and its noun: "[Necessary skill / experience]", "Welcome skill / experience".
    rf"(?:\s?[/／・|]\s?(?:{_REQUIRED}|{_PREFERRED}|{_OTHER}|experiences?|skills?|経験|スキル))?{_TAIL}"
    rf"(?:\(.{{0,45}}\)|（.{{0,45}}）)?{_TAIL}$"
    rf"|[ \t]*[【\[<＜■◆]{_BRACKETED_FIRST}"
    rf"(?:(?P<req2>{_REQUIRED})|(?P<pref2>{_PREFERRED})"
    rf"|(?P<other2>{_OTHER}|{_LANGUAGE_FIELD}|{_OTHERS_BRACKETED}))"
    rf"[】\]>＞■◆:：]"
    # Or a label with its content on the same line: "Must have: 4+ years building APIs",
    # "必須：Go", "Nice to have: Kafka", and a form's row "歓迎スキル / Preferred<TAB>Kafka".
    rf"|{_DECOR}{_LABEL_FIRST}(?:(?P<req3>{_REQUIRED})|(?P<pref3>{_PREFERRED_LABEL}))"
    rf"(?:\s?[/／]\s?(?:{_REQUIRED}|{_PREFERRED}))?(?:\s?[:：]\s?|\t+|  +)\S",
)
# A conditions field with its value on one line ("雇用形態：正社員", "Salary: ¥8M") ends the
# list before it: it is a condition of the job, not an item of a requirements list.
CONDITION_FIELD = prefiltered(
    rf"{_DECOR}(?:雇用形態|給与|年収|想定年収|勤務地|勤務時間|勤務形態|休日|休暇|福利厚生|待遇|試用期間"
    r"|employment(?: type)?|job type|salary|pay|compensation|location|working hours|benefits"
    r"|holidays|remote(?: policy)?|visa(?: sponsorship)?"
    # the stack the team uses, not what the list before it asks ("開発環境　　：C#、SQL Server")
    r"|開発環境|使用技術|技術スタック|(?:development |dev |tech(?:nical)? )?environment"
    r"|(?:our )?tech(?:nology)? stack)[ \t]{0,8}[:：]\s?\S"
)
# The languages as a field of their own, opening a line with no bullet ("Language: Japanese
# 日常会話 / English TOEIC 800+" after the lists): it ends the list above; "- Language: N2" is
# an item of it.
_LANGUAGE_LINE = re.compile(
    r"[ \t]*(?:[■◆●□◇▼【\[][ \t]*)?"
    r"(?:(?:languages?|語学|言語)(?: requirements?| skills?| levels?|力|要件)?"
    # a bilingual label: "■ 語学 / Languages:", "英語 / English:"
    r"(?:[ \t]?[/／][ \t]?(?:languages?|語学|言語))?"
    r"|(?:日本語|英語)(?:力)?[ \t]?[/／][ \t]?(?:japanese|english)(?: level| skills?)?)"
    r"[ \t]?[】\]]?[ \t]?[:：][ \t]?\S"
)
# A label inside a line whose line breaks were lost ("… Requirements: Min. 1 yr … Preferred:
# 3 years … Conditions: 正社員 …"): each opens a section where it stands.
_MIDLINE_LABEL = re.compile(
    rf"(?<![^\s.。、,;!|)）])(?:(?P<req>{_REQUIRED})|(?P<pref>{_PREFERRED_LABEL})|(?P<other>{_OTHER}))"
    r"\s?[:：]"
    # or after a mark that opens a label: "…■必須・Java 3年以上・SQL■歓迎・…"
    rf"|[■◆●【](?:(?P<req2>{_REQUIRED})|(?P<pref2>{_PREFERRED_LABEL})|(?P<other2>{_OTHER}))"
    r"(?=[】・:：\s])"
)
# A line of a list of fields: "・経験年数：Java 4年以上", "- Location: Tokyo" (a short label).
_FIELD_LINE = re.compile(r"[ \t・\-*•■◆●◇□▪]*[^\s:：・\-*•][^\n:：]{0,11}\s?[:：]\s?\S")
_PAREN_KIND = re.compile(
    r"[(（]\s?(?:(?P<pref>welcome|preferred|nice to have|optional|歓迎|尚可)"
    r"|essential|required|mandatory|must|必須)\s?[)）]"
)
_MIDLINE_LABELS = 2  # labels a line needs to be read as several sections
_MAX_HEADING = 60  # characters: a longer line is content, not a heading
_MAX_BRACKETED = 300  # 【給与】年収... : a bracketed heading may carry its content
# Marks inside a line that make the line a preference (or a requirement).
_INLINE_PREFERRED = prefiltered(
    r"[(（\[【](?:歓迎|尚可|優遇|optional|preferred|nice to have|plus|bonus)[)）\]】]"
    r"|(?:経験|知見|知識|スキル|者|方|資格)(?:が?あれば|は)?(?:尚可|歓迎|優遇)"
    r"|(?:is|are|would be|will be|as) (?:a )?(?:big |huge |strong )?(?:plus|bonus|advantage)"
    r"|nice to have|preferred|a plus\b|desirable|not required but|is helpful",
)
_INLINE_REQUIRED = re.compile(r"[(（\[【](?:必須|required|must)[)）\]】]")


# A rule across the page ("---", "━━━━") after a blank line ends the list above it: the
# posts of a thread, a chat's messages. (Not a Markdown heading's underline: "Requirements\n---"
# has no blank line before it.)
_RULE = re.compile(r"[ \t]*(?:-{3,}|={3,}|_{3,}|\*{3,}|─{3,}|━{3,}|―{3,}|ー{3,}|・{3,})[ \t]*$")


# A thread's post number opening a line ("【3/4】", "(2/5) The basics:", "4/5 comp: ..."): a new
# post, which ends the list of the post before it.
_POST_MARK = (
    r"[ \t]*(?:[【(\[](?P<n>\d{1,2})/(?P<m>\d{1,2})[】)\]]"
    r"|(?P<n2>\d{1,2})/(?P<m2>\d{1,2})(?=[ \t]|$))"
)
_POST_NUMBER = re.compile(_POST_MARK)
# Every post number opening a line, to tell a thread (1/4 … 2/4 … 3/4) from a line that opens
# with a date, a share or "24/7".
_POST_NUMBERS = re.compile("^" + _POST_MARK, re.MULTILINE)


def _post_total(post: re.Match[str]) -> str:
    return post.group("m") or post.group("m2")


def _thread_posts(folded: str) -> frozenset[str]:
    """The denominators of a thread's post numbers: at least two lines open with n/m, n <= m,
    of one m ("【1/4】", "(2/4) The basics:", "3/4")."""
    counts: dict[str, set[str]] = {}
    for m in _POST_NUMBERS.finditer(folded):
        n, total = m.group("n") or m.group("n2"), _post_total(m)
        if 2 <= int(total) <= 20 and 1 <= int(n) <= int(total):
            counts.setdefault(total, set()).add(n)
    return frozenset(total for total, ns in counts.items() if len(ns) >= 2)


_ITEM_NEXT = re.compile(r"\s*(?:[-*•・●▪]|\d{1,2}[.)．])[ \t]*\S")


def is_rule(folded: str, line_start: int, line_end: int) -> bool:
    """The line [line_start, line_end) is a rule with a blank line (or nothing) above it,
    and the list does not go on below it (a PDF's page break inside a list)."""
    if _RULE.match(folded, line_start, line_end) is None:
        return False
    above = folded.rfind("\n", 0, max(0, line_start - 1)) + 1
    if line_start > 0 and folded[above : line_start - 1].strip():
        return False
    below = line_end + 1
    below_end = folded.find("\n", below)
    if below_end > 0 and folded[below:below_end].strip() == folded.lstrip().split("\n", 1)[0]:
        below = below_end + 1  # a page break: its header line repeats the text's first
    return _ITEM_NEXT.match(folded, below - 1) is None


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


@dataclass(frozen=True, slots=True)
class Sections:
    """Heading positions and the requirement each opens, plus self-marked lines."""

    text: str
    starts: list[int]
    kinds: list[Requirement]
    preferred_lines: frozenset[int]
    required_lines: frozenset[int]
    # Starts of headings over the company's description of itself (会社概要, About us): what
    # such a section names is what the employer does, not what it asks.
    company: frozenset[int] = frozenset()
    # Lines that ask and wish in one ("Must: Kubernetes, Terraform; Bonus: Go", "Kotlin・Spring
    # Bootの実務経験必須、Androidアプリ開発経験歓迎"): line start -> (clause starts, each
    # clause's requirement or None when it names none)
    mixed: Mapping[int, tuple[list[int], list[Requirement | None]]] = field(default_factory=dict)
    # Starts of headings over what the employer offers (Benefits, 福利厚生): a language or a
    # domain named there ("Free German classes", "Healthcare") is offered, not asked.
    benefits: frozenset[int] = frozenset()

    def company_ranges(self) -> list[tuple[int, int]]:
        """[start, end) of each company-description section: to the next heading of any
        kind (most headings over duties, 主な業務 or お任せしたいこと, open no requirement
        section and are not among ``starts``), or the next heading-like line."""
        return self._ranges(self.company)

    def benefit_ranges(self) -> list[tuple[int, int]]:
        """[start, end) of each benefits section, bounded as ``company_ranges`` and, tighter,
        by a blank line or a line stating the job's terms ("Japanese level: Fluent",
        日本語レベル：N1, "Visa sponsorship: Yes"): a list of benefits is one block."""
        return self._ranges(self.benefits, _BENEFITS_END)

    def _ranges(
        self, heading_starts: frozenset[int], also_ends: re.Pattern[str] | None = None
    ) -> list[tuple[int, int]]:
        ranges: list[tuple[int, int]] = []
        text = self.text
        for start in sorted(heading_starts):
            at = bisect_right(self.starts, start)
            end = self.starts[at] if at < len(self.starts) else len(text)
            body = text.find("\n", start, end) + 1
            if body:
                for ending in (_NEXT_HEADING, also_ends):
                    stop = ending.search(text, body, end) if ending is not None else None
                    if stop is not None:
                        end = stop.start()
            ranges.append((start, end))
        return ranges

    def requirement_at(self, position: int) -> Requirement:
        if self.mixed:
            line = self.text.rfind("\n", 0, position) + 1
            clauses = self.mixed.get(line)
            if clauses is not None:
                kind = clauses[1][bisect_right(clauses[0], position) - 1]
                if kind is not None:
                    return kind
        if self.preferred_lines or self.required_lines:
            line = self.text.rfind("\n", 0, position) + 1
            if line in self.preferred_lines:
                return "preferred"
            if line in self.required_lines:
                return "required"
        at = bisect_right(self.starts, position) - 1
        return self.kinds[at] if at >= 0 else "unknown"

    def requirements_at(self, positions: list[int]) -> list[Requirement]:
        """``requirement_at`` of each position; without self-marked lines (most postings)
        one bisection each in a comprehension, not a method call each."""
        if self.preferred_lines or self.required_lines or self.mixed:
            return [self.requirement_at(position) for position in positions]
        starts = self.starts
        kinds: list[Requirement] = ["unknown", *self.kinds]  # before the first heading
        return [kinds[bisect_right(starts, position)] for position in positions]


def find_sections(folded: str, triggers: Triggers | None = None) -> Sections:
    triggers = triggers or Triggers(folded)
    starts: list[int] = []
    kinds: list[Requirement] = []
    seen: set[int] = set()
    headings: set[int] = set()
    company: set[int] = set()
    benefits: set[int] = set()
    field_ends: list[int] = []
    threads: frozenset[str] | None = None  # read once, when a line opens with a post number
    line_end = -1
    for position, _ in triggers.windows("heading", 0, 1):
        if folded.startswith("\n", position):
            position += 1  # a post number's trigger holds the newline before it
        if position < line_end:
            continue  # on the line just read (positions are in order): no second scan of it
        line_start, line_end = _line_bounds(folded, position)
        if line_start in seen:
            continue
        seen.add(line_start)
        post = _POST_NUMBER.match(folded, line_start, line_end)
        if (
            post is not None
            and (
                line_end - line_start > _MAX_HEADING
                or _HEADING.match(folded, line_start, line_end) is None
            )
            and _post_total(post)
            in (threads := _thread_posts(folded) if threads is None else threads)
        ):
            headings.add(line_start)
            starts.append(line_start)
            kinds.append("unknown")
            continue
        if line_end - line_start > _MAX_HEADING and _midline_sections(
            folded, line_start, line_end, starts, kinds
        ):
            headings.add(line_start)
            continue
        if line_end - line_start > _MAX_BRACKETED:
            continue
        match = _HEADING.match(folded, line_start, line_end)
        if match is None and (
            CONDITION_FIELD.match(folded, line_start, line_end)
            or is_rule(folded, line_start, line_end)
            or _LANGUAGE_LINE.match(folded, line_start, line_end)
        ):
            headings.add(line_start)
            starts.append(line_start)
            kinds.append("unknown")
            continue
        if match is None or (
            line_end - line_start > _MAX_HEADING
            and not (match.lastgroup or "").endswith(("2", "3"))
        ):
            continue
        group = match.lastgroup or "other"
        if group.endswith("3"):
            # "・尚可スキル：DynamoDB\n・経験年数：Java 4年以上": in a list of fields, the
            # label with its content heads its own line only
            next_start = line_end + 1
            next_end = folded.find("\n", next_start)
            next_end = len(folded) if next_end < 0 else next_end
            if next_start < len(folded) and _FIELD_LINE.match(folded, next_start, next_end):
                field_ends.append(next_start)
        if group.startswith("other"):
            if _COMPANY_HEADING.match(folded, line_start, line_end):
                company.add(line_start)
            elif _BENEFITS_HEADING.match(folded, line_start, line_end):
                benefits.add(line_start)
        headings.add(line_start)
        starts.append(line_start)
        kind: Requirement = (
            "required"
            if group.startswith("req")
            else "preferred"
            if group.startswith("pref")
            else "unknown"
        )
        if kind != "unknown" and (
            "(" in folded[line_start:line_end] or "（" in folded[line_start:line_end]
        ):
            # its own kind in parentheses: "Qualification requirement (welcome):"
            marked = _PAREN_KIND.search(folded, line_start, line_end)
            if marked is not None:
                kind = "preferred" if marked.group("pref") else "required"
        kinds.append(kind)
    field_ends = [start for start in field_ends if start not in headings]
    if field_ends:
        starts, kinds = _merged(starts, kinds, field_ends, "unknown")
    if triggers.any("positions"):
        # the heading of one position in a posting that lists several ("Position 2 –
        # Backend Engineer"): what its list asks is required
        blocks: list[int] = []
        for block in POSITION_HEADING.finditer(folded):
            if block.start() not in seen:
                seen.add(block.start())
                headings.add(block.start())
                blocks.append(block.start())
        if blocks:
            starts, kinds = _merged(starts, kinds, blocks, "required")
    fields: list[tuple[int, int, Requirement]] = []
    if '":' in folded or '" :' in folded or "=" in folded or "</" in folded or "_" in folded:
        # (an export's marks: a quoted key, KEY=value, a closing tag, a snake_case key; a
        # plain "Requirements:" line is a heading, found above)
        fields = _field_sections(folded, triggers)
        if fields:
            starts, kinds = _with_fields(starts, kinds, fields)
    field_value_ends = [end for _, end, _ in fields]  # in order: the values do not overlap
    preferred: set[int] = set()
    required: set[int] = set()
    mixed: dict[int, tuple[list[int], list[Requirement | None]]] = {}
    checked: set[int] = set()
    line_end = -1
    for position, _ in triggers.windows("inline", 0, 1):
        if position < line_end:
            continue  # on the line just read
        line_start, line_end = _line_bounds(folded, position)
        if line_start in checked or line_start in headings:
            continue
        checked.add(line_start)
        if fields:
            # a line that holds an export's field: the field's key says what it asks
            # ('"requirements": [...], "preferred": [...]' on one line of JSON)
            at = bisect_right(field_value_ends, line_start)
            if at < len(fields) and fields[at][0] < line_end:
                continue
        clauses = _clause_marks(folded, line_start, line_end)
        if clauses is not None:
            mixed[line_start] = clauses
        elif _INLINE_PREFERRED.search(folded, line_start, line_end):
            preferred.add(line_start)
        elif _INLINE_REQUIRED.search(folded, line_start, line_end):
            required.add(line_start)
    return Sections(
        folded,
        starts,
        kinds,
        frozenset(preferred),
        frozenset(required),
        frozenset(company),
        mixed,
        frozenset(benefits),
    )


# A line's clauses: split at sentence ends, semicolons, bars, slashes and 、.
_CLAUSE_SPLIT = re.compile(r"(?P<end>[。!?！？]|\.\s)|[;；|/、]|\s[-–—]\s")
# (not a mark negated, nor a section's name quoted: 'no longer required', 必須ではありません,
# 'moved from "Requirements" to …')
_MARK_REQUIRED = re.compile(
    r"必須(?!では|でない)|(?<![a-z\"“「'])(?<!not )(?<!no longer )(?<!n't )(?<!not a )"
    r"(?:must|requires?|required|requirements?|needs?|needed)(?![a-z])|応募資格"
)
_MARK_PREFERRED = re.compile(
    r"歓迎|尚可|優遇|望ましい|(?<![a-z\"“「'])(?:nice|bonus|plus|preferred|desirable|ideally"
    r"|advantage)(?![a-z])"
)
_LABEL_END = re.compile(r"\s?(?:to have|have)?\s?[:：]")
_OTHER_FIELD = re.compile(r"\s*[^\s:：/|]{1,20}\s?[:：]")  # "english: business", "雇用形態:"
_LEADING = 12  # characters into a clause within which a mark labels what follows it


def _clause_marks(
    folded: str, line_start: int, line_end: int
) -> tuple[list[int], list[Requirement | None]] | None:
    """Each clause's requirement on a line that both asks and wishes, or None for a line
    that does not. A mark opening its clause ("Must: A, B", "Bonus: C") carries on to the
    clauses after it, to the sentence's end or another field; one closing it (Japanese:
    "A、Bの経験必須") covers the clauses before it in the same list (joined by 、)."""
    if folded.startswith("|", line_start) or not (
        _MARK_REQUIRED.search(folded, line_start, line_end)
        and _MARK_PREFERRED.search(folded, line_start, line_end)
    ):
        return None  # (a table's row has its own columns)
    starts = [line_start]
    joins: list[str] = []  # how each clause ends: "sentence", "list" (、) or "item"
    for split in _CLAUSE_SPLIT.finditer(folded, line_start, line_end):
        starts.append(split.end())
        joins.append(
            "sentence" if split.group("end") else "list" if split.group() == "、" else "item"
        )
    ends = [*starts[1:], line_end]
    joins.append("sentence")
    kinds: list[Requirement | None] = []
    pending: list[int] = []
    carry: Requirement | None = None
    for start, end, join in zip(starts, ends, joins, strict=True):
        required = _MARK_REQUIRED.search(folded, start, end)
        wished = _MARK_PREFERRED.search(folded, start, end)
        mark = min(
            (m for m in (required, wished) if m is not None), key=lambda m: m.start(), default=None
        )
        if mark is None:
            if carry is not None and _OTHER_FIELD.match(folded, start, end):
                carry = None  # another field: "english: business"
            kinds.append(carry)
            if carry is None:
                pending.append(len(kinds) - 1)
        else:
            kind: Requirement = "required" if mark is required else "preferred"
            kinds.append(kind)
            leading = mark.start() - start <= _LEADING and (
                _LABEL_END.match(folded, mark.end()) is not None or mark.start() - start <= 2
            )
            if leading:
                carry = kind
            else:
                for index in pending:
                    kinds[index] = kind
                carry = None
            pending = []
        if join != "list":
            pending = []  # a closing mark reaches back only within a list joined by 、
        if join == "sentence":
            carry = None
    return starts, kinds


# An export's field that holds what the job asks or wishes: JSON's "requirements": [...],
# "nice_to_have": [...], "qualifications": "…", YAML's nice_to_have: with its items below,
# INI's 必須=…, XML's <preferred_skills>…</preferred_skills>. Its section ends with its value.
_REQUIRED_KEY = (
    r"(?:(?:minimum|basic|hard|job|key|mandatory|required|must|candidate)[_ .-]?)?"
    r"(?:requirements?|qualifications?)"
    r"|required(?:[_ .-]?(?:skills?|qualifications?|experiences?))?|must(?:[_ .-]?haves?)?"
    r"|mandatory(?:[_ .-]?skills?)?|skills?[_ .-]?required"
    r"|必須(?:スキル|要件|条件|経験)?|応募(?:資格|要件|条件)"
)
_PREFERRED_KEY = (
    # (not "bonus" or "plus" alone: "bonus: twice a year" is pay)
    r"(?:preferred|desired|optional|nice[_ .-]?to[_ .-]?haves?|good[_ .-]?to[_ .-]?haves?"
    r"|pluses|bonus[_ .-]?points)(?:[_ .-]?(?:skills?|qualifications?|experiences?|requirements?))?"
    r"|(?:skills?|qualifications?)[_ .-]?(?:preferred|desired|optional)"
    r"|歓迎(?:スキル|要件|条件|経験)?|尚可(?:スキル|要件)?|優遇(?:スキル|条件)?"
)
_FIELD_KEY = re.compile(
    rf"[ \t]*(?:-[ \t]+)?(?P<quote>[\"']?)(?:[\w.]{{0,30}}[._])?"
    rf"(?:(?P<req>{_REQUIRED_KEY})|(?P<pref>{_PREFERRED_KEY}))(?P=quote)[ \t]*[:=：][ \t]*"
)
_XML_FIELD = re.compile(
    rf"<(?P<tag>(?:(?P<req>{_REQUIRED_KEY})|(?P<pref>{_PREFERRED_KEY})))(?:\s[^<>]*)?>"
)
# What follows the trigger word of a key: the rest of the key, then its separator.
_KEY_TAIL = re.compile(r"[\w .-]{0,30}[\"']?[ \t]*[:=：>]")
_MAX_FIELD = 4000  # characters a field's value is followed for its end


def _field_sections(folded: str, triggers: Triggers) -> list[tuple[int, int, Requirement]]:
    """[start, end) and requirement of each export field that asks or wishes (see above)."""
    found: list[tuple[int, int, Requirement]] = []
    reach = 0  # the end of the last field's value: a key inside it is part of that value
    line_start = last = 0
    words = sorted(triggers.windows("heading", 0, 1) + triggers.windows("inline", 0, 1))
    for position, _ in words:
        if position < reach or not _KEY_TAIL.match(folded, position):
            continue  # (most: a word in prose, no separator right after it)
        # the line's start, looked for only since the last position (one long line of JSON
        # holds many keys)
        line_start = max(line_start, folded.rfind("\n", last, position) + 1)
        last = position
        # a key opens its line (YAML, INI, pretty-printed JSON) or follows "{", "," or "["
        # on a line of JSON
        quote = folded.rfind('"', max(line_start, reach, position - 31), position)
        for at in (line_start, quote):
            if at < reach or (
                at != line_start
                and folded[max(line_start, at - 8) : at].rstrip()[-1:] not in ("{", ",", "[")
            ):
                continue
            key = _FIELD_KEY.match(folded, at)
            if key is not None:
                reach = _value_end(folded, key.end(), at if at == line_start else -1)
                kind: Requirement = "required" if key.group("req") else "preferred"
                found.append((key.start(), reach, kind))
                break
        else:
            tag_start = folded.rfind("<", max(line_start, reach, position - 31), position)
            tag = _XML_FIELD.match(folded, tag_start) if tag_start >= 0 else None
            if tag is not None:
                close = folded.find(f"</{tag.group('tag')}>", tag.end(), tag.end() + _MAX_FIELD)
                reach = close if close >= 0 else _line_bounds(folded, tag.end())[1]
                found.append((tag_start, reach, "required" if tag.group("req") else "preferred"))
    return found


_BRACKET_OR_QUOTE = re.compile(r'["\[\]{}\n]|\\.')


def _value_end(folded: str, at: int, line_start: int) -> int:
    """Where the value starting at ``at`` ends: its closing bracket or quote, the end of its
    line, or (YAML, a key alone on its line at ``line_start``) the end of the lines indented
    under it and the items at its own indent."""
    limit = min(len(folded), at + _MAX_FIELD)
    opening = folded[at : at + 1]
    if opening in ("[", "{", '"'):
        depth = 0
        in_string = False
        for m in _BRACKET_OR_QUOTE.finditer(folded, at, limit):
            c = m.group()
            if len(c) == 2:  # an escaped character
                continue
            if c == '"':
                in_string = not in_string
                if not in_string and depth == 0:
                    return m.end()  # a string value's closing quote
            elif c == "\n":
                in_string = False  # a JSON string does not span lines
            elif in_string:
                continue
            elif c in "[{":
                depth += 1
            else:
                depth -= 1
                if depth <= 0:
                    return m.end()
        return limit
    line_end = _line_bounds(folded, at)[1]
    if line_start < 0 or folded[at:line_end].strip() not in ("", "|", ">", "|-", ">-"):
        return line_end
    indent = len(folded[line_start:at]) - len(folded[line_start:at].lstrip(" \t-"))
    end = line_end
    while end < limit:
        next_end = _line_bounds(folded, end + 1)[1]
        line = folded[end + 1 : next_end]
        stripped = line.lstrip(" \t")
        if stripped:
            own = len(line) - len(stripped)
            if own < indent or (own == indent and not stripped.startswith("- ")):
                break
        end = next_end
    return end


def _with_fields(
    starts: list[int], kinds: list[Requirement], fields: list[tuple[int, int, Requirement]]
) -> tuple[list[int], list[Requirement]]:
    """``starts`` with each field's section: its kind from its key, and after its value what
    was in force before it. At one position the field's start wins over a heading, and a
    heading over a field's end."""
    merged: list[tuple[int, int, Requirement]] = [
        (start, 1, kind) for start, kind in zip(starts, kinds, strict=True)
    ]
    for start, end, kind in fields:
        at = bisect_right(starts, start) - 1
        before: Requirement = kinds[at] if at >= 0 else "unknown"
        merged.append((start, 2, kind))
        merged.append((end, 0, before))
    merged.sort(key=lambda item: (item[0], item[1]))
    return [start for start, _, _ in merged], [kind for _, _, kind in merged]


def _merged(
    starts: list[int], kinds: list[Requirement], more: list[int], kind: Requirement
) -> tuple[list[int], list[Requirement]]:
    """``starts`` (in order) with ``more`` (in order, each of ``kind``) merged in by one
    sort: inserting each into the lists took 5 s for 1 MB of headings. The sort is stable,
    so a position in both keeps the one of ``starts`` first, as insertion did."""
    merged = sorted(
        zip([*starts, *more], [*kinds, *[kind] * len(more)], strict=True), key=itemgetter(0)
    )
    return [start for start, _ in merged], [k for _, k in merged]


def _midline_sections(
    folded: str, line_start: int, line_end: int, starts: list[int], kinds: list[Requirement]
) -> bool:
    """Sections opened by the labels inside one long line, when it holds two or more and
    one of them is a requirement or preference label; False (nothing added) otherwise."""
    marks = sum(folded.count(c, line_start, line_end) for c in ":：■◆●【")
    if marks < _MIDLINE_LABELS:
        return False
    labels = list(_MIDLINE_LABEL.finditer(folded, line_start, line_end))
    found = [(m.lastgroup or "other").rstrip("2") for m in labels]
    if len(labels) < _MIDLINE_LABELS or all(kind == "other" for kind in found):
        return False
    for m, kind in zip(labels, found, strict=True):
        starts.append(m.start())
        kinds.append("required" if kind == "req" else "preferred" if kind == "pref" else "unknown")
    return True


# A text that opens with its job title in English: a few title words ending in a role noun
# ("Senior Java Developer", "Software Engineer - Java", "Backend Engineer ( Python )").
_ROLE_NOUN = (
    r"(?:developers?|engineers?|programmers?|architects?|designers?|leads?|managers?"
    r"|specialists?|analysts?|administrators?|consultants?|scientists?|testers?|sre"
    r"|associates?)"
)
_TITLE_WORD = r"(?:[A-Z0-9]|[a-z][A-Z])[A-Za-z0-9+#./&-]*"
# Between title words: a space, or a separator with spaces ("AI / Machine Learning Senior
# Associate", "Acme Cloud - Site Reliability Engineer"); "and", "of", "for" and "with" join
# title words after the role noun ("- Commercial Data and Analytics", "with Kubernetes-Focus").
_TITLE_GAP = r"[ \t]+(?:[-/|&\u2013\u2014][ \t]+)?"
_TITLE_JOIN = r"(?:[ \t]*[/,&][ \t]*|[ \t]+(?:(?:and|of|for|with)[ \t]+)?)"
_LEADING_TITLE = re.compile(
    # title words are capitalised (Senior, QA, Full-Stack) or read like iOS: not a sentence
    r"[ \t]*(?:" + _TITLE_WORD + _TITLE_GAP + r"){0,6}(?i:" + _ROLE_NOUN + r")\b"
    # what the title goes on with: its stack or team in parentheses or after a dash or bar
    # ("( JavaScript / React )", "- Java", "| React JS Developer", "with Kubernetes-Focus")
    r"(?:[ \t]*(?:\([^()\n]{0,60}\)|(?:[-|:\u2013\u2014]|with)[ \t]*"
    + _TITLE_WORD
    + r"(?:"
    + _TITLE_JOIN
    + _TITLE_WORD
    + r")*))*"
    # ... and not a sentence: "On-call engineers must react" opens no title; nor a word cut
    # short ("Python Developer with 3+ years" is no title ending at "3").
    r"(?![ \t]*[a-z])(?![A-Za-z0-9+#&])"
)


def leading_title_end(text: str) -> int:
    """Where the job title a text opens with ends, or 0 when it opens otherwise.

    Skills named in a title say what the role is about; like a title passed on its own
    (``extract(..., title=...)``) they are not mentions of skills the posting asks for. The
    title is the start of the first line up to its role noun, with what follows it on that
    line in title punctuation ("( JavaScript / React )", "- Java"); it ends at a sentence or
    at anything else (a Japanese title is not recognised).
    """
    m = _LEADING_TITLE.match(text, 0, min(len(text), 200))
    if m is None:
        return 0
    line_end = text.find("\n", 0, m.end())
    return m.end() if line_end < 0 else line_end


# "Role: DevOps" in a header of fields (Stack Overflow's "Job type: Full-time Experience
# level: Senior Role: DevOps Industry: Banking"): the job's category, context like a title.
# Not "The Role: you will build ..." (a heading over prose): the value must be short and end
# at the next field or the line's end.
_ROLE_FIELD = re.compile(r"(?:Role|職種)[ \t]?[:：][ \t]?")
_NOT_A_ROLE_FIELD = ("the ", "The ", "your ", "Your ")  # "The Role:" heads prose
_ROLE_FIELD_END = re.compile(
    r"[ \t]*(?:\b(?:Industry|Technologies|Company size|Company type|Job description"
    r"|Experience level|Job type)\b|\n|$)"
)
_MAX_ROLE_FIELD = 40  # characters: "Mobile Developer System Administrator" is 37


def role_fields(text: str) -> list[tuple[int, int]]:
    """The values of ``Role:`` fields, as (start, end) spans."""
    spans: list[tuple[int, int]] = []
    for word in ("Role", "職種"):
        at = text.find(word)
        while at >= 0:
            m = _ROLE_FIELD.match(text, at)
            if (
                m is not None
                and (at == 0 or not text[at - 1].isalnum())
                and not text.endswith(_NOT_A_ROLE_FIELD, 0, at)
            ):
                end = _ROLE_FIELD_END.search(text, m.end(), m.end() + _MAX_ROLE_FIELD + 30)
                if end is not None and end.start() - m.end() <= _MAX_ROLE_FIELD:
                    spans.append((m.end(), end.start()))
            at = text.find(word, at + 1)
    return spans
    return spans
