"""Finding skills in posting text with two Aho-Corasick scans.

- ``words``: English forms over the *word view* (``text.Prepared.words``), where every
  character other than [a-z0-9+#] is a space. Keys are " form " (spaces around), so only
  whole words match: "Node.js," and "Python経験" present their words between spaces.
  Forms that are also ordinary words (Go, C, R, Spring, Express, React; declared
  ``ambiguous`` in the taxonomy) are in the
  same automaton; a hit on one must match the declared case ("Go", not "go") and pass
  ``disambiguation.accept``.
- ``raw``: forms containing Japanese, or with punctuation at an edge (".NET"), over the
  folded text's UTF-8 bytes, with a boundary check on ASCII edges.
Both scans run in Rust (ahocorasick-rs) with leftmost-longest semantics; all views have
the text's length, so every offset is an offset into the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from kyujin.core.disambiguation import (
    CASED_TECHNOLOGIES,
    HAS_NEGATIVE,
    ROLE_NAMING_CATEGORIES,
    ROLE_NAMING_SKILLS,
    SEPARATORS,
    TEAM_OR_ROLE_AT,
    Context,
    accept,
    reads_as_ordinary_word,
)
from kyujin.core.model import SkillMention
from kyujin.core.sections import Sections
from kyujin.core.taxonomy import Taxonomy, TaxonomyError
from kyujin.core.text import Prepared, clean_surface, prepare

_VERSIONED = frozenset({"language", "framework", "database"})
_CASED_WORD = bytes(c if (chr(c).isalnum() or chr(c) in "+#") else 32 for c in range(128))

# (skill name, the exact cased forms an ambiguous key must show, or None for any case)
_Candidate = tuple[str, frozenset[str] | None]


def _word_core(form: str, *, lower: bool) -> str:
    view = prepare(form).words.decode("ascii") if lower else _cased_view(prepare(form).width_folded)
    return " ".join(view.split())


def _cased_view(text: str) -> str:
    return text.encode("ascii", "replace").translate(_CASED_WORD + bytes([32] * 128)).decode()


def _spaced_voicing(form: str) -> str:
    """ドッカー -> ト゛ッカー: half-width katakana write voicing as a separate mark (ﾄﾞ),
    which folding turns into ト + ゛ with the text's length kept."""
    decomposed = unicodedata.normalize("NFD", form)
    if "\u3099" not in decomposed and "\u309a" not in decomposed:
        return form
    return unicodedata.normalize(
        "NFC", decomposed.replace("\u3099", "\u309b").replace("\u309a", "\u309c")
    )


def _is_katakana(c: str) -> bool:
    return "\u30a1" <= c <= "\u30fa" or c == "ー"


# ASCII letters and digits: a raw form's ASCII edge must not continue a word of the text.
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# (start, end, skill name, kind): plain tuples, built by the hundred per posting.
_Hit = tuple[int, int, str, int]  # (start, -end, skill, kind): -end sorts longest first
PLAIN, AMBIGUOUS, LOWER_CASE = 0, 1, 2  # a hit's kind: the last two need context


def in_list_of_technologies(kept: list[_Hit], i: int, text: str, context: Context) -> bool:
    """Hit ``i`` (a name in lower case, "go") is an item of a list of technologies: each
    side of it is another name, with only separators between, or its line's edge, and one
    side at least is a name taken ("reactjs django go docker", "python, go, rust", "spring
    java cloud" on its own line)."""
    # A neighbour is on the line when no line break stands between: looked for in the gap
    # only, not from the line's edges, which on one long line of names ("go go go ...")
    # were searched again for every name (1 MB took 5 s).
    start, end = kept[i][0], -kept[i][1]
    taken = False
    if i > 0 and text.find("\n", -kept[i - 1][1], start) < 0:
        before = kept[i - 1]
        if not SEPARATORS(text[-before[1] : start]):
            return False
        taken = context.is_confirmed(before[0], -before[1])
    elif text[text.rfind("\n", 0, start) + 1 : start].strip(" \t・-*•"):
        return False
    if i + 1 < len(kept) and text.find("\n", end, kept[i + 1][0]) < 0:
        after = kept[i + 1]
        if not SEPARATORS(text[end : after[0]]):
            return False
        taken = taken or after[3] == PLAIN
    else:
        line_end = text.find("\n", end)
        if text[end : len(text) if line_end < 0 else line_end].strip(" \t.,;"):
            return False
    return taken


def _gaps(form: str) -> str:
    """The characters between the words of an ASCII form: "/" in CI/CD, "." in Node.js;
    an apostrophe may also be typeset (Bachelor’s)."""
    folded = prepare(form).width_folded.strip()
    gaps = "".join(c for c in folded if not (c.isalnum() or c in "+#"))
    return gaps + "\u2019" if "'" in gaps else gaps


# ``test(text, start, end)``: a match (truthy) or None.
_JoinedTest = Callable[[str, int, int], "re.Match[str] | None"]


@cache
def _joined(joiners: str) -> _JoinedTest:
    """A test of whether the words of text[start:end] are joined only by ``joiners``: a list
    separator (、 ， ・ / ; and other punctuation) or a line break between them ends one name
    and starts the next, so "Java、Spring Boot" is Java and Spring Boot, not the alias Java
    Spring. One regex for each set of joiners: its class runs in C, character by character.
    """
    return re.compile(f"[0-9A-Za-z+#{re.escape(joiners)}]*").fullmatch


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits from ``hits`` sorted by start, longest first: the longest match
    wins where matches overlap ("Spring Boot" over "Spring"), except that a match running past
    the end of the one kept gives that one back for a shorter match at the same start ending
    before it: "Java Spring Boot" is Java and Spring Boot, not the alias Java Spring.
    """
    kept: list[_Hit] = []
    last_end = -1
    shorter: list[_Hit] = []  # the other hits at the start of the last kept one
    for hit in hits:
        if hit[0] >= last_end:
            kept.append(hit)
            last_end = -hit[1]
            shorter = []
        elif hit[0] == kept[-1][0]:
            shorter.append(hit)
        elif -hit[1] > last_end and shorter:
            prefix = next((h for h in shorter if -h[1] <= hit[0]), None)
            if prefix is not None:
                kept[-1] = prefix
                kept.append(hit)
                last_end = -hit[1]
                shorter = []
    return kept


_IMPLEMENTATION = Implementation.ContiguousNFA


class _Automaton:
    def __init__(
        self,
        keys: dict[bytes, list[_Candidate]],
        *,
        overlapping: bool,
        joiners: dict[bytes, str] | None = None,
        over_text: bool = False,
    ) -> None:
        self.keys = list(keys)
        self.candidates = list(keys.values())
        self.overlapping = overlapping
        # Per key of two or more words: a test that only the characters that may stand
        # between its words in a text (a space, a hyphen, and those its forms are written
        # with) join them; else None.
        self.joined = [
            None if (joined := (joiners or {}).get(key)) is None else _joined(joined)
            for key in self.keys
        ]
        # The skill of a key with one case-insensitive candidate, else "" (slow path).
        self.simple = [c[0][0] if len(c) == 1 and c[0][1] is None else "" for c in self.candidates]
        kind = MatchKind.Standard if overlapping else MatchKind.LeftmostLongest
        # Over text (``over_text``), the engine scans a str and reports character offsets
        # (it matches the UTF-8 bytes and maps the offsets back, in Rust); else over bytes.
        # A contiguous NFA, not a DFA: alone in a loop the DFA scans faster, but between
        # the other steps of an extraction its tables (~30 MB for the word keys) have left
        # the CPU caches, and the compact NFA scans twice as fast there (bench/extract_speed:
        # ~100 against ~200 us a posting for the two scans; the matches are the same).
        self.engine: BytesAhoCorasick | None = None
        self.text_engine: AhoCorasick | None = None
        if self.keys and over_text:
            self.text_engine = AhoCorasick(
                [key.decode() for key in self.keys],
                matchkind=kind,
                implementation=_IMPLEMENTATION,
            )
        elif self.keys:
            self.engine = BytesAhoCorasick(
                self.keys, matchkind=kind, implementation=_IMPLEMENTATION
            )

    def find(self, haystack: bytes) -> list[tuple[int, int, int]]:
        if self.engine is None:
            return []
        return self.engine.find_matches_as_indexes(haystack, overlapping=self.overlapping)

    def find_text(self, text: str) -> list[tuple[int, int, int]]:
        if self.text_engine is None:
            return []
        return self.text_engine.find_matches_as_indexes(text, overlapping=self.overlapping)


class SkillMatcher:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._category = {name: skill.category for name, skill in taxonomy.skills.items()}
        self._cased_technologies = CASED_TECHNOLOGIES & frozenset(taxonomy.skills)
        self._spoken_languages = frozenset(
            name for name, skill in taxonomy.skills.items() if skill.category == "spoken_language"
        )
        # Skills whose name also names a team or a role (see ``names_a_team_or_role``).
        self._role_naming = frozenset(
            name
            for name, skill in taxonomy.skills.items()
            if skill.category in ROLE_NAMING_CATEGORIES or name in ROLE_NAMING_SKILLS
        )
        # Skills whose plain hit is taken without a look at its context (see ``find``).
        self._unchecked = frozenset(taxonomy.skills) - HAS_NEGATIVE - self._role_naming
        words: dict[bytes, list[_Candidate]] = {}
        raw: dict[bytes, list[_Candidate]] = {}

        def add(table: dict[bytes, list[_Candidate]], key: str, candidate: _Candidate) -> None:
            entry = table.setdefault(key.encode(), [])
            if candidate in entry:
                return
            if entry and (candidate[1] is None or any(f is None for _, f in entry)):
                # Two skills share a key that is not declared ambiguous in both: the loader
                # compares forms after NFKC, this compares them as the matcher sees them.
                others = ", ".join(sorted({name for name, _ in entry}))
                raise TaxonomyError(
                    f"{candidate[0]!r} and {others} both match {key.strip()!r} once "
                    "punctuation is ignored; keep the form in one skill or declare it ambiguous"
                )
            entry.append(candidate)

        joiners: dict[bytes, str] = {}  # multi-word key -> characters allowed between words

        def allow(key: str, form: str) -> None:
            if " " in key.strip():
                joined = joiners.get(key.encode(), " -")
                joiners[key.encode()] = joined + "".join(set(_gaps(form)) - set(joined))

        # (key, skill, the declared key it comes from): added after every declared form
        variants: list[tuple[str, str, str]] = []
        raw_variants: list[tuple[str, str]] = []
        for skill in taxonomy.skills.values():
            declared = set(skill.ambiguous)
            for form in skill.surfaces():
                folded = clean_surface(form)
                core = _word_core(form, lower=True)
                edges_kept = bool(core) and folded[0] == core[0] and folded[-1] == core[-1]
                if form in declared:
                    cased = _word_core(form, lower=False)
                    if form.isascii() and core:
                        add(words, f" {core} ", (skill.name, frozenset({cased})))
                        allow(f" {core} ", form)
                    else:
                        add(raw, folded, (skill.name, frozenset()))  # context, any case
                    continue
                if folded.isascii() and edges_kept:
                    add(words, f" {core} ", (skill.name, None))
                    allow(f" {core} ", form)
                    if len(core) >= 4 and core[-1].isalpha() and core[-1] != "s":
                        variants.append((f" {core}s ", skill.name, f" {core} "))  # plurals
                    if skill.category in _VERSIONED and len(core) >= 3 and core.isalpha():
                        for version in range(1, 26):  # Java8, Python3, Vue3, MySQL8
                            variants.append((f" {core}{version} ", skill.name, f" {core} "))
                else:
                    add(raw, folded, (skill.name, None))
                    spaced = _spaced_voicing(folded)
                    if spaced != folded:
                        raw_variants.append((spaced, skill.name))
        for key, name, base in variants:
            # A generated form never takes a key a skill declares ("Perl6" is Raku's).
            if key.encode() not in words:
                words[key.encode()] = [(name, None)]
                if base.encode() in joiners:  # "Spring Boots" is joined as "Spring Boot" is
                    joiners[key.encode()] = joiners[base.encode()]
        for key, name in raw_variants:
            if key.encode() not in raw:
                raw[key.encode()] = [(name, None)]
        # Word keys are padded with a space on both sides, so only whole words match; two
        # neighbouring words share the space between them, hence overlapping matching,
        # with the longest match chosen in ``find``.
        self._words = _Automaton(words, overlapping=True, joiners=joiners)
        self._raw = _Automaton(raw, overlapping=False, over_text=True)
        # Per raw key: does it begin or end in katakana (then it must not sit inside a word)?
        self._katakana_edge = [
            _is_katakana(key.decode()[0]) or _is_katakana(key.decode()[-1])
            for key in self._raw.keys
        ]
        # Per raw key: does it begin, or end, with an ASCII letter or digit (then the text
        # must not continue that word: ".net" is not in ".network")?
        self._word_start = [key.decode()[0] in _WORD_CHARS for key in self._raw.keys]
        self._word_end = [key.decode()[-1] in _WORD_CHARS for key in self._raw.keys]

    def _hits(self, prepared: Prepared) -> list[_Hit]:
        words = self._words
        simple = words.simple
        found = words.find(prepared.words)
        cased = prepared.width_folded
        joined_at = words.joined
        # The word view turns every separator into a space; a key of several words is kept
        # only where the text joins them as one name (see ``_joined``).
        found = [
            hit
            for hit in found
            if (joined := joined_at[hit[0]]) is None or joined(cased, hit[1], hit[2] - 2)
        ]
        # A key " form " at view[s:e] is the word original[s : e - 2] (the view has one
        # leading space more than the text).
        hits: list[_Hit] = [(s, 2 - e, simple[i], False) for i, s, e in found if simple[i]]
        for index, start, end in found:
            if simple[index]:
                continue
            surface = cased[start : end - 2]
            # The surface as a cased form is written ("Node.js" -> "Node js"): the surface
            # itself when it is one plain ASCII word (most), so then no view is made.
            as_form = (
                surface
                if surface.isalnum() and surface.isascii()
                else " ".join(_cased_view(surface).split())
            )
            for skill, forms in words.candidates[index]:
                if forms is None or surface in forms or as_form in forms:
                    hits.append((start, 2 - end, skill, AMBIGUOUS if forms else PLAIN))
                    break
            else:
                # "go", "swift" in lower case: only as an item of a list of technologies
                for skill, _ in words.candidates[index]:
                    if skill in self._cased_technologies and surface.islower():
                        hits.append((start, 2 - end, skill, LOWER_CASE))
                        break
        if self._raw.text_engine is not None:
            hits.extend(self._raw_hits(prepared.folded))
        return hits

    def _raw_hits(self, folded: str) -> list[_Hit]:
        # Character offsets straight from the scan; ``prepare`` leaves no lone surrogate in
        # the folded text, so it always encodes.
        found = self._raw.find_text(folded)
        if not found:
            return []
        n = len(folded)
        word_start, word_end = self._word_start, self._word_end
        katakana_edge = self._katakana_edge
        candidates = self._raw.candidates
        hits: list[_Hit] = []
        for index, start, end in found:
            if word_start[index] and start > 0 and folded[start - 1] in _WORD_CHARS:
                continue
            if word_end[index] and end < n and folded[end] in _WORD_CHARS:
                continue
            # A katakana form inside a longer katakana word is another word:
            # レスト in レストラン is not REST, ヘルム in ヘルムート is not Helm.
            if katakana_edge[index] and (
                (start > 0 and _is_katakana(folded[start - 1]) and _is_katakana(folded[start]))
                or (end < n and _is_katakana(folded[end]) and _is_katakana(folded[end - 1]))
            ):
                continue
            skill, forms = candidates[index][0]
            hits.append((start, -end, skill, AMBIGUOUS if forms is not None else PLAIN))
        return hits

    def find(
        self, prepared: Prepared, sections: Sections, *, title_skills: frozenset[str] = frozenset()
    ) -> list[SkillMention]:
        hits = self._hits(prepared)
        hits.sort()  # by start, then longest first (ends are negated): a C tuple sort
        kept = _longest_first(hits)
        original = prepared.original
        context = Context(
            original,
            [(h[0], -h[1]) for h in kept if not h[3]],
            title_skills,
            self._cased_technologies,
            self._spoken_languages,
        )
        # Indices into ``kept`` of the hits taken, in order; mentions are made of them at the
        # end, in one pass. A plain hit of a skill with no negative pattern and no role's
        # name is taken as it is: most hits, passed over with one test.
        taken: list[int] = []
        unchecked = self._unchecked
        role_naming = self._role_naming
        # An ambiguous name left for want of context, kept back in case the next name, side
        # by side with it, is taken: "RustまたはGoでの経験" (Go's context is Rust's too).
        left: int | None = None
        for i, (start, neg_end, name, kind) in enumerate(kept):
            if kind == PLAIN and name in unchecked:
                taken.append(i)
                continue
            end = -neg_end
            if kind == LOWER_CASE:
                if not in_list_of_technologies(kept, i, original, context):
                    continue
                context.confirm(start, end)
            elif kind == AMBIGUOUS:
                if not (accept(name, start, end, context) or _in_a_run(kept, i, original)):
                    if not (
                        name in HAS_NEGATIVE and reads_as_ordinary_word(name, start, end, original)
                    ):
                        left = i
                    continue
                context.confirm(start, end)
                if left == i - 1 and _side_by_side(kept, left, original):
                    l_start, l_end, l_name = kept[left][0], -kept[left][1], kept[left][2]
                    context.confirm(l_start, l_end)
                    if not (l_name in role_naming and TEAM_OR_ROLE_AT(original, l_end)):
                        taken.append(left)
            elif name in HAS_NEGATIVE and reads_as_ordinary_word(name, start, end, original):
                continue
            if name in role_naming and TEAM_OR_ROLE_AT(original, end) is not None:
                continue
            taken.append(i)
        return self._mentions([kept[i] for i in taken], original, sections)

    def _mentions(self, hits: list[_Hit], text: str, sections: Sections) -> list[SkillMention]:
        category = self._category
        requirements = sections.requirements_at([hit[0] for hit in hits])
        # tuple.__new__ builds the named tuple in C: SkillMention(...) runs its __new__ in
        # Python, a third of the cost of fifty mentions a posting.
        return [
            tuple.__new__(
                SkillMention, (name, category[name], start, -neg_end, text[start:-neg_end], req)
            )
            for (start, neg_end, name, _), req in zip(hits, requirements, strict=True)
        ]


_RUN = 3  # names in a row, with only list separators between them, that make a list


def _side_by_side(kept: list[_Hit], left: int, text: str) -> bool:
    """Hits ``left`` and ``left + 1`` stand side by side in a list: on one line, with only
    list separators (or one character) between them."""
    end = -kept[left][1]
    start = kept[left + 1][0]
    if start < end:
        return False
    between = text[end:start]
    return "\n" not in between and (len(between) <= 1 or SEPARATORS(between) is not None)


def _in_a_run(kept: list[_Hit], i: int, text: str) -> bool:
    """Hit ``i`` is one of at least ``_RUN`` names in a row ("security, infrastructure, IAM,
    logging", "web mobile and cloud"): in such a list an ambiguous word is a skill too."""
    count = 1
    left = i - 1
    while left >= 0 and count < _RUN and _side_by_side(kept, left, text):
        count += 1
        left -= 1
    right = i
    while right + 1 < len(kept) and count < _RUN and _side_by_side(kept, right, text):
        count += 1
        right += 1
    return count >= _RUN


def drop_role_repeats(mentions: list[SkillMention], text: str) -> list[SkillMention]:
    """Drop a mention that only names a role or team ("an experienced Java Developer", "our
    Kubernetes team") where the same skill is mentioned elsewhere as itself with the same
    requirement, or the role mention's requirement is unknown: the skill stays, found where
    the posting asks for it; the job title adds no second mention.
    """
    if len(mentions) < 2:
        return mentions
    roles = [i for i, m in enumerate(mentions) if TEAM_OR_ROLE_AT(text, m.end) is not None]
    if not roles:
        return mentions
    role_set = set(roles)
    plain: dict[str, set[str]] = {}
    for i, m in enumerate(mentions):
        if i not in role_set:
            plain.setdefault(m.skill, set()).add(m.requirement)
    drop = {
        i
        for i in roles
        if mentions[i].skill in plain
        and (
            mentions[i].requirement == "unknown"
            or mentions[i].requirement in plain[mentions[i].skill]
        )
    }
    return [m for i, m in enumerate(mentions) if i not in drop] if drop else mentions
