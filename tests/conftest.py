"""Shared fixtures.

The tests check the pipeline on fixture corpora that live with the tests, never on whatever
`seeds/` holds at the moment: a maintainer may drop any number of uncurated articles into
`seeds/articles/` (as the README invites) and `make test` stays green.

- The founding corpus (`tests/fixtures/founding/`): byte-for-byte copies of the five founding articles,
  with a frozen copy of their curation and entity registry. Precise expectations (a title, a date, a
  mention, a removed spam line) are asserted on it.
- Hand-written articles (below, and in `hostile_corpus.py`), built into throwaway projects with
  `make_project` / `write_seeds`.
- The real site (`real_site`): a strict build of the repository's own `seeds/`, checked only for
  invariants that hold for any corpus (every input reported once, every article has its page, every
  link resolves, the data files agree with each other).
"""

from __future__ import annotations

import html
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
import yaml
from filelock import FileLock
from hypothesis import settings
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from playwright.sync_api import sync_playwright

from browsing import CHROMIUM, CHROMIUM_ARGUMENTS, Tabs, served
from dossier.clean import clean
from dossier.cleaning_vocabulary import load_vocabulary
from dossier.ingest import ingest
from dossier.page_memo import PageMemo
from dossier.pipeline import build_corpus
from dossier.plugin import CompiledTemplates
from dossier.project_config import write_config
from dossier.records import SourceFile
from dossier.sources import Paths

# In CI each property test draws the same examples every run (derandomized): a submission lands or fails
# on its code, not on a draw. Elsewhere each run draws new ones; a failure found so becomes an @example.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"  # the real, growing corpus: only invariants are checked on it

FOUNDING = ROOT / "tests" / "fixtures" / "founding"
# The five founding articles (fixture copies), by the prefix of their file names ("000" .. "004").
FOUNDING_FILES = {path.name[:3]: path for path in sorted((FOUNDING / "articles").iterdir())}
SEED_FILES = FOUNDING_FILES  # the name older tests use
FOUNDING_CURATION = (FOUNDING / "articles.yml").read_text(encoding="utf-8")
FOUNDING_REGISTRY = (FOUNDING / "entities.yml").read_text(encoding="utf-8")

# A hand-written article that nobody curated: the founding site carries it, as a maintainer's first
# drop into seeds/articles/ would arrive.
UNCURATED_NAME = "uncurated-en.txt"
UNCURATED_TEXT = (
    "Amazon opens a second front in primary care\n\n"
    "Amazon said on Tuesday that customers of its loyalty programme could now book video visits with "
    "clinicians at One Medical for a flat monthly fee, a year after it closed its own telehealth service "
    "for employers.\n\n"
    "The offer builds on the company's pharmacy business, which grew out of its 2018 purchase of PillPack, "
    "and on the clinics it gained when it bought One Medical. Analysts said the move puts the retailer in "
    "direct competition with telehealth firms that sell to the same households.\n\n"
    "A spokesperson said the service would start in a handful of states and that prices for visits in "
    "person would not change. The company did not say how many customers it expected to use it.\n"
)


def founding_articles() -> dict[str, bytes]:
    """The founding articles' raw bytes, by file name."""
    return {path.name: path.read_bytes() for path in FOUNDING_FILES.values()}


# The files whose tests take longest (`--durations`: browsers, servers, many builds), about longest first;
# the two that start the run on two cores do not wait on the same shared site. Under pytest-xdist
# (`--dist loadfile --no-loadscope-reorder`, as `make test` runs it) each file goes whole to the next free
# process in the order collected: started first, these leave no core alone with one of them at the end
# of the run (xdist's own order, by number of tests, started `test_serve.py` last).
LONGEST_FILES = ("test_search_browser.py", "test_serve.py", "test_browser.py", "test_search.py", "test_site.py",
                 "test_linear_time.py", "test_properties.py", "test_layout_browser.py", "test_parallel.py",
                 "test_cluster.py", "test_plugin.py", "test_inputs.py", "test_render.py", "test_workflow.py",
                 "test_figures_browser.py", "test_visuals.py", "test_evaluation.py", "test_metadata.py")


@pytest.hookimpl(tryfirst=True)  # before the plugins that select from the order (--sw, --lf, --ff)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of `LONGEST_FILES` first, in that order; the others after them, as collected."""
    rank = {name: n for n, name in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: each file's tests keep their order


@pytest.fixture(scope="session")
def vocabulary():
    """The pipeline's own cleaning vocabulary (its rules, not corpus data)."""
    return load_vocabulary(ROOT / "seeds" / "cleaning.yml")


@pytest.fixture(scope="session")
def cleaned(vocabulary):
    """The clean stage's output for each founding article, by prefix ("000" .. "004")."""
    return {
        prefix: clean(ingest(SourceFile(f"seeds/articles/{path.name}", path.read_bytes())), vocabulary)
        for prefix, path in FOUNDING_FILES.items()
    }


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The founding corpus through the whole pipeline: its five articles, curation and registry."""
    root = tmp_path_factory.mktemp("founding-corpus")
    write_seeds(root / "seeds", founding_articles(), FOUNDING_CURATION, FOUNDING_REGISTRY)
    return build_corpus(Paths.for_project(root))


@pytest.fixture(scope="session")
def articles(corpus):
    """Published founding articles by prefix."""
    return {article.clean.source_file.split("/")[-1][:3]: article for article in corpus.articles}


@dataclass(frozen=True)
class Build:
    """How a `mkdocs build` ended: its exit status (0 or 1, as the command's) and its log."""

    returncode: int
    log: str


# Material's and the dossier's templates as Jinja compiles them, kept for every build this test process
# runs in it, as `mkdocs serve` keeps them from build to build (an edited template is compiled anew).
COMPILED_THEME_TEMPLATES = CompiledTemplates()
COMPILED_PAGE_TEMPLATES = CompiledTemplates()


def page_memo() -> PageMemo:
    """A new page memo (nothing rendered yet) whose environment reuses the templates this test process
    compiled: rendering a site straight from a corpus compiles none again (0.08 s of each)."""
    return PageMemo(COMPILED_PAGE_TEMPLATES)


def mkdocs_build(config: Path, site_dir: Path, **environment: str) -> Build:
    """A strict `mkdocs build` of `config` into `site_dir`, as `make build` runs it.

    In this test process: MkDocs, the plugin and the language models are loaded once per process, not
    once per build (about 2.5 s of each small build), and the theme's and the pages' templates compiled
    once (0.4 s of each build after the first). The pool of the per-article stages is not forked from
    here (this process runs threads of its own, which a fork may catch holding a lock): one job.
    With `environment` (a hash seed is fixed when a process starts, a pool size), the build runs in a
    process of its own, with `environment` added to its environment."""
    if environment:
        return started_mkdocs_build(config, site_dir, **environment)()
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        # What `mkdocs build` does, and how it reports a failure: its message, status 1.
        with mock.patch.dict(os.environ, DOSSIER_JOBS="1"):
            site_config = load_config(config_file=str(config), site_dir=str(site_dir), strict=True)
            site_config.plugins.on_startup(command="build", dirty=False)
            plugin = site_config.plugins["dossier"]
            plugin.compiled_templates = COMPILED_THEME_TEMPLATES
            plugin.pages.compiled = COMPILED_PAGE_TEMPLATES
            try:
                build(site_config)
            finally:
                site_config.plugins.on_shutdown()
    except MkDocsException as error:  # as the command writes it to stderr (Abort prints its message alone)
        log.write(f"\n{error.format_message()}\n" if isinstance(error, Abort) else f"Error: {error.format_message()}\n")
        return Build(1, log.getvalue())
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Build(0, log.getvalue())


def started_mkdocs_build(config: Path, site_dir: Path, **environment: str) -> Callable[[], Build]:
    """A strict `mkdocs build` of `config` into `site_dir`, started now in a process of its own with
    `environment` added to its environment; the function returned waits for it to end (the test process
    may meanwhile build something else)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=config.parent,
    )

    def ended() -> Build:
        try:
            _, log = process.communicate()
        finally:
            if process.poll() is None:  # interrupted while waiting: the build does not run on unwatched
                process.kill()
                process.wait()
        return Build(process.returncode, log)

    return ended


def site_entries(site: Path) -> dict[str, bytes | str]:
    """Every file (its bytes) and folder ("folder") under `site`, by its path there: two sites compare
    equal when they hold the same files with the same bytes and the same folders."""
    return {path.relative_to(site).as_posix(): path.read_bytes() if path.is_file() else "folder"
            for path in site.rglob("*")}


@dataclass(frozen=True)
class BuiltSite:
    """A strictly built site and the project it came from (source files are named relative to it)."""

    project: Path
    site: Path

    def data(self, name: str) -> dict:
        return json.loads((self.site / "data" / name).read_text(encoding="utf-8"))

    @property
    def corpus(self) -> dict:
        return self.data("corpus.json")

    @property
    def report(self) -> dict:
        return self.data("build-report.json")

    @property
    def entities(self) -> dict:
        return self.data("entities.json")

    @property
    def registry_ids(self) -> list[str]:
        """The entity ids of the project's registry, in file order."""
        text = (self.project / "seeds" / "entities.yml").read_text(encoding="utf-8")
        return list(yaml.safe_load(text)["entities"])

    @property
    def input_files(self) -> list[str]:
        """Every file under the project's seeds/articles/, as the report names it."""
        articles = self.project / "seeds" / "articles"
        return sorted(p.relative_to(self.project).as_posix() for p in articles.rglob("*") if p.is_file())


def report_text(site: Path) -> str:
    """The text of every page of a site's build report (its inputs, 100 to a page; not the needs-attention
    pages), HTML entities decoded."""
    pages = sorted(path for path in (site / "report").rglob("index.html") if "attention" not in path.parts)
    return "".join(html.unescape(path.read_text(encoding="utf-8")) for path in pages)


def built_once(tmp_path_factory, name: str, build: Callable[[Path], BuiltSite]) -> BuiltSite:
    """`build(root)` in a new folder, once for the whole run. Under pytest-xdist (`make test` runs a
    process per core) the first worker to need the site builds it while the others wait on a file lock,
    then read where it is (or why it failed: a failing build is not run again by each worker)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:  # a single process: nobody to share with
        return build(tmp_path_factory.mktemp(name))
    run = tmp_path_factory.getbasetemp().parent  # this run's folder, common to its workers
    record = run / f"{name}.json"
    with FileLock(run / f"{name}.lock"):
        if not record.exists():
            try:
                built = build(tmp_path_factory.mktemp(name))
            except BaseException as error:
                record.write_text(json.dumps({"error": str(error)}), encoding="utf-8")
                raise
            record.write_text(json.dumps({"project": str(built.project), "site": str(built.site)}), encoding="utf-8")
    where = json.loads(record.read_text(encoding="utf-8"))
    if "error" in where:
        pytest.fail(f"the {name} fixture failed to build in another worker: {where['error']}")
    return BuiltSite(Path(where["project"]), Path(where["site"]))


def strict_build(config: Path, project: Path, site: Path) -> BuiltSite:
    """`config` built strictly into `site`; the test fails with the end of MkDocs' log if it does not."""
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.log[-3000:]
    return BuiltSite(project, site)


def build_project(root: Path, files: dict[str, bytes], curation: str = "articles: {}\n",
                  registry: str | None = None) -> BuiltSite:
    """A project of `files` at `root`, built strictly into `root/site`."""
    return strict_build(make_project(root, files, curation, registry), root, root / "site")


def build_real_site(root: Path) -> BuiltSite:
    return strict_build(ROOT / "mkdocs.yml", ROOT, root / "site")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    """The real site (the repository's seeds, whatever they hold), built strictly once for the run."""
    return built_once(tmp_path_factory, "site", build_real_site)


def founding_site_files() -> dict[str, bytes]:
    """The founding site's articles: the five founding ones and one uncurated hand-written one."""
    return {**founding_articles(), UNCURATED_NAME: UNCURATED_TEXT.encode()}


def make_founding_project(root: Path) -> Path:
    """The founding site's project at `root`, its curation and registry with it; the path of its mkdocs.yml."""
    return make_project(root, founding_site_files(), FOUNDING_CURATION, FOUNDING_REGISTRY)


def build_founding_site(root: Path) -> BuiltSite:
    return strict_build(make_founding_project(root), root, root / "site")


@pytest.fixture(scope="session")
def founding_site(tmp_path_factory) -> BuiltSite:
    """The founding corpus with its curation and registry, plus one uncurated hand-written article,
    built strictly once for the run."""
    return built_once(tmp_path_factory, "founding-site", build_founding_site)


# The search fixture: the founding site's articles, and articles in the languages the founding five
# lack (Japanese, Korean, Spanish, Italian, Portuguese: scrapes of the development set), and one whose
# title is markup. Search is checked on it in Node (test_search.py) and in the browser.
SEARCH_DEVSET = ["cjk_08_ja.txt", "cjk_11_ko.txt", "eu_07_es.txt", "eu_10_it.txt", "eu_12_pt.txt"]
SEARCH_HOSTILE_TITLE = "<img src=x onerror=alert(1)> Telehealth & <b>markup</b> in a title"
SEARCH_HOSTILE_BODY = (
    "State regulators said on Thursday that they would review the rules for video consultations, after "
    "several retailers started to sell visits with nurses and doctors to their own customers.\n\n"
    "The review will look at how patient records move between the platforms and the clinics that staff "
    "them, and at who answers for a missed diagnosis. A report is expected before the end of the year.\n"
)


def build_search_site(root: Path) -> BuiltSite:
    devset = ROOT / "eval" / "devset" / "articles"
    files = {**founding_site_files(),
             **{name: (devset / name).read_bytes() for name in SEARCH_DEVSET},
             "hostile-title.txt": f"{SEARCH_HOSTILE_TITLE}\n\n{SEARCH_HOSTILE_BODY}".encode()}
    curation = yaml.safe_load(FOUNDING_CURATION)
    curation["articles"]["hostile-title.txt"] = {"title": SEARCH_HOSTILE_TITLE, "title_en": SEARCH_HOSTILE_TITLE}
    return build_project(root, files, yaml.safe_dump(curation, allow_unicode=True), FOUNDING_REGISTRY)


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> BuiltSite:
    return built_once(tmp_path_factory, "search-site", build_search_site)


# --- the browser tests' fixtures (browsing.py: one Chromium, one context per served site) -----------------


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tabs(browser):
    tabs = Tabs(browser)
    yield tabs
    tabs.close()


@pytest.fixture(scope="session")
def founding_url(founding_site):
    """The founding fixture site, served under the subpath."""
    with served(founding_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def search_url(search_site):
    """The search fixture site, served under the subpath."""
    with served(search_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def real_url(real_site):
    """The real site, served under the subpath."""
    with served(real_site.site) as url:
        yield url


@cache
def names_only_registry(*only: str) -> str:
    """The founding registry without its events and relations (whose sources are the founding
    articles), for projects with other articles; with only the entities `only`, if given (fewer
    profiles: a quicker build). Made once per test process: PyYAML's Python loader and dumper take
    50 to 80 ms, for each of the suite's many projects."""
    registry = yaml.safe_load(FOUNDING_REGISTRY)
    if only:
        registry["entities"] = {entity: registry["entities"][entity] for entity in only}
    for spec in registry["entities"].values():
        spec.pop("events", None)
        spec.pop("relations", None)
    return yaml.safe_dump(registry, allow_unicode=True)


def write_seeds(seeds: Path, articles: dict[str, bytes], curation: str = "articles: {}\n",
                entities: str | None = None) -> None:
    """A seeds directory: the articles, their curation, the real cleaning vocabulary, a registry
    (by default the founding registry's names, without events and relations)."""
    (seeds / "articles").mkdir(parents=True)
    for name, data in articles.items():
        path = seeds / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (seeds / "articles.yml").write_text(curation, encoding="utf-8")
    (seeds / "cleaning.yml").write_bytes((ROOT / "seeds" / "cleaning.yml").read_bytes())
    (seeds / "entities.yml").write_text(entities if entities is not None else names_only_registry(), encoding="utf-8")


def make_project(root: Path, articles: dict[str, bytes], curation: str = "articles: {}\n",
                 entities: str | None = None) -> Path:
    """A throwaway dossier project at `root`: its own seeds, the real templates, docs and settings.

    Returns the path of its mkdocs.yml.
    """
    seeds = root / "seeds"
    write_seeds(seeds, articles, curation, entities)
    return write_config(root / "mkdocs.yml", seeds)
