"""`mkdocs serve` follows the seeds: an article or an entity added, edited or deleted while it runs shows
in the served pages and the search index, with no stale page or entry left, with and without --dirty
(`make serve` uses --dirty), with the dossier's search index and with Material's lunr index; stopped with
Ctrl+C, it leaves nothing in the temporary folder."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import UNCURATED_NAME, UNCURATED_TEXT, make_project, names_only_registry
from dossier.project_config import write_config

TIMEOUT = 120  # seconds for one rebuild to show (a loaded CI machine)
# Between two looks at the served site: MkDocs notices an edit within half a second, and each look is a
# page and the search index that the server, on a core the other tests share, answers.
POLL_SECONDS = 0.3
ENTITIES = ("amazon", "amazon-care", "one-medical", "pillpack", "ali-health", "alibaba")  # a quick rebuild

SECOND = (
    "Alibaba Health widens its online pharmacy\n\n"
    "Alibaba Health said on Monday that its online pharmacy would now deliver prescription medicines "
    "in forty more cities, as the company competes with other platforms for patients who order online.\n\n"
    "The company said it would also add clinicians to its consultation service and that prices would "
    "not change for existing customers. Analysts expect the market to keep growing this year.\n"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """A throwaway project under `mkdocs serve`, read over HTTP."""

    def __init__(self, root: Path, search: str, *options: str):
        self.root = root
        make_project(root, {UNCURATED_NAME: UNCURATED_TEXT.encode()}, entities=names_only_registry(*ENTITIES))
        self.config = write_config(root / "mkdocs.yml", root / "seeds", dossier={"search": search})
        self.port = free_port()
        self.temporary = root / "tmp"  # the server's temporary files (its staging folder), to see them go
        self.temporary.mkdir()
        self.log = open(root / "serve.log", "w")  # noqa: SIM115 - the server writes it until stop() closes it
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-strict", *options, "-f", str(self.config), "-a", f"127.0.0.1:{self.port}"],
            cwd=root, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.temporary)},
        )

    @property
    def articles(self) -> Path:
        return self.root / "seeds" / "articles"

    @property
    def entities(self) -> Path:
        return self.root / "seeds" / "entities.yml"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def search_entries(self) -> list[tuple[str, str]]:
        """The search index, as (location, title), whichever engine wrote it: the dossier's (a manifest
        and a fragment per page, scripts/dossier/search.py) or Material's lunr index."""
        status, text = self.get("search/dossier/manifest.json")
        if status == 200:
            fragments = (self.get(f"search/dossier/f/{n}.json")[1] for n in range(json.loads(text)["documents"]))
            return [(fragment["u"], fragment["t"]) for fragment in map(json.loads, fragments)]
        status, text = self.get("search/search_index.json")
        return [(entry["location"], entry["title"]) for entry in json.loads(text)["docs"]] if status == 200 else []

    def search_pages(self) -> dict[str, list[str]]:
        """The search index: the titles of its entries, by page."""
        pages: dict[str, list[str]] = {}
        for location, title in self.search_entries():
            pages.setdefault(location.partition("#")[0], []).append(title)
        return pages

    def until(self, what: str, check) -> None:
        """Wait until `check()` holds: the rebuild after an edit has been served."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited: {(self.root / 'serve.log').read_text()[-3000:]}")
            try:
                if check():
                    return
            except (ValueError, KeyError):  # a file caught halfway through a rebuild
                pass
            time.sleep(POLL_SECONDS)
        pytest.fail(f"not served within {TIMEOUT} s: {what}\n{(self.root / 'serve.log').read_text()[-3000:]}")

    def stop(self) -> None:
        """Ctrl+C, as a maintainer stops it (MkDocs then shuts its plugins down); killed if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


MODES = {"dirty": ("dossier", "--dirty"), "clean": ("dossier",), "dirty-lunr": ("lunr", "--dirty")}


def page_text(served: Served, path: str) -> str:
    status, text = served.get(path)
    return text if status == 200 else ""


def follow(root: Path, search: str, *options: str) -> None:
    """A project served in this mode, edited step by step while its server runs."""
    server = Served(root, search, *options)
    try:
        follows_articles_and_entities(server)
    finally:
        server.stop()
    # Stopped with Ctrl+C, the server leaves nothing behind in the temporary folder.
    assert list(server.temporary.iterdir()) == []


@pytest.fixture(scope="module")
def followed(tmp_path_factory) -> Iterator[dict[str, Future]]:
    """Every mode's server followed at once, a thread each: most of a step is waiting for MkDocs to
    notice an edit (it polls the files every half second), and the three wait together."""
    with ThreadPoolExecutor(len(MODES)) as threads:
        yield {mode: threads.submit(follow, tmp_path_factory.mktemp(f"serve-{mode}"), *options)
               for mode, options in MODES.items()}


@pytest.mark.parametrize("mode", MODES)
def test_serve_follows_articles_and_entities(followed, mode):
    followed[mode].result()  # the mode's first failed check or wait, raised again here


def follows_articles_and_entities(served: Served) -> None:
    first = "articles/uncurated-en/"
    served.until("the first build", lambda: "second front in primary care" in page_text(served, first)
                 and first in served.search_pages())
    indexed_first = set(served.search_pages())
    _status, html = served.get(first)
    assert "livereload" in html  # the served page carries MkDocs' reload script, and the policy lets it run
    injected = html[html.rindex("<script>") + len("<script>"):html.rindex("</script>")]
    digest = base64.b64encode(hashlib.sha256(injected.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)[1]

    # An article edited: its page and its search entries change, nothing of the old title stays.
    text = UNCURATED_TEXT.replace("Amazon opens a second front in primary care", "Amazon widens its clinic network")
    (served.articles / UNCURATED_NAME).write_text(text, encoding="utf-8")
    served.until("the edited article", lambda: "Amazon widens its clinic network" in page_text(served, first)
                 and "Amazon widens its clinic network" in served.search_pages().get(first, []))
    titles = [title for entries in served.search_pages().values() for title in entries]
    assert not any("second front" in title for title in titles)
    assert "Amazon widens its clinic network" in page_text(served, "")

    # An article added: its page, its search entries, and the profiles it mentions still indexed.
    (served.articles / "second.txt").write_text(SECOND, encoding="utf-8")
    served.until("the added article", lambda: "forty more cities" in page_text(served, "articles/second/")
                 and "articles/second/" in served.search_pages())
    assert {first, "entities/amazon/", "entities/ali-health/"} <= set(served.search_pages())

    # An entity added: its profile and its entry appear, and every other profile keeps its entries.
    registry = yaml.safe_load(names_only_registry(*ENTITIES))
    profiles = {f"entities/{entity}/" for entity in registry["entities"]}
    registry["entities"]["example-clinic"] = {"type": "venture", "name": "Example Clinic Network",
                                              "description": "A venture added while serving.",
                                              "names": {"en": ["Example Clinic Network"]}}
    served.entities.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    served.until("the added entity", lambda: "Example Clinic Network" in page_text(served, "entities/example-clinic/")
                 and "entities/example-clinic/" in served.search_pages())
    indexed = served.search_pages()
    assert profiles <= set(indexed), sorted(profiles - set(indexed))

    # An entity edited: its profile and its search title change.
    registry["entities"]["example-clinic"]["name"] = "Example Care Network"
    served.entities.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    served.until("the edited entity", lambda: "Example Care Network" in served.search_pages().get(
        "entities/example-clinic/", []) and "Example Care Network" in page_text(served, "entities/example-clinic/"))

    # An entity and an article deleted: their pages and their entries are gone, the rest stays.
    del registry["entities"]["example-clinic"]
    served.entities.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    served.until("the deleted entity", lambda: served.get("entities/example-clinic/")[0] == 404
                 and "entities/example-clinic/" not in served.search_pages())
    (served.articles / "second.txt").unlink()
    served.until("the deleted article", lambda: served.get("articles/second/")[0] == 404
                 and "articles/second/" not in served.search_pages())
    assert set(served.search_pages()) == indexed_first  # all that was added is gone, nothing else
    locations = [location for location, _ in served.search_entries()]
    assert len(locations) == len(set(locations)), "an entry is in the index twice"
    assert "forty more cities" not in page_text(served, "")
