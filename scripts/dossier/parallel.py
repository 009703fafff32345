"""Running per-article stages fast: a process pool, a content-addressed result cache, and progress.

The pool maps units of work in order, so the result is the same for any number of jobs. The cache keys
each result by the hash of everything it depends on (the file's bytes and path, the curated entry, the
vocabulary and registry files, the pipeline's own code), so a stale result can never be served: under
`mkdocs serve` an edit to one article recomputes that article only.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
from importlib import metadata
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Generic, TypeVar

# Below this many files a pool costs more to start than it saves.
MIN_PARALLEL_FILES = 40


# Libraries whose output the cached results embed: upgrading one invalidates them too.
_LIBRARIES = ("OpenCC", "lingua-language-detector", "charset-normalizer", "markdown-it-py", "pyahocorasick",
              "stopwordsiso", "dateparser")


def _code_version() -> str:
    """Hash of the pipeline's source files and library versions: a change to either invalidates
    every cached result."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for library in _LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}".encode())
    return digest.hexdigest()


class ResultCache:
    """Results by content hash, in memory (the plugin keeps it across rebuilds) and, given a
    directory, on disk for the next process."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self.memory: dict[str, object] = {}
        self._used: set[str] = set()
        self._code = _code_version()
        self.hits = self.misses = 0

    def context(self, *files: Path) -> str:
        digest = hashlib.sha256(self._code.encode())
        for path in files:
            digest.update(path.read_bytes())
        return digest.hexdigest()

    @staticmethod
    def key(*parts: str) -> str:
        # surrogatepass: a part that holds a file name which is not UTF-8 still makes a key
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> object | None:
        self._used.add(key)
        if key in self.memory:
            self.hits += 1
            return self.memory[key]
        if self.directory and self._file(key).exists():
            try:
                value = pickle.loads(self._file(key).read_bytes())
            except Exception:  # noqa: BLE001 - a damaged entry raises almost anything (ValueError, EOFError, ...)
                value = None  # a damaged or outdated entry is recomputed
            if value is not None:
                self.memory[key] = value
                self.hits += 1
                return value
        self.misses += 1
        return None

    def put(self, key: str, value: object) -> None:
        self.memory[key] = value
        if self.directory:
            path = self._file(key)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                temporary.replace(path)
            except OSError:
                pass  # a full or read-only disk: the result stays in memory, the build goes on

    def prune(self) -> None:
        """Forget, in memory, what the last build did not use (edited or deleted articles)."""
        self.memory = {key: value for key, value in self.memory.items() if key in self._used}
        self._used = set()


class Progress:
    """Articles processed out of total, stage by stage, on stderr; quiet in CI and when not a terminal."""

    def __init__(self, total: int, enabled: bool | None = None, stream=None):
        self.total = total
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = not os.environ.get("CI") and (self.stream.isatty() or bool(os.environ.get("DOSSIER_PROGRESS")))
        self.enabled = enabled and total >= 100

    def stage(self, name: str) -> Callable[[int, int], None]:
        step = max(1, self.total // 10)

        def report(done: int, of: int) -> None:
            if self.enabled and (done % step == 0 or done == of):
                print(f"dossier: {name}: {done}/{of}", file=self.stream, flush=True)

        return report


Tools = TypeVar("Tools")
Item = TypeVar("Item")
Result = TypeVar("Result")

# In a worker process only: the tools its pool's initializer handed it, set once when the process starts.
# The parent process never reads or writes it: WorkerPool.run passes the tools explicitly there.
_WORKER_TOOLS: list = []


def _start_worker(tools: object, preload: Callable[[], object] | None) -> None:
    _WORKER_TOOLS[:] = [tools]
    if preload:
        preload()


def _with_worker_tools(fn: Callable[[Tools, Item], Result], item: Item) -> Result:
    return fn(_WORKER_TOOLS[0], item)


class WorkerPool(Generic[Tools]):
    """Maps `fn(tools, item)` over items in order: in a process pool when there is enough work for one
    (each process receives `tools` once, when it starts), in this process otherwise. `preload` runs in
    this process before the pool forks, so that what it loads is shared, not loaded by each worker."""

    def __init__(self, jobs: int | None, files: int, tools: Tools, preload: Callable[[], object] | None = None):
        self.jobs = 1 if files < MIN_PARALLEL_FILES else (jobs or os.cpu_count() or 1)
        self.tools = tools
        self.preload = preload
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "WorkerPool[Tools]":
        if self.preload:
            self.preload()
        if self.jobs > 1:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self.executor = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context(method),
                initializer=_start_worker, initargs=(self.tools, self.preload),
            )
        return self

    def __exit__(self, *exc) -> None:
        if self.executor:
            self.executor.shutdown()

    def run(self, fn: Callable[[Tools, Item], tuple[Result, dict[str, float]]], items: list[Item], keys: list[str],
            cache: ResultCache, timings, report: Callable[[int, int], None]) -> list[Result]:
        """fn over items, in order: cached results where the key is known, computed ones otherwise."""
        results = [cache.get(key) for key in keys]
        todo = [n for n, result in enumerate(results) if result is None]
        arguments = [items[n] for n in todo]
        if self.executor and len(todo) >= MIN_PARALLEL_FILES:
            mapped = self.executor.map(functools.partial(_with_worker_tools, fn), arguments,
                                       chunksize=max(1, len(todo) // (self.jobs * 8)))
        else:
            mapped = (fn(self.tools, item) for item in arguments)
        done = len(results) - len(todo)
        for n, (result, spent) in zip(todo, mapped):
            results[n] = result
            cache.put(keys[n], result)
            timings.add(spent)
            done += 1
            report(done, len(results))
        return results
