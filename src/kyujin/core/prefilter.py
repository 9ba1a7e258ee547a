"""Start-character prefilters for the large fact patterns.

Python's ``re`` tries a pattern at every position of the text it searches, and a pattern of
many alternatives tries each alternative there. When every match must begin with one of a
few characters, a lookahead listing them, ``(?=[...])``, rejects the other positions with
one class test. ``prefiltered`` computes that class from the pattern itself (so it cannot
fall behind when an alternative is added, as a hand-written one did) and leaves the pattern
as it is when a match could begin with any character or be empty.

It reads the pattern with ``re._parser``, the parser ``re`` itself compiles with (private,
but the project pins Python 3.11; tests/core/test_prefilter.py checks it at every position
of the fixtures and of random texts).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_WORD: r"\w",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


# Every pattern given a lookahead, with the pattern and flags it was made from (the tests
# check each against its original).
MADE: list[tuple[re.Pattern[str], str, int]] = []


class _Unbounded(Exception):
    """A match could start with any character (or with nothing)."""


def _class_item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{_class_item(sre.LITERAL, av[0])}-{_class_item(sre.LITERAL, av[1])}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unbounded  # NEGATE, other categories, ...


def _first(items: list[tuple[Any, Any]], out: set[str]) -> bool:
    """Add to ``out`` the class items a match of the sequence ``items`` can begin with;
    True when the sequence can match the empty string (then what follows counts too)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # lookarounds and anchors consume nothing: the next item starts
        if op is sre.LITERAL or op is sre.RANGE or op is sre.CATEGORY:
            out.add(_class_item(op, av))
            return False
        if op is sre.IN:
            out.update(_class_item(o, a) for o, a in av)
            return False
        if op is sre.BRANCH:
            nullable = False
            for alternative in av[1]:
                nullable |= _first(list(alternative), out)
            if not nullable:
                return False
            continue
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
                raise _Unbounded
            if not _first(list(sub), out):
                return False
            continue
        if op is sre.ATOMIC_GROUP:
            if not _first(list(av), out):
                return False
            continue
        if op in _REPEATS:
            low, _high, sub = av
            if not _first(list(sub), out) and low > 0:
                return False
            continue
        raise _Unbounded  # ANY, NOT_LITERAL, GROUPREF, ...
    return True


def first_class(pattern: str, flags: int = 0) -> str | None:
    """The character class, as regex text, that every match of ``pattern`` begins with;
    None when there is none (a match may be empty or begin with any character)."""
    if flags & (re.IGNORECASE | re.VERBOSE):
        return None
    out: set[str] = set()
    try:
        if _first(list(_parser.parse(pattern, flags)), out):
            return None
    except _Unbounded:
        return None
    return "[" + "".join(sorted(out)) + "]"


def prefiltered(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind a lookahead for its first characters, when it has a
    bounded set of them; otherwise compiled as it is. Matches are the same either way."""
    first = first_class(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    compiled = re.compile(f"(?={first})(?:{pattern})", flags)
    MADE.append((compiled, pattern, flags))
    return compiled


def _leading_members(pattern: str, opening: int) -> int:
    """Characters after the "[" at ``opening`` that cannot end the class: a "]" first in it
    ("[]a]", "[^]a]") is a member, not its end."""
    if pattern.startswith("^]", opening + 1):
        return 2
    return 1 if pattern.startswith("]", opening + 1) else 0


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``: split at each "|" outside brackets,
    classes and escapes ("a(b|c)|[|]d" -> ["a(b|c)", "[|]d"])."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += _leading_members(pattern, i)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _group_stubs(alternative: str) -> str:
    """Empty groups standing for those of ``alternative``, with its names, in its order."""
    compiled = re.compile(alternative)
    names = {number: name for name, number in compiled.groupindex.items()}
    return "".join(
        f"(?P<{names[number]}>)" if number in names else "()"
        for number in range(1, compiled.groups + 1)
    )


def _without_groups(pattern: str) -> str | None:
    """``pattern`` with its capturing groups made non-capturing (the same matches, no
    groups), so that it can stand in several branches of one pattern; None when it refers
    to a group (a backreference or a conditional)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if not in_class and pattern[i + 1 : i + 2] in tuple("123456789"):
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            member = _leading_members(pattern, i)
            out.append(pattern[i : i + 1 + member])
            i += 1 + member
            continue
        elif c == "(":
            if pattern.startswith(("(?P=", "(?("), i):
                return None
            if pattern.startswith("(?P<", i):
                out.append("(?:")
                i = pattern.index(">", i) + 1
                continue
            if not pattern.startswith("(?", i):
                out.append("(?:")
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


# Characters of a category given a branch of their own in a ``Dispatched`` scan; a text
# holding another character of the category (a full-width digit, say) is searched the
# slower way.
_CATEGORY_LISTED = {r"\d": "0123456789", r"\s": " \t\n\r\f\v\u3000\xa0"}


class Dispatched:
    """``re.compile(first + "(?:" + alternatives + ")")``, where ``first`` is a lookahead for
    the characters a match can start with and ``alternatives`` many alternatives, matched
    faster: at a position the lookahead passes, only the alternatives that can start with
    the character there are tried.

    Python's ``re`` tries every alternative at such a position, and skips one quickly only
    when it starts with a plain character or class; most of the years figures start with a
    lookbehind or a group, and were each tried at every digit, 経 or "e" of the windows
    (~1.5 µs a position). Here each character gets a pattern of its own, made on first use:
    the alternatives whose first characters (``first_class``) include it, in their order,
    and in place of each run of the others one alternative that cannot match holding empty
    groups of their names, so that the groups are numbered and named as in the whole
    pattern. The first alternative to match at a position is the same, so every match has
    the same span and groups (tests/core/test_prefilter*.py check it at every position).

    With ``scan`` (the default), where the next match starts is found by one search in C:
    a branch for each character an alternative can start with, that character and, looking
    back to it, ``first`` and a lookahead for the character's alternatives (without their
    groups): ``在(?<=(?=…)(?=(?:在住…|…))(?s:.))|…``. Every branch opens with a plain
    character, so ``re`` skips the other positions in a loop over the characters, as
    Presence does. Without it, ``first`` is searched for in C and each position it lets
    through tried from Python: faster when ``first`` lets few through but the alternatives
    can start with many characters, each a branch ``re`` would go through one by one.

    Only the methods the fact parsers use: ``match``, ``search`` and ``finditer`` with
    ``pos`` and ``endpos``; a match's ``re`` is the pattern of its character.
    """

    def __init__(self, first: str, alternatives: str, *, scan: bool = True) -> None:
        self.pattern = first + "(?:" + alternatives + ")"
        self._whole = re.compile(self.pattern)
        self._first = re.compile(first)
        self._alternatives = split_alternatives(alternatives)
        starts = _starts(self._alternatives)
        if starts is None:
            # (so no match is empty, and finditer needs no rule for empty matches)
            raise ValueError(f"an alternative with no bounded first character: {alternatives}")
        self._classes = [start[1] for start in starts]
        # The slower way to the next match: the next position ``first`` lets through, among
        # those whose character some alternative can start with. Led by a class, the search
        # skips the other positions in a C loop; led by ``first``'s lookahead, it tries that
        # at every position (the years figures: ~12 µs a posting of ~140).
        starting = "[" + "".join(start.pattern[1:-1] for start in self._classes) + "]"
        self._candidate = re.compile(f"{starting}(?<={first}(?s:.))").search
        self._stubs = [_group_stubs(alternative) for alternative in self._alternatives]
        self._by_char: dict[str, re.Pattern[str]] = {}
        self._by_alternatives: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._scan, self._unlisted = self._scanner(first, starts) if scan else (None, [])
        DISPATCHED.append(self)

    @staticmethod
    def _scanner(
        first: str, starts: list[_Start]
    ) -> tuple[Callable[[str, int, int], re.Match[str] | None] | None, list[re.Pattern[str]]]:
        """The search for where the next match starts, and classes of the characters it
        leaves to the slower way; no search when an alternative can start with a character
        of a category it does not list (``\\w``) or refers to a group."""
        categories = {category for _, _, _, found in starts for category in found}
        plain = [_without_groups(alternative) for alternative, _, _, _ in starts]
        if not categories <= _CATEGORY_LISTED.keys() or None in plain:
            return None, []
        listed = {char for _, _, chars, _ in starts for char in chars}
        for category in categories:
            listed.update(_CATEGORY_LISTED[category])
        branches: list[str] = []
        for char in sorted(listed):
            live = [
                alternative
                for alternative, (_, first_chars, _, _) in zip(plain, starts, strict=True)
                if alternative is not None and first_chars.fullmatch(char)
            ]
            branches.append(re.escape(char) + f"(?<={first}(?=(?:" + "|".join(live) + "))(?s:.))")
        unlisted = [
            re.compile(
                "[^" + category.upper() + "".join(map(re.escape, _CATEGORY_LISTED[category])) + "]"
            )
            for category in sorted(categories)
        ]
        return re.compile("|".join(branches)).search, unlisted

    def _for(self, char: str) -> re.Pattern[str]:
        """The pattern of the alternatives that can start with ``char`` (made once)."""
        live = tuple(i for i, first in enumerate(self._classes) if first.fullmatch(char))
        pattern = self._by_alternatives.get(live)
        if pattern is None:
            parts: list[str] = []
            stubs = ""
            for i, alternative in enumerate(self._alternatives):
                if i in live:
                    if stubs:
                        parts.append("(?!)" + stubs)
                        stubs = ""
                    parts.append(alternative)
                else:
                    stubs += self._stubs[i]
            if stubs:
                parts.append("(?!)" + stubs)
            pattern = self._by_alternatives[live] = re.compile("(?:" + "|".join(parts) + ")")
        self._by_char[char] = pattern
        return pattern

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pos = max(pos, 0)
        if pos >= min(len(string), endpos):
            return self._whole.match(string, pos, endpos)  # no character to dispatch on
        if self._first.match(string, pos, endpos) is None:
            return None
        char = string[pos]
        return (self._by_char.get(char) or self._for(char)).match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        scan = self._scan
        if scan is None or any(other.search(string, pos, endpos) for other in self._unlisted):
            scan = self._candidate
        by_char = self._by_char
        while (found := scan(string, pos, endpos)) is not None:
            at = found.start()
            char = string[at]
            match = (by_char.get(char) or self._for(char)).match(string, at, endpos)
            if match is None:  # (only a candidate of the slower way)
                pos = at + 1
            else:
                yield match
                pos = match.end()  # never empty: every alternative has a first character


# Every Dispatched made (the tests check each against its whole pattern).
DISPATCHED: list[Dispatched] = []


def dispatched(pattern: str) -> Dispatched:
    """``pattern`` behind a lookahead for its first characters, as ``prefiltered`` makes it,
    matched by first character (``Dispatched``)."""
    first = first_class(pattern)
    if first is None:
        raise ValueError(f"a pattern with no bounded first character: {pattern}")
    return Dispatched(f"(?={first})", pattern)


# (alternative, its first-character class, the characters and categories that class lists)
_Start = tuple[str, re.Pattern[str], set[str], list[str]]


def _starts(alternatives: list[str]) -> list[_Start] | None:
    """Each alternative with the characters it can start with; None when one can start
    with any character (or none) or with too wide a range of them."""
    starts: list[_Start] = []
    for alternative in alternatives:
        first = first_class(alternative)
        found = None if first is None else _members(first)
        if first is None or found is None:
            return None
        starts.append((alternative, re.compile(first), *found))
    return starts


def _members(first: str) -> tuple[set[str], list[str]] | None:
    """The characters a class made by ``first_class`` lists (its ranges spelled out) and its
    categories (``\\d``, ``\\s``, ``\\w``) as class text; None for a range too wide to list."""
    [(op, av)] = _parser.parse(first)
    chars: set[str] = set()
    categories: list[str] = []
    for item_op, item in [(op, av)] if op is sre.LITERAL else av:
        if item_op is sre.LITERAL:
            chars.add(chr(item))
        elif item_op is sre.RANGE:
            if item[1] - item[0] > 256:
                return None
            chars.update(chr(code) for code in range(item[0], item[1] + 1))
        else:
            categories.append(_CATEGORIES[item])
    return chars, categories


def _by_first_character(pattern: str) -> re.Pattern[str] | None:
    """A pattern that matches wherever some alternative of ``pattern`` matches, but only
    one character long: for each character an alternative can start with, that character,
    then, looking back to it, a lookahead for the alternatives that can start with it:
    ``o(?<=(?=(?:\\bon average\\b|\\bour team\\b))(?s:.))|a(?<=(?=(?:\\baverage ))(?s:.))|…``.
    None when an alternative has no bounded first character, or ``pattern`` has groups
    (repeated in several branches, they would clash) or ignores case."""
    compiled = re.compile(pattern)
    if compiled.groups or compiled.flags & (re.IGNORECASE | re.VERBOSE):
        return None  # (first_class reads no flags set inline for the whole pattern)
    starts = _starts(split_alternatives(pattern))
    if starts is None:
        return None
    branches: list[str] = []
    for char in sorted({char for _, _, chars, _ in starts for char in chars}):
        live = [alternative for alternative, first, _, _ in starts if first.fullmatch(char)]
        branches.append(re.escape(char) + "(?<=(?=(?:" + "|".join(live) + "))(?s:.))")
    for category in sorted({category for _, _, _, categories in starts for category in categories}):
        # a character of the category may also be one another alternative lists
        live = [
            alternative
            for alternative, _, chars, categories in starts
            if category in categories or any(re.fullmatch(category, char) for char in chars)
        ]
        branches.append(f"[{category}](?<=(?=(?:" + "|".join(live) + "))(?s:.))")
    return re.compile("|".join(branches))


# Every Presence made (the tests check each against its pattern).
PRESENCES: list[Presence] = []


class Presence:
    """Whether ``pattern`` matches anywhere in a string (``found``), for the large patterns
    only ever asked that: no match object, so no span to keep.

    A pattern of many alternatives behind a start-character lookahead costs Python's ``re``
    every alternative at each position the lookahead lets through: ~0.3 µs at each letter
    of an English clause for _NOT_ASKED's 69 alternatives beginning with ``\\b``. Asked only
    whether there is a match, the search may instead consume the match's first character
    (``_by_first_character``): every branch then starts with a plain character, so ``re``
    skips the positions no alternative can start at in a C loop over the characters and, at
    the others, tries only the alternatives that can start with the character there. Some
    alternative matches at a position exactly when the branch of its character does.
    """

    __slots__ = ("_search", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        fast = _by_first_character(pattern)
        self._search = (fast if fast is not None else re.compile(pattern)).search
        PRESENCES.append(self)

    def found(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        return self._search(string, pos, endpos) is not None
