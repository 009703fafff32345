"""Article curation (`seeds/articles.yml`): what a maintainer wrote about each article, validated.

Every entry is optional. It supplies an English title and summary, corrects the automation for one
article (its headline, its publisher, author, date, original) where the text is silent or read wrongly,
and names lines of the source to drop or to keep. An entry for a file that is not there, a date that is
not a day of the calendar, or a line both dropped and kept fails with file, line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Required, TypedDict

from .curated_yaml import check_date, load_yaml, validate, value_at
from .records import BLOG_POST, NEWS_ARTICLE, ArticleKind
from .web_addresses import is_web_address


class TranslationCuration(TypedDict, total=False):
    """What an article translates, as curated (`records.Translation`'s fields)."""

    language: Required[str]
    title: str | None
    publisher: str | None
    author: str | None
    url: str | None
    published: str | None
    translator: str | None
    machine: bool


class ArticleCuration(TypedDict, total=False):
    """One article's curated entry, as SCHEMA admits it."""

    title: str
    title_en: str
    summary_en: str
    publisher: str | None
    author: str | None
    published: str | None
    retrieved: str | None
    kind: ArticleKind
    original_url: str | None
    translated_from: TranslationCuration
    drop_lines: list[str]
    keep_lines: list[str]


_OPTIONAL_TEXT = {"type": ["string", "null"], "minLength": 1}
_LINES = {"type": "array", "items": {"type": "string", "minLength": 1, "pattern": r"\S"}, "uniqueItems": True}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}\Z"}  # and a calendar date (load_curation)
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["articles"],
    "properties": {
        "articles": {
            "type": ["object", "null"],
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "title": {"type": "string", "minLength": 1, "pattern": r"\S"},
                    "title_en": {"type": "string", "minLength": 1},
                    "summary_en": {"type": "string", "minLength": 1},
                    "publisher": _OPTIONAL_TEXT,
                    "author": _OPTIONAL_TEXT,
                    "published": _DATE,
                    "retrieved": _DATE,
                    "kind": {"enum": [NEWS_ARTICLE, BLOG_POST]},
                    "original_url": {"type": ["string", "null"], "pattern": r"^https?://\S+\Z"},
                    "translated_from": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["language"],
                        "properties": {
                            "language": {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]+)*\Z"},
                            "title": _OPTIONAL_TEXT,
                            "publisher": _OPTIONAL_TEXT,
                            "author": _OPTIONAL_TEXT,
                            "url": {"type": ["string", "null"], "pattern": r"^https?://\S+\Z"},
                            "published": _DATE,
                            "translator": _OPTIONAL_TEXT,
                            "machine": {"type": "boolean"},
                        },
                    },
                    "drop_lines": _LINES,
                    "keep_lines": _LINES,
                },
            },
        }
    },
}


def load_curation(path: Path, source_names: set[str]) -> dict[str, ArticleCuration]:
    """Curated metadata by source file name, validated; an entry for a file that is not there fails,
    and so does a line a maintainer asks both to drop and to keep."""
    document = load_yaml(path)
    validate(document, SCHEMA)
    entries: dict[str, ArticleCuration] = document.data["articles"] or {}  # the shape SCHEMA checked
    for name, entry in entries.items():
        if name not in source_names:
            raise document.error(["articles", name], "no such file under seeds/articles/")
        for field_path in (["published"], ["retrieved"], ["translated_from", "published"]):
            check_date(document, ["articles", name, *field_path])
        for field_path in (["original_url"], ["translated_from", "url"]):
            address = value_at(entry, field_path)
            if address and not is_web_address(address):
                raise document.error(["articles", name, *field_path], f"not a web address: {address!r}")
        dropped = {line.strip() for line in entry.get("drop_lines", ())}
        for index, line in enumerate(entry.get("keep_lines", ())):
            if line.strip() in dropped:
                raise document.error(["articles", name, "keep_lines", index],
                                     f"also listed under drop_lines: {line.strip()!r}")
    return entries
