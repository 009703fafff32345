"""Runs the stages in order over every file under `seeds/articles/` and accounts for each one."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from .article_curation import load_curation
from .article_location import LineOverrides
from .attention import needs_attention
from .cleaning_vocabulary import load_vocabulary
from .cluster import ClusterPool
from .corpus_lines import page_lines, shared_lines
from .dedupe import DuplicateIndex
from .detect import load_identifiers
from .ingest import sha256_hex
from .link import Linker
from .parallel import Progress, Timings, WorkerPool
from .records import Article, ArticleAttention, CleanText, Corpus, DecodedText, InputOutcome, SourceFile, file_name
from .registry_loader import load_registry
from .result_cache import ResultCache, code_digest, data_digest
from .sources import MAX_FILE_BYTES, Paths, read_sources
from .work_units import StageTools, ingest_file, line_overrides, prepare_text, publish_text

# The stage modules each phase runs (with all they import from the package): its results are keyed on
# that code, so an edit to one phase's code leaves the others' results cached.
PHASE_MODULES = {
    "ingest": ("ingest",),
    "prepare": ("clean", "dedupe"),
    "publish": ("detect", "normalize", "metadata", "link", "quotations", "attention"),
}
_UNITS = "work_units"  # the glue every phase runs: its own source counts, not all it imports
# The publish phase as progress and timings name it: its stages.
PUBLISH_PHASE = "detect + normalize + metadata + link + quote + attention"


def phase_code(phase: str) -> str:
    return code_digest(PHASE_MODULES[phase], (_UNITS,))


def pipeline_code() -> str:
    """The code every phase runs: what a cluster's workers must run too."""
    return " ".join(phase_code(phase) for phase in PHASE_MODULES)


Loaded = TypeVar("Loaded")


def _curated(cache: ResultCache, path: Path, source_names: set[str],
             load: Callable[[Path, set[str]], Loaded]) -> Loaded:
    """A curated YAML file loaded and validated (against the articles' file names), kept in memory across
    `mkdocs serve` rebuilds while its bytes and those names stay the same: a reload reads it again only
    after an edit to it. A file that fails raises each time, as it is never kept."""
    try:
        data = path.read_bytes()
    except OSError:
        return load(path, source_names)  # the loader says what is wrong with it
    key = cache.key("curated", str(path), sha256_hex(data), *sorted(source_names))
    return cache.in_memory(key, partial(load, path, source_names))


# --- the run ---------------------------------------------------------------------------------------------


def build_corpus(paths: Paths, jobs: int | None = 1, cache: ResultCache | None = None,
                 progress: bool | None = False, max_file_bytes: int = MAX_FILE_BYTES,
                 cluster: str | None = None) -> Corpus:
    """Every file through the stages, in path order. Per-article stages run in `jobs` processes (None:
    one per core) with the same result for any number; results come from `cache` when their inputs
    (file, curation, vocabulary, registry, code) are unchanged; `progress` reports on stderr. A bad file
    never stops the build: whatever goes wrong with it becomes its rejection reason in the report; a file
    over `max_file_bytes` is not read. With `cluster` (a Dask scheduler's address), the per-article stages
    run there instead, `jobs` unused (cluster.py). The corpus is made while the pool is open: with worker
    processes, no garbage-collector pass runs here until it is (WorkerPool)."""
    timings = Timings()
    started = time.perf_counter()
    inputs = read_sources(paths, max_file_bytes)
    sources = [entry for entry in inputs if isinstance(entry, SourceFile)]
    source_names = {file_name(entry.path if isinstance(entry, SourceFile) else entry.source_file) for entry in inputs}
    cache = cache or ResultCache(None)
    curation = _curated(cache, paths.curation, source_names, load_curation)
    registry = _curated(cache, paths.entities, source_names, load_registry)
    vocabulary = _curated(cache, paths.cleaning, set(), lambda path, _names: load_vocabulary(path))
    # Each phase's results depend on its code and on the parsed data it reads, not on the files' bytes: a
    # comment in a YAML file changes no key, an edit to the registry does not clean every article again.
    ingest_context = phase_code("ingest")
    clean_context = cache.key(phase_code("prepare"), data_digest(vocabulary))
    publish_context = cache.key(phase_code("publish"), registry.digest)
    timings.phases["load"] = time.perf_counter() - started
    report = Progress(len(sources), enabled=progress)  # None: on a terminal, outside CI

    # The language identifiers load before the pool forks, so that the workers share them.
    linker = cache.in_memory(cache.key("linker", registry.digest), partial(Linker, registry))
    tools = StageTools(vocabulary, linker)
    pool = (ClusterPool(cluster, tools, preload=load_identifiers, code=pipeline_code) if cluster
            else WorkerPool(jobs, len(sources), tools, preload=load_identifiers))
    with pool:
        phase = time.perf_counter()
        ingest_keys = {s.path: cache.key(ingest_context, "ingest", s.path, sha256_hex(s.data)) for s in sources}
        decoded = pool.run(ingest_file, sources, [ingest_keys[s.path] for s in sources], cache, timings,
                           report.stage("ingest"))
        # The files' bytes are read: from here on a file is its path (at 10,000 articles, 100 MB let go).
        source_paths = [s.path for s in sources]
        inputs_in_order = [entry.path if isinstance(entry, SourceFile) else entry for entry in inputs]
        del inputs, sources
        readable = [d for d in decoded if isinstance(d, DecodedText)]
        # Each page's lines, for the lines several pages share: kept in memory across `mkdocs serve`
        # rebuilds, computed again only for a file that changed.
        pages = {d.source_file: cache.in_memory(cache.key(ingest_keys[d.source_file], "page lines"),
                                                partial(page_lines, d.text)) for d in readable}
        shared = shared_lines(list(pages.values()))
        work: list[tuple[DecodedText, LineOverrides, frozenset[str]]] = []
        prepare_keys: dict[str, str] = {}
        for d in readable:
            overrides = line_overrides(curation.get(file_name(d.source_file)))
            common = pages[d.source_file] & shared
            work.append((d, overrides, common))
            prepare_keys[d.source_file] = cache.key(
                clean_context, "prepare", ingest_keys[d.source_file],
                json.dumps([sorted(overrides.drop), sorted(overrides.keep), sorted(common)], ensure_ascii=False),
            )
        cleaned_results = iter(pool.run(prepare_text, work, [prepare_keys[d.source_file] for d in readable], cache,
                                        timings, report.stage("clean")))
        prepared = [next(cleaned_results) if isinstance(d, DecodedText) else d for d in decoded]
        del decoded, readable, work, pages  # the decoded texts: their clean texts are what follows
        timings.phases["ingest + clean"] = time.perf_counter() - phase

        phase = time.perf_counter()
        outcomes: dict[str, InputOutcome] = {}
        cleaned: dict[str, CleanText] = {}
        unique: list[CleanText] = []
        duplicates = DuplicateIndex()
        # Curated files first, then path order: a later copy that sorts before one ("!digest.txt") is its
        # duplicate, not the original that would take its page, its curation and the registry's citations.
        order = sorted(range(len(source_paths)), key=lambda n: (curation.get(file_name(source_paths[n])) is None, n))
        for source_path, outcome in ((source_paths[n], prepared[n]) for n in order):
            if isinstance(outcome, InputOutcome):
                outcomes[source_path] = outcome
                continue
            result, prints = outcome.text, outcome.fingerprints
            cleaned[source_path] = result
            if not result.blocks:
                outcomes[source_path] = InputOutcome(source_path, result.sha256, "rejected",
                                                     reason=_EMPTY_AFTER_CLEANING)
                continue
            duplicate = duplicates.find(prints)
            if duplicate:
                outcomes[source_path] = InputOutcome(
                    source_path, result.sha256, "duplicate", duplicate_of=duplicate.original,
                    reason=f"{duplicate.share:.0%} of its text is the same as {duplicate.original} once cleaned",
                )
                continue
            duplicates.add(source_path, prints)
            unique.append(result)
        position = {path: n for n, path in enumerate(source_paths)}
        unique.sort(key=lambda text: position[text.source_file])  # in path order again, as the rest reads them
        outcomes = {path: outcomes[path] for path in source_paths if path in outcomes}
        cleaned = {path: cleaned[path] for path in source_paths if path in cleaned}
        del prepared, duplicates  # the fingerprints
        timings.phases["duplicates"] = time.perf_counter() - phase
        timings.add({"duplicates": timings.phases["duplicates"]})  # the index; fingerprints were timed above

        phase = time.perf_counter()
        entries = [curation.get(file_name(text.source_file)) for text in unique]
        publish_keys = {text.source_file: cache.key(publish_context, "publish", prepare_keys[text.source_file],
                                                    json.dumps(entry, sort_keys=True))
                        for text, entry in zip(unique, entries, strict=True)}
        published = pool.run(publish_text, list(zip(unique, entries, strict=True)), list(publish_keys.values()), cache,
                             timings,
                             report.stage(PUBLISH_PHASE))
        timings.phases[PUBLISH_PHASE] = time.perf_counter() - phase

        articles: list[Article] = []
        found: list[ArticleAttention] = []
        article_keys: dict[str, str] = {}
        id_owners: dict[str, str] = {}
        for text, published_as in zip(unique, published, strict=True):
            if isinstance(published_as, InputOutcome):
                outcomes[text.source_file] = published_as
                continue
            article_id = published_as.article.id
            if article_id in id_owners:
                outcomes[text.source_file] = InputOutcome(
                    text.source_file, text.sha256, "rejected",
                    reason=f"its id {article_id} is already that of {id_owners[article_id]}: "
                           "rename one of the two files")
                continue
            id_owners[article_id] = text.source_file
            articles.append(published_as.article)
            found.append(published_as.attention)
            article_keys[text.source_file] = publish_keys[text.source_file]
            outcomes[text.source_file] = InputOutcome(text.source_file, text.sha256, "published", article=article_id)
        cache.prune()
        ordered = _unused_curation_noted(
            tuple(outcomes[entry] if isinstance(entry, str) else entry for entry in inputs_in_order), curation)
        timings.phases["total"] = time.perf_counter() - started
        return Corpus(tuple(articles), ordered, cleaned, registry, timings, article_keys,
                      attention=needs_attention(found, registry, articles))


def _unused_curation_noted(outcomes: tuple[InputOutcome, ...],
                           curation: Mapping[str, object]) -> tuple[InputOutcome, ...]:
    """A file not published whose name seeds/articles.yml curates, and no published file bears: its reason
    says so, so that a curator's work is not lost unseen (a duplicate's curation belongs on its original)."""
    published = {file_name(o.source_file) for o in outcomes if o.status == "published"}
    unused = "its entry in seeds/articles.yml is not used"
    return tuple(replace(o, reason=f"{o.reason}; {unused}" if o.reason else unused)
                 if o.status != "published" and file_name(o.source_file) in curation
                 and file_name(o.source_file) not in published else o for o in outcomes)


_EMPTY_AFTER_CLEANING = "nothing of an article is left once page chrome, spam and debris are removed"
