"""The theme's navigation, rendered once for all the pages out of it that link to the same places, is
the navigation each of those pages would have had; a page in the navigation gets its own (its entry
marked)."""

from __future__ import annotations

import yaml
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from conftest import ROOT
from dossier.nav_memo import NavMemo, theme_loader

NAV = [{"Home": "index.md"}, {"Articles": "articles/index.md"},
       {"A section": [{"One": "section/one.md"}, {"Two": "section/two.md"}]}, {"Elsewhere": "https://example.org/"}]
# Pages out of the navigation, by the set of links it has on them (relative to the page).
OUT_OF_NAV = {
    "beside articles/": ["articles/a.md", "articles/b.md"],
    "two levels down, elsewhere": ["entities/c.md"],
    "three levels down": ["articles/b/zh-hant.md"],
    "one level down": ["report.md"],
}
# How base.html includes the navigation: with its language module and features.
INCLUDE = '{% import "partials/language.html" as lang with context %}{% include name %}'


def navigations(tmp_path, name: str, memo: NavMemo) -> dict[str, str]:
    """Each page's navigation: the template `name` rendered in the theme's environment with the
    dossier's parts in front, as a build renders it into the page."""
    docs = tmp_path / "docs"
    for page in ["index.md", "articles/index.md", "section/one.md", "section/two.md",
                 *(p for pages in OUT_OF_NAV.values() for p in pages)]:
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text(f"# {page}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Nav", "docs_dir": str(docs), "nav": NAV, "theme": {"name": "material", "font": False, "features": ["navigation.sections"]},
        "not_in_nav": "\n".join(f"/{p}" for pages in OUT_OF_NAV.values() for p in pages),
    }), encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    nav = get_navigation(files, config)
    env = config.theme.get_env()
    env.loader = theme_loader(env.loader, ROOT / "templates" / "theme")
    env.globals["nav_once"] = memo
    template = env.from_string(INCLUDE)
    rendered = {}
    for file in files.documentation_pages():
        page = file.page
        page.active = True  # as MkDocs marks the page it renders
        context = get_context(nav, files, config, page)
        rendered[page.url] = template.render(**context, features=config.theme.get("features", []), name=name)
        page.active = False
    return rendered


def test_each_page_has_the_navigation_the_theme_would_give_it(tmp_path):
    memo = NavMemo()
    through_memo = navigations(tmp_path, "partials/nav.html", memo)
    theme_own = navigations(tmp_path, "theme/partials/nav.html", NavMemo())
    assert through_memo == theme_own
    assert 'md-nav__link--active' in through_memo["section/one/"]  # its own entry marked
    assert 'md-nav__link--active' not in through_memo["articles/a/"]
    assert 'href="../../section/one/"' in through_memo["articles/a/"]


def test_pages_out_of_the_navigation_with_the_same_links_share_one_rendering(tmp_path):
    memo = NavMemo()
    navigations(tmp_path, "partials/nav.html", memo)
    assert len(memo.rendered) == len(OUT_OF_NAV)  # pages in the navigation are never kept
    shared = [links for links in memo.rendered if "../articles/" in links]
    assert len(shared) == 1  # articles/a/ and articles/b/


def test_without_the_dossier_parts_the_theme_is_as_it_was(tmp_path):
    loader = theme_loader(None, tmp_path / "missing")
    assert loader.list_templates() == []
