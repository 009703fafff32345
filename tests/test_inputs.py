"""Any file a maintainer drops in: every encoding, duplicates, junk and hostile text, nothing lost.

A generated fixture corpus (tests/hostile_corpus.py) is built into a temporary site; the assertions
read its build report and its pages the way a reader would.
"""

from __future__ import annotations

import filecmp
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import make_project, mkdocs_build
from hostile_corpus import cases

CASES = cases()
# What article text may become in a page: structure, emphasis and links, with no other attributes.
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "a", "strong", "em",
                "code", "pre", "hr", "div"}
ALLOWED_ATTRIBUTES = {"id", "href", "rel", "class", "title"}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    config = make_project(root, {case.name: case.data for case in CASES})
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    report = json.loads((root / "site" / "data" / "build-report.json").read_text(encoding="utf-8"))
    corpus = json.loads((root / "site" / "data" / "corpus.json").read_text(encoding="utf-8"))
    return root, report, corpus


def outcome(report, case):
    matches = [i for i in report["inputs"] if i["source_file"] == f"seeds/articles/{case.name}"]
    assert len(matches) == 1, f"{case.name} appears {len(matches)} times in the report"
    return matches[0]


def article_entry(report, corpus, case):
    article_id = outcome(report, case)["article"]
    return next(a for a in corpus["articles"] if a["id"] == article_id)


class ArticlePage(HTMLParser):
    """What a page makes of article text: the tags and attributes inside its article-text element,
    the visible text of the whole article (header and body), and every element and event handler
    on the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []  # classes of the open elements, innermost last
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.page_tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.page_tags.append(tag)
        self.handlers += [name for name in attrs if name.startswith("on")]
        if "article-text" in self.open:
            self.tags.append((tag, attrs))
        if tag not in ("hr", "br", "img", "meta", "link", "input"):
            self.open.append(attrs.get("class") or "")

    def handle_endtag(self, tag):
        if self.open and tag not in ("hr", "br", "img", "meta", "link", "input"):
            self.open.pop()

    def handle_data(self, data):
        if "dossier-article" in self.open:
            self.text.append(data)


def read_page(path: Path) -> ArticlePage:
    parser = ArticlePage()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_input_is_in_the_report_exactly_once(fixture_site):
    root, report, _ = fixture_site
    files = sorted(p.relative_to(root).as_posix() for p in (root / "seeds" / "articles").rglob("*") if p.is_file())
    assert sorted(i["source_file"] for i in report["inputs"]) == files
    assert len(files) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_gets_its_status(fixture_site, case):
    _, report, _ = fixture_site
    entry = outcome(report, case)
    assert entry["status"] == case.status, entry["reason"]
    if case.status == "duplicate":
        assert entry["duplicate_of"] == f"seeds/articles/{case.duplicate_of}"
    if case.status != "published":
        assert entry["reason"] and entry["article"] is None
        assert "could not be processed" not in entry["reason"]


@pytest.mark.parametrize("case", [c for c in CASES if c.status == "published"], ids=lambda c: c.name)
def test_published_text_is_read_right_and_shown_never_run(fixture_site, case):
    root, report, corpus = fixture_site
    entry = article_entry(report, corpus, case)
    assert entry["language"] == case.language
    page = read_page(root / "site" / entry["url"] / "index.html")
    seen = unescape("".join(page.text))
    for text in case.must_show:
        assert text in seen, f"{case.name}: reader does not see {text!r}"
    assert "\ufffd" not in seen and "\x00" not in seen
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, f"{case.name}: article text produced <{tag}>"
        assert set(attrs) <= ALLOWED_ATTRIBUTES, f"{case.name}: <{tag}> got {attrs}"
        if attrs.get("class") == "entity":
            assert re.fullmatch(r"(\.\./)+entities/[a-z0-9-]+/", attrs["href"]), attrs["href"]
        elif "href" in attrs:
            assert attrs["href"].startswith(("https://", "http://", "mailto:")), attrs["href"]
            assert attrs.get("class") in (None, "source-link")


def test_hostile_pages_add_no_script_style_frame_or_handler(fixture_site):
    root, report, corpus = fixture_site
    reference = read_page(root / "site" / "about" / "index.html")
    for case in CASES:
        if case.name.startswith("hostile/"):
            page = read_page(root / "site" / article_entry(report, corpus, case)["url"] / "index.html")
            for tag in ("script", "style", "iframe", "img", "object", "embed"):
                assert page.page_tags.count(tag) == reference.page_tags.count(tag), f"{case.name}: extra <{tag}>"
            assert page.handlers == reference.handlers == []


def test_control_characters_are_recorded(fixture_site):
    _, report, corpus = fixture_site
    entry = article_entry(report, corpus, next(c for c in CASES if c.name == "hostile/plain.txt"))
    assert any(r["rule"] == "control_characters" and r["chars"] == 3 for r in entry["removed"])


def test_build_report_page_lists_every_input_with_status_and_reason(fixture_site):
    root, report, _ = fixture_site
    page = unescape((root / "site" / "report" / "index.html").read_text(encoding="utf-8"))
    for entry in report["inputs"]:
        assert entry["source_file"] in page
        if entry["status"] == "rejected":
            assert entry["reason"] in page


def test_two_builds_are_byte_identical(fixture_site):
    root, _, _ = fixture_site
    again = root / "site-again"
    assert mkdocs_build(root / "mkdocs.yml", again).returncode == 0
    mismatches = []

    def compare(diff: filecmp.dircmp):
        mismatches.extend(diff.left_only + diff.right_only + diff.diff_files + diff.funny_files)
        for sub in diff.subdirs.values():
            compare(sub)

    filecmp.clear_cache()
    comparison = filecmp.dircmp(root / "site", again, ignore=[])
    compare(comparison)
    assert not mismatches
    # dircmp compares by stat signature first; read every file to be sure.
    for path in (root / "site").rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (again / path.relative_to(root / "site")).read_bytes(), path
