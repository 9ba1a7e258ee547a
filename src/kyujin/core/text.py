"""Text normalisation that keeps every character where it was.

Extraction matches on a folded copy of the posting (full-width to half-width, lower case,
control characters to spaces) and reports spans into the original. Both steps are
``str.translate`` and ``str.lower``, which run in C; keeping the length unchanged means an
offset in the folded text is the same offset in the original, with no mapping table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

_HALFWIDTH_KATAKANA = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ"
_FULLWIDTH_KATAKANA = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"  # noqa: E501


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII: ＡＢＣ１２３＃＋
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]:
        table[code] = " "  # control characters (tab, LF and CR stay)
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(dash)] = "-"
    for tilde in "\u301c\u223c\uff5e":  # 〜 wave dash, ∼, ～ (ranges: 500万〜800万)
        table[ord(tilde)] = "~"
    table[0xFFE5] = "¥"  # full-width yen
    table[0x00A0] = " "
    for half, full in zip(_HALFWIDTH_KATAKANA, _FULLWIDTH_KATAKANA, strict=True):
        table[ord(half)] = full
    # Identity entries would only make text with these characters take the slow path.
    return {code: out for code, out in table.items() if chr(code) != out}


FOLD_TABLE = _fold_table()
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The table as a code-point array: folding a non-ASCII text is one vectorised lookup over
# its UTF-32 code units (~17 µs for 3 KB, against ~90 µs for per-run str.translate).
# Every code point (4.4 MB): one lookup, with no range check or split for astral characters.
_CODE_TABLE = np.arange(0x110000, dtype=np.uint32)
for _code, _out in FOLD_TABLE.items():
    _CODE_TABLE[_code] = ord(_out)
# ASCII code point -> byte in the *word view*: letters (lower-cased), digits, + and # stay;
# every other character, and every non-ASCII one, becomes a space.
_WORD_BYTES = bytes(
    (c + 32 if 65 <= c <= 90 else c) if (chr(c).isalnum() or chr(c) in "+#") else 32
    for c in range(128)
) + bytes([32] * 128)
# Code point -> word-view byte, for every code point (1.1 MB): non-ASCII is a space.
_WORD_TABLE = np.full(0x110000, 32, dtype=np.uint8)
_WORD_TABLE[:128] = np.frombuffer(_WORD_BYTES[:128], dtype=np.uint8)


@dataclass(frozen=True, slots=True)
class Prepared:
    """Views of one text, all with its length, so an offset in any is an offset in all."""

    original: str
    width_folded: str  # full-width to half-width, controls to spaces, case kept
    folded: str  # width_folded, lower-cased
    words: bytes  # b" " + ASCII word view + b" ": words between single spaces


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A handful of characters lower-case to two (İ -> i̇); keep the first character of
    # each expansion so offsets stay aligned.
    return "".join(c.lower()[0] for c in text)


# Line-based rules (sections, clauses) look back and forward to line ends; a line of a
# million characters would make that quadratic. Real postings wrap far sooner, so for
# analysis a character every _MAX_LINE of a longer line becomes a line break.
_MAX_LINE = 1000


def _bound_lines(folded: str) -> str:
    if len(folded) <= _MAX_LINE or max(map(len, folded.split("\n"))) <= _MAX_LINE:
        return folded
    out: list[str] = []
    for line in folded.split("\n"):
        while len(line) > _MAX_LINE:
            out.append(line[: _MAX_LINE - 1])
            line = line[_MAX_LINE:]  # the character between becomes the break
        out.append(line)
    return "\n".join(out)


def prepare(text: str) -> Prepared:
    surrogates = False
    if text.isascii():
        width_folded = _CONTROL.sub(" ", text) if _CONTROL.search(text) else text
        words = width_folded.encode("ascii").translate(_WORD_BYTES)
    else:
        # surrogatepass: a lone surrogate (possible in JSON input) is kept as it is.
        raw = text.encode("utf-32-le", "surrogatepass")
        codes = _CODE_TABLE[np.frombuffer(raw, dtype=np.uint32)]
        try:
            # strict decoding fails only on a surrogate: most texts need no search for one
            width_folded = codes.tobytes().decode("utf-32-le")
        except UnicodeDecodeError:
            width_folded = codes.tobytes().decode("utf-32-le", "surrogatepass")
            surrogates = True
        words = _WORD_TABLE[codes].tobytes()
    folded = _lower_same_length(width_folded)
    if surrogates and _SURROGATE.search(folded):
        # Lone surrogates cannot be encoded; the analysed view carries U+FFFD instead.
        folded = _SURROGATE.sub("\ufffd", folded)
    if "\r" in folded:  # \r\n and lone \r end lines too; same length either way
        folded = folded.replace("\r", "\n")
    folded = _bound_lines(folded)
    return Prepared(text, width_folded, folded, b" " + words + b" ")


def width_fold(text: str) -> str:
    """Full-width to half-width, control characters to spaces; same length, case kept."""
    return prepare(text).width_folded


def fold(text: str) -> str:
    """Width-fold and lower-case ``text`` without changing its length."""
    return prepare(text).folded


def clean_surface(text: str) -> str:
    """The canonical form used to compare aliases: NFKC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def line_end(folded: str, position: int) -> int:
    """Where the line holding ``position`` ends (its newline, or the text's end)."""
    end = folded.find("\n", position)
    return len(folded) if end < 0 else end
