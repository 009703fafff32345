"""The MkDocs plugin: runs the dossier pipeline at build time and hands MkDocs the generated pages.

Nothing generated is written to the repository: the pages are written to a staging folder outside it
(`staging`) and the data files kept in memory, both handed to MkDocs as generated Files. The seeds and
templates directories are watched, so under `mkdocs serve` an edit to an article, a YAML file or a
template rebuilds the site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .citation import first_commit_dates
from .cluster import ClusterError
from .collector import LongLivedObjects
from .csp import allow_live_reload, script_hashes
from .curated_yaml import CurationError
from .generated_files import GeneratedFiles
from .listings import Listings
from .nav_memo import NavMemo, theme_loader
from .page_memo import PageMemo
from .parallel import Timings, processes
from .pipeline import build_corpus
from .render import render_site
from .result_cache import ResultCache
from .search_site import IndexProcess, SiteIndex, page_text
from .search_worker import ENGINES, corpus_texts, worker_scripts
from .sources import MAX_FILE_BYTES, Paths, file_count
from .staging import StagedPages, staged_body

log = logging.getLogger("mkdocs.plugins.dossier")


class DossierConfig(base.Config):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__ has no annotations
    seeds_dir = c.Type(str, default="seeds")  # holds articles/, articles.yml, cleaning.yml, entities.yml
    templates_dir = c.Type(str, default="templates")
    jobs = c.Type(int, default=0)  # processes for the per-article stages; 0: one per core
    cluster = c.Optional(c.Type(str))  # a Dask scheduler's address: the per-article stages run there instead
    cache_dir = c.Optional(c.Type(str))  # results by content hash, e.g. .cache/dossier; unset: memory only
    max_file_bytes = c.Type(int, default=MAX_FILE_BYTES)  # a bigger file is rejected unread
    # The search engine: the dossier's chunked index (search_index.py), or Material's lunr index behind the
    # wrapper worker (kept for comparison: `make bench` measures both).
    search = c.Choice(ENGINES, default="dossier")
    home_articles = c.Type(int, default=Listings.home)  # the newest articles the home page lists
    articles_per_page = c.Type(int, default=Listings.per_page)  # items on one page of the catalogue, sources, report
    profile_quotes = c.Type(int, default=Listings.profile_quotes)  # the newest sources a profile quotes


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory for the life of the command: a new environment (MkDocs
    makes one for every build, the page memo one when a template changes) compiles only the templates it
    has not seen; Jinja compares each template's source checksum, so an edited template is compiled anew.
    One for each kind of environment: Jinja's key is the template's file, not the environment's options."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class DossierPlugin(BasePlugin[DossierConfig]):  # type: ignore[no-untyped-call]  # as above
    """Lifecycle: `on_startup` creates what lives as long as the command (MkDocs keeps the instance of a
    plugin that defines it across the rebuilds of `mkdocs serve`, so an edit recomputes only what it
    touches); each build then runs `on_config` → `on_files` (the pipeline, and the generated pages) →
    `on_env` → the pages (a generated one round Markdown: `on_page_markdown` → `on_page_content`, its
    HTML read again from its staged file at `on_page_context` and let go at `on_post_page`) →
    `on_post_build` (the search index); `on_shutdown` removes the staging folder."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Under `mkdocs serve` the articles' results and the rendered pages are kept from build to build,
        # so that an edit recomputes only what it touches. A one-off build keeps neither: each page is
        # written out as it is rendered (at 10,000 articles, keeping the results and the pages was more
        # than a gigabyte).
        self.rebuilds = command == "serve"
        self.cache: ResultCache | None = None  # made in on_config, which knows the project folder
        self.pages = PageMemo(CompiledTemplates())  # the dossier's page templates
        self.staging = Path(tempfile.mkdtemp(prefix="dossier-pages-"))
        self.staged: dict[str, int] = {}
        # `mkdocs serve --dirty`: MkDocs is given only the generated pages an edit changed.
        self.generated = GeneratedFiles(hand_changed_only=command == "serve" and dirty)
        self.bodies: dict[str, str] = {}  # generated pages' HTML on its way round Markdown, by source URI
        # The dossier's search index: in a helper process when the first build renders enough pages to
        # be worth one and may use another core, in this one otherwise; None until then.
        self.search_index: SiteIndex | IndexProcess | None = None
        self.search_names: dict[str, tuple[str, ...]] = {}  # profile URL -> the entity's names
        self.compiled_templates = CompiledTemplates()  # the theme's (Material's and overrides/)
        self.saved_epoch: str | None = None
        self.long_lived = LongLivedObjects()  # the records and pages, out of the garbage collector's walks

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # sitemap.xml dates and the gzip header use SOURCE_DATE_EPOCH when set: fixing it for the build
        # makes two builds of the same inputs byte-identical. The caller's value is back after the build
        # (first thing here: a build that fails below restores it too).
        self.saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = self.saved_epoch or "0"
        if min(self.config.home_articles, self.config.profile_quotes) < 0 or self.config.articles_per_page < 1:
            raise PluginError("dossier: home_articles and profile_quotes must be 0 or more, "
                              "articles_per_page 1 or more")
        project = Path(config.config_file_path).resolve().parent
        self.paths = Paths(
            project=project,
            seeds=(project / self.config.seeds_dir).resolve(),
            templates=(project / self.config.templates_dir).resolve(),
        )
        if self.cache is None:
            cache_dir = self.config.cache_dir
            self.cache = ResultCache((project / cache_dir).resolve() if cache_dir else None)
        self.cache.remember = self.pages.pages.keep = self.rebuilds
        self.rendered: set[str] = set()  # the pages this build renders (under --dirty, those that changed)
        for directory in (self.paths.seeds, self.paths.templates):
            if str(directory) not in config.watch:
                config.watch.append(str(directory))
        return config

    def _restore_epoch(self) -> None:
        if self.saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self.saved_epoch

    def on_build_error(self, *, error: Exception) -> None:
        self._restore_epoch()
        if isinstance(error, BrokenProcessPool) and self.search_index is not None:
            # The search helper died (the system may have stopped it for memory): the next build starts
            # a new one, and hands it every page (below).
            self.search_index.close()
            self.search_index = None
        elif isinstance(self.search_index, IndexProcess):
            self.search_index.forget_failures()
        # The pages staged for this build may never have been written out: the next build stages them
        # all again, so that none is held back as unchanged (and MkDocs compares their time stamps).
        self.staged.clear()
        self.generated.forget()

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["csp_script_hashes"] = script_hashes  # overrides/main.html: the CSP's script hashes
        env.bytecode_cache = self.compiled_templates
        # No template changes during a build (MkDocs makes a new environment for each): Jinja need not
        # check every template's file again each of the ~40 times a page includes one.
        env.auto_reload = False
        # The theme's navigation, rendered once for all the pages out of it that link to the same places.
        env.loader = theme_loader(env.loader, self.paths.templates / "theme", config.theme.custom_dir)
        env.globals["nav_once"] = NavMemo()
        self.generated.remove_stale_outputs(files, Path(config.site_dir))
        self.page_urls = self.generated.page_urls(files)
        return env

    def _dossier_index(self) -> SiteIndex | IndexProcess | None:
        """The dossier's search index, while the site searches with it (`search:` may change under serve)."""
        return self.search_index if self.config.search == "dossier" else None

    def _generated(self, page: Page) -> bool:
        return page.file.generated_by is not None and page.file.src_uri in self.staged

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A generated page is HTML from the templates, which Markdown leaves as it is (every block is raw
        # HTML: test_render.py checks it on every page of the founding corpus); parsing it as Markdown was
        # a large part of MkDocs' time per page. It goes round Markdown to on_page_content.
        if self._generated(page):
            self.bodies[page.file.src_uri] = markdown.strip("\n")
            return ""
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.pop(page.file.src_uri, None)
        if index := self._dossier_index():  # and out of Material's index
            staged = page.file.abs_src_path if body is not None else None
            index.add(page_text(page, html if body is None else body, self.search_names.get(page.url, ()), staged))
        # MkDocs reads every page before it renders the first: a generated page's HTML is read again from
        # its file when it is rendered (on_page_context, before any other plugin's), and let go once it is
        # written (on_post_page). At 10,000 articles, MkDocs would otherwise hold 400 MB of pages until the
        # build ends. (So a plugin listed after this one sees a generated page's HTML at on_page_context,
        # not at on_page_content.)
        return html if body is None else ""

    @event_priority(100)
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        self.rendered.add(page.url)
        if self._generated(page):
            page.content = staged_body(Path(page.file.abs_src_path or ""))
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._generated(page):
            page.content = None
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._restore_epoch()
        self.generated.let_go_of_pages()
        # Under --dirty, Material's search keeps its last index and replaces the entries of one page (the
        # first it indexed this build) with the new ones. An edit here renders several pages again (an
        # article, the profiles it quotes, the home page) and adds or deletes others, so the index is
        # merged page by page: the entries of every page that still exists and was not rendered again,
        # then the new ones. (Runs before the search plugin writes the index: plugins run in order.)
        search = config.plugins.get("material/search")
        previous = getattr(search, "search_index_prev", None)
        if search is not None and previous is not None:
            kept = [entry for entry in previous.entries
                    if (url := entry["location"].partition("#")[0]) in self.page_urls and url not in self.rendered]
            search.search_index.entries = kept + search.search_index.entries
            search.search_index_prev = None  # merged already: Material writes the entries as they are
        if index := self._dossier_index():
            started = time.perf_counter()
            stats = index.write(Path(config.site_dir) / "search" / "dossier", self.page_urls)
            log.info("dossier: search index of %d pages, %d terms in %d chunks (%.1f MB) in %.2f s", stats.documents,
                     stats.terms, stats.chunks, stats.bytes / 1e6, time.perf_counter() - started)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., None]) -> LiveReloadServer:
        # MkDocs has no hook for the live-reload script it injects: its injector is wrapped, so that the
        # Content Security Policy of each page allows that script.
        server._inject_js_into_html = allow_live_reload(  # type: ignore[method-assign]
            server._inject_js_into_html)
        # `mkdocs serve --clean` starts its plugins as a one-off build does (command "build"), then rebuilds
        # on every edit: from the next build on, keep what a rebuild reuses.
        self.rebuilds = True
        self.long_lived.between_builds()  # MkDocs calls on_serve once the first build is over
        return server

    def on_shutdown(self) -> None:
        self.long_lived.release()
        if self.cache is not None:
            self.cache.close()  # open still if the last build failed before its end
        if self.search_index is not None:
            self.search_index.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        jobs = int(os.environ.get("DOSSIER_JOBS", self.config.jobs)) or None
        if self.search_index is None and (index := search_index_kind(self.config.search, jobs, self.paths.articles)):
            self.search_index = index()  # before the pipeline: a helper process shares little of this one's memory
        try:
            corpus = build_corpus(self.paths, jobs=jobs, cache=self.cache, progress=None,
                                  max_file_bytes=self.config.max_file_bytes, cluster=self.config.cluster)
        except CurationError as error:
            raise PluginError(f"curated data is malformed: {error}") from error
        except ClusterError as error:
            raise PluginError(str(error)) from error
        self.long_lived.settle()
        started = time.perf_counter()
        listings = Listings(self.config.home_articles, self.config.articles_per_page, self.config.profile_quotes)
        staged = StagedPages(self.staging, self.staged)  # each page written out as it is rendered
        # Source files are named relative to the project, whose git history dates their first commits.
        first_commits = first_commit_dates(self.paths.project, [a.clean.source_file for a in corpus.articles])
        site = render_site(corpus, self.paths.templates, self.pages, listings, staged, first_commits)
        self.long_lived.settle()
        timings = corpus.timings or Timings()
        timings.phases["render"] = time.perf_counter() - started
        self.timings, self.outcomes = timings, corpus.outcomes
        staged.remove_others()
        self.generated.add(files, staged, config)
        for uri, content in sorted(site.data.items()):
            files.append(File.generated(config, uri, content=content))
        for uri, content in worker_scripts(self.config.search, self.paths.templates, corpus_texts(corpus)).items():
            files.append(File.generated(config, uri, content=content))
        self.search_names = {f"entities/{e.id}/": e.surface_forms
                             for e in (corpus.registry.entities if corpus.registry else ())}
        counts = Counter(outcome.status for outcome in corpus.outcomes)
        log.info("dossier: %s in %.2f s (pipeline) + %.2f s (render)",
                 ", ".join(f"{n} {status}" for status, n in sorted(counts.items())),
                 timings.phases["total"], timings.phases["render"])
        return files


def search_index_kind(search: str, jobs: int | None, articles: Path) -> type[SiteIndex | IndexProcess] | None:
    """Where the dossier's search index is made: in a helper process when the build may use another core
    (`jobs`: None, one per core) and has enough articles to be worth one, else in this process; nowhere
    when the site searches with lunr."""
    if search != "dossier":
        return None
    files = file_count(articles)
    return IndexProcess if processes(jobs, files) > 1 else SiteIndex
