"""Text normalisation that keeps every character where it was.

Extraction matches on a folded copy of the posting (full-width to half-width, lower case,
control characters to spaces) and reports spans into the original. Both steps are
``str.translate`` and ``str.lower``, which run in C; keeping the length unchanged means an
offset in the folded text is the same offset in the original, with no mapping table.
"""

from __future__ import annotations

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
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70":
        table[ord(dash)] = "-" if dash not in "\u30fc\uff70" else "ー"
    for tilde in "\u301c\u223c\uff5e":  # 〜 wave dash, ∼, ～ (ranges: 500万〜800万)
        table[ord(tilde)] = "~"
    table[0xFFE5] = "¥"  # full-width yen
    table[0x00A0] = " "
    for half, full in zip(_HALFWIDTH_KATAKANA, _FULLWIDTH_KATAKANA, strict=True):
        table[ord(half)] = full
    return table


FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Width-fold and lower-case ``text`` without changing its length."""
    folded = text.translate(FOLD_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(text):
        return lowered
    # A handful of characters lower-case to two (İ -> i̇); fall back to per-character
    # lowering, keeping the first character of any expansion so offsets stay aligned.
    return "".join(c.lower()[0] for c in folded)


def clean_surface(text: str) -> str:
    """The canonical form used to compare aliases: NFKC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())
