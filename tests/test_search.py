"""Search: the index (scripts/dossier/search_*.py), the stemmers it shares with the browser
(stemming.py), and the worker that answers Material's search UI, run in Node by search_harness.cjs: the
very script the browser runs, on the very files of a built site.

The reader's queries are checked on the search fixture (conftest.search_site: the founding articles,
Japanese, Korean, Spanish, Italian and Portuguese scrapes of the development set, an article whose title
is markup); test_search_browser.py checks the same in Chromium, under a subpath, through Material's UI.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

import dossier.search_index
from conftest import (
    FOUNDING_CURATION,
    FOUNDING_REGISTRY,
    ROOT,
    SEARCH_HOSTILE_TITLE,
    UNCURATED_TEXT,
    BuiltSite,
    build_project,
    founding_site_files,
)
from dossier.search_encoding import lookup
from dossier.search_index import IndexBuilder, index_files, write_index
from dossier.search_pages import EXCERPT_CHARS, MAX_TOKENS, Kind, document
from dossier.search_site import IndexProcess, PageText, SiteIndex, Terms, page_text, shared
from dossier.search_text import MAX_TERM, cjk_terms, fold, name_key, simplified_map, word_terms
from dossier.stemming import LANGUAGES, porter, stemmer

HARNESS = Path(__file__).with_name("search_harness.cjs")
LISTINGS = {"", "entities/", "timeline/", "graph/", "report/", "data/", "about/"}
ARTICLES = {"000": "articles/000_8c560dd54438cdbd/", "001": "articles/001_05f2a6e073801e21/",
            "002": "articles/002_28d1916b4c7a27ba/", "003": "articles/003_19718d29d283a864/",
            "004": "articles/004_dd2d94cc94ac1fc7/", "en": "articles/uncurated-en/",
            "ja": "articles/cjk_08_ja/", "ko": "articles/cjk_11_ko/", "es": "articles/eu_07_es/",
            "it": "articles/eu_10_it/", "pt": "articles/eu_12_pt/", "hostile": "articles/hostile-title/"}

def node() -> str:
    """Node, to run the site's search worker: the machine needs it (README); without it the test fails."""
    found = shutil.which("node")
    assert found is not None, "node is missing: install Node.js and npm, which `make test` needs"
    return found


def run_queries(site: Path, queries: list[str], shown: int = 10) -> list[dict]:
    """Each query through the site's worker, as the browser would run it."""
    result = subprocess.run([node(), str(HARNESS), str(site)], input=json.dumps({"queries": queries, "shown": shown}),
                            capture_output=True, text=True, timeout=1800, check=False)
    lines = [json.loads(line) for line in result.stdout.split("\n") if line.strip()]
    assert result.returncode == 0 and len(lines) == len(queries), result.stderr[-3000:] + result.stdout[-3000:]
    return lines


def locations(line: dict) -> list[str]:
    return [item["location"] for item in line["items"]]


def indexed_pages(site: Path) -> dict[str, str]:
    """Every page in the index: URL -> title."""
    directory = site / "search" / "dossier"
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    pages = {}
    for n in range(manifest["documents"]):
        fragment = json.loads((directory / "f" / f"{n}.json").read_text(encoding="utf-8"))
        pages[fragment["u"]] = fragment["t"]
    return pages


# --- analysis ---------------------------------------------------------------------------------------------


def test_words_are_folded_stemmed_and_cut_as_the_worker_does():
    assert fold("Infirmières") == "infirmieres"
    assert fold("Straße") == "strasse" and fold("Œuvre") == "oeuvre"
    assert word_terms("Entscheidungen", "de") == ("entscheidungen", "entscheid")
    assert word_terms("pharmacies", "en") == ("pharmacies", "pharmaci")
    assert word_terms("infirmières", "fr")[0] == "infirmieres"
    assert word_terms("JPMorgan", None) == ("jpmorgan", "jp", "morgan")
    assert word_terms("PillPack", "en")[:1] == ("pillpack",) and {"pill", "pack"} <= set(word_terms("PillPack", "en"))
    assert word_terms("x" * 100, None) == ("x" * MAX_TERM,)
    assert stemmer("zh-Hant") is None and stemmer("pt-BR") is not None


def test_cjk_runs_are_simplified_characters_and_bigrams():
    assert cjk_terms("亚马逊") == ["亚", "马", "逊", "亚马", "马逊"]
    doc = document("articles/x/", '<h1>亞馬遜關愛</h1><p lang="zh-Hant">阿里健康</p>')
    assert {"亚马", "马逊", "逊关", "关爱", "阿里", "健康"} <= set(doc.terms)
    assert doc.han >= {"亞", "馬", "遜", "關", "愛"}
    assert simplified_map(["亞馬遜"]) == {"亞": "亚", "馬": "马", "遜": "逊"}


def test_names_are_keys_whatever_their_spacing_case_or_script():
    assert name_key("Amazon Care") == name_key("amazon  care") == "amazon care"
    assert name_key("J.P. Morgan") == "j p morgan"
    assert name_key("伯克希尔·哈撒韦") == name_key("伯克希爾哈撒韋") == "伯克希尔哈撒韦"
    assert name_key("Amazonファーマシー") == "amazonファーマシー"


def test_a_page_is_indexed_by_its_content_not_its_furniture():
    html = ('<div class="article-header"><h1 lang="de">Gesundheit</h1><p class="title-en" lang="en">Health</p></div>'
            '<dl class="article-meta"><dt>Author</dt><dd>Erika Muster <span class="provenance">(from the text)</span></dd></dl>'
            '<div class="article-text" lang="de"><p id="p1">Die Entscheidungen <a class="entity" href="../../entities/amazon/">'
            'Amazons</a>.<a class="headerlink" href="#p1">¶</a></p></div>'
            '<div class="cite-box"><h2>Cite this</h2><p>citation words</p></div>'
            '<section class="removal-report" data-search-exclude><p>removed words</p></section>'
            '<script>var hidden = 1;</script>')
    doc = document("articles/x/", html)
    assert doc.title == "Gesundheit" and doc.kind == Kind.ARTICLE
    assert {"gesundheit", "health", "erika", "muster", "entscheidungen", "entscheid", "amazons"} <= set(doc.terms)
    assert not {"citation", "removed", "hidden", "provenance", "text", "cite"} & set(doc.terms)
    assert doc.terms["gesundheit"] > doc.terms["entscheidungen"]  # the title weighs more
    assert doc.links == {"entities/amazon/": 1}
    assert "Erika" not in doc.excerpt and doc.excerpt.startswith("Health Die Entscheidungen")
    # On a listing page, an article's title is that article's text, not the page's.
    listing = document("", '<h1>Big Tech in Health</h1><table><tr><td><a href="articles/x/">Gesundheit</a>'
                                  '</td><td>Health</td></tr></table>')
    assert listing.kind == Kind.LISTING and "gesundheit" not in listing.terms and "health" in listing.terms


def test_one_page_contributes_a_bounded_number_of_tokens():
    words = " ".join(f"word{n}" for n in range(60_000))
    doc = document("articles/huge/", f"<h1>Huge</h1><p>{words}</p>" + "<p>tail</p>" * 20_000)
    assert doc.length == MAX_TOKENS and len(doc.terms) <= MAX_TOKENS + 10
    assert "word0" in doc.terms and f"word{MAX_TOKENS + 100}" not in doc.terms
    assert len(doc.excerpt) <= EXCERPT_CHARS


# The title is a token and each link's text one more: with ten left, nine links are read.
@pytest.mark.parametrize("words, links_counted", [(MAX_TOKENS - 100, 30), (MAX_TOKENS - 10, 9), (MAX_TOKENS, 0)])
def test_a_page_is_read_no_further_than_its_token_budget(words, links_counted):
    """Text is analysed a run at a time, yet the links after the budget is spent count no more than its text:
    a huge page cannot weigh more for a profile by what it holds past the point where it stops counting."""
    text = " ".join(f"word{n}" for n in range(words))
    link = '<a class="entity" href="../../entities/amazon/">Amazon</a> '
    doc = document("articles/huge/", f"<h1>Huge</h1><p>{text}</p>" + link * 30)
    assert doc.links == ({"entities/amazon/": links_counted} if links_counted else {})
    assert doc.length == min(MAX_TOKENS, 1 + words + 30)


def test_the_index_is_the_same_bytes_for_the_same_pages_and_reads_back(tmp_path):
    pages = [document(url, html, names=names) for url, html, names in [
        ("articles/a/", "<h1>Amazon Care closes</h1><p>Amazon said the service would close.</p>"
                        '<p><a class="entity" href="../../entities/amazon-care/">Amazon Care</a></p>', ()),
        ("articles/b/", '<h1 lang="zh-Hant">亞馬遜關愛</h1>', ()),
        ("entities/amazon-care/", "<h1>Amazon Care</h1><p>A venture.</p>", ("Amazon Care", "亚马逊关爱")),
        ("", "<h1>Big Tech in Health</h1>", ()),
    ]]
    first, second = tmp_path / "one", tmp_path / "two"
    write_index(pages, first)
    write_index(list(reversed(pages)), second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["documents"], manifest["articles"], manifest["profiles"]) == (4, 2, 1)
    order = ["articles/a/", "articles/b/", "entities/amazon-care/", ""]  # articles, profiles, listings
    assert [json.loads((first / "f" / f"{n}.json").read_text())["u"] for n in range(4)] == order
    assert [page for page, _ in lookup(first, "amazon")] == [0, 2]
    assert [page for page, _ in lookup(first, "关爱")] == [1]
    # A name's key: the profile, and the articles that link it.
    assert [page for page, _ in lookup(first, "=amazon care")] == [0, 2]
    assert [page for page, _ in lookup(first, "=亚马逊关爱")] == [0, 2]
    assert lookup(first, "nowhere") == []


def test_postings_far_apart_read_back(tmp_path):
    """Pages hundreds apart: gaps that take more than one byte in the index read back as they were."""
    pages = [document(f"articles/{n:03d}/", f"<h1>Page {n}</h1><p>{'rare' if n in (0, 150, 299) else 'common'}</p>")
             for n in range(300)]
    write_index(pages, tmp_path)
    assert [page for page, _ in lookup(tmp_path, "rare")] == [0, 150, 299]
    assert [page for page, _ in lookup(tmp_path, "common")] == [n for n in range(300) if n not in (0, 150, 299)]


def _folder(directory):
    return {str(p.relative_to(directory)): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


def test_writing_again_after_an_edit_rewrites_only_what_changed(tmp_path):
    """As `mkdocs serve` rewrites the index after an edit: the folder ends as a fresh write of the new
    pages would leave it, and the files whose bytes did not change are not written again."""
    pages = {f"articles/{n}/": document(f"articles/{n}/", f"<h1>Clinic {n}</h1><p>Amazon opened clinic {n}.</p>")
             for n in "abcdef"}
    served, written = tmp_path / "served", {}
    write_index(pages.values(), served, written)
    for path in served.rglob("*"):
        os.utime(path, ns=(0, 0))  # written long ago
    pages["articles/c/"] = document("articles/c/", "<h1>Clinic c</h1><p>Amazon closed clinic c.</p>")
    del pages["articles/f/"]
    write_index(pages.values(), served, written)
    fresh = tmp_path / "fresh"
    write_index(pages.values(), fresh)
    assert _folder(served) == _folder(fresh)
    rewritten = {str(p.relative_to(served)) for p in served.rglob("*") if p.is_file() and p.stat().st_mtime_ns}
    assert rewritten and "f/0.json" not in rewritten and "f/2.json" in rewritten  # a, kept; c, edited


def _clinic(n: int, verb: str = "opened") -> object:
    """An article about a clinic; some link Amazon Care, some Haven."""
    return document(f"articles/{n:02d}/", f"<h1>Clinic {n}</h1><p>Amazon {verb} clinic {n} in city {n % 7}.</p>"
                    + ('<p><a class="entity" href="../../entities/amazon-care/">Amazon Care</a></p>' if n % 2 else "")
                    + ('<p><a class="entity" href="../../entities/haven/">Haven</a></p>' if n % 3 == 0 else ""))


def _corpus_pages(count: int) -> dict[str, object]:
    """Articles that mention two profiles (one in Traditional Chinese), the profiles, and a listing page."""
    pages = {f"articles/{n:02d}/": _clinic(n) for n in range(count)}
    pages["articles/07/"] = document("articles/07/", "<h1>Clinic 7</h1><p>亞馬遜關愛在診所</p>")
    pages["entities/amazon-care/"] = document("entities/amazon-care/", "<h1>Amazon Care</h1><p>A venture.</p>",
                                              names=("Amazon Care", "亚马逊关爱"))
    pages["entities/haven/"] = document("entities/haven/", "<h1>Haven</h1><p>A joint venture.</p>", names=("Haven",))
    pages[""] = document("", "<h1>Big Tech in Health</h1>")
    return pages


EDITS = {
    "an article's text": lambda pages: pages.update({"articles/03/": document(
        "articles/03/", "<h1>Clinic 3</h1><p>Amazon closed clinic 3, telehealth goes on.</p>")}),
    "an article's links": lambda pages: pages.update({"articles/04/": document(
        "articles/04/", '<h1>Clinic 4</h1><p><a class="entity" href="../../entities/amazon-care/">Amazon Care</a> '
                        '<a class="entity" href="../../entities/amazon-care/">again</a></p>')}),
    "a profile's names": lambda pages: pages.update({"entities/haven/": document(
        "entities/haven/", "<h1>Haven</h1><p>A joint venture.</p>", names=("Haven", "Haven Healthcare"))}),
    "a page removed": lambda pages: pages.pop("articles/05/"),
    "a page added": lambda pages: pages.update({"articles/99/": document("articles/99/", "<h1>New</h1><p>Haven</p>")}),
    # The worker's Simplified table holds the Han characters of every page: it changes with them.
    "Traditional text changed": lambda pages: pages.update({"articles/07/": document(
        "articles/07/", "<h1>Clinic 7</h1><p>關愛診所關閉</p>")}),
    "Traditional text taken out": lambda pages: pages.update({"articles/07/": _clinic(7, "closed")}),
    "a long page (the average length moves)": lambda pages: pages.update({"articles/06/": document(
        "articles/06/", "<h1>Clinic 6</h1><p>" + " ".join(f"word{n}" for n in range(3_000)) + "</p>")}),
}


@pytest.mark.parametrize("edits", [[name] for name in EDITS] + [list(EDITS)], ids=[*EDITS, "all, in turn"])
def test_the_index_kept_across_edits_is_the_index_built_afresh(edits):
    """As `mkdocs serve` keeps it: after each edit, the same files, byte for byte, as a fresh build."""
    pages = _corpus_pages(30)
    builder = IndexBuilder()
    builder.files(pages.values())
    for name in edits:
        EDITS[name](pages)
        assert builder.files(pages.values()) == index_files(pages.values()), name


def test_an_edit_to_one_page_encodes_only_its_terms_again(monkeypatch):
    pages = _corpus_pages(30)
    builder = IndexBuilder()
    builder.files(pages.values())
    encoded = []
    monkeypatch.setattr(dossier.search_index, "encode_entries",
                        lambda postings: ((term, b"") for term, _, _ in postings if not encoded.append(term)))
    pages["articles/03/"] = _clinic(3, "closed")  # as long as before: the average length stays
    builder.files(pages.values())
    # The article's terms, and the name keys of the profiles it links (their entries list it).
    assert set(encoded) == {*_clinic(3).terms, *_clinic(3, "closed").terms, "=amazon care", "=亚马逊关爱", "=haven"}


def test_a_document_as_the_index_keeps_it_reads_as_the_one_analysed():
    """`shared` keeps a page's terms in two tuples (Terms): the same terms, frequencies and order, and
    the same index, byte for byte."""
    pages = _corpus_pages(30)
    kept = {url: shared(doc) for url, doc in pages.items()}
    profile, kept_profile = pages["entities/amazon-care/"], kept["entities/amazon-care/"]
    assert isinstance(kept_profile.terms, Terms) and kept_profile == profile
    assert list(kept_profile.terms.items()) == list(profile.terms.items()) and len(kept_profile.terms) == len(profile.terms)
    assert kept_profile.terms["amazon"] == profile.terms["amazon"] and "amazon" in kept_profile.terms
    with pytest.raises(KeyError):
        kept_profile.terms["haven"]
    assert index_files(kept.values()) == index_files(pages.values())


def _page(url: str, search: object = None, title: str = "") -> SimpleNamespace:
    """What MkDocs' Page gives the index: its URL, title and front matter."""
    return SimpleNamespace(url=url, title=title, meta={"search": search} if search is not None else {})


def test_a_page_leaves_materials_index_and_its_front_matter_may_keep_it_out_of_ours():
    kept, excluded = _page("articles/a/", {"boost": 3}, "A &amp; B"), _page("articles/a/zh-hant/", {"exclude": True})
    assert page_text(kept, "<p>x</p>", ()) == PageText("articles/a/", "<p>x</p>", "A & B", (), indexed=True)
    assert not page_text(excluded, "<p>x</p>", ()).indexed
    assert kept.meta["search"] == {"boost": 3, "exclude": True} and excluded.meta["search"] == {"exclude": True}
    with pytest.raises(TypeError, match="articles/b/"):
        page_text(_page("articles/b/", "no"), "", ())


@pytest.fixture(scope="module")
def helped() -> Iterator[IndexProcess]:
    """A helper process for the module's tests, as a server keeps one from build to build (spawned: this
    process runs threads, and a fork may catch one holding a lock)."""
    helper = IndexProcess("spawn")
    yield helper
    helper.close()


def test_the_index_in_a_helper_process_writes_what_one_in_this_process_does(tmp_path, helped):
    """IndexProcess analyses pages in another process, across builds as `mkdocs serve` makes them: its
    files are the same bytes as the SiteIndex's, build after build."""
    first = {f"articles/{n:02d}/": f"<h1>Clinic {n}</h1><p>Amazon opened clinic {n}. 亞馬遜關愛</p>" for n in range(12)}
    edited = {"articles/03/": "<h1>Clinic 3</h1><p>Amazon closed clinic 3.</p>", "articles/99/": "<h1>New</h1><p>Haven</p>"}
    urls = {*first, "articles/99/"} - {"articles/05/"}  # a page deleted, one added
    here = SiteIndex()
    for build, (pages, documents) in enumerate([(first, 10), (edited, 11)]):
        texts = [PageText(url, body, "", (), indexed=True) for url, body in pages.items()]
        texts.append(PageText("articles/07/", "<h1>Left out</h1>", "", (), indexed=False))
        for index in (here, helped):
            for text in texts:
                index.add(text)
        folders = [tmp_path / name / str(build) for name in ("here", "helped")]
        assert here.write(folders[0], urls) == helped.write(folders[1], urls)
        assert _folder(folders[0]) == _folder(folders[1])
        manifest = json.loads((folders[1] / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["documents"] == documents


def test_a_staged_page_reaches_the_helper_as_its_file_and_is_analysed_from_it(tmp_path, helped):
    """A generated page goes to the helper as the name of its staged file (what waits for the helper
    stays small): the helper reads the same HTML the page had."""
    staged = tmp_path / "articles" / "a" / "index.md"
    staged.parent.mkdir(parents=True)
    body = "<h1>Clinic</h1><p>Amazon opened a clinic.</p>"
    staged.write_text(f"---\ntitle: Clinic\n---\n\n{body}\n", encoding="utf-8")
    text = PageText("articles/a/", body, "", (), indexed=True, staged=str(staged))
    assert replace(text, content="").read() == body == text.read()
    here = SiteIndex()
    for index in (here, helped):
        index.add(text)
    urls = {"articles/a/"}
    assert here.write(tmp_path / "here", urls) == helped.write(tmp_path / "helped", urls)
    assert _folder(tmp_path / "here") == _folder(tmp_path / "helped")


def test_the_helper_process_ends_with_the_process_that_started_it():
    """Killed, the process that started the helper cannot shut it down: the helper ends by itself."""
    parent = subprocess.Popen(
        [sys.executable, "-c", "import os, time\nfrom dossier.search_site import IndexProcess\n"
         "index = IndexProcess()\nprint(index.helper.submit(os.getpid).result(), flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        helper = int(parent.stdout.readline())
        os.kill(helper, 0)  # alive
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and Path(f"/proc/{helper}").exists() and _state(helper) != "Z":
            time.sleep(0.05)
        assert not Path(f"/proc/{helper}").exists() or _state(helper) == "Z"
    finally:
        parent.kill()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return "gone"


# --- the stemmers the index and the browser share -----------------------------------------------------------


def test_the_browser_stems_every_word_of_the_corpus_as_the_index_does(search_site):
    texts = {"en": [UNCURATED_TEXT, *((ROOT / "eval/devset/articles" / f"eu_{n}_en.txt").read_text("utf-8", "replace")
                                      for n in (14, 15, 16))]}
    for language, names in {"de": ["002", "eu_01_de", "eu_02_de"], "fr": ["004", "eu_04_fr", "eu_05_fr"],
                            "es": ["eu_07_es", "eu_08_es"], "it": ["eu_10_it", "eu_11_it"],
                            "pt": ["eu_12_pt", "eu_13_pt"]}.items():
        texts[language] = [path.read_text("utf-8", "replace") for name in names
                           for path in [*(ROOT / "eval/devset/articles").glob(f"{name}*"),
                                        *(ROOT / "tests/fixtures/founding/articles").glob(f"{name}*")]]
    words = {language: sorted({w.lower() for text in texts[language] for w in re.findall(r"[^\W\d_]+", text)})
             for language in LANGUAGES}
    assert all(len(words[language]) > 300 for language in LANGUAGES), {k: len(v) for k, v in words.items()}
    result = subprocess.run([node(), str(HARNESS), str(search_site.site), "--stem"], input=json.dumps(words),
                            capture_output=True, text=True, timeout=300, check=False)
    browser = json.loads(result.stdout)
    for language in LANGUAGES:
        ours = [stemmer(language)(word) for word in words[language]]
        differ = [(w, a, b) for w, a, b in zip(words[language], ours, browser[language], strict=True) if a != b]
        assert not differ, f"{language}: {differ[:20]}"
    assert porter("always") == "alway" and porter("relational") == "relat"


# --- what a reader asks, through the real worker -------------------------------------------------------------


def entity_articles(site: BuiltSite, entity: str) -> set[str]:
    entry = next(e for e in site.entities["entities"] if e["id"] == entity)
    urls = {a["id"]: a["url"] for a in site.corpus["articles"]}
    return {urls[a] for a in entry["articles"]}


NAMED = [  # a company or venture's name, as a reader types it: its profile first, then its articles
    ("Amazon Care", "amazon-care"), ("amazon care", "amazon-care"), ("AMAZON CARE", "amazon-care"),
    ("Amazon Pharmacy", "amazon-pharmacy"), ("amazon pharmacy", "amazon-pharmacy"), ("JPMorgan", "jpmorgan"),
    ("jpmorgan", "jpmorgan"), ("J.P. Morgan", "jpmorgan"), ("One Medical", "one-medical"),
    ("one medical", "one-medical"), ("PillPack", "pillpack"), ("药丸包", "pillpack"), ("Haven", "haven"),
    ("亚马逊", "amazon"), ("亞馬遜", "amazon"), ("Amazon", "amazon"), ("阿里健康", "ali-health"),
    ("Alibaba Health", "ali-health"), ("ワン・メディカル", "one-medical"), ("One Med", "one-medical"),
]


def test_a_company_name_finds_its_profile_first_then_the_articles_that_mention_it(search_site):
    lines = run_queries(search_site.site, [query for query, _ in NAMED])
    for (query, entity), line in zip(NAMED, lines, strict=True):
        assert not line.get("error") and not line["warnings"], line
        found = locations(line)
        assert found[0] == f"entities/{entity}/", (query, found)
        mentioning = entity_articles(search_site, entity)
        following = found[1:1 + len(mentioning)]  # as many as fit in the first ten
        assert len(following) == min(len(mentioning), len(found) - 1), (query, found, mentioning)
        assert set(following) <= mentioning, (query, found, mentioning)


FOUND = [  # (query, the page a reader expects, at most at this rank)
    ("亚马逊", ARTICLES["000"], 10),  # Simplified query, Traditional article
    ("亞馬遜", ARTICLES["001"], 10),  # Traditional query, Simplified article
    ("关爱", ARTICLES["001"], 3),  # inside 亚马逊关爱
    ("關愛", ARTICLES["001"], 3),
    ("马逊", ARTICLES["001"], 10),
    ("朱顺炎", ARTICLES["003"], 1),  # a person, named in Traditional characters
    ("朱順炎", ARTICLES["003"], 1),
    ("Neil Lindsay", ARTICLES["002"], 3),  # a person, in a German article (and others)
    ("Lucia Ferrer", ARTICLES["es"], 1),  # the Spanish article's author, accent left out
    ("Giulia Mancini", ARTICLES["it"], 1),
    ("ヘイブン", ARTICLES["ja"], 3),  # katakana
    ("合弁会社", ARTICLES["ja"], 3),  # kanji
    ("ハザウェイ", ARTICLES["ja"], 3),  # inside バークシャー・ハザウェイ
    ("バフェット", ARTICLES["ja"], 3),
    ("원메디컬", ARTICLES["ko"], 1),  # hangul
    ("메디컬", ARTICLES["ko"], 1),  # inside 원메디컬
    ("아마존", ARTICLES["ko"], 3),  # inside 아마존이, 아마존은
    ("Gesundheitsdienste", ARTICLES["002"], 3),  # the text has Gesundheitsdiensten
    ("Entscheidungen", ARTICLES["002"], 3),  # the text has Entscheidung
    ("Gesundh", ARTICLES["002"], 3),  # a word's beginning
    ("infirmières", ARTICLES["004"], 3),
    ("infirmieres", ARTICLES["004"], 3),
    ("medicamento", ARTICLES["es"], 1),  # Spanish: the text has medicamentos
    ("genericos", ARTICLES["es"], 1),  # and genéricos
    ("farmacias", ARTICLES["es"], 3),
    ("disturbo", ARTICLES["it"], 1),  # Italian: the text has disturbi
    ("piu", ARTICLES["it"], 1),  # più
    ("telemedicine", ARTICLES["it"], 3),  # telemedicina, by its stem
    ("funcionario", ARTICLES["pt"], 1),  # Portuguese: funcionários
    ("servicos", ARTICLES["pt"], 3),  # serviço
    ("telehealth", ARTICLES["004"], 10),
    ("shutdown", ARTICLES["004"], 1),  # written "shut down"
    ("shut down", ARTICLES["004"], 1),
    ("pharmacy", ARTICLES["en"], 10),
    ("timeline", "timeline/", 1),  # a listing page that a query names comes first
    ("build report", "report/", 1),
]


def test_queries_find_what_a_reader_expects(search_site):
    lines = run_queries(search_site.site, [query for query, _, _ in FOUND])
    for (query, expected, rank), line in zip(FOUND, lines, strict=True):
        assert not line.get("error") and not line["warnings"], line
        found = locations(line)
        assert expected in found[:rank], f"{query}: {expected} not in the first {rank}: {found}"


def test_topic_words_rank_articles_and_profiles_above_listing_pages(search_site):
    queries = ["telehealth", "shutdown", "pharmacy", "Amazon", "health", "clinic", "care", "employers"]
    for query, line in zip(queries, run_queries(search_site.site, queries, shown=50), strict=True):
        kinds = ["listing" if location in LISTINGS else "page" for location in locations(line)]
        assert "page" in kinds, (query, locations(line))
        assert kinds == sorted(kinds, key=lambda kind: kind == "listing"), (query, locations(line))


def test_what_is_not_there_is_not_found(search_site):
    lines = run_queries(search_site.site, ["阿里健康", "Zyxwvut", "ラーメン屋"])
    assert ARTICLES["002"] not in locations(lines[0])
    assert locations(lines[1]) == [] and locations(lines[2]) == []


# --- no query ever throws -------------------------------------------------------------------------------


SYNTAX = ["+", "-", "*", "~", "^", ":", "+amazon -care", "amazon*", "ama*zon", "amazon~2", "amazon^10",
          "title:amazon", "text:care", "foo:bar:baz", "\\", "\\\\", "(", ")", "[", "]", "{", "}", "|", "?",
          ".*", "a.*b", "(?<x>a)", "[^a]", "$1", "\\u0000", "\u0000", "", " ", "\t\n", "^$", "\\p{L}",
          "'\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&lt;b&gt;",
          "constructor", "__proto__", "toString", "hasOwnProperty", "prototype", "=amazon care", "@0", "=",
          "@", "\uffff", "\ud800", "\udfff", "\U0001F600\U0001F600", "𠮷野家", "﻿amazon", "a\u0301", "ﬁ",
          "ＡＭＡＺＯＮ", "ｱﾏｿﾞﾝ", "İstanbul", "ΣΊΣΥΦΟΣ", "ß", "ǅ", "\u202eamazon", "amazon\u200bcare"]


def fuzz_queries(site: BuiltSite, seed: int = 12) -> list[str]:
    rng = random.Random(seed)
    words = set()
    for path in (site.project / "seeds" / "articles").iterdir():
        text = path.read_bytes().decode("utf-8", "replace")
        words.update(re.findall(r"\w+", text))
        words.update(re.findall(r"\S+", text))
    registry = yaml.safe_load((site.project / "seeds" / "entities.yml").read_text(encoding="utf-8"))
    for spec in registry["entities"].values():
        for names in [*(spec.get("names") or {}).values(), spec.get("aliases") or [], spec.get("mistranslations") or []]:
            words.update(names)
        words.add(spec["name"])
    words = sorted(words)
    rng.shuffle(words)
    words = words[:2500]
    phrases = [" ".join(rng.sample(words, rng.randint(2, 3))) for _ in range(400)]
    alphabet = [chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x3040, 0x30FF), *range(0x4E00, 0x4F00),
                                 *range(0xAC00, 0xAD00), 0x200B, 0x200D, 0xFEFF, 0x1F600, 0x20BB7, 0xD800, 0xDFFF]]
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    long = ["amazon " * 5000, "x" * 100_000, "亚马逊" * 20_000, " ".join(words[:3000]),
            "".join(rng.choice(alphabet) for _ in range(50_000)), "+" * 10_000, "(" * 10_000 + ")" * 10_000]
    return words + phrases + noise + SYNTAX + long


SAFE_MARKUP = re.compile(r"</?(mark|p)>")


def test_no_query_ever_throws_and_every_answer_is_sane(search_site):
    pages = indexed_pages(search_site.site)
    queries = fuzz_queries(search_site)
    assert len(queries) > 3000
    lines = run_queries(search_site.site, queries)
    for line in lines:
        query = line["query"]
        assert "error" not in line and not line["warnings"], line
        assert 0 <= len(line["items"]) <= 10 and line["matched"] <= 50, query[:80]
        assert len(line["items"]) == min(10, line["matched"])
        scores = [item["score"] for item in line["items"]]
        assert scores == sorted(scores, reverse=True), query[:80]
        assert len(set(locations(line))) == len(line["items"]), (query[:80], locations(line))
        for item in line["items"]:
            assert item["location"] in pages, (query[:80], item["location"])
            for html in (item["title"], item["text"]):
                assert "<" not in SAFE_MARKUP.sub("", html), (query[:80], html)  # text, escaped, and <mark>
            assert len(item["text"]) < 5000


def test_every_name_in_the_registry_finds_its_profile_first(search_site):
    registry = yaml.safe_load((search_site.project / "seeds" / "entities.yml").read_text(encoding="utf-8"))
    pairs = [(name, entity) for entity, spec in registry["entities"].items()
             for name in sorted({spec["name"], *(n for names in (spec.get("names") or {}).values() for n in names),
                                 *(spec.get("aliases") or [])})]
    keys = {}
    for name, entity in pairs:  # a name two entities share leads to both
        keys.setdefault(name_key(name), set()).add(f"entities/{entity}/")
    for (name, entity), line in zip(pairs, run_queries(search_site.site, [name for name, _ in pairs], shown=3), strict=True):
        assert locations(line) and locations(line)[0] in keys[name_key(name)], (name, entity, locations(line))


def test_titles_and_excerpts_are_text_never_markup(search_site):
    line, = run_queries(search_site.site, ["markup in a title"])
    item = next(item for item in line["items"] if item["location"] == ARTICLES["hostile"])
    assert "&#60;img src=x onerror=alert(1)&#62;" in item["title"] and "<img" not in item["title"]
    plain = re.sub(r"</?mark>", "", item["title"])
    assert plain.replace("&#60;", "<").replace("&#62;", ">").replace("&#38;", "&") == SEARCH_HOSTILE_TITLE


# --- one huge article ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def huge_site(tmp_path_factory) -> BuiltSite:
    """The founding site with an article at the per-file size limit (5 MB), in paragraphs of 2 KB (the
    clean stage's time grows with the number of lines; the search index sees the same 5 MB)."""
    root = tmp_path_factory.mktemp("huge-search")
    rng = random.Random(5)
    vocabulary = ["clinic", "patients", "insurance", "pharmacy", "records", "doctors", "nurses", "Amazon",
                  "telehealth", "employers", "service", "health", "visits", "costs", "data", "app", "the", "of"]
    lines = ["Quixotically large report on clinics", "",
             "Hugewordstart opens this very long report about clinics and the patients who visit them."]
    size = sum(len(line) + 1 for line in lines)
    while True:
        line = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(280, 320))) + f" line{len(lines)}."
        if size + len(line) + 1 + 40 > 5_000_000:
            break
        lines.append(line)
        size += len(line) + 1
    lines.append("Hugewordend closes the report.")
    data = ("\n".join(lines) + "\n").encode()
    assert 4_900_000 < len(data) <= 5_000_000
    files = {**founding_site_files(), "huge.txt": data}
    return build_project(root, files, FOUNDING_CURATION, FOUNDING_REGISTRY)


def test_an_article_at_the_size_limit_does_not_break_other_queries(huge_site):
    report = {i["source_file"]: i for i in huge_site.report["inputs"]}
    assert report["seeds/articles/huge.txt"]["status"] == "published"
    queries = ["Amazon Care", "JPMorgan", "亞馬遜", "Neil Lindsay", "Entscheidungen", "Hugewordstart",
               "Hugewordend", "clinic patients", "line10", "line2000"]
    lines = run_queries(huge_site.site, queries)
    for line in lines:
        assert "error" not in line and not line["warnings"], line
    found = dict(zip(queries, map(locations, lines), strict=True))
    assert found["Amazon Care"][0] == "entities/amazon-care/"
    assert found["JPMorgan"][0] == "entities/jpmorgan/"
    assert ARTICLES["000"] in found["亞馬遜"] and found["Neil Lindsay"][:1] == [ARTICLES["002"]]
    assert ARTICLES["002"] in found["Entscheidungen"]
    assert found["Hugewordstart"] == ["articles/huge/"]
    assert found["line10"] == ["articles/huge/"]
    assert found["Hugewordend"] == [] and found["line2000"] == []  # past what one page may contribute
    # What the huge page adds to the index, and to any one download, stays small.
    directory = huge_site.site / "search" / "dossier"
    assert max(p.stat().st_size for p in (directory / "c").iterdir()) < 200_000
    assert max(p.stat().st_size for p in (directory / "f").iterdir()) < 10_000
    assert sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) < 3_000_000
