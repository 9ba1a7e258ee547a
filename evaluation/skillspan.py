"""Skill-extraction quality on SkillSpan's tech postings, by the rule in ../shared/data/README.md.

SkillSpan (Zhang et al., "SkillSpan: Hard and Soft Skill Extraction from English Job Postings",
NAACL 2022), MIT licence (skillspan/LICENSE). The rule:

1. Rebuild each posting (source "tech", sentences grouped by "idx" in file order): a sentence's
   tokens joined by one space, sentences by "\\n".
2. Run ``extract`` on the whole posting; predicted spans are its skill mentions' (start, end).
3. Gold spans are the BIO spans of ``tags_knowledge`` and of ``tags_skill`` (a B starts a span,
   following I's extend it), as character spans in the rebuilt text.
4. precision = predicted spans overlapping any gold span (knowledge or skill) / predicted spans;
   recall = gold knowledge spans overlapped by some predicted span / gold knowledge spans; F1.

Usage (from the repo root)::

    python -m evaluation.skillspan                  # dev split: the figure to report
    python -m evaluation.skillspan --split train --errors 30
    python -m evaluation.skillspan --json var/skillspan.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kyujin.core.extract import extract

CITATION = (
    'SkillSpan (Zhang et al., "SkillSpan: Hard and Soft Skill Extraction from English Job '
    'Postings", NAACL 2022), MIT licence'
)
REFERENCE = {"precision": 0.55, "recall": 0.54, "f1": 0.55}
REFERENCE_NAME = "Lightcast Open Skills dictionary (~31,000 names, SkillNER's database)"
TARGETS = {"precision": 0.85, "f1": 0.75}
SOURCE = "tech"

Span = tuple[int, int]


def shared_data_dir() -> Path:
    """``../shared/data`` beside the repo, or ``$KYUJIN_SHARED_DATA``."""
    override = os.environ.get("KYUJIN_SHARED_DATA")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass(slots=True)
class Posting:
    idx: int
    text: str
    knowledge: list[Span] = field(default_factory=list)
    skill: list[Span] = field(default_factory=list)


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges [first, last] of BIO spans: B starts one, I's extend it (an I after O too)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag == "B" or (tag == "I" and start is None):
            if start is not None:
                spans.append((start, i - 1))
            start = i
        elif tag != "I":
            if start is not None:
                spans.append((start, i - 1))
            start = None
    if start is not None:
        spans.append((start, len(tags) - 1))
    return spans


def load_postings(path: Path, source: str = SOURCE) -> list[Posting]:
    """Rebuild the postings of ``source`` with their gold character spans."""
    sentences: dict[int, list[dict[str, Any]]] = {}
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("source") != source:
                continue
            tokens, tk, ts = row["tokens"], row["tags_knowledge"], row["tags_skill"]
            if not len(tokens) == len(tk) == len(ts):
                raise ValueError(f"{path}:{line_no}: tokens and tags differ in length")
            sentences.setdefault(row["idx"], []).append(row)
    postings: list[Posting] = []
    for idx, rows in sentences.items():  # dicts keep first-appearance (file) order
        posting = Posting(idx=idx, text="")
        lines: list[str] = []
        offset = 0
        for row in rows:
            starts: list[int] = []
            pos = offset
            for token in row["tokens"]:
                starts.append(pos)
                pos += len(token) + 1
            words: list[str] = row["tokens"]
            for tags, into in (
                (row["tags_knowledge"], posting.knowledge),
                (row["tags_skill"], posting.skill),
            ):
                for first, last in bio_spans(tags):
                    into.append((starts[first], starts[last] + len(words[last])))
            line = " ".join(words)
            lines.append(line)
            offset += len(line) + 1
        posting.text = "\n".join(lines)
        postings.append(posting)
    return postings


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Result:
    postings: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    gold_knowledge: int = 0
    gold_skill: int = 0
    gold_found: int = 0
    false_positives: Counter[str] = field(default_factory=Counter)
    false_negatives: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_knowledge if self.gold_knowledge else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def evaluate(postings: Sequence[Posting]) -> Result:
    result = Result(postings=len(postings))
    for posting in postings:
        facts = extract(posting.text)
        predicted = sorted({(m.start, m.end) for m in facts.skills})
        gold_any = posting.knowledge + posting.skill
        result.predicted += len(predicted)
        result.gold_knowledge += len(posting.knowledge)
        result.gold_skill += len(posting.skill)
        for span in predicted:
            if any(overlaps(span, gold) for gold in gold_any):
                result.predicted_correct += 1
            else:
                result.false_positives[posting.text[span[0] : span[1]].lower()] += 1
        for gold in posting.knowledge:
            if any(overlaps(span, gold) for span in predicted):
                result.gold_found += 1
            else:
                result.false_negatives[posting.text[gold[0] : gold[1]].lower()] += 1
    return result


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(result: Result, split: str, errors: int) -> None:
    print(f"SkillSpan extraction quality — data: {CITATION}")
    print(f"split: {split}, source: {SOURCE}, postings: {result.postings}")
    print(
        f"predicted spans: {result.predicted} ({result.predicted_correct} overlap gold), "
        f"gold knowledge spans: {result.gold_knowledge} ({result.gold_found} found), "
        f"gold skill spans: {result.gold_skill}"
    )
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}")
    print(
        f"reference: {REFERENCE_NAME}: P {REFERENCE['precision']:.2f} "
        f"R {REFERENCE['recall']:.2f} F1 {REFERENCE['f1']:.2f} on tech dev"
    )
    print(
        f"target precision >= {TARGETS['precision']:.2f}: "
        f"{met(result.precision >= TARGETS['precision'])}"
    )
    print(f"target F1 >= {TARGETS['f1']:.2f}: {met(result.f1 >= TARGETS['f1'])}")
    if errors:
        print(
            f"\nmost frequent false positives (predicted, overlapping no gold span), top {errors}:"
        )
        for surface, count in result.false_positives.most_common(errors):
            print(f"  {count:4d}  {surface!r}")
        print(f"\nmost frequent false negatives (gold knowledge, not found), top {errors}:")
        for surface, count in result.false_negatives.most_common(errors):
            print(f"  {count:4d}  {surface!r}")


def to_json(result: Result, split: str) -> dict[str, Any]:
    return {
        "data": CITATION,
        "split": split,
        "source": SOURCE,
        "postings": result.postings,
        "predicted": result.predicted,
        "predicted_overlapping_gold": result.predicted_correct,
        "gold_knowledge": result.gold_knowledge,
        "gold_knowledge_found": result.gold_found,
        "gold_skill": result.gold_skill,
        "precision": round(result.precision, 4),
        "recall": round(result.recall, 4),
        "f1": round(result.f1, 4),
        "reference": {"name": REFERENCE_NAME, "split": "dev", **REFERENCE},
        "targets": {
            "precision": {
                "min": TARGETS["precision"],
                "met": result.precision >= TARGETS["precision"],
            },
            "f1": {"min": TARGETS["f1"], "met": result.f1 >= TARGETS["f1"]},
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.skillspan",
        description=f"Skill-span precision/recall on SkillSpan tech postings. Data: {CITATION}.",
    )
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print the N most frequent false positives and negatives (train split only)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if args.errors and args.split == "dev":
        parser.error(
            "--errors is refused on --split dev: dev is for measuring, not tuning; "
            "look at errors with --split train"
        )
    if args.errors < 0:
        parser.error("--errors N needs N >= 0")
    path = shared_data_dir() / "skillspan" / f"{args.split}.json"
    if not path.is_file():
        print(
            f"SkillSpan data not found: {path}\n(set KYUJIN_SHARED_DATA to the shared data "
            "directory if it lives elsewhere)",
            file=sys.stderr,
        )
        return 1
    result = evaluate(load_postings(path))
    report(result, args.split, args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(to_json(result, args.split), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
