"""How a function's CPU time grows with its input, for tests of linear-time guarantees.

Wall-clock bounds fail on a loaded machine; a ratio of CPU times between a small and a 10x
larger input does not depend on the machine's speed or load. Linear work gives a ratio near
10 (less where fixed costs weigh on the small input), quadratic work near 100, so a bound of
30 tells the two apart with room for noise either side.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from kyujin.core.extract import extract

FACTOR = 10
BOUND = 30
RUNS = 3


def cpu_seconds(run: Callable[[str], object], text: str) -> float:
    """The best of ``RUNS`` CPU times of ``run(text)``: the least disturbed by other work.
    The garbage collector is paused meanwhile, so that none of its passes (over everything
    the test session holds) falls inside one run and not the other."""
    best = float("inf")
    paused = gc.isenabled()
    gc.disable()
    try:
        for _ in range(RUNS):
            started = time.process_time()
            run(text)
            best = min(best, time.process_time() - started)
    finally:
        if paused:
            gc.enable()
    return best


def assert_linear(
    make: Callable[[int], str], size: int, run: Callable[[str], object] = extract
) -> None:
    """``run`` on ``make(FACTOR * size)`` takes under ``BOUND`` times its time on
    ``make(size)``."""
    run(make(size))  # warm: the taxonomy and compiled patterns load on first use
    small = cpu_seconds(run, make(size))
    large = cpu_seconds(run, make(FACTOR * size))
    assert large < BOUND * small, f"{FACTOR}x the input took {large / small:.0f}x the time"
