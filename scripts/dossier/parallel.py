"""Running per-article stages fast: a process pool that maps units of work in order (so the result is the
same for any number of jobs), a helper process, timings and progress. Results are cached by
result_cache.py.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TextIO, TypeVar, cast

from .collector import paused
from .result_cache import PICKLE_PROTOCOL, ResultCache

# Below this many files a pool costs more to start than it saves.
MIN_PARALLEL_FILES = 40
# Below this many files a build is over before progress would tell anything.
MIN_PROGRESS_FILES = 100


@dataclass
class Timings:
    """Seconds spent per stage (summed over articles, so with several jobs it exceeds wall time), and
    wall-clock seconds per phase."""

    stages: dict[str, float] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)

    def add(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.stages[stage] = self.stages.get(stage, 0.0) + seconds


class Progress:
    """Articles processed out of total, stage by stage, on stderr; quiet in CI and when not a terminal."""

    def __init__(self, total: int, enabled: bool | None = None, stream: TextIO | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = not os.environ.get("CI") and (self.stream.isatty() or bool(os.environ.get("DOSSIER_PROGRESS")))
        self.enabled = enabled and total >= MIN_PROGRESS_FILES

    def stage(self, name: str) -> Callable[[int, int], None]:
        step = max(1, self.total // 10)

        def report(done: int, of: int) -> None:
            if self.enabled and (done % step == 0 or done == of):
                print(f"dossier: {name}: {done}/{of}", file=self.stream, flush=True)

        return report


Tools = TypeVar("Tools")
Item = TypeVar("Item")
Result = TypeVar("Result")
Mapped = TypeVar("Mapped")

# In a worker process only: the tools its pool's initializer handed it, set once when the process starts
# (the standard `initializer`/`initargs` idiom: a task function reaches them here, unpickled once per
# process, not once per task). The parent process never reads or writes it: WorkerPool.run passes the
# tools explicitly there.
_WORKER_TOOLS: list[Any] = []


def _start_worker(tools: object, preload: Callable[[], object] | None) -> None:
    # Forked while the pool's process has its collector paused (WorkerPool): the stages' own garbage is
    # collected here as it comes.
    gc.enable()
    _WORKER_TOOLS[:] = [tools]
    if preload:
        preload()


def _with_worker_tools(fn: Callable[[Any, Item], Result], item: Item) -> Result:
    return fn(_WORKER_TOOLS[0], item)


def _pickled(fn: Callable[[Any, Item], tuple[Result, dict[str, float]]], tools: Any,
             item: Item) -> tuple[bytes, dict[str, float]]:
    """`fn` in another process, its result pickled there, as the result cache keeps it: the process that
    gathers the results then unpickles each (as it would have anyway) but never pickles it again."""
    result, spent = fn(tools, item)
    return pickle.dumps(result, protocol=PICKLE_PROTOCOL), spent


def _process_context(method: str | None = None) -> multiprocessing.context.BaseContext:
    # Forked where the system can: a worker starts at once, sharing what this process has loaded.
    return multiprocessing.get_context(method or ("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                  else "spawn"))


def helper_process(method: str | None = None) -> ProcessPoolExecutor:
    """One process beside this one, for work it hands off while it goes on with its own (the search
    index of the pages MkDocs renders meanwhile); its tasks run one at a time, in the order given.
    `method`: how it starts (default: forked where the system can)."""
    return ProcessPoolExecutor(1, mp_context=_process_context(method), initializer=_start_helper)


def _start_helper() -> None:
    # A forked helper shares this process's objects until either writes to them: `gc.freeze` keeps its
    # collector from walking them all, which would write to each one and so copy the whole heap into it.
    gc.freeze()
    # Ctrl+C is for the process that started it, which shuts it down; and it ends with that process,
    # however that one ends (killed, it could not say so).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(parent_sentinel: int) -> None:
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def processes(jobs: int | None, files: int) -> int:
    """How many processes the work of `files` article files is worth, given `jobs` (None: one per core):
    one below MIN_PARALLEL_FILES."""
    return 1 if files < MIN_PARALLEL_FILES else (jobs or os.cpu_count() or 1)


class WorkerPool(Generic[Tools]):
    """Maps `fn(tools, item)` over items in order: in a process pool when there is enough work for one
    (each process receives `tools` once, when it starts), in this process otherwise. `preload` runs in
    this process before the pool forks, so that what it loads is shared, not loaded by each worker.

    With a pool, this process only gathers the workers' results, and keeps them all: no garbage-collector
    pass runs here while the pool is open (`collector.paused`; each would walk every result gathered so
    far: at 10,000 articles one such pass took 2.9 s). The workers collect their own garbage."""

    def __init__(self, jobs: int | None, files: int, tools: Tools, preload: Callable[[], object] | None = None):
        self.jobs = processes(jobs, files)
        self.tools = tools
        self.preload = preload
        self.executor: ProcessPoolExecutor | None = None
        self.collector = contextlib.ExitStack()  # holds the pause while the pool is open

    def __enter__(self) -> WorkerPool[Tools]:
        if self.preload:
            self.preload()
        if self.jobs > 1:
            self.collector.enter_context(paused())
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=_process_context(),
                                                initializer=_start_worker, initargs=(self.tools, self.preload))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor:
            self.executor.shutdown()
        self.collector.close()

    def run(self, fn: Callable[[Tools, Item], tuple[Result, dict[str, float]]], items: list[Item], keys: list[str],
            cache: ResultCache, timings: Timings, report: Callable[[int, int], None]) -> list[Result]:
        """fn over items, in order: cached results where the key is known, computed ones otherwise."""
        # A key names what `fn` returned for the same inputs and code: the cached object is a Result.
        results = [cast("Result | None", cache.get(key)) for key in keys]
        todo = [n for n, result in enumerate(results) if result is None]
        done = len(results) - len(todo)
        pending = [items[n] for n in todo]
        computed: Iterable[tuple[Result, bytes | None, dict[str, float]]]
        if self.elsewhere(len(pending)):
            computed = ((cast("Result", pickle.loads(data)), data, spent)  # our own workers' bytes
                        for data, spent in self.map(functools.partial(_pickled, fn), pending))
        else:
            computed = ((result, None, spent) for result, spent in self.map(fn, pending))
        for n, (result, pickled, spent) in zip(todo, computed, strict=True):
            results[n] = result
            cache.put(keys[n], result, pickled)
            timings.add(spent)
            done += 1
            report(done, len(results))
        return [result for result in results if result is not None]

    def elsewhere(self, count: int) -> bool:
        """Whether `map` runs `count` items in other processes (which hand their results back pickled)."""
        return self.executor is not None and count >= MIN_PARALLEL_FILES

    def map(self, fn: Callable[[Tools, Item], Mapped], items: list[Item]) -> Iterable[Mapped]:
        """fn over items, in order, with this pool's tools: in its processes when there are enough items."""
        if self.executor and self.elsewhere(len(items)):
            return self.executor.map(functools.partial(_with_worker_tools, fn), items,
                                     chunksize=max(1, len(items) // (self.jobs * 8)))
        return (fn(self.tools, item) for item in items)
