"""Speed without changing the result: any number of jobs, a warm cache and progress give the same site."""

import contextlib
import gc
import io
import pickle
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FOUNDING, ROOT, UNCURATED_TEXT, page_memo, write_seeds
from dossier import pipeline
from dossier.corpus_lines import page_lines
from dossier.listings import Listings
from dossier.parallel import MIN_PARALLEL_FILES, Progress, Timings, WorkerPool
from dossier.pipeline import PHASE_MODULES, build_corpus
from dossier.records import Corpus
from dossier.render import render_site
from dossier.result_cache import DATABASE, ResultCache, code_digest, modules_run_by, package_imports
from dossier.sources import Paths

sys.path.insert(0, str(ROOT / "bench"))
import corpus as bench_corpus


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The benchmark's synthetic corpus, recombined from the founding fixture articles (not from
    whatever seeds/ holds, so that the corpus, and what these tests expect of it, is fixed)."""
    root = tmp_path_factory.mktemp("parallel")
    write_seeds(root / "seeds", {})
    real_seeds, bench_corpus.SEEDS = bench_corpus.SEEDS, FOUNDING / "articles"
    try:
        bench_corpus.generate(MIN_PARALLEL_FILES + 20, root / "seeds" / "articles")
    finally:
        bench_corpus.SEEDS = real_seeds
    return Paths(root, root / "seeds", ROOT / "templates")


def site(corpus):
    generated = render_site(corpus, ROOT / "templates", page_memo())
    return {**generated.pages, **generated.data}


@dataclass(frozen=True)
class FirstBuild:
    """The project built once from a cold cache on disk, in a pool of two."""

    corpus: Corpus
    site: dict[str, str]
    cache: Path  # the cache folder it filled
    misses: int  # the results it computed

    def warm_cache(self, folder: Path) -> ResultCache:
        """A new process's cache (nothing in memory) on a copy of the folder: this build's results."""
        shutil.copytree(self.cache, folder)
        return ResultCache(folder)


@pytest.fixture(scope="module")
def first_build(project, tmp_path_factory) -> FirstBuild:
    folder = tmp_path_factory.mktemp("first-build") / "cache"
    cold = ResultCache(folder)
    corpus = build_corpus(project, jobs=2, cache=cold)
    assert cold.hits == 0 and cold.misses > 0
    return FirstBuild(corpus, site(corpus), folder, cold.misses)


@pytest.mark.parametrize(("jobs", "collecting"), [(2, False), (1, True)])
def test_the_collector_waits_while_workers_may_compute(project, first_build, tmp_path, monkeypatch, jobs, collecting):
    """With worker processes this one gathers their results, which all stay: a garbage-collector pass
    would walk them and find nothing. In one process, the stages' own garbage is collected as it comes.
    Either way the collector runs once the corpus is made."""
    seen = []
    run = WorkerPool.run
    monkeypatch.setattr(WorkerPool, "run", lambda *args: seen.append(gc.isenabled()) or run(*args))
    build_corpus(project, jobs=jobs, cache=first_build.warm_cache(tmp_path / "cache"))
    assert seen == [collecting] * 3  # ingest, clean, publish
    assert gc.isenabled()


def test_cache_serves_unchanged_work_and_recomputes_an_edit(project, first_build, tmp_path):
    warm = first_build.warm_cache(tmp_path / "cache")  # a new process: the disk copy serves
    assert site(build_corpus(project, jobs=2, cache=warm)) == first_build.site
    assert warm.misses == 0 and warm.hits == first_build.misses
    edited = sorted(project.articles.iterdir())[3]
    original = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(original + "\nA new closing paragraph, added by a maintainer.\n", encoding="utf-8")
        warm.hits = warm.misses = 0
        after = build_corpus(project, jobs=2, cache=warm)
        # That file's work, stage by stage, and nothing else: as many misses as the edited file alone
        # costs a cold cache.
        alone = tmp_path / "alone"
        write_seeds(alone / "seeds", {edited.name: edited.read_bytes()})
        single = ResultCache(tmp_path / "alone-cache")
        outcomes = build_corpus(Paths.for_project(alone), jobs=1, cache=single).outcomes
        assert [o.status for o in outcomes] == ["published"]
        assert single.hits == 0 and 2 <= warm.misses == single.misses
        before = first_build.site
        changed = {uri for uri, content in site(after).items() if before.get(uri) != content}
        article_id = edited.stem.lower()
        assert f"articles/{article_id}/index.md" in changed
        assert not any(f"articles/{other.stem.lower()}/" in uri for uri in changed
                       for other in sorted(project.articles.iterdir())[4:6])
    finally:
        edited.write_text(original, encoding="utf-8")


def test_progress_reports_on_stderr_only_when_asked():
    stream = io.StringIO()
    report = Progress(200, enabled=True, stream=stream).stage("clean")
    for done in range(1, 201):
        report(done, 200)
    assert stream.getvalue().splitlines()[-1] == "dossier: clean: 200/200"
    quiet = io.StringIO()
    Progress(200, enabled=False, stream=quiet).stage("clean")(200, 200)
    assert quiet.getvalue() == ""


def test_pages_reused_across_rebuilds_match_a_fresh_render(project, first_build, tmp_path):
    # Lists in pages of 7: the catalogue, the profiles' older sources and the report have several.
    cache, memo = first_build.warm_cache(tmp_path / "cache"), page_memo()
    listings = Listings(home=3, per_page=7, profile_quotes=2)
    render_site(first_build.corpus, ROOT / "templates", memo, listings)
    edited = sorted(project.articles.iterdir())[7]
    original = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(original.replace("Amazon", "Amazon Care", 1) + "\nOne more line.\n", encoding="utf-8")
        corpus = build_corpus(project, jobs=2, cache=cache)
        reused = render_site(corpus, ROOT / "templates", memo, listings)
        fresh = render_site(corpus, ROOT / "templates", page_memo(), listings)
        assert reused.pages == fresh.pages and reused.data == fresh.data
        assert "catalogue/3/index.md" in fresh.pages and "report/2/index.md" in fresh.pages
    finally:
        edited.write_text(original, encoding="utf-8")


def stored(folder: Path) -> dict[str, int]:
    """The results a cache folder holds on disk: their sizes by key."""
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as database:
        return dict(database.execute("SELECT key, length(value) FROM results"))


def test_damaged_cache_entries_are_recomputed(tmp_path):
    """Whatever an entry holds (nothing, garbage, half a pickle, a pickle whose loading raises ValueError),
    and whatever the cache's file holds (not a database at all), the build recomputes those results and
    gives the same site."""
    three = sorted((FOUNDING / "articles").iterdir())[:3]
    write_seeds(tmp_path / "seeds", {path.name: path.read_bytes() for path in three})
    project = Paths(tmp_path, tmp_path / "seeds", ROOT / "templates")
    directory = tmp_path / "cache"
    first = build_corpus(project, jobs=1, cache=ResultCache(directory))
    damages = [b"", b"\x80\x05not a pickle", pickle.dumps(first.articles[0])[:40], b"cbuiltins\nint\n(S'x'\ntR."]
    with contextlib.closing(sqlite3.connect(directory / DATABASE)) as database, database:
        for n, key in enumerate(sorted(stored(directory))):
            database.execute("UPDATE results SET value = ? WHERE key = ?", (damages[n % len(damages)], key))
    damaged = ResultCache(directory)
    assert site(build_corpus(project, jobs=1, cache=damaged)) == site(first)
    assert damaged.hits == 0
    (directory / DATABASE).write_bytes(b"not a database, " * 100)
    replaced = ResultCache(directory)
    assert site(build_corpus(project, jobs=1, cache=replaced)) == site(first)
    assert replaced.hits == 0 and len(stored(directory)) == replaced.misses  # a new database, filled again


def test_results_kept_as_files_by_an_earlier_version_are_removed(tmp_path):
    old = tmp_path / "cache" / "ab"
    old.mkdir(parents=True)
    (old / ("ab" + "0" * 62 + ".pickle")).write_bytes(pickle.dumps("old"))
    (tmp_path / "cache" / "notes").mkdir()  # not the old layout: left alone
    cache = ResultCache(tmp_path / "cache")
    cache.put(cache.key("new"), "new")
    assert not old.exists() and (tmp_path / "cache" / "notes").exists()


def test_a_cache_that_cannot_be_written_or_keyed_does_not_stop_the_build(tmp_path):
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    cache = ResultCache(tmp_path / "not-a-folder")
    key = cache.key("seeds/articles/caf\udce9.txt")  # a name that is not UTF-8, as Python holds it
    cache.put(key, "result")
    assert cache.get(key) == "result"


def test_a_comment_in_a_curated_file_recomputes_nothing_and_a_registry_edit_only_publishing(project, first_build,
                                                                                           tmp_path):
    """Keys are made of parsed YAML, not of the files' bytes; the registry is read by the last phase only."""
    cache, first = first_build.warm_cache(tmp_path / "cache"), first_build.corpus
    files = [project.entities, project.cleaning, project.curation]
    originals = [path.read_text(encoding="utf-8") for path in files]
    try:
        for path, text in zip(files, originals, strict=True):
            path.write_text(f"# A maintainer's note.\n{text}\n# Another.\n", encoding="utf-8")
        cache.hits = cache.misses = 0
        assert site(build_corpus(project, jobs=1, cache=cache)) == first_build.site
        assert cache.misses == 0 and cache.hits > len(first.articles)
        project.entities.write_text(originals[0].replace("description: ", "description: Still ", 1), encoding="utf-8")
        cache.hits = cache.misses = 0
        build_corpus(project, jobs=1, cache=cache)
        assert cache.misses == len(first.articles)  # publishing each article again; ingest and clean cached
    finally:
        for path, text in zip(files, originals, strict=True):
            path.write_text(text, encoding="utf-8")


def test_each_phase_is_keyed_on_the_code_it_runs(tmp_path):
    """A phase's code is its stage modules and what they import from the package (not imports made for
    annotations only): an edit to another module leaves its key alone."""
    package = tmp_path / "package"
    package.mkdir()
    modules = {
        "stage": "from .helper import tool\nfrom . import shared\n",
        "helper": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .render import Page\n",
        "shared": "LIMIT = 3\n",
        "render": "from .helper import tool\n",
    }
    for name, source in modules.items():
        (package / f"{name}.py").write_text(source, encoding="utf-8")
    assert modules_run_by(("stage",), package) == ["helper", "shared", "stage"]
    before = code_digest(("stage",), package=package)
    (package / "render.py").write_text("# rendering changed\n", encoding="utf-8")
    code_digest.cache_clear()
    package_imports.cache_clear()
    assert code_digest(("stage",), package=package) == before
    (package / "shared.py").write_text("LIMIT = 4\n", encoding="utf-8")
    code_digest.cache_clear()
    package_imports.cache_clear()
    assert code_digest(("stage",), package=package) != before


def test_no_phase_runs_the_rendering_or_search_code():
    """So that an edit to a template, a page, the search or the plugin keeps every cached result."""
    for phase, entries in PHASE_MODULES.items():
        run = set(modules_run_by(entries))
        assert set(entries) <= run
        assert not run & {"render", "article_html", "front_matter", "page_memo", "data_files", "urls", "profiles",
                          "citation", "timeline", "graph", "graph_layout", "figure_text", "search_index", "search_encoding",
                          "search_pages", "search_text", "search_worker", "csp", "plugin", "pipeline"}, phase


def test_the_cache_folder_is_pruned_to_its_bound_keeping_the_last_build(tmp_path):
    cache = ResultCache(tmp_path / "cache", max_bytes=20_000)
    old = [cache.key("old", str(n)) for n in range(10)]
    for key in old:
        cache.put(key, "x" * 4_000)
    cache.prune()  # a build that used them all
    current = [cache.key("new", str(n)) for n in range(6)]
    for key in current:
        assert cache.get(key) is None
        cache.put(key, "y" * 4_000)
    cache.prune()
    on_disk = stored(tmp_path / "cache")
    assert sum(on_disk.values()) <= 20_000 or set(on_disk) == set(current)
    assert set(current) <= set(on_disk)  # this build's results stay
    assert set(on_disk) - set(current) < set(old)
    fresh = ResultCache(tmp_path / "cache")
    assert all(fresh.get(key) == "y" * 4_000 for key in current)


def test_what_a_build_reads_is_evicted_last(tmp_path):
    cache = ResultCache(tmp_path / "cache", max_bytes=30_000)
    first, second = [cache.key("first", str(n)) for n in range(3)], [cache.key("second", str(n)) for n in range(3)]
    for key in first + second:
        cache.put(key, "x" * 4_000)
    cache.prune()  # about 24 KB of 30 KB
    reader = ResultCache(tmp_path / "cache", max_bytes=30_000)  # a later process reads the first three
    assert all(reader.get(key) for key in first)
    reader.prune()
    writer = ResultCache(tmp_path / "cache", max_bytes=30_000)  # another writes two more: over the bound
    for n in range(2):
        writer.put(writer.key("third", str(n)), "x" * 4_000)
    writer.prune()
    left = set(stored(tmp_path / "cache"))
    assert set(first) <= left and not set(second) <= left


def test_the_cache_is_summed_again_only_when_new_entries_may_take_it_over_its_bound(tmp_path, monkeypatch):
    """Under `mkdocs serve` every rebuild prunes: a cache known to be under its bound is not summed."""
    cache = ResultCache(tmp_path / "cache", max_bytes=20_000)
    summed = []
    stored_bytes = ResultCache._stored_bytes
    monkeypatch.setattr(ResultCache, "_stored_bytes", staticmethod(lambda db: summed.append(1) or stored_bytes(db)))
    cache.put(cache.key("a"), "x" * 4_000)
    cache.prune()  # the first prune of a process sums it: another process may have written to it
    cache.put(cache.key("b"), "x" * 4_000)
    cache.prune()  # about 8 KB of 20 KB: not summed
    assert len(summed) == 1
    for n in range(4):
        cache.put(cache.key("c", str(n)), "x" * 4_000)
    cache.prune()  # maybe over the bound now: summed, and pruned to it
    assert len(summed) >= 2
    assert sum(stored(tmp_path / "cache").values()) <= 20_000


def test_a_rebuild_reads_the_lines_of_only_the_pages_that_changed(tmp_path, monkeypatch):
    """The shared-line scan needs every page's lines: under `mkdocs serve` they are kept in memory."""
    three = sorted((FOUNDING / "articles").iterdir())[:3]
    write_seeds(tmp_path / "seeds", {path.name: path.read_bytes() for path in three})
    project = Paths(tmp_path, tmp_path / "seeds", ROOT / "templates")
    scanned = []
    monkeypatch.setattr(pipeline, "page_lines", lambda text: scanned.append(text) or page_lines(text))
    cache = ResultCache(None)
    first = build_corpus(project, jobs=1, cache=cache)
    assert len(scanned) == 3
    assert site(build_corpus(project, jobs=1, cache=cache)) == site(first) and len(scanned) == 3
    edited = tmp_path / "seeds" / "articles" / three[1].name
    edited.write_bytes(three[1].read_bytes() + b"\nOne more closing line.\n")
    build_corpus(project, jobs=1, cache=cache)
    assert len(scanned) == 4 and scanned[-1].endswith("One more closing line.\n")


def test_a_rebuild_parses_a_curated_file_again_only_after_an_edit_to_it(tmp_path):
    """Under `mkdocs serve` the loaded registry, curation and vocabulary are kept while their bytes (and
    the article names they are checked against) stay the same; an edit is read at once."""
    write_seeds(tmp_path / "seeds", {"a.txt": UNCURATED_TEXT.encode()})
    paths = Paths(tmp_path, tmp_path / "seeds", ROOT / "templates")
    cache = ResultCache(None)
    first = build_corpus(paths, cache=cache).registry
    assert build_corpus(paths, cache=cache).registry is first
    text = paths.entities.read_text(encoding="utf-8")
    paths.entities.write_text(text.replace("description: ", "description: Still ", 1), encoding="utf-8")
    edited = build_corpus(paths, cache=cache).registry
    assert edited is not first and edited.digest != first.digest
    (paths.articles / "b.txt").write_bytes(UNCURATED_TEXT.replace("Amazon", "Walmart").encode())
    assert build_corpus(paths, cache=cache).registry is not edited  # checked against the new file names


def _collector_on(_tools, _item):
    return gc.isenabled(), {}


def test_a_worker_collects_its_own_garbage_though_forked_from_a_paused_process():
    items = list(range(MIN_PARALLEL_FILES))
    with WorkerPool(2, len(items), tools=None) as pool:
        assert not gc.isenabled()  # this process: the pool is open
        seen = pool.run(_collector_on, items, [f"item {n}" for n in items], ResultCache(None), Timings(),
                        lambda done, total: None)
    assert seen == [True] * len(items)


def test_too_few_files_for_workers_leave_the_collector_on(tmp_path, monkeypatch):
    write_seeds(tmp_path / "seeds", {"a.txt": UNCURATED_TEXT.encode()})
    seen = []
    run = WorkerPool.run
    monkeypatch.setattr(WorkerPool, "run", lambda *args: seen.append(gc.isenabled()) or run(*args))
    build_corpus(Paths.for_project(tmp_path), jobs=2)
    assert seen == [True] * 3


def _squared(_tools, item):
    return {"item": item, "squared": item * item}, {"square": 0.0}


@pytest.mark.parametrize(("jobs", "pickled_here"), [(1, MIN_PARALLEL_FILES), (2, 0)])
def test_results_from_workers_are_cached_as_they_pickled_them(tmp_path, monkeypatch, jobs, pickled_here):
    """A worker hands its result back pickled as the cache keeps it: this process unpickles it (as it
    would have anyway) and writes those bytes, never pickling it again; without workers it pickles each."""
    items = list(range(MIN_PARALLEL_FILES))
    keys = [f"item {n}" for n in items]
    dumps = []
    real_dumps = pickle.dumps
    monkeypatch.setattr(pickle, "dumps", lambda *args, **kwargs: dumps.append(args[0]) or real_dumps(*args, **kwargs))
    with WorkerPool(jobs, len(items), tools=None) as pool:
        computed = pool.run(_squared, items, keys, ResultCache(tmp_path), Timings(), lambda done, total: None)
    assert len([value for value in dumps if isinstance(value, dict)]) == pickled_here
    assert computed == [{"item": n, "squared": n * n} for n in items]
    from_disk = ResultCache(tmp_path)
    assert [from_disk.get(key) for key in keys] == computed and from_disk.hits == len(items)
