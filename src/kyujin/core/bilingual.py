"""Bilingual postings: the Japanese half governs where the two halves disagree.

A posting in Japanese and English states its facts twice; when the halves differ (an
English "conversational Japanese" beside 日本語：ビジネスレベル, ¥5M–7M beside 年収500万〜
750万円), the Japanese is the original and the English its translation, as Japanese
employers' bilingual documents say of themselves (日本語版が優先します).

``japanese_view`` gives the folded text with its English parts blanked out (same length, so
offsets hold), or None when the text is not written in both languages.
"""

from __future__ import annotations

import re

from kyujin.core.text import line_end

_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺー一-龯々]")
# Where one line holds both halves: "Salary / 給与", "Full-time, permanent / 正社員".
_HALVES = re.compile(r"\s[/|｜]\s|／|｜")
# English words in a row: a part without them ("JLPT N1", "AWS", "¥8M") is kept.
_ENGLISH = re.compile(r"[a-z]{2,}[,:;.]?\s+[a-z]{2,}")
_ENGLISH_WORDS = re.compile(r"[a-z]{2,}(?:\s+[a-z]{2,}){2}")  # three words in a row
_MIN_PARTS = 3  # English parts, and Japanese lines, that make a text bilingual
# A heading that opens the English half: "### English summary", 【英語版】, "In English".
_ENGLISH_HALF = re.compile(
    r"(?m)^[ \t#*■◆【\[(（-]*(?:english (?:summary|version|translation)|in english|英語版|英文)"
    r"[ \t】\])）:：-]*$"
)


def japanese_view(folded: str) -> str | None:
    """``folded`` with every part written in English words replaced by spaces, or None when
    the text does not hold at least a few English parts and a few Japanese lines."""
    blanks: list[tuple[int, int]] = []
    japanese_lines = 0
    english_parts = 0
    position = 0
    for line in folded.split("\n"):
        if _JAPANESE.search(line):
            japanese_lines += 1
            if "/" not in line and "|" not in line and "／" not in line and "｜" not in line:
                position += len(line) + 1
                continue  # one part, with Japanese in it
            part_start = 0
            for separator in [*_HALVES.finditer(line), None]:
                part_end = separator.start() if separator else len(line)
                part = line[part_start:part_end]
                if _english(part):
                    blanks.append((position + part_start, position + part_end))
                    english_parts += bool(_ENGLISH_WORDS.search(part))
                part_start = separator.end() if separator else part_end
        elif _ENGLISH.search(line):
            blanks.append((position, position + len(line)))
            english_parts += bool(_ENGLISH_WORDS.search(line))
        position += len(line) + 1
    if japanese_lines < _MIN_PARTS or (
        english_parts < _MIN_PARTS and not (english_parts and _ENGLISH_HALF.search(folded))
    ):
        return None
    pieces: list[str] = []
    last = 0
    for start, end in blanks:
        pieces.append(folded[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(folded[last:])
    return "".join(pieces)


def in_blank(view: str, start: int, end: int) -> bool:
    """The span [start, end) lies wholly in a blanked (English) part of ``view``."""
    return end > start and not view[start:end].strip()


def japanese_statement(view: str, start: int) -> bool:
    """The line of ``view`` holding ``start`` is written in Japanese (not a fragment such as
    "- JLPT N1" left between two English lines)."""
    line_start = view.rfind("\n", 0, start) + 1
    return _JAPANESE.search(view, line_start, line_end(view, start)) is not None


def in_english_part(folded: str, start: int) -> bool:
    """The part of its line (lines pair their halves: "Hybrid / ハイブリッド") holding
    ``start`` is written in English words, with no Japanese."""
    line_start = folded.rfind("\n", 0, start) + 1
    line = folded[line_start : line_end(folded, start)]
    part_start = 0
    for separator in _HALVES.finditer(line):
        if separator.start() > start - line_start:
            line = line[: separator.start()]
            break
        part_start = separator.end()
    return _english(line[part_start:])


def _english(part: str) -> bool:
    """A part written in English words, with no Japanese."""
    return _ENGLISH.search(part) is not None and _JAPANESE.search(part) is None
