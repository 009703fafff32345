"""Runs the stages in order over every file under `seeds/articles/` and accounts for each one."""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .attention import needs_attention
from .clean import LineOverrides, clean
from .furniture import page_lines, shared_lines
from .dedupe import DuplicateIndex, fingerprints
from .cleaning_rules import CleaningVocabulary, load_vocabulary
from .detect import detect, load_detector
from .ingest import ingest, sha256_hex
from .link import Linker, link
from .metadata import build_article, load_curation
from .normalize import normalize
from .registry import Registry, load_registry
from .parallel import Progress, ResultCache, WorkerPool
from .records import Article, CleanText, Corpus, DecodedText, InputOutcome, Rejection, SourceFile

log = logging.getLogger("mkdocs.plugins.dossier")


@dataclass(frozen=True)
class Paths:
    """Where the pipeline's inputs live. Source files are named relative to `project`."""

    project: Path
    seeds: Path
    templates: Path

    @classmethod
    def for_project(cls, project: Path) -> "Paths":
        return cls(project, project / "seeds", project / "templates")

    @property
    def articles(self) -> Path:
        return self.seeds / "articles"

    @property
    def curation(self) -> Path:
        return self.seeds / "articles.yml"

    @property
    def cleaning(self) -> Path:
        return self.seeds / "cleaning.yml"

    @property
    def entities(self) -> Path:
        return self.seeds / "entities.yml"


# The biggest file read as an article (`max_file_bytes` in mkdocs.yml): a news article is tens of
# kilobytes; anything near this is a dump or a mistake, and it is refused before it is read.
MAX_FILE_BYTES = 5_000_000

# Opening never follows a link and never waits (on a FIFO swapped in after the check).
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC

_SPECIAL_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}
_ONLY_FILES = "only regular files inside seeds/articles/ are read"


def read_sources(paths: Paths, max_file_bytes: int = MAX_FILE_BYTES) -> list[SourceFile | InputOutcome]:
    """Every entry under seeds/articles/, hidden ones included, in path order: each regular file read
    (a SourceFile), anything else refused unread (a rejected InputOutcome saying why): symbolic links
    (never followed, not even inside the tree: the file a link points to there is read under its own
    name), FIFOs, sockets, devices, files over `max_file_bytes`, files that cannot be read, names that
    are not UTF-8. Nothing outside the tree is read, and reading never blocks."""
    found: list[SourceFile | InputOutcome] = []
    if paths.articles.is_dir():
        _walk(paths.articles, paths, max_file_bytes, found)
    return found


def _walk(directory: Path, paths: Paths, max_file_bytes: int, found: list) -> None:
    """Depth first, each folder's entries sorted by name: the order of sorted paths."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        found.append(_refused(directory, paths, f"a folder that cannot be listed ({error.strerror})"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False  # _read_entry says what is wrong with it
        if is_folder:
            _walk(path, paths, max_file_bytes, found)
        else:
            found.append(_read_entry(path, paths, max_file_bytes))


def _read_entry(path: Path, paths: Paths, max_file_bytes: int) -> SourceFile | InputOutcome:
    source_file = _display_path(path, paths.project)
    if source_file != _printable_name(source_file):
        return _refused(path, paths, "its name is not valid UTF-8 (shown here with \\x escapes): rename the file")
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return _refused(path, paths, f"cannot be examined ({error.strerror})")
    if stat.S_ISLNK(mode):
        return _refused(path, paths, f"{_describe_link(path, paths.articles)}: links are not followed; {_ONLY_FILES}")
    if not stat.S_ISREG(mode):
        return _refused(path, paths, f"{_SPECIAL_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}: {_ONLY_FILES}")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return _refused(path, paths, f"cannot be read ({error.strerror})")
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):  # replaced between the check and the opening
            return _refused(path, paths, f"not a regular file when opened: {_ONLY_FILES}")
        if info.st_size > max_file_bytes:
            return _too_big(path, paths, max_file_bytes)
        try:
            data = file.read(max_file_bytes + 1)  # the file may have grown since fstat
        except OSError as error:
            return _refused(path, paths, f"cannot be read ({error.strerror})")
    if len(data) > max_file_bytes:
        return _too_big(path, paths, max_file_bytes)
    return SourceFile(source_file, data)


def _too_big(path: Path, paths: Paths, max_file_bytes: int) -> InputOutcome:
    return _refused(path, paths, f"too big: over the limit of {max_file_bytes:,} bytes per file "
                                 "(max_file_bytes of the dossier plugin in mkdocs.yml)")


def _describe_link(path: Path, articles: Path) -> str:
    """What a symbolic link leads to, examined without reading it (stat only). A target outside the
    tree is not named."""
    try:
        target_mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a broken symbolic link (its target does not exist)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops"
        return f"a symbolic link that cannot be followed ({error.strerror})"
    target = Path(os.path.realpath(path))
    kind = "folder" if stat.S_ISDIR(target_mode) else "file"
    if not target.is_relative_to(articles.resolve()):
        return f"a symbolic link to a {kind} outside seeds/articles/"
    where = target.relative_to(articles.resolve()).as_posix()
    return f"a symbolic link to the {kind} {where} in seeds/articles/, which is read where it stands"


def _refused(path: Path, paths: Paths, reason: str) -> InputOutcome:
    """An entry rejected unread: it has no sha256."""
    return InputOutcome(_printable_name(_display_path(path, paths.project)), None, "rejected", reason=reason)


def _printable_name(name: str) -> str:
    """The name with the bytes that are not UTF-8 (which Python carries as lone surrogates) written as
    \\xNN escapes, so that the report, the cache key and the page can hold it."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _display_path(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Timings:
    """Seconds spent per stage (summed over articles, so with several jobs it exceeds wall time), and
    wall-clock seconds per phase."""

    stages: dict[str, float] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)

    def add(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.stages[stage] = self.stages.get(stage, 0.0) + seconds


class _Clock:
    """Times consecutive stages of one unit of work."""

    def __init__(self):
        self.spent: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.spent[stage] = self.spent.get(stage, 0.0) + now - self._last
        self._last = now


# --- the per-article units of work, run in worker processes --------------------------------------------

@dataclass(frozen=True)
class StageTools:
    """What the per-article units of work need besides their input, built once per build and handed to
    each worker process once."""

    vocabulary: CleaningVocabulary
    linker: Linker


@dataclass(frozen=True)
class Prepared:
    """A file's clean text and its sentence fingerprints (for duplicate detection)."""

    text: CleanText
    fingerprints: dict[bytes, int]


def _ingest(_tools: StageTools, source: SourceFile) -> tuple[DecodedText | InputOutcome, dict[str, float]]:
    """Decode one file: its text, or the outcome that ends it here."""
    clock = _Clock()
    try:
        decoded = ingest(source)
        clock.lap("ingest")
        if isinstance(decoded, Rejection):
            return InputOutcome(source.path, decoded.sha256, "rejected", reason=decoded.reason), clock.spent
        return decoded, clock.spent
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the site
        return _failed(source.path, sha256_hex(source.data), "ingest", error), clock.spent


def _prepare(tools: StageTools, work: tuple[DecodedText, LineOverrides, frozenset[str]]) -> tuple[Prepared | InputOutcome, dict[str, float]]:
    """clean one decoded text (with its curated line overrides and the lines it shares with other
    pages) and fingerprint it."""
    decoded, overrides, shared = work
    clock = _Clock()
    stage = "clean"
    try:
        text = clean(decoded, tools.vocabulary, overrides, shared)
        clock.lap("clean")
        stage = "duplicates"
        prints = fingerprints(text)
        clock.lap("duplicates")
        return Prepared(text, prints), clock.spent
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the site
        return _failed(decoded.source_file, decoded.sha256, stage, error), clock.spent


def _overrides(entry: dict | None) -> LineOverrides:
    entry = entry or {}
    return LineOverrides(frozenset(entry.get("drop_lines") or ()), frozenset(entry.get("keep_lines") or ()))


def _publish(tools: StageTools, work: tuple[CleanText, dict | None]) -> tuple[Article | InputOutcome, dict[str, float]]:
    """detect, normalize, metadata and link for one clean text and its curated entry."""
    text, curated = work
    clock = _Clock()
    stage = "detect"
    try:
        detected = detect(text)
        clock.lap(stage)
        stage = "normalize"
        normalized = normalize(detected)
        clock.lap(stage)
        stage = "metadata"
        article = build_article(normalized, curated)
        clock.lap(stage)
        stage = "link"
        article = link(article, tools.linker)
        clock.lap(stage)
        return article, clock.spent
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the site
        return _failed(text.source_file, text.sha256, stage, error), clock.spent


def _failed(source_file: str, sha256: str, stage: str, error: Exception) -> InputOutcome:
    log.warning("%s: could not be processed (%s): %s", source_file, stage, error)
    return InputOutcome(source_file, sha256, "rejected",
                        reason=f"could not be processed ({stage}): {type(error).__name__}: {error}")


# --- the run ---------------------------------------------------------------------------------------------


def build_corpus(paths: Paths, jobs: int | None = 1, cache: ResultCache | None = None,
                 progress: bool | None = False, max_file_bytes: int = MAX_FILE_BYTES) -> Corpus:
    """Every file through the stages, in path order. Per-article stages run in `jobs` processes (None:
    one per core) with the same result for any number; results come from `cache` when their inputs
    (file, curation, vocabulary, registry, code) are unchanged; `progress` reports on stderr. A bad file never stops the build:
    whatever goes wrong with it becomes its rejection reason in the report; a file over `max_file_bytes`
    is not read."""
    timings = Timings()
    started = time.perf_counter()
    inputs = read_sources(paths, max_file_bytes)
    sources = [entry for entry in inputs if isinstance(entry, SourceFile)]
    source_names = frozenset(
        Path(entry.path if isinstance(entry, SourceFile) else entry.source_file).name for entry in inputs
    )
    curation = load_curation(paths.curation, source_names)
    registry = load_registry(paths.entities, source_names)
    vocabulary = load_vocabulary(paths.cleaning)
    cache = cache or ResultCache(None)
    # Each phase's results depend on the code and on these files only: an edit to the registry does not
    # clean every article again.
    ingest_context, clean_context = cache.context(), cache.context(paths.cleaning)
    publish_context = cache.context(paths.entities)
    timings.phases["load"] = time.perf_counter() - started
    progress = Progress(len(sources), enabled=progress)  # None: on a terminal, outside CI

    # The language detector loads before the pool forks, so that the workers share it.
    with WorkerPool(jobs, len(sources), StageTools(vocabulary, Linker(registry)), preload=load_detector) as pool:
        phase = time.perf_counter()
        ingest_keys = {s.path: cache.key(ingest_context, "ingest", s.path, sha256_hex(s.data)) for s in sources}
        decoded = pool.run(_ingest, sources, [ingest_keys[s.path] for s in sources], cache, timings,
                           progress.stage("ingest"))
        readable = [d for d in decoded if isinstance(d, DecodedText)]
        pages = {d.source_file: page_lines(d.text) for d in readable}
        shared = shared_lines(list(pages.values()))
        work, prepare_keys = [], {}
        for d in readable:
            overrides = _overrides(curation.get(Path(d.source_file).name))
            common = pages[d.source_file] & shared
            work.append((d, overrides, common))
            prepare_keys[d.source_file] = cache.key(
                clean_context, "prepare", ingest_keys[d.source_file],
                json.dumps([sorted(overrides.drop), sorted(overrides.keep), sorted(common)], ensure_ascii=False),
            )
        cleaned_results = iter(pool.run(_prepare, work, [prepare_keys[d.source_file] for d in readable], cache,
                                        timings, progress.stage("clean")))
        prepared = [next(cleaned_results) if isinstance(d, DecodedText) else d for d in decoded]
        timings.phases["ingest + clean"] = time.perf_counter() - phase

        phase = time.perf_counter()
        outcomes: dict[str, InputOutcome] = {}
        cleaned: dict[str, CleanText] = {}
        unique: list[CleanText] = []
        duplicates = DuplicateIndex()
        for source, result in zip(sources, prepared):
            if isinstance(result, InputOutcome):
                outcomes[source.path] = result
                continue
            result, prints = result.text, result.fingerprints
            cleaned[source.path] = result
            if not result.blocks:
                outcomes[source.path] = InputOutcome(source.path, result.sha256, "rejected",
                                                     reason=_EMPTY_AFTER_CLEANING)
                continue
            duplicate = duplicates.find(prints)
            if duplicate:
                outcomes[source.path] = InputOutcome(
                    source.path, result.sha256, "duplicate", duplicate_of=duplicate.original,
                    reason=f"{duplicate.share:.0%} of its text is the same as {duplicate.original} once cleaned",
                )
                continue
            duplicates.add(source.path, prints)
            unique.append(result)
        timings.phases["duplicates"] = time.perf_counter() - phase
        timings.add({"duplicates": timings.phases["duplicates"]})  # the index; fingerprints were timed above

        phase = time.perf_counter()
        entries = [curation.get(Path(text.source_file).name) for text in unique]
        keys = [cache.key(publish_context, "publish", prepare_keys[text.source_file], json.dumps(entry, sort_keys=True))
                for text, entry in zip(unique, entries)]
        published = pool.run(_publish, list(zip(unique, entries)), keys, cache, timings,
                             progress.stage("detect + normalize + metadata + link"))
        timings.phases["detect + normalize + metadata + link"] = time.perf_counter() - phase

    articles: list[Article] = []
    id_owners: dict[str, str] = {}
    for text, result in zip(unique, published):
        if isinstance(result, InputOutcome):
            outcomes[text.source_file] = result
            continue
        if result.id in id_owners:
            outcomes[text.source_file] = InputOutcome(
                text.source_file, text.sha256, "rejected",
                reason=f"its id {result.id} is already that of {id_owners[result.id]}: rename one of the two files")
            continue
        id_owners[result.id] = text.source_file
        articles.append(result)
        outcomes[text.source_file] = InputOutcome(text.source_file, text.sha256, "published", article=result.id)
    cache.prune()
    ordered = tuple(outcomes[entry.path] if isinstance(entry, SourceFile) else entry for entry in inputs)
    timings.phases["total"] = time.perf_counter() - started
    corpus = Corpus(tuple(articles), ordered, cleaned, registry, timings)
    return replace(corpus, attention=needs_attention(corpus, vocabulary))


_EMPTY_AFTER_CLEANING = "nothing of an article is left once page chrome, spam and debris are removed"
