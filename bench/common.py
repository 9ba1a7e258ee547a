"""What the scale benchmarks (issue 4) share: the machine line, percentiles, a met/NOT met mark."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"  # prepared databases and the PostgreSQL cluster (git-ignored)


def machine() -> dict[str, Any]:
    """CPU, cores, memory, Python, and the load average when the run starts: the machine is
    shared, and a load near the core count means the figures were taken beside other work."""
    model = platform.processor() or "unknown"
    memory_gib = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024**2, 1)
                break
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "load_1min": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def machine_line(host: dict[str, Any]) -> str:
    return (
        f"machine: {host['cpu']}, {host['cores']} cores, {host['memory_gib']} GiB, "
        f"Python {host['python']}, {host['platform']}, {host['date']}, "
        f"load average {host['load_1min']} at start"
    )


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0-100) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its living descendants (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    spent: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            raw = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        # Fields after the command name (which may hold spaces): state, ppid, ... utime (14th
        # field), stime (15th).
        rest = raw[raw.rindex(")") + 2 :].split()
        child = int(stat.parent.name)
        parent[child] = int(rest[1])
        spent[child] = (int(rest[11]) + int(rest[12])) / ticks
    tree, todo = set(), [pid]
    while todo:
        current = todo.pop()
        tree.add(current)
        todo.extend(c for c, p in parent.items() if p == current and c not in tree)
    return sum(spent.get(p, 0.0) for p in tree)
