"""One measured build, in its own process (so its peak memory is its own), then two live-reload
rebuilds in the same process, as `mkdocs serve --dirty` does them: an edited article, an edited YAML
entry.

Prints one JSON object. Used by bench/run.py.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def timed_build(config, dirty: bool = False) -> float:
    started = time.perf_counter()
    build(config, dirty=dirty)
    return time.perf_counter() - started


def main(config_file: str, pages_out: str) -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    config = load_config(config_file)
    # As `mkdocs serve` runs the plugins: started once, kept across the rebuilds below.
    config.plugins.on_startup(command="serve", dirty=True)
    total = timed_build(config)
    plugin = config.plugins["dossier"]
    first = {"stages": plugin.timings.stages, "phases": plugin.timings.phases}
    site = Path(config.site_dir)
    sizes = {"site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
             "search_index_mb": sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file()) / 1e6}
    # Dump the generated pages: the plain-MkDocs floor builds them as ordinary Markdown files.
    for uri, content in plugin.site.pages.items():
        path = Path(pages_out) / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    config["strict"] = False  # as `make serve` runs: MkDocs warns about every dirty build
    articles = sorted((plugin.paths.articles).glob("synthetic-*.txt"))
    edited = articles[len(articles) // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence, added while the server runs.\n",
                      encoding="utf-8")
    article_reload = timed_build(config, dirty=True)  # as `make serve` runs: mkdocs serve --dirty
    article_pipeline = plugin.timings.phases["total"]
    curation = plugin.paths.curation  # a maintainer retitles one article
    text = curation.read_text(encoding="utf-8")
    retitled = text.replace('title_en: "Ali Health\'s long game"', 'title_en: "Ali Health\'s long game, revisited"')
    curation.write_text(retitled, encoding="utf-8")
    yaml_reload = timed_build(config, dirty=True)
    yaml_pipeline = plugin.timings.phases["total"]
    config.plugins.on_shutdown()
    print(json.dumps({
        "build_seconds": total,
        "stages": first["stages"],
        "phases": first["phases"],
        "pages": len(plugin.site.pages),
        "published": sum(1 for line in plugin.outcomes if line.status == "published"),
        **sizes,
        "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "reload_article_seconds": article_reload,
        "reload_article_pipeline_seconds": article_pipeline,
        "reload_yaml_seconds": yaml_reload,
        "reload_yaml_pipeline_seconds": yaml_pipeline,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:3])
