"""The theme's navigation, rendered once for all the pages out of it that link to the same places, is
the navigation each of those pages would have had; a page the navigation marks (its own entry, or the
section above it) gets its own."""

from __future__ import annotations

import pytest
import yaml
from jinja2 import FileSystemLoader
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Section, get_navigation

from conftest import ROOT
from dossier.nav_memo import NAV_PARTIALS, NavMemo, theme_loader

PARTS = ROOT / "templates" / "theme"
# How base.html includes the navigation: with its language module and features.
INCLUDE = '{% import "partials/language.html" as lang with context %}{% include name %}'


@pytest.fixture
def site(tmp_path):
    """`site(nav, out_of_nav, theme={}, parent=(), listed=())`: each page's navigation, as `{"memo": ...,
    "theme": ...}` (through `NavMemo`, and Material's own), and the memo. `parent`: pages out of the
    navigation that a plugin put under its first section (as Material's blog does its posts); `listed`:
    pages out of it that its first entry stands for (as a blog's index does for its later pages)."""

    def navigations(nav, out_of_nav, theme=None, parent=(), listed=()):
        docs = tmp_path / "docs"
        in_nav = [page for entry in nav for page in _pages(entry)]
        for page in [*in_nav, *out_of_nav]:
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page).write_text(f"# {page}\n", encoding="utf-8")
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
            "site_name": "Nav", "docs_dir": str(docs), "nav": nav, "not_in_nav": "\n".join(f"/{p}" for p in out_of_nav),
            "theme": {"name": "material", "font": False, "features": ["navigation.sections"], **(theme or {})},
        }), encoding="utf-8")
        config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
        files = get_files(config)
        site_nav = get_navigation(files, config)
        section = next(item for item in site_nav.items if isinstance(item, Section))
        site_nav.items[0].pages = [file.page for file in files.documentation_pages() if file.src_uri in listed]
        memo = NavMemo()
        env = config.theme.get_env()
        env.loader = theme_loader(env.loader, PARTS, None)
        env.globals["nav_once"] = memo
        template = env.from_string(INCLUDE)
        rendered = {"memo": {}, "theme": {}}
        for file in files.documentation_pages():
            page = file.page
            if file.src_uri in parent:
                page.parent = section
            page.active = True  # as MkDocs marks the page it renders
            context = {**get_context(site_nav, files, config, page), "features": config.theme.get("features", [])}
            for way, name in (("memo", "partials/nav.html"), ("theme", "theme/partials/nav.html")):
                rendered[way][page.url] = template.render(**context, name=name)
            page.active = False
        return rendered, memo

    return navigations


def _pages(entry):
    value = next(iter(entry.values())) if isinstance(entry, dict) else entry
    if isinstance(value, list):
        return [page for item in value for page in _pages(item)]
    return [] if value.startswith("https://") else [value]


SECTIONED = [{"Home": "index.md"}, {"Articles": "articles/index.md"},
             {"A section": [{"One": "section/one.md"}, {"Two": "section/two.md"}]}, {"Elsewhere": "https://example.org/"}]
# Pages out of SECTIONED, by the set of links the navigation has on them (relative to the page).
OUT_OF_SECTIONED = {
    "beside articles/": ["articles/a.md", "articles/b.md"],
    "two levels down, elsewhere": ["entities/c.md"],
    "three levels down": ["articles/b/zh-hant.md"],
    "one level down": ["report.md"],
}
FLAT = [{"Home": "index.md"}, {"About": "about.md"}, {"A section": [{"One": "section/one.md"}]}]


@pytest.mark.parametrize(("nav", "out_of_nav", "theme", "parent", "listed"), [
    (SECTIONED, [p for pages in OUT_OF_SECTIONED.values() for p in pages], None, (), ()),
    # The same navigation links from img/ and other/; the logo's differ.
    (FLAT, ["img/a.md", "other/b.md"], {"logo": "img/logo.png"}, (), ()),
    # Posts a plugin put under a section: it is marked on them.
    (FLAT, ["posts/a.md", "posts/b.md", "posts/c.md"], None, ("posts/a.md", "posts/b.md"), ()),
    # Later pages of an index: its entry stands for them.
    (FLAT, ["page/2.md", "page/3.md", "posts/c.md"], None, (), ("page/2.md", "page/3.md")),
], ids=["sections, links, pages at four depths", "a logo", "pages under a section out of the navigation",
        "pages an entry stands for"])
def test_each_page_has_the_navigation_the_theme_would_give_it(site, nav, out_of_nav, theme, parent, listed):
    rendered, _ = site(nav, out_of_nav, theme, parent, listed)
    assert rendered["memo"] == rendered["theme"]


def test_pages_out_of_the_navigation_with_the_same_links_share_one_rendering(site):
    rendered, memo = site(SECTIONED, [p for pages in OUT_OF_SECTIONED.values() for p in pages])
    assert len(memo.rendered) == len(OUT_OF_SECTIONED)  # pages in the navigation are never kept
    assert len([links for links in memo.rendered if "../articles/" in links]) == 1  # articles/a/ and b/
    assert "md-nav__link--active" in rendered["memo"]["section/one/"]  # its own entry marked
    assert "md-nav__link--active" not in rendered["memo"]["articles/a/"]
    assert 'href="../../section/one/"' in rendered["memo"]["articles/a/"]


@pytest.mark.parametrize("partial", NAV_PARTIALS)
def test_a_theme_folder_overriding_the_navigation_keeps_it_as_it_is(tmp_path, partial):
    (tmp_path / partial).parent.mkdir(parents=True)
    (tmp_path / partial).write_text("you are on {{ page.title }}", encoding="utf-8")
    theme = FileSystemLoader(tmp_path)
    assert theme_loader(theme, PARTS, str(tmp_path)) is theme
    assert theme_loader(theme, PARTS, str(tmp_path / "elsewhere")) is not theme


def test_a_missing_parts_folder_adds_nothing_and_the_theme_is_reached_under_its_prefix(tmp_path):
    (tmp_path / "base.html").write_text("base", encoding="utf-8")
    loader = theme_loader(FileSystemLoader(tmp_path), tmp_path / "missing", None)
    assert loader is not None and loader.list_templates() == ["base.html", "theme/base.html"]
