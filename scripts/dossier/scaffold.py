"""A dossier project elsewhere than the repository (a fixture corpus, a benchmark corpus): its own
mkdocs.yml, using this repository's docs, templates and theme overrides with another seeds directory."""

from __future__ import annotations

from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent.parent


def write_config(path: Path, seeds: Path | None, **changes) -> Path:
    """Write at `path` the repository's mkdocs.yml, pointed at `seeds` with the dossier plugin's other
    settings from `changes["dossier"]` (dict), or without the plugin when `seeds` is None; any other
    change replaces that top-level setting."""
    config = yaml.safe_load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPOSITORY / "docs")
    config["theme"]["custom_dir"] = str(REPOSITORY / "overrides")
    config["watch"] = []
    plugins = [p for p in config["plugins"] if not (isinstance(p, dict) and "dossier" in p)]
    if seeds is not None:
        options = {"seeds_dir": str(seeds), "templates_dir": str(REPOSITORY / "templates")}
        plugins.insert(0, {"dossier": {**options, **changes.pop("dossier", {})}})
    config["plugins"] = plugins
    config.update(changes)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
