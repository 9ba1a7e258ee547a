"""A job board's own text around the posting a crawler copied: not the posting's facts.

The visible text of a job-board page holds the posting and the page around it: lists of
other jobs with their own pay, places and remote terms ("Similar jobs", この求人を見た人は
こんな求人も見ています), salary widgets with market averages (給料ナビ, "Salary insights"),
category links ("▶ フルリモート可の求人一覧", "Remote jobs in Tokyo"), popular searches,
and the operator's footer with its address (© …, 運営会社：…). ``page_chrome`` gives the
ranges of that text so that the posting is read without it (``roles.blank``).

A list's heading opens a block that runs to the next blank line (at most ``_MAX_LINES``);
a link, search or footer line is one line. Only short lines are headings, so a posting's own
sentence that mentions similar jobs is left. Works on folded text; the lines are found from
the ``chrome`` triggers, so a posting without such words costs one dictionary lookup.
"""

from __future__ import annotations

import re

from kyujin.core.triggers import Triggers

# A heading over a list of other jobs, or over a widget of pay statistics.
_BLOCK_HEADING = re.compile(
    r"[ \t▶►▼▽◆◇■□・\-–—#*|>›»✦★☆\u2500-\u257f]*"
    # (after a short label of the board's: "Premium · Salary insights")
    r"(?:[^\n·•|]{1,15}[·•|]\s?)?(?:"
    # other jobs
    r"(?:similar|related|recommended|other|more|suggested) (?:jobs|projects|positions|roles"
    r"|openings|listings)\b|jobs (?:you (?:might|may) (?:also )?like|near\b|like this|for you)"
    r"|people (?:also )?viewed|people who viewed|other jobs (?:you|at|from)"
    r"|more jobs (?:from|at|like)"
    r"|[^\n]{0,24}(?:関連|似て|似た|類似|おすすめ|オススメ|他の|同じ|見た人|見ている人|近く|新着|人気の|注目の"
    r"|条件に関連)[^\n]{0,16}(?:求人|募集|案件|ポジション)"
    r"|[^\n]{0,12}(?:求人|募集|案件)[^\n]{0,12}(?:見た人|見ている人|おすすめ|オススメ)"
    r"|会社の注目のストーリー|あなたにおすすめ"
    # pay statistics
    r"|salary (?:insights|data|guide|estimates?|trends)|給料ナビ|給与の目安|年収相場|給与相場"
    r")[^\n。]{0,40}$"
)
# A line of the page's links and footer: category links, searches, the operator's notice.
_LINE = re.compile(
    r"[ \t▶►▼◆◇■・\-–—#*|>›»]*(?:"
    r"[^\n]{0,40}(?:求人を(?:見る|探す)|求人一覧|案件一覧|求人特集|特集[:：])"
    r"|(?:人気の検索|関連キーワード|絞り込み|popular searches|related searches|trending searches)"
    r"|©|copyright\b|運営(?:会社)?[:：]|有料職業紹介事業\s?許可番号|利用規約"
    # a breadcrumb: "しごとバコ ＞ 愛知県の求人 ＞ 社内SEの求人", "Jobs › Backend › Tokyo"
    r"|(?=[^\n]*(?:求人|案件|ホーム|\bjobs?\b|\bhome\b|\bcareers\b))(?![^\n]*[.,。、](?:\s|$))"
    r"(?:[^\n>›»]{1,30}\s[>›»]\s){2,}"
    r"|(?:browse|see|view) (?:all )?[^\n]{0,30}jobs\b"
    # a widget's market figure: "SE・プログラマ（広島県）の平均年収 498万円", "Go engineers in
    # Tokyo: median ¥9.6M" (not the company's own: "当社エンジニア平均年収 870万円")
    r"|[^\n]{0,30}の平均(?:年収|給与|月給|提示年収)[^\n]{0,30}\d"
    r"|[^\n]{0,30}(?:median|average) (?:salary|pay|base|annual|¥|jpy)[^\n]{0,30}\d"
    r"|[^\n]{0,30}: (?:median|average) [^\n]{0,10}\d"
    r")[^\n]*"
)
_SEARCHES = re.compile(
    r"[ \t▶►▼◆◇■・\-–—#*|>›»]*(?:人気の検索|関連キーワード|popular searches|related searches"
    r"|trending searches)"
)
_MAX_SEARCHES = 400
_MAX_HEADING = 45  # characters: a longer line is the posting's own sentence
_MAX_LINE = 120
_MAX_LINES = 15  # lines a block under a heading may run to
_KEPT = 2  # a text's blocks of other jobs are at most half of it; more is the posting


def page_chrome(folded: str, triggers: Triggers) -> list[tuple[int, int]]:
    """[start, end) of each block and line of the page around the posting, in order."""
    if not triggers.any("chrome"):
        return []
    ranges: list[tuple[int, int]] = []
    blocks: list[tuple[int, int]] = []
    done = -1
    for position, _ in triggers.windows("chrome", 0, 1):
        start = folded.rfind("\n", 0, position) + 1
        if start <= done:
            continue  # in a block already taken
        end = folded.find("\n", position)
        end = len(folded) if end < 0 else end
        if end - start <= _MAX_HEADING and _BLOCK_HEADING.fullmatch(folded, start, end):
            end = _block_end(folded, end)
            blocks.append((start, end))
        elif (
            end - start > _MAX_LINE
            # (a board's list of searches runs long: "Related searches on this board: …")
            and not (end - start <= _MAX_SEARCHES and _SEARCHES.match(folded, start, end))
        ) or not _LINE.fullmatch(folded, start, end):
            continue
        ranges.append((start, end))
        done = end
    if blocks and sum(end - start for start, end in blocks) * _KEPT > len(folded):
        # a job alert ("■新着求人アラート（3件中1件目）", "あなたにおすすめの新着求人"): the
        # list is the posting itself when little of the text is left outside it
        ranges = [r for r in ranges if r not in blocks]
    return ranges


def _block_end(folded: str, end: int) -> int:
    """The end of the list under a heading ending at ``end``: the next blank line."""
    for _ in range(_MAX_LINES):
        if end >= len(folded) or folded.startswith("\n\n", end):
            return end
        following = folded.find("\n", end + 1)
        end = len(folded) if following < 0 else following
    return end
