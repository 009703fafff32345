"""Running per-article stages fast: a process pool, a content-addressed result cache, and progress.

The pool maps units of work in order, so the result is the same for any number of jobs. The cache keys
each result by the hash of everything it depends on: the inputs of its phase (the file's bytes and
path, the parsed curated entry, vocabulary or registry) and the code of the modules that phase runs, so a
stale result can never be served, and an edit recomputes only what it touches: one article under
`mkdocs serve`, nothing at all for a comment in a YAML file or an edit to the rendering code.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar, cast

# Below this many files a pool costs more to start than it saves.
MIN_PARALLEL_FILES = 40
# Below this many files a build is over before progress would tell anything.
MIN_PROGRESS_FILES = 100
# The cache folder is pruned, least recently used first, back to this size after each build (about
# three times the results of 10,000 articles: room for a few versions of the code).
MAX_CACHE_BYTES = 2_000_000_000
Value = TypeVar("Value")  # what ResultCache.in_memory keeps

# Libraries whose output the cached results embed: upgrading one invalidates them too.
_LIBRARIES = ("OpenCC", "lingua-language-detector", "charset-normalizer", "markdown-it-py", "pyahocorasick",
              "stopwordsiso", "dateparser", "regex", "pysbd")
_PACKAGE = Path(__file__).parent


def _package_imports(module: str, package: Path) -> set[str]:
    """The modules of this package that `module` imports (relative imports: `from .x import y`,
    `from . import x`)."""
    found: set[str] = set()
    todo: list[ast.AST] = [ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            todo.extend(node.orelse)  # imports for annotations only: no code that runs
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module.split(".")[0]} if node.module else {alias.name for alias in node.names}
        todo.extend(ast.iter_child_nodes(node))
    return found


def modules_run_by(entries: tuple[str, ...], package: Path = _PACKAGE) -> list[str]:
    """`entries` and every module of the package they import, directly or not, sorted."""
    seen: set[str] = set()
    todo = list(entries)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(_package_imports(module, package))
    return sorted(seen)


@functools.cache  # once per process: `mkdocs serve` does not load edited code again (README: restart it)
def code_digest(entries: tuple[str, ...], alone: tuple[str, ...] = (), package: Path = _PACKAGE) -> str:
    """Hash of the source of the modules `entries` run (`alone`: these modules' own source, not what they
    import) and of the libraries' versions: the code a phase's results depend on. An edit anywhere else
    (rendering, search, the plugin) leaves it alone."""
    digest = hashlib.sha256()
    for module in sorted({*modules_run_by(entries, package), *alone}):
        digest.update(module.encode() + b"\0" + (package / f"{module}.py").read_bytes())
    for library in _LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}".encode())
    return digest.hexdigest()


def data_digest(data: Any) -> str:
    """Hash of parsed data (YAML or JSON-like), whatever its formatting, comments or key order."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=_jsonable)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _jsonable(value: object) -> object:
    if isinstance(value, frozenset | set):
        return sorted(value, key=repr)
    if dataclasses.is_dataclass(value):  # its data: the fields it compares by (not a memo it keeps)
        return {field.name: getattr(value, field.name) for field in dataclasses.fields(value) if field.compare}
    if hasattr(value, "pattern"):  # a compiled regular expression
        return value.pattern
    raise TypeError(f"no stable form for {type(value).__name__}")


class ResultCache:
    """Results by content hash, in memory (the plugin keeps it across rebuilds) and, given a
    directory, on disk for the next process, pruned to `max_bytes` after each build. Not to
    `remember` (a one-off build): results are not kept in memory at all, and the values kept there
    (`in_memory`) only until the build ends."""

    def __init__(self, directory: Path | None, max_bytes: int = MAX_CACHE_BYTES, *, remember: bool = True):
        self.directory = directory
        self.max_bytes = max_bytes
        self.remember = remember
        self.memory: dict[str, object] = {}
        self._used: set[str] = set()
        self.hits = self.misses = 0
        # The folder's size as this process last saw it, plus what it wrote since (None: not listed
        # yet). Under `mkdocs serve` a rebuild writes a few entries: the folder is listed again only
        # when they may take it over its bound, not after every build (7,000 files at 1,000 articles).
        self._disk_bytes: int | None = None

    @staticmethod
    def key(*parts: str) -> str:
        # surrogatepass: a part that holds a file name which is not UTF-8 still makes a key
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def _file(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> object | None:
        self._used.add(key)
        if key in self.memory:
            self.hits += 1
            return self.memory[key]
        if self.directory:
            value = self._read(self._file(key))
            if value is not None:
                if self.remember:
                    self.memory[key] = value
                self.hits += 1
                return value
        self.misses += 1
        return None

    def in_memory(self, key: str, compute: Callable[[], Value]) -> Value:
        """A value kept in memory only, for the life of the process (cheap enough to compute again in the
        next one, so never written to disk), and forgotten like the others when a build does not use it."""
        self._used.add(key)
        if key not in self.memory:
            self.memory[key] = compute()
        return cast("Value", self.memory[key])

    @staticmethod
    def _read(path: Path) -> object | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value: object = pickle.loads(data)
        except Exception:
            return None  # a damaged or outdated entry is recomputed
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to be evicted
        return value

    def put(self, key: str, value: object) -> None:
        if self.remember:
            self.memory[key] = value
        if self.directory:
            path = self._file(key)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                temporary.write_bytes(data)
                temporary.replace(path)
                if self._disk_bytes is not None:
                    self._disk_bytes += len(data)
            except OSError:
                pass  # a full or read-only disk: the build goes on (the result in memory, if remembered)

    def prune(self) -> None:
        """Forget, in memory, what the last build did not use (edited or deleted articles); on disk,
        evict the least recently used entries the last build did not use, back to `max_bytes`."""
        self.memory = {key: value for key, value in self.memory.items() if key in self._used} if self.remember else {}
        if self.directory:
            self._evict()
        self._used = set()

    def _evict(self) -> None:
        if self._disk_bytes is not None and self._disk_bytes <= self.max_bytes:
            return
        entries = sorted(self._entries_on_disk(), key=lambda entry: (entry[1], entry[0].name))
        total = sum(size for _path, _mtime, size in entries)
        for path, _mtime, size in entries:
            if total <= self.max_bytes:
                break
            if path.stem in self._used:
                continue  # this build's own results stay, whatever their number
            path.unlink(missing_ok=True)
            total -= size
        self._disk_bytes = total

    def _entries_on_disk(self) -> Iterator[tuple[Path, float, int]]:
        assert self.directory is not None
        try:
            folders = list(os.scandir(self.directory))
        except OSError:
            return
        for folder in folders:
            if not folder.is_dir(follow_symlinks=False):
                continue
            with os.scandir(folder.path) as files:
                for file in files:
                    if file.name.endswith(".pickle") and file.is_file(follow_symlinks=False):
                        info = file.stat(follow_symlinks=False)
                        yield Path(file.path), info.st_mtime, info.st_size


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

# In a worker process only: the tools its pool's initializer handed it, set once when the process starts
# (the standard `initializer`/`initargs` idiom: a task function reaches them here, unpickled once per
# process, not once per task). The parent process never reads or writes it: WorkerPool.run passes the
# tools explicitly there.
_WORKER_TOOLS: list[Any] = []


def _start_worker(tools: object, preload: Callable[[], object] | None) -> None:
    _WORKER_TOOLS[:] = [tools]
    if preload:
        preload()


def _with_worker_tools(fn: Callable[[Any, Item], Result], item: Item) -> Result:
    return fn(_WORKER_TOOLS[0], item)


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
    this process before the pool forks, so that what it loads is shared, not loaded by each worker."""

    def __init__(self, jobs: int | None, files: int, tools: Tools, preload: Callable[[], object] | None = None):
        self.jobs = processes(jobs, files)
        self.tools = tools
        self.preload = preload
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool[Tools]:
        if self.preload:
            self.preload()
        if self.jobs > 1:
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=_process_context(),
                                                initializer=_start_worker, initargs=(self.tools, self.preload))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor:
            self.executor.shutdown()

    def run(self, fn: Callable[[Tools, Item], tuple[Result, dict[str, float]]], items: list[Item], keys: list[str],
            cache: ResultCache, timings: Timings, report: Callable[[int, int], None]) -> list[Result]:
        """fn over items, in order: cached results where the key is known, computed ones otherwise."""
        # A key names what `fn` returned for the same inputs and code: the cached object is a Result.
        results = [cast("Result | None", cache.get(key)) for key in keys]
        todo = [n for n, result in enumerate(results) if result is None]
        arguments = [items[n] for n in todo]
        mapped: Iterable[tuple[Result, dict[str, float]]]
        if self.executor and len(todo) >= MIN_PARALLEL_FILES:
            mapped = self.executor.map(functools.partial(_with_worker_tools, fn), arguments,
                                       chunksize=max(1, len(todo) // (self.jobs * 8)))
        else:
            mapped = (fn(self.tools, item) for item in arguments)
        done = len(results) - len(todo)
        for n, (result, spent) in zip(todo, mapped, strict=True):
            results[n] = result
            cache.put(keys[n], result)
            timings.add(spent)
            done += 1
            report(done, len(results))
        return [result for result in results if result is not None]
