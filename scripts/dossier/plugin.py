"""The MkDocs plugin: runs the dossier pipeline at build time and hands MkDocs the generated pages.

Nothing generated is written to the repository: pages and data files join MkDocs' file collection in
memory (`File.generated`). The seeds and templates directories are watched, so under `mkdocs serve` an
edit to an article, a YAML file or a template rebuilds the site.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .curation import CurationError
from .pipeline import Paths, build_corpus
from .render import render_site

log = logging.getLogger("mkdocs.plugins.dossier")


class DossierConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")  # holds articles/, articles.yml, cleaning.yml
    templates_dir = c.Type(str, default="templates")


class DossierPlugin(BasePlugin[DossierConfig]):
    def on_config(self, config):
        project = Path(config.config_file_path).resolve().parent
        self.paths = Paths(
            project=project,
            seeds=(project / self.config.seeds_dir).resolve(),
            templates=(project / self.config.templates_dir).resolve(),
        )
        for directory in (self.paths.seeds, self.paths.templates):
            if str(directory) not in config.watch:
                config.watch.append(str(directory))
        # sitemap.xml dates and the gzip header use SOURCE_DATE_EPOCH when set: fixing it makes two
        # builds of the same inputs byte-identical.
        os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
        return config

    def on_files(self, files: Files, config) -> Files:
        try:
            corpus = build_corpus(self.paths)
        except CurationError as error:
            raise PluginError(f"curated data is malformed: {error}") from error
        site = render_site(corpus, self.paths.templates)
        for uri, content in sorted({**site.pages, **site.data}.items()):
            files.append(File.generated(config, uri, content=content))
        counts = Counter(outcome.status for outcome in corpus.outcomes)
        log.info("dossier: %s", ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
        return files
