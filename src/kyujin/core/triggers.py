"""One Aho-Corasick pass that tells each fact parser where to look.

The fact parsers' regexes are alternations of dozens of phrases; run over a whole 3 KB
posting each costs 50-300 µs. Every phrase they match contains one of a few trigger words
(年収, salary, 日本語, remote, ビザ, 正社員, 経験, 必須, ...), so one scan for all triggers
(a few µs) and regexes only in windows around the hits keep extraction within budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from kyujin.core.prefilter import Dispatched

TRIGGERS: dict[str, tuple[str, ...]] = {
    "salary": (
        "円",
        "万",
        "¥",
        "$",
        "€",
        "£",
        "jpy",
        "usd",
        "eur",
        "gbp",
        "yen",
        "salary",
        "年収",
        "月給",
        "時給",
        "年俸",
        "給与",
        "compensation",
        "pay",
        "dollar",
        "euro",
        "pound",
    ),
    "language": (
        "日本語",
        "japanese",
        "jlpt",
        "英語",
        "english",
        "toeic",
        "toefl",
        "ielts",
        "英会話",
        "にほんご",
        "n1",
        "n2",
        "n3",
        "n4",
        "n5",
        "jp:",
        "jp n",
        "jp native",
        "jp business",
        "jp fluent",
        "jp conversational",
        "en:",
        "en native",
        "en business",
        "en fluent",
        "en conversational",
        "en basic",
    ),
    "remote": (
        "リモート",
        "在宅",
        "出社",
        "常駐",
        "ハイブリッド",
        "remote",
        "hybrid",
        "office",
        "on-site",
        "onsite",
        "on site",
        "on_site",
        "テレワーク",
        "from home",
        "wfh",
        "anywhere",
        "全国どこでも",
        "telework",
        "in-person",
        "in person",
        "家で",
        "いえで",
        "まいにち",
        "毎日",
        "フルリモ",
        "リモ可",
        "リモok",
        "リモあり",
    ),
    "visa": (
        "ビザ",
        "お住まい",
        "居住",
        "からの応募",
        "からのご応募",
        "在留資格",
        "就労資格",
        "在住",
        "visa",
        "sponsor",
        "resid",
        "living in",
        "live in",
        "based in",
        "located in",
        "right to work",
        "relocation",
        "abroad",
        "overseas",
        "in japan",
        "japan-based",
        "japan based",
        "work permit",
        "certificate of eligibility",
        "外国籍",
        "日本国籍",
        "japanese citizen",
        "japanese national",
    ),
    "employment": (
        "正社員",
        "契約",
        "業務委託",
        "フリーランス",
        "個人事業主",
        "派遣",
        "請負",
        "準委任",
        "full-time",
        "full time",
        "fulltime",
        "permanent",
        "regular employee",
        "fixed-term",
        "fixed term",
        "contract",
        "freelanc",
        "independent contractor",
        "dispatch",
        "haken",
        "temporary",
        "temp staff",
        "temp-to",
        "temp to ",
        "雇用形態",
        "employment type",
        "job type",
        "employment:",
        "full_time",
        '"contractor"',
    ),
    "years": (
        "年以上",
        "年程度",
        "年超",
        "年の",
        "経験",
        "year",
        "yrs",
        "yr",
        "yoe",
        "decade",
        "months",
        "ヶ月以上",
        "か月以上",
        "カ月以上",
        "未経験",
        "entry-level",
        "entry level",
        "new grad",
        "experience",
        "歴",
        "新卒",
        "年目",
        "beginner",
        "background",
        "いじょう",
        "年半",
        "ideal answer",
        "実務",
        "年↑",
        "y+",
        "nen ijo",
        "nen-ijo",
        "nen ijō",
        "nenijo",
    ),
    "location": (
        "勤務地",
        "勤務場所",
        "就業場所",
        "勤務先",
        "所在地",
        "location",
        "workplace",
        "work place",
        "place of work",
        "office",
        "オフィス",
        "based in",
        "based at",
        "role is",
        "position is",
        "job is",
        "site role",
        "site position",
        "address",
        "出社先",
        "場所",
        "所属オフィス",
        "所属拠点",
        "所属するオフィス",
        "所属する拠点",
    ),
    # a way of working that changes at a date or after a first period
    "change": (
        "以降",
        "月より",
        "月から",
        "月目",
        "終了後",
        "修了後",
        "経過後",
        "その後",
        "from jan",
        "from feb",
        "from mar",
        "from apr",
        "from may",
        "from jun",
        "from jul",
        "from aug",
        "from sep",
        "from oct",
        "from nov",
        "from dec",
        "from 20",
        "from month",
        "starting",
        "after the first",
        "after your first",
        "after probation",
        "after the probation",
        "after onboarding",
        "thereafter",
        "after that",
    ),
    # an office moving: what applies to someone hired now is the place after the move
    "move": ("移転", "引っ越", "move to", "moves to", "moving to", "relocat"),
    # a posting that lists several positions: the first two of them ("【ポジションA】",
    # "Position 2"; the second alone when the first is blanked as another position's)
    "positions": tuple(
        f"{word}{gap}{first}"
        for word in ("ポジション", "募集職種")
        for gap in ("", " ")
        for first in ("1", "2", "a", "b", "①", "②")
    )
    + tuple(
        f"{word} {first}{after}"
        for word in ("position", "role", "opening")
        for first in ("1", "2", "a", "b")
        for after in ("", " -", " –", " —", ":", ")", "]", "\n")
        if first.isdigit() or after
    ),
    # another opening, or the agency's own people and record (kyujin.core.roles.OTHER_OPENING)
    "others": (
        "ポジション以外",
        "同時募集",
        "different opening",
        "different role",
        "different position",
        "別の求人",
        "別のポジション",
        "this position)",
        "this role)",
        "本ポジション）",
        "本ポジション)",
        "求人以外",
        "他職種",
        "別職種",
        "別途募集",
        "募集は別途",
        "別求人",
        "別ポジション",
        "別枠で",
        "募集中",
        "も募集",
        "も同時に募集",
        "当社のキャリア",
        "当社のアドバイザー",
        "当社のコンサルタント",
        "弊社のキャリア",
        "弊社のアドバイザー",
        "弊社のコンサルタント",
        "当社経由",
        "弊社経由",
        "入社実績",
        "advertised separately",
        "listed separately",
        "posted separately",
        "separate posting",
        "separate opening",
        "separate listing",
        "separate role",
        "separate position",
        "separate vacancy",
        "separate job ad",
        "separately advertised",
        "separately listed",
        "separately posted",
        "hiring separately",
        "separately hiring",
        "other than this",
        "also hiring",
        "currently hiring",
        "hiring for another",
        "also hire",
        "also looking for",
        "also recruiting",
        "also seeking",
        "our clients",
        "our own",
        "our internal",
        "our consultants",
        "our advisors",
        "our recruiters",
        "our career",
        "another role",
        "another position",
        "another opening",
        "other role",
        "other position",
        "other opening",
    ),
    # pay given for comparison or reference (kyujin.core.facts.salary._REFERENCE)
    "reference": ("参考", "比較", "comparison", "reference", "compared"),
    # hiring tracks for one position (kyujin.core.facts.work._TRACK)
    "tracks": ("者枠", "採用枠", "ア枠", "ル枠", "卒枠", " track"),
    # a table copied from a web page, one cell a line, with a years column
    "table": ("\nyears\n", "\nyear\n", "\nyrs\n", "\n年数\n", "\n経験年数\n"),
    "heading": (
        "必須",
        "歓迎",
        "尚可",
        "優遇",
        "応募",
        "求める",
        "求めて",
        "嬉しい",
        "うれしい",
        "必要な",
        "require",
        "must",
        "qualification",
        "what you",
        "what we",
        "what they",
        "what the client",
        "what the team",
        "who they",
        "who the client",
        "what our client",
        "who our client",
        "what the team",
        "who the team",
        "who the team",
        "about you",
        "background",
        "ideal candidate",
        "who you",
        "you have",
        "you should",
        "you will have",
        "skills",
        "experience",
        "essential",
        "nice",
        "prefer",
        "bonus",
        "plus",
        "desirable",
        "good to have",
        "ideally",
        "extra credit",
        "even better",
        "want",
        "help",
        "業務",
        "仕事",
        "職務",
        "給与",
        "年収",
        "待遇",
        "福利厚生",
        "勤務",
        "雇用形態",
        "休日",
        "休暇",
        "選考",
        "会社概要",
        "企業概要",
        "会社紹介",
        "企業紹介",
        "会社情報",
        "企業情報",
        "当社について",
        "弊社について",
        "私たちについて",
        "わたしたちについて",
        "我々について",
        "who we are",
        "our company",
        "company ",
        "募集背景",
        "ポジション",
        "開発環境",
        "使用技術",
        "技術スタック",
        "チーム",
        "働き方",
        "試用期間",
        "about",
        "responsib",
        "role",
        "job description",
        "benefit",
        "perk",
        "salary",
        "compensation",
        "location",
        "hours",
        "process",
        "stack",
        "team",
        "employment",
        "visa",
        "remote",
        "holiday",
        "apply",
        "why join",
        "your profile",
        "condition",
        "terms",
        "offer",
        "work style",
        "条件",
        "working style",
        "補足",
        "備考",
        "注記",
        "note",
        "welcome",
        "better to have",
        "加点",
        "mandatory",
        "ひつよう",
        "プラスα",
        "さらにこんな",
        "great if",
        "extra point",
        "not required, but",
        "table stakes",
        "the basics",
        "before you apply",
        "minimum bar",
        "in the door",
        "ご経験について",
        "お待ちしています",
        "マスト",
        "確認してほしい",
        "preferable",
        "歓迎する",
        "必須の",
        "glance",
        "概要",
        "summary",
        "overview",
        "necessary",
        "who we",
        "働きたい",
        "要項",
        "key facts",
    ),
    "inline": (
        "歓迎",
        "尚可",
        "優遇",
        "plus",
        "bonus",
        "advantage",
        "nice to have",
        "prefer",
        "desirable",
        "helpful",
        "not required but",
        "必須",
        "required",
        "must",
        "optional",
    ),
    # Not windows: whether a text counts months at all, or speaks of the reader's or the
    # writer's own record (a scout, a post), tells parse_years which tests to run.
    "months": ("ヶ月", "ケ月", "か月", "カ月", "ヵ月", "箇月", "month", "半年"),
    "speaker": (
        "あなたの",
        "ご経歴",
        "拝見",
        "拝察",
        "自分は",
        "私は",
        "僕は",
        "わたしは",
        "i joined",
        "i spent",
        "i worked",
        "i've been",
        "i have been",
    ),
    # a person a sentence may describe ("our CEO ... speaks fluent English")
    "person": (
        "ceo",
        "cto",
        "coo",
        "cfo",
        "founder",
        "president",
        "manager",
        "director",
        "lead",
        "社長",
        "代表",
        "創業者",
    ),
}
# Index of each trigger word in the engine -> the parsers it serves.
_WORDS: list[str] = []
_USERS: list[tuple[str, ...]] = []
for _kind, _words in TRIGGERS.items():
    for _word in _words:
        if _word in _WORDS:
            _USERS[_WORDS.index(_word)] += (_kind,)
        else:
            _WORDS.append(_word)
            _USERS.append((_kind,))
_ENGINE = AhoCorasick(_WORDS, matchkind=MatchKind.Standard, implementation=Implementation.DFA)


class Triggers:
    """Positions of trigger words in a folded text, by parser."""

    __slots__ = ("_positions", "length")

    def __init__(self, folded: str) -> None:
        self.length = len(folded)
        positions: dict[str, list[int]] = {kind: [] for kind in TRIGGERS}
        for index, start, _end in _ENGINE.find_matches_as_indexes(folded, overlapping=True):
            for kind in _USERS[index]:
                positions[kind].append(start)
        for found in positions.values():
            found.sort()  # overlapping matches arrive in order of their end, not start
        self._positions = positions

    def any(self, kind: str) -> bool:
        return bool(self._positions[kind])

    def windows(self, kind: str, before: int, after: int) -> list[tuple[int, int]]:
        """Merged [start, end) windows around each trigger of ``kind``."""
        positions = self._positions[kind]
        if not positions:
            return []
        # Positions are sorted, so windows' starts and ends only grow: a window that
        # overlaps the open one extends it to its own end.
        merged: list[tuple[int, int]] = []
        length = self.length
        open_start = open_end = -1
        for position in positions:
            start = position - before if position > before else 0
            end = position + after if position + after < length else length
            if start <= open_end:
                open_end = end
            else:
                if open_end >= 0:
                    merged.append((open_start, open_end))
                open_start, open_end = start, end
        merged.append((open_start, open_end))
        return merged


def search_in(
    pattern: re.Pattern[str] | Dispatched, text: str, windows: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first match of ``pattern`` starting inside one of ``windows``."""
    for start, end in windows:
        match = pattern.search(text, start, end)
        if match is not None:
            return match
    return None


def finditer_in(
    pattern: re.Pattern[str] | Dispatched, text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
