"""The reader's site in a real browser: Playwright driving the system Chromium against built sites
served under a subpath (as GitHub Pages serves it), with no request to any other host.

The reader's features (search, script choice, timeline, graph, citation) are checked on the founding
fixture site, whose articles are known; the real site (whatever `seeds/` holds) is checked for what
holds for any corpus: every kind of page loads with no error and no request elsewhere."""

from __future__ import annotations

import re

import pytest
import yaml

from browsing import checked, search_results, served
from conftest import UNCURATED_TEXT, build_project, names_only_registry

ARTICLES = {"000": "articles/000_8c560dd54438cdbd/", "001": "articles/001_05f2a6e073801e21/",
            "002": "articles/002_28d1916b4c7a27ba/", "003": "articles/003_19718d29d283a864/",
            "004": "articles/004_dd2d94cc94ac1fc7/"}


@pytest.fixture
def visit(tabs, founding_url):
    """A tab on the founding site, as a new one would be; the test fails on any request elsewhere, console error or dialog."""
    yield from checked(tabs.open(founding_url))


@pytest.fixture(scope="module")
def search_tab(tabs, founding_url):
    visit = tabs.open(founding_url)
    yield visit
    visit.close()


@pytest.fixture
def searcher(search_tab):
    """One tab on the founding site for the module's queries, typed one after another into its search box;
    each test fails on a request elsewhere, a console error or a dialog during its own queries."""
    yield from checked(search_tab, close=False)


@pytest.fixture
def real_visit(tabs, real_url):
    """A tab on the real site, as a new one would be; the test fails on any request elsewhere, console error or dialog."""
    yield from checked(tabs.open(real_url))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("亚马逊", ARTICLES["000"]),  # Simplified query, Traditional article
        ("亞馬遜", ARTICLES["001"]),  # Traditional query, Simplified article
        ("朱顺炎", ARTICLES["003"]),  # a person's name, written Traditional in the article
        ("关爱", ARTICLES["001"]),  # the end of 亚马逊关爱: substrings match
        ("马逊", ARTICLES["001"]),  # the middle of 亚马逊
        ("Gesundheitsdienste", ARTICLES["002"]),  # the text has Gesundheitsdiensten
        ("Entscheidungen", ARTICLES["002"]),  # plural query, singular text: stemmed
        ("infirmières", ARTICLES["004"]),
        ("infirmieres", ARTICLES["004"]),  # accents folded
        ("PillPack", "entities/pillpack/"),
    ],
)
def test_search_finds_text_across_languages_and_scripts(searcher, query, expected):
    results = search_results(searcher, query)
    assert expected in results, f"{query}: {results}"


def test_search_does_not_find_what_is_not_there(searcher):
    assert ARTICLES["002"] not in search_results(searcher, "阿里健康")


def test_script_choice_switches_and_is_remembered(visit):
    page = visit.open(ARTICLES["000"])
    assert page.inner_text("h1").strip() == "互聯網巨頭再次折戟醫療"
    page.click(".script-switch a[data-script-choice='zh-Hans']")
    page.wait_for_url("**/zh-hans/")
    assert page.inner_text("h1").strip() == "互联网巨头再次折戟医疗"
    assert page.evaluate("localStorage.getItem('dossier.script')") == "zh-Hans"
    # Another Traditional article opens in Simplified straight away.
    page = visit.open(ARTICLES["003"])
    page.wait_for_url("**/003_19718d29d283a864/zh-hans/")
    assert page.inner_text("h1").strip() == "阿里健康谋局"
    # Profiles show their quotes in the chosen script.
    page = visit.open("entities/ali-health/")
    assert page.is_visible("q [data-script-version='zh-Hans'] >> nth=0")
    assert not page.is_visible("q [data-script-version='zh-Hant'] >> nth=0")
    # Back to Traditional: a Simplified original now opens in Traditional.
    page.click(".script-switch button[data-script-choice='zh-Hant']")
    assert page.is_visible("q [data-script-version='zh-Hant'] >> nth=0")
    page = visit.open(ARTICLES["001"])
    page.wait_for_url("**/001_05f2a6e073801e21/zh-hant/")
    assert "藥丸包" in page.inner_text(".article-text")


def test_script_choice_never_shows_the_other_script_first(visit):
    visit.open(ARTICLES["000"])
    visit.page.evaluate("localStorage.setItem('dossier.script', 'zh-Hans')")
    drawn = []

    def draw(frame):
        drawn.append(frame.url)

    visit.page.on("framenavigated", draw)
    try:
        page = visit.open(ARTICLES["003"])
        page.wait_for_url("**/zh-hans/")
    finally:
        visit.page.remove_listener("framenavigated", draw)  # the tab goes on to the next test
    # The Traditional page was hidden before its first paint and replaced; only the Simplified one shows.
    assert page.evaluate("getComputedStyle(document.documentElement).visibility") == "visible"
    assert drawn[-1].endswith("/zh-hans/")


def test_timeline_shows_labelled_linked_marks(visit):
    page = visit.open("timeline/")
    labels = page.eval_on_selector_all("svg.timeline a text", "els => els.map(e => e.textContent)")
    assert any("Amazon Care: closed" in label for label in labels)
    assert any(label.startswith("2020-04-29") and "Ali Health" in label for label in labels)
    assert page.eval_on_selector_all("svg.timeline circle", "els => els.length") == len(labels)
    page.click("svg.timeline a:has-text('Haven: founded')")
    page.wait_for_url("**/entities/haven/")


def test_graph_shows_labelled_nodes_and_edges(visit):
    page = visit.open("graph/")
    nodes = page.eval_on_selector_all("svg.graph a.node text", "els => els.map(e => e.textContent)")
    edges = page.eval_on_selector_all("svg.graph .edge text", "els => els.map(e => e.textContent)")
    assert {"Amazon", "PillPack", "Haven", "Alibaba Health"} <= set(nodes)
    assert {"acquired by", "joint venture of", "partner", "parent"} <= set(edges)
    box = page.locator("svg.graph").bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    page.click("svg.graph a.node:has-text('PillPack')")
    page.wait_for_url("**/entities/pillpack/")


def test_citation_names_the_page_by_its_address(visit):
    page = visit.open(ARTICLES["003"])
    text = page.inner_text(".citation-text code")
    assert "韓璐" in text and "21世紀商業評論" in text
    assert visit.base + ARTICLES["003"] in text
    assert page.locator(".cite-box button[data-md-type='copy']").count() == 2  # Material's copy buttons
    assert visit.base + ARTICLES["003"] in page.inner_text(".citation-bibtex code")
    # An address with a percent-encoded part (a page whose id is not ASCII): in BibTeX's note, where \url
    # is typeset inside another command, its % is escaped; the plain citation keeps the address as it is.
    encoded = ARTICLES["003"].replace("_", "%5F", 1)
    page = visit.open(encoded)
    assert visit.base + encoded in page.inner_text(".citation-text code")
    assert "\\url{" + visit.base + encoded.replace("%", "\\%") + "}" in page.inner_text(".citation-bibtex code")


PAGES = ["", "entities/", "data/", "report/", "about/", "timeline/", "graph/"]


def test_pages_load_without_errors_or_foreign_requests(visit):
    """One after another in one tab (`checked` fails the test on an error or a request elsewhere on any)."""
    for path in [*PAGES, ARTICLES["002"], ARTICLES["003"] + "zh-hans/", "entities/amazon/", "articles/uncurated-en/"]:
        page = visit.open(path)
        assert page.title(), path


def sample_pages(site) -> list[str]:
    """Every kind of page of a site: the fixed pages, one article per language with its script variants,
    and the profiles of the entities the articles mention most and least."""
    paths = list(PAGES)
    first_of_language = {}
    for article in site.corpus["articles"]:
        first_of_language.setdefault(article["language"], article)
    for article in first_of_language.values():
        paths += sorted(set(article["variants"].values()) | {article["url"]})
    linked = sorted((e for e in site.entities["entities"] if e["articles"]), key=lambda e: (-len(e["articles"]), e["id"]))
    paths += sorted({linked[0]["url"], linked[-1]["url"]} if linked else set())
    return paths


def test_every_kind_of_real_page_loads_without_errors_or_foreign_requests(real_visit, real_site):
    for path in sample_pages(real_site):
        page = real_visit.open(path)
        assert page.title(), path
        assert page.locator("h1").count() >= 1, path


# --- the Content-Security-Policy, and hostile text in a real browser ------------------------------------


def test_policy_is_enforced_and_its_violations_are_seen(tabs, founding_url):
    """Every page carries the policy; a script it does not allow neither runs nor goes unreported (so a
    clean console in the other tests means that nothing the site needs was blocked)."""
    visit = tabs.open(founding_url)
    try:
        page = visit.open(ARTICLES["003"])
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        scripts = re.search(r"script-src ([^;]*)", policy)[1].split()
        assert scripts[0] == "'self'" and scripts[1:] and all(s.startswith("'sha256-") for s in scripts[1:])
        assert {"default-src 'self'", "style-src 'self'", "font-src 'self'", "worker-src 'self'",
                "connect-src 'self'"} <= {part.strip() for part in policy.split(";")}
        with page.expect_console_message(lambda message: message.text.startswith("CSP violation: script-src")):
            page.evaluate("""() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }""")
        assert page.evaluate("window.injected") is None
    finally:
        visit.close()


def test_copy_button_copies_the_citation(visit):
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit.open(ARTICLES["003"])
    page.hover(".citation-text")
    page.click(".citation-text button[data-md-type='copy']")
    page.locator(".md-dialog").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "韓璐" in copied and visit.base + ARTICLES["003"] in copied


HOSTILE_TITLE = "AT&T <b>Amazon</b> Care <img src=x onerror=alert(1)> <img src=https://evil.example/t.png> 😀 𠮷"
HOSTILE_ENTITY = 'Evil <img src=x onerror=alert(2)> "Co" 😀'
HOSTILE_DESCRIPTION = '"><svg onload=alert(3)> <script>alert(4)</script> {{ config }} 𠮷'
HOSTILE_SUMMARY = "'><svg onload=alert(5)> & </title><script>alert(6)</script>"
HOSTILE_PUBLISHER = "Example {dossier page} Wire"  # the words the citation's own placeholder is made of


@pytest.fixture(scope="module")
def hostile_base_url(tmp_path_factory, tabs):
    """A site whose article title, summary, entity name and description are markup and script."""
    root = tmp_path_factory.mktemp("hostile-browser")
    registry = yaml.safe_load(names_only_registry())
    registry["entities"]["evil"] = {
        "type": "company", "name": HOSTILE_ENTITY, "description": HOSTILE_DESCRIPTION,
        "names": {"en": [HOSTILE_ENTITY]},
        "events": [{"date": "2021", "type": "<b>founded</b>", "description": "<img src=x onerror=alert(7)>",
                    "sources": ["hostile.txt"]}],
        "relations": [{"type": "partner", "target": "amazon", "sources": ["hostile.txt"]}],
    }
    curation = {"articles": {"hostile.txt": {"title_en": "<img src=x onerror=alert(8)>", "summary_en": HOSTILE_SUMMARY,
                                             "publisher": HOSTILE_PUBLISHER}}}
    body = UNCURATED_TEXT.split("\n", 1)[1].replace("Amazon said", f"{HOSTILE_ENTITY} and Amazon said", 1)
    site = build_project(root, {"hostile.txt": f"{HOSTILE_TITLE}\n{body}".encode()},
                         yaml.safe_dump(curation, allow_unicode=True), yaml.safe_dump(registry, allow_unicode=True))
    with served(site.site) as url:
        yield url
    tabs.forget(url)


@pytest.fixture
def hostile_visit(tabs, hostile_base_url):
    """A tab on the hostile site; the test fails on a dialog, a request elsewhere or a console error."""
    yield from checked(tabs.open(hostile_base_url))


def test_hostile_title_and_entity_name_are_shown_as_text(hostile_visit):
    """Escaped once, never twice: the text itself in the tab, the header, the page, the home list, the
    graph and the search results; and nothing of it runs or loads."""
    page = hostile_visit.open("articles/hostile/")
    assert page.title() == f"{HOSTILE_TITLE} - Big Tech in Health"
    assert page.inner_text("[data-md-component=header-topic]").strip() == HOSTILE_TITLE
    assert page.inner_text("h1").strip() == HOSTILE_TITLE
    assert page.get_attribute('meta[name="description"]', "content") == HOSTILE_SUMMARY
    assert page.inner_text(".summary-en").strip() == HOSTILE_SUMMARY
    assert HOSTILE_ENTITY in page.eval_on_selector_all("a.entity", "links => links.map(a => a.textContent)")
    # The page's address written over the citations' own placeholder, the publisher's same words kept.
    text, bibtex = page.inner_text(".citation-text code"), page.inner_text(".citation-bibtex code")
    assert HOSTILE_PUBLISHER in text and r"Example \textbraceleft{}dossier page\textbraceright{} Wire" in bibtex, (text, bibtex)
    assert text.count(hostile_visit.base + "articles/hostile/") == bibtex.count(hostile_visit.base) == 1

    page = hostile_visit.open("entities/evil/")
    assert page.title() == f"{HOSTILE_ENTITY} - Big Tech in Health"
    assert page.inner_text("[data-md-component=header-topic]").strip() == HOSTILE_ENTITY
    assert page.inner_text("h1").strip() == HOSTILE_ENTITY
    assert page.get_attribute('meta[name="description"]', "content") == HOSTILE_DESCRIPTION

    page = hostile_visit.open("")
    assert HOSTILE_TITLE in page.eval_on_selector_all(".article-list a", "links => links.map(a => a.textContent)")
    page = hostile_visit.open("graph/")
    assert HOSTILE_ENTITY in page.eval_on_selector_all("svg.graph a.node text", "els => els.map(e => e.textContent)")
    for path in ("timeline/", "report/", "entities/"):
        hostile_visit.open(path)

    assert "articles/hostile/" in search_results(hostile_visit, "Amazon")
    titles = hostile_visit.page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)")
    assert HOSTILE_TITLE in titles, titles
