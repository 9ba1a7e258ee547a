"""Text normalisation that keeps every character where it was.

Extraction matches on a folded copy of the posting (full-width to half-width, lower case,
control characters to spaces) and reports spans into the original. Both steps are
``str.translate`` and ``str.lower``, which run in C; keeping the length unchanged means an
offset in the folded text is the same offset in the original, with no mapping table.
"""

from __future__ import annotations

import re
import unicodedata

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
# Characters the table changes, as one character class: text without any skips translate
# (which costs ~70 ns a character with a dict table) and only the runs that need it pay.
_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(FOLD_TABLE)) + "]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(FOLD_TABLE)


def width_fold(text: str) -> str:
    """Full-width to half-width, control characters to spaces; same length, case kept."""
    if text.isascii():
        return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text
    return _NEEDS_FOLD.sub(_fold_run, text)


def fold(text: str) -> str:
    """Width-fold and lower-case ``text`` without changing its length."""
    folded = width_fold(text)
    lowered = folded.lower()
    if len(lowered) == len(text):
        return lowered
    # A handful of characters lower-case to two (İ -> i̇); fall back to per-character
    # lowering, keeping the first character of any expansion so offsets stay aligned.
    return "".join(c.lower()[0] for c in folded)


def clean_surface(text: str) -> str:
    """The canonical form used to compare aliases: NFKC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())
