"""Stage 5, metadata: who, what, when for each article.

What the text states is extracted from the page's own datelines, bylines, masthead and copyright lines
(`page_facts`, on the zones of `page_layout`). The curated YAML (`seeds/articles.yml`, loaded by
`article_curation`) is optional for every article: it supplies an English title and summary where a
maintainer wrote them, and corrects the automation for one article (its headline, its publisher, author,
date, original) where the text is silent or read wrongly. Every value records whether it came from the
text or from curation.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from .article_curation import ArticleCuration, TranslationCuration
from .article_ids import article_id
from .chinese import convert
from .detect import headline_language
from .page_facts import extract
from .records import NEWS_ARTICLE, Article, Field, Normalized, Translation
from .thresholds import METADATA

# The facts both the text and curation may give.
FactKey = Literal["publisher", "author", "published", "original_url"]


def _field(curated: ArticleCuration, key: FactKey, extracted_value: str | None) -> Field:
    if curated.get(key) is not None:
        return Field(curated[key], "curated")
    if extracted_value is not None:
        return Field(extracted_value, "text")
    return Field(None, "unknown")


def build_article(normalized: Normalized, curated: ArticleCuration | None) -> Article:
    """The article: the facts its text states, under whatever a maintainer curated for it (optional)."""
    clean = normalized.detected.clean
    curated = curated or {}
    extracted = extract(clean, normalized.detected.language)
    translated_from = None
    base = normalized.detected.base_language
    # A headline too short to tell another language by is not asked about.
    long_title = len(clean.title) >= METADATA.foreign_title_min_chars
    title_language = headline_language(clean.title, base) if long_title else "und"
    title_in_other_language = title_language not in ("und", base)
    curated_spec = curated.get("translated_from")
    if curated_spec or title_in_other_language:
        spec: TranslationCuration = curated_spec.copy() if curated_spec else {"language": title_language}
        if title_in_other_language and spec["language"] == title_language:
            spec.setdefault("title", clean.title)  # the headline kept in the original's language
        translated_from = Translation(**spec)
    if curated.get("title"):
        normalized = with_title(normalized, curated["title"].strip())
    return Article(
        id=article_id(clean.source_file),
        normalized=normalized,
        title_en=curated.get("title_en") or "",
        summary_en=curated.get("summary_en") or "",
        publisher=_field(curated, "publisher", extracted.publisher),
        author=_field(curated, "author", extracted.author),
        published=_field(curated, "published", extracted.published),
        original_url=_field(curated, "original_url", extracted.original_url),
        translated_from=translated_from,
        kind=curated.get("kind", NEWS_ARTICLE),
        retrieved=curated.get("retrieved"),
    )


def with_title(normalized: Normalized, title: str) -> Normalized:
    """`normalized` under a curated headline: the clean text and the source's own rendition carry it as
    written, a converted rendition (the other Chinese script) carries its OpenCC conversion."""
    clean = replace(normalized.detected.clean, title=title)
    detected = replace(normalized.detected, clean=clean)
    renditions = tuple(
        replace(rendition, title=convert(title, rendition.language) if rendition.converted else title)
        for rendition in normalized.renditions
    )
    return Normalized(detected, renditions)
