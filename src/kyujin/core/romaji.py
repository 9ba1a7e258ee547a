"""Japanese terms written in romaji inside English and mixed postings.

Postings for foreign engineers keep the Japanese words of the trade in romaji: "Koyo keitai:
seishain", "Nenshu: 600man yen ~ 900man yen", "Nihongo: bijinesu reberu (JLPT N2 ijo)",
"shukkin 2 days a week, zaitaku the other 3", "Biza sapoto ari", "Hissu / Must",
"Keiken 3 nen ijo"; and postings in やさしい日本語 spell the pay words in kana
(きゅうりょう, 22まんえん). ``romaji_edits`` gives each such term's Japanese, as edits for
``kyujin.core.markup`` (which keeps every span pointing into the text as given), so that the
rules written for Japanese read them.

Only words that are not English words are taken, each standing alone (no ASCII letter on
either side); the particles "ari" / "nashi" / "ka" only right after a term they complete, and
"man" / "nen" only after a figure. One Aho-Corasick scan of the text finds them.
"""

from __future__ import annotations

import re

from ahocorasick_rs import AhoCorasick, MatchKind

_WORDS: dict[str, str] = {
    # languages and levels
    "nihongo": "日本語",
    "eigo": "英語",
    "bijinesu reberu": "ビジネスレベル",
    "bijinesu": "ビジネス",
    "reberu": "レベル",
    "nichijo kaiwa": "日常会話",
    "nichijou kaiwa": "日常会話",
    "kaiwa": "会話",
    "neitibu": "ネイティブ",
    "ijo": "以上",
    "ijou": "以上",
    "fumon": "不問",
    "fuyo": "不要",
    "fuyou": "不要",
    "fuka": "不可",
    # sections
    "hissu": "必須",
    "kangei": "歓迎",
    "boshu": "募集",
    "boshuu": "募集",
    "oubo shikaku": "応募資格",
    "obo shikaku": "応募資格",
    "shigoto naiyo": "仕事内容",
    "shigoto naiyou": "仕事内容",
    # employment
    "seishain": "正社員",
    "sei shain": "正社員",
    "keiyaku shain": "契約社員",
    "keiyakushain": "契約社員",
    "haken shain": "派遣社員",
    "hakenshain": "派遣社員",
    "haken": "派遣",
    "gyomu itaku": "業務委託",
    "gyoumu itaku": "業務委託",
    "gyomu-itaku": "業務委託",
    "koyo keitai": "雇用形態",
    "koyou keitai": "雇用形態",
    # place and pay
    "kinmuchi": "勤務地",
    "kinmu-chi": "勤務地",
    "kinmu keitai": "勤務形態",
    "kyuyo": "給与",
    "kyuuyo": "給与",
    "nenshu": "年収",
    "nenshuu": "年収",
    "gekkyu": "月給",
    "gekkyuu": "月給",
    "jikyu": "時給",
    "jikyuu": "時給",
    "nenpo": "年俸",
    "nenpou": "年俸",
    "shoyo": "賞与",
    "shouyo": "賞与",
    "teate": "手当",
    "kotsuhi": "交通費",
    "koutsuuhi": "交通費",
    "zangyo": "残業",
    "zangyou": "残業",
    # way of working, visa, experience
    "zaitaku": "在宅",
    "shukkin": "出社",
    "mainichi": "毎日",
    "furu rimoto": "フルリモート",
    "rimoto": "リモート",
    "biza sapoto": "ビザサポート",
    "biza": "ビザ",
    "sapoto": "サポート",
    "jitsumu keiken": "実務経験",
    "mikeiken": "未経験",
    "keiken": "経験",
    # やさしい日本語 spells the pay words in kana: "【きゅうりょう】 つき 22まんえん から"
    "きゅうりょう": "給料",
    "じきゅう": "時給",
    "げっきゅう": "月給",
    "ねんしゅう": "年収",
    "まんえん": "万円",
}
# Particles taken only right after a term they complete ("biza sapoto ari", "mikeiken ka").
_AFTER: dict[str, tuple[str, frozenset[str]]] = {
    "ari": ("あり", frozenset({"biza sapoto", "sapoto", "biza", "zaitaku", "rimoto", "teate"})),
    "nashi": (
        "なし",
        frozenset({"biza sapoto", "sapoto", "biza", "zaitaku", "rimoto", "shukkin", "zangyo"}),
    ),
    "ka": ("可", frozenset({"mikeiken", "zaitaku", "rimoto", "furu rimoto"})),
}
# Counters taken only after a figure: "600man yen", "3 nen ijo".
_AFTER_FIGURE = {"man yen": "万円", "man en": "万円", "man": "万", "nen": "年"}
# Each term as written in lower case, capitalised and in capitals ("Nenshu:", "HISSU"): the
# text is scanned as it is, lower-casing a non-ASCII text costing as much as the scan.
_VARIANTS = [
    (variant, base)
    for base in (*_WORDS, *_AFTER, *_AFTER_FIGURE)
    for variant in dict.fromkeys((base, base.capitalize(), base.title(), base.upper()))
]
_KEYS = [variant for variant, _ in _VARIANTS]
_BASE_OF = [base for _, base in _VARIANTS]
_ENGINE = AhoCorasick(_KEYS, matchkind=MatchKind.LeftmostLongest)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _in_name(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z" or c == "_" or c == "@"


def romaji_edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, Japanese) for each romaji term of ``text``, in order."""
    try:
        matches = _ENGINE.find_matches_as_indexes(text)
    except UnicodeEncodeError:  # a lone surrogate (possible in JSON input): same length
        text = _SURROGATE.sub("\ufffd", text)
        matches = _ENGINE.find_matches_as_indexes(text)
    edits: list[tuple[int, int, str]] = []
    last_end, last_key = -2, ""
    for index, start, end in matches:
        if (start > 0 and _in_name(text[start - 1])) or (end < len(text) and _in_name(text[end])):
            continue  # part of a longer word, or of a handle or file name ("u/nihongo_jouzu")
        key = _BASE_OF[index]
        if key in _WORDS:
            japanese = _WORDS[key]
        elif key in _AFTER:
            japanese, completes = _AFTER[key]
            if last_key not in completes or start - last_end > 1:
                continue
        else:
            # (a bare "man" right after its figure only: not "a 5 man team")
            figure_at = start - 1 if key != "man" and text[start - 1 : start] == " " else start
            if figure_at == 0 or not text[figure_at - 1].isdigit():
                continue
            japanese = _AFTER_FIGURE[key]
        if start - last_end == 1 and text[last_end] == " ":
            edits.append((last_end, start, ""))  # "biza sapoto ari": Japanese runs on
        edits.append((start, end, japanese))
        last_end, last_key = end, key
    return edits
