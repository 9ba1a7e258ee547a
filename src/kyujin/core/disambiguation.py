"""Is an ambiguous word (Go, C, R, Swift, Rust, Spring, Express, React, ...) a skill here?

A form declared ambiguous in the taxonomy is taken only with technical context, and never
when it reads as the ordinary word: "go the extra mile", "go-live", "spring 2026",
"express interest", "Series C", "R&D", "react quickly". The order is: a negative pattern
rejects; then a technical suffix (Go言語, Go 1.22, Goでの開発), a technical cue before it
(experience with, written in), a technical field it is a value of (言語：Go, Stack: Go),
another skill close by on the same line, a bare list item, or the same skill in the
posting's title accepts. Otherwise it is not taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

_WINDOW = 40  # characters either side searched for a neighbouring skill on the same line

# Per skill: text right after / right before the word that makes it the ordinary word.
_NOT_AFTER: dict[str, re.Pattern[str]] = {
    "Go": re.compile(
        r"^(?:[- ]?live\b|-to\b|[- ]to[- ]market|\s+(?:the|to|for|ahead|beyond|through|over|"
        r"back|above|far|out|home|get|getting|on|into|with the|and (?:get|see|try|make)|a long"
        r"|above|up|down|above|wrong|well|viral|public|global|deeper|further|forward)\b"
        # a release decision, "Go／No-Go判断"; the travel campaign, "Go To Travel / Go To イート"
        r"|\s?[/／]\s?[Nn]o[- ]?[Gg][Oo]\b|\s+[Tt][Oo]\s+(?:[Tt]ravel|[Ee]at|トラベル|イート))"
    ),
    "Spring": re.compile(
        r"^(?:\s?(?:20\d\d|'\d\d)\b|\s+(?:intake|semester|term|season|break|hiring|internship|"
        r"graduates?|cohort|start|festival|cleaning|of 20\d\d)\b|[- ]?20\d\d)",
        re.IGNORECASE,
    ),
    "Express": re.compile(
        r"^(?:\s+(?:interest|your|our|their|my|his|her|delivery|shipping|mail|entry|written|"
        r"consent|ideas?|yourself|themselves|concerns?|opinions?|gratitude|an? |train|lane)\b"
        # a delivery, not the framework: "エクスプレス便", "Express配送"
        # (not "Express配送管理API": the framework building a delivery system)
        r"|\s?(?:便|(?:配送|配達|宅配|発送|出荷)(?!\s?(?:管理|システム|api|サービス|基盤|機能|アプリ))))",
        re.IGNORECASE,
    ),
    "React": re.compile(
        r"^\s+(?:to|quickly|fast|swiftly|promptly|appropriately|calmly|immediately|well|"
        r"accordingly|positively|when)\b",
        re.IGNORECASE,
    ),
    "Swift": re.compile(
        r"^\s+(?:response|responses|action|reply|replies|turnaround|decision|decisions|payment|"
        r"payments|network|messag\w*|transfer|code|gpi|transition|resolution|execution)\b",
        re.IGNORECASE,
    ),
    "Rust": re.compile(
        r"^[- ](?:proof|belt|resist\w*|removal|colou?r\w*|prevention|stain)", re.IGNORECASE
    ),
    "C": re.compile(
        r"^(?:-(?:level|suite|corp)\b|\.v\.|\s?&\s?[a-z]|'s\b|\s+(?:grade|class|round)"
        r"|\s+level)",
        re.IGNORECASE,
    ),
    "R": re.compile(r"^(?:\s?&\s?[a-z]|-value|-rated|\.\s?[a-z]\.)", re.IGNORECASE),
    # A capitalised word that is not a technical one after it reads as a person's name.
    "Ruby": re.compile(
        r"^,?\s+(?!(?:on|On|Developers?|Engineers?|Backend|Programmers?|Gems|Rails|Lead|Team"
        r"|Experience|Skills|Code|Version|Script)\b)[A-Z][a-z]+"
    ),
    "Java": re.compile(
        r"^(?:\s+(?:coffee|beans?|island|sea|tea|sparrow|cafe|café)\b"
        # a coffee's origin among others: "Java, Sumatra or Kenyan"
        r"|,?\s+(?:(?:and|or)\s+)?(?:sumatra|kenyan?|colombian?|ethiopian?|bali|brazil|guatemala))",
        re.IGNORECASE,
    ),
    # One's schooling, not the industry: "education/ experience in the field".
    "education": re.compile(
        r"^\s?(?:/|background|level|history|requirements?|or (?:equivalent )?experience"
        r"|and experience|\(|,\s?experience)",
        re.IGNORECASE,
    ),
}
_NOT_BEFORE: dict[str, re.Pattern[str]] = {
    "Spring": re.compile(
        r"(?:this|next|last|early|late|in the|during|by|from|until|each)\s+$", re.IGNORECASE
    ),
    "Express": re.compile(r"(?:american|fedex|orient|federal)\s+$", re.IGNORECASE),
    "C": re.compile(
        r"(?:series|grade|class|vitamin|plan|type|level|option|round|section)\s+$", re.IGNORECASE
    ),
    "Go": re.compile(
        r"(?:let's|lets|on the|to|ready to|and|will|can|must|we|you|i|they|"
        r"should|always|never|often)\s+$",
        re.IGNORECASE,
    ),
    "R": re.compile(r"(?:section|grade|row|band)\s+$", re.IGNORECASE),
    # "A love of coffee – Java, …", "beans from Sumatra and Java"
    "Java": re.compile(
        # (not "beans": "(Spring beans) and Java 17")
        r"(?:coffee|コーヒー|roast(?:s|ed|ery|ing)?|sumatra|kenyan?|colombian?|ethiopian?)"
        r"[^.\n]{0,12}$",
        re.IGNORECASE,
    ),
    # "Pension Scheme", "Bonus Scheme", "colour scheme": a plan or a pattern, not the Lisp.
    "Scheme": re.compile(
        r"(?:pension|bonus|discount|benefits?|incentive|referral|share|shares|option|cycle|bike"
        r"|insurance|loyalty|reward|savings|payment|colou?r|naming|url|uri|classification"
        r"|grading|retirement|purchase|matching|holiday|travel)\s+$",
        re.IGNORECASE,
    ),
    "Ruby": re.compile(
        r"(?:cto|ceo|cfo|vp|manager|head|contact|ask|email|ms\.|mr\.|dr\.|to),?\s+$", re.IGNORECASE
    ),
    "education": re.compile(
        r"(?:equivalent|formal|higher|academic|university|college|technical|relevant|your|our"
        r"|further|continuing|tertiary|secondary|vocational|an?)\s+$",
        re.IGNORECASE,
    ),
}
# Skills with a negative pattern: checked even where the form is not declared ambiguous.
# One written form of a skill that reads as other words before some text: "Build pipelines
# that process large volumes of data" builds data pipelines (not "CI/CD pipelines that").
_FORM_NOT_AFTER: dict[str, tuple[str, re.Pattern[str]]] = {
    "CI/CD": (
        "build pipelines",
        re.compile(
            r"^\s+(?:that|which|to)\s+(?:process|ingest|transform|move|handle|load|clean"
            r"|analy[sz]e|feed|stream|aggregate|collect|enrich)",
            re.IGNORECASE,
        ),
    ),
}
HAS_NEGATIVE = frozenset(_NOT_AFTER) | frozenset(_NOT_BEFORE) | frozenset(_FORM_NOT_AFTER)
# Practices, domains and soft skills also name teams and roles: "the Agile team", "our QA
# engineers", "a Senior DevOps Engineer", "the Software Engineering department". There the
# words say which unit someone sits in or what the job is called, not what the posting asks
# for; languages, frameworks and tools keep "Java developer" (it asks for Java).
ROLE_NAMING_CATEGORIES = frozenset({"practice", "domain", "soft_skill"})
ROLE_NAMING_SKILLS = frozenset({"DevOps", "SRE"})  # practices filed under devops
_TEAM_OR_ROLE = re.compile(
    r"[ \-]?(?:teams?|department|group|squads?|community|organi[sz]ation|division|guild"
    r"|engineers?|developers?|specialists?|professionals?|lead|managers?|architects?"
    r"|administrators?|testers?)\b",
    re.IGNORECASE,
)


# ``TEAM_OR_ROLE_AT(text, end)``: the match behind ``names_a_team_or_role``, for hot loops.
TEAM_OR_ROLE_AT = _TEAM_OR_ROLE.match


def names_a_team_or_role(end: int, text: str) -> bool:
    """The word right after a skill makes it a team's or a role's name ("QA engineer")."""
    return _TEAM_OR_ROLE.match(text, end) is not None


_TECH_AFTER = re.compile(
    r"^(?:言語|\s?(?:lang|language|programming|developers?|engineers?|エンジニア|開発|経験"
    r"|experience|skills?|knowledge|expertise|backend|back-end|frontend|front-end|services?"
    r"|microservices?|codebase|code|projects?|team|stack|apis?|servers?|app|apps|application"
    r"|applications|sdk|libraries|library|modules?|runtime|toolchain|ecosystem|version)\b"
    r"|\s?(?:での|を用いた|を使った|を使用した|による|の(?:開発|経験|実務|知識|フレームワーク|ライブラリ)|経験|エンジニア|開発"
    r"|で書(?:かれ|い)|を書(?:い|け|く)|など(?:の)?(?:フレームワーク|言語|ライブラリ))"
    # a framework or version in brackets before the cue: "Go（Echo）での開発"
    r"|\s?[(（][^()（）\n]{1,40}[)）]\s?(?:での|を用いた|を使った|による|の(?:開発|経験)|経験|開発"
    r"|experience|development)"
    r"|\s?v?\d+(?:\.\d+)*\b|\s?\((?:golang|lang|language)\))",
    re.IGNORECASE,
)
# Cues right before the word (lower-cased, trailing spaces stripped); str.endswith with a
# tuple runs in C, where a regex anchored at the end would try every position before it.
_TECH_BEFORE = (
    "experience with", "experience in", "experience using", "written in", "using",
    "built in", "built with", "such as", "e.g.", "e.g", "including", "like", "knowledge of",
    "proficient in", "proficient with", "proficiency in", "proficiency with", "skills in",
    "skill in", "skills with", "familiar with", "familiarity with", "expertise in",
    "fluent in", "developing in", "programming in", "coding in", "languages:", "language:",
    "stack:", "tech:", "technologies:", "write", "writes", "written with", "frontend is",
    "backend is", "front end is", "back end is", "front-end is", "back-end is", "stack is",
    "built on", "based on", "migrating to", "migrate to", "rewritten in", "rewrite in",
    "code in", "services in", "backends in", "apis in", "experience of",
)  # fmt: skip
# A field that lists technologies, the word among its values on the same line: "言語：Go",
# "使用言語: Go, Python", "開発環境：AWS / Go", "Languages: Python, Go".
_TECH_LABEL = re.compile(
    r"(?:(?:言語|技術|技術スタック|開発環境|業界|業種|フレームワーク|ライブラリ|ツール|ミドルウェア|インフラ"
    r"|(?<![a-z])(?:languages?|stack|tech|technologies|industry|industries|frameworks?"
    r"|librar(?:y|ies)|tools|tooling|middleware|infrastructure)"
    # a requirement or preference label with its values: "必須：Go、Rust", "歓迎スキル: Elixir"
    r"|必須(?:スキル|要件|条件)?|歓迎(?:スキル|要件|条件)?|尚可"
    r"|(?<![a-z])(?:required|preferred|must[- ]have|nice[- ]to[- ]have)(?: skills?)?)"
    r"\s?[:：]"
    r"|【(?:必須|歓迎|尚可|required|preferred)[^】\n]{0,8}】)"
    r"(?:[^:：。.!?！？\n]|\.(?!\s))*$",  # to the end of its sentence ("Node.js" is in it)
    re.IGNORECASE,
)
# Possessive runs (``*+``) give nothing back: with plain ``*`` a long run of separators
# followed by one other character was split at every point, 20,000 spaces taking 1.4 s.
# The result is the same, as no word of the middle begins or ends with a separator but "、",
# itself one.
_SEPARATORS = re.compile(
    r"^[\s,、/・|()（）\[\]&+;:：]*+(?:and|or|and/or|や|と|、|または)?"
    r"[\s,、/・|()（）\[\]&+;:：]*+$",
    re.IGNORECASE,
)
# A name's aside opening after a confirmed one: "Go experience (Gin or Echo)", "Go（Echo）".
_ASIDE_OPENS = re.compile(
    r"^\s?(?:experience|expertise|knowledge|skills?|development|での開発経験|での開発|の経験|経験)?"
    r"\s?[(（]\s?$",
    re.IGNORECASE,
)
# Only list separators between two names: ``SEPARATORS(between)`` matches.
SEPARATORS = _SEPARATORS.match
_BULLET = re.compile(r"^[\s・\-*•●○■□◆◇▶►>【\[(（]*$")
_LINE_END = re.compile(r"^[\s)）\]】.,、。:：]*(?:\n|$)")


# Technologies named by an ordinary English word that is written in lower case inside a
# sentence, so that their capitalised name there is the technology ("code in Swift"). Not
# names that are also places, people or brands (Hudson, Phoenix, Aurora): capitalised
# anyway.
CASED_TECHNOLOGIES = frozenset({"Go", "React", "Swift", "Spring", "Express", "Rust"})
# A spoken language's own cues: "German course", "native German speakers", "learn German".
_LANGUAGE_AFTER = re.compile(
    r"^\s?(?:courses?|lessons?|classes|proficiency|speakers?|speaking|fluency|level)\b",
    re.IGNORECASE,
)
_LANGUAGE_BEFORE = ("learn", "learning", "speak", "speaks", "speaking", "native", "fluent")
# The lower-case word (and its space) right before a name: the name sits inside a sentence
# written in lower case ("code in Swift", "TypeScript with React").
_LOWER_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[a-z]+(?:/[a-z]+)? $")


@dataclass(slots=True)
class Context:
    text: str
    confirmed: list[tuple[int, int]]  # skills found for sure, in order of start
    title_skills: frozenset[str] = frozenset()
    # Technologies (languages, frameworks, tools, ...) whose capitalised name is taken inside
    # a lower-case sentence (see ``accept``).
    cased_technologies: frozenset[str] = frozenset()
    spoken_languages: frozenset[str] = frozenset()
    _starts: list[int] = field(default_factory=list)
    # Ambiguous words taken since, in order of start. Kept apart from ``confirmed``: words
    # are taken in the text's order, so each is appended here, where inserting it among the
    # skills found for sure moved all that follow (1 MB of "python go " took 4 s).
    _taken: list[tuple[int, int]] = field(default_factory=list)
    _taken_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.confirmed]

    def confirm(self, start: int, end: int) -> None:
        """An ambiguous word taken: it is context for the next ones ("TypeScript, Node,
        React" takes React beside Node, which was taken beside TypeScript)."""
        i = bisect_left(self._taken_starts, start)
        self._taken_starts.insert(i, start)  # at the end but when taken out of order
        self._taken.insert(i, (start, end))

    def is_confirmed(self, start: int, end: int) -> bool:
        """[start, end) is a confirmed skill: found by bisection, as ``in`` a list went
        through the whole of it for every name of a long list."""
        for starts, spans in ((self._starts, self.confirmed), (self._taken_starts, self._taken)):
            i = bisect_left(starts, start)
            while i < len(starts) and starts[i] == start:
                if spans[i][1] == end:
                    return True
                i += 1
        return False

    def _nearest(self, start: int) -> list[tuple[int, int]]:
        """The two confirmed skills starting last before ``start`` and the two starting first
        at or after it, of both lists (hits do not overlap: no two share a start)."""
        i = bisect_left(self._starts, start)
        if not self._taken:  # no ambiguous word taken yet: most calls
            return self.confirmed[max(0, i - 2) : i + 2]
        k = bisect_left(self._taken_starts, start)
        taken_after = self._taken[k : k + 2]
        before = self.confirmed[max(0, i - 2) : i] + self._taken[max(0, k - 2) : k]
        if len(before) > 2:
            before.sort()
            del before[:-2]
        # Words are taken in the text's order: none after ``start`` as a rule, and the
        # confirmed ones after it need no sorting.
        if not taken_after:
            return before + self.confirmed[i : i + 2]
        return before + sorted(self.confirmed[i : i + 2] + taken_after)[:2]

    def neighbour_close(self, start: int, end: int) -> bool:
        """A confirmed skill within the window on the same line, with only list separators."""
        text = self.text
        for s, e in self._nearest(start):
            if e <= start and start - e <= _WINDOW:
                between = text[e:start]
            elif s >= end and s - end <= _WINDOW:
                between = text[end:s]
            else:
                continue
            if "\n" in between:
                continue
            if len(between) <= 3 or _SEPARATORS.match(between):  # the length first: in C
                return True
            if e <= start and _ASIDE_OPENS.match(between):
                return True
        return False


def reads_as_ordinary_word(skill: str, start: int, end: int, text: str) -> bool:
    """A negative pattern says this is the ordinary word ("go the extra mile")."""
    not_after = _NOT_AFTER.get(skill)
    if not_after is not None and not_after.match(text[end : end + 30]):
        return True
    form = _FORM_NOT_AFTER.get(skill)
    if (
        form is not None
        and text[start:end].lower() == form[0]
        and form[1].match(text[end : end + 40])
    ):
        return True
    not_before = _NOT_BEFORE.get(skill)
    if not_before is not None:
        line_start = text.rfind("\n", max(0, start - 60), start) + 1
        if not_before.search(text[max(line_start, start - 40) : start]):
            return True
    return False


def accept(skill: str, start: int, end: int, ctx: Context) -> bool:
    text = ctx.text
    if skill in HAS_NEGATIVE and reads_as_ordinary_word(skill, start, end, text):
        return False
    # Each test below accepts on its own, so the cheapest come first.
    if skill in ctx.title_skills or ctx.neighbour_close(start, end):
        return True
    after = text[end : end + 30]
    if _TECH_AFTER.match(after):
        return True
    line_start = text.rfind("\n", max(0, start - 60), start) + 1
    before = text[max(line_start, start - 40) : start]
    if before.rstrip().lower().endswith(_TECH_BEFORE):
        return True
    if skill in ctx.spoken_languages and (
        _LANGUAGE_AFTER.match(after) or before.rstrip().lower().endswith(_LANGUAGE_BEFORE)
    ):
        return True
    # A label ends with a colon or 】: without one in ``before`` the search cannot match.
    if ("：" in before or ":" in before or "】" in before) and _TECH_LABEL.search(before):
        return True
    # A bare list item: "・Go" or "- Rust" on its own line.
    if _BULLET.match(text[line_start:start]) and _LINE_END.match(after):
        return True
    # A technology's capitalised name after a lower-case word, inside a sentence: the
    # ordinary word would be written in lower case there ("testable code in Swift",
    # "TypeScript with React"); a Title Case heading has a capital before it.
    surface = text[start:end]
    return (
        skill in ctx.cased_technologies
        and len(surface) > 1
        and surface[0].isupper()
        and surface[1:].islower()
        and _LOWER_WORD_BEFORE.search(before) is not None
    )
