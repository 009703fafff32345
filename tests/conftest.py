"""Shared fixtures: the real seeds run through the pipeline, and a strict build of the real site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cleaning_rules import load_vocabulary
from dossier.clean import clean
from dossier.ingest import ingest
from dossier.pipeline import Paths, build_corpus
from dossier.records import SourceFile
from dossier.scaffold import write_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"

# The five founding articles, by the prefix of their file names.
SEED_FILES = {path.name[:3]: path for path in sorted(SEEDS.iterdir())}


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary(ROOT / "seeds" / "cleaning.yml")


@pytest.fixture(scope="session")
def cleaned(vocabulary):
    """The clean stage's output for each seed, by prefix ("000" .. "004")."""
    return {
        prefix: clean(ingest(SourceFile(f"seeds/articles/{path.name}", path.read_bytes())), vocabulary)
        for prefix, path in SEED_FILES.items()
    }


@pytest.fixture(scope="session")
def corpus():
    return build_corpus(Paths.for_project(ROOT))


@pytest.fixture(scope="session")
def articles(corpus):
    """Published articles by seed prefix."""
    return {article.clean.source_file.split("/")[-1][:3]: article for article in corpus.articles}


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of `config` into `site_dir`, as `make build` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def corpus_json(built_site):
    return json.loads((built_site / "data" / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def report_json(built_site):
    return json.loads((built_site / "data" / "build-report.json").read_text(encoding="utf-8"))


def names_only_registry() -> str:
    """The real entity registry without its events and relations (whose sources are the real seeds),
    for projects with other articles."""
    import yaml

    registry = yaml.safe_load((ROOT / "seeds" / "entities.yml").read_text(encoding="utf-8"))
    for spec in registry["entities"].values():
        spec.pop("events", None)
        spec.pop("relations", None)
    return yaml.safe_dump(registry, allow_unicode=True)


def write_seeds(seeds: Path, articles: dict[str, bytes], curation: str = "articles: {}\n",
                entities: str | None = None) -> None:
    """A seeds directory: the articles, their curation, the real cleaning vocabulary, a registry."""
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
