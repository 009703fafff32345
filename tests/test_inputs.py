"""Any file a maintainer drops in: every encoding, duplicates, junk and hostile text, nothing lost.

A generated fixture corpus (tests/hostile_corpus.py) is built into a temporary site; the assertions
read its build report and its pages the way a reader would. Beside the files, the corpus holds entries
that must never be read (FIFOs, sockets, devices, links out of the tree, loops, a name that is not
UTF-8, a file over the size limit): each is in the report, rejected with its reason, and nothing they
point to reaches the site. The input boundary's other promises (unreadable files, stable ids, curated
YAML that fails fast) are checked on the pipeline directly.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import FOUNDING_FILES, ROOT, make_project, mkdocs_build, report_text, write_seeds
from dossier.article_curation import load_curation
from dossier.article_ids import article_id
from dossier.characters import visible
from dossier.cleaning_vocabulary import load_vocabulary
from dossier.curated_yaml import CurationError
from dossier.pipeline import build_corpus
from dossier.project_config import write_config
from dossier.records import InputOutcome, SourceFile
from dossier.registry_loader import load_registry
from dossier.sources import Paths, file_count, read_sources
from hostile_corpus import (
    CHINESE_TRADITIONAL,
    ENGLISH_HAVEN,
    FIXTURE_MAX_FILE_BYTES,
    FRENCH_PILLPACK,
    GERMAN_ONE_MEDICAL,
    OUTSIDE_FOLDER_MARKER,
    SAME_SLUG_CASES,
    SECRET_MARKER,
    cases,
    make_special_entries,
    special_entries,
)

CASES = cases()
SPECIALS = special_entries()
# What article text may become in a page: structure, emphasis and links, with no other attributes.
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "a", "strong", "em",
                "code", "pre", "hr", "div"}
ALLOWED_ATTRIBUTES = {"id", "href", "rel", "class", "title"}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    make_project(root, {case.name: case.data for case in CASES})
    config = write_config(root / "mkdocs.yml", root / "seeds", dossier={"max_file_bytes": FIXTURE_MAX_FILE_BYTES})
    outside = tmp_path_factory.mktemp("outside")
    make_special_entries(root / "seeds" / "articles", outside, SPECIALS)
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.log
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


def entries_under(folder: Path, project: Path) -> list[str]:
    """Every entry under `folder` that is not a folder itself (links, FIFOs, sockets and devices
    included; links never followed), named as the report names it."""
    found = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.is_dir(follow_symlinks=False):
                found += entries_under(Path(entry.path), project)
            else:
                name = Path(entry.path).relative_to(project).as_posix()
                found.append(os.fsencode(name).decode("utf-8", "backslashreplace"))
    return sorted(found)


def test_every_input_is_in_the_report_exactly_once(fixture_site):
    root, report, _ = fixture_site
    entries = entries_under(root / "seeds" / "articles", root)
    assert sorted(i["source_file"] for i in report["inputs"]) == entries
    assert len(entries) == len(CASES) + len(SPECIALS)


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
    page = report_text(root / "site")
    for entry in report["inputs"]:
        assert visible(entry["source_file"]) in page  # its invisible characters written out
        if entry["status"] == "rejected":
            assert entry["reason"] in page
    assert "\u202e" not in page and "junk/spoof\\u202etxt.jpg" in page


@pytest.mark.parametrize(("name", "shown"), [
    ("café.txt", "café.txt"),
    ("cafe\u0301.txt", "cafe\\u0301.txt"),  # the same name decomposed: it must not look the same
    ("spoof\u202etxt.jpg", "spoof\\u202etxt.jpg"),
    ("col\u2028x.txt", "col\\u2028x.txt"),  # a line separator, or a space that is not the space: unseen
    ("col\u00a0x.txt", "col\\u00a0x.txt"),
    ("नमस्ते.txt", "नमस्ते.txt"),  # marks that compose with nothing are the name's own
    ("report\u034f.txt", "report\\u034f.txt"),  # drawn as nothing: a grapheme joiner, a Hangul filler, ...
    ("report\u3164.txt", "report\\u3164.txt"),
    ("report\ufe0f.txt", "report\\ufe0f.txt"),
    ("report\u2800.txt", "report\\u2800.txt"),  # the braille blank
    ("note\\u202e.txt", "note\\\\u202e.txt"),  # a backslash in the name is not an escape of ours
])
def test_a_file_name_is_shown_so_that_two_names_never_look_alike(name, shown):
    assert visible(name) == shown


# --- the input boundary: only regular files inside seeds/articles/ are read ------------------------------


@pytest.mark.parametrize("entry", SPECIALS, ids=[s.report_name for s in SPECIALS])
def test_entries_that_are_not_regular_files_are_rejected_unread(fixture_site, entry):
    _, report, _ = fixture_site
    matches = [i for i in report["inputs"] if i["source_file"] == f"seeds/articles/{entry.report_name}"]
    assert len(matches) == 1, f"{entry.report_name} appears {len(matches)} times in the report"
    found = matches[0]
    assert found["status"] == "rejected" and found["article"] is None
    assert entry.reason in found["reason"], found["reason"]
    assert found["sha256"] is None  # never read, so never hashed


def test_nothing_a_link_points_to_reaches_the_site(fixture_site):
    root, _, _ = fixture_site
    passwd_first_line = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
    for path in (root / "site").rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            for leaked in (SECRET_MARKER, OUTSIDE_FOLDER_MARKER, passwd_first_line):
                assert leaked not in text, f"{path} holds {leaked!r}"


def test_names_that_reduce_to_one_slug_get_pages_of_their_own(fixture_site):
    root, report, corpus = fixture_site
    entries = [article_entry(report, corpus, case) for case in SAME_SLUG_CASES]
    assert len({entry["id"] for entry in entries}) == len(SAME_SLUG_CASES)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    for case, entry in zip(SAME_SLUG_CASES, entries, strict=True):
        assert entry["id"] == article_id(f"seeds/articles/{case.name}")
        assert (root / "site" / entry["url"] / "index.html").is_file()
        # the home page links it, percent-encoded or not (中文--… stays readable in the address bar)
        hrefs = {unquote(href) for href in re.findall(r'href="([^"]+)"', home)}
        assert entry["url"] in hrefs


def test_an_unreadable_file_is_rejected(tmp_path, monkeypatch):
    """A file without read permission. Root reads it regardless, so there the opening is made to fail
    the way it fails for anyone else."""
    write_seeds(tmp_path / "seeds", {"locked.txt": ENGLISH_HAVEN.encode(), "open.txt": FRENCH_PILLPACK.encode()})
    locked = tmp_path / "seeds" / "articles" / "locked.txt"
    locked.chmod(0)
    if os.geteuid() == 0:
        real_open = os.open

        def open_as_a_user(path, flags, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr("dossier.sources.os.open", open_as_a_user)
    entries = read_sources(Paths.for_project(tmp_path))
    assert entries[0] == InputOutcome("seeds/articles/locked.txt", None, "rejected",
                                      reason="cannot be read (Permission denied)")
    assert entries[1] == SourceFile("seeds/articles/open.txt", FRENCH_PILLPACK.encode())


def test_a_device_is_rejected_without_being_opened(tmp_path, monkeypatch):
    """A device node (mknod needs privileges a CI runner lacks, so its mode is given here)."""
    write_seeds(tmp_path / "seeds", {"device.txt": b""})
    device = tmp_path / "seeds" / "articles" / "device.txt"
    real_lstat = os.lstat

    def lstat(path, *args, **kwargs):
        found = real_lstat(path, *args, **kwargs)
        if Path(path) != device:
            return found
        return os.stat_result((stat.S_IFCHR | 0o600, *tuple(found)[1:]))

    def never_open(path, *args, **kwargs):
        raise AssertionError(f"{path} opened")

    monkeypatch.setattr("dossier.sources.os.lstat", lstat)
    monkeypatch.setattr("dossier.sources.os.open", never_open)
    [entry] = read_sources(Paths.for_project(tmp_path))
    assert entry.status == "rejected" and entry.reason.startswith("a character device")


def test_a_file_over_the_size_limit_is_rejected_without_being_read(tmp_path):
    write_seeds(tmp_path / "seeds", {"small.txt": ENGLISH_HAVEN.encode()})
    huge = tmp_path / "seeds" / "articles" / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(64 * 2**30)  # 64 GB, sparse: reading it would take minutes and all memory
    started = time.perf_counter()
    huge_entry, small = read_sources(Paths.for_project(tmp_path), max_file_bytes=len(ENGLISH_HAVEN.encode()))
    assert time.perf_counter() - started < 1
    assert huge_entry.status == "rejected" and huge_entry.reason.startswith("too big")
    assert small.data == ENGLISH_HAVEN.encode()  # exactly at the limit: read


def test_a_file_a_thousand_folders_deep_is_read_and_counted(tmp_path):
    # Python's recursion limit is a thousand frames: a tree this deep stopped the build with a traceback.
    write_seeds(tmp_path / "seeds", {"small.txt": ENGLISH_HAVEN.encode()})
    articles = tmp_path / "seeds" / "articles"
    folders = [articles / ("d/" * depth) for depth in range(1, 1101)]
    for folder in folders:  # one at a time: pathlib's mkdir(parents=True) recurses as well
        folder.mkdir()
    (folders[-1] / "deep.txt").write_bytes(ENGLISH_HAVEN.encode())
    try:
        deep, small = read_sources(Paths.for_project(tmp_path))
        assert deep.data == small.data == ENGLISH_HAVEN.encode()
        assert deep.path == "seeds/articles/" + "d/" * 1100 + "deep.txt"
        assert file_count(articles) == 2
    finally:  # pytest's clean-up of old runs' folders recurses (shutil.rmtree): it would fail on this one
        (folders[-1] / "deep.txt").unlink()
        for folder in reversed(folders):
            folder.rmdir()


# --- stable ids: a file's URL depends on its own path only ----------------------------------------------


def test_the_founding_ids_are_their_file_names():
    for path in FOUNDING_FILES.values():
        assert article_id(f"seeds/articles/{path.name}") == path.stem  # 000_8c560dd54438cdbd, …


def test_ids_are_readable_and_cannot_collide():
    assert article_id("seeds/articles/amazon-care_2022.txt") == "amazon-care_2022"
    assert re.fullmatch(r"uber-uns-2--[0-9a-f]{8}", article_id("seeds/articles/Über uns (2).TXT"))
    assert re.fullmatch(r"中文--[0-9a-f]{8}", article_id("seeds/articles/中文.txt"))
    assert re.fullmatch(r"article--[0-9a-f]{8}", article_id("seeds/articles/..txt"))
    assert len(article_id("seeds/articles/" + "長" * 250 + ".txt").encode()) < 255  # a file name on disk
    # Names that a plain slug would merge: another extension, a folder, a capital, a doubled hyphen.
    names = ["a.txt", "a.md", "sub/a.txt", "A.txt", "a--b.txt", "a-b.txt", "a", ".a.txt"]
    ids = [article_id(f"seeds/articles/{name}") for name in names]
    assert ids[0] == "a" and ids[5] == "a-b" and len(set(ids)) == len(ids)


def test_adding_or_removing_a_file_never_changes_another_id(tmp_path):
    def ids(name: str, files: dict[str, str]) -> dict[str, str]:
        write_seeds(tmp_path / name / "seeds", {n: text.encode() for n, text in files.items()})
        corpus = build_corpus(Paths.for_project(tmp_path / name))
        assert all(o.status == "published" for o in corpus.outcomes), corpus.outcomes
        return {a.clean.source_file: a.id for a in corpus.articles}

    first = ids("first", {"中文.txt": CHINESE_TRADITIONAL, "article.txt": FRENCH_PILLPACK, "..txt": ENGLISH_HAVEN})
    second = ids("second", {"中文.txt": CHINESE_TRADITIONAL, "Article.txt": GERMAN_ONE_MEDICAL,
                            "article.txt": FRENCH_PILLPACK})  # "..txt" removed, "Article.txt" added
    assert first["seeds/articles/中文.txt"] == second["seeds/articles/中文.txt"]
    assert first["seeds/articles/article.txt"] == second["seeds/articles/article.txt"] == "article"
    assert len(set(second.values())) == 3


def test_two_files_given_one_id_are_both_accounted_for(tmp_path, monkeypatch):
    """A crafted collision of the 8-hex suffix: the second file is rejected, never given the first one's
    page."""
    monkeypatch.setattr("dossier.metadata.article_id", lambda source_file: "collision--00000000")
    write_seeds(tmp_path / "seeds", {"a.txt": ENGLISH_HAVEN.encode(), "b.txt": FRENCH_PILLPACK.encode()})
    corpus = build_corpus(Paths.for_project(tmp_path))
    assert [o.status for o in corpus.outcomes] == ["published", "rejected"]
    assert "collision--00000000 is already that of seeds/articles/a.txt" in corpus.outcomes[1].reason


def test_an_untitled_article_is_named_by_its_file_with_its_invisible_characters_written_out(tmp_path):
    # No headline: the file's name names the article, and an override in it would read "gnp.exe" as "exe.png".
    body = ENGLISH_HAVEN.split("\n\n", 1)[1]
    write_seeds(tmp_path / "seeds", {"spoof\u202egnp.exe.txt": f"{body}\n{body}".encode()})
    [article] = build_corpus(Paths.for_project(tmp_path)).articles
    assert article.display_title == "Untitled (spoof\\u202egnp.exe.txt)"


def test_what_reading_a_file_repaired_is_said_on_its_record(tmp_path):
    # A UTF-16 file with one lone surrogate: read with it dropped, and the article says so.
    data = b"\xff\xfe" + ENGLISH_HAVEN.encode("utf-16-le") + b"\x00\xd8" + "Amazon said.\n".encode("utf-16-le")
    write_seeds(tmp_path / "seeds", {"surrogate.txt": data})
    [article] = build_corpus(Paths.for_project(tmp_path)).articles
    assert article.clean.encoding == "utf-16-le (BOM, 1 invalid byte sequence repaired)"


def test_the_curation_of_a_file_that_is_not_published_is_said_to_be_unused(tmp_path):
    curation = "articles:\n  copy.txt: {title_en: A copy}\n  short.txt: {title_en: Too short}\n  a.txt: {title_en: Kept}\n"
    write_seeds(tmp_path / "seeds", {"a.txt": ENGLISH_HAVEN.encode(), "copy.txt": ENGLISH_HAVEN.encode(),
                                     "short.txt": b"Haven closes."}, curation)
    reasons = {o.source_file: o.reason for o in build_corpus(Paths.for_project(tmp_path)).outcomes}
    unused = "its entry in seeds/articles.yml is not used"
    assert reasons["seeds/articles/copy.txt"].endswith(f"the same as seeds/articles/a.txt once cleaned; {unused}")
    assert reasons["seeds/articles/short.txt"].endswith(unused) and reasons["seeds/articles/a.txt"] is None


def test_a_later_copy_that_sorts_first_is_the_duplicate_of_the_curated_article(tmp_path):
    # A digest saved as "!digest.txt" repeats a curated article: the curated one keeps its page and its entry.
    curation = "articles:\n  haven.txt: {title_en: Haven closes}\n"
    write_seeds(tmp_path / "seeds", {"haven.txt": ENGLISH_HAVEN.encode(),
                                     "!digest.txt": ("Weekly digest\n\n" + ENGLISH_HAVEN).encode()}, curation)
    corpus = build_corpus(Paths.for_project(tmp_path))
    status = {o.source_file: (o.status, o.duplicate_of) for o in corpus.outcomes}
    assert status == {"seeds/articles/haven.txt": ("published", None),
                      "seeds/articles/!digest.txt": ("duplicate", "seeds/articles/haven.txt")}
    assert [o.source_file for o in corpus.outcomes] == ["seeds/articles/!digest.txt", "seeds/articles/haven.txt"]
    assert [a.title_en for a in corpus.articles] == ["Haven closes"]


# --- curated YAML: malicious or malformed files fail fast, naming file and line ---------------------------


def _alias_bomb(top: str) -> str:
    """"Billion laughs": nine aliases of nine aliases … of a list, billions of nodes once expanded."""
    levels = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9)}]" for n in range(1, 12)]
    return "\n".join([top, *levels]) + "\n"


_DEEP = "a: " + "[" * 50_000 + "]" * 50_000 + "\n"
_DEEP_BLOCK = "a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 200))


_VOCABULARY = (ROOT / "seeds" / "cleaning.yml").read_text(encoding="utf-8")
_CHROME_LINE = _VOCABULARY.split("\n").index("chrome:") + 1


def _chrome_first(*patterns: str) -> str:
    """The project's vocabulary with `patterns` first in its `chrome` list."""
    return _VOCABULARY.replace("\nchrome:\n", "\nchrome:\n" + "".join(f"  - {p}\n" for p in patterns), 1)


# Each curated file through its own loader, as build_corpus loads it.
LOADERS = {
    "articles.yml": lambda path: load_curation(path, {"a.txt"}),
    "entities.yml": lambda path: load_registry(path, frozenset({"a.txt"})),
    "cleaning.yml": load_vocabulary,
}


@pytest.mark.parametrize("file_name, text, line, message", [
    ("articles.yml", _alias_bomb("articles: {}"), 2, "anchors and aliases"),
    ("entities.yml", _alias_bomb("entities: {}"), 2, "anchors and aliases"),
    ("cleaning.yml", _alias_bomb("chrome: []"), 2, "anchors and aliases"),
    ("articles.yml", "articles: &all {}\nmore: *all\n", 1, "anchors and aliases"),
    ("entities.yml", _DEEP, 1, "nesting depth"),
    ("articles.yml", _DEEP_BLOCK, 21, "nested deeper than 20 levels"),
    ("cleaning.yml", "chrome:\n  - 'x'\n  - \x07\n", 3, "control characters are not allowed"),
    ("articles.yml", "articles:\n  a.txt: {title: [unclosed\n", 3, "YAML syntax error"),
    # A merge key: what it merges in would pass the checks on keys unseen (a duplicate, a null id).
    ("articles.yml", 'articles:\n  a.txt:\n    <<: {title_en: "T", summary_en: "S."}\n    title_en: T\n', 3,
     "the merge key << is not allowed"),
    ("entities.yml", "entities:\n  <<: {~: {type: company, name: Merged}}\n", 2, "the merge key << is not allowed"),
    ("articles.yml", 'articles:\n  a.txt:\n    original_url: "http://[::1"\n', 3, "not a web address"),
    ("articles.yml", 'articles:\n  a.txt:\n    translated_from: {language: pt, url: "http://%zz/x"}\n', 3,
     "not a web address"),
    # Keys the data holds as one (invisible characters removed, Unicode composed): the first would be lost.
    ("articles.yml", 'articles:\n  a.txt: {title_en: A}\n  "a.txt\\u202E": {title_en: B}\n', 3, "duplicate key 'a.txt'"),
    ("articles.yml", 'articles:\n  "caf\\u00e9.txt": {title_en: A}\n  "cafe\\u0301.txt": {title_en: B}\n', 3,
     "duplicate key"),
    # A date in another script's digits ("٢٠٢٢"): a regular expression's \d takes it, the calendar not.
    ("entities.yml", "entities:\n  a:\n    type: company\n    name: A\n    description: D\n    names: {en: [A]}\n"
     "    events:\n      - {date: \"\u0662\u0660\u0662\u0662\", type: founded, description: D, sources: [a.txt]}\n", 8, "date"),
    # A pattern's end is the string's end, not a newline before it ($ in Python's re).
    ("articles.yml", 'articles:\n  a.txt:\n    original_url: "https://example.org/x\\n"\n', 3,
     "field 'articles.a.txt.original_url'"),
    ("articles.yml", 'articles:\n  a.txt:\n    translated_from: {language: "en\\n"}\n', 3,
     "field 'articles.a.txt.translated_from.language'"),
    # A key is text: a list or mapping as a key (unhashable once built), a number, a boolean or null.
    ("articles.yml", "articles:\n  ? [a.txt]\n  : {title_en: T}\n", 2, "a key must be text: a list or mapping"),
    ("entities.yml", "entities:\n  ? {a: 1}\n  : {name: A}\n", 2, "a key must be text: a list or mapping"),
    ("entities.yml", "entities:\n  123:\n    name: A\n", 2, "a key must be text: 123"),
    ("cleaning.yml", "chrome:\n  - 'x'\ntrue: []\n", 3, "a key must be text: true"),
    # A number longer than Python reads or prints (4,300 digits), written in decimal or in hexadecimal.
    ("articles.yml", "articles:\n  a.txt:\n    published: " + "9" * 4301 + "\n", 3, "a number of 4301 characters"),
    ("entities.yml", "entities:\n  a:\n    name: 0x" + "f" * 4000 + "\n", 3, "a number of 4002 characters"),
    # Patterns are checked as the vocabulary uses them: each in a list joined into one pattern.
    ("cleaning.yml", _chrome_first("'x'", "'(?i)share now'"), _CHROME_LINE + 2, "invalid regular expression: global flags"),
    ("cleaning.yml", _chrome_first("'(?P<x>a)'", "'(?P<x>b)'"), _CHROME_LINE + 1, "cannot be joined: redefinition of group"),
    ("cleaning.yml", _chrome_first("'x{99999999999}'"), _CHROME_LINE + 1, "invalid regular expression"),
    # A repeat inside a repeat: forty x's would keep the build matching for longer than anyone waits.
    ("cleaning.yml", _chrome_first("'(x+x+)+y'"), _CHROME_LINE + 1, "a repeat inside a repeat"),
    ("cleaning.yml", _chrome_first("'(share||tweet)'"), _CHROME_LINE + 1, "matches an empty line"),
    # Alternatives that can match the same text, repeated: as slow as a repeat inside a repeat.
    ("cleaning.yml", _chrome_first("'(a|a)+b'"), _CHROME_LINE + 1, "alternatives inside a repeat"),
    # ... wherever in the pattern they stand: in a lookaround, a lazy repeat, a group inside a group.
    ("cleaning.yml", _chrome_first("'x(?=(?:ab+)+)'"), _CHROME_LINE + 1, "a repeat inside a repeat"),
    ("cleaning.yml", _chrome_first("'(?<!q)y(?:z(a+?))*?'"), _CHROME_LINE + 1, "a repeat inside a repeat"),
    ("cleaning.yml", _chrome_first("'(?:x(?:ab|cd))*y'"), _CHROME_LINE + 1, "alternatives inside a repeat"),
])
def test_malicious_or_malformed_yaml_fails_fast_with_file_and_line(tmp_path, file_name, text, line, message):
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(CurationError) as error:
        LOADERS[file_name](path)
    assert time.perf_counter() - started < 1
    assert str(error.value).startswith(f"{path}:{line}: "), error.value
    assert message in str(error.value)


def test_a_curated_file_saved_in_another_encoding_is_refused_at_the_line_of_its_first_foreign_byte(tmp_path):
    path = tmp_path / "articles.yml"
    path.write_bytes("articles:\n  a.txt:\n    title_en: Clinique réouverte\n".encode("latin-1"))
    with pytest.raises(CurationError) as error:
        LOADERS["articles.yml"](path)
    assert str(error.value).startswith(f"{path}:3: cannot be read as UTF-8 text")


@pytest.mark.parametrize("pattern", [
    "'(?:ab|cd){1,3}x'",  # alternatives under a bounded repeat: no backtracking to speak of
    "'(?:share|tweet) [a-z]+'",  # alternatives beside a repeat, not inside it
    "'[a-z0-9]+(?:-[a-z]{2,})?'",  # a character set repeated: one of its characters at each step
    "'x+(?=y|z)'",  # a lookahead's alternatives after a repeat
])
def test_patterns_whose_repeats_cannot_backtrack_exponentially_load(tmp_path, pattern):
    path = tmp_path / "cleaning.yml"
    path.write_text(_chrome_first(pattern), encoding="utf-8")
    assert LOADERS["cleaning.yml"](path).chrome.every[0].compiled.pattern == f"(?:{pattern.strip(chr(39))})"
