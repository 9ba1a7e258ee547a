"""Finding skills in posting text with Aho-Corasick automata.

Three automata, each scanning the text once in C:
- ``words``: English forms, case-insensitive, whole words. They run over a *word view* of
  the text where every character other than [a-z0-9+#] is a space (so "Node.js," and
  "Python経験" both present their words between spaces), and each key is padded with
  spaces, so only whole words match and no per-character boundary check is needed.
- ``raw``: forms containing Japanese, or with punctuation at an edge (".NET"), on the
  width-folded lower-case text, with a boundary check on ASCII edges.
- ``ambiguous``: forms that are also ordinary words (Go, C, R, Spring, Express, React),
  case-sensitive on a case-preserving word view, then kept only in a technical context
  (see ``disambiguation``).
All views have the text's length, so every offset is an offset into the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, MatchKind

from kyujin.core.disambiguation import Context, accept
from kyujin.core.model import SkillMention
from kyujin.core.sections import Sections
from kyujin.core.taxonomy import Taxonomy
from kyujin.core.text import clean_surface, width_fold

_WORD_BYTES = bytes(
    c if (chr(c).isascii() and (chr(c).isalnum() or chr(c) in "+#")) else 0x20 for c in range(256)
)
_LOWER_WORD_BYTES = bytes(b if not (0x41 <= b <= 0x5A) else b + 32 for b in _WORD_BYTES)


_VERSIONED = frozenset({"language", "framework", "database"})


def word_view(text: str, *, lower: bool) -> str:
    """Same length as ``text``: ASCII letters, digits, + and # kept; everything else a space."""
    table = _LOWER_WORD_BYTES if lower else _WORD_BYTES
    return text.encode("ascii", "replace").translate(table).decode("ascii")


def _is_word_char(c: str) -> bool:
    return c.isascii() and c.isalnum()


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    skill: str
    ambiguous: bool


class _Automaton:
    """Leftmost-longest Aho-Corasick over a fixed key list, mapping hits to skill names."""

    def __init__(self, keys: dict[str, list[str]]) -> None:
        self.keys = list(keys)
        self.names = [names[0] for names in keys.values()]  # shared ambiguous form: first
        self.engine = (
            AhoCorasick(self.keys, matchkind=MatchKind.LeftmostLongest) if self.keys else None
        )

    def find(self, haystack: str) -> list[tuple[int, int, int]]:
        return self.engine.find_matches_as_indexes(haystack) if self.engine else []


class SkillMatcher:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        words: dict[str, list[str]] = {}
        raw: dict[str, list[str]] = {}
        ambiguous: dict[str, list[str]] = {}
        for skill in taxonomy.skills.values():
            declared = set(skill.ambiguous)
            for form in skill.surfaces():
                if form in declared:
                    core = " ".join(word_view(width_fold(form), lower=False).split())
                    if core and form.isascii():
                        ambiguous.setdefault(f" {core}", []).append(skill.name)
                    else:
                        raw.setdefault(clean_surface(form), []).append(skill.name)
                    continue
                folded = clean_surface(form)
                core = " ".join(word_view(folded, lower=True).split())
                edges_kept = core and folded[0] == core[0] and folded[-1] == core[-1]
                if folded.isascii() and edges_kept:
                    # Keys carry a space before them (the word view has one before every
                    # word); the space after is checked on each hit, so that neighbouring
                    # words do not compete for one space in leftmost-longest matching.
                    words.setdefault(f" {core}", []).append(skill.name)
                    if len(core) >= 4 and core[-1].isalpha() and core[-1] != "s":
                        words.setdefault(f" {core}s", []).append(skill.name)  # plurals
                    if skill.category in _VERSIONED and len(core) >= 3 and core.isalpha():
                        for version in range(1, 26):  # Java8, Python3, Vue3, MySQL8
                            words.setdefault(f" {core}{version}", []).append(skill.name)
                else:
                    raw.setdefault(folded, []).append(skill.name)
        self._words = _Automaton(words)
        self._raw = _Automaton(raw)
        self._ambiguous = _Automaton(ambiguous)

    @staticmethod
    def _word_hits(automaton: _Automaton, view: str, ambiguous: bool) -> list[_Hit]:
        # view is " " + word view + " ": a hit [s, e) is a whole word when view[e] is a
        # space; in the original text it spans [s, e - 1).
        names = automaton.names
        return [
            _Hit(s, e - 1, names[i], ambiguous)
            for i, s, e in automaton.find(view)
            if view[e] == " "
        ]

    def _hits(self, original: str, folded: str) -> list[_Hit]:
        hits = self._word_hits(self._words, " " + word_view(folded, lower=True) + " ", False)
        names = self._raw.names
        n = len(folded)
        for i, start, stop in self._raw.find(folded):
            if _is_word_char(folded[start]) and start > 0 and _is_word_char(folded[start - 1]):
                continue
            if _is_word_char(folded[stop - 1]) and stop < n and _is_word_char(folded[stop]):
                continue
            hits.append(_Hit(start, stop, names[i], False))
        view = " " + word_view(width_fold(original), lower=False) + " "
        hits.extend(self._word_hits(self._ambiguous, view, True))
        return hits

    def find(
        self,
        original: str,
        folded: str,
        sections: Sections,
        *,
        title_skills: frozenset[str] = frozenset(),
    ) -> list[SkillMention]:
        hits = self._hits(original, folded)
        # Longest match wins where matches overlap ("Spring Boot" over "Spring").
        hits.sort(key=lambda h: (h.start, h.start - h.end))
        kept: list[_Hit] = []
        last_end = -1
        for hit in hits:
            if hit.start >= last_end:
                kept.append(hit)
                last_end = hit.end
        confirmed = [h for h in kept if not h.ambiguous]
        context = Context(original, [(h.start, h.end) for h in confirmed], title_skills)
        mentions: list[SkillMention] = []
        for hit in kept:
            if hit.ambiguous and not accept(hit.skill, hit.start, hit.end, context):
                continue
            skill = self.taxonomy.skills[hit.skill]
            mentions.append(
                SkillMention(
                    skill=skill.name,
                    category=skill.category,
                    start=hit.start,
                    end=hit.end,
                    surface=original[hit.start : hit.end],
                    requirement=sections.requirement_at(hit.start),
                )
            )
        return mentions
