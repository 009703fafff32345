"""Runs the stages in order over every file under `seeds/articles/` and accounts for each one."""

from __future__ import annotations

import json
import logging
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
from .parallel import Progress, ResultCache, _Pool
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


def read_sources(paths: Paths) -> list[SourceFile]:
    """Every file under seeds/articles/, hidden ones included, in path order."""
    files = sorted(p for p in paths.articles.rglob("*") if p.is_file())
    return [SourceFile(_display_path(p, paths.project), p.read_bytes()) for p in files]


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

_WORKER: dict = {}  # what each worker process loads once: the cleaning vocabulary and the entity linker


def _load_worker(vocabulary: CleaningVocabulary, registry: Registry) -> None:
    _WORKER["vocabulary"] = vocabulary
    _WORKER["linker"] = Linker(registry)
    load_detector()  # once here, so that forked workers share it instead of each loading its own


@dataclass(frozen=True)
class Prepared:
    """A file's clean text and its sentence fingerprints (for duplicate detection)."""

    text: CleanText
    fingerprints: dict[bytes, int]


def _ingest(source: SourceFile) -> tuple[DecodedText | InputOutcome, dict[str, float]]:
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


def _prepare(work: tuple[DecodedText, LineOverrides, frozenset[str]]) -> tuple[Prepared | InputOutcome, dict[str, float]]:
    """clean one decoded text (with its curated line overrides and the lines it shares with other
    pages) and fingerprint it."""
    decoded, overrides, shared = work
    clock = _Clock()
    stage = "clean"
    try:
        text = clean(decoded, _WORKER["vocabulary"], overrides, shared)
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


def _publish(work: tuple[CleanText, dict | None]) -> tuple[Article | InputOutcome, dict[str, float]]:
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
        article = link(article, _WORKER["linker"])
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
                 progress: bool | None = False) -> Corpus:
    """Every file through the stages, in path order. Per-article stages run in `jobs` processes (None:
    one per core) with the same result for any number; results come from `cache` when their inputs
    (file, curation, vocabulary, registry, code) are unchanged; `progress` reports on stderr. A bad file never stops the build:
    whatever goes wrong with it becomes its rejection reason in the report."""
    timings = Timings()
    started = time.perf_counter()
    sources = read_sources(paths)
    source_names = frozenset(Path(s.path).name for s in sources)
    curation = load_curation(paths.curation, source_names)
    registry = load_registry(paths.entities, source_names)
    vocabulary = load_vocabulary(paths.cleaning)
    _load_worker(vocabulary, registry)
    cache = cache or ResultCache(None)
    # Each phase's results depend on the code and on these files only: an edit to the registry does not
    # clean every article again.
    ingest_context, clean_context = cache.context(), cache.context(paths.cleaning)
    publish_context = cache.context(paths.entities)
    timings.phases["load"] = time.perf_counter() - started
    progress = Progress(len(sources), enabled=progress)  # None: on a terminal, outside CI

    with _Pool(jobs, len(sources), (vocabulary, registry)) as pool:
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
    used_ids: set[str] = set()
    for text, result in zip(unique, published):
        if isinstance(result, InputOutcome):
            outcomes[text.source_file] = result
            continue
        article = _with_unique_id(result, used_ids)
        articles.append(article)
        outcomes[text.source_file] = InputOutcome(text.source_file, text.sha256, "published", article=article.id)
    cache.prune()
    ordered = tuple(outcomes[s.path] for s in sources)
    timings.phases["total"] = time.perf_counter() - started
    corpus = Corpus(tuple(articles), ordered, cleaned, registry, timings)
    return replace(corpus, attention=needs_attention(corpus, vocabulary))


_EMPTY_AFTER_CLEANING = "nothing of an article is left once page chrome, spam and debris are removed"


def _with_unique_id(article: Article, used: set[str]) -> Article:
    """Two files with one name in different folders get distinct ids (the later one suffixed)."""
    candidate, n = article.id, 2
    while candidate in used:
        candidate, n = f"{article.id}-{n}", n + 1
    used.add(candidate)
    return article if candidate == article.id else replace(article, id=candidate)
