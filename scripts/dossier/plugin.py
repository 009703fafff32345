"""The MkDocs plugin: runs the dossier pipeline at build time and hands MkDocs the generated pages.

Nothing generated is written to the repository: pages and data files join MkDocs' file collection in
memory (`File.generated`). The seeds and templates directories are watched, so under `mkdocs serve` an
edit to an article, a YAML file or a template rebuilds the site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .curation import CurationError
from .parallel import ResultCache
from .pipeline import Paths, build_corpus
from .render import PageMemo, render_site

log = logging.getLogger("mkdocs.plugins.dossier")


class DossierConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")  # holds articles/, articles.yml, cleaning.yml, entities.yml
    templates_dir = c.Type(str, default="templates")
    jobs = c.Type(int, default=0)  # processes for the per-article stages; 0: one per core
    cache_dir = c.Optional(c.Type(str))  # results by content hash, e.g. .cache/dossier; unset: memory only


class DossierPlugin(BasePlugin[DossierConfig]):
    def on_config(self, config):
        project = Path(config.config_file_path).resolve().parent
        self.paths = Paths(
            project=project,
            seeds=(project / self.config.seeds_dir).resolve(),
            templates=(project / self.config.templates_dir).resolve(),
        )
        # Kept across `mkdocs serve` rebuilds: an edit recomputes only what it touches.
        if not hasattr(self, "cache"):
            directory = self.config.cache_dir
            self.cache = ResultCache((project / directory).resolve() if directory else None)
            self.pages = PageMemo()
            self.staging = Path(tempfile.mkdtemp(prefix="dossier-pages-"))
            self.staged: dict[str, int] = {}
        for directory in (self.paths.seeds, self.paths.templates):
            if str(directory) not in config.watch:
                config.watch.append(str(directory))
        # sitemap.xml dates and the gzip header use SOURCE_DATE_EPOCH when set: fixing it makes two
        # builds of the same inputs byte-identical.
        os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
        return config

    def _stage(self, uri: str, content: str) -> str:
        """The page as a file, rewritten only when its content changed: with `mkdocs serve --dirty`,
        MkDocs then renders again only the pages an edit touched (it compares modification times)."""
        path = self.staging / uri
        if self.staged.get(uri) != hash(content):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            self.staged[uri] = hash(content)
        return str(path)

    def on_shutdown(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def on_files(self, files: Files, config) -> Files:
        jobs = int(os.environ.get("DOSSIER_JOBS", self.config.jobs)) or None
        try:
            corpus = build_corpus(self.paths, jobs=jobs, cache=self.cache, progress=None)
        except CurationError as error:
            raise PluginError(f"curated data is malformed: {error}") from error
        started = time.perf_counter()
        site = render_site(corpus, self.paths.templates, self.pages)
        corpus.timings.phases["render"] = time.perf_counter() - started
        self.timings, self.site, self.outcomes = corpus.timings, site, corpus.outcomes
        for uri, content in sorted(site.pages.items()):
            files.append(File.generated(config, uri, abs_src_path=self._stage(uri, content)))
        for uri, content in sorted(site.data.items()):
            files.append(File.generated(config, uri, content=content))
        counts = Counter(outcome.status for outcome in corpus.outcomes)
        log.info("dossier: %s in %.2f s (pipeline) + %.2f s (render)",
                 ", ".join(f"{n} {status}" for status, n in sorted(counts.items())),
                 corpus.timings.phases["total"], corpus.timings.phases["render"])
        return files
