"""The skill taxonomy: canonical skills, categories, aliases (English and Japanese),
parents and external ids, loaded from the YAML files in ``data/`` and validated strictly.

Each ``data/<category>.yaml`` is a list of entries::

    - name: Spring Boot          # canonical name, unique
      aliases: [SpringBoot]      # matched case-insensitively, whole word, width-folded
      ja: [スプリングブート]       # Japanese surface forms
      parents: [Spring]          # more general skills this one implies
      ambiguous: [Spring]        # forms that are also ordinary words: case-sensitive, and
                                 # taken only in a technical context
      esco: <uuid>               # ESCO v1.1 concept id, where one exists
      onet: Spring Boot          # O*NET Technology Skills example name, where one exists

A surface form may belong to two skills only when both declare it ambiguous.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kyujin.core.text import clean_surface

DATA_DIR = Path(__file__).parent / "data"
CATEGORIES = (
    "language",
    "framework",
    "database",
    "cache",
    "messaging",
    "cloud",
    "devops",
    "api",
    "practice",
    "domain",
    "spoken_language",
    "certification",
    "soft_skill",
    "tool",
)
_KEYS = {"name", "aliases", "ja", "parents", "ambiguous", "esco", "onet"}
_LIST_KEYS = ("aliases", "ja", "parents", "ambiguous")


class TaxonomyError(ValueError):
    """A taxonomy file is broken; the message names the file, entry and problem."""


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    ja: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    esco: str | None = None
    onet: str | None = None

    def surfaces(self) -> Iterator[str]:
        """Every form the skill is written in, the name first."""
        seen: set[str] = set()
        for form in (self.name, *self.aliases, *self.ja, *self.ambiguous):
            if form not in seen:
                seen.add(form)
                yield form


def _label_key(label: str) -> str:
    return unicodedata.normalize("NFKC", label).casefold().strip()


class Taxonomy:
    def __init__(self, skills: Mapping[str, Skill], version: str) -> None:
        self.skills: dict[str, Skill] = dict(skills)
        self.version = version
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._children: dict[str, list[str]] = {}
        self._labels: dict[str, str | None] | None = None  # made on the first resolve()
        for skill in self.skills.values():
            for parent in skill.parents:
                self._children.setdefault(parent, []).append(skill.name)

    def __len__(self) -> int:
        return len(self.skills)

    def __contains__(self, name: object) -> bool:
        return name in self.skills

    def get(self, name: str) -> Skill | None:
        return self.skills.get(name)

    def resolve(self, label: str) -> str | None:
        """The skill a user's label names: its name or one of its forms, whatever the case,
        width or surrounding spaces (python, Golang -> Go, ＰＨＰ, スプリングブート); None when
        no skill, or more than one, is written so."""
        if label in self.skills:
            return label
        if self._labels is None:
            labels: dict[str, str | None] = {}
            for skill in self.skills.values():
                for form in skill.surfaces():
                    key = _label_key(form)
                    labels[key] = skill.name if labels.get(key, skill.name) == skill.name else None
            for name in self.skills:  # a name wins over another skill's form
                labels[_label_key(name)] = name
            self._labels = labels
        return self._labels.get(_label_key(label))

    def ancestors(self, name: str) -> tuple[str, ...]:
        """All more general skills, nearest first (Spring Boot -> Spring, Java)."""
        cached = self._ancestors.get(name)
        if cached is not None:
            return cached
        order: list[str] = []
        frontier = list(self.skills[name].parents)
        while frontier:
            parent = frontier.pop(0)
            if parent not in order:
                order.append(parent)
                frontier.extend(self.skills[parent].parents)
        result = tuple(order)
        self._ancestors[name] = result
        return result

    def descendants(self, name: str) -> tuple[str, ...]:
        """All more specific skills (Java -> Spring, Spring Boot, ...)."""
        order: list[str] = []
        frontier = list(self._children.get(name, ()))
        while frontier:
            child = frontier.pop(0)
            if child not in order:
                order.append(child)
                frontier.extend(self._children.get(child, ()))
        return tuple(order)


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise TaxonomyError(f"{where}: '{key}' must be a list, got {type(value).__name__}")
    out = []
    for item in value:
        if not isinstance(item, str | int | float) or not str(item).strip():
            raise TaxonomyError(f"{where}: '{key}' holds an empty or non-text item {item!r}")
        out.append(str(item).strip())
    return tuple(out)


def _parse_entry(raw: Any, category: str, where: str) -> Skill:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: an entry must be a mapping, got {type(raw).__name__}")
    unknown = set(raw) - _KEYS
    if unknown:
        raise TaxonomyError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    name = raw.get("name")
    if not isinstance(name, str | int | float) or not str(name).strip():
        raise TaxonomyError(f"{where}: missing or empty 'name'")
    lists = {key: _strings(raw.get(key), f"{where} ({name})", key) for key in _LIST_KEYS}
    ids: dict[str, str | None] = {}
    for key in ("esco", "onet"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise TaxonomyError(f"{where} ({name}): '{key}' must be non-empty text")
        ids[key] = value
    return Skill(
        name=str(name).strip(),
        category=category,
        aliases=lists["aliases"],
        ja=lists["ja"],
        parents=lists["parents"],
        ambiguous=lists["ambiguous"],
        esco=ids["esco"],
        onet=ids["onet"],
    )


def _check(skills: dict[str, Skill], where_of: dict[str, str]) -> None:
    owners: dict[str, list[Skill]] = {}
    for skill in skills.values():
        ambiguous = {clean_surface(a) for a in skill.ambiguous}
        for form in skill.surfaces():
            key = clean_surface(form)
            if len(key) < 2 and key not in ambiguous:
                raise TaxonomyError(
                    f"{where_of[skill.name]} ({skill.name}): the one-character form {form!r} "
                    "must be listed under 'ambiguous'"
                )
            if skill not in owners.setdefault(key, []):
                owners[key].append(skill)
        for parent in skill.parents:
            if parent not in skills:
                raise TaxonomyError(
                    f"{where_of[skill.name]} ({skill.name}): unknown parent {parent!r}"
                )
    for key, holders in owners.items():
        if len(holders) > 1:
            undeclared = [s for s in holders if key not in {clean_surface(a) for a in s.ambiguous}]
            if undeclared:
                names = ", ".join(f"{s.name} ({where_of[s.name]})" for s in holders)
                raise TaxonomyError(
                    f"the form {key!r} belongs to several skills: {names}; declare it under "
                    "'ambiguous' in each, or keep it in one"
                )
    # Cycles: walk up from each skill; meeting the start again is a cycle.
    for name in skills:
        stack, seen = list(skills[name].parents), set()
        while stack:
            parent = stack.pop()
            if parent == name:
                raise TaxonomyError(f"{where_of[name]} ({name}): parent links form a cycle")
            if parent not in seen:
                seen.add(parent)
                stack.extend(skills[parent].parents)


def load_taxonomy(directory: Path = DATA_DIR) -> Taxonomy:
    """Load and validate every ``<category>.yaml`` in ``directory``."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise TaxonomyError(f"no taxonomy files (*.yaml) in {directory}")
    skills: dict[str, Skill] = {}
    where_of: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in files:
        category = path.stem
        if category not in CATEGORIES:
            raise TaxonomyError(f"{path.name}: unknown category {category!r}; known: {CATEGORIES}")
        text = path.read_bytes()
        try:
            entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise TaxonomyError(f"{path.name}: not valid YAML: {exc}") from None
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise TaxonomyError(f"{path.name}: must be a list of entries")
        for index, raw in enumerate(entries, start=1):
            where = f"{path.name} entry {index}"
            skill = _parse_entry(raw, category, where)
            if skill.name in skills:
                raise TaxonomyError(
                    f"{where}: duplicate name {skill.name!r} (also {where_of[skill.name]})"
                )
            skills[skill.name] = skill
            where_of[skill.name] = where
    _check(skills, where_of)
    for skill in sorted(skills.values(), key=lambda s: s.name):
        digest.update(
            json.dumps(
                [
                    skill.name,
                    skill.category,
                    skill.aliases,
                    skill.ja,
                    skill.parents,
                    skill.ambiguous,
                    skill.esco,
                    skill.onet,
                ],
                ensure_ascii=False,
            ).encode()
        )
    return Taxonomy(skills, version=digest.hexdigest()[:16])


@cache
def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped with kyujin, loaded once per process."""
    return load_taxonomy()
