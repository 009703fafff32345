"""Search as a reader meets it: Material's search box in Chromium, on the search fixture site served
under a subpath, answered by the dossier's worker. Every test fails on a request to another host or a
console error (browsing.checked)."""

from __future__ import annotations

import re
from urllib.parse import quote, urlparse

import pytest

from browsing import SEARCH_BOX, SUBPATH, Visit, checked, search_results
from conftest import SEARCH_HOSTILE_TITLE
from test_browser import ARTICLES
from test_search import FOUND, NAMED, entity_articles


@pytest.fixture(scope="module")
def search_tab(tabs, search_url):
    visit = tabs.open(search_url)
    yield visit
    visit.close()


@pytest.fixture
def searcher(search_tab):
    """One tab for the module's queries, typed one after another into its search box; each test fails on
    a request elsewhere, a console error or a dialog during its own queries."""
    yield from checked(search_tab, close=False)


@pytest.fixture
def visit(tabs, search_url):
    """A tab on the search fixture site, as a new one would be."""
    yield from checked(tabs.open(search_url))


def site_paths(requests) -> list[str]:
    """The paths the requests fetched, relative to the site's root."""
    return [urlparse(r.url).path.removeprefix(SUBPATH) for r in requests]


@pytest.fixture
def recorded(browser, search_url):
    """A tab in a fresh browser (nothing cached), with every request it makes (the worker's too) recorded
    in order."""
    visit = Visit.fresh(browser, search_url)
    visit.requests = []
    # A function of our own: Playwright tags each handler with an attribute, which a built-in method cannot take.
    visit.context.on("request", lambda request: visit.requests.append(request))  # noqa: PLW0108
    yield from checked(visit)


@pytest.mark.parametrize("query, entity", NAMED[:12])
def test_a_company_name_opens_its_profile_first(searcher, search_site, query, entity):
    results = search_results(searcher, query)
    assert results[0] == f"entities/{entity}/", results
    mentioning = entity_articles(search_site, entity)
    assert set(results[1:1 + len(mentioning)]) <= mentioning, results


@pytest.mark.parametrize("query, expected, rank", FOUND)
def test_the_search_box_finds_what_a_reader_expects(searcher, query, expected, rank):
    results = search_results(searcher, query)
    assert expected in results[:rank], results


def test_a_shared_link_opens_the_results(visit):
    page = visit.open("?q=JPMorgan")
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d+ matching")).wait_for()
    assert page.input_value(SEARCH_BOX) == "JPMorgan"
    first = page.locator(".md-search-result__item >> nth=0")
    assert first.locator("h1").inner_text().strip() == "JPMorgan Chase"
    assert urlparse(first.locator("a").first.get_attribute("href")).path == SUBPATH + "entities/jpmorgan/"


def test_typing_shows_results_as_material_does_and_enter_opens_the_first(recorded):
    page = recorded.open(ARTICLES["002"])
    page.click(SEARCH_BOX)
    page.keyboard.type("amazon pharm")  # a query per keystroke, as Material sends them
    first = page.locator(".md-search-result__item >> nth=0")
    first.locator("h1").filter(has_text="Amazon Pharmacy").wait_for()
    assert first.locator("mark").count() >= 1  # the words are highlighted, in Material's markup
    assert page.locator(".md-search-result__item").count() <= 10
    page.keyboard.press("Enter")
    page.wait_for_url("**/entities/amazon-pharmacy/")
    # What search fetched: the worker, its stemmers, the manifest, chunks and the pages shown; Material's
    # own index is an empty shell.
    paths = site_paths(recorded.requests)
    assert {"assets/javascripts/workers/dossier-search.js", "search/dossier/manifest.json"} <= set(paths)
    assert all(p == "search/search_index.json" or p.startswith("search/dossier/") for p in paths if p.startswith("search/"))


def test_titles_are_shown_as_text(visit):
    page = visit.open(f"?q={quote('markup in a title')}")
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d+ matching")).wait_for()
    titles = page.eval_on_selector_all(".md-search-result__article h1", "els => els.map(e => e.textContent)")
    assert SEARCH_HOSTILE_TITLE in titles
    assert page.locator(".md-search-result img, .md-search-result b, .md-search-result script").count() == 0


def test_queries_that_look_like_syntax_answer_without_error(searcher):
    for query in ["care^1 care", "+amazon -care", "amazon*", "title:amazon", "a.*b", "(", "\\", "~2",
                  "<img src=x onerror=alert(1)>", "x" * 3000]:
        results = search_results(searcher, query)
        assert isinstance(results, list)
    # checked: no console error, no dialog, no request elsewhere


def test_a_query_fetches_little_once_the_page_has_loaded(browser, search_url):
    """Typed once the home page has loaded, in a fresh browser: the first results show, having fetched
    only a few chunks of the index and the pages shown (`make bench` measures the time, at 100 to
    10,000 articles; here the bound only catches a hang, whatever else loads the machine). The three
    queries go on in three fresh browsers at once, so that they wait for their second batch together."""
    queries = ["Amazon Care", "telehealth", "亚马逊"]
    contexts = [browser.new_context() for _ in queries]
    try:
        fetched: dict[str, list] = {}
        for query, context in zip(queries, contexts, strict=True):
            page = context.new_page()
            page.goto(search_url, wait_until="load")
            page.locator(SEARCH_BOX).click()
            fetched[query] = after = []
            # A function of our own, as above (a built-in method cannot take Playwright's tag).
            context.on("requestfinished", lambda request, after=after: after.append(request))
            page.fill(SEARCH_BOX, query)
            page.dispatch_event(SEARCH_BOX, "keyup")
        for context in contexts:
            context.pages[0].locator(".md-search-result__item").first.wait_for(timeout=15_000)
        contexts[-1].pages[0].wait_for_timeout(500)  # the second batch of results (up to 50), in every browser
        for query, after in fetched.items():
            paths = site_paths(after)
            chunks = [p for p in paths if p.startswith("search/dossier/c/")]
            pages = [p for p in paths if p.startswith("search/dossier/f/")]
            others = [p for p in paths if p not in chunks + pages and not p.startswith("assets/javascripts/workers/")
                      and p not in ("search/dossier/manifest.json", "search/search_index.json", "assets/images/favicon.png")]
            assert len(chunks) <= 4 and len(pages) <= 50 and not others, (query, paths)
            size = sum(r.sizes()["responseBodySize"] for r in after)
            assert size < 200_000, (query, size)
    finally:
        for context in contexts:
            context.close()
