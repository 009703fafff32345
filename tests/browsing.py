"""The browser tests' tools: a built site served under a subpath (as GitHub Pages serves it), the system
Chromium driven by Playwright, and a visit that records every request to another host, every console
error (a violation of the Content-Security-Policy among them) and every dialog a script opens.

One Chromium serves the whole session, and one browser context each served site: a test opens a tab
in it, so its HTTP cache stays warm from test to test (the machine takes seconds to load a cold page),
while each tab starts with the site's storage empty (the reader's script and colour choices live there).
A tab a test is done with is reset and handed to the next test on the same site: its storage emptied,
its screen size and colour scheme as a new tab's, on a blank page, nothing recorded (a new tab costs
about half a second more: its first page loads in a new renderer process). A test that watches what is
fetched opens a fresh context instead. A test that adds to a tab (a listener, a route) takes it off
before it ends: the tab goes on to the next test."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

# A browser elsewhere (macOS, another distribution, a CI image): CHROMIUM=/path/to/chrome. Chromium's
# headless shell first, which Playwright itself runs headless by default: the same engine as the full
# browser, without its windowing, at about half its CPU time for these tests (26 s against 48 s).
CHROMIUM = os.environ.get("CHROMIUM") or next(
    filter(None, map(shutil.which, ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"))),
    "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGUMENTS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                      "--no-first-run", "--disable-sync", "--disable-quic"]
SUBPATH = "/big-tech-in-health/"

# Runs before the page's own scripts: a CSP violation becomes a console error, which fails the test.
REPORT_VIOLATIONS = ("document.addEventListener('securitypolicyviolation', e =>"
                     " console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))")
# A tab's first page finds the site's storage empty, as a new reader's would be; its later pages keep
# what the reader chose (sessionStorage lives as long as the tab).
FORGET_THE_LAST_READER = ("if (!sessionStorage.getItem('test.tab-opened')) {"
                          " localStorage.clear(); sessionStorage.setItem('test.tab-opened', '1'); }")
RESET_MS = 5_000  # a tab whose page does not answer within this is closed, not handed to the next test
SEARCH_BOX = "input.md-search__input"
SEARCH_META = ".md-search-result__meta"
SEARCH_PLACEHOLDER = "Type to start searching"  # Material's results line while the box is empty


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection mid-response (a page left before its last fetch) is not
        an error of the site: no traceback in the test log."""


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """`site` at http://127.0.0.1:<port>/big-tech-in-health/."""
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / SUBPATH.strip("/")).symlink_to(site, target_is_directory=True)
        server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
        finally:
            server.shutdown()
            server.server_close()


class Visit:
    """A tab on a served site, recording requests to other hosts, console errors and dialogs. `idle`: where
    the tab goes, reset, once the test is done with it (None: it is closed)."""

    def __init__(self, context: BrowserContext, base_url: str, *, owns_context: bool = False,
                 idle: list[Visit] | None = None):
        self.context = context
        self.owns_context = owns_context
        self.idle = idle
        self.page: Page = context.new_page()
        self.screen = self.page.viewport_size
        self.base = base_url
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        host = urlparse(base_url).netloc
        self.page.on("request", lambda r: urlparse(r.url).netloc != host and self.foreign.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.add_init_script(REPORT_VIOLATIONS)
        self.page.add_init_script(FORGET_THE_LAST_READER)

    @classmethod
    def fresh(cls, browser: Browser, base_url: str) -> Visit:
        """A tab in a context of its own: an empty cache, as on a reader's first visit."""
        return cls(browser.new_context(), base_url, owns_context=True)

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return self.page

    def forget(self) -> None:
        """Forget what was recorded so far (a tab kept across tests starts each test clean)."""
        self.foreign.clear()
        self.errors.clear()
        self.dialogs.clear()

    def close(self) -> None:
        if self.owns_context:
            self.page.close()
            self.context.close()
            return
        self.context.clear_permissions()
        if self.idle is not None and self not in self.idle and self._reset():
            self.idle.append(self)
        else:
            self.page.close()

    def _reset(self) -> bool:
        """The tab as a new one would be: the site's storage empty, the context's screen size and colour
        scheme, a blank page, nothing recorded. False if it cannot be (it is then closed): a page that does
        not answer within RESET_MS (its script stuck), or one off the site, whose storage is out of reach."""
        try:
            self.page.locator(":root").wait_for(state="attached", timeout=RESET_MS)
            if not self.page.url.startswith((self.base, "about:blank")):
                return False
            if self.page.url.startswith(self.base):
                self.page.evaluate("localStorage.clear(); sessionStorage.clear()")
            if self.screen is not None:
                self.page.set_viewport_size(self.screen)
            self.page.emulate_media(color_scheme="light")  # a new context's, as Playwright makes it
            self.page.goto("about:blank")
        except PlaywrightError:
            return False
        self.forget()
        return True


def checked(visit: Visit, *, close: bool = True) -> Iterator[Visit]:
    """Yield the visit; then fail on any request elsewhere, console error or dialog during the test."""
    visit.forget()
    visit.page.bring_to_front()  # Chromium slows the timers of a tab in the background (the site's search waits on one)
    yield visit
    try:
        assert visit.foreign == [], f"requests to other hosts: {visit.foreign}"
        assert visit.errors == [], f"console errors: {visit.errors}"
        assert visit.dialogs == [], f"dialogs: {visit.dialogs}"
    finally:
        if close:
            visit.close()  # even after a failure: the tab and its permissions leave the shared context


class Tabs:
    """One browser context per served site for the session; `open(base_url)` is a tab in it, new or reset."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self.contexts: dict[str, BrowserContext] = {}
        self.idle: dict[str, list[Visit]] = {}  # by site: tabs done with, reset for the next test

    def open(self, base_url: str) -> Visit:
        if base_url not in self.contexts:
            self.contexts[base_url] = self.browser.new_context()
            self.idle[base_url] = []
        if self.idle[base_url]:
            visit = self.idle[base_url].pop()
            visit.page.bring_to_front()
            return visit
        return Visit(self.contexts[base_url], base_url, idle=self.idle[base_url])

    def forget(self, base_url: str) -> None:
        """Close the site's context once its server stops: a later server may get the same port."""
        self.idle.pop(base_url, None)
        if (context := self.contexts.pop(base_url, None)) is not None:
            context.close()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def search_results(visit: Visit, query: str) -> list[str]:
    """What the search box shows for `query` typed into it, on the page the visit is on (the home page
    if it is on none of the site's), as site paths."""
    page = visit.page
    if not page.url.startswith(visit.base):
        visit.open("")
    box, meta = page.locator(SEARCH_BOX), page.locator(SEARCH_META)
    box.click()
    # Emptied first, so that the results waited for below are this query's, not the last one's.
    _type(box, "")
    meta.filter(has_text=SEARCH_PLACEHOLDER).wait_for()
    _type(box, query)
    # A locator, not wait_for_function: the site's CSP forbids the eval that one uses.
    meta.filter(has_text=re.compile(r"\d|No matching")).wait_for()
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    return [urlparse(h).path.removeprefix(SUBPATH) for h in hrefs]


def _type(box, text: str) -> None:
    """Material searches on keyup: the text is put in at once, then one key event sent."""
    box.fill(text)
    box.dispatch_event("keyup")

