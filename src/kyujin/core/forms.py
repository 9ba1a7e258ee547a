"""Check-box forms: the options left unticked are not what the posting says.

Forms on job boards and ハローワーク-style sheets list every option of a field and tick one:
"雇用形態：■正社員 □契約社員 □派遣社員", "リモート：☐フル出社 ☑一部リモート ☐フルリモート".
The unticked options' text is blanked (offsets unchanged) before the facts are read, on lines
that hold both a ticked and an unticked box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TICKED = r"■|☑|✅|✔|✓|\[[xX✓✔]\]"
_UNTICKED = r"□|☐|\[ \]"
_BOX = re.compile(_UNTICKED)
_TICK = re.compile(_TICKED)
# An unticked option: the box and its text up to the next box, a wide gap or the line's end.
_OPTION = re.compile(
    rf"(?:{_UNTICKED})(?:(?!{_TICKED}|{_UNTICKED})[^\n])*?"
    rf"(?=(?:{_TICKED})|(?:{_UNTICKED})|\n|\s{{2,}}|\u3000|$)"
)


def unticked_options(text: str) -> list[tuple[int, int]]:
    """Ranges of the unticked options on lines that also tick one."""
    if "□" not in text and "☐" not in text and "[ ]" not in text:
        return []
    ranges: list[tuple[int, int]] = []
    for start, end in _boxed_lines(text):
        if not _TICK.search(text, start, end):
            continue  # boxes used as bullets, or a form left blank
        ranges.extend(m.span() for m in _OPTION.finditer(text, start, end))
    return ranges


def _boxed_lines(text: str) -> Iterator[tuple[int, int]]:
    """Bounds of each line holding an unticked box, once each. Found from the boxes, not
    with a pattern for the whole line: that one was tried from every character of a long
    line without a box, and 40,000 of them took 5 s."""
    done = 0
    for box in _BOX.finditer(text):
        if box.start() < done:
            continue  # another box on a line already given
        start = text.rfind("\n", 0, box.start()) + 1
        end = text.find("\n", box.end())
        done = len(text) if end < 0 else end
        yield start, done
