"""Every per-article stage runs in linear time, whatever one file holds.

Crafted files go through ingest, clean, detect, normalize, metadata and link at two sizes, n and 4n: the
inputs that took quadratic time before (a dateline followed by a long run of spaces, `[a](` and a long
run of letters, card-like Markdown lines, "Views: N" lines) and the shapes that make a rule or a
regular expression rescan what it has seen (runs of brackets, emphasis marks, headlines among notices,
"related" headers, lines of one kind by the thousand). Linear time is about 4 times the work at 4n;
quadratic time, 16 times. The test asserts less than 10.

Not a benchmark: each stage runs alone on its own input (the previous stage's output). Its function calls
are counted (a count no load can change: a loop that rescans shows as 16 times the calls); where its run
at 4n is short, its CPU time is compared too (the least of a few runs, garbage collector off), which shows
work inside one call, such as a regular expression that backtracks. Stages under 20 ms at 4n are left out
of the time comparison: their timing is noise.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import re
import time
from collections.abc import Callable

import pytest

from conftest import FOUNDING, FOUNDING_FILES
from dossier.clean import clean
from dossier.detect import detect, load_detector
from dossier.ingest import ingest
from dossier.link import Linker, link
from dossier.metadata import build_article
from dossier.normalize import normalize
from dossier.records import DecodedText, SourceFile
from dossier.registry_loader import load_registry

MAX_GROWTH = 10  # at 4n; linear is 4, quadratic 16
MEASURABLE_SECONDS = 0.02  # a stage faster than this at 4n is left out: its timing is noise
RUNS = 3  # timed runs of each stage on each input; the least counts
RETRIES = 30  # more timed runs of a stage that looks slow (short runs: a few seconds at most)
MEASURABLE_CALLS = 1_000  # a stage making fewer calls at 4n does too little to compare
# The longest run whose time is compared. This virtual machine's host slows a process down the longer it
# runs without a pause (0.14 s and 1.5 s of CPU for four times the same calls, measured): a longer run's
# time says nothing about the work, and its calls are what is compared.
SHORT_RUN_SECONDS = 0.25

HEADLINE = "Amazon closes the clinic it ran for its own employees\n\n"
PROSE = (
    "Amazon said on Wednesday that it would wind down the clinic it had run for its own staff since 2019. "
    "The company told employees the service had not drawn enough interest from outside employers.\n\n"
)
ARTICLE_END = PROSE * 2


def _case_variants(word: str, n: int) -> list[str]:
    """n spellings of `word` that differ in case only: lines a page repeats would be taken out as a
    repeated body at once, these go through every signal."""
    letters = [k for k, ch in enumerate(word) if ch.isalpha()]
    variants = []
    for i in range(n):
        chars = list(word)
        for bit, k in enumerate(letters):
            if i >> bit & 1:
                chars[k] = chars[k].swapcase()
        variants.append("".join(chars))
    return variants


def _number(i: int) -> str:
    """A number that no size turns into a year (1999 would send the line to the date parser)."""
    return f"{i:06d}"


# name: (how the file is made for a size, the smaller size)
CRAFTED: dict[str, tuple[Callable[[int], str], int]] = {
    # The four shapes the issue measured.
    "a dateline followed by spaces": (
        lambda n: HEADLINE + "25 January 2023" + " " * n + "Berlin\n\n" + PROSE + ARTICLE_END, 25_000),
    "[a]( and a run of letters": (lambda n: HEADLINE + PROSE + "[a](" + "a" * n + "\n\n" + ARTICLE_END, 25_000),
    "card-like Markdown lines": (
        lambda n: "# Cards\n\n" + PROSE + "".join(f"[](https://x.example/{_number(i)}) [## Card {_number(i)}\n" for i in range(n))
        + "\n" + ARTICLE_END, 250),
    "Views: N lines": (lambda n: HEADLINE + PROSE + "".join(f"Views: {_number(i)}\n" for i in range(n)) + "\n" + ARTICLE_END,
                       1_000),
    # Runs that a pattern opening with a repeatable part would scan again from each of its positions.
    "a run of opening brackets": (lambda n: HEADLINE + PROSE + "[" * n + "\n\n" + ARTICLE_END, 25_000),
    "a run of ]( pairs": (lambda n: HEADLINE + PROSE + "[a](b" * n + "\n\n" + ARTICLE_END, 10_000),
    "a run of image openings": (lambda n: HEADLINE + PROSE + "![a](" * n + "\n\n" + ARTICLE_END, 10_000),
    "spaces between menu items": (lambda n: HEADLINE + "Home" + " " * n + "News\n\n" + PROSE + ARTICLE_END, 25_000),
    "a word run without its e-mail domain": (lambda n: HEADLINE + "By " + "a" * n + "@\n\n" + PROSE + ARTICLE_END,
                                            25_000),
    # Markdown: markdown-it is quadratic on some runs inside one block, so a long block is read as plain text.
    "Markdown with a paragraph of emphasis marks": (
        lambda n: "# Title\n\nSee [a](https://a.example).\n\n" + "*a " * n + "\n\n" + ARTICLE_END, 5_000),
    "Markdown with many short paragraphs": (
        lambda n: "# Title\n\nSee [a](https://a.example).\n\n" + "*a " * 500 + "\n\n" + ("*b _c [d " * 50 + "\n\n") * n
        + ARTICLE_END, 100),
    # Rules that look at a line's neighbours or at the whole page.
    "headlines among notices": (
        lambda n: "".join(f"Subscribe to our newsletter\nAmazon closes another clinic in city {_number(i)}\n" for i in range(n))
        + "\n" + PROSE + ARTICLE_END, 250),
    "related headers": (lambda n: HEADLINE + PROSE + "\n".join(_case_variants("Related articles", n)) + "\n\n"
                        + ARTICLE_END, 1_000),
    "related headers and their lists": (
        lambda n: HEADLINE + PROSE + "".join(f"Related\nAmazon opens clinic number {_number(i)}\n" for i in range(n)) + "\n"
        + ARTICLE_END, 250),
    "photo credits under captions": (
        lambda n: HEADLINE + PROSE + "".join(f"The clinic in city {_number(i)}\nFoto: dpa\n" for i in range(n)) + "\n"
        + ARTICLE_END, 250),
    "bylines and datelines": (
        lambda n: HEADLINE + "".join(f"By Jane Doe {_number(i)}\n2{i % 10} January 2023\n" for i in range(n)) + "\n" + PROSE
        + ARTICLE_END, 250),
    "short prose lines": (lambda n: HEADLINE + "".join(f"The clinic closed in city {_number(i)}.\n" for i in range(n))
                          + "\n" + ARTICLE_END, 500),
    "Chinese without punctuation": (lambda n: "亚马逊关闭诊所\n\n" + "亚马逊医疗服务" * n + "。\n\n" + "阿里健康表示将继续投资。" * 20,
                                    2_500),
    "a cp1252 file": (lambda n: HEADLINE + "Die Krankenkasse übernimmt die Kosten für Ärzte. " * n + "\n", 500),
}


Stage = Callable[[object], object]


@pytest.fixture(scope="module")
def stages(vocabulary) -> dict[str, Stage]:
    """The per-article stages in order, each a function of the previous one's output."""
    registry = load_registry(FOUNDING / "entities.yml", {path.name for path in FOUNDING_FILES.values()})
    linker = Linker(registry)
    load_detector()
    return {
        "ingest": ingest,
        "clean": lambda decoded: clean(decoded, vocabulary),
        "detect": detect,
        "normalize": normalize,
        "metadata": lambda normalized: build_article(normalized, None),
        "link": lambda article: link(article, linker),
    }


def stage_inputs(stages: dict[str, Stage], text: str, encoding: str) -> dict[str, object]:
    """What each stage receives for `text`: the output of the stages before it."""
    value: object = SourceFile("seeds/articles/crafted.txt", text.encode(encoding))
    inputs = {}
    for name, stage in stages.items():
        inputs[name] = value
        value = stage(value)
        if name == "ingest":
            assert isinstance(value, DecodedText), value
    return inputs


def calls(stage: Stage, value: object) -> int:
    """The function calls (Python functions and built-ins, regular expressions among them) the stage
    makes on `value`: a count of its work that the machine's load cannot change."""
    profile = cProfile.Profile()
    profile.enable()
    stage(value)
    profile.disable()
    return pstats.Stats(profile).total_calls


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


def superlinear(stage: Stage, inputs_at: Callable[[int], object], n: int) -> str | None:
    """Why the stage looks superlinear from n to 4n, or None. Its calls are counted at n and 4n: that
    catches a loop in Python that rescans what it has seen. Its time is compared at the largest sizes m
    and 4m (m = n, n/4, n/16, ...) whose run is short: that catches work inside one call (a regular
    expression that backtracks on a long line shows at any size); a long run on this virtual machine is
    slowed down by the host the longer it lasts, so its time says nothing about the work."""
    small, large = inputs_at(n), inputs_at(4 * n)
    stage(small)  # warm: lazily built tables and caches, as for every later run
    stage(large)
    at_n, at_4n = calls(stage, small), calls(stage, large)
    if at_4n > MEASURABLE_CALLS and at_4n > MAX_GROWTH * at_n:
        return f"{at_4n / at_n:.1f} times the calls ({at_n:,} -> {at_4n:,})"
    m = n
    while m >= 1:
        seconds_4m = least_seconds(stage, inputs_at(4 * m))
        if seconds_4m < SHORT_RUN_SECONDS:
            seconds_m = least_seconds(stage, inputs_at(m))
            for _ in range(RETRIES):  # noise only adds time: a stage that looks slow is measured again
                if seconds_4m <= MAX_GROWTH * seconds_m:
                    break
                seconds_m = min(seconds_m, cpu_seconds(stage, inputs_at(m)))
                seconds_4m = min(seconds_4m, cpu_seconds(stage, inputs_at(4 * m)))
            if seconds_4m > MEASURABLE_SECONDS and seconds_4m > MAX_GROWTH * seconds_m:
                return f"{seconds_4m / seconds_m:.1f} times the time at size {m:,} ({seconds_m:.3f} s -> {seconds_4m:.3f} s)"
            return None
        m //= 4
    return None


@pytest.mark.parametrize("name", list(CRAFTED))
def test_each_stage_takes_linear_time(stages, name):
    make, n = CRAFTED[name]
    encoding = "cp1252" if "cp1252" in name else "utf-8"
    by_size: dict[int, dict[str, object]] = {}

    def inputs_at(size: int) -> dict[str, object]:
        if size not in by_size:
            by_size[size] = stage_inputs(stages, make(size), encoding)
        return by_size[size]

    slow = {stage_name: why for stage_name, stage in stages.items()
            if (why := superlinear(stage, lambda size, stage_name=stage_name: inputs_at(size)[stage_name], n))}
    assert not slow, f"{name}: 4 times the input took {slow}"


def _rescanning(text: str) -> int:
    words = text.split()
    return sum(len(word) for n in range(len(words)) for word in words[:n])  # every word again for each word


@pytest.mark.parametrize(
    "stage, text, n, expected",
    [
        (_rescanning, "ab ", 200, "calls"),
        (lambda text: re.search(r"\s+x", text), " ", 2_000, "time"),  # retried from every space: quadratic
        (lambda text: [word.upper() for word in text.split()], "ab ", 20_000, None),
    ],
    ids=["a loop that rescans", "a pattern that rescans inside one call", "linear"],
)
def test_the_check_tells_quadratic_work_from_linear(stage, text, n, expected):
    why = superlinear(stage, lambda size: text * size, n)
    assert (why is not None and expected in why) if expected else why is None, why
