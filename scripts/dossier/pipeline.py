"""Runs the stages in order over every file under `seeds/articles/` and accounts for each one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .chinese import SIMPLIFIED, convert
from .clean import clean
from .cleaning_rules import load_vocabulary
from .detect import detect
from .ingest import ingest
from .metadata import build_article, load_curation
from .normalize import normalize
from .records import Article, CleanText, Corpus, InputOutcome, Rejection, SourceFile


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


def read_sources(paths: Paths) -> list[SourceFile]:
    """Every file under seeds/articles/, hidden ones included, in path order."""
    files = sorted(p for p in paths.articles.rglob("*") if p.is_file())
    return [SourceFile(_display_path(p, paths.project), p.read_bytes()) for p in files]


def _display_path(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def duplicate_key(text: CleanText) -> str:
    """The article's words, script and spacing aside: two saves of one article share it."""
    words = "".join([text.title, *(block.text for block in text.blocks)])
    return convert("".join(words.split()), SIMPLIFIED).casefold()


def build_corpus(paths: Paths) -> Corpus:
    vocabulary = load_vocabulary(paths.cleaning)
    sources = read_sources(paths)
    curation = load_curation(paths.curation, {Path(s.path).name for s in sources})
    articles: list[Article] = []
    outcomes: list[InputOutcome] = []
    cleaned: dict[str, CleanText] = {}
    first_with_key: dict[str, str] = {}
    for source in sources:
        decoded = ingest(source)
        if isinstance(decoded, Rejection):
            outcomes.append(InputOutcome(source.path, decoded.sha256, "rejected", reason=decoded.reason))
            continue
        text = clean(decoded, vocabulary)
        cleaned[source.path] = text
        key = duplicate_key(text)
        if key in first_with_key:
            original = first_with_key[key]
            outcomes.append(
                InputOutcome(
                    source.path, text.sha256, "duplicate", duplicate_of=original,
                    reason=f"same article text as {original} once cleaned",
                )
            )
            continue
        first_with_key[key] = source.path
        article = build_article(normalize(detect(text)), curation.get(Path(source.path).name))
        articles.append(article)
        outcomes.append(InputOutcome(source.path, text.sha256, "published", article=article.id))
    return Corpus(tuple(articles), tuple(outcomes), cleaned)
