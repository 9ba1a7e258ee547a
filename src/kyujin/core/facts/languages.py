"""Required Japanese and English levels.

A level phrase (JLPT N2, ビジネスレベル, 日常会話, native, TOEIC 800) belongs to the language
word nearest before it on the same line (日本語：ビジネスレベル, "Japanese: business level"),
or after it ("business-level Japanese"). A language named only as a plus (歓迎, "a plus",
"preferred") is not required: level ``none``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kyujin.core.model import EnglishLevel, JapaneseLevel, Span
from kyujin.core.sections import Sections
from kyujin.core.triggers import Triggers, finditer_in

_LANGUAGE = re.compile(
    r"(?P<ja>日本語能力試験|日本語|japanese|jlpt|にほんご)|(?P<en>英語|english|toeic|toefl|ielts|英会話)"
)
_JLPT = re.compile(r"(?:jlpt|日本語能力試験)?\s?[(（]?\s?n\s?([1-5])(?![0-9])")
_BARE_JLPT = re.compile(r"(?<![a-z0-9])n([1-5])(?:\s?(?:以上|レベル|level|or above|or higher))")
_TOEIC = re.compile(r"toeic\s?(?:score\s?(?:of\s?)?)?[:：]?\s?(\d{3})")
_LEVEL_WORDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"不問|不要|必要(?:ありません|ない|なし)|問いません|not (?:required|necessary|needed)"
            r"|no (?:japanese|english)(?: (?:skills?|ability))? (?:is )?(?:required|needed)"
            r"|without (?:japanese|english)|none required|is optional|optional"
        ),
        "none",
    ),
    (re.compile(r"ネイティブ|母国語|native"), "native"),
    (re.compile(r"流暢|堪能|fluent|fluency|advanced|上級"), "fluent"),
    (
        re.compile(r"ビジネス|business|professional|業務で(?:使用|活用)|working proficiency"),
        "business",
    ),
    (re.compile(r"日常会話|会話|conversational|intermediate|中級"), "conversational"),
    (
        re.compile(
            r"読み書き|読解|ドキュメント|技術文書|read(?:ing)? (?:technical )?(?:documents?|docs)"
            r"|basic|初級|beginner|簡単な"
        ),
        "basic",
    ),
]
_PLUS = re.compile(
    r"歓迎|尚可|優遇|a plus|is a plus|plus\b|preferred|nice to have|bonus|advantage|desirable"
    r"|helpful|not required but|welcome"
)
_JA_FROM_WORD = {
    "native": "native",
    "fluent": "N1",
    "business": "N2",
    "conversational": "N3",
    "basic": "N4",
    "none": "none",
}
_EN_FROM_WORD = {
    "native": "native",
    "fluent": "business",
    "business": "business",
    "conversational": "conversational",
    "basic": "basic",
    "none": "none",
}
_CLAUSE = 45  # characters a level phrase may sit from its language word


@dataclass(frozen=True, slots=True)
class _Statement:
    language: str  # "ja" | "en"
    level: str
    start: int
    end: int
    optional: bool


def _clause_end(folded: str, start: int) -> int:
    nl = folded.find("\n", start)
    return min(nl if nl >= 0 else len(folded), start + _CLAUSE)


def _statements(folded: str, sections: Sections, triggers: Triggers) -> list[_Statement]:
    found: list[_Statement] = []
    windows = triggers.windows("language", 0, 20)
    for match in finditer_in(_LANGUAGE, folded, windows):
        language = "ja" if match.group("ja") else "en"
        start = match.start()
        line_start = folded.rfind("\n", 0, start) + 1
        end = _clause_end(folded, match.end())
        window = folded[match.start() : end]
        before = folded[max(line_start, start - 25) : start]
        level: str | None = None
        span_end = match.end()
        if language == "ja":
            jlpt = _JLPT.search(window)
            if jlpt and (match.group("ja") in ("jlpt", "日本語能力試験") or jlpt.start() < 25):
                level = f"N{jlpt.group(1)}"
                span_end = match.start() + jlpt.end()
        else:
            toeic = _TOEIC.search(window)
            if toeic:
                score = int(toeic.group(1))
                level = (
                    "business" if score >= 800 else "conversational" if score >= 600 else ("basic")
                )
                span_end = match.start() + toeic.end()
        if level is None:
            for pattern, word in _LEVEL_WORDS:
                m = pattern.search(window) or pattern.search(before)
                if m:
                    level = word
                    if m.string is window:
                        span_end = max(span_end, match.start() + m.end())
                    break
        if level is None:
            continue
        clause = folded[line_start : _clause_end(folded, match.end())]
        optional = bool(_PLUS.search(clause)) or sections.requirement_at(start) == "preferred"
        found.append(_Statement(language, level, start, span_end, optional))
    # "N2" alone (no language word near): JLPT levels are Japanese by definition.
    if not any(s.language == "ja" for s in found):
        for m in finditer_in(_BARE_JLPT, folded, windows):
            found.append(_Statement("ja", f"N{m.group(1)}", m.start(), m.end(), False))
    return found


def _pick(statements: list[_Statement], language: str) -> _Statement | None:
    mine = [s for s in statements if s.language == language]
    required = [s for s in mine if not s.optional and s.level != "none"]
    if required:
        return required[0]
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
    return (
        (ja_level, Span(ja.start, ja.end) if ja else None),
        (en_level, Span(en.start, en.end) if en else None),
    )
