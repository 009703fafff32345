"""The Content-Security-Policy's script hashes: computed at build time from the theme's own inline
scripts (overrides/main.html passes them in, rendered from their templates, never from page text), so
that a script anything else slips into a page does not run."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from functools import lru_cache
from html.parser import HTMLParser

# MkDocs' LiveReloadServer._inject_js_into_html: (page bytes, build epoch) -> the page with its script.
Injector = Callable[[bytes, int], bytes]

_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}  # what a browser executes


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # script text is raw: hashed exactly as served
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in _SCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def _source(script: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"


@lru_cache(maxsize=64)
def script_hashes(html: str) -> str:
    """CSP source expressions ('sha256-…') for every executable inline <script> in `html`. (Remembered:
    the theme's scripts differ only with a page's depth in the site, and parsing them again for each of
    1,500 pages was 0.2 s of a build.)"""
    parser = _InlineScripts()
    parser.feed(str(html))
    parser.close()
    return " ".join(dict.fromkeys(_source(script.encode("utf-8")) for script in parser.scripts))


def allow_live_reload(inject: Injector) -> Injector:
    """`mkdocs serve` appends an inline script of its own to every page, different in each response
    (MkDocs 1.6's `LiveReloadServer._inject_js_into_html`, wrapped with this): its hash joins that page's
    policy, so that the preview reloads under the same policy as the published site."""

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        page = inject(content, epoch)
        start = page.rindex(b"<script>") + len(b"<script>")
        allowed = _source(page[start:page.index(b"</script>", start)])
        return page.replace(b"script-src 'self' ", f"script-src 'self' {allowed} ".encode(), 1)

    return inject_allowed
