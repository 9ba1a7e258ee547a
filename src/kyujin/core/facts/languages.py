"""Required Japanese and English levels.

A level phrase (JLPT N2, ビジネスレベル, 日常会話, native, TOEIC 800) belongs to the language
word nearest before it in the same clause (日本語：ビジネスレベル, "Japanese: business level"),
or after it ("business-level Japanese"). A clause ends at a sentence break (; 。 . ! ?) or
where the other language is named, so "Japanese: N2, English: not required" gives each
language its own level. A language named only as a plus (歓迎, "a plus", "preferred", or a
line under a 歓迎 / Nice-to-have heading) is not required: level ``none``. A line under a
conditions heading (待遇, Conditions, What we offer, ...) that follows the preferred list
states a requirement again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kyujin.core.model import EnglishLevel, JapaneseLevel, Span
from kyujin.core.prefilter import prefiltered
from kyujin.core.ranges import RangeSet
from kyujin.core.roles import OTHER_OPENING, THIS_ROLE
from kyujin.core.sections import CONDITION_FIELD, Sections, is_rule
from kyujin.core.text import line_end
from kyujin.core.triggers import Triggers, finditer_in, search_in

_LANGUAGE = prefiltered(
    r"(?P<ja>日本語能力試験|日本語|japanese|jlpt|にほんご"
    # the labels of one-line summaries: "JP: N2", "JP N1↑", "EN: business", "EN basic"
    r"|(?<![a-z0-9./@_-])jp(?=\s?[:：]|\s(?:n[1-5]|native|business|fluent|conversational|basic"
    r"|not (?:required|needed|necessary)|required|optional|needed)))"
    r"|(?P<en>英語|english|toeic|toefl|ielts|英会話|英検"
    r"|(?<![a-z0-9./@_-])en(?=\s?[:：]|\s(?:native|business|fluent|conversational|basic"
    r"|not (?:required|needed|necessary)|required|optional)))"
)
# "Japanese" naming something other than the language: a Japanese company, non-Japanese staff.
_NOT_LANGUAGE_BEFORE = re.compile(r"non[- ]?$")
_NOT_LANGUAGE_AFTER = re.compile(
    r"^[- ]?(?:compan(?:y|ies)|entity|entities|subsidiar(?:y|ies)|customers?|clients?|market|"
    r"users?|government|cit(?:y|ies)|law|holidays?|staff|employees?|nationals?|citizens?|"
    r"residents?|text|speakers?|culture|corporations?|firms?|startups?|enterprises?|"
    r"(?:work(?:ing)? )?visas?|engineers?|colleagues|members|people|office|branch|"
    r"headquarters|business (?:culture|practices|etiquette|manners|hours)|businesses|"
    r"smes?|smbs?|banks?|regional|manufactur(?:ers?|ing)|retailers?|brands?|automakers?|"
    r"organi[sz]ations?|partners?|conglomerates?|society|economy|studios?|social|insurance|"
    r"pension|tax(?:es)?|yen|publishers?|consumers?|audiences?|hospitals?|banking|"
    r"clinics?|schools?|universit(?:y|ies)|restaurants?|food|cuisine|traditions?|"
    # "Japanese labour-law basics", "Japanese accounting rules"
    r"labou?r|regulations?|regulatory|accounting|payroll|compliance|standards?"
    # lessons the employer offers: "free German language courses", "Spanish classes"
    r"|(?:language |conversation )?(?:class(?:es)?|courses?|lessons?|tuition|tutoring|schools?))\b"
    # "Japanese business partners": not "Japanese business level", "… business-level",
    # "Japanese business and daily conversation"
    r"|^[- ]?business\s(?!level|proficiency|fluency|conversation|communication|skills?|use"
    r"|usage|or\b|and\b|japanese|english)[a-z]"
    # a school, service or lesson named for the language (英会話スクールを運営, 日本語教室)
    # or a version of the posting in it: "日本語版と英語版で内容が異なる場合"
    r"|^(?:スクール|教室|学校|サービス|事業|アプリ|レッスン|講師|サロン|カフェ|プラットフォーム|版|講座"
    r"|コース|学習サービス"
    r"|コーチング|の運営|を運営"
    r"|ビジネス(?!レベル|level|会話|で|上|程度|スキル|英語|日本語|の場|[、,。/|・\s)）]|$))"
)
# "Japanese subscription businesses", "English-speaking enterprise customers": a word between
# the language and the organisations it qualifies (not a level word: "Japanese business level")
_QUALIFIED_PLURAL = re.compile(
    r"[- ](?!(?:level|native|fluent|business|conversational|and|or|is|are|at|in|to|for|with"
    r"|required|skills?|ability|proficiency)\b)[a-z]+ (?:businesses|companies|customers|clients"
    r"|users|merchants|enterprises|firms|startups|banks|retailers|brands|manufacturers|partners"
    r"|publishers|studios|hospitals|universities|schools|restaurants)\b"
)
_LANGUAGE_VERSION_MARK = re.compile(r"[ \t]*[\[【(（<＜]?[ \t]*$")
_LEVEL_BELOW = re.compile(
    r"レベル|level|ネイティブ|native|toeic|toefl|ielts|jlpt|(?<![a-z])n[1-5](?![0-9])|不問|不要|必須"
    r"|required|fluent|business|conversational|日常会話|ビジネス|流暢|堪能|読み書き"
)
_LANGUAGE_VERSION_END = re.compile(r"[ \t]*[\]】)）>＞]?[ \t]*(?:\n|$)")


# The language named as not needed: "Japanese not required", "Japanese: none", 日本語不問.
_NOT_NEEDED_AFTER = re.compile(
    r"\s?(?:language|skills?|ability|proficiency|力|能力|スキル)?\s?(?:[:：]\s?)?(?:(?:is|are)\s)?"
    r"(?:not (?:required|necessary|needed|a requirement)|none\b(?!\s+of\b)|n/a\b|unnecessary"
    r"|(?:は|も)?(?:不問|不要|必要(?:ありません|ない|なし)|問いません|求めません))"
)


def _an_adjective(folded: str, start: int, end: int) -> bool:
    """The language name at [start, end) qualifies something else: "Japanese companies",
    "non-Japanese staff", "our English speakers" (not "a native English speaker", which asks
    for the language)."""
    if _NOT_LANGUAGE_BEFORE.search(folded, max(0, start - 4), start):
        return True
    if _QUALIFIED_PLURAL.match(folded, end, end + 40):
        return True  # "1,800 Japanese subscription businesses"
    after = _NOT_LANGUAGE_AFTER.match(folded[end : end + 40])
    return after is not None and not (
        after.group(0).strip(" -").startswith("speaker")
        and _NATIVE_SPEAKER.search(folded, max(0, start - 20), start) is not None
    )


def names_something_else(folded: str, start: int, end: int) -> bool:
    """The language name at [start, end) is an adjective of something else ("Japanese
    companies", "Japanese support", "non-Japanese staff"), or marks a language version of
    the posting on a line of its own ("[English]", "【日本語】"), or is named as not needed
    ("Japanese not required", 日本語不問): not a language asked."""
    if _an_adjective(folded, start, end) or _NOT_NEEDED_AFTER.match(folded, end):
        return True
    line_start = folded.rfind("\n", 0, start) + 1
    if not (
        _LANGUAGE_VERSION_MARK.fullmatch(folded, line_start, start) is not None
        and folded[line_start:start].strip() != ""
        and _LANGUAGE_VERSION_END.match(folded, end) is not None
    ):
        return False
    # "【英語】\nビジネスレベル": a heading naming the language, its level on the next line
    below = folded.find("\n", end)
    next_line = folded[below + 1 : folded.find("\n", below + 1)] if below >= 0 else ""
    return _LEVEL_BELOW.search(next_line) is None


_JLPT = prefiltered(r"(?:jlpt|日本語能力試験)?\s?[(（]?\s?n\s?([1-5])(?![0-9])")
# (相当, 程度, "equivalent": "N1相当は欲しい", "N2 equivalent" name the exam's scale too)
_BARE_JLPT = prefiltered(
    r"(?<![a-z0-9])n([1-5])(?:\s?(?:以上|レベル|相当|程度|level|equivalent|or above|or higher|\+))"
)
_TOEIC = re.compile(r"toeic[^0-9\n]{0,15}?(\d{3})(?!\d)")
# English's other scales, mapped as TOEIC's thresholds are (800 business, 600 conversational):
# TOEFL iBT 80 / 60 (ITP 550 / 500), IELTS 6.0 / 5.0, CEFR B2 / B1, 英検準1級 / 2級.
_ENGLISH_EXAM = re.compile(
    r"toefl(?:\s?(?:ibt|itp|pbt))?[^0-9\n]{0,12}?(?P<toefl>\d{2,3})(?![\d.])"
    r"|ielts[^0-9\n]{0,12}?(?P<ielts>\d(?:\.\d)?)(?![\d])"
    r"|cefr[^a-z0-9\n]{0,6}(?P<cefr>[abc][12])(?![0-9])"
    r"|英検\s?(?P<eiken>準?[1-5])\s?級"
)


def _exam_level(exam: re.Match[str]) -> str:
    score: float
    if exam.group("toefl"):
        score = int(exam.group("toefl"))
        high, middle = (550.0, 500.0) if score > 120 else (80.0, 60.0)  # ITP/PBT or iBT
    elif exam.group("ielts"):
        score, high, middle = float(exam.group("ielts")), 6.0, 5.0
    elif exam.group("cefr"):
        grade = exam.group("cefr")
        return "business" if grade >= "b2" else "conversational" if grade == "b1" else "basic"
    else:
        grade = exam.group("eiken")
        return (
            "business" if grade in ("1", "準1") else "conversational" if grade == "2" else "basic"
        )
    return "business" if score >= high else "conversational" if score >= middle else "basic"


# (Start-character lookaheads only where an alternative opens with a lookbehind, a group or
# a word boundary: where every one opens with a plain character, re already skips the
# positions none can start at, faster than a lookahead does.)
_LEVEL_WORDS: list[tuple[re.Pattern[str], str]] = [
    (
        prefiltered(
            # 国籍不問 and 会話は不要 ("no speaking needed", a reading level is) are about
            # something else than the language as a whole
            r"(?<!国籍)(?<!学歴)(?<!年齢)(?<!性別)(?<!会話は)(?<!会話)(?<!会話力は)(?<!会話力)"
            r"(?<!speaking )"
            r"(?<!speaking is )(?<!conversation is )(?:"
            r"不問|不要|必要(?:ありません|ない|なし|としません|はありません)|問いません|求めません"
            r"|必須では(?:ありません|ない|なく|ございません)"
            r"|使用(?:しません|しない|なし|予定はありません)|使いません|使わない|使う(?:機会|場面)は(?:ありません|ない)"
            r"|できなくても|話せなくても|なくても(?:大丈夫|問題(?:ありません|なし)|ok|可)"
            r"|not (?:required|necessary|needed|mandatory|a requirement|essential)"
            r"|no longer (?:required|necessary|needed|mandatory|a requirement)"
            r"|(?:is|are)n['’]?t (?:required|necessary|needed)"
            r"|no (?:japanese|english|jp|en)(?: language)?(?: (?:skills?|ability|proficiency))?"
            r" (?:is )?(?:required|needed|necessary)"
            r"|(?:don['’]?t|do not|doesn['’]?t|does not|won['’]?t|will not) need"
            r"|no need|without (?:any )?(?:japanese|english)|zero (?:japanese|english)"
            r"|none (?:required|needed|necessary)|not expected|is optional|optional"
            r"|no requirements?\b"
            # translated 問いません: "English ability: We do not ask.", "not asked"
            r"|(?:we )?(?:do not|don['’]t) ask\b|not asked\b|not questioned\b"
            r"|[:：]\s?(?:none|n/a|no)\s*(?:$|[;,.]))"
        ),
        "none",
    ),
    # "near-native" / "native-like" / ネイティブに近い: JLPT N1 in Japanese; in English,
    # whose scale has no step between native and business, native
    (
        re.compile(r"near[- ]?native|native[- ]like|ネイティブ(?:に近い|並|に準ずる|に準じる)"),
        "near_native",
    ),
    (
        re.compile(
            r"ネイティブ(?!に近い|並|に準ずる|に準じる)|母国語|母語"
            r"|(?<!near-)(?<!near )(?<!near)native(?![- ]like)"
        ),
        "native",
    ),
    (re.compile(r"流暢|堪能|fluent|fluency|advanced|上級"), "fluent"),
    (
        re.compile(
            # not "business" naming a team or a side of the company ("our business team
            # speaks Japanese", "business stakeholders")
            r"ビジネス|business(?!\s(?:team|teams|side|units?|people|partners?|owners?"
            r"|stakeholders?|users?|customers?|domains?|logic|analysts?|operations|process"
            r"|hours|days|trips?|model|needs|goals|colleagues|members?|departments?)\b)"
            r"|professional|業務で(?:使用|活用|使える)|working proficiency"
            r"|実務レベル|仕事で使える|proficien(?:t|cy)|(?<![a-z])biz(?![a-z])"
            # "業務に支障のないレベル": enough for the work
            r"|業務(?:上|に)?(?:の)?支障(?:の|が)?(?:ない|なく)"
            # "Excellent written and spoken English", "Very good English"
            r"|excellent|very good|strong (?:written|spoken|verbal|command)"
            # research work in the language: papers written, talks given
            r"|論文(?:の)?執筆|論文を(?:書|執筆)|(?:国際会議|学会)(?:で|での)(?:の)?発表"
            r"|writ(?:e|ing) (?:research |academic |scientific )?papers"
            r"|(?:give|giving|deliver|delivering|make) (?:talks|presentations)"
        ),
        "business",
    ),
    (
        # (not the talk inside a team: "チーム内の会話は日本語と英語の両方", 社内での会話)
        re.compile(
            r"日常会話|(?<!内の)(?<!内での)会話|conversation(?:al)?|intermediate|中級"
            r"|daily conv\b|\bconv\."
            # meetings held in it: "英語の会議に参加できる方", "join English meetings"
            r"|(?:会議|ミーティング)に参加でき"
            r"|(?:join|attend|take part in) (?:weekly |daily |our )?(?:english |japanese )?meetings"
        ),
        "conversational",
    ),
    (
        prefiltered(
            # documents only as something read: not "社内のドキュメントは日英併記"
            r"読み書き|読解|読める|読んで(?:理解|内容を把握)でき|(?:ドキュメント|技術文書|資料)[^\n。]{0,30}?"
            r"(?:を|が|の|に)\s?(?:読|理解|参照|抵抗|読解|目を通)"
            r"|read(?:ing)? (?:and write )?(?:the )?(?:technical )?"
            r"(?:documents?|documentation|docs|specifications|english|japanese"
            # "able to read research papers and technical documents"
            r"|(?:research |academic )?papers|manuals)"
            r"|basic|初級|beginner|簡単な|elementary"
        ),
        "basic",
    ),
]
# A level word said to be not needed ("会話は不要", "conversation is not required"): the
# posting names a part of the language it does not ask for, and another level may follow.
_NEGATED_AFTER = re.compile(
    r"力?は?(?:不要|必要(?:ありません|ない|なし)|求めません|問いません)"
    r"|(?: skills?)? (?:is |are )?not (?:required|needed|necessary)"
)
_PLUS = re.compile(
    r"歓迎|尚可|優遇|a plus|is a plus|plus\b|preferred|nice[- ]to[- ]have|bonus|advantage|desirable"
    # (not "N2以上あればOK": enough, so asked)
    # (nor "N2以上をお持ちであれば応募いただけます": a condition to apply)
    r"|helpful|not required but|welcome|あれば(?!\s?(?:ok|大丈夫|十分|問題|(?:ご)?応募))"
    r"|望ましい|ideally"
    r"|beneficial|appreciated"
    # an occasion, not a requirement: "（ただし英語のドキュメントを読む機会はあります）",
    # "(but being able to read English documentation helps)"
    r"|\bhelps\b|機会(?:は|が|も)(?:あります|ある)"
)
# Who is welcome to apply, said beside a language level: not the level made a plus.
_WELCOME_PEOPLE = re.compile(
    r"(?:外国籍|外国人|国籍|留学生|海外在住|foreign nationals?|international)"
)
_JA_FROM_WORD = {
    "native": "native",
    "near_native": "N1",
    "fluent": "N1",
    "business": "N2",
    "conversational": "N3",
    "basic": "N4",
    "none": "none",
}
_EN_FROM_WORD = {
    "native": "native",
    "near_native": "native",
    "fluent": "business",
    "business": "business",
    "conversational": "conversational",
    "basic": "basic",
    "none": "none",
}
# Two levels given as alternatives ("native or business level", "N1 or N2", ネイティブまたは
# ビジネスレベル): either is enough, so the lower one is the requirement.
_OR = re.compile(
    r"[\s_-]*(?:level|レベル)?[\s_]?(?:or|または|もしくは|又は|/|／)[\s_]?(?:jlpt\s?)?"
)
_RANK = {"native": 5, "near_native": 4, "fluent": 3, "business": 2, "conversational": 1, "basic": 0}
_CLAUSE = 45  # characters a level phrase may sit from its language word
_FIELD_CLAUSE = 80  # the same, from the label of a language's own field ("English: …")
_FIELD_SEPARATOR = re.compile(r"[／/|｜、,，\t]")
_BEFORE = 40  # characters a level phrase may sit before its language word
_EXAM_NAME = re.compile(r"jlpt|日本語能力試験")
_EXAM_REACH = 60  # characters from the language word to a JLPT level named as such
_CLAUSE_MARK = re.compile(r"[,、，;；]")  # not across a comma: "in Japanese, we expect …"
# (and a tag line's bar, ｜ folded to | with no space around it: not a table's " | ")
_BREAK = re.compile(r"[;；。!?！？]|\.(?:\s|$)|\n|(?<! )\|(?! )")
# A language word that labels its own field ("英語：ビジネスレベル"): its level is after it,
# not in the field before it on the line ("日本語：ネイティブレベル　英語：ビジネスレベル").
_OWN_LABEL = re.compile(r"(?:力|能力|レベル| level| skills?)?\s?[:：]")
# Words that may join two language names sharing one level ("Japanese and English: business").
_JOIN = re.compile(r"^[\s,、/・&]*(?:and|or|と|および|及び|または|かつ)?[\s,、/・&]*$")

# Headings, for telling a line under 歓迎 / Nice to have from one under 待遇 / Conditions.
_BULLET = re.compile(r"^\s*(?:[-*•‐・●○◦▪►>]|\d{1,2}[.)．]|[①-⑳])\s*\S")
_BRACKETED = re.compile(r"^[\s■□◆◇▼▶★☆#*]*[【\[＜<〔［]([^】\]＞>〕］\n]{1,30})[】\]＞>〕］]")
_SYMBOLS = re.compile(r"^[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d \t]+")
_HEAD_DECOR = "【[(（<＜〔［〕］■□◆◇▼▽▶★☆#*=:：|>-_ \t✅⭐📍🎮🛠✔✨👉🔹🔸💡📌🚀\ufe0f"
_HEAD_WORDS: list[tuple[str, str]] = [
    (
        r"歓迎(?:スキル|要件|条件|経験)?|(?:あれば)?尚可(?:要件|条件|スキル)?"
        r"|あると(?:嬉しい|望ましい)(?:スキル|経験)?|優遇"
        r"|こんな(?:方|人)(?:だと|なら|であれば|は)?(?:さらに|より|もっと)?(?:嬉しい|うれしい)"
        r"|preferred|nice[- ]to[- ]haves?|bonus|pluses|plus|desirable|good[- ]to[- ]haves?"
        r"|ideally|extra credit|optional|would be nice|want|what would help|helpful"
        # Japanese HR English: "Welcome skill(s)", "Welcomed skills", "Better to have"
        r"|welcomed?(?: skills?| experiences?| requirements?)?|better to have"
        r"|(?:あれば|あると)\s?(?:うれしい|嬉しい)(?:\s?こと)?|加点(?:要素|ポイント)?"
        r"|プラスα|さらにこんな(?:経験|スキル|知識)が?あれば|it would be great if|extra points?"
        r"|preferable|歓迎する(?:条件|スキル|要件|こと)|(?:あれば|あると)[、,]\s?(?:うれしい|嬉しい)(?:こと)?"
        r"|not required,? but"
        r"|(?:it(?:['’]s| is| would be) )?a (?:big |huge )?(?:plus|bonus) if"
        r"(?: you(?: have| are| can)?)?",
        "preferred",
    ),
    (
        r"必須(?:スキル|要件|条件|経験)?|応募(?:資格|要件|条件)|求める(?:スキル|経験|人物像)?|必要な(?:スキル|経験)"
        r"|(?:こんな方を?)?求めています|(?:also )?required|requirements?|must[- ]haves?"
        r"|(?:minimum |basic )?qualifications?|what you(?:'ll| will)? need|who you are|you have"
        r"|(?:what|who) we(?:'re| are) looking for|what we need|what we expect"
        r"|こんな(?:方|人)と(?:一緒に)?働きたい"
        r"|what you(?:['’]ll| will)? bring"
        r"|what we (?:actually |really )?require"
        r"|what (?:they|the client|the team) (?:need|want|expect)s?"
        r"|who (?:they|the client|the team) (?:are|is) looking for"
        r"|about you|(?:the )?ideal candidate|essential|skills|experience|must"
        r"|must skills?|mandatory(?: skills?| requirements?)?|necessary (?:skills?|experiences?)"
        r"|ひつよう\s?(?:な|の)?\s?こと"
        r"|application (?:qualifications?|requirements?)|required experiences?"
        r"|(?:your |the )?(?:background|profile)"
        r"|table stakes|the basics|before you apply|minimum bar|what gets you in the door"
        r"|ご経験について|こんな(?:方|人)を?お待ちしています|マストな?(?:条件|要件)?"
        r"|minimum requirements?(?: are| is)?|必須の(?:条件|要件|スキル)"
        r"|応募の前に確認して(?:ほしい|いただきたい)こと",
        "required",
    ),
    (
        r"conditions?|terms|what we offer|we offer|the offer|offer|compensation|benefits?|perks"
        r"|location|work ?style|working|employment|engagement|contract|details|package|salary"
        r"|pay|about|others?|logistics|practical|language|languages|待遇|条件|勤務(?:条件|形態|地)?"
        r"|給与|報酬|福利厚生|雇用(?:形態|条件)?|契約(?:形態)?|募集要項|その他|語学|言語|働き方|備考"
        r"|補足|注記|notes?|募集概要|求人概要|at a glance|(?:job )?summary|overview|key facts"
        # the other fields of a posting's conditions: "📍 勤務地 / Office", "🏠 リモート / Remote"
        r"|年収|想定年収|remote(?: work| policy)?|リモート(?:ワーク)?|在宅勤務|visa|ビザ|office"
        r"|オフィス|japanese|english|日本語|英語|position|ポジション|仕事内容|業務内容"
        r"|what you(?:['’]ll| will) do|やること|tech stack|開発環境|選考|hiring process",
        "other",
    ),
]
_HEAD_FIRST = [(re.compile(rf"(?:{words})\b|(?:{words})"), kind) for words, kind in _HEAD_WORDS]
_HEAD_ANY = "|".join(words for words, _ in _HEAD_WORDS)
_HEAD_REST = re.compile(
    rf"(?:[\s/&・,]+(?:and\s+)?(?:{_HEAD_ANY}|skills?|qualifications?|requirements?|points"
    r"|スキル|要件|条件|経験|details))*[\s:：]*(?:[(（][^)）\n]*[)）])?[\s:：]*$"
)
_MAX_HEAD_CHARS = 40
_NUMBERED = re.compile(r"\d{1,2}[.)．]\s?")
# A label's own kind in parentheses, and a dash after a label's words.
_LABEL_MARK = re.compile(
    r"[(（]\s?(?:(歓迎(?:条件|要件)?|尚可|preferred|nice to have|bonus|optional)|必須(?:条件|要件)?"
    r"|required|must)\s?[)）]\s?$"
)
_LABEL_DASH = re.compile(r"\s[-—–]\s")
_THIS_POSTING = re.compile(r"本求人|本ポジション|本募集|this (?:posting|role|position|opening)")
# A list's kind after the name of the role or level it is for: "ミドル枠の応募条件".
_OWNED_LIST = re.compile(
    r"の(?:(歓迎(?:スキル|要件|条件|経験)?|尚可)|必須(?:スキル|要件|条件|経験)?|応募(?:資格|要件|条件)"
    r"|求める(?:スキル|経験|人物像))$"
)
_LEAD_IN = [
    (
        re.compile(
            r"歓迎|尚可|優遇|\bplus\b|bonus|nice|prefer|ideally|even better|stand out|extra point"
            r"|would be great|love it if"
        ),
        "preferred",
    ),
    (re.compile(r"必須|必要|require|must|need|looking for|expect|qualif"), "required"),
    (re.compile(r"offer|benefit|condition|待遇|条件|perks|terms"), "other"),
]
_MAX_LEAD_WORDS = 12
_MAX_LOOKBACK = 2000  # characters searched upwards for the heading of a line
_MAX_LOOKBACK_LINES = 40
_NATIVE_SPEAKER = re.compile(r"native|fluent|ネイティブ")
# A person the sentence is about, before the language word: "Our CEO lived in Canada and
# speaks fluent English" describes the CEO, not what the role asks.
_PERSON = prefiltered(
    r"\b(?:ceo|cto|coo|cfo|founders?|president|our (?:[a-z]+ )?(?:manager|director|leader|lead))"
    r"\b[^.\n]{0,60}\b(?:speaks?|spoke|lived|studied|grew up)\b"
    r"|(?:社長|代表|創業者|ceo|cto)[^。\n]{0,30}(?:話せ|話し|留学|住んで)"
)
# The language as what the customers want or speak, right after the verb: "Our customers
# expect native-level Japanese support" (not "our clients speak Japanese, so business
# Japanese is required", whose second statement is the role's).
_CUSTOMERS_OBJECT = re.compile(
    r"\bour (?:customers|clients|users|partners)\b[^.,;:\n]{0,12}\b(?:expect|need|want|prefer"
    r"|speak)s?\b[^.,;:\n]{0,25}$"
)
_SENTENCE = re.compile(r"[.!?](?:\s|$)|[。！？]")
_PERSON_REACH = 120  # characters before a language word searched for such a sentence
_MAX_STATEMENTS = 60  # language words read per posting (a real one names a few)
_TURN = prefiltered(r"\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|、|が、|けど|一方")
# A heading line that names the language only ("【英語力】", "English level:"): the level is
# on the line below it.
_LANGUAGE_WORD = (
    r"(?:英語|日本語|english|japanese)(?:力|能力|レベル|スキル|要件"
    r"| level| skills?| proficiency| requirements?)?"
)
_LANGUAGE_HEADING = re.compile(
    r"[\s【\[■◆●□◇<＜#*\u2190-\u2bff\U0001f000-\U0001faff\ufe0f]*"
    # (in both languages: "🗣 日本語 / Japanese")
    rf"{_LANGUAGE_WORD}(?:\s?[/／]\s?{_LANGUAGE_WORD})?[\s】\]>＞:：]*$"
)
_THIS_ROLE_REACH = 60  # characters before a language word searched for such a phrase
# A level to reach later, not asked when joining.
_FUTURE_GOAL = prefiltered(
    r"\b(?:reach|attain|achieve|get to)\b[^.\n]{0,30}\bwithin\b"
    r"|(?:以内|まで)に(?:取得|到達|合格)"
    # "入社後2年以内に…N3レベルを目指していただけるよう": a goal after joining
    r"|(?:以内|まで)に[^。\n]{0,30}?(?:目指|めざ)"
)
# Words every such phrase holds: a text with none of them is not read for one per language
# word (~15% of parse_languages went to that read, its sentence start found each time).
_FUTURE_GOAL_WORDS = ("within", "以内に", "までに")
_OTHER_OPENING_REACH = 120  # characters before a language word searched for such a phrase


@dataclass(frozen=True, slots=True)
class _Statement:
    language: str  # "ja" | "en"
    level: str
    start: int
    end: int
    optional: bool
    # under a requirements heading (必須, Must have): asked of the candidate, not a
    # description of the work ("社内ドキュメントは日本語・英語の併記")
    asked: bool = False
    # said of this role after another role's level ("N1 for the lead role, but for this
    # role N3 is enough")
    this_role: bool = False


# A statement's own "required" after its language word wins over the list it sits in.
_OWN_REQUIRED = re.compile(
    r"(?<!not )(?<!n't )(?<!no longer )(?<!not strictly )(?<!not necessarily )(?<!never )"
    r"\b(?:required|mandatory)\b|必須(?!では|とは|ではない)"
)
_LABEL_WITH_CONTENT = re.compile(r"[:：=]\s*\S|\t\S")  # ("尚可=gRPC": an export's field)


# A line that is a language field of its own: "日本語　：ネイティブ", "English: business"; a
# generic label ("Language:", 語学：) only when the line says the level is required (under a
# nice-to-have list, "Languages: business-level English" is one more wish).
_LANGUAGE_FIELD = re.compile(
    # (after a heading's mark too, "■ Japanese：ネイティブレベル"; not a list's bullet)
    # (or after the generic label its line break was lost from: "言語日本語：不問英語：…")
    r"[ \t]*(?:[■□◆◇][ \t]*)?(?:(?:言語|語学)[ \t]?)?(?:日本語|英語|japanese|english)"
    r"(?:力|能力|レベル| level)?"
    # a label in both languages: "日本語 / Japanese:"
    r"(?:\s?[/／]\s?(?:日本語|英語|japanese|english)(?:力|能力|レベル| level)?)?"
    # (or a form's row, its value after a tab: "日本語<TAB>ビジネスレベル以上")
    r"(?:[ \t]*[:：]|\t+(?=\S))"
)
_BRACKETED_LANGUAGE = re.compile(
    r"[ \t■□◆◇▼▶★☆#*]*[【\[＜<〔［]\s?(?:日本語|英語|語学|japanese|english|languages?)"
    r"(?:力|能力|レベル|スキル| level| skills?| ability)?\s?[】\]＞>〕］]"
)
_GENERIC_LANGUAGE_FIELD = re.compile(
    r"[ \t]*(?:語学|言語|languages?)(?:力|能力|レベル| level| requirements?)?[ \t]*[:：]"
)
_REQUIRED_WORD = re.compile(r"required|mandatory|must\b|必須|必要")


def _own_language_field(folded: str, line_start: int) -> bool:
    if _LANGUAGE_FIELD.match(folded, line_start):
        return True
    if not _GENERIC_LANGUAGE_FIELD.match(folded, line_start):
        return False
    return _REQUIRED_WORD.search(folded, line_start, line_end(folded, line_start)) is not None


def _heading_kind(line: str) -> str | None:
    """ "preferred" / "required" / "other" for a heading line, None for content."""
    stripped = line.strip()
    if not stripped:
        return None
    if stripped[0] >= "\u2190":  # "🗣 Language", "💰 Salary": the symbols a heading opens with
        stripped = _SYMBOLS.sub("", stripped, 1)
    bracket = _BRACKETED.match(stripped)
    if bracket:
        label = bracket.group(1).strip(_HEAD_DECOR)
    elif _BULLET.match(stripped):
        numbered = _NUMBERED.match(stripped)
        if numbered is None:
            return None
        # "2. Minimum requirements", "3. Preferable": a numbered heading, if only a label
        label = stripped[numbered.end() :].strip(_HEAD_DECOR)
        if not any(
            (first := pattern.match(label)) and _HEAD_REST.match(label, first.end())
            for pattern, _ in _HEAD_FIRST
        ):
            return None
    else:
        label = stripped.strip(_HEAD_DECOR)
        if not label or len(label) > _MAX_HEAD_CHARS:
            return None
    marked = _LABEL_MARK.search(label)
    if marked:  # 【こんな経験があるとさらに活躍できます（歓迎）】
        return "preferred" if marked.group(1) else "required"
    # "Bonus points - we'd love it if you have": the words before the dash label the list
    parts = _LABEL_DASH.split(label)
    label = parts[0]
    for pattern, kind in _HEAD_FIRST:
        first = pattern.match(label)
        if first and (bracket or _HEAD_REST.match(label, first.end())):
            return kind
    # The role named first, the list's kind last: "Senior Backend Engineer — requirements",
    # ＜ミドル枠の応募条件＞ (a posting for one of several levels)
    last = parts[-1].strip() if len(parts) > 1 else ""
    if last:
        for pattern, kind in _HEAD_FIRST[:2]:
            first = pattern.match(last)
            if first and _HEAD_REST.match(last, first.end()):
                return kind
    if bracket and _THIS_POSTING.search(label):
        return None  # 【未経験枠（本求人）】: a part of the list above, for this posting
    owned = _OWNED_LIST.search(label)
    if owned:
        return "preferred" if owned.group(1) else "required"
    if bracket:
        return "other"
    if stripped.endswith((":", "：")) and len(stripped.split()) <= _MAX_LEAD_WORDS:
        # A lead-in sentence ending in a colon: "It's a plus if you have:", "What we offer:".
        for pattern, kind in _LEAD_IN:
            if pattern.search(stripped):
                return kind
    return None


def line_at(folded: str, begin: int) -> str:
    """The line that starts at ``begin``."""
    end = folded.find("\n", begin)
    return folded[begin : end if end >= 0 else len(folded)]


# A benefits line about learning or rewarding a language, not asking for it.
_LEARNING = re.compile(
    r"学習|レッスン|英会話|研修|受験|報奨|補助|支援|教室|lessons?|class(?:es)?|courses?|tuition"
    r"|tutoring|learning|training|rewards?|bonus|exam fees?"
)
_A_LEVEL = re.compile(
    r"native|fluent|business|conversational|basic|intermediate|advanced|toeic|(?<![a-z])n[1-5]"
    r"|日常会話|ビジネス|ネイティブ|流暢|堪能|読み書き"
)
_OWN_LABEL_REACH = 48  # characters: a line's own 【label】 with its leading marks


def section_kind(folded: str, line_start: int, sections: Sections, start: int) -> str:
    """ "required" / "preferred" / "other" / "unknown": the heading the line at ``line_start``
    sits under (its own 【label】 first). Unlike ``Sections.requirement_at`` it knows
    condition headings (待遇, Conditions, What we offer) that end a preferred list."""
    # (``_BRACKETED`` opens with ^: matched on the line itself, not at a position in the text)
    own = _BRACKETED.match(folded[line_start : line_start + _OWN_LABEL_REACH])
    if own:
        kind = _heading_kind(own.group(0))
        if kind is not None:
            return kind
    clauses = sections.mixed.get(line_start)
    if clauses is not None:
        # a line that asks and wishes: the clause's own mark ("PREFERRED: AWS. LANGUAGE:
        # Japanese JLPT N1 required")
        mark = clauses[1][bisect_right(clauses[0], start) - 1]
        if mark is not None:
            return mark
    if _BRACKETED_LANGUAGE.match(folded, line_start):
        # "[Japanese] Business level or more", 【英語】不問: the language's own field, not an
        # item of the list above it
        return "other"
    if folded[line_start - 2 : line_start] == "\n\n" and _GENERIC_LANGUAGE_FIELD.match(
        folded, line_start
    ):
        # "Language: Basic English is enough" after a blank line: a field of its own, not
        # an item of the preferred list above it
        return "other"
    begin = line_start
    floor = max(0, line_start - _MAX_LOOKBACK)
    for _ in range(_MAX_LOOKBACK_LINES):
        if begin <= floor:
            break
        end = begin - 1
        begin = folded.rfind("\n", 0, end) + 1
        line = folded[begin:end]
        kind = _heading_kind(line)
        if kind is None and not _LABEL_WITH_CONTENT.search(line):
            # a heading the sections found that this reading does not (a long one:
            # "Requirements (in English, as our team lead is from Canada)"); not a label
            # with its content ("歓迎条件：…"), which is a heading of its own line only
            at = bisect_left(sections.starts, begin)
            if at < len(sections.starts) and sections.starts[at] == begin:
                kind = {"required": "required", "preferred": "preferred"}.get(sections.kinds[at])
        if kind is None and (CONDITION_FIELD.match(line) or is_rule(folded, begin, end)):
            # "雇用形態：正社員" after a 歓迎 list, or a rule across the page: the list
            # has ended
            kind = "other"
        if kind is None and line.strip() and not _BULLET.match(line):
            # A short unlabelled line between a blank line and a list is a heading too.
            blank_before = (
                begin == 0 or not line_at(folded, folded.rfind("\n", 0, begin - 1) + 1).strip()
            )
            list_after = bool(_BULLET.match(line_at(folded, end + 1)))
            if blank_before and list_after and len(line.split()) <= 4 and len(line) <= 30:
                kind = "other"
        if kind is not None:
            return kind
    # No heading of our own found: the sections' headings (not their self-marked lines; a
    # plus marker is judged per clause here).
    at = bisect_right(sections.starts, start) - 1
    return sections.kinds[at] if at >= 0 else "unknown"


def _a_goal(folded: str, line_start: int, start: int) -> bool:
    """The sentence holding ``start`` sets a level to reach later ("we expect you to reach
    JLPT N3 within 18 months", 入社後2年以内にN3を目指して): read to the sentence's end."""
    end = min(len(folded), start + _CLAUSE)
    stop = _SENTENCE.search(folded, start, end)
    return (
        _FUTURE_GOAL.search(
            folded, sentence_start(folded, line_start, start, 80), stop.end() if stop else end
        )
        is not None
    )


def _clause_bounds(folded: str, match: re.Match[str]) -> tuple[int, int]:
    """Where the clause holding the language word at ``match`` starts and ends."""
    start, end = match.start(), match.end()
    lo = max(0, start - _BEFORE)
    head = folded[lo:start]
    breaks = list(_BREAK.finditer(head))
    clause_start = lo + breaks[-1].end() if breaks else lo
    if (
        head[-1:].isspace()
        and _OWN_LABEL.match(folded, end)
        and (":" in head[head.rfind("\n") + 1 :] or "：" in head[head.rfind("\n") + 1 :])
    ):
        clause_start = start  # "日本語：ネイティブレベル　英語：…": a field of its own
    # A word inside a parenthesis opened before it is an aside: a level before the
    # parenthesis is not its level ("日本語：日常会話レベル（社内は日本語・英語の混在）").
    opened = max(head.rfind("（"), head.rfind("("))
    if opened >= 0 and max(head.rfind("）"), head.rfind(")")) < opened:
        clause_start = max(clause_start, lo + opened + 1)
    prev_lang = None
    for other in _LANGUAGE.finditer(folded, clause_start, start):
        prev_lang = other
    if prev_lang is not None and not _JOIN.match(folded[prev_lang.end() : start]):
        clause_start = prev_lang.end()
        # "Japanese (JLPT N1 preferred) and basic English": the aside is the other's
        closed = max(
            folded.rfind(")", clause_start, start), folded.rfind("）", clause_start, start)
        )
        if closed >= 0:
            clause_start = closed + 1
        # "日本語は不要、英語はビジネスレベル", "日本語：ネイティブレベル／英語：技術文書を
        # 読める方": the level before the comma or slash is the other's
        comma = max(folded.rfind(c, clause_start, start) for c in "、,，/／")
        if comma >= 0:
            clause_start = comma + 1
        if _OWN_LABEL.match(folded, prev_lang.end()) and _OWN_LABEL.match(folded, end):
            # two fields run together, their line break lost ("日本語：不問英語：ビジネスレベル"):
            # what stands between them is the other's value
            clause_start = start
    # a field's value reaches further: "English: Level at which you can read technical
    # documents" (a translated 技術文書が読めるレベル)
    # (one value only: not past a separator to the next field, "日本語：ビジネスレベル／…歓迎")
    reach = (
        _FIELD_CLAUSE
        if _OWN_LABEL.match(folded, end)
        and _FIELD_SEPARATOR.search(folded, end, end + _FIELD_CLAUSE) is None
        else _CLAUSE
    )
    hi = min(len(folded), end + reach)
    tail = _BREAK.search(folded, end, hi)
    clause_end = tail.start() if tail else hi
    position = end
    while True:
        nxt = _LANGUAGE.search(folded, position, clause_end)
        if nxt is None:
            break
        if (
            _JOIN.match(folded[position : nxt.start()])
            or nxt.group(0) in ("jlpt", "日本語能力試験")
            # the same language named again in its own field's value: "English: conversational
            # English is a plus" (not a second field: "日本語：日常会話 / Japanese: business")
            or (
                (nxt.group("ja") is None) == (match.group("ja") is None)
                and _OWN_LABEL.match(folded, end) is not None
                and _OWN_LABEL.match(folded, nxt.end()) is None
                and _FIELD_SEPARATOR.search(folded, end, nxt.start()) is None
                # (not a second level after it: "Conversational English required, business
                # English preferred")
                and _A_LEVEL.search(folded, nxt.end(), clause_end) is None
            )
        ):
            position = nxt.end()
            continue
        clause_end = nxt.start()
        break
    return clause_start, clause_end


def _in_plus_aside(window: str, jlpt: re.Match[str]) -> bool:
    """The JLPT level sits in a parenthesis that names it a plus, after a level said outside
    it: "business-level Japanese (JLPT N1 preferred)" asks for business level."""
    at = jlpt.start(1)  # the match may open with the parenthesis: "(n1"
    opened = max(window.rfind("(", 0, at), window.rfind("（", 0, at))
    if opened < 0 or max(window.rfind(")", 0, at), window.rfind("）", 0, at)) > opened:
        return False
    closes = [c for c in (window.find(")", jlpt.end()), window.find("）", jlpt.end())) if c >= 0]
    if not closes:
        return False
    # the plus of this level's own item: not "(JLPT N2 required, N1 preferred)"
    item = _ITEM_BREAK.search(window, jlpt.end(), min(closes))
    return _PLUS.search(window, opened, item.start() if item else min(closes)) is not None


def _plus_in(folded: str, start: int, end: int, word_end: int, level_end: int | None) -> bool:
    """A plus marker in the clause; a label after the language word ("歓迎：") opens the next
    item, not this one, and a parenthesis after the level naming a higher one as a plus
    ("N2 (N1 preferred)") leaves the level required."""
    for plus in _PLUS.finditer(folded, start, end):
        if plus.start() >= word_end and folded[plus.end() : plus.end() + 1] in (":", "：", "】"):
            continue
        if _WELCOME_PEOPLE.search(folded, max(0, plus.start() - 12), plus.start()):
            continue  # "（外国籍の方も歓迎します）": people welcome, not the language a plus
        if level_end is not None and plus.start() > level_end:
            between = folded[level_end : plus.start()]
            opened = max(between.rfind("("), between.rfind("（"))
            if (
                opened >= 0
                and max(between.rfind(")"), between.rfind("）")) < opened
                and (
                    _JLPT.search(between, opened)
                    or any(p.search(between, opened) for p, w in _LEVEL_WORDS if w != "none")
                )
            ):
                continue
            # "JLPT N2 required, N1 preferred": another level, after a separator, is the plus
            item = _ITEM_BREAK.search(between)
            if item is not None and _JLPT.search(between, item.end()):
                continue
        return True
    return False


_ITEM_BREAK = re.compile(r"[,、，;；/／]")


def sentence_start(folded: str, line_start: int, position: int, reach: int) -> int:
    """Where the sentence holding ``position`` starts: after the last sentence end on its
    line, looking back at most ``reach`` characters."""
    lo = max(line_start, position - reach)
    return max([lo, *(m.end() for m in _SENTENCE.finditer(folded, lo, position))])


# A language level describing staff already there, named after it: "日本語が堪能なブリッジSEが
# 担当します", "英語ネイティブのメンバーや…も活躍しています" (not "…の方", the candidate).
_PERSON_AFTER = re.compile(
    r"[^。、\n()（）]{0,8}?(?:な|の|した|を持つ)(?:ブリッジ\s?(?:se|エンジニア)|通訳|スタッフ|メンバー|社員"
    r"|担当者)(?:が|も|や)"
)


def _about_a_person(folded: str, line_start: int, start: int) -> bool:
    """The sentence holding the language word at ``start`` describes a person (the CEO who
    lived abroad and speaks it), not what the role asks."""
    begin = sentence_start(folded, line_start, start, _PERSON_REACH)
    # not past the aside it sits in: "business English (our founders don't speak
    # Japanese), and conversational Japanese" asks conversational Japanese of the role
    return any(
        ")" not in folded[m.end() : start] and "）" not in folded[m.end() : start]
        for m in _PERSON.finditer(folded, begin, start)
    )


def _of_another_opening(folded: str, line_start: int, start: int) -> bool:
    """The sentence names another opening before the language word at ``start``, and this
    role is not named again between them ("…は英語が必須ですが、本ポジションでは英語力を…")."""
    begin = sentence_start(folded, line_start, start, _OTHER_OPENING_REACH)
    ends = [m.end() for m in OTHER_OPENING.finditer(folded, begin, start)]
    return bool(ends) and THIS_ROLE.search(folded, ends[-1], start) is None


def _statements(folded: str, sections: Sections, triggers: Triggers) -> list[_Statement]:
    found: list[_Statement] = []
    windows = triggers.windows("language", 0, 20)
    # the person test reads a sentence per language word: only when a person is named at all
    people = triggers.any("person")
    others = triggers.any("others")  # another opening named anywhere (kyujin.core.roles)
    goals = any(word in folded for word in _FUTURE_GOAL_WORDS)
    # a Benefits / 福利厚生 section offers lessons and rewards ("オンライン英会話が無料",
    # "TOEIC 730点以上取得で報奨金"): no level asked of the hire
    offered = RangeSet(sections.benefit_ranges()) if sections.benefits else None
    for count, match in enumerate(finditer_in(_LANGUAGE, folded, windows)):
        if count >= _MAX_STATEMENTS:
            break
        language = "ja" if match.group("ja") else "en"
        start = match.start()
        if (
            offered is not None
            and start in offered
            and _LEARNING.search(folded, folded.rfind("\n", 0, start) + 1, line_end(folded, start))
        ):
            continue
        if _an_adjective(folded, start, match.end()):
            continue
        line_start = folded.rfind("\n", 0, start) + 1
        if people and _about_a_person(folded, line_start, start):
            continue  # "our CEO ... speaks fluent English": a person, not the role
        if _PERSON_AFTER.match(folded, match.end()):
            continue  # "日本語が堪能なブリッジSEが担当します": the level of someone already there
        if _CUSTOMERS_OBJECT.search(folded, max(line_start, start - 60), start):
            continue  # "our customers expect native-level Japanese support"
        if goals and _a_goal(folded, line_start, start):
            continue  # "we expect you to reach JLPT N3 within 18 months": not asked at hire
        if others and _of_another_opening(folded, line_start, start):
            continue  # another opening's need, named beside this role's
        clause_start, clause_end = _clause_bounds(folded, match)
        window = folded[start:clause_end]
        before = folded[clause_start:start]
        level: str | None = None
        span_end = match.end()
        if language == "ja":
            jlpt = _JLPT.search(window)
            if jlpt is not None:
                # "マネージャー職はN1、本ポジションはN3": the level said of this role
                for later in _JLPT.finditer(window, jlpt.end()):
                    if THIS_ROLE.search(window, jlpt.end(), later.start()):
                        jlpt = later
                        break
            if jlpt is not None and _in_plus_aside(window, jlpt):
                jlpt = None  # "business-level Japanese (JLPT N1 preferred)": N1 is a plus
            if jlpt and (
                match.group("ja") in ("jlpt", "日本語能力試験")
                or jlpt.start() < 30
                # the exam named: "read Japanese comfortably — roughly JLPT N3 level"
                or (
                    jlpt.start() < _EXAM_REACH
                    and _EXAM_NAME.match(jlpt.group())
                    and not _CLAUSE_MARK.search(window, 0, jlpt.start())
                )
            ):
                jlpt = _lowest_jlpt(window, jlpt)
                ranged = _JLPT_RANGE.match(window, jlpt.end())
                if ranged is not None and abs(int(ranged.group(1)) - int(jlpt.group(1))) > 1:
                    # "日本語能力試験（N1〜N5）対策アプリ", "covering N5 to N1": the exam's
                    # scale, not a level asked
                    continue
                level = f"N{max(jlpt.group(1), ranged.group(1) if ranged else '0')}"
                span_end = start + (ranged.end() if ranged else jlpt.end())
            elif jlpt is None:
                jlpt = _JLPT.search(before)
                if jlpt and re.search(r"jlpt|日本語能力試験", before):
                    level = f"N{jlpt.group(1)}"
        else:
            toeic = _TOEIC.search(window)
            if toeic:
                score = int(toeic.group(1))
                level = (
                    "business" if score >= 800 else "conversational" if score >= 600 else "basic"
                )
                span_end = start + toeic.end()
            else:
                exam = _ENGLISH_EXAM.search(window)
                if exam is not None:
                    level = _exam_level(exam)
                    span_end = start + exam.end()
        if level is None:
            for pattern, word in _LEVEL_WORDS:
                m = pattern.search(folded, clause_start, clause_end)
                if m and word != "none" and _NEGATED_AFTER.match(folded, m.end()):
                    # "会話は不要": this word is negated; a later one may not be
                    m = next(
                        (
                            m
                            for m in pattern.finditer(folded, m.end(), clause_end)
                            if not _NEGATED_AFTER.match(folded, m.end())
                        ),
                        None,
                    )
                if m:
                    level, level_end = _lowest_word(folded, m, word, clause_start, clause_end)
                    span_end = max(span_end, level_end)
                    break
        below_plus = False
        labelled = False
        if level is None and _LANGUAGE_HEADING.match(folded, line_start, line_end(folded, start)):
            # "【英語力】\n不問": a heading naming the language, its level on the next line
            below = line_end(folded, start) + 1
            level, span_end = _level_below(folded, start, language, span_end)
            labelled = level is not None
            # "英語 / English\n日常会話程度あれば尚可": the line below makes it a plus
            below_plus = _plus_in(folded, below, line_end(folded, below), below, None)
        kind = section_kind(folded, line_start, sections, start)
        if kind == "preferred" and (labelled or _own_language_field(folded, line_start)):
            # (a label line and its level below: "Nice to have\nVue.js\nJapanese\nBusiness
            # level", one cell per line, is a field after the list, not an item of it)
            kind = (
                "unknown"  # "日本語　：☑ネイティブレベル必須" after a 尚可 list: a field of its own
            )
        if (
            kind == "preferred"
            and level is not None
            and _OWN_REQUIRED.search(folded, match.end(), clause_end)
        ):
            kind = "required"  # "Fluent English required" below a Nice-to-have list
        optional = (
            below_plus
            or _plus_in(folded, clause_start, clause_end, match.end(), span_end if level else None)
            or kind == "preferred"
        )
        if level is None:
            if not optional:
                continue
            level = "none"  # named only as a plus
        # "for this role" before the language word, or after its level up to a "but"
        after = folded[span_end:clause_end]
        turn = _TURN.search(after)
        this_role = bool(
            THIS_ROLE.search(folded, max(line_start, start - _THIS_ROLE_REACH), start)
            or THIS_ROLE.search(after[: turn.start()] if turn else after)
        )
        found.append(
            _Statement(
                language,
                level,
                start,
                span_end,
                optional,
                asked=kind == "required",
                this_role=this_role,
            )
        )
    # "N2" alone (no language word near): JLPT levels are Japanese by definition.
    if not any(s.language == "ja" for s in found):
        for m in finditer_in(_BARE_JLPT, folded, windows):
            line_start = folded.rfind("\n", 0, m.start()) + 1
            if goals and _a_goal(folded, line_start, m.start()):
                continue
            optional = section_kind(folded, line_start, sections, m.start()) == "preferred"
            found.append(_Statement("ja", f"N{m.group(1)}", m.start(), m.end(), optional))
    return found


# A range of JLPT levels after one: "N1〜N2" (the lower is enough), "N1〜N5" (the scale).
_JLPT_RANGE = re.compile(r"\s?(?:〜|~|-|–|to|から)\s?n\s?([1-5])(?![0-9])")


def _lowest_jlpt(window: str, jlpt: re.Match[str]) -> re.Match[str]:
    """The lowest of JLPT levels given as alternatives from ``jlpt`` on ("N1 or N2": N2)."""
    lowest = jlpt
    while True:
        joined = _OR.match(window, lowest.end())
        later = _JLPT.match(window, joined.end()) if joined is not None else None
        if later is None:
            return jlpt
        if later.group(1) > jlpt.group(1):
            jlpt = later
        lowest = later


def _joined_before(folded: str, begin: int, clause_start: int) -> str | None:
    """The level word that an "or" joins to the one at ``begin`` ("fluent or native")."""
    for pattern, word in _LEVEL_WORDS:
        if word == "none":
            continue
        for found in pattern.finditer(folded, clause_start, begin):
            joined = _OR.match(folded, found.end(), begin)
            if joined is not None and joined.end() == begin:
                return word
    return None


def _lowest_word(
    folded: str, m: re.Match[str], word: str, clause_start: int, clause_end: int
) -> tuple[str, int]:
    """The lowest of level words given as alternatives with ``m`` ("native or business
    level": business; "fluent or native": fluent), and where the last of them ends."""
    before = _joined_before(folded, m.start(), clause_start)
    if before is not None and _RANK[before] < _RANK[word]:
        word = before
    end = m.end()
    while True:
        joined = _OR.match(folded, end, clause_end)
        if joined is None:
            return word, end
        later = None
        for pattern, other in _LEVEL_WORDS:
            if other != "none":
                found = pattern.match(folded, joined.end(), clause_end)
                if found is not None:
                    later = (other, found.end())
                    break
        if later is None:
            return word, end
        if _RANK[later[0]] < _RANK[word]:
            word = later[0]
        end = later[1]


def _level_below(folded: str, start: int, language: str, span_end: int) -> tuple[str | None, int]:
    """The level on the first non-blank line under a language heading at ``start``."""
    begin = line_end(folded, start) + 1
    while begin < len(folded) and folded[begin] == "\n":
        begin += 1
    if begin >= len(folded):
        return None, span_end
    end = min(line_end(folded, begin), begin + _CLAUSE)
    exam = (_JLPT if language == "ja" else _TOEIC).search(folded, begin, end)
    if exam is not None:
        if language == "ja":
            return f"N{exam.group(1)}", exam.end()
        score = int(exam.group(1))
        level = "business" if score >= 800 else "conversational" if score >= 600 else "basic"
        return level, exam.end()
    for pattern, word in _LEVEL_WORDS:
        m = pattern.search(folded, begin, end)
        if m and (word == "none" or not _NEGATED_AFTER.match(folded, m.end())):
            return word, m.end()
    return None, span_end


def _pick(statements: list[_Statement], language: str) -> _Statement | None:
    mine = [s for s in statements if s.language == language]
    own = next((s for s in mine if s.this_role and not s.optional), None)
    if own is not None:
        # "English is not required for this role (the platform team, hiring separately,
        # requires business English)": what is said of this role wins, a none included
        return own
    required = [s for s in mine if not s.optional and s.level != "none"]
    if required:
        # the one said of this role, else the first under a requirements heading, else the first
        return next(
            (s for s in required if s.this_role),
            next((s for s in required if s.asked), required[0]),
        )
    explicit_none = [s for s in mine if s.level == "none"]
    if explicit_none:
        return explicit_none[0]
    if mine:  # named only as a plus: not required
        return _Statement(language, "none", mine[0].start, mine[0].end, True)
    return None


def parse_languages(
    folded: str, sections: Sections, triggers: Triggers
) -> tuple[tuple[JapaneseLevel | None, Span | None], tuple[EnglishLevel | None, Span | None]]:
    statements = _statements(folded, sections, triggers)
    ja = _pick(statements, "ja")
    en = _pick(statements, "en")
    ja_level: JapaneseLevel | None = None
    en_level: EnglishLevel | None = None
    if ja is not None:
        ja_level = ja.level if ja.level.startswith("N") else _JA_FROM_WORD[ja.level]  # type: ignore[assignment]
    if en is not None:
        en_level = en.level if en.level in _EN_FROM_WORD.values() else _EN_FROM_WORD[en.level]  # type: ignore[assignment]
    en_span = Span(en.start, en.end) if en else None
    if ja is None and en is None:
        # "日本語・英語どちらでも構いません", "Japanese or English — whichever you prefer":
        # either language will do, so neither is asked
        either = search_in(_EITHER_LANGUAGE, folded, triggers.windows("language", 40, 60))
        if either is not None and not _DOCUMENTS_OR_INTERVIEW.search(
            folded, folded.rfind("\n", 0, either.start()) + 1, either.start()
        ):
            span = Span(either.start(), either.end())
            return ("none", span), ("none", span)
    if en is None:
        # "Company language: English", 社内公用語は英語: the work is done in English, at a
        # business level, though no level is named
        working = search_in(_WORKING_LANGUAGE_EN, folded, triggers.windows("language", 40, 20))
        if working is not None:
            en_level, en_span = "business", Span(working.start(), working.end())
    return (
        (ja_level, Span(ja.start, ja.end) if ja else None),
        (en_level, en_span),
    )


# What a language may be chosen for that is not the work: the application, the interview.
_DOCUMENTS_OR_INTERVIEW = re.compile(
    r"応募書類|書類|履歴書|職務経歴書|レジュメ|面接|面談|選考|application|r[ée]sum[ée]|\bcv\b|interview"
    r"|cover letter|documents?"
)
_EITHER_LANGUAGE = re.compile(
    r"(?:日本語|英語)\s?(?:・|と|/|／|か|または|or)\s?(?:日本語|英語)(?:の)?\s?(?:は)?(?:どちらでも|いずれでも)"
    r"(?:構いません|かまいません|可|ok|大丈夫|問題ありません|結構です|よい|良い|いい)"
    r"|\b(?:either )?(?:japanese or english|english or japanese)\b[ \t—–-]{0,4}"
    r"(?:whichever|either (?:is|works|one)|is fine|are (?:both )?fine|both work)"
)
_WORKING_LANGUAGE_EN = re.compile(
    r"\b(?:company|working|official|office|workplace|team|internal|corporate) language"
    r"(?: is|\s?[:：])\s?english\b(?! (?:and|or|/) japanese)"
    r"|(?:社内)?(?:の)?公用語(?:は|:)\s?英語(?!と日本語|・日本語|/日本語)"
)
