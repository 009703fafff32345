"""The theme's navigation, rendered once for all the pages that are not in it.

Material renders the whole navigation into every page, marking the page's own entry: about a quarter of
the theme's time per page. Most of the dossier's pages (articles, older sources, the report's pages) are
not in the navigation, so nothing in it is marked, and it differs from one of them to the next only by
its links, which are relative to the page. `NavMemo` renders it once for each set of links.

The plugin puts `templates/theme/` in front of the theme (`theme_loader`): its `partials/nav.html` wraps
the theme's own, reached as `theme/partials/nav.html`, in `nav_once` (a `NavMemo`, one per build: MkDocs
makes a new environment for each).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

THEME_PREFIX = "theme"  # a dossier part reaches the theme's own file of its name as theme/<name>


def theme_loader(theme: BaseLoader | None, parts: Path) -> BaseLoader:
    """The theme's loader, with the dossier's parts (`parts`, templates/theme/) in front of it; a folder
    that does not exist adds nothing."""
    loaders = [FileSystemLoader(parts), *([theme, PrefixLoader({THEME_PREFIX: theme})] if theme else [])]
    return ChoiceLoader(loaders)


class NavMemo:
    """`nav_once(page, nav, homepage)` in a `{% call %}`: the navigation its block renders, rendered
    once for all the pages out of the navigation that link to the same places."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, ...], str] = {}

    def __call__(self, page: Page | None, nav: Navigation, homepage: object, caller: Callable[[], str]) -> str:
        if page is None or page in nav.pages:
            return caller()  # the page's own entry, and the sections above it, are marked
        links = nav_links(page, nav, str(homepage) if homepage else None)
        if links not in self.rendered:
            self.rendered[links] = caller()
        return self.rendered[links]


def nav_links(page: Page, nav: Navigation, homepage: str | None) -> tuple[str, ...]:
    """Every link of the navigation as it is written on `page` (relative to it): the home page's (the
    theme's `extra.homepage`, or the navigation's first page), then each entry's."""
    urls = [homepage or (nav.homepage.url if nav.homepage else ""), *_entry_urls(nav.items)]
    return tuple(normalize_url(url, page=page) for url in urls)


def _entry_urls(items: Iterable[StructureItem]) -> Iterator[str]:
    for item in items:
        if isinstance(item, Section):
            yield from _entry_urls(item.children)
        elif isinstance(item, (Page, Link)):
            yield item.url
