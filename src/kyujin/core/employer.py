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
from kyujin.core.ranges import RangeSet
from kyujin.core.sections import Sections

# What the employer does and values; a technology named in its description is its stack.
DESCRIPTIVE_CATEGORIES = frozenset({"domain", "practice", "soft_skill"})
# What a benefits section offers rather than asks: lessons in a language, healthcare, mentoring.
_OFFERED_CATEGORIES = DESCRIPTIVE_CATEGORIES | {"spoken_language"}

# Fields inside a line (Stack Overflow's layout: "Job benefits: ... Company description: ..."):
# a label before a colon; each runs to the next such label or the end of its line. Found from
# the colons, which are few, rather than by scanning the text for every label.
_LABEL_BEFORE = re.compile(
    r"(?<![a-z])(?:(?P<benefits>job benefits|benefits|perks|what we offer|we offer|our offer"
    r"|福利厚生|待遇・福利厚生)|(?P<company>company description|about us)"
    r"|job description|about the (?:role|job|team)|requirements|responsibilities"
    r"|qualifications|tasks|skills)\s?$"
)
_MAX_LABEL = 22  # characters before a colon searched for a label ("company description " is 20)


def _fields(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each labelled field's value: kind is "benefits", "company" or
    "other"; a value ends at the next label on its line or at the line's end."""
    lowered = text.lower()
    labels: list[tuple[str, int, int]] = []  # (kind, label start, value start)
    for colon in (":", "："):
        at = lowered.find(colon)
        while at >= 0:
            m = _LABEL_BEFORE.search(lowered, max(0, at - _MAX_LABEL), at)
            if m is not None:
                labels.append((m.lastgroup or "other", m.start(), at + 1))
            at = lowered.find(colon, at + 1)
    labels.sort(key=lambda label: label[1])
    fields: list[tuple[str, int, int]] = []
    for i, (kind, _, value_start) in enumerate(labels):
        line_end = text.find("\n", value_start)
        end = len(text) if line_end < 0 else line_end
        if i + 1 < len(labels) and labels[i + 1][1] < end:
            end = labels[i + 1][1]
        fields.append((kind, value_start, end))
    return fields


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
# The verb every self-description holds; a text without it has none. Looked for with ``in``
# (a C substring search), not a regex of these alternatives: re tried it at every position
# (~10 µs a posting); the two find the same texts.
_SELF_DESCRIPTION_VERBS = (" is ", " are ", "'re ", "’re ")
_SENTENCE_ENDS = (". ", "! ", "? ", "\n", "。", "！", "？")
_MAY_SPEAK_AS_EMPLOYER = re.compile(
    r"\b(?:we|our)\b|私たち|わたしたち|我々|われわれ|当社|弊社|同社|当グループ|弊グループ|当行|弊行"
    r"|株式会社|有限会社|合同会社|[(（]株[)）]",
    re.IGNORECASE,
)
_MAX_SENTENCE = 400  # characters looked back for the sentence's start


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts: after ". ", "! ", "。" or a line break."""
    floor = max(0, position - _MAX_SENTENCE)
    start = floor
    for end in _SENTENCE_ENDS:
        at = text.rfind(end, floor, position)
        if at >= 0:
            start = max(start, at + len(end))
    return start


# A sentence in the employer's own voice: "We are developing an IoT platform using machine
# learning", "Our data lake feeds ML models", "In 14 hubs worldwide our team of technologists
# build big data and payments solutions". Its subject is we / our, at the start or after a
# short opening phrase ("At Acme", "In our SRE team", "Since 2012").
_EMPLOYER_VOICE = re.compile(
    r"(?:(?:at|in|since|today|together|here|for|with)\b[^.,;:!?\n]{0,60}?[ ,]\s*)?"
    r"(?:we|our)\b(?!['’]d\b)",
    re.IGNORECASE,
)
# ... unless the sentence is about the candidate, or what the job asks: "We are looking for
# someone with agile experience", "We expect you to be a team player", "Our ideal candidate
# knows SaaS". Any of these words anywhere in the sentence keeps its skills.
_ABOUT_THE_CANDIDATE = re.compile(
    r"\b(?:you|your|yourself|candidates?|applicants?|someone|somebody|people|person|hire"
    r"|looking|seeking|searching|hiring|recruiting|expect|require[ds]?|requirements?|need"
    r"|needs|want|wants|must|should|ideal|join|experienced?|experiences|knowledge|skills?"
    r"|familiar\w*|proficien\w*|expertise|background|understanding|ability|abilities"
    r"|rely|role|position|opportunit\w*)\b",
    re.IGNORECASE,
)


# The same in Japanese: "株式会社ミナトデータは、小売向けの在庫最適化SaaSを提供しています",
# "私たちナゴヤリテールテック株式会社は…", "当社は1962年創業の…", "弊社は受託開発を…".
_EMPLOYER_VOICE_JA = re.compile(
    r"[\s　]*(?:(?:私たち|わたしたち|我々|われわれ)[^。\n、]{0,40}?(?:は|が|では|、)"
    r"|(?:当社|弊社|同社|当グループ|弊グループ|当行|弊行)(?:は|では|が|の|、)"
    r"|[^。\n、]{0,40}?(?:株式会社|有限会社|合同会社|[(（]株[)）])[^。\n、]{0,40}?(?:は|では|が)、?)"
)
# ... and what makes such a sentence about the candidate or the job after all.
_ABOUT_THE_CANDIDATE_JA = re.compile(
    # (方 as a person: not 地方, 両方, 考え方, 仕方)
    r"あなた|皆さん|皆様|みなさん|(?<![地両双一他見考使仕え])方(?:を|は|が|に|と|、|。|も|の|歓迎|大歓迎|募集)"
    r"|経験|スキル|知識"
    r"|求め|必須|歓迎|尚可|募集|お任せ|担当|いただ|頂|応募|として|一緒に|いっしょに|仲間"
    r"|ポジション|職種|業務内容|仕事内容"
)


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence holding ``position`` ends: at ". ", "! ", "。" or a line break."""
    ceiling = min(len(text), position + _MAX_SENTENCE)
    end = ceiling
    for mark in _SENTENCE_ENDS:
        at = text.find(mark, position, ceiling)
        if 0 <= at < end:
            end = at
    return end


def _about_the_candidate(text: str, start: int) -> bool:
    """The sentence at ``start`` speaks of the candidate or of what the job asks."""
    end = _sentence_end(text, start)
    return bool(
        _ABOUT_THE_CANDIDATE.search(text, start, end)
        or _ABOUT_THE_CANDIDATE_JA.search(text, start, end)
    )


def _in_employer_voice(text: str, start: int) -> bool:
    """The sentence at ``start`` is the employer speaking of itself, not of the candidate."""
    if _EMPLOYER_VOICE.match(text, start, start + _MAX_SENTENCE) is not None:
        return _ABOUT_THE_CANDIDATE.search(text, start, _sentence_end(text, start)) is None
    if _EMPLOYER_VOICE_JA.match(text, start, start + _MAX_SENTENCE) is not None:
        return _ABOUT_THE_CANDIDATE_JA.search(text, start, _sentence_end(text, start)) is None
    return False


def _self_description_end(text: str, start: int) -> int:
    """Where a self-describing opening of the sentence at ``start`` ends, or -1."""
    m = _SELF_DESCRIPTION.match(text, start, start + _MAX_SENTENCE)
    return -1 if m is None else m.end()


def drop_employer_text(
    mentions: list[SkillMention], text: str, sections: Sections | None = None
) -> list[SkillMention]:
    """Drop mentions in benefits, and descriptive ones in the employer's self-description:
    a company-description field or section (``sections``), or a sentence in its voice."""
    if not mentions:
        return mentions
    benefits: list[tuple[int, int]] = []
    company: list[tuple[int, int]] = []
    # sections under an "About us" / 会社概要 heading: the heading may run on over the job
    # ("About us ... You will build our SaaS"), so a sentence about the candidate stays
    company_sections = sections.company_ranges() if sections is not None else []
    # sections under a Benefits / 福利厚生 heading: a language, a domain or a practice named
    # there is offered ("Free German classes", "Healthcare", 語学学習支援（英語）); a
    # technology may be the stack on offer ("a modern stack: Go, GCP") and stays
    benefit_sections = sections.benefit_ranges() if sections is not None else []
    if ":" in text or "：" in text:
        for kind, start, end in _fields(text):
            if kind == "benefits":
                benefits.append((start, end))
            elif kind == "company":
                company.append((start, end))
    if (
        not benefits
        and not company
        and not company_sections
        and not benefit_sections
        and not any(verb in text for verb in _SELF_DESCRIPTION_VERBS)
        and not _MAY_SPEAK_AS_EMPLOYER.search(text)
    ):
        return mentions  # most Japanese postings: nothing to look up per mention
    in_benefits, in_company = RangeSet(benefits), RangeSet(company)
    in_company_section = RangeSet(company_sections)
    in_benefit_section = RangeSet(benefit_sections)
    openings: dict[int, int] = {}  # sentence start -> end of its self-description, or -1
    voices: dict[int, bool] = {}  # sentence start -> in the employer's voice
    kept = []
    for m in mentions:
        if benefits and m.start in in_benefits:
            continue
        if benefit_sections and m.category in _OFFERED_CATEGORIES and m.start in in_benefit_section:
            continue
        if m.category in DESCRIPTIVE_CATEGORIES:
            if company and m.start in in_company:
                continue
            start = _sentence_start(text, m.start)
            if (
                company_sections
                and m.start in in_company_section
                and not _about_the_candidate(text, start)
            ):
                continue
            opening = openings.get(start)
            if opening is None:
                opening = openings[start] = _self_description_end(text, start)
            if 0 <= opening <= m.start:
                continue
            voice = voices.get(start)
            if voice is None:
                voice = voices[start] = _in_employer_voice(text, start)
            if voice:
                continue
        kept.append(m)
    return kept
