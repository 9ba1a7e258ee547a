"""Text about the employer rather than the job: benefits, and the company describing itself.

Skills named there are not asked of the candidate. "Free German language courses" and "a
mentoring program" under benefits offer something; "We are a leading fintech company" and
"Company description: ... cyber security" say what the employer does. A recruiter filing the
posting would not list German, mentoring or fintech among its requirements. Technologies in
a company's description ("our development team works in Python") are kept: they describe
the stack the hire will work in; only domains, practices and soft skills are dropped there.
"""

from __future__ import annotations

import re

from kyujin.core.model import SkillMention

# What the employer does and values; a technology named in its description is its stack.
DESCRIPTIVE_CATEGORIES = frozenset({"domain", "practice", "soft_skill"})

_BENEFITS = (
    r"(?:job benefits|benefits|perks|what we offer|we offer|our offer|福利厚生|待遇・福利厚生)"
)
# "Job benefits: ..." as a field inside a line (Stack Overflow's layout): it runs to the next
# field of that layout or the end of the line.
_BENEFITS_FIELD = re.compile(rf"\b{_BENEFITS}\s?:", re.IGNORECASE)
_ANY_BENEFITS = re.compile(_BENEFITS, re.IGNORECASE)
_COMPANY_FIELD = re.compile(r"\b(?:company description|about us)\s?:", re.IGNORECASE)
_NEXT_FIELD = re.compile(
    r"\b(?:company description|job description|about us|about the (?:role|job|team)"
    r"|requirements|responsibilities|qualifications|tasks|skills|job benefits|benefits)\s?:",
    re.IGNORECASE,
)
# A sentence in which the employer says what it is: "We are a fintech start-up",
# "Acme is the world's largest search engine for ...", "We're an open source team".
# Not "Python is a plus" (the skill itself as the subject is excluded by position) nor
# "This role is a ..." / "You are a ..." (about the job or the candidate).
_SELF_DESCRIPTION = re.compile(
    r"(?:(?:at|today|founded in \d{4}|since \d{4}),?\s+)?"
    r"(?:we|(?!(?i:this|the|that|these|you|your|it|experience|knowledge)\b)"
    r"[A-Z<][\w<>&.'’-]*(?:\s+[A-Z<][\w<>&.'’-]*){0,4})"
    r"(?:\s+(?:is|are)|'re|’re)\s+(?:now\s+|currently\s+|proud to be\s+)?"
    r"(?:a|an|the|one of|among)\b(?!\s+(?:plus|must|bonus|big plus|requirement|advantage)\b)",
)
_SENTENCE_END = re.compile(r"[.!?。！？]\s|\n")


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence holding ``position``: after the last ". ", "!", "。" or line break."""
    window_start = max(0, position - 400)
    start = window_start
    for m in _SENTENCE_END.finditer(text, window_start, position):
        start = m.end()
    return start


def _benefit_ranges(text: str) -> list[tuple[int, int]]:
    """ "Job benefits: ..." fields: from the label to the next field or the end of the line.

    A "Benefits" heading on a line of its own is not used: postings often run their
    requirements on after it without a heading this module would recognise.
    """
    ranges: list[tuple[int, int]] = []
    for m in _BENEFITS_FIELD.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        following = _NEXT_FIELD.search(text, m.end(), line_end)
        ranges.append((m.end(), following.start() if following else line_end))
    return ranges


def _in_company_field(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    fields = list(_NEXT_FIELD.finditer(text, line_start, position))
    return bool(fields) and _COMPANY_FIELD.match(text, fields[-1].start()) is not None


def describes_employer(text: str, mention: SkillMention) -> bool:
    """A domain, practice or soft skill in the employer's description of itself."""
    if mention.category not in DESCRIPTIVE_CATEGORIES:
        return False
    if _in_company_field(text, mention.start):
        return True
    start = _sentence_start(text, mention.start)
    m = _SELF_DESCRIPTION.match(text, start, mention.start)
    return m is not None and m.end() <= mention.start


def drop_employer_text(mentions: list[SkillMention], text: str) -> list[SkillMention]:
    """Drop mentions in benefits, and descriptive ones in the employer's self-description."""
    if not mentions:
        return mentions
    benefits = _benefit_ranges(text) if _has_benefits(text) else []
    return [
        m
        for m in mentions
        if not any(s <= m.start < e for s, e in benefits) and not describes_employer(text, m)
    ]


def _has_benefits(text: str) -> bool:
    return _ANY_BENEFITS.search(text) is not None
