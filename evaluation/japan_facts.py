"""Fact and skill accuracy on the Japan-facts fixtures (tests/fixtures/japan_facts/).

Each posting is ``{"id", "lang", "title", "text", "expected": {...}}``; ``extract(text,
title=title)`` is scored per field:

- salary: correct iff both null, or currency, period, min, max, annual_min_jpy and
  annual_max_jpy all equal (numbers compared as numbers);
- location: correct iff both null, or prefecture and city equal;
- japanese_level, english_level, remote, visa_sponsorship, employment_type,
  min_years_experience: equality.

Skills: fixture names are resolved to taxonomy skills through ``clean_surface`` of every surface
form; precision/recall/F1 are computed over (posting, skill, "required"/"preferred") pairs,
predictions taken from mentions whose requirement is not "unknown". A fixture name that resolves
to no skill stays in the gold set under its own name (so it counts as missed) and is reported.

Traps (traps.jsonl, ``{"id", "text", "skills", "not_skills"}``) pass iff every listed skill is
extracted, itself or as a more specific skill of the taxonomy (Embedded Linux is a kind of Linux,
so it stands for a listed Linux), and no not_skill is extracted itself.

The eval split is held out: tune on ``--split tuning``; ``--verbose`` on eval needs ``--i-know``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kyujin.core.extract import extract
from kyujin.core.model import FACT_FIELDS, PostingFacts
from kyujin.core.taxonomy import Taxonomy, default_taxonomy
from kyujin.core.text import clean_surface

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "japan_facts"
FIELDS = FACT_FIELDS
SALARY_KEYS = ("currency", "period", "min", "max", "annual_min_jpy", "annual_max_jpy")
LOCATION_KEYS = ("prefecture", "city")
REQUIREMENTS = ("required", "preferred")
FIELD_TARGET = 0.95
# A split name -> the fixture files it reads (default: just "<split>.jsonl").
TUNING_SPLITS = tuple(sorted(path.stem for path in FIXTURES.glob("tuning*.jsonl")))
SPLIT_FILES: dict[str, tuple[str, ...]] = {"tuning-all": TUNING_SPLITS}
UNRESOLVED = "?"  # prefix of a gold skill that matched no taxonomy form


# --- reading -------------------------------------------------------------------------------


class FixtureError(Exception):
    pass


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FixtureError(f"{path}:{line_no}: not valid JSON: {exc}") from None
            if not isinstance(row, dict) or "id" not in row or "text" not in row:
                raise FixtureError(f"{path}:{line_no}: expected an object with 'id' and 'text'")
            rows.append(row)
    return rows


# --- comparing -----------------------------------------------------------------------------


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    try:
        return math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def got_salary(facts: PostingFacts) -> dict[str, Any] | None:
    s = facts.salary
    if s is None:
        return None
    return {
        "currency": s.currency,
        "period": s.period,
        "min": s.min,
        "max": s.max,
        "annual_min_jpy": s.annual_min_jpy,
        "annual_max_jpy": s.annual_max_jpy,
    }


def got_location(facts: PostingFacts) -> dict[str, Any] | None:
    loc = facts.location
    return None if loc is None else {"prefecture": loc.prefecture, "city": loc.city}


def got_field(facts: PostingFacts, name: str) -> Any:
    if name == "salary":
        return got_salary(facts)
    if name == "location":
        return got_location(facts)
    return getattr(facts, name)


def field_correct(name: str, expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if name == "salary":
        if not isinstance(expected, dict):
            return False
        return (
            expected.get("currency") == got["currency"]
            and expected.get("period") == got["period"]
            and all(same_number(expected.get(k), got[k]) for k in SALARY_KEYS[2:])
        )
    if name == "location":
        if not isinstance(expected, dict):
            return False
        return all(expected.get(k) == got[k] for k in LOCATION_KEYS)
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return same_number(expected, got)
    return bool(expected == got)


# --- skill names ---------------------------------------------------------------------------


def labelled_vocabulary(readme: Path) -> list[str] | None:
    """The README's "Canonical spellings:" list: the only skills the fixtures ever label."""
    if not readme.is_file():
        return None
    for line in readme.read_text(encoding="utf-8").splitlines():
        _, sep, tail = line.partition("Canonical spellings:")
        if sep:
            names = [n.strip() for n in tail.strip().removesuffix(".").split(", ")]
            return [n for n in names if n]
    return None


class Resolver:
    """Fixture skill names -> taxonomy skill names, through clean_surface of every form."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.by_form: dict[str, list[str]] = {}
        self.by_name: dict[str, str] = {}
        for skill in taxonomy.skills.values():
            self.by_name[clean_surface(skill.name)] = skill.name
            for form in skill.surfaces():
                owners = self.by_form.setdefault(clean_surface(form), [])
                if skill.name not in owners:
                    owners.append(skill.name)
        self.unresolved: dict[str, str] = {}  # fixture name -> why

    def resolve(self, name: str) -> str | None:
        key = clean_surface(name)
        if key in self.by_name:  # a canonical name wins over another skill's alias
            return self.by_name[key]
        owners = self.by_form.get(key, [])
        if len(owners) == 1:
            return owners[0]
        self.unresolved[name] = (
            f"ambiguous: a form of {', '.join(owners)}" if owners else "no taxonomy form"
        )
        return None

    def gold(self, name: str) -> str:
        resolved = self.resolve(name)
        return resolved if resolved is not None else UNRESOLVED + name


# --- scoring -------------------------------------------------------------------------------


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set[Any], predicted: set[Any]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Mismatch:
    id: str
    field: str
    expected: Any
    got: Any


@dataclass(slots=True)
class Scores:
    postings: int = 0
    skill_postings: int = 0  # postings whose skills are labelled (and scored)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    unlabelled: dict[str, int] = field(default_factory=dict)  # field absent from "expected"
    skills: PRF = field(default_factory=PRF)
    by_requirement: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in REQUIREMENTS})
    # Informational: predictions limited to the skills the fixtures label at all.
    in_scope: PRF | None = None
    out_of_scope_fp: dict[str, int] = field(default_factory=dict)  # by taxonomy category
    mismatches: list[Mismatch] = field(default_factory=list)


def predicted_pairs(facts: PostingFacts) -> set[tuple[str, str]]:
    return {(m.skill, m.requirement) for m in facts.skills if m.requirement in REQUIREMENTS}


def gold_pairs(expected: dict[str, Any], resolver: Resolver) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for requirement in REQUIREMENTS:
        for name in expected.get(f"skills_{requirement}") or ():
            pairs.add((resolver.gold(str(name)), requirement))
    return pairs


def score_postings(
    postings: Iterable[dict[str, Any]],
    resolver: Resolver,
    taxonomy: Taxonomy,
    vocabulary: set[str] | None,
) -> Scores:
    scores = Scores(in_scope=PRF() if vocabulary is not None else None)
    for posting in postings:
        scores.postings += 1
        pid = str(posting["id"])
        expected: dict[str, Any] = posting.get("expected") or {}
        facts = extract(posting["text"], title=posting.get("title"))
        for name in FIELDS:
            if name not in expected:
                scores.unlabelled[name] = scores.unlabelled.get(name, 0) + 1
                continue
            got = got_field(facts, name)
            score = scores.fields[name]
            score.total += 1
            if field_correct(name, expected[name], got):
                score.correct += 1
            else:
                scores.mismatches.append(Mismatch(pid, name, expected[name], got))
        if not any(f"skills_{requirement}" in expected for requirement in REQUIREMENTS):
            # A fixture that labels facts only (tuning_years*, tuning_facts2): its skills
            # are not scored, rather than all counted as false positives.
            continue
        scores.skill_postings += 1
        gold, predicted = gold_pairs(expected, resolver), predicted_pairs(facts)
        scores.skills.add(gold, predicted)
        for requirement in REQUIREMENTS:
            scores.by_requirement[requirement].add(
                {p for p in gold if p[1] == requirement},
                {p for p in predicted if p[1] == requirement},
            )
        if vocabulary is not None and scores.in_scope is not None:
            kept = {p for p in predicted if p[0] in vocabulary}
            scores.in_scope.add(gold, kept)
            for skill_name, _ in predicted - kept:
                skill = taxonomy.get(skill_name)
                category = skill.category if skill else "?"
                scores.out_of_scope_fp[category] = scores.out_of_scope_fp.get(category, 0) + 1
        missing, extra = sorted(gold - predicted), sorted(predicted - gold)
        if missing:
            scores.mismatches.append(Mismatch(pid, "skills (missed)", missing, None))
        if extra:
            scores.mismatches.append(Mismatch(pid, "skills (extra)", None, extra))
    return scores


@dataclass(slots=True)
class TrapResult:
    id: str
    passed: bool
    problems: list[str]
    text: str


def run_traps(
    traps: Iterable[dict[str, Any]], resolver: Resolver, taxonomy: Taxonomy
) -> list[TrapResult]:
    results: list[TrapResult] = []
    for trap in traps:
        facts = extract(trap["text"], title=trap.get("title"))
        found = {m.skill for m in facts.skills}
        implied = found.union(*(taxonomy.ancestors(skill) for skill in found))
        problems: list[str] = []
        for name in trap.get("skills") or ():
            skill = resolver.resolve(str(name))
            if skill is None:
                problems.append(f"skill {name!r} not in the taxonomy ({resolver.unresolved[name]})")
            elif skill not in implied:
                problems.append(f"missed {skill}")
        for name in trap.get("not_skills") or ():
            skill = resolver.resolve(str(name))
            if skill is not None and skill in found:
                where = [f"{m.surface!r}@{m.start}" for m in facts.skills if m.skill == skill]
                problems.append(f"extracted {skill} ({', '.join(where)})")
        if problems:
            problems.append(f"all found: {', '.join(sorted(found)) or 'nothing'}")
        results.append(TrapResult(str(trap["id"]), not problems, problems, str(trap["text"])))
    return results


# --- output --------------------------------------------------------------------------------


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def report(
    split: str,
    scores: Scores,
    traps: list[TrapResult],
    resolver: Resolver,
    *,
    verbose: bool,
) -> None:
    print(f"Japan facts — split: {split}, postings: {scores.postings} (fixtures: {FIXTURES})")
    print(f"\nfield accuracy (target >= {FIELD_TARGET:.0%} each):")
    for name in FIELDS:
        s = scores.fields[name]
        if s.total == 0:  # no posting of the split labels this field
            print(f"  {name:<22}    -/0        -   not scored")
            continue
        ok = s.accuracy >= FIELD_TARGET
        print(f"  {name:<22} {s.correct:>4}/{s.total:<4} {s.accuracy:7.1%}  {met(ok)}")
    if scores.unlabelled:
        absent = ", ".join(f"{k} ({v})" for k, v in sorted(scores.unlabelled.items()))
        print(f"  not scored (field absent from 'expected'): {absent}")
    sk = scores.skills
    if scores.skill_postings == 0:
        print("\nskills: not scored (no posting of this split labels its skills)")
        _report_traps(traps)
        if verbose:
            _report_mismatches(scores)
        return
    print(
        f"\nskills, (skill, required|preferred) pairs: P {sk.precision:.3f}  R {sk.recall:.3f}  "
        f"F1 {sk.f1:.3f}  (tp {sk.tp}, fp {sk.fp}, fn {sk.fn}), "
        f"{scores.skill_postings} of the {scores.postings} postings label skills"
    )
    for requirement, prf in scores.by_requirement.items():
        print(
            f"  {requirement:<9} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}  "
            f"(tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
        )
    if scores.in_scope is not None:
        ins = scores.in_scope
        by_category = ", ".join(
            f"{c} {n}" for c, n in sorted(scores.out_of_scope_fp.items(), key=lambda kv: -kv[1])
        )
        print(
            f"  informational, predictions limited to the README's canonical skills (the only ones "
            f"labelled): P {ins.precision:.3f}  R {ins.recall:.3f}  F1 {ins.f1:.3f}; "
            f"{sum(scores.out_of_scope_fp.values())} fp are other taxonomy skills ({by_category})"
        )
    else:
        print("  (no 'Canonical spellings:' list in the fixtures' README: no in-scope figure)")
    if resolver.unresolved:
        print(f"  unresolved fixture skill names ({len(resolver.unresolved)}; counted as missed):")
        for name, why in sorted(resolver.unresolved.items()):
            print(f"    {name!r}: {why}")
    else:
        print("  every fixture skill name resolved to a taxonomy skill")
    _report_traps(traps)
    if verbose:
        _report_mismatches(scores)


def _report_traps(traps: list[TrapResult]) -> None:
    passed = sum(t.passed for t in traps)
    print(f"\ntraps: {passed}/{len(traps)} passed")
    for trap in traps:
        if not trap.passed:
            snippet = " ".join(trap.text.split())
            snippet = snippet if len(snippet) <= 90 else snippet[:89] + "…"
            print(f"  FAIL {trap.id}: {'; '.join(trap.problems)}  — {snippet!r}")


def _report_mismatches(scores: Scores) -> None:
    print(f"\nmismatches ({len(scores.mismatches)}):")
    for m in scores.mismatches:
        print(f"  {m.id}  {m.field}: expected {show(m.expected)}  got {show(m.got)}")


def to_json(split: str, scores: Scores, traps: list[TrapResult], resolver: Resolver) -> Any:
    return {
        "split": split,
        "postings": scores.postings,
        "fields": {
            name: {
                "correct": s.correct,
                "total": s.total,
                "accuracy": round(s.accuracy, 4),
                "target": FIELD_TARGET,
                "met": s.total > 0 and s.accuracy >= FIELD_TARGET,
            }
            for name, s in scores.fields.items()
        },
        "fields_not_scored": scores.unlabelled,
        "skills": {
            **scores.skills.as_dict(),
            "by_requirement": {r: prf.as_dict() for r, prf in scores.by_requirement.items()},
            "informational_in_scope": (
                scores.in_scope.as_dict() if scores.in_scope is not None else None
            ),
            "out_of_scope_fp_by_category": scores.out_of_scope_fp,
            "unresolved_names": resolver.unresolved,
        },
        "traps": {
            "passed": sum(t.passed for t in traps),
            "total": len(traps),
            "failures": {t.id: t.problems for t in traps if not t.passed},
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.japan_facts",
        description="Per-field fact accuracy, skill P/R/F1 and traps on the Japan-facts fixtures.",
    )
    parser.add_argument(
        "--split",
        choices=("eval", *TUNING_SPLITS, "tuning-all"),
        default="eval",
        help="tuning-all: every tuning*.jsonl together",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="print every mismatch (id, field, expected, got)"
    )
    parser.add_argument(
        "--i-know", action="store_true", help="allow --verbose on the held-out eval split"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    parser.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="score this JSON Lines file instead of a split (e.g. a held-out set in heldout/)",
    )
    args = parser.parse_args(argv)
    if args.verbose and args.split == "eval" and not args.i_know:
        parser.error(
            "--verbose is refused on the eval split: it is held out, and reading its mismatches "
            "turns it into tuning data. Use --split tuning, or add --i-know if you must."
        )
    splits = SPLIT_FILES.get(args.split, (args.split,))
    sources = [FIXTURES / f"{name}.jsonl" for name in splits]
    if args.file is not None:
        sources = [args.file]
        args.split = args.file.stem
    needed = [*sources, FIXTURES / "traps.jsonl"]
    missing = [p for p in needed if not p.is_file()]
    if missing:
        names = ", ".join(str(p) for p in missing)
        print(
            f"Japan-facts fixtures not found: {names}\nThey are tests/fixtures/japan_facts/"
            "{tuning,eval,traps}.jsonl (labelling rules in README.md there); nothing was scored.",
            file=sys.stderr,
        )
        return 1
    try:
        postings = [row for source in sources for row in read_jsonl(source)]
        traps = read_jsonl(needed[-1])
    except FixtureError as exc:
        print(f"bad fixture: {exc}", file=sys.stderr)
        return 1
    taxonomy = default_taxonomy()
    resolver = Resolver(taxonomy)
    canonical = labelled_vocabulary(FIXTURES / "README.md")
    vocabulary = None
    if canonical is not None:
        vocabulary = {r for r in (resolver.resolve(n) for n in canonical) if r is not None}
    scores = score_postings(postings, resolver, taxonomy, vocabulary)
    trap_results = run_traps(traps, resolver, taxonomy)
    report(args.split, scores, trap_results, resolver, verbose=args.verbose)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = to_json(args.split, scores, trap_results, resolver)
        args.json.write_text(
            json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
