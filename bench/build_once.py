"""One measured build, in its own process (so its peak memory is its own), run as `mkdocs build` runs it
(`build`) or as `mkdocs serve --dirty` does (`serve`: a first build, then two live-reload rebuilds in the
same process: an edited article, an edited YAML entry). A one-off build lets go of what a server keeps
for its rebuilds, so the two modes' memory differs.

Prints one JSON object. Used by bench/run.py.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer


def timed_build(config, dirty: bool = False) -> float:
    started = time.perf_counter()
    build(config, dirty=dirty)
    return time.perf_counter() - started


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def helper_memory_mb() -> dict[str, float]:
    """The memory of the processes the build keeps running at its end (the search index's helper): their
    peak, which counts the pages they share with this process (forked from it), and what they hold of
    their own now (private pages: what they add to this process's)."""
    peak = private = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rpartition(")")[2].split()[1]) != os.getpid():
                continue
            status = (stat.parent / "status").read_text()
            rollup = (stat.parent / "smaps_rollup").read_text()
        except (OSError, ValueError):
            continue  # ended meanwhile
        peak += _kilobytes(status, "VmHWM") / 1024
        private += (_kilobytes(rollup, "Private_Clean") + _kilobytes(rollup, "Private_Dirty")) / 1024
    return {"helper_peak_memory_mb": peak, "helper_private_memory_mb": private}


def _kilobytes(text: str, field: str) -> int:
    """A "Field:   123 kB" line of a /proc file."""
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(f"{field}:")), 0)


def one_off(config) -> dict:
    """`mkdocs build`: the time, where it went, the site's size, the peak memory."""
    config.plugins.on_startup(command="build", dirty=False)
    total = timed_build(config)
    plugin = config.plugins["dossier"]
    site = Path(config.site_dir)
    figures = {
        "build_seconds": total,
        "stages": plugin.timings.stages,
        "phases": plugin.timings.phases,
        "pages": len(plugin.staged),
        "published": sum(1 for line in plugin.outcomes if line.status == "published"),
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "search_index_mb": sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file()) / 1e6,
        "peak_memory_mb": peak_memory_mb(),
        **helper_memory_mb(),
    }
    config.plugins.on_shutdown()
    return figures


def served(config, pages_out: Path) -> dict:
    """`mkdocs serve --dirty`: a first build (its results cached on disk by the one-off build), the
    generated pages copied out (the plain-MkDocs build of them reads them), then two timed reloads."""
    # As `mkdocs serve` runs the plugins: started once, kept across the rebuilds below.
    config.plugins.on_startup(command="serve", dirty=True)
    first = timed_build(config)
    # As `mkdocs serve` goes on: the plugins' on_serve, given the server it made (not started here).
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=config.site_dir)
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    plugin = config.plugins["dossier"]
    shutil.copytree(plugin.staging, pages_out, dirs_exist_ok=True)
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
    return {
        "serve_first_build_seconds": first,
        "serve_peak_memory_mb": peak_memory_mb(),
        "reload_article_seconds": article_reload,
        "reload_article_pipeline_seconds": article_pipeline,
        "reload_yaml_seconds": yaml_reload,
        "reload_yaml_pipeline_seconds": yaml_pipeline,
    }


def main(mode: str, config_file: str, pages_out: str) -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    config = load_config(config_file)
    print(json.dumps(one_off(config) if mode == "build" else served(config, Path(pages_out))))


if __name__ == "__main__":
    main(*sys.argv[1:4])
