"""The site's data files (`data/*.json`): the corpus, the build report and the profiles, for readers
who want the dossier as data. Their fields are the files' format: a change here is a change for them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TypedDict

import orjson

from .records import Article, AttentionItem, InputOutcome
from .registry import Entity
from .urls import article_url, entity_url, rendition_url


class RemovalEntry(TypedDict):
    rule: str
    chars: int
    line_start: int
    line_end: int


class RepairEntry(TypedDict):
    rule: str
    chars: int
    line: int


class CorpusEntry(TypedDict):
    id: str
    source_file: str
    sha256: str
    language: str
    title: str
    title_en: str
    summary_en: str
    publisher: str | None
    author: str | None
    published: str | None
    original_url: str | None
    translated_from: dict[str, str | bool | None] | None
    url: str
    variants: dict[str, str]
    entities: list[str]
    encoding: str
    kept_chars: int
    removed: list[RemovalEntry]
    repaired: list[RepairEntry]


class OutcomeEntry(TypedDict):
    source_file: str
    sha256: str | None
    status: str
    article: str | None
    duplicate_of: str | None
    reason: str | None


class AttentionEntry(TypedDict):
    kind: str
    source_file: str | None
    article: str | None
    detail: str
    count: int


class EntityEntry(TypedDict):
    id: str
    type: str
    name: str
    names: dict[str, str]
    aliases: list[str]
    url: str
    articles: list[str]
    mentions: int
    description: str


def to_json(value: object) -> str:
    """A data file's text: UTF-8 as itself, indented for a reader; the bytes of
    `json.dumps(value, ensure_ascii=False, indent=2) + "\\n"`, made by orjson (the standard library
    writes an indented file in pure Python). The same for the values data files hold: strings, lists,
    dicts with string keys, integers, booleans, None. orjson writes a float otherwise and refuses other
    keys (test_site checks every data file against json.dumps)."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")


def variants(article: Article) -> dict[str, str]:
    """Rendition language -> its URL, for an article shown in more than one script; else empty."""
    renditions = article.normalized.renditions
    return {r.language: rendition_url(article, r) for r in renditions} if len(renditions) > 1 else {}


def corpus_entry(article: Article) -> CorpusEntry:
    clean = article.clean
    translated = article.translated_from
    return {
        "id": article.id,
        "source_file": clean.source_file,
        "sha256": clean.sha256,
        "language": article.language,
        "title": clean.title,
        "title_en": article.title_en,
        "summary_en": article.summary_en,
        "publisher": article.publisher.value,
        "author": article.author.value,
        "published": article.published.value,
        "original_url": article.original_url.value,
        "translated_from": translated.__dict__ if translated else None,
        "url": article_url(article),
        "variants": variants(article),
        "entities": list(article.entities),
        "encoding": clean.encoding,
        "kept_chars": clean.kept_chars,
        "removed": [
            {"rule": r.rule, "chars": r.chars, "line_start": r.line_start, "line_end": r.line_end}
            for r in clean.removals
        ],
        "repaired": [{"rule": r.rule, "chars": r.chars, "line": r.line} for r in clean.repairs],
    }


def outcome_entry(outcome: InputOutcome) -> OutcomeEntry:
    return {
        "source_file": outcome.source_file,
        "sha256": outcome.sha256,
        "status": outcome.status,
        "article": outcome.article,
        "duplicate_of": outcome.duplicate_of,
        "reason": outcome.reason,
    }


def attention_entry(item: AttentionItem) -> AttentionEntry:
    return {"kind": item.kind, "source_file": item.source_file, "article": item.article, "detail": item.detail,
            "count": item.count}


def entity_entries(registry: Iterable[Entity], articles: list[Article], mentions: Counter[str]) -> list[EntityEntry]:
    mentioned_in: defaultdict[str, list[str]] = defaultdict(list)
    for article in articles:
        for entity_id in article.entities:
            mentioned_in[entity_id].append(article.id)
    return [
        {
            "id": entity.id,
            "type": entity.type,
            "name": entity.name,
            "names": {language: names[0] for language, names in entity.names.items()},
            "aliases": [form for form in entity.surface_forms if form != entity.name],
            "url": entity_url(entity.id),
            "articles": sorted(mentioned_in[entity.id]),
            "mentions": mentions[entity.id],
            "description": entity.description,
        }
        for entity in registry
    ]
