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
