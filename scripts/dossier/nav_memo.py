"""The theme's navigation, rendered once for all the pages that are not in it.

Material renders the whole navigation into every page, marking the page's own entry: about a quarter of
the theme's time per page. Most of the dossier's pages (articles, older sources, the report's pages) are
not in the navigation, so nothing in it is marked, and it differs from one of them to the next only by
its links, which are relative to the page. `NavMemo` renders it once for each set of links.

The plugin puts `templates/theme/` in front of the theme (`theme_loader`): its `partials/nav.html` wraps
the theme's own, reached as `theme/partials/nav.html`, in `nav_once` (a `NavMemo`, one per build: MkDocs
makes a new environment for each). Only Material's own navigation is known to depend on the page through
nothing else: a theme folder (`custom_dir`) that overrides one of its partials keeps the theme's
navigation as it is (`NAV_PARTIALS`).
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
# Material's navigation and the partials it renders for a page that is not in it.
NAV_PARTIALS = ("partials/nav.html", "partials/nav-item.html", "partials/logo.html", "partials/source.html")


def theme_loader(theme: BaseLoader | None, parts: Path, custom_dir: str | None) -> BaseLoader | None:
    """The theme's loader, with the dossier's parts (`parts`, templates/theme/) in front of it; a folder
    that does not exist adds nothing. The theme's loader as it is when `custom_dir` overrides one of
    `NAV_PARTIALS` (its navigation may show what `NavMemo` does not key on)."""
    if theme is None or (custom_dir and any((Path(custom_dir) / name).exists() for name in NAV_PARTIALS)):
        return theme
    return ChoiceLoader([FileSystemLoader(parts), theme, PrefixLoader({THEME_PREFIX: theme})])


class NavMemo:
    """`nav_once(page, nav, homepage, logo)` in a `{% call %}`: the navigation its block renders,
    rendered once for all the pages that are out of the navigation and link to the same places."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, ...], str] = {}

    def __call__(self, page: Page | None, nav: Navigation, homepage: object, logo: object,
                 caller: Callable[[], str]) -> str:
        if page is None or not marks_nothing(page, nav):
            return caller()
        links = nav_links(page, nav, str(homepage) if homepage else None, str(logo) if logo else None)
        if links not in self.rendered:
            self.rendered[links] = caller()
        return self.rendered[links]


def marks_nothing(page: Page, nav: Navigation) -> bool:
    """Whether the navigation marks nothing on `page`: the page is not in it, has no section above it
    (a plugin may give a page out of the navigation one, as Material's blog does its posts), and no entry
    stands for it (as a blog's index does for its later pages)."""
    return (page.parent is None and page not in nav.pages
            and not any(page in getattr(item, "pages", ()) for item in _entries(nav.items)))


def nav_links(page: Page, nav: Navigation, homepage: str | None, logo: str | None) -> tuple[str, ...]:
    """Every link of the navigation as it is written on `page` (relative to it): the home page's (the
    theme's `extra.homepage`, or the navigation's first page), the logo's, then each entry's."""
    urls = [homepage or (nav.homepage.url if nav.homepage else ""), logo or "",
            *(item.url for item in _entries(nav.items) if isinstance(item, (Page, Link)))]
    return tuple(normalize_url(url, page=page) for url in urls)


def _entries(items: Iterable[StructureItem]) -> Iterator[StructureItem]:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _entries(item.children)
