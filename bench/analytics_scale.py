"""Market figures at scale (issue 5): skill demand (top 50) and salary percentiles by
language, for the whole market and for a filtered segment, from the market rollup, beside the
same figures computed from the postings in the same run (the baseline: what they cost
without the rollup). Also what the rollup costs at import.

- Figures: kyujin.analytics.service.skill_demand / salary_figures, each in its own read
  transaction, as GET /v1/analytics/skills and /salaries run them. ``--rounds`` timed calls
  each after one warm-up; the baseline (the rollup marked incomplete inside a transaction that
  is rolled back, so the service reads the postings) ``--baseline-rounds`` calls each. The
  two answers are compared: they must be equal.
- A full report (kyujin.reports: every figure gathered in one read transaction, then the
  HTML and the PDF rendered, as `kyujin report --out F.html --pdf F.pdf` does) for the whole
  market, for the segment and for a filter the rollup cannot answer (a skill), best and worst
  of ``--report-rounds``; baseline in the same run: one scan of the posting table
  (``SELECT count(*) ... WHERE skill_list IS NOT NULL``), to show the report's cost in
  table scans on this machine.
- Import cost: ``--import-postings`` synthetic postings imported through
  kyujin.postings.service.import_batch in batches of 500 into a new database of the same
  backend, with the time spent counting them into the rollup (market_repository.apply)
  measured apart from the rest of the import.

Usage (from the repo root):
``python -m bench.analytics_scale --backend {postgresql,sqlite} --postings N [--rounds 20]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import update

from bench import pg, scale_data
from bench.common import machine, machine_line, met, percentile

TARGET_P95_MS = 300.0
TARGET_REPORT_S = 60.0
SEGMENT = {"industry": ["web"], "size_band": ["large", "medium"]}
# A filter outside the rollup's cells: the report reads the postings for every figure.
NOT_A_CELL = {"skill": ["Python"], "remote": ["full", "hybrid"]}


def _cases() -> list[tuple[str, Callable[[Any], Any]]]:
    from kyujin.analytics import service
    from kyujin.analytics.schemas import SalariesQuery, SkillsQuery

    def demand(**filters: Any) -> Callable[[Any], Any]:
        return lambda s: service.skill_demand(s, SkillsQuery(top=50, **filters))

    def salaries(**filters: Any) -> Callable[[Any], Any]:
        return lambda s: service.salary_figures(s, SalariesQuery(by="language", **filters))

    label = ", ".join(f"{k}={'|'.join(v)}" for k, v in SEGMENT.items())
    return [
        ("skill demand top 50, whole market", demand()),
        (f"skill demand top 50, {label}", demand(**SEGMENT)),
        ("salary p25/median/p75 by language, whole market", salaries()),
        (f"salary p25/median/p75 by language, {label}", salaries(**SEGMENT)),
    ]


def _timed(factory: Any, call: Callable[[Any], Any], *, baseline: bool) -> tuple[float, Any]:
    from kyujin.db.models import MarketState

    with factory() as session:
        if baseline:
            session.execute(update(MarketState).values(complete=False))
        started = time.perf_counter()
        answer = call(session)
        seconds = time.perf_counter() - started
        session.rollback()
    return seconds, answer


def measure_figures(url: str, rounds: int, baseline_rounds: int) -> list[dict[str, Any]]:
    from kyujin.db.engine import make_session_factory

    engine = scale_data.bench_engine(url)
    factory = make_session_factory(engine)
    results = []
    try:
        for name, call in _cases():
            _timed(factory, call, baseline=False)  # warm-up
            times, answer = [], None
            for _ in range(rounds):
                seconds, answer = _timed(factory, call, baseline=False)
                times.append(seconds * 1000)
            base_times, base_answer = [], None
            for _ in range(baseline_rounds):
                seconds, base_answer = _timed(factory, call, baseline=True)
                base_times.append(seconds * 1000)
            row = {
                "case": name,
                "n": answer.n,
                "rollup_ms": {"p50": percentile(times, 50), "p95": percentile(times, 95)},
                "postings_ms": {"p50": percentile(base_times, 50), "max": max(base_times)},
                "same_answer": answer == base_answer,
            }
            print(
                f"  {name} (n={answer.n:,}): rollup p50 {row['rollup_ms']['p50']:,.1f} ms, "
                f"p95 {row['rollup_ms']['p95']:,.1f} ms | from the postings p50 "
                f"{row['postings_ms']['p50']:,.0f} ms | ratio "
                f"{row['postings_ms']['p50'] / max(row['rollup_ms']['p50'], 1e-9):,.0f}x | "
                f"same answer: {row['same_answer']} | target p95 <= {TARGET_P95_MS:.0f} ms: "
                f"{met(row['rollup_ms']['p95'] <= TARGET_P95_MS)}"
            )
            results.append(row)
    finally:
        engine.dispose()
    return results


def measure_report(url: str, rounds: int) -> list[dict[str, Any]]:
    from sqlalchemy import text

    from kyujin.db.engine import make_session_factory, transaction
    from kyujin.reports import content, output
    from kyujin.reports.schemas import ReportQuery

    engine = scale_data.bench_engine(url)
    factory = make_session_factory(engine)
    results = []
    try:
        cases = [("whole market", {}), ("segment", SEGMENT), ("skill filter", NOT_A_CELL)]
        for name, filters in cases:
            label = ", ".join(f"{k}={'|'.join(v)}" for k, v in filters.items()) or "no filter"
            gathered, rendered, n = [], [], 0
            for _ in range(rounds):
                started = time.perf_counter()
                with transaction(factory) as session:
                    figures = content.gather(session, ReportQuery(**filters))
                middle = time.perf_counter()
                html, pdf = output.render(figures, pdf=True)
                assert html and pdf
                gathered.append(middle - started)
                rendered.append(time.perf_counter() - middle)
                n = figures.n
            scan_started = time.perf_counter()
            with engine.connect() as conn:
                conn.execute(
                    text("SELECT count(*) FROM posting WHERE skill_list IS NOT NULL")
                ).scalar()
            scan = time.perf_counter() - scan_started
            totals = [g + r for g, r in zip(gathered, rendered, strict=True)]
            row = {
                "case": f"{name} ({label})",
                "n": n,
                "best_s": min(totals),
                "worst_s": max(totals),
                "figures_s": min(gathered),
                "rendering_s": min(rendered),
                "table_scan_s": scan,
            }
            print(
                f"  report, {row['case']} (n={n:,}): best {row['best_s']:.1f} s (figures "
                f"{row['figures_s']:.1f} s, HTML+PDF {row['rendering_s']:.1f} s), worst "
                f"{row['worst_s']:.1f} s | one posting-table scan {scan:.2f} s, ratio "
                f"{row['best_s'] / max(scan, 1e-9):.0f}x | target <= {TARGET_REPORT_S:.0f} s: "
                f"{met(row['worst_s'] <= TARGET_REPORT_S)}"
            )
            results.append(row)
    finally:
        engine.dispose()
    return results


def measure_import_cost(url: str, postings: int, seed: int) -> dict[str, Any]:
    """Seconds importing ``postings`` synthetic postings, and of those, counting them into
    the rollup."""
    from kyujin.analytics import market_repository
    from kyujin.db.engine import make_session_factory, transaction
    from kyujin.postings import service
    from kyujin.postings.schemas import ImportSummary, PostingIn
    from kyujin.synthetic.generator import lines

    records = [PostingIn.model_validate_json(line) for line in lines(postings, seed)]
    spent = [0.0]
    original = market_repository.apply

    def timed_apply(session: Any, ids: Sequence[int], sign: int) -> None:
        started = time.perf_counter()
        original(session, ids, sign)
        spent[0] += time.perf_counter() - started

    engine = scale_data.bench_engine(url)
    factory = make_session_factory(engine)
    market_repository.apply = timed_apply  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        for start in range(0, len(records), 500):
            with transaction(factory, write=True) as session:
                service.import_batch(
                    session,
                    records[start : start + 500],
                    default_source="bench",
                    summary=ImportSummary(),
                )
        total = time.perf_counter() - started
    finally:
        market_repository.apply = original  # type: ignore[assignment]
        engine.dispose()
    share = spent[0] / total
    print(
        f"  import of {postings:,} postings: {total:.1f} s ({postings / total:,.0f}/s), of which "
        f"counting into the rollup {spent[0]:.2f} s ({share:.1%}; "
        f"{spent[0] / postings * 1000:.2f} ms a posting)"
    )
    return {"postings": postings, "seconds": total, "rollup_seconds": spent[0], "share": share}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.analytics_scale",
        description="Market figures from the rollup vs from the postings, and the import cost.",
    )
    parser.add_argument("--backend", choices=scale_data.BACKENDS, required=True)
    parser.add_argument("--postings", type=int, required=True)
    parser.add_argument("--base", type=int, default=scale_data.DEFAULT_BASE)
    parser.add_argument("--seed", type=int, default=scale_data.DEFAULT_SEED)
    parser.add_argument("--name", help="database name (default that of bench.scale_data)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--baseline-rounds", type=int, default=2)
    parser.add_argument("--report-rounds", type=int, default=2)
    parser.add_argument("--import-postings", type=int, default=2000)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)

    host = machine()
    print(machine_line(host))
    with contextlib.ExitStack() as stack:
        admin = stack.enter_context(pg.postgres()) if args.backend == "postgresql" else None
        prepared = scale_data.prepare(
            args.backend,
            args.postings,
            base=args.base,
            seed=args.seed,
            pg_admin_url=admin,
            name=args.name,
        )
        print(prepared.describe())
        print(
            f"market figures ({args.rounds} timed calls each, {args.baseline_rounds} from the "
            "postings):"
        )
        figures = measure_figures(prepared.url, args.rounds, args.baseline_rounds)
        reports = None
        if args.report_rounds:
            print(f"full reports (HTML and PDF, {args.report_rounds} runs each):")
            reports = measure_report(prepared.url, args.report_rounds)
        cost = None
        if args.import_postings:
            if args.backend == "postgresql":
                assert admin is not None
                url = pg.create_pg_database(admin, "kyujin_bench_import_cost", drop=True)
            else:
                path = scale_data.BENCH_DIR / "import-cost.db"
                for leftover in (path, path.with_name(path.name + "-wal")):
                    leftover.unlink(missing_ok=True)
                url = f"sqlite:///{path}"
            from kyujin.db.migrate import upgrade

            upgrade(url)
            cost = measure_import_cost(url, args.import_postings, args.seed)
    result = {
        "machine": host,
        "database": prepared.manifest,
        "figures": figures,
        "reports": reports,
        "import_cost": cost,
    }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, ensure_ascii=False, indent=2, default=str)
            out.write("\n")
    return 0 if all(f["same_answer"] for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
