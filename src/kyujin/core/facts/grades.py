"""Grades and levels a posting publishes its pay or requirements by ("G3", "L4", "等級2",
"Senior"), and which of them the opening is at."""

from __future__ import annotations

import re

# A grade's label opening a row: "G3 | シニア | 550万〜700万円", "- L4 (Senior Engineer):",
# "・Junior：30万〜38万円", "等級2：".
GRADE = re.compile(
    r"(?<![a-z0-9])(?:(?:g|e|j|l|m|p|s|ic|lv\.?\s?|level\s|grade\s|band\s|グレード\s?|等級\s?|レベル\s?)"
    r"\d{1,2}(?![0-9a-z])|junior|middle|mid|senior|staff|principal|lead|ジュニア|ミドル|シニア"
    r"|リード|メンバー|エキスパート)"
)
# Every grade of the table is open.
ALL_GRADES = re.compile(
    r"全(?:グレード|レベル|等級)|(?:すべて|全て)の(?:グレード|レベル|等級)"
    r"|\ball (?:(?:\w+ )?levels|grades|bands)|\bevery (?:level|grade|band)|\bany (?:level|grade)"
)


def advertised(text: str, grade: str) -> bool:
    """``text`` (the posting without its grade table) says the opening is at ``grade``:
    今回の募集はG3です, 募集グレード：G4, G3で採用予定, "This opening is for L4", "hiring at L4",
    "This role is hired at P3"."""
    g = re.escape(grade)
    after = r"(?![0-9a-z])"
    return (
        re.search(
            r"(?:募集|採用)(?:グレード|等級|レベル|ポジション|対象)?(?:は|：|:|\s)*[(（【]?\s?"
            + g
            + after
            + r"|(?<![0-9a-z])"
            + g
            + after
            # (the first of a range of grades: "グレードS2〜S3での採用を想定")
            + r"(?:\s?(?:〜|~|-|–|to)\s?[^\s、。〜~]{1,6}?)?"
            + r"\s?(?:[(（][^)）\n]{0,20}[)）])?\s?(?:で|を|の|として)?"
            r"の?(?:募集|採用)"
            r"|(?:this (?:opening|role|position|req(?:uisition)?) is(?: for| at)?|hiring (?:for|at)"
            r"|(?:hired|recruited|levell?ed|offered) (?:at|as)"
            r"|(?:level|grade|band)\s?(?:[:：]|\.{3,}|…+))(?: an?| the)?\s" + g + after,
            text,
        )
        is not None
    )


# The opening's title, on the posting's first line or on a position field: the grades it
# names ("バックエンドエンジニア（ミドル／シニア）", "Backend Engineer — Middle / Senior",
# "Senior Backend Engineer"). Only there: "シニアエンジニアがサポートします" further down
# names who helps, not the opening.
_TITLE_LINES = 1
_POSITION_FIELD = re.compile(
    r"^[\s【\[■●◆・\-]*(?:ポジション|募集職種|職種|募集ポジション|position|role|job title|title)"
    r"[】\]\s]*[:：]?"
)
_ROLE = re.compile(r"engineer|developer|programmer|sre\b|エンジニア|開発者|プログラマ")


def titled_grades(text: str) -> set[str]:
    """The grade words (as GRADE finds them) on the title lines of ``text`` that name a
    role: its first non-blank line and any position field."""
    found: set[str] = set()
    lines = text.split("\n")
    first = [line for line in lines if line.strip()][:_TITLE_LINES]
    fields = [line for line in lines if _POSITION_FIELD.match(line)]
    for line in [*first, *fields]:
        if len(line) <= 120 and _ROLE.search(line):
            found.update(m.group() for m in GRADE.finditer(line))
    return found
