"""`make bench-linear`: each per-article stage's CPU time at n and 4n on the crafted inputs.

The test suite counts the stages' function calls on the same inputs (`tests/test_linear_time.py`), which
no load can change; work inside one call, such as a regular expression that backtracks on a long line,
shows only in time, so it is measured here. Linear time is about 4 times the time at 4n; quadratic, 16.
A stage over 10 times is reported and the script exits with status 1.

Time is compared at the largest sizes m and 4m (m = n, n/4, n/16, ...) whose run is short: this virtual
machine's host slows a process down the longer it runs without a pause, so a long run's time says little
about the work. Each figure is the least of a few runs with the garbage collector off; a stage that looks
slow is measured again, since noise only ever adds time. First a calibration: a pattern known to be
quadratic must show as such, or the machine's timing cannot tell and the script says so.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the crafted inputs live with the tests that count their calls

from crafted_inputs import CRAFTED, Stage, per_article_stages, stage_inputs  # noqa: E402
from dossier.cleaning_vocabulary import load_vocabulary  # noqa: E402
from dossier.registry_loader import load_registry  # noqa: E402

MAX_GROWTH = 10  # at 4n; linear is 4, quadratic 16
MEASURABLE_SECONDS = 0.02  # a stage faster than this at 4n is left out: its timing is noise
SHORT_RUN_SECONDS = 0.25  # the longest run whose time is compared
RUNS = 3  # timed runs of each stage on each input; the least counts
RETRIES = 30  # more timed runs of a stage that looks slow
FOUNDING = ROOT / "tests" / "fixtures" / "founding"


def cpu_seconds(stage: Stage, value: object) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        stage(value)
        return time.process_time() - started
    finally:
        gc.enable()


def least_seconds(stage: Stage, value: object) -> float:
    return min(cpu_seconds(stage, value) for _ in range(RUNS))


def growth(stage: Stage, inputs_at: Callable[[int], object], n: int) -> tuple[int, float, float] | None:
    """(m, seconds at m, seconds at 4m) at the largest m <= n whose run at 4m is short, or None when
    even the smallest run is long."""
    stage(inputs_at(n))  # warm: lazily built tables and caches
    m = n
    while m >= 1:
        seconds_4m = least_seconds(stage, inputs_at(4 * m))
        if seconds_4m < SHORT_RUN_SECONDS:
            seconds_m = least_seconds(stage, inputs_at(m))
            for _ in range(RETRIES):
                if seconds_4m <= MAX_GROWTH * seconds_m:
                    break
                seconds_m = min(seconds_m, cpu_seconds(stage, inputs_at(m)))
                seconds_4m = min(seconds_4m, cpu_seconds(stage, inputs_at(4 * m)))
            return m, seconds_m, seconds_4m
        m //= 4
    return None


def superlinear(measured: tuple[int, float, float] | None) -> bool:
    if measured is None:
        return False
    _, seconds_m, seconds_4m = measured
    return seconds_4m > MEASURABLE_SECONDS and seconds_4m > MAX_GROWTH * seconds_m


def row(name: str, stage_name: str, measured: tuple[int, float, float] | None) -> str:
    if measured is None:
        return f"| {name} | {stage_name} | — | long at every size | |"
    m, seconds_m, seconds_4m = measured
    ratio = seconds_4m / seconds_m if seconds_m else float("inf")
    verdict = "SUPERLINEAR" if superlinear(measured) else ""
    if not verdict and seconds_4m <= MEASURABLE_SECONDS:
        verdict = "too fast to tell"
    times = f"{seconds_m * 1000:.1f} → {seconds_4m * 1000:.1f} ms ({ratio:.1f}×)"
    return f"| {name} | {stage_name} | {m:,} | {times} | {verdict} |"


def measure_input(stages: dict[str, Stage], name: str) -> list[str]:
    """Print each stage's row for the crafted input `name`; the stages that look superlinear."""
    _, n = CRAFTED[name]
    by_size: dict[int, dict[str, object]] = {}

    def inputs_at(size: int) -> dict[str, object]:
        if size not in by_size:
            by_size[size] = stage_inputs(stages, name, size)
        return by_size[size]

    slow = []
    for stage_name, stage in stages.items():
        measured = growth(stage, lambda size, stage_name=stage_name: inputs_at(size)[stage_name], n)
        print(row(name, stage_name, measured), flush=True)
        if superlinear(measured):
            slow.append(f"{name} / {stage_name}")
    return slow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="crafted inputs to measure (default: all)")
    names = parser.parse_args().names or list(CRAFTED)

    def rescanning_pattern(text: object) -> object:
        return re.search(r"\s+x", str(text))  # retried from every space: quadratic inside one call

    calibration = growth(rescanning_pattern, lambda size: " " * size, 2_000)
    print("| input | stage | size m | CPU time m → 4m | |\n|---|---|---|---|---|")
    print(row("calibration: a quadratic pattern", "re.search", calibration))
    if not superlinear(calibration):
        print("This machine's timing cannot tell quadratic from linear work now: nothing below is conclusive.")
    registry = load_registry(FOUNDING / "entities.yml", {path.name for path in (FOUNDING / "articles").iterdir()})
    stages = per_article_stages(load_vocabulary(ROOT / "seeds" / "cleaning.yml"), registry)
    slow = [stage for name in names for stage in measure_input(stages, name)]
    if slow:
        print(f"\nSuperlinear: {', '.join(slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
