"""Markup around a posting's words, taken out before it is read, with a map back to the text.

Postings arrive pasted from web pages, Markdown, chat and e-mail: ``&yen;4,500&ndash;&yen;6,000``,
``<li>3+ years</li>``, ``実務経験 **6ヶ月以上**``, ``> *Requirements*:`` (a quoted Slack post),
やさしい日本語 written with a space between words (``オフィス は ありません``). The rules read
words, so ``strip_markup`` gives the text without that markup and ``Cleaned`` maps every
offset in it back to the original: spans still point into the text as it was given.

Only text that holds markup is copied; ``strip_markup`` returns None for the rest.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from kyujin.core.romaji import romaji_edits

_BLOCK_TAGS = (
    "address|article|aside|blockquote|br|dd|div|dl|dt|footer|h[1-6]|header|hr|li|ol|p|pre"
    "|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
_INLINE_TAGS = "a|abbr|b|big|cite|code|em|font|i|img|label|mark|s|small|span|strong|sub|sup|u"
# A known HTML tag (not SkillSpan's "<ORGANIZATION>" placeholders): a block tag ends a line.
_BLOCK = re.compile(r"</?(?:" + _BLOCK_TAGS + r")\b[^<>\n]{0,200}?/?>", re.I)
_INLINE = re.compile(r"</?(?:" + _INLINE_TAGS + r")\b[^<>\n]{0,200}?/?>", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
# Markdown and chat emphasis: **bold**, __bold__, and a *word* or *a few words* in stars
# (Slack's bold); not a "* " bullet or a lone star.
_DOUBLE = re.compile(r"\*\*|__")
_SINGLE = re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]{0,80}?(?<=[^\s*])\*(?![\w*])")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t\u3000]?)+", re.M)
# Japanese written with a space between words (やさしい日本語): only when the text is
# written that way throughout, not for the odd space of an ordinary posting.
_JA = "ぁ-ゖァ-ヺー一-龯々"
# The space first, so that the search skips to spaces (a lookbehind first is tried at every
# character: 21 against 4 µs for 3 KB).
_JA_SPACE = re.compile(r" (?<=[" + _JA + r"] )(?=[" + _JA + r"])")
_SPACED_STYLE = 8  # spaces between Japanese words that make a text spaced throughout
# A word written with its letters spaced out for show ("K o t l i n", "N i c e   t o   h a v e",
# "募 集 要 項"): three or more single letters (or kana, kanji) with one space between each,
# its words two or more spaces apart. Read as the words ("Kotlin", "Nice to have").
_LETTER = r"[A-Za-zＡ-Ｚａ-ｚ" + _JA + r"]"
# (one space between letters, or one ideographic space: "必　須　条　件",
# "Ｌ　ａ　ｒ　ａ　ｖ　ｅ　ｌ")
_SPACED_WORD = rf"{_LETTER}(?:[ \u3000](?:{_LETTER}|-))+"
# (from the space after the first letter, as _JA_SPACE: the search skips to spaces; one
# pattern for each kind of space, each led by its own character)
_SPACED_REST = (
    rf"(?:{_LETTER}|-)(?:[ \u3000](?:{_LETTER}|-))*"
    rf"(?:[ \u3000]{{2,4}}{_SPACED_WORD})*(?![^\s)）】\]/／:：.,、。!！])"
)
_SPACED = [
    re.compile(
        rf"{space}(?<={_LETTER}{space})(?<![^\s(（【\[/／•・-]{_LETTER}{space}){_SPACED_REST}"
    )
    for space in (" ", "\u3000")
]
_SPACED_LETTERS = 3  # letters a spaced run needs: not "A B" (testing)
_SPACED_GAP = re.compile(r"[ \u3000]{2,4}|[ \u3000]")
# Text extracted from a PDF: a page's header or footer line with its page number
# ("ACME K.K. | Confidential | Page 2 of 3", "株式会社アオバデータ　募集要項　　　　P.1",
# "…Confidential                    2/3") stands in the middle of a sentence or a figure.
# The line is taken out, with the line break before it when a figure runs on across it
# ("JPY 12,000,000 – 18,\n<footer>\n000,000"). Found from the line breaks after a digit
# (the search skips to line breaks, as _JA_SPACE to spaces).
_AFTER_DIGIT = re.compile(r"\n(?<=\d\n)")
_PAGE_LINE = re.compile(
    r"(?i)(?:[^\n]{0,160}?(?:\s\|\s?|[ \t\u3000]{4,}))?"
    r"(?:page\s?\d{1,3}(?:\s?(?:of|/)\s?\d{1,3})?|p\.\s?\d{1,3}|\d{1,3}\s?/\s?\d{1,3}"
    r"(?:\s?ページ)?)[ \t\u3000]*"
)
# A figure broken over two lines: "年収600\n万円", "480万円〜\n720万円"; a word hyphenated at
# a line's end: "Kuber-\nnetes", "Post-\ngreSQL" (the hyphen goes with the line break).
_BROKEN = re.compile(
    r"\n(?:(?<=\d\n)[ \t\u3000]*(?=万|千円|円)|(?<=[〜~]\n)[ \t\u3000]*(?=\d)"
    r"|(?<=[A-Za-z]-\n)(?=[A-Za-z]))"
)
_RUNS_ON = re.compile(r"[\d,]")
# A letterhead repeated on every page: the same line three times or more, naming an address
# or a company ("株式会社スタッフィアリンクス　横浜支店　〒220-0012 神奈川県横浜市…").
_LETTERHEAD_GATES = ("〒", "TEL", "Confidential")
_LETTERHEAD_MARKS = ("〒", "株式会社", "k.k.", "K.K.", "Inc.", "Ltd", "Confidential", "TEL")
_LETTERHEAD_COPIES = 3
_LETTERHEAD_MIN = 15  # characters: not a short line that lists repeat ("・Java")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The text without markup, and where each of its pieces came from."""

    text: str
    # Per piece of ``text``: where it starts in ``text`` and in the original, and for a
    # replacement (an entity's character, a tag's line break) the original's end, else -1.
    starts: list[int]
    sources: list[int]
    replaced_ends: list[int]
    # [start, end) of each line of ``text`` whose quote mark ("> ") was taken out: another
    # person's or an earlier message's words (kyujin.core.revisions)
    quoted: tuple[tuple[int, int], ...] = ()

    def start(self, position: int) -> int:
        """The original offset of the character at ``position``."""
        i = bisect_right(self.starts, position) - 1
        if self.replaced_ends[i] >= 0:
            return self.sources[i]
        return self.sources[i] + position - self.starts[i]

    def end(self, position: int) -> int:
        """The original offset for an end ``position`` (one past the last character)."""
        if position <= 0:
            return self.start(0) if self.text else 0
        i = bisect_right(self.starts, position - 1) - 1
        if self.replaced_ends[i] >= 0:
            return self.replaced_ends[i]
        return self.sources[i] + position - self.starts[i]


def _edits(text: str, quotes: set[int]) -> list[tuple[int, int, str]]:
    """The edits that take the markup out; ``quotes`` gets the starts of quote marks."""
    edits: list[tuple[int, int, str]] = []
    if "<" in text:
        edits += [(m.start(), m.end(), "\n") for m in _BLOCK.finditer(text)]
        edits += [(m.start(), m.end(), "") for m in _INLINE.finditer(text)]
    if "&" in text:
        for m in _ENTITY.finditer(text):
            plain = html.unescape(m.group())
            if plain != m.group():
                edits.append((m.start(), m.end(), " " if plain == "\xa0" else plain))
    if "*" in text or "__" in text:
        edits += [(m.start(), m.end(), "") for m in _DOUBLE.finditer(text)]
        for m in _SINGLE.finditer(text):
            edits.append((m.start(), m.start() + 1, ""))
            edits.append((m.end() - 1, m.end(), ""))
    if ">" in text:  # also the end of a tag: the pattern wants it opening a line
        for m in _QUOTE.finditer(text):
            if m.end() > m.start():
                edits.append((m.start(), m.end(), ""))
                quotes.add(m.start())
    spaced = [m for m in _SPACED[0].finditer(text)]
    if "\u3000" in text:
        spaced += _SPACED[1].finditer(text)
    for m in spaced:
        letters = 1 + sum(c not in " -\u3000" for c in m.group())
        if letters >= _SPACED_LETTERS:
            for gap in _SPACED_GAP.finditer(text, m.start(), m.end()):
                edits.append((gap.start(), gap.end(), "" if gap.end() - gap.start() == 1 else " "))
    pages = _page_lines(text)
    edits += pages
    if pages or any(text.count(mark) >= _LETTERHEAD_COPIES for mark in _LETTERHEAD_GATES):
        edits += _letterheads(text)
    for m in _BROKEN.finditer(text):
        hyphen = text[m.start() - 1] == "-"
        edits.append((m.start() - hyphen, m.end(), ""))
    if not text.isascii():
        spaces = [(m.start(), m.end(), "") for m in _JA_SPACE.finditer(text)]
        if len(spaces) >= _SPACED_STYLE:
            edits += spaces
    edits += romaji_edits(text)  # "Nenshu: 600man yen", "Biza sapoto ari"
    return edits


def _page_lines(text: str) -> list[tuple[int, int, str]]:
    """Each line that ends with a page number, with its line break."""
    ends = [m.start() for m in _AFTER_DIGIT.finditer(text)]
    if text[-1:].isdigit():
        ends.append(len(text))
    edits = []
    for end in ends:
        start = text.rfind("\n", 0, end) + 1
        if _PAGE_LINE.fullmatch(text, start, end) is None:
            continue
        if (
            start >= 2
            and text[start - 1] == "\n"
            and _RUNS_ON.match(text, start - 2)
            and _RUNS_ON.match(text, end + 1)
        ):
            start -= 1  # "18,\n<footer>\n000,000": the figure runs on
        edits.append((start, min(len(text), end + 1), ""))
    return edits


def _letterheads(text: str) -> list[tuple[int, int, str]]:
    """Every copy of a line repeated as a letterhead, with its line break."""
    lines: dict[str, list[int]] = {}
    start = 0
    for line in text.split("\n"):
        if len(line) >= _LETTERHEAD_MIN and any(mark in line for mark in _LETTERHEAD_MARKS):
            lines.setdefault(line, []).append(start)
        start += len(line) + 1
    return [
        (at, min(len(text), at + len(line) + 1), "")
        for line, starts in lines.items()
        if len(starts) >= _LETTERHEAD_COPIES
        for at in starts
    ]


def strip_markup(text: str) -> Cleaned | None:
    """``text`` without its markup, or None when it has none."""
    quotes: set[int] = set()
    edits = _edits(text, quotes)
    if not edits:
        return None
    quoted_starts: list[int] = []  # in the cleaned text
    edits.sort()
    pieces: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    replaced_ends: list[int] = []
    length = 0
    position = 0  # in the original: everything before it is placed

    def place(piece: str, source: int, replaced_end: int) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            starts.append(length)
            sources.append(source)
            replaced_ends.append(replaced_end)
            length += len(piece)

    for start, end, replacement in edits:
        if start < position:
            continue  # overlaps an edit already made
        place(text[position:start], position, -1)
        if start in quotes:
            quoted_starts.append(length)
        place(replacement, start, end)
        position = end
    place(text[position:], position, -1)
    if not starts:  # nothing but markup
        starts, sources, replaced_ends = [0], [0], [len(text)]
    cleaned = "".join(pieces)
    quoted = []
    for line_start in quoted_starts:
        line_end = cleaned.find("\n", line_start)
        quoted.append((line_start, len(cleaned) if line_end < 0 else line_end + 1))
    return Cleaned(cleaned, starts, sources, replaced_ends, tuple(quoted))
