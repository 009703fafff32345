"""Search as a reader meets it, measured in headless Chromium: a built site served under a subpath
(compressed as GitHub Pages serves it: gzip for text, not for binary files), its home page opened in a
fresh browser (empty cache), one query typed into the search box once the page has loaded.

Measures the bytes the server sent for the home page and the search until the first result showed
(every request: the page, its assets, the worker, whatever index the engine fetches), and the time
from the query reaching the search box to its first result on screen, typed once the page has loaded
and gone quiet (the search worker has fetched what it fetches at start: no request for 500 ms). How
long that start took is reported too (`ready_ms`, from the navigation to the last request before the
quiet). Used by bench/run.py; run alone:

    python search_probe.py SITE_DIR "Amazon Care"
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import mimetypes
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the browser the tests find, as they find it
from browsing import CHROMIUM, CHROMIUM_ARGUMENTS

SUBPATH = "/bench/"
QUIET_S = 0.5  # Playwright's "networkidle": no request for this long
COMPRESSED = {".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".map"}  # as GitHub Pages does


class _Server(http.server.ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: a browser opening its six connections at once overflows
    # it, and the dropped connection is retried a second later (a stall no real host has).
    request_queue_size = 128

    def handle_error(self, request, address):
        pass  # a browser closing its connections is no error


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # A response in one write, sent at once: headers and body written apart, with Nagle's algorithm,
    # wait for the browser's delayed acknowledgement (another stall a real host does not have).
    wbufsize = 1 << 16
    disable_nagle_algorithm = True

    def __init__(self, *args, site: Path, counter: dict, cache: dict, **kwargs):
        self.site, self.counter, self.cache = site, counter, cache
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = unquote(urlparse(self.path).path)
        if not path.startswith(SUBPATH):
            return self._send(404, b"", "text/plain")
        target = (self.site / path[len(SUBPATH):]).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or not target.is_relative_to(self.site.resolve()):
            return self._send(404, b"", "text/plain")
        gzipped = target.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        key = (target, gzipped)
        if key not in self.cache:
            data = target.read_bytes()
            self.cache[key] = (gzip.compress(data, 6, mtime=0) if gzipped else data, len(data))
        body, raw = self.cache[key]
        self._send(200, body, mimetypes.guess_type(target.name)[0] or "application/octet-stream", gzipped, raw)

    def _send(self, status, body, kind, gzipped=False, raw=0):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        with self.counter["lock"]:
            self.counter["sent"] += len(body)
            self.counter["raw"] += raw or len(body)
            self.counter["requests"] += 1


# Types the query into the search box (as one keystroke would send it) and waits for the first
# result to be drawn: milliseconds in between. "No matching documents" counts only once it has stayed
# for a second: the answer to the empty query Material sends at start can arrive after the query was
# typed, and it reads so for a moment.
_TYPE_AND_WAIT = """async ([query, timeout]) => {
  const input = document.querySelector("input.md-search__input");
  const result = document.querySelector(".md-search-result");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  input.focus();
  input.value = query;
  return await new Promise(resolve => {
    const start = performance.now();
    let none = null;
    const finish = elapsed => { observer.disconnect(); resolve(elapsed); };
    const observer = new MutationObserver(() => {
      if (list.children.length > 0) return finish(performance.now() - start);
      if (none === null && /No matching/.test(meta.textContent)) {
        none = performance.now() - start;
        setTimeout(() => { if (list.children.length === 0) finish(none); }, 1000);
      }
    });
    observer.observe(result, { subtree: true, childList: true, characterData: true });
    setTimeout(() => finish(-1), timeout);
    input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }));
  });
}"""


def measure(site: Path, query: str, timeout_s: float = 180.0) -> dict:
    """Bytes and time to the first result for `query`, typed on the home page of `site`."""
    from playwright.sync_api import sync_playwright

    counter = {"sent": 0, "raw": 0, "requests": 0, "lock": threading.Lock()}
    handler = functools.partial(_Handler, site=site, counter=counter, cache={})
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
            context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            navigated = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}", wait_until="load",
                      timeout=timeout_s * 1000)
            page.wait_for_load_state("networkidle", timeout=timeout_s * 1000)
            ready = time.perf_counter() - navigated - QUIET_S
            started = time.perf_counter()
            elapsed = page.evaluate(_TYPE_AND_WAIT, [query, timeout_s * 1000])
            waited = time.perf_counter() - started
            results = page.locator(".md-search-result__item").count()
            meta = page.inner_text(".md-search-result__meta")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "query": query,
        "first_result_ms": round(elapsed, 1) if elapsed >= 0 else None,  # None: not within the timeout
        "wall_s": round(waited, 2),
        "ready_ms": round(ready * 1000),
        "results_shown": results,
        "meta": meta,
        "bytes_sent": counter["sent"],  # what the browser downloaded (gzip where the server compresses)
        "bytes_uncompressed": counter["raw"],
        "requests": counter["requests"],
    }


def index_bytes(directory: Path) -> int:
    """Bytes on disk of every file under `directory` (or of the one file)."""
    if directory.is_file():
        return directory.stat().st_size
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "Amazon Care")))
