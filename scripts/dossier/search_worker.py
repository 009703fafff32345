"""The search worker Material's search UI talks to, generated from its template.

The dossier engine's worker (templates/assets/search-worker.js.j2) answers Material's UI in its own
message protocol, so the look is Material's, and reads the chunked index of search_index.py; it gets
the analysis tables of search_text.py, and lunr's stemmers (stemming.py stems the index alike). The
lunr engine's worker wraps Material's own, with a Simplified table of the site's texts.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import material
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .records import Corpus
from .search_text import analysis_tables, simplified_map
from .stemming import LANGUAGES

WORKER = "assets/javascripts/workers/dossier-search.js"  # overrides/main.html points Material at it
STEMMERS = "assets/javascripts/workers/dossier-stemmers.js"  # the dossier worker loads it
Engine = Literal["dossier", "lunr"]
ENGINES: tuple[Engine, ...] = ("dossier", "lunr")
_MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def corpus_texts(corpus: Corpus) -> Iterator[str]:
    """Every text the lunr engine's index can hold: article renditions and registry names."""
    for article in corpus.articles:
        for rendition in article.normalized.renditions:
            yield rendition.title
            yield from (block.text for block in rendition.blocks)
    for entity in corpus.registry.entities if corpus.registry else ():
        yield from entity.surface_forms


def worker_scripts(engine: Engine, templates: Path, texts: Iterable[str]) -> dict[str, str]:
    """The search worker Material's UI talks to (the dossier engine's, or the lunr wrapper, which needs
    the texts of the site for its Simplified table), and what it loads, by site path."""
    env = Environment(loader=FileSystemLoader(templates), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    if engine == "lunr":
        return {WORKER: env.get_template("assets/search-worker-lunr.js.j2").render(
            simplified_map=simplified_map(texts), material_worker=material_worker())}
    return {
        WORKER: env.get_template("assets/search-worker.js.j2").render(
            analysis=analysis_tables(), stemmers=posixpath.basename(STEMMERS)),
        STEMMERS: env.get_template("assets/search-stemmers.js.j2").render(scripts=_lunr_languages()),
    }


def _lunr_languages() -> str:
    """lunr-languages' stemmer support and the stemmers of LANGUAGES, from Material's vendored copy."""
    directory = _MATERIAL_JS / "lunr" / "min"
    names = ["lunr.stemmer.support.min.js"] + [f"lunr.{language}.min.js" for language in LANGUAGES if language != "en"]
    return "\n;\n".join((directory / name).read_text(encoding="utf-8").strip() for name in names) + "\n"


def material_worker() -> str:
    """File name of Material's search worker (it carries a content hash that changes by release): the
    dossier worker loads it for lunr's stemmers, the lunr engine wraps it."""
    (worker,) = sorted((_MATERIAL_JS / "workers").glob("search.*.min.js"))
    return worker.name
