"""Postings that revise themselves: an update or a correction over an earlier statement.

Recruiters resend postings with changes: "条件が変更になりました" above the earlier message
quoted below it, "訂正：…N1必須と記載しましたが、正しくはN2以上です", "oops typo, it's ¥9M–12M
not ¥8M–12M", a changelog ("lowered from 5 years to 3 years", "(was: JLPT N2)") or a table of
before and after. Every fact is then read three times, the first read that states it winning:

1. ``corrections``: only the sentences that correct or change something (their old values
   blanked);
2. ``current``: the whole text without what it marks as superseded (quoted earlier messages,
   old values, the table's "before" column);
3. the whole text, as any posting: a fact only the earlier message states (the requirements
   "unchanged" since) is still the posting's.

All views keep the text's length (blanked characters become spaces, line breaks stay), so
every span points into the text. Texts with no mark of a revision are not touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from kyujin.core.prefilter import prefiltered
from kyujin.core.roles import blank
from kyujin.core.triggers import Triggers, search_in

# The text says it revises an earlier statement; without one of these, nothing here runs.
_REVISION = prefiltered(
    r"訂正|正しくは|前回の(?:ご案内|メール|求人|内容)|以前の(?:ご案内|メール)|先日(?:お送り|ご案内)"
    r"|(?:条件|要項|内容)(?:が|を|の)?(?:一部)?(?:変更|改定)(?:し|いたし|され|にな|とな|がござ|があり)"
    r"|変更がございま|変更とな|変更にな"
    r"|改定しました|修正しました|\btypo\b|\bcorrection\b|\bcorrected\b|^update\b|\bupdate\s?:"
    # "(updated 20 November)", "JD v3 (revised 2026-05-20)", "the posting has been updated"
    r"|\((?:updated|revised)\b|\b(?:revised|updated) (?:jd|job description|posting|version)"
    r"|\b(?:jd|job description|posting|post|conditions) (?:has been |have been |was |were )?"
    r"(?:revised|updated|changed)|(?:earlier|previous|older) version of this"
    r"|\bchanges (?:since|from) (?:the )?(?:last|previous|earlier|old|v\d)|\bchangelog\b"
    r"|what['’]s changed"
    # a thread's reply: "edit on 4/5 — those are last year's numbers", "edit: it's hybrid"
    r"|(?<![a-z])edit(?:ed)?(?: on\b|\s?[:：])|last year['’]s (?:numbers|figures|band|range)"
    r"|^\|[^\n]*(?:before|変更前|改定前|旧)[^\n]*\|[^\n]*(?:after|変更後|改定後|新)"
    r"|-\s?original message\s?-|forwarded message|wrote:",
    re.MULTILINE,
)

# Texts longer than this are read whole only: every fact is read up to three times in a
# revision, and a message that revises a posting is a few KB (a 1 MB text of 110,000 pay
# amounts takes ~7 s to read once).
MAX_TEXT = 100_000
_REACH_BACK = 200  # characters a phrase can begin before its trigger word
_REACH_ON = 60  # and run on after it

# An earlier message quoted below a marker, to the end of the text: "以下、前回のご案内",
# "-----Original Message-----", "On Mon, Jun 1, Ken wrote:".
_EARLIER_MESSAGE = re.compile(
    r"^.{0,6}以下[、,]?\s?(?:前回|以前|先日)の(?:ご案内|メール|内容|求人)"
    r"|^.{0,6}(?:前回|以前)の(?:ご案内|メール)(?:内容)?\s*$"
    r"|^-+\s?(?:original|forwarded) message\s?-+|^on [^\n]{4,80} wrote:\s*$",
    re.MULTILINE,
)
# Lines quoted from an earlier message or another person ("> 勤務地：品川区").
_QUOTED_LINES = re.compile(r"(?:^[ \t]*>[^\n]*(?:\n|$))+", re.MULTILINE)

# Old values stated beside the new ones.
_OLD_VALUES = [
    # "(旧：500万〜700万円)", "(was: JLPT N2)", "(previously fully remote)"
    re.compile(
        r"\((?:旧|以前|変更前|改定前|was|previously|formerly|old|before)\s?[:は]?[^()\n]{0,60}\)"
    ),
    # 前回は契約社員（1年更新）としてご案内しましたが
    re.compile(
        r"(?:前回|以前|当初|先日)は[^。\n]{1,40}?(?:ご案内|お伝え|記載|申し上げ|ご連絡)"
        r"(?:し|いたし)(?:ました|ておりました|ていました)が"
    ),
    # "an earlier version of this post mentioned two on-site days per quarter in Tokyo"
    re.compile(
        r"\b(?:an? |the )?(?:earlier|previous|older|old|first) (?:version|draft|edition) of"
        r" (?:this|the|our) (?:post|posting|jd|job description|ad|listing)[^.\n]*"
    ),
    # the wrong line of a correction's pair: "誤）想定年収：600万円〜900万円" / "正）…"
    re.compile(r"^[ \t]*[(【\[]?誤[)】\]:：][^\n]*", re.MULTILINE),
    # 「日本語：N1必須」と記載しましたが
    re.compile(r"「[^」\n]{1,60}」と(?:記載|お伝え|ご案内|ご連絡|書|申し上げ|表記)"),
    # "instead of a freelance contract", "rather than on-site"
    re.compile(r"\b(?:instead of|rather than)\s[^.,;:!?()\n]{1,40}"),
    # "lowered from 5 years to 3 years": the old value after "from"
    re.compile(
        r"\b(?:lowered|raised|increased|reduced|changed|moved|updated|revised|cut|bumped)"
        r" from [^\n]{1,40}?(?= to\s)"
    ),
    # "it's ¥9M–12M not ¥8M–12M": an amount after "not"
    re.compile(
        r"\bnot\s[¥$€£]?\d[\d.,]*\s?[mk万]?(?:\s?[-–~〜]\s?[¥$€£]?\d[\d.,]*\s?[mk万]?)?(?:円|\syen)?"
    ),
]
# "正社員ではなく契約社員", "5年以上ではなく3年以上": the value before ではなく, back to the
# particle, comma or bracket before it.
_NOT_BUT = re.compile(r"[^はが、,。:\n(「]{1,30}ではなく")
# "勤務地が品川区から港区に変わっております": the value before から, in a change.
_FROM_TO = re.compile(
    r"[^はが、,。:\n(「]{1,30}から(?=[^。\n]{1,40}?に(?:変更|変わ|改定|移転|引き?上げ|引き?下げ"
    r"|緩和|短縮|延長))"
)
# A table of before and after: a header row naming both columns.
_BEFORE = re.compile(r"旧|変更前|改定前|\bbefore\b|\bold\b|\bprevious\b|\bwas\b")
_AFTER = re.compile(r"新|変更後|改定後|\bafter\b|\bnew\b|\bcurrent\b|\bnow\b")

# A sentence that corrects or changes something.
_CORRECTING = re.compile(
    r"訂正|正しくは|ではなく|に変更|へ変更|変更とな|変更にな|変更しま|変更いたしま|に変わ|改定|見直"
    r"|\btypo\b|\bcorrect(?:ion|ed)?\b|instead of|rather than|no longer|\bupdated?\b"
    r"|\brevised\b|\bnow\b|\bnew\b|lowered|raised|\bchanged\b|\bedit(?:ed)?\b|\bcurrent\b"
    r"|^[ \t]*[(【\[]?正[)】\]:：]"
)
_SENTENCE = re.compile(r"[^。\n]+(?:。|\n|$)")


@dataclass(frozen=True, slots=True)
class Revision:
    """Views of a text that revises itself, each of its length."""

    corrections: str  # only the correcting sentences, their old values blanked
    current: str  # the text without what it marks as superseded


def read_revision(
    folded: str, triggers: Triggers | None = None, quoted: Sequence[tuple[int, int]] = ()
) -> Revision | None:
    """The views of ``folded`` (lower-cased, width-folded) when it revises an earlier
    statement or quotes one (``quoted``: the lines whose quote marks kyujin.core.markup took
    out, or lines still opening with ">"); None when it does neither."""
    if len(folded) > MAX_TEXT:
        return None
    triggers = triggers or Triggers(folded)
    quoted = list(quoted)
    if ">" in folded:
        quoted += [m.span() for m in _QUOTED_LINES.finditer(folded)]
    # a table header's "before" can stand far after the line's start
    revised = triggers.any("revision") and (
        search_in(_REVISION, folded, triggers.windows("revision", _REACH_BACK, _REACH_ON))
        is not None
    )
    if not revised:
        # with no mark of a revision, a quote is superseded as a question answered below
        # it, or as another's post beside the poster's own, longer one ("引用元のポストは
        # 友人の会社の募集です … うちの募集👇"); a posting quoted whole (a Slack post) is the
        # posting
        if 2 * sum(e - s for s, e in quoted) >= len(folded.strip()):
            quoted = [(s, e) for s, e in quoted if "?" in folded[s:e]]
        if not quoted:
            return None
    old = _old_values(folded)
    earlier = _earlier_messages(folded) + quoted
    current = blank(folded, sorted([*old, *earlier, *_before_column(folded)]))
    kept = [m.span() for m in _SENTENCE.finditer(folded) if _CORRECTING.search(m.group())]
    if kept:
        others = _complement(kept, len(folded))
        corrections = blank(folded, sorted([*others, *old, *earlier]))
    else:
        corrections = blank(folded, [(0, len(folded))])
    return Revision(corrections=corrections, current=current)


def _old_values(folded: str) -> list[tuple[int, int]]:
    found = [m.span() for pattern in _OLD_VALUES for m in pattern.finditer(folded)]
    found += [m.span() for m in _NOT_BUT.finditer(folded)]
    found += [m.span() for m in _FROM_TO.finditer(folded)]
    return found


def _earlier_messages(folded: str) -> list[tuple[int, int]]:
    marker = _EARLIER_MESSAGE.search(folded)
    return [] if marker is None else [(marker.start(), len(folded))]


def _before_column(folded: str) -> list[tuple[int, int]]:
    """The cells of a table's "before" column (its header names a before and an after
    column), in the rows that follow the header."""
    found: list[tuple[int, int]] = []
    column: int | None = None
    offset = 0
    for line in folded.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = _cells(line, offset)
            if column is None:
                befores = [i for i, (s, e) in enumerate(cells) if _BEFORE.search(folded, s, e)]
                afters = [i for i, (s, e) in enumerate(cells) if _AFTER.search(folded, s, e)]
                if befores and afters and befores[0] != afters[-1]:
                    column = befores[0]
            elif column < len(cells):
                found.append(cells[column])
        else:
            column = None
        offset += len(line) + 1
    return found


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """The spans of the cells of a table row ``| a | b |`` at ``offset`` of the text."""
    bars = [i for i, c in enumerate(line) if c == "|"]
    return [(offset + a + 1, offset + b) for a, b in pairwise(bars)]


def _complement(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    gaps = []
    done = 0
    for start, end in ranges:
        if start > done:
            gaps.append((done, start))
        done = max(done, end)
    if done < length:
        gaps.append((done, length))
    return gaps
