"""The mkdocs.yml of a dossier project elsewhere than the repository (a fixture corpus, a benchmark
corpus): this repository's docs, templates and theme overrides, with another seeds directory. Tests and
the benchmark build with it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent.parent


def write_config(path: Path, seeds: Path | None, dossier: Mapping[str, object] | None = None,
                 **changes: object) -> Path:
    """Write at `path` the repository's mkdocs.yml, pointed at `seeds` with the dossier plugin's other
    settings from `dossier`, or without the plugin when `seeds` is None; any other change replaces that
    top-level setting."""
    config = yaml.safe_load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPOSITORY / "docs")
    config["theme"]["custom_dir"] = str(REPOSITORY / "overrides")
    config["watch"] = []
    plugins = [p for p in config["plugins"] if not (isinstance(p, dict) and "dossier" in p)]
    if seeds is not None:
        options = {"seeds_dir": str(seeds), "templates_dir": str(REPOSITORY / "templates")}
        plugins.insert(0, {"dossier": {**options, **(dossier or {})}})
    config["plugins"] = plugins
    config.update(changes)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
