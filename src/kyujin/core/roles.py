"""Which parts of a posting are about this role, not about others.

Agencies and career pages put other openings beside the advertised one: a posting that lists
several positions ("【ポジションA】… ※本求人 / 【ポジションB】…", "Position 2 – Backend Engineer
← this posting"), the agency's own jobs and consultants ("当社のキャリアアドバイザーはフルリモートで
…", "We also hire internally: …"), "other roles we're hiring for". The facts of the advertised
role are read with the others left out.

Works on folded text (lower case, full-width forms folded); every range keeps its offsets.
"""

from __future__ import annotations

import re

from kyujin.core.prefilter import prefiltered
from kyujin.core.text import line_end
from kyujin.core.triggers import Triggers

# Another opening, or the agency's own people, named in a sentence or a section's heading.
OTHER_OPENING = prefiltered(
    r"本ポジション以外|本求人以外|この(?:ポジション|求人)以外|他職種|別職種|募集は別途|別途募集|募集中の"
    r"|別求人|別ポジション|別枠で"
    # "東京オフィスのポジションは別記事で募集しています", "（別件）うちのPM募集はこちら"
    r"|別記事で|別の記事で|別ページで|[(（]別件[)）]"
    r"|も(?:同時に)?募集(?:しています|しております|中)|同時募集|別の(?:求人|ポジション)"
    r"|\b(?:a |another )?different (?:opening|role|position)\b"
    r"|当社の(?:キャリア)?(?:アドバイザー|コンサルタント)|弊社の(?:キャリア)?(?:アドバイザー|コンサルタント)"
    r"|(?:advertised|listed|posted) separately|separately (?:advertised|listed|posted)"
    r"|\b(?:a )?separate (?:posting|opening|listing|role|position|vacancy|job ad)\b"
    r"|other than this (?:role|position|opening)|\b(?:also|currently|separately) hiring\b"
    r"|\bhiring (?:separately|for another)\b|\bother (?:roles|positions|openings) (?:we|that)\b"
    r"|\bwe also hire\b|\balso (?:looking for|recruiting|seeking)\b"
    r"|\bour (?:own )?(?:consultants|advisors|recruiters|career advisors)\b"
    # the agency's own record and people: "Our clients pay between ¥6M and ¥20M", 当社経由での
    # ご入社実績, "our own consultant positions", "our internal team"
    # (not a contract through the agency: "準委任（当社経由）")
    r"|\bour clients pay\b|(?:当社|弊社)経由(?:で)?(?:の)?(?:ご)?(?:入社|転職|就職|内定|採用)"
    r"|入社実績|\bour internal team\b"
    r"|\bour own (?:[a-z]+ ){0,2}(?:consultants?|positions|roles|staff|team|employees)\b"
    r"|\b(?:another|other) (?:role|position|opening)s?\b(?! (?:and|or) this)"
)
THIS_ROLE = prefiltered(
    r"\b(?:for |in )?this (?:[\w/-]+ ){0,3}(?:role|position|job|opening)\b"
    r"|本ポジション(?!以外)|このポジション(?!以外)|当ポジション|本職種|本求人(?!以外)|今回の(?:募集|ポジション)"
)
# "… that does not apply to this role": this role named only to leave it out
_NOT_THIS_ROLE = re.compile(r"(?:not|n['’]t) (?:apply|applicable) to\s?$|\bnot for\s?$|except\s?$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？]")
_HEADING_REACH = 8  # lines above a position searched for its paragraph's heading
_MAX_HEADING = 40  # characters: a longer first line is content, not a heading


def paragraph_heading(folded: str, line_start: int) -> str:
    """The first line of the paragraph holding the line at ``line_start`` when it is short
    enough to head it ("■ 参考情報（本ポジション以外）"), else ""."""
    begin = line_start
    for _ in range(_HEADING_REACH):
        if begin == 0:
            break
        above = folded.rfind("\n", 0, begin - 1) + 1
        if not folded[above : begin - 1].strip():
            break
        begin = above
    if begin == line_start:
        return ""
    end = folded.find("\n", begin)
    heading = folded[begin:end]
    return heading if len(heading.strip()) <= _MAX_HEADING else ""


def sentence_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding [start, end), within its line."""
    line_start = folded.rfind("\n", 0, start) + 1
    line_end = folded.find("\n", end)
    line_end = len(folded) if line_end < 0 else line_end
    before = [m.end() for m in _SENTENCE_END.finditer(folded, line_start, start)]
    after = _SENTENCE_END.search(folded, end, line_end)
    return (before[-1] if before else line_start), (after.end() if after else line_end)


def said_of_others(folded: str, start: int, end: int, triggers: Triggers | None = None) -> bool:
    """[start, end) sits in a sentence about another opening or the agency's own people (and
    this role is not named after that), or under a heading about them. With ``triggers``,
    a text naming no such thing is passed at once."""
    if triggers is not None and not triggers.any("others"):
        return False
    begin, stop = sentence_around(folded, start, end)
    others = [
        m.end()
        for m in OTHER_OPENING.finditer(folded, begin, stop)
        # not an aside after the phrase, which backs it: "ビザのスポンサーは可能です
        # （海外からの入社実績あり）"
        if not (m.start() >= end and opens_a_bracket(folded[end : m.start()]))
    ]
    if others and not any(
        not _NOT_THIS_ROLE.search(folded, max(0, m.start() - 25), m.start())
        for m in THIS_ROLE.finditer(folded, others[-1], stop)
    ):
        return True
    line_start = folded.rfind("\n", 0, start) + 1
    heading = paragraph_heading(folded, line_start)
    if heading and OTHER_OPENING.search(heading) is not None:
        return True
    return _beside_the_marked_item(folded, line_start)


def opens_a_bracket(between: str) -> bool:
    """``between`` opens a bracket it does not close."""
    return between.count("(") + between.count("（") > between.count(")") + between.count("）")


# An item of a list marked as this posting's: "- Game Server team (this position): hybrid …"
_MARKED_ITEM = re.compile(
    r"[(（]\s?(?:this (?:position|role|opening)|本ポジション|本求人|当ポジション)\s?[)）]"
)
_ITEM = re.compile(r"[ \t]*(?:[-*・•●]|\d{1,2}[.)])\s?")


def _beside_the_marked_item(folded: str, line_start: int) -> bool:
    """The line is an item of a list in which another item is marked as this posting's."""
    if not _ITEM.match(folded, line_start):
        return False
    line_end = folded.find("\n", line_start)
    line_end = len(folded) if line_end < 0 else line_end
    if _MARKED_ITEM.search(folded, line_start, line_end):
        return False
    return _list_is_marked(folded, line_start)


class _MarkedLists:
    """Of one text, whether the list holding each item line walked so far has a marked item.
    Every item of a list gets its answer from one walk: walking the list again for each of
    its items took 5 s on a list of 4,000 salaries."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.marked: dict[int, bool] = {}  # an item line's start -> its list is marked


# The lists of the text asked about last: ``said_of_others`` is asked about one text many
# times in a row. Held for that one text only, and known by identity, which the reference
# keeps unique; a call on another text (another thread's) only replaces it.
_last_lists: _MarkedLists | None = None


def _list_is_marked(folded: str, line_start: int) -> bool:
    """The list holding the item line at ``line_start`` has an item marked as this
    posting's."""
    global _last_lists
    lists = _last_lists
    if lists is None or lists.folded is not folded:
        lists = _last_lists = _MarkedLists(folded)
    marked = lists.marked.get(line_start)
    if marked is None:
        items, end = _list_around(folded, line_start)
        marked = _MARKED_ITEM.search(folded, items[0], end) is not None
        lists.marked.update(dict.fromkeys(items, marked))
    return marked


def _list_around(folded: str, line_start: int) -> tuple[list[int], int]:
    """The starts of the item lines of the list holding the item line at ``line_start``,
    in order, and the end of its last line."""
    above: list[int] = []
    begin = line_start
    while begin > 0:  # up through the list's items
        begin = folded.rfind("\n", 0, begin - 1) + 1
        if not _ITEM.match(folded, begin):
            break
        above.append(begin)
    items = above[::-1]
    items.append(line_start)
    end = folded.find("\n", line_start)
    end = len(folded) if end < 0 else end
    while end < len(folded):  # down through them
        if not _ITEM.match(folded, end + 1):
            break
        items.append(end + 1)
        below_end = folded.find("\n", end + 1)
        end = len(folded) if below_end < 0 else below_end
    return items, end


# A block of one position in a posting that lists several: "【ポジションA】…", "Position 2 –
# Backend Engineer", "ポジション1：…", "■募集職種②".
POSITION_HEADING = re.compile(
    r"(?m)^[ \t【\[■◆●□◇#*=・\-]*(?:ポジション|募集職種|案件|(?:ご)?紹介求人|position|role|opening"
    r"|project)\s?"
    r"(?P<id>[a-z]|\d{1,2}|[①-⑨])(?![a-z\d])[】\])]?[ \t]*(?:[:：\-–—|]|$|[^\n]{0,60}$)"
)
# What all positions share ends the last one: 【共通条件】, "Common to all three positions".
_COMMON = re.compile(
    r"(?m)^[ \t【\[■◆●#*=\-]*(?:共通|全ポジション|各ポジション|common"
    r"|all (?:\w+ )?(?:positions|roles)|for all)"
)
# The block this posting is about: marked in its heading, or named before the blocks or in the
# title ("本ページでご案内するのは【ポジションA】です", "This posting is for Position 2").
# (an agent's notes: "■ご紹介求人①（今回応募意思あり）")
_THIS_MARK = re.compile(
    r"本求人|this posting|this role|this position|←|今回の募集|本ページ|応募意思あり|応募予定"
)
_NAMED = re.compile(
    r"(?:this (?:posting|listing|ad|page) is (?:for|about)|本求人票?は"
    r"|本ページで(?:ご案内|ご紹介)する(?:の)?は|ご案内するのは"
    # an agency's mail naming the 案件 it proposes: "今回ぜひご検討いただきたいのは【案件②】です"
    r"|(?:ぜひ)?ご(?:検討|確認)(?:いただきたい|頂きたい|ください)(?:の)?は|(?:一番の)?おすすめは)"
    r"[^\n。.]{0,20}?(?:position|role|ポジション|職種|案件)\s?(?P<id>[a-z]|\d{1,2}|[①-⑨])"
)
_TITLE_ID = re.compile(
    r"(?:position|ポジション|role|案件)\s?(?P<id>[a-z]|\d{1,2}|[①-⑨])(?![a-z\d])"
)


def other_positions(
    folded: str, title: str = "", triggers: Triggers | None = None
) -> list[tuple[int, int]]:
    """Ranges of the other positions' blocks, when the text lists several and says which one
    it advertises; else []."""
    if triggers is not None and not triggers.any("positions"):
        return []
    blocks = list(POSITION_HEADING.finditer(folded))
    if len({b.group("id") for b in blocks}) < 2:
        return []
    # the mark anywhere on the heading's line: "PROJECT B — Scala backend  ← THIS POSTING"
    target = next(
        (
            b.group("id")
            for b in blocks
            if _THIS_MARK.search(folded, b.start(), line_end(folded, b.start()))
        ),
        None,
    )
    if target is None:
        named = _NAMED.search(folded, 0, blocks[0].start())
        if named is None and title:
            named = _TITLE_ID.search(title)
        if named is None:
            return []
        target = named.group("id")
    if target not in {b.group("id") for b in blocks}:
        return []
    ranges = []
    for i, block in enumerate(blocks):
        end = blocks[i + 1].start() if i + 1 < len(blocks) else _last_block_end(folded, block.end())
        if block.group("id") != target:
            ranges.append((block.start(), end))
    return ranges


def _last_block_end(folded: str, start: int) -> int:
    common = _COMMON.search(folded, start)
    if common is not None:
        return common.start()
    blank = folded.find("\n\n", start)
    return len(folded) if blank < 0 else blank


def blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with every character of ``ranges`` (sorted by start) but its line breaks
    made a space. Ranges may overlap: another position's block can hold a form's unticked
    option, so each range is clamped to what is not yet blanked, keeping the length."""
    parts = []
    done = 0
    for start, end in ranges:
        start = max(start, done)
        if end <= start:
            continue  # wholly inside a range already blanked
        parts.append(text[done:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        done = end
    parts.append(text[done:])
    return "".join(parts)


# A person's words quoted on a careers page: 「前職では年収1,100万円の管理職でしたが、…」
# (開発部・Aさん), "I joined from Berlin three years ago …" — what they say of their own pay,
# years or way of work is not the role's.
_SPEECH = re.compile(
    r"「[^「」\n]{20,400}?(?:。|、|でした|ました|です|ます)[^「」\n]{0,200}」"
    r"|[“\"](?=[^”\"\n]{30,400}[”\"])[^”\"\n]*?\b(?:i|i['’]m|i['’]ve|i['’]d|my|we['’]re)\b[^”\"\n]*[”\"]"
)


# The spans of the text asked about last: pay and remote both ask of one text (held and known
# by identity, as _last_lists is).
_last_speech: tuple[str, list[tuple[int, int]]] | None = None


def quoted_speech(folded: str) -> list[tuple[int, int]]:
    """The spans of people's words quoted in ``folded`` (in order)."""
    global _last_speech
    if "「" not in folded and '"' not in folded and "“" not in folded:
        return []
    last = _last_speech
    if last is not None and last[0] is folded:
        return last[1]
    spans = [m.span() for m in _SPEECH.finditer(folded)]
    _last_speech = (folded, spans)
    return spans
