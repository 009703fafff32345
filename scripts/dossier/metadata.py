"""Stage 5, metadata: who, what, when for each article.

What the text states is extracted by named extractors (a dateline, a byline, a source link, a headline
left in the original language); the curated YAML (`seeds/articles.yml`) supplies the English title and
summary and anything the text does not say, and overrides an extraction where a maintainer has checked it.
Every value records whether it came from the text or from curation.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .curation import load_yaml, validate
from .detect import detect_language
from .records import Article, Block, Field, Normalized, Translation

_OPTIONAL_TEXT = {"type": ["string", "null"], "minLength": 1}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["articles"],
    "properties": {
        "articles": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title_en", "summary_en"],
                "properties": {
                    "title_en": {"type": "string", "minLength": 1},
                    "summary_en": {"type": "string", "minLength": 1},
                    "publisher": _OPTIONAL_TEXT,
                    "author": _OPTIONAL_TEXT,
                    "published": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "original_url": {"type": ["string", "null"], "pattern": r"^https?://\S+$"},
                    "translated_from": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["language"],
                        "properties": {
                            "language": {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
                            "title": _OPTIONAL_TEXT,
                            "publisher": _OPTIONAL_TEXT,
                            "author": _OPTIONAL_TEXT,
                            "url": {"type": ["string", "null"], "pattern": r"^https?://\S+$"},
                        },
                    },
                },
            },
        }
    },
}


def load_curation(path: Path, source_names: set[str]) -> dict[str, dict]:
    """Curated metadata by source file name, validated; an entry for a file that is not there fails."""
    document = load_yaml(path)
    validate(document, SCHEMA)
    entries = document.data["articles"] or {}
    for name, entry in entries.items():
        if name not in source_names:
            raise document.error(["articles", name], "no such file under seeds/articles/")
        if entry.get("published"):
            try:
                datetime.date.fromisoformat(entry["published"])
            except ValueError:
                raise document.error(["articles", name, "published"], f"not a calendar date: {entry['published']}")
    return entries


def article_id(source_file: str) -> str:
    """A URL-safe id from the file name: stable as long as the file keeps its name."""
    stem = PurePosixPath(source_file).stem.lower()
    return re.sub(r"[^a-z0-9_-]+", "-", stem).strip("-") or "article"


@dataclass(frozen=True)
class Extracted:
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    original_url: str | None = None
    original_title_language: str | None = None


_DATELINE = re.compile(
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(.+?)"
    r"(?:\s+\d{4}年(?:第)?\d+期)?$"
)
_BYLINE = re.compile(r"^(?:文|作者|記者|记者|撰文|by|von|par|por)\s*[|｜:：]?\s*(\S.{0,38})$", re.I)
_SOURCE_LINK = re.compile(r"^(?:原文|原文链接|原文鏈接|source|original|quelle|fuente)\s*[:：]\s*(https?://\S+)$", re.I)
_PERSON_NAME_CJK = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def extract(blocks: tuple[Block, ...]) -> Extracted:
    """What the first blocks of an article state about itself."""
    found: dict[str, str | None] = {}
    head = blocks[:6]
    for n, block in enumerate(head):
        text = block.text.strip()
        dateline = _DATELINE.match(text)
        if dateline and "published" not in found:
            year, month, day, publisher = dateline.groups()
            try:
                found["published"] = datetime.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                continue
            found["publisher"] = publisher.strip()
            following = head[n + 1].text.strip() if n + 1 < len(head) else ""
            if _PERSON_NAME_CJK.match(following):
                found.setdefault("author", following)
            continue
        byline = _BYLINE.match(text)
        if byline and "author" not in found:
            found["author"] = byline.group(1).strip()
            continue
        source = _SOURCE_LINK.match(text)
        if source and "original_url" not in found:
            found["original_url"] = source.group(1)
    return Extracted(**found)


def _field(curated: dict, key: str, extracted_value) -> Field:
    if curated.get(key) is not None:
        return Field(curated[key], "curated")
    if extracted_value is not None:
        return Field(extracted_value, "text")
    return Field(None, "unknown")


def build_article(normalized: Normalized, curated: dict | None) -> Article:
    clean = normalized.detected.clean
    curated = curated or {}
    extracted = extract(clean.blocks)
    translated_from = None
    title_language = detect_language(clean.title) if clean.title else "und"
    base = normalized.detected.base_language
    title_in_other_language = title_language not in ("und", base) and len(clean.title) >= 20
    spec = curated.get("translated_from")
    if spec or title_in_other_language:
        spec = dict(spec or {"language": title_language})
        if title_in_other_language and spec["language"] == title_language:
            spec.setdefault("title", clean.title)  # the headline kept in the original's language
        translated_from = Translation(**spec)
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
    )
