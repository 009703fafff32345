"""The site's URLs: relative to the site root, directory style, so the site works under any subpath."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache

from .records import Article, Rendition


def article_url(article: Article) -> str:
    return f"articles/{article.id}/"


def rendition_url(article: Article, rendition: Rendition) -> str:
    if not rendition.converted:
        return article_url(article)
    return f"{article_url(article)}{rendition.language.lower()}/"


def removed_url(article: Article) -> str:
    """The cleaning report: a section at the end of the article's canonical page."""
    return f"{article_url(article)}#removed"


def catalogue_url(page: int) -> str:
    """A page of the catalogue (every article, newest first), numbered from 1. Outside `articles/`, where
    any name could be an article's id."""
    return "catalogue/" if page == 1 else f"catalogue/{page}/"


def entity_url(entity_id: str) -> str:
    return f"entities/{entity_id}/"


def sources_url(entity_id: str, page: int) -> str:
    """A page of a profile's older sources (what the articles its profile has no room for say)."""
    return f"{entity_url(entity_id)}sources/" if page == 1 else f"{entity_url(entity_id)}sources/{page}/"


def href_from(page_url: str) -> Callable[[str], str]:
    """The templates' `href`: a site-root relative URL as seen from the page at `page_url`."""
    return lambda to: relative(page_url, to)


@lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """The href that leads from the page at `from_url` to `to_url` (both site-root relative)."""
    path, hash_, fragment = to_url.partition("#")
    target = posixpath.relpath(path or ".", from_url or ".")
    if target == ".":
        target = "./"
    elif path.endswith("/") or not path:
        target += "/"
    return target + hash_ + fragment


def report_url(page: int) -> str:
    """A page of the build report's list of inputs, numbered from 1 (the first is the report itself)."""
    return "report/" if page == 1 else f"report/{page}/"


def attention_url(page: int) -> str:
    """A page of the build report's needs-attention list, numbered from 1."""
    return "report/attention/" if page == 1 else f"report/attention/{page}/"
