"""The reader's site on any screen, in either colour scheme, by keyboard: Playwright driving the system
Chromium against the founding fixture site served under a subpath (test_browser.py's fixtures), each
page failing on any request to another host or console error (a blocked inline script among them)."""

from __future__ import annotations

import pytest

from test_browser import ARTICLES, visit  # visit is a fixture

PAGES = {"home": "", "article": ARTICLES["000"], "profile": "entities/amazon/", "report": "report/",
         "about": "about/", "data": "data/", "catalogue": "catalogue/"}
PHONE, DESKTOP = 390, 1280


def opened(visit, path: str, width: int, scheme: str = "light"):
    visit.page.set_viewport_size({"width": width, "height": 844})
    visit.page.emulate_media(color_scheme=scheme)
    return visit.open(path)


@pytest.mark.parametrize("name", PAGES)
def test_no_page_is_wider_than_the_screen_and_its_skip_link_moves_focus_to_the_content(visit, name):
    """Each page in one tab, loaded at a desktop's width and at a phone's: never wider than the screen;
    at the desktop's, the first Tab reaches the skip link, which moves the focus to the content."""
    page = opened(visit, PAGES[name], DESKTOP)
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP
    assert page.locator("a.md-skip").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")
    page = opened(visit, PAGES[name], PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


def test_home_lists_every_article_with_its_english_title_language_and_date(visit, founding_site):
    page = opened(visit, "", PHONE)
    entries = page.locator(".article-list > li")
    assert entries.count() == len(founding_site.corpus["articles"])
    for index, article in enumerate(founding_site.corpus["articles"]):
        entry = entries.nth(index)
        assert entry.locator("h3 a").inner_text() == (article["title_en"] or article["title"])
        facts = entry.locator(".article-facts").inner_text()
        assert (article["published"] or "date not known") in facts
    holdings = page.inner_text(".holdings")
    assert f"It holds {len(founding_site.corpus['articles'])} articles in" in holdings


def test_home_titles_follow_the_chosen_chinese_script(visit):
    page = opened(visit, "", DESKTOP)
    traditional, simplified = "互聯網巨頭再次折戟醫療", "互联网巨头再次折戟医疗"  # article 000
    shown = page.locator(".original-title").all_inner_texts()
    assert traditional in shown and simplified not in shown
    page.evaluate("localStorage.setItem('dossier.script', 'zh-Hans')")
    page = visit.open("")
    shown = page.locator(".original-title").all_inner_texts()
    assert simplified in shown and traditional not in shown


def _scheme(page) -> tuple[str, str]:
    """The palette the page shows, and its background colour as drawn."""
    return (page.get_attribute("body", "data-md-color-scheme"),
            page.evaluate("getComputedStyle(document.body).backgroundColor"))


@pytest.mark.parametrize("name", ["home", "article", "report"])
def test_dark_mode_follows_the_system_setting(visit, name):
    """Light or dark as the system is set, on a first visit and on every later one."""
    light = _scheme(opened(visit, PAGES[name], DESKTOP, "light"))
    dark = _scheme(opened(visit, PAGES[name], DESKTOP, "dark"))
    assert light[0] == "default" and dark[0] == "slate"
    assert light[1] == "rgb(255, 255, 255)" and dark[1] != light[1]
    assert _scheme(opened(visit, PAGES[name], DESKTOP, "light")) == light


def test_dark_mode_toggle_switches_and_is_remembered(visit):
    """The toggle steps from the system's scheme to light, to dark; the choice holds on the next page
    whatever the system says."""
    page = opened(visit, "", PHONE, "dark")
    toggle = "form[data-md-component='palette'] label:visible"
    page.click(toggle)
    assert _scheme(page)[0] == "default"
    page = visit.open(PAGES["article"])
    assert _scheme(page)[0] == "default"
    page.click(toggle)
    assert _scheme(page)[0] == "slate"
    page = opened(visit, PAGES["report"], PHONE, "light")
    assert _scheme(page)[0] == "slate"


def test_status_colours_differ_by_scheme(visit):
    """The report's status colours are not one fixed colour that vanishes on the dark background."""
    colours = []
    for scheme in ("light", "dark"):
        page = opened(visit, "report/", DESKTOP, scheme)
        colours.append(page.evaluate(
            "getComputedStyle(document.body).getPropertyValue('--dossier-rejected').trim()"))
    assert colours[0] and colours[1] and colours[0] != colours[1]
