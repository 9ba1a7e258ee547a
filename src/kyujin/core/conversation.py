"""What a conversation about a job asks, and what the candidate says of themselves.

Job facts also arrive as questions and answers: an FAQ after the 募集要項, a scout's DM
thread, a Slack or X thread with replies, カジュアル面談 notes, a transcript. A question states
nothing ("業務委託での参画は可能でしょうか？", "Is visa sponsorship available?"): its
answer does ("今回は正社員採用のみです"). And the candidate's own messages and profile (現在の
年収は550万円, 今は名古屋に住んでいて; ■求職者の状況) are not the role's.
``candidate_parts`` and ``questions`` give the ranges of both: the candidate's parts are
blanked for every fact (``roles.blank``), the questions for the facts a question could seem
to state (remote, visa, employment, place).

Questions are looked for only in a text shaped like a conversation (two or more lines that
open with a question or answer mark, a reply mark, a handle or a message header): a
posting's own rhetorical question ("Want to work fully remote?") is its statement and stays.
Works on folded text.
"""

from __future__ import annotations

import re

# Lines that make a text a conversation.
_MARKS = re.compile(
    r"(?m)^[ \t\u3000]*(?:"
    # Q. / Q1: / Ｑ： / A. / 回答：
    r"[qaｑａ]\d{0,2}[ \t\u3000]*[.．:：)）]|[qｑ][ \t\u3000]|質問[:：]|回答[:：]"
    # a reply's mark in a thread
    r"|[↳└┗]|→"
    # a handle opening a post, or a name and a bullet opening a comment ("priya s. • …")
    r"|@\w{2,}|[^\s•][^\n•]{1,39}•"
    # a message's header: a date or time with a name, alone on its line (not working hours:
    # "9:00 - 18:00", 始業 9:00)
    r"|(?![^\n]*(?:時|勤務|休憩|始業|終業|hours?\b|time\b|shift))(?:"
    r"(?:\d{4}/\d{1,2}/\d{1,2}[ \t\u3000]+)?\d{1,2}:\d{2}[ \t\u3000]+[^\s\d\-〜~–—][^\n]{0,30}$"
    r"|[^\n\d]{1,50}[ \t\u3000]\d{1,2}:\d{2}[ \t\u3000]*$)"
    # a post's author line ending in a handle: "近藤｜ハカタネストCTO @kondo_cto_hakata"
    r"|[^\n@]{1,40}@\w{2,30}[ \t\u3000]*$"
    r")"
)
_MIN_MARKS = 2
# An FAQ's heading: its questions are questions, with or without Q. marks.
_FAQ_HEADING = re.compile(
    r"(?m)^[ \t#*■□◆◇●【\[<＜]*"
    r"(?:faq|よくある(?:ご)?質問|q\s?&\s?a|ｑ＆ａ|frequently asked questions)[ \t】\]>＞:：]*$"
)
# A question: a sentence ending in a question mark (not one inside a URL's query), or in
# でしょうか / ですか before its full stop.
_QUESTION_END = re.compile(
    r"\?(?=[\s)）」』\"'”]|$|[^\x00-\x7f])|(?:でしょうか|ですか)(?=[。\n]|$)"
)
_SENTENCE_ENDS = ("。", "!", "?", ". ", "\n")
_MAX_QUESTION = 300  # characters looked back for a question's start
# A question's own mark at its start is kept ("Q. " stays, so the answer keeps its label).
_QUESTION_LEAD = re.compile(r"[ \t\u3000•・]*(?:[qｑ]\d{0,2}[ \t\u3000]*[.．:：)）]?[ \t\u3000]+)?")
# The candidate's own message or profile: a header or heading naming them.
_CANDIDATE_HEADER = re.compile(
    r"(?m)^[^\n]{0,40}(?:[(（](?:候補者|求職者|応募者|candidate)[)）]"
    r"|(?:求職者|候補者)の?(?:状況|情報|プロフィール)"
    # 【候補者からの返信】 (not 応募者からの質問, a Q&A whose answers are the role's)
    r"|(?:候補者|応募者|求職者)(?:から|より)(?:の)?(?:返信|メッセージ|ご連絡))[^\n]{0,30}$"
)
# A recruiter's note's heading alone on its line: "■ Candidate", "Candidate details" (not a
# field with its value, "Candidate: Arjun Mehta｜Position: …", nor a posting's "The
# Candidate" or "Candidate profile", which head what the role asks). It heads one block.
_CANDIDATE_HEADING = re.compile(
    r"(?m)^[ \t■□◆◇●#*【\[]*candidate(?:['’]s)?(?: (?:info(?:rmation)?|background|details|status))?"
    r"[ \t】\]]*$"
)
# What ends it: the next message header, heading or reply.
_NEXT_PART = re.compile(
    r"(?m)^[ \t\u3000]*(?:[■□◆◇●【#↳└┗]|(?:\d{4}/\d{1,2}/\d{1,2}[ \t\u3000]+)?\d{1,2}:\d{2}\b"
    r"|[^\n\d]{1,30}[ \t\u3000]\d{1,2}:\d{2}[ \t\u3000]*$)"
)
_MAX_PART = 1200  # characters of a candidate's message or profile


def _conversation(folded: str) -> bool:
    """Whether the text is shaped like a conversation: two or more of its lines open with a
    question or answer mark, a reply mark, a handle or a message header; or it has an FAQ."""
    if _FAQ_HEADING.search(folded) is not None:
        return True
    marks = _MARKS.finditer(folded)
    return next(marks, None) is not None and next(marks, None) is not None


def candidate_parts(folded: str) -> list[tuple[int, int]]:
    """[start, end) of the candidate's own messages and profile, in order."""
    ranges: list[tuple[int, int]] = []
    headers: list[tuple[re.Match[str], bool]] = []
    if "候補者" in folded or "求職者" in folded or "応募者" in folded or "(candidate)" in folded:
        headers.extend((header, False) for header in _CANDIDATE_HEADER.finditer(folded))
    if "candidate" in folded:
        headers.extend((heading, True) for heading in _CANDIDATE_HEADING.finditer(folded))
        headers.sort(key=lambda pair: pair[0].start())
    for header, one_block in headers:
        body = header.end() + 1
        if body >= len(folded):
            continue
        following = _NEXT_PART.search(folded, body, body + _MAX_PART)
        end = following.start() - 1 if following else min(len(folded), body + _MAX_PART)
        if one_block:
            # a note's plain heading ("Candidate background"): up to the blank line before
            # the next ("Role facts shared with candidate")
            blank = folded.find("\n\n", body, end)
            end = blank if blank >= 0 else end
        ranges.append((header.start(), max(header.end(), end)))
    return ranges


def questions(folded: str) -> list[tuple[int, int]]:
    """[start, end) of the questions of a conversation, in order; none for a text not
    shaped like one. (A question names what its answer is about, 年収は？ or "Do I need to
    speak Japanese?", so the pay and language readers keep them; it asserts nothing, so the
    others read the text without them.)"""
    ranges: list[tuple[int, int]] = []
    if _QUESTION_END.search(folded) is None or not _conversation(folded):
        return ranges
    done = 0
    for mark in _QUESTION_END.finditer(folded):
        end = mark.end()
        floor = max(done, end - _MAX_QUESTION)
        start = floor
        for sentence_end in _SENTENCE_ENDS:
            at = folded.rfind(sentence_end, floor, mark.start())
            if at >= 0:
                start = max(start, at + len(sentence_end))
        lead = _QUESTION_LEAD.match(folded, start, mark.start())
        if lead is not None:
            start = lead.end()
        if start < mark.start():
            ranges.append((start, end))
        done = end
    return ranges


# What a question is about, kept where a question is blanked for pay and languages: the
# answer ("Not required at all.", "→ 700〜1000万") says its level or amount.
_TOPIC = re.compile(
    r"日本語|英語|japanese|english|年収|月給|給与|給料|報酬|単価|時給|salary|pay\b|compensation"
)


def topics_only(folded: str, ranges: list[tuple[int, int]]) -> str:
    """``folded`` with each of ``ranges`` (questions, in order) blanked but the words naming
    what it asks about (日本語, salary ...): "Do I need to speak Japanese?" keeps "japanese",
    "日本語ネイティブじゃない友人でもいけますか？" keeps "日本語", "Is the range negotiable
    above 12M?" keeps nothing. Offsets and line breaks are unchanged."""
    parts: list[str] = []
    done = 0
    for start, end in ranges:
        line_start = max(done, folded.rfind("\n", 0, start) + 1)
        if not _SENTENCE_END.search(folded, line_start, start):
            # its speaker or mark too ("Kenta M. • ", "Q. "): the word asked about alone on
            # its line heads the answer below it, as "Japanese\nNot required" does
            start = line_start
        parts.append(folded[done:start])
        kept = start
        for topic in _TOPIC.finditer(folded, start, end):
            parts.append(_blanked(folded[kept : topic.start()]))
            parts.append(topic.group())
            kept = topic.end()
        parts.append(_blanked(folded[kept:end]))
        done = end
    parts.append(folded[done:])
    return "".join(parts)


_SENTENCE_END = re.compile(r"[。!?]|(?<![^a-z][a-z])\.\s")  # (not an initial: "Kenta M. •")


def _blanked(part: str) -> str:
    return re.sub(r"[^\n]", " ", part)
