"""Search latency at scale (issue 4): a fixed query mix through the real search service.

- Database: N postings prepared by bench.scale_data (B imported through the real import path,
  the rest SQL replicas of them; see that module), on SQLite or PostgreSQL.
- Query mix: ``--queries`` (default 200) queries drawn with a fixed seed, in four classes of
  equal share. Every query has facets=true and 2 or 3 filters drawn from salary_min, remote,
  japanese_max, skill, prefecture, size_band, employment_type, max_years_experience,
  visa_sponsorship, industry and posted_since; queries with a term are sorted by relevance
  (half), newest or salary, the others by newest or salary.
  - common: terms most postings hold (エンジニア, 開発経験, AWS, Python, backend,
    "Python backend");
  - rare: terms a handful of the imported postings hold (1-10 of 20,000: drizzle, ferovia,
    htmx, typesense, opencv, labview, kyverno; times N/B with the replicas);
  - japanese: Japanese without spaces, from very common to absent (バックエンド,
    大規模トラフィック, 機械学習, 電子カルテ, 決済基盤: none of the synthetic postings says it);
  - filters: no term.
- Timed: ``kyujin.postings.search.search(session, SearchQuery(...))`` in-process, one session
  per query (connection checkout to commit), as GET /v1/postings runs it without HTTP. The
  time is also split by phase (count, facets, rank or page, load): from the start of each
  statement to the start of the next, so fetching and the Python work on the rows count.
- Same-run baselines, interleaved query by query: the same query with facets=false, and a
  primary-key round trip (``SELECT id, title FROM posting WHERE id = :id``, random id) through
  a session. Before the rounds, each term's matches are counted exactly, no cap, and timed
  once (``--count-timeout``, default 60 s): what the search must not do per query (it counts
  up to COUNT_CAP, takes facets over FACET_SAMPLE matches and ranks RANK_CAP).
- One untimed warm-up pass, then ``--rounds`` (default 3) passes over the whole mix; the
  percentiles pool every timed call (nearest rank).
- A statement that runs longer than ``--timeout`` (default 5 s) is stopped (PostgreSQL
  statement_timeout, SQLite progress handler); its query counts as taking the timeout (so
  figures with timeouts are lower bounds, marked ">="), and a query that timed out in the
  warm-up is not run again, so that the benchmark ends.

Usage (from the repo root): ``python -m bench.search_scale --backend {sqlite,postgresql}
--postings N [--base B] [--queries Q] [--rounds R] [--timeout S] [--count-timeout S]
[--explain] [--index] [--json P]``

``--index`` searches through the search index (Tantivy; kyujin.postings.search.run), built
first in var/bench/index-<database> when it is not built for that database.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench import pg, scale_data
from bench.common import BENCH_DIR, machine, machine_line, met, percentile
from bench.search_runner import PHASES, Runner, TimedOut, ms

P50_TARGET_MS = 20.0
P99_TARGET_MS = 100.0
MIX_SEED = 4
DEFAULT_QUERIES = 200

TERMS: dict[str, tuple[str, ...]] = {
    "common": ("エンジニア", "開発経験", "AWS", "Python", "backend", "Python backend"),
    "rare": ("drizzle", "ferovia", "htmx", "typesense", "opencv", "labview", "kyverno"),
    "japanese": ("バックエンド", "大規模トラフィック", "機械学習", "電子カルテ", "決済基盤"),
    "filters": (),
}
FILTERS: dict[str, Sequence[Any]] = {
    "salary_min": (5_000_000, 6_000_000, 8_000_000, 10_000_000),
    "remote": (["full"], ["full", "hybrid"], ["hybrid"]),
    "japanese_max": ("none", "N3", "N2"),
    "skill": (["Python"], ["Go"], ["AWS"], ["Java"], ["TypeScript"], ["Kubernetes"], ["Docker"]),
    "prefecture": (["Tokyo"], ["Osaka"], ["Fukuoka"], ["Kanagawa", "Tokyo"]),
    "size_band": (["large"], ["startup", "small"], ["medium"]),
    "employment_type": (["full_time"], ["contract", "freelance"]),
    "max_years_experience": (3, 5),
    "visa_sponsorship": (True,),
    "industry": (["finance"], ["web", "saas"], ["gaming"]),
    "posted_since": (date(2026, 1, 1), date(2026, 6, 1)),
}


@dataclass(frozen=True)
class Case:
    kind: str
    params: dict[str, Any]

    def label(self) -> str:
        parts = [f"{k}={v}" for k, v in self.params.items() if k != "facets"]
        return f"[{self.kind}] " + " ".join(parts)


def query_mix(count: int, seed: int = MIX_SEED) -> list[Case]:
    rng = random.Random(seed)
    kinds = list(TERMS)
    cases: list[Case] = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        params: dict[str, Any] = {}
        if TERMS[kind]:
            params["q"] = rng.choice(TERMS[kind])
            params["sort"] = rng.choice(("relevance", "relevance", "newest", "salary"))
        else:
            params["sort"] = rng.choice(("newest", "salary"))
        for name in rng.sample(sorted(FILTERS), rng.choice((2, 3))):
            params[name] = rng.choice(FILTERS[name])
        params["facets"] = True
        cases.append(Case(kind, params))
    return cases


def summary(samples: Sequence[float], timeouts: int = 0) -> dict[str, Any]:
    return {
        "n": len(samples),
        "timeouts": timeouts,
        "p50": round(ms(percentile(samples, 50)), 2),
        "p95": round(ms(percentile(samples, 95)), 2),
        "p99": round(ms(percentile(samples, 99)), 2),
        "max": round(ms(max(samples)), 2),
    }


def line(name: str, s: dict[str, Any], extra: str = "") -> str:
    mark = ">=" if s["timeouts"] else "  "
    timeouts = f"  {s['timeouts']} timed out" if s["timeouts"] else ""
    return (
        f"  {name:<20} {s['n']:>5}  p50 {s['p50']:>7.1f}  p95 {mark}{s['p95']:>7.1f}  "
        f"p99 {mark}{s['p99']:>7.1f}  max {mark}{s['max']:>7.1f}{timeouts}  {extra}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_scale",
        description="Search latency over a fixed query mix at N postings, with baselines.",
    )
    parser.add_argument("--backend", choices=scale_data.BACKENDS, required=True)
    parser.add_argument("--postings", type=int, required=True, help="postings in the database")
    parser.add_argument("--base", type=int, default=scale_data.DEFAULT_BASE)
    parser.add_argument("--seed", type=int, default=scale_data.DEFAULT_SEED)
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES, help="queries in the mix")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the mix")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per statement")
    parser.add_argument(
        "--count-timeout", type=float, default=60.0, help="seconds for each exact count"
    )
    parser.add_argument(
        "--explain", action="store_true", help="print the plans of the slowest query per class"
    )
    parser.add_argument(
        "--index",
        action="store_true",
        help="search through the search index (Tantivy), built first if it is not",
    )
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if args.queries < 4 or args.rounds < 1 or args.timeout <= 0:
        parser.error("--queries must be >= 4, --rounds >= 1 and --timeout > 0")

    host = machine()
    print(machine_line(host))
    with contextlib.ExitStack() as stack:
        admin = stack.enter_context(pg.postgres()) if args.backend == "postgresql" else None
        prepared = scale_data.prepare(
            args.backend, args.postings, base=args.base, seed=args.seed, pg_admin_url=admin
        )
        size = scale_data.database_bytes(prepared)
        print(f"{prepared.describe()}; {size / 1e9:.2f} GB")
        engine = scale_data.bench_engine(prepared.url)
        runner = Runner(engine, args.timeout)
        if args.index:
            runner.index, runner.database = search_index(engine, prepared.url)
        else:
            print("engine: the database (no --index)")
        try:
            result = measure(args, prepared, runner)
        finally:
            engine.dispose()
    result.update(
        machine=host, database={**prepared.manifest, "bytes": size, "backend": args.backend}
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, ensure_ascii=False, indent=2, default=str)
            out.write("\n")
        print(f"wrote {args.json}")
    return 0


def search_index(engine: Any, url: str) -> tuple[Any, str]:
    """The search index of the bench database (var/bench/index-<database>), built if it is
    not built for this database; its build time and size printed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.orm import Session

    from kyujin.postings.search_index import SearchIndex, database_identity

    database = database_identity(url)
    name = Path(make_url(url).database or "db").stem
    index = SearchIndex(BENCH_DIR / f"index-{name}")
    if index.ready_for(database):
        print(f"engine: search index (Tantivy) in {index.path}, built before")
    else:
        started = time.perf_counter()
        with Session(engine) as session:
            written = index.rebuild(session, database)
        print(
            f"engine: search index (Tantivy) in {index.path}: {written:,} postings indexed "
            f"in {time.perf_counter() - started:.0f} s"
        )
    size = sum(f.stat().st_size for f in index.path.iterdir() if f.is_file())
    print(f"  index size {size / 1e6:,.0f} MB")
    return index, database


def print_mix(cases: Sequence[Case], shares: dict[str, int | None], postings: int) -> None:
    from kyujin.postings import search as search_module

    print(
        f"query mix: {len(cases)} queries (seed {MIX_SEED}), 4 classes of {len(cases) // 4}; "
        f"each with facets=true and 2-3 filters; the search's bounds: COUNT_CAP "
        f"{search_module.COUNT_CAP:,}, FACET_SAMPLE {search_module.FACET_SAMPLE:,}, "
        f"RANK_CAP {search_module.RANK_CAP:,}"
    )
    for kind, terms in TERMS.items():
        mine = [c for c in cases if c.kind == kind]
        sorts = Counter(c.params["sort"] for c in mine)
        filters = Counter(k for c in mine for k in c.params if k in FILTERS)
        held = ", ".join(
            f"{t} {'?' if shares[t] is None else f'{shares[t] / postings:.2%}'}"
            f" ({'timed out' if shares[t] is None else f'{shares[t]:,}'})"
            for t in terms
        )
        print(f"  {kind} ({len(mine)}): " + (f"terms (share of postings): {held}" if terms else ""))
        print(f"      sorts {dict(sorts)}; filters {dict(sorted(filters.items()))}")
    print("  e.g. " + "\n  e.g. ".join(c.label() for c in cases[:4]))


def measure(
    args: argparse.Namespace, prepared: scale_data.Prepared, runner: Runner
) -> dict[str, Any]:
    cases = query_mix(args.queries)
    counts = {
        t: runner.exact_count(t, args.count_timeout) for terms in TERMS.values() for t in terms
    }
    shares = {t: n for t, (_, n) in counts.items()}
    print_mix(cases, shares, prepared.postings)

    timeout = args.timeout
    # Queries that timed out in the warm-up (with facets, without): not run again.
    dead: set[int] = set()
    dead_no_facets: set[int] = set()
    for n, case in enumerate(cases):
        for params, out in (
            (case.params, dead),
            ({**case.params, "facets": False}, dead_no_facets),
        ):
            try:
                runner.search(params)
            except TimedOut:
                out.add(n)
    if dead:
        where = Counter(f"{cases[n].kind}/{cases[n].params['sort']}" for n in dead)
        print(
            f"  warm-up: {len(dead)} queries timed out (>= {timeout:g} s), not run again; "
            f"by class/sort: {dict(where.most_common())}"
        )

    rng = random.Random(MIX_SEED)
    ids = [rng.randint(1, prepared.max_id) for _ in cases]
    times: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    timeouts: Counter[str] = Counter()
    phases: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    matches: dict[str, list[int]] = defaultdict(list)
    capped: Counter[str] = Counter()
    per_query: dict[int, list[float]] = defaultdict(list)
    slowest: dict[str, tuple[float, list[tuple[str, Any]], Case]] = {}
    no_facets: list[float] = []
    no_facets_timeouts = 0
    by_id: list[float] = []
    for round_no in range(1, args.rounds + 1):
        started = time.perf_counter()
        for n, case in enumerate(cases):
            by_id.append(runner.by_id(ids[n]))
            if n in dead_no_facets:
                no_facets.append(timeout)
                no_facets_timeouts += 1
            else:
                try:
                    no_facets.append(runner.search({**case.params, "facets": False})[0])
                except TimedOut:
                    no_facets.append(timeout)
                    no_facets_timeouts += 1
            if n in dead:
                times[case.kind].append(timeout)
                per_query[n].append(timeout)
                timeouts[case.kind] += 1
                continue
            try:
                with runner.record():
                    spent, page = runner.search(case.params)
            except TimedOut:
                spent, page = timeout, None
                timeouts[case.kind] += 1
            times[case.kind].append(spent)
            per_query[n].append(spent)
            if page is not None:
                cpu[case.kind].append(runner.last_cpu)
            for phase in PHASES:
                if phase in runner.phases:
                    phases[case.kind][phase].append(runner.phases[phase])
            if round_no == 1 and page is not None:
                matches[case.kind].append(page.total)
                capped[case.kind] += not page.total_exact
            if spent > slowest.get(case.kind, (0.0, [], case))[0]:
                slowest[case.kind] = (spent, list(runner.statements), case)
        print(f"  round {round_no}: {time.perf_counter() - started:.1f} s")

    by_kind = {kind: summary(times[kind], timeouts[kind]) for kind in TERMS}
    overall = summary([t for v in times.values() for t in v], sum(timeouts.values()))
    print(
        f"latency, ms ({args.rounds} rounds x {len(cases)} queries; in-process "
        "kyujin.postings.search.search, one session per query; then the median time per query "
        "in each phase, over the queries that have it: count / facets / rank / page / load; "
        "and the median CPU time of this process per query: Python, and SQLite, which runs "
        "in it; PostgreSQL's is not in it):"
    )
    for kind in TERMS:
        phase_text = " / ".join(
            f"{ms(statistics.median(phases[kind][p])):.1f}" if phases[kind][p] else "-"
            for p in PHASES
        )
        seen = matches[kind] or [0]
        print(
            line(
                kind,
                by_kind[kind],
                f"matches: median {statistics.median(seen):,.0f}, {capped[kind]} capped; "
                f"phases {phase_text}; CPU here {ms(statistics.median(cpu[kind] or [0.0])):.1f}",
            )
        )
    print(line("overall", overall))
    base_no_facets = summary(no_facets, no_facets_timeouts)
    base_by_id = summary(by_id)
    print("baselines, same run:")
    print(line("same, facets=false", base_no_facets))
    print(line("SELECT by id", base_by_id))
    print("  exact count of every match, once (what the search must not do per query):")
    for term, (seconds, count) in counts.items():
        if count is None:
            print(f"    {term}: timed out after {args.count_timeout:g} s")
        elif count >= 1000:
            print(f"    {term}: {count:,} matches in {ms(seconds):,.1f} ms")

    ratio = overall["p50"] / base_by_id["p50"] if base_by_id["p50"] else float("nan")
    spread = by_kind["common"]["p50"] / by_kind["rare"]["p50"]
    print(
        f"search at {prepared.postings:,} postings ({prepared.backend}): p50 {overall['p50']:.1f} "
        f"ms, p99 {'>=' if overall['timeouts'] else ''}{overall['p99']:.1f} ms | target p50 <= "
        f"{P50_TARGET_MS:g} ms: {met(overall['p50'] <= P50_TARGET_MS)}, p99 <= "
        f"{P99_TARGET_MS:g} ms: {met(overall['p99'] <= P99_TARGET_MS)} | p50 / by-id p50: "
        f"{ratio:.0f}x | p50 common / rare: {spread:.1f}x"
    )
    slow = sorted(((statistics.median(v), n) for n, v in per_query.items()), reverse=True)
    print("slowest queries (median over rounds):")
    for median, n in slow[:8]:
        print(f"  {ms(median):8.1f} ms  {cases[n].label()}")
    if args.explain:
        for kind, (spent, statements, case) in slowest.items():
            print(f"plans of the slowest {kind} query ({ms(spent):.1f} ms): {case.label()}")
            print("\n".join(runner.explain(statements)))
    return {
        "postings": prepared.postings,
        "timeout_s": timeout,
        "queries": [{"kind": c.kind, **c.params} for c in cases],
        "shares": shares,
        "latency_ms": {**by_kind, "overall": overall},
        "cpu_median_ms": {k: round(ms(statistics.median(v)), 2) for k, v in cpu.items() if v},
        "phase_median_ms": {
            kind: {p: round(ms(statistics.median(v)), 2) for p, v in per.items() if v}
            for kind, per in phases.items()
        },
        "matches_median": {k: statistics.median(v) for k, v in matches.items()},
        "baselines": {
            "no_facets_ms": base_no_facets,
            "by_id_ms": base_by_id,
            "exact_count": {
                t: {"ms": round(ms(s), 2), "matches": c} for t, (s, c) in counts.items()
            },
        },
        "timed_out_in_warm_up": [cases[n].label() for n in sorted(dead)],
        "slowest": [{"ms": round(ms(m), 2), "query": cases[n].label()} for m, n in slow[:20]],
        "targets": {
            "p50_ms": P50_TARGET_MS,
            "p99_ms": P99_TARGET_MS,
            "p50_met": overall["p50"] <= P50_TARGET_MS,
            "p99_met": overall["p99"] <= P99_TARGET_MS,
        },
    }


if __name__ == "__main__":
    sys.exit(main())
