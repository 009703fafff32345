"""Runs the stages in order over every file under `seeds/articles/` and accounts for each one."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from .clean import clean
from .dedupe import DuplicateIndex
from .cleaning_rules import load_vocabulary
from .detect import detect
from .ingest import ingest, sha256_hex
from .link import Linker, link
from .metadata import build_article, load_curation
from .normalize import normalize
from .registry import load_registry
from .records import Article, CleanText, Corpus, InputOutcome, Rejection, SourceFile

log = logging.getLogger("mkdocs.plugins.dossier")


@dataclass(frozen=True)
class Paths:
    """Where the pipeline's inputs live. Source files are named relative to `project`."""

    project: Path
    seeds: Path
    templates: Path

    @classmethod
    def for_project(cls, project: Path) -> "Paths":
        return cls(project, project / "seeds", project / "templates")

    @property
    def articles(self) -> Path:
        return self.seeds / "articles"

    @property
    def curation(self) -> Path:
        return self.seeds / "articles.yml"

    @property
    def cleaning(self) -> Path:
        return self.seeds / "cleaning.yml"

    @property
    def entities(self) -> Path:
        return self.seeds / "entities.yml"


def read_sources(paths: Paths) -> list[SourceFile]:
    """Every file under seeds/articles/, hidden ones included, in path order."""
    files = sorted(p for p in paths.articles.rglob("*") if p.is_file())
    return [SourceFile(_display_path(p, paths.project), p.read_bytes()) for p in files]


def _display_path(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def build_corpus(paths: Paths) -> Corpus:
    """Every file through the stages. A bad file never stops the build: whatever goes wrong with it
    becomes its rejection reason in the report."""
    vocabulary = load_vocabulary(paths.cleaning)
    sources = read_sources(paths)
    source_names = {Path(s.path).name for s in sources}
    curation = load_curation(paths.curation, source_names)
    registry = load_registry(paths.entities, source_names)
    linker = Linker(registry)
    articles: list[Article] = []
    outcomes: list[InputOutcome] = []
    cleaned: dict[str, CleanText] = {}
    duplicates = DuplicateIndex()
    used_ids: set[str] = set()
    for source in sources:
        stage = "ingest"
        try:
            decoded = ingest(source)
            if isinstance(decoded, Rejection):
                outcomes.append(InputOutcome(source.path, decoded.sha256, "rejected", reason=decoded.reason))
                continue
            stage = "clean"
            text = clean(decoded, vocabulary)
            cleaned[source.path] = text
            if not text.blocks:
                outcomes.append(InputOutcome(source.path, text.sha256, "rejected", reason=_EMPTY_AFTER_CLEANING))
                continue
            stage = "duplicate detection"
            duplicate = duplicates.find(text)
            if duplicate:
                outcomes.append(
                    InputOutcome(
                        source.path, text.sha256, "duplicate", duplicate_of=duplicate.original,
                        reason=f"{duplicate.share:.0%} of its text is the same as {duplicate.original} once cleaned",
                    )
                )
                continue
            duplicates.add(text)
            stage = "detect, normalize, metadata, link"
            article = build_article(normalize(detect(text)), curation.get(Path(source.path).name))
            article = link(article, linker)
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the site
            log.warning("%s: could not be processed (%s): %s", source.path, stage, error)
            outcomes.append(
                InputOutcome(
                    source.path, sha256_hex(source.data), "rejected",
                    reason=f"could not be processed ({stage}): {type(error).__name__}: {error}",
                )
            )
            continue
        article = _with_unique_id(article, used_ids)
        articles.append(article)
        outcomes.append(InputOutcome(source.path, text.sha256, "published", article=article.id))
    return Corpus(tuple(articles), tuple(outcomes), cleaned, registry)


_EMPTY_AFTER_CLEANING = "nothing of an article is left once page chrome, spam and debris are removed"


def _with_unique_id(article: Article, used: set[str]) -> Article:
    """Two files with one name in different folders get distinct ids (the later one suffixed)."""
    candidate, n = article.id, 2
    while candidate in used:
        candidate, n = f"{article.id}-{n}", n + 1
    used.add(candidate)
    return article if candidate == article.id else replace(article, id=candidate)
