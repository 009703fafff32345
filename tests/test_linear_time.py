"""Every per-article stage runs in linear time, whatever one file holds.

Crafted files (`crafted_inputs.py`) go through ingest, clean, detect, normalize, metadata and link at two
sizes, n and 2n: the inputs that took quadratic time before (a dateline followed by a long run of spaces,
`[a](` and a long run of letters, card-like Markdown lines, "Views: N" lines) and the shapes that make a
rule or a regular expression rescan what it has seen (runs of brackets, emphasis marks, headlines among
notices, "related" headers, lines of one kind by the thousand). Linear work is about 2 times the work at
2n; quadratic work, 4 times. The test asserts less than 3: work whose quadratic part is half of it at n
makes exactly 3 times at 2n (and 10 times at 4n, the bound `make bench-linear` keeps), so the bound
catches the same loops as one at 4n would, counting half the calls.

Work is counted, never timed: each stage's function calls (Python functions and built-ins, regular
expressions among them), a count that no load on the machine can change; a loop that rescans shows as 4
times the calls. Work inside one call (a regular expression that backtracks) shows only in time, so it is
measured by `make bench-linear` (`bench/linear_time.py`), on the same inputs.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

from conftest import FOUNDING, FOUNDING_FILES
from crafted_inputs import CRAFTED, Stage, per_article_stages, stage_inputs
from dossier.registry_loader import load_registry

MAX_GROWTH = 3  # at 2n; linear is 2, quadratic 4
MEASURABLE_CALLS = 1_000  # a stage making fewer calls at 2n does too little to compare


@pytest.fixture(scope="module")
def stages(vocabulary) -> dict[str, Stage]:
    registry = load_registry(FOUNDING / "entities.yml", {path.name for path in FOUNDING_FILES.values()})
    return per_article_stages(vocabulary, registry)


def calls(stage: Stage, value: object) -> tuple[int, object]:
    """The function calls the stage makes on `value`, and what it returns."""
    profile = cProfile.Profile()
    profile.enable()
    output = stage(value)
    profile.disable()
    return pstats.Stats(profile).total_calls, output


def superlinear(at_n: int, at_2n: int) -> str | None:
    """Why calls growing from `at_n` at n to `at_2n` at 2n look superlinear, or None."""
    if at_2n > MEASURABLE_CALLS and at_2n > MAX_GROWTH * at_n:
        return f"{at_2n / at_n:.1f} times the calls ({at_n:,} -> {at_2n:,})"
    return None


@pytest.mark.parametrize("name", list(CRAFTED))
def test_each_stage_makes_linear_calls(stages, name):
    _, n = CRAFTED[name]
    # At n, each stage is counted on its second run on its input (the first, making the inputs, builds
    # lazy tables and caches once, as in a build); at 2n, on its first, as the chain makes the inputs:
    # what a first run does more can only make the growth look larger.
    small = stage_inputs(stages, name, n)
    at_2n: dict[str, int] = {}

    def counted(stage_name: str, stage: Stage, value: object) -> object:
        at_2n[stage_name], output = calls(stage, value)
        return output

    stage_inputs(stages, name, 2 * n, counted)
    slow = {stage_name: why for stage_name, stage in stages.items()
            if (why := superlinear(calls(stage, small[stage_name])[0], at_2n[stage_name]))}
    assert not slow, f"{name}: twice the input made {slow}"


def _rescanning(text: str) -> int:
    words = text.split()
    return sum(len(word) for n in range(len(words)) for word in words[:n])  # every word again for each word


def _linear(text: str) -> list[str]:
    return [word.upper() for word in text.split()]


@pytest.mark.parametrize(("stage", "flagged"), [(_rescanning, True), (_linear, False)],
                         ids=["a loop that rescans is flagged", "a linear loop is not"])
def test_the_count_tells_quadratic_loops_from_linear(stage, flagged):
    at_n, at_2n = calls(stage, "ab " * 600)[0], calls(stage, "ab " * 1200)[0]
    assert at_2n > MEASURABLE_CALLS  # enough work to compare: not left out unflagged
    why = superlinear(at_n, at_2n)
    assert (why is not None) == flagged, why
