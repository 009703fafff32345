"""The per-article units of work the pipeline maps over its inputs, in worker processes.

Each is a pure function of the tools a build hands every worker once (`StageTools`) and of one input;
it returns its result, or the outcome that ends the file there (one bad file never stops the site),
with the seconds each stage took.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

from .article_curation import ArticleCuration
from .article_location import LineOverrides
from .attention import article_attention
from .clean import clean
from .cleaning_vocabulary import CleaningVocabulary
from .dedupe import fingerprints
from .detect import detect
from .ingest import ingest, sha256_hex
from .link import Linker, link
from .metadata import build_article
from .normalize import normalize
from .quotations import quotations
from .records import Article, ArticleAttention, CleanText, DecodedText, InputOutcome, Rejection, SourceFile

log = logging.getLogger("mkdocs.plugins.dossier")

StageSeconds = dict[str, float]
CuratedEntry = ArticleCuration | None  # an article's entry in seeds/articles.yml, if it has one


class _Clock:
    """Times consecutive stages of one unit of work."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.spent[stage] = self.spent.get(stage, 0.0) + now - self._last
        self._last = now


@dataclass(frozen=True)
class StageTools:
    """What the per-article units of work need besides their input, built once per build and handed to
    each worker process once."""

    vocabulary: CleaningVocabulary
    linker: Linker


@dataclass(frozen=True)
class Prepared:
    """A file's clean text and its sentence fingerprints (for duplicate detection)."""

    text: CleanText
    fingerprints: dict[bytes, int]


@dataclass(frozen=True)
class Published:
    """A published article, and what the checks for a maintainer found in it."""

    article: Article
    attention: ArticleAttention


def ingest_file(_tools: StageTools, source: SourceFile) -> tuple[DecodedText | InputOutcome, StageSeconds]:
    """Decode one file: its text, or the outcome that ends it here."""
    clock = _Clock()
    try:
        decoded = ingest(source)
        clock.lap("ingest")
        if isinstance(decoded, Rejection):
            return InputOutcome(source.path, decoded.sha256, "rejected", reason=decoded.reason), clock.spent
        return decoded, clock.spent
    except Exception as error:
        return _failed(source.path, sha256_hex(source.data), "ingest", error), clock.spent


def prepare_text(tools: StageTools, work: tuple[DecodedText, LineOverrides, frozenset[str]],
                 ) -> tuple[Prepared | InputOutcome, StageSeconds]:
    """clean one decoded text (with its curated line overrides and the lines it shares with other
    pages) and fingerprint it."""
    decoded, overrides, shared = work
    clock = _Clock()
    stage = "clean"
    try:
        text = clean(decoded, tools.vocabulary, overrides, shared)
        clock.lap("clean")
        stage = "duplicates"
        prints = fingerprints(text)
        clock.lap("duplicates")
        return Prepared(text, prints), clock.spent
    except Exception as error:
        return _failed(decoded.source_file, decoded.sha256, stage, error), clock.spent


def line_overrides(entry: CuratedEntry) -> LineOverrides:
    entry = entry or {}
    return LineOverrides(frozenset(entry.get("drop_lines") or ()), frozenset(entry.get("keep_lines") or ()))


def publish_text(tools: StageTools, work: tuple[CleanText, CuratedEntry],
                 ) -> tuple[Published | InputOutcome, StageSeconds]:
    """detect, normalize, metadata, link and the profiles' quotations for one clean text and its curated
    entry, then the checks for a maintainer."""
    text, curated = work
    clock = _Clock()
    stage = "detect"
    try:
        detected = detect(text)
        clock.lap(stage)
        stage = "normalize"
        normalized = normalize(detected)
        clock.lap(stage)
        stage = "metadata"
        article = build_article(normalized, curated)
        clock.lap(stage)
        stage = "link"
        article = link(article, tools.linker)
        clock.lap(stage)
        stage = "quote"
        article = replace(article, quotations=quotations(article))
        clock.lap(stage)
        stage = "attention"
        attention = article_attention(article, tools.vocabulary)
        clock.lap(stage)
        return Published(article, attention), clock.spent
    except Exception as error:
        return _failed(text.source_file, text.sha256, stage, error), clock.spent


def _failed(source_file: str, sha256: str, stage: str, error: Exception) -> InputOutcome:
    log.warning("%s: could not be processed (%s): %s", source_file, stage, error)
    return InputOutcome(source_file, sha256, "rejected",
                        reason=f"could not be processed ({stage}): {type(error).__name__}: {error}")
