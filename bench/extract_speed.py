"""Speed of full extraction on realistic ~3 KB postings, on one core, beside a same-run baseline.

- Corpus: N postings (default 2,000) built deterministically (seed 0) by concatenating sample
  descriptions (samples/postings.jsonl) until each reaches >= 2,800 characters, then cut at the
  line boundary nearest 3,000 characters (at or after 2,800).
- kyujin: ``default_extractor()`` built first (not timed), then ``extract(text, title=title)``
  over the corpus, repeatedly, for at least ``--seconds``: skills and every fact. Both sides
  are single-threaded, i.e. one core each.
- baseline: spaCy ``blank("en")`` + ``PhraseMatcher(attr="LOWER")`` with one pattern per taxonomy
  surface form, ``matcher(nlp.make_doc(text))`` per posting: skills only, the method of today's
  skill extractors (SkillNER). No spaCy model is needed or downloaded.
- The two run interleaved, 2 rounds each; the best round of each is reported (noisy machine).
- Taxonomy load + engine build, and the engine's memory, are measured in fresh subprocesses.

Usage (from the repo root): ``python -m bench.extract_speed [--count N] [--seconds S] [--json P]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "postings.jsonl"
MIN_BYTES = 2_800
# "~3 KB postings": 3,000 bytes of UTF-8, about 3,000 characters of English or about
# 1,100 of Japanese; the figure printed gives both.
TARGET_BYTES = 3_000
ROUNDS = 2
SPEED_TARGET = 5_000  # postings/s, full extraction, one core
SPEED_GOAL = 10_000
BUILD_TARGET_S = 1.0
MEMORY_TARGET_MB = 150.0

# Fresh-interpreter probes: nothing imported or cached beforehand.
BUILD_PROBE = """
import json, time
from kyujin.core.extract import Extractor
from kyujin.core.taxonomy import load_taxonomy
t0 = time.perf_counter()
taxonomy = load_taxonomy()
t1 = time.perf_counter()
Extractor(taxonomy)
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "build": t2 - t1, "total": t2 - t0}))
"""
MEMORY_PROBE = """
import json
def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")
import kyujin.core.extract as ke
before = rss_kb()
ex = ke.default_extractor()
after = rss_kb()
print(json.dumps({"before_kb": before, "after_kb": after}))
"""


@dataclass(frozen=True, slots=True)
class Posting:
    title: str
    text: str


def build_corpus(count: int, seed: int = 0) -> list[Posting]:
    """``count`` postings of about 3,000 UTF-8 bytes from the sample descriptions."""
    samples: list[dict[str, Any]] = []
    with SAMPLES.open(encoding="utf-8") as handle:
        samples = [json.loads(line) for line in handle if line.strip()]
    samples = [s for s in samples if s.get("description")]
    if not samples:
        raise SystemExit(f"no descriptions in {SAMPLES}")
    rng = random.Random(seed)
    corpus: list[Posting] = []
    for _ in range(count):
        first = rng.choice(samples)
        parts = [first["description"].strip()]
        while len("\n\n".join(parts).encode()) < MIN_BYTES:
            parts.append(rng.choice(samples)["description"].strip())
        text = "\n\n".join(parts)
        # Line boundaries at or after MIN_BYTES (the text's end is one); keep the one nearest
        # TARGET_BYTES.
        sizes = {i: len(text[:i].encode()) for i, c in enumerate(text) if c == "\n"}
        cuts = [i for i, size in sizes.items() if size >= MIN_BYTES]
        cuts.append(len(text))
        cut = min(cuts, key=lambda i: (abs(len(text[:i].encode()) - TARGET_BYTES), i))
        corpus.append(Posting(title=str(first.get("title") or ""), text=text[:cut]))
    return corpus


def run_for(seconds: float, corpus: Sequence[Posting], one: Callable[[Posting], object]) -> float:
    """Call ``one`` over the corpus, cycling, for at least ``seconds``; postings per second."""
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for posting in corpus:
            one(posting)
            done += 1
            if done % 64 == 0 and time.perf_counter() >= deadline:
                return done / (time.perf_counter() - start)


def make_kyujin() -> Callable[[Posting], object]:
    from kyujin.core.extract import default_extractor

    ex = default_extractor()

    def one(posting: Posting) -> object:
        return ex.extract(posting.text, title=posting.title)

    return one


def make_baseline() -> tuple[Callable[[Posting], object], int]:
    import spacy
    from spacy.matcher import PhraseMatcher

    from kyujin.core.taxonomy import default_taxonomy

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    patterns = 0
    for skill in default_taxonomy().skills.values():
        forms = list(skill.surfaces())
        matcher.add(skill.name, [nlp.make_doc(form) for form in forms])
        patterns += len(forms)

    def one(posting: Posting) -> object:
        return matcher(nlp.make_doc(posting.text))

    return one, patterns


def probe(code: str) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("PYTHONSTARTUP", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    if out.returncode != 0:
        raise SystemExit(f"probe failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def machine() -> dict[str, Any]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extract_speed",
        description="Full extraction speed vs a spaCy PhraseMatcher baseline, build time, memory.",
    )
    parser.add_argument("--count", type=int, default=2000, help="postings in the corpus")
    parser.add_argument("--seconds", type=float, default=5.0, help="minimum time per round")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if args.count < 1 or args.seconds <= 0:
        parser.error("--count must be >= 1 and --seconds > 0")

    host = machine()
    print(
        f"machine: {host['cpu']}, {host['cores']} cores, Python {host['python']}, "
        f"{host['platform']}, {host['date']}"
    )

    corpus = build_corpus(args.count)
    sizes = [len(p.text) for p in corpus]
    kbytes = [len(p.text.encode("utf-8")) / 1024 for p in corpus]
    mean_chars, mean_kb = statistics.fmean(sizes), statistics.fmean(kbytes)
    print(
        f"corpus: {len(corpus):,} postings from {SAMPLES.relative_to(ROOT)} (seed 0), "
        f"mean {mean_chars:,.0f} characters = {mean_kb:.1f} KB UTF-8 "
        f"(min {min(sizes):,}, max {max(sizes):,} characters)"
    )

    kyujin = make_kyujin()
    baseline, patterns = make_baseline()
    print(
        f"baseline: spaCy blank('en') + PhraseMatcher(attr='LOWER'), {patterns:,} patterns "
        "(every taxonomy surface form)"
    )
    kyujin_rounds: list[float] = []
    baseline_rounds: list[float] = []
    for round_no in range(1, ROUNDS + 1):
        kyujin_rounds.append(run_for(args.seconds, corpus, kyujin))
        baseline_rounds.append(run_for(args.seconds, corpus, baseline))
        print(
            f"  round {round_no}: kyujin {kyujin_rounds[-1]:,.0f}/s, "
            f"baseline {baseline_rounds[-1]:,.0f}/s"
        )
    k_best, b_best = max(kyujin_rounds), max(baseline_rounds)
    ratio = k_best / b_best
    print(
        f"extract (full: skills + all facts): {k_best:,.0f} postings/s on 1 core, "
        f"mean {mean_chars:,.0f} chars ({mean_kb:.1f} KB UTF-8)  "
        f"| spaCy PhraseMatcher (skills only): {b_best:,.0f} postings/s "
        f"| ratio {ratio:.1f}x | target >= {SPEED_TARGET:,}/s (goal {SPEED_GOAL:,}): "
        f"{met(k_best >= SPEED_TARGET)}"
    )

    builds = [probe(BUILD_PROBE) for _ in range(3)]
    build_total = statistics.median(b["total"] for b in builds)
    build_load = statistics.median(b["load"] for b in builds)
    build_engine = statistics.median(b["build"] for b in builds)
    print(
        f"taxonomy load + engine build (fresh process, median of 3): {build_total:.3f} s "
        f"(load {build_load:.3f} s, build {build_engine:.3f} s) | target <= {BUILD_TARGET_S:g} s: "
        f"{met(build_total <= BUILD_TARGET_S)}"
    )

    memory = probe(MEMORY_PROBE)
    delta_mb = (memory["after_kb"] - memory["before_kb"]) / 1024
    after_mb = memory["after_kb"] / 1024
    print(
        f"engine memory (fresh process, VmRSS): +{delta_mb:.1f} MB for default_extractor() "
        f"({memory['before_kb'] / 1024:.1f} MB after import -> {after_mb:.1f} MB) "
        f"| target (engine) <= {MEMORY_TARGET_MB:g} MB: {met(delta_mb <= MEMORY_TARGET_MB)}"
    )

    if args.json:
        payload = {
            "machine": host,
            "corpus": {
                "postings": len(corpus),
                "seed": 0,
                "mean_chars": round(mean_chars, 1),
                "mean_kb_utf8": round(mean_kb, 2),
                "min_chars": min(sizes),
                "max_chars": max(sizes),
            },
            "seconds_per_round": args.seconds,
            "rounds": ROUNDS,
            "kyujin": {
                "what": "extract(text, title=...): skills + all facts",
                "postings_per_s": round(k_best, 1),
                "rounds": [round(r, 1) for r in kyujin_rounds],
                "target": SPEED_TARGET,
                "goal": SPEED_GOAL,
                "met": k_best >= SPEED_TARGET,
            },
            "baseline": {
                "what": "spaCy blank('en') + PhraseMatcher(attr='LOWER'): skills only",
                "patterns": patterns,
                "postings_per_s": round(b_best, 1),
                "rounds": [round(r, 1) for r in baseline_rounds],
            },
            "ratio": round(ratio, 2),
            "build_s": {
                "median_total": round(build_total, 4),
                "median_load": round(build_load, 4),
                "median_build": round(build_engine, 4),
                "runs": builds,
                "target": BUILD_TARGET_S,
                "met": build_total <= BUILD_TARGET_S,
            },
            "memory_mb": {
                "delta": round(delta_mb, 1),
                "rss_after_import": round(memory["before_kb"] / 1024, 1),
                "rss_after_build": round(after_mb, 1),
                "target": MEMORY_TARGET_MB,
                "met": delta_mb <= MEMORY_TARGET_MB,
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
