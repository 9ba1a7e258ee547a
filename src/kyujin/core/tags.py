"""A board's tag line: "Tags: remote-ok, visa-sponsor, N2", "タグ：フルリモート／ビザサポート".

Boards show a posting's conditions as short tags above or below it. The remote tags are
phrases the remote reader knows ("remote-ok", フルリモート) and it reads them where they
stand; a visa tag or a bare JLPT level is not a sentence, and the readers of sentences leave
it. ``tag_facts`` reads those two kinds of tag from the tag lines of a text, for the fields the
text states nowhere else. Each tag is taken only as a whole item of the line, from a closed
list: "N2" as a tag, not "N2" inside a product name. Works on folded text.
"""

from __future__ import annotations

import re

from kyujin.core.model import Span

# A line labelled as tags, and its items.
_LABEL_WORD = re.compile(r"tag|タグ|label|ラベル|keyword|キーワード|こだわり条件")
_TAG_LINE = re.compile(
    r"(?m)^[ \t#*■◆●\-]*(?:tags?|タグ|keywords?|キーワード|labels?|ラベル|こだわり条件)"
    r"[ \t]?[:：][ \t]*(.+)$"
)
_ITEM_BREAK = re.compile(r"\s*(?:[,、，/／|｜;；・]|\s#)\s*")
_VISA_YES = re.compile(
    r"#?(?:visa[- _]?(?:sponsor(?:ship|ed)?|support)(?:[- _]?(?:ok|available|yes|provided))?"
    r"|visa[- _]?ok|ビザ(?:サポート|支援|スポンサー(?:シップ)?)(?:あり|有り|可|ok)?)"
)
_VISA_NO = re.compile(
    r"#?(?:no[- _]?visa[- _]?(?:sponsor(?:ship)?|support)|visa[- _]?(?:sponsor(?:ship)?|support)"
    r"[- _]?(?:no|none|n/a)|ビザ(?:サポート|支援)(?:なし|無し|不可))"
)
_JLPT = re.compile(r"#?(?:jlpt[- _]?)?n([1-5])(?:[- _]?(?:以上|\+|or above))?")


def tag_facts(folded: str) -> dict[str, tuple[object, Span]]:
    """``visa_sponsorship`` and ``japanese_level`` as the tag lines of ``folded`` state
    them, each with the span of its tag; the first tag of each kind wins."""
    found: dict[str, tuple[object, Span]] = {}
    if _LABEL_WORD.search(folded) is None:
        return found
    for line in _TAG_LINE.finditer(folded):
        position = line.start(1)
        for item in _ITEM_BREAK.split(line.group(1)):
            start = folded.find(item, position)
            position = start + len(item)
            item = item.strip()
            if not item:
                continue
            span = Span(start, start + len(item))
            if _VISA_NO.fullmatch(item):
                found.setdefault("visa_sponsorship", (False, span))
            elif _VISA_YES.fullmatch(item):
                found.setdefault("visa_sponsorship", (True, span))
            elif (jlpt := _JLPT.fullmatch(item)) is not None:
                found.setdefault("japanese_level", (f"N{jlpt.group(1)}", span))
    return found
