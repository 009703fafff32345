"""The built site: a strict MkDocs build, the data contracts of docs/data.md, and every link resolving.

Two sites: the real one (whatever `seeds/` holds: only invariants that hold for any corpus) and the
founding fixture site (the five founding articles, curated, and one uncurated article: the precise
expectations)."""

import datetime
import hashlib
import json
import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from markupsafe import escape

from conftest import (
    FOUNDING_CURATION,
    FOUNDING_FILES,
    FOUNDING_REGISTRY,
    UNCURATED_NAME,
    UNCURATED_TEXT,
    founding_site_files,
    make_project,
    mkdocs_build,
    report_text,
    site_entries,
    started_mkdocs_build,
)
from dossier.parallel import MIN_PARALLEL_FILES
from dossier.profiles import type_label
from dossier.project_config import write_config
from dossier.sources import file_count
from hostile_corpus import FIXTURE_MAX_FILE_BYTES, cases, make_special_entries, special_entries

CORPUS_FIELDS = {"id", "source_file", "sha256", "language", "title", "title_en", "publisher", "author",
                 "published", "original_url", "url", "variants", "entities", "removed"}
REPORT_FIELDS = {"source_file", "sha256", "status", "article", "duplicate_of", "reason"}
ENTITY_FIELDS = {"id", "type", "name", "names", "aliases", "url", "articles"}
# A BCP 47 tag as the pipeline writes them: language, optional script, optional region ("und" included).
BCP47 = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?")

FOUNDING_LANGUAGES = {"000": "zh-Hant", "001": "zh-Hans", "002": "de", "003": "zh-Hant", "004": "fr"}


class PageLinks(HTMLParser):
    """Collects a page's ids, links and the resources it loads."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.resources, self.langs = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "lang" in attrs:
            self.langs.append(attrs["lang"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        for attr in ("src", "href") if tag in ("script", "img", "link", "iframe", "source") else ():
            if attrs.get(attr):
                self.resources.append(attrs[attr])


def parse(path: Path) -> PageLinks:
    page = PageLinks()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_file(site: Path, url: str) -> Path:
    path = site / unquote(url)
    return path / "index.html" if url.endswith("/") or url == "" else path


@pytest.fixture(params=["real", "founding"], scope="module")
def any_site(request):
    """Each test of an invariant runs on the real site (any corpus) and on the founding fixture site."""
    return request.getfixturevalue(f"{request.param}_site")


def by_prefix(site) -> dict:
    """The founding site's corpus.json entries by file-name prefix ("000" .. "004", "unc")."""
    return {a["id"][:3]: a for a in site.corpus["articles"]}


# --- invariants: the real site (any corpus) and the founding site ------------------------------------


def test_corpus_json_follows_the_contract(any_site):
    site, articles = any_site.site, any_site.corpus["articles"]
    published = [i for i in any_site.report["inputs"] if i["status"] == "published"]
    assert sorted(a["id"] for a in articles) == sorted(i["article"] for i in published)
    assert len({a["id"] for a in articles}) == len(articles)
    for entry in articles:
        assert set(entry) >= CORPUS_FIELDS
        assert entry["source_file"].startswith("seeds/articles/")
        raw = (any_site.project / entry["source_file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest()
        assert BCP47.fullmatch(entry["language"]), entry["language"]
        if entry["language"].split("-")[0] == "zh":
            assert entry["language"] in {"zh-Hant", "zh-Hans"}  # Chinese always carries its script
        if entry["published"] is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["published"])
            datetime.date.fromisoformat(entry["published"])  # a calendar date
        assert isinstance(entry["title"], str)  # "" when the file states none
        assert isinstance(entry["title_en"], str)  # "" until someone curates it
        assert not entry["url"].startswith("/") and page_file(site, entry["url"]).is_file()
        assert all({"rule", "chars"} <= set(r) and r["chars"] > 0 for r in entry["removed"])
        assert isinstance(entry["entities"], list) and all(isinstance(e, str) for e in entry["entities"])
        if entry["language"].startswith("zh"):
            assert set(entry["variants"]) == {"zh-Hant", "zh-Hans"}
            assert entry["variants"][entry["language"]] == entry["url"]
        for url in entry["variants"].values():
            assert not url.startswith("/") and page_file(site, url).is_file()


def test_data_files_are_json_as_the_standard_library_writes_it(any_site):
    """What a reader's tools expect: UTF-8 as itself, indented by two, as json.dumps writes it (orjson
    writes them; a value it would write otherwise, such as a float, shows here)."""
    data = sorted((any_site.site / "data").glob("*.json"))
    assert len(data) >= 3
    for path in data:
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", path.name


def test_build_report_lists_every_input_exactly_once(any_site):
    inputs = any_site.report["inputs"]
    assert sorted(i["source_file"] for i in inputs) == any_site.input_files
    ids = {a["id"] for a in any_site.corpus["articles"]}
    sources = {i["source_file"] for i in inputs}
    for entry in inputs:
        assert set(entry) == REPORT_FIELDS
        raw = (any_site.project / entry["source_file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest()
        assert entry["status"] in {"published", "duplicate", "rejected"}
        if entry["status"] == "published":
            assert entry["article"] in ids and entry["reason"] is None and entry["duplicate_of"] is None
        else:
            assert entry["reason"] and entry["article"] is None
        if entry["status"] == "duplicate":
            assert entry["duplicate_of"] in sources and entry["duplicate_of"] != entry["source_file"]


def test_build_report_page_lists_every_input(any_site):
    page = report_text(any_site.site)
    for entry in any_site.report["inputs"]:
        assert entry["source_file"] in page
        if entry["status"] == "rejected":
            assert entry["reason"] in page


def test_home_page_lists_every_article(any_site):
    home = (any_site.site / "index.html").read_text(encoding="utf-8")
    report = any_site.report["inputs"]
    for entry in any_site.corpus["articles"]:
        # Headed by its English title (ours) where it has one, and showing its own title too.
        assert f'<a href="{entry["url"]}">{escape(entry["title_en"] or entry["title"])}</a></h3>' in home
        assert str(escape(entry["title"])) in home
    published = sum(i["status"] == "published" for i in report)
    assert f"{published} of {len(report)} input files published" in home


def test_every_article_page_carries_its_language_header_and_variants(any_site):
    site = any_site.site
    for entry in any_site.corpus["articles"]:
        path = page_file(site, entry["url"])
        html = path.read_text(encoding="utf-8")
        assert f'<div class="article-text" lang="{entry["language"]}">' in html
        assert "what was removed" in html and 'href="./#removed"' in html and 'id="removed"' in html
        assert entry["language"] in parse(path).langs
        for language, url in entry["variants"].items():
            variant = page_file(site, url).read_text(encoding="utf-8")
            assert f'<div class="article-text" lang="{language}">' in variant
            assert "繁體" in variant and "简体" in variant
            if url != entry["url"]:  # a converted page names the canonical original
                assert "OpenCC conversion" in variant and 'href="../"' in variant


def test_search_index_holds_every_article_once_in_its_own_script(any_site):
    index = any_site.site / "search" / "dossier"  # the dossier's index: a fragment per page
    documents = json.loads((index / "manifest.json").read_text(encoding="utf-8"))["documents"]
    docs = [json.loads((index / "f" / f"{n}.json").read_text(encoding="utf-8"))["u"] for n in range(documents)]
    assert len(docs) == len(set(docs))
    assert json.loads((any_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    pages = set(docs)
    for entry in any_site.corpus["articles"]:
        assert entry["url"] in pages, entry["id"]
        for url in set(entry["variants"].values()) - {entry["url"]}:
            assert url not in pages  # a converted page: the canonical one is found in either script
    for entity in any_site.entities["entities"]:
        assert entity["url"] in pages


def test_every_internal_link_and_anchor_resolves(any_site):
    built_site = any_site.site
    pages = {path: parse(path) for path in built_site.rglob("*.html")}
    checked = 0
    for path, page in pages.items():
        base = "http://site/" + path.relative_to(built_site).as_posix()
        for href in page.hrefs + page.resources:
            url = urlparse(urljoin(base, href))
            if url.scheme in ("mailto",) or (url.scheme in ("http", "https") and url.netloc != "site"):
                continue
            target = built_site / unquote(url.path.lstrip("/"))
            if url.path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), f"{path}: broken link {href}"
            if url.fragment and target.suffix == ".html":
                assert url.fragment in pages[target].ids, f"{path}: missing anchor {href}"
            checked += 1
    assert checked > 100


def test_site_loads_nothing_from_other_hosts(any_site):
    for path in any_site.site.rglob("*.html"):
        for resource in parse(path).resources:
            assert not re.match(r"(https?:)?//", resource), f"{path} loads {resource}"


def test_entities_json_follows_the_contract_and_agrees_with_the_corpus(any_site):
    site, corpus = any_site.site, any_site.corpus["articles"]
    entities = any_site.entities["entities"]
    assert sorted(e["id"] for e in entities) == sorted(any_site.registry_ids)  # every registry entity, once
    by_id = {e["id"]: e for e in entities}
    articles = {a["id"]: a for a in corpus}
    for entity in entities:
        assert set(entity) >= ENTITY_FIELDS
        assert isinstance(entity["names"], dict) and entity["names"]["en"]
        assert not entity["url"].startswith("/") and page_file(site, entity["url"]).is_file()
        for article_id in entity["articles"]:
            assert entity["id"] in articles[article_id]["entities"]
    for article in corpus:
        assert article["entities"] == sorted(set(article["entities"]))
        for entity_id in article["entities"]:
            assert entity_id in by_id, f"{article['id']}: unknown entity {entity_id}"
            assert article["id"] in by_id[entity_id]["articles"]


def test_profile_index_lists_every_entity_under_its_type_or_apart(any_site):
    """An entity an article mentions stands under its type's heading; one no article mentions stands in
    the list apart ("No article yet"), with its type."""
    html = (any_site.site / "entities" / "index.html").read_text(encoding="utf-8")
    mentioned_part, _, apart = html.partition('id="no-article-yet"')
    for entity in any_site.entities["entities"]:
        link = f'href="{entity["id"]}/"'
        if entity["articles"]:
            heading = f'>{type_label(entity["type"])}</h2>'
            assert heading in mentioned_part, entity["id"]
            section = mentioned_part.split(heading, 1)[1].split("<h2", 1)[0]
            assert link in section, entity["id"]
            assert link not in apart, entity["id"]
        else:
            assert link in apart and link not in mentioned_part, entity["id"]


# --- the founding site: what these articles must become -------------------------------------------------


def test_founding_site_publishes_each_article_in_its_language(founding_site):
    languages = {prefix: a["language"] for prefix, a in by_prefix(founding_site).items()}
    assert languages == {**FOUNDING_LANGUAGES, "unc": "en"}
    assert [i["status"] for i in founding_site.report["inputs"]] == ["published"] * 6


def test_founding_home_page_shows_curated_and_extracted_facts(founding_site):
    home = (founding_site.site / "index.html").read_text(encoding="utf-8")
    articles = by_prefix(founding_site)
    for prefix in FOUNDING_LANGUAGES:
        assert articles[prefix]["title_en"]  # curated
    assert "Ali Health&#39;s long game" in home and "Internet giants stumble in healthcare once more" in home
    assert '<time datetime="2020-04-29">2020-04-29</time>' in home and "21世紀商業評論" in home
    assert "6 of 6 input files published" in home


def test_uncurated_article_is_published_with_what_its_text_states(founding_site):
    entry = by_prefix(founding_site)["unc"]
    assert entry["source_file"] == f"seeds/articles/{UNCURATED_NAME}"
    assert entry["title"] == "Amazon opens a second front in primary care"
    assert entry["title_en"] == "" and entry["language"] == "en"
    assert {"amazon", "one-medical", "pillpack"} <= set(entry["entities"])
    page = page_file(founding_site.site, entry["url"]).read_text(encoding="utf-8")
    assert "Amazon opens a second front in primary care" in page
    assert "how many customers it expected to use it" in page
    home = (founding_site.site / "index.html").read_text(encoding="utf-8")
    assert f'href="{entry["url"]}"' in home


def test_founding_article_pages_link_to_their_other_script(founding_site):
    articles = by_prefix(founding_site)
    for prefix, language in FOUNDING_LANGUAGES.items():
        entry = articles[prefix]
        assert entry["url"] == f"articles/{FOUNDING_FILES[prefix].stem}/"
        if language.startswith("zh"):
            other = "zh-Hans" if language == "zh-Hant" else "zh-Hant"
            assert entry["variants"] == {language: entry["url"], other: f"{entry['url']}{other.lower()}/"}
        else:
            assert entry["variants"] == {}


def test_converted_page_points_to_the_canonical_original(founding_site):
    page = (founding_site.site / "articles/003_19718d29d283a864/zh-hans/index.html").read_text(encoding="utf-8")
    assert "阿里健康谋局" in page and "OpenCC conversion" in page and 'href="../"' in page


def test_removed_text_is_not_republished(founding_site):
    site_text = "".join(p.read_text(encoding="utf-8") for p in founding_site.site.rglob("*.html"))
    for spam in ("heyzo", "蜘蛛池", "爱赏网", "掃一掃下載"):
        assert spam in FOUNDING_FILES["000"].read_text(encoding="utf-8") + FOUNDING_FILES["003"].read_text(
            encoding="utf-8")
        assert spam not in site_text


def test_founding_articles_each_mention_an_entity(founding_site):
    for entry in founding_site.corpus["articles"]:
        assert entry["entities"], entry["id"]
    assert len(founding_site.entities["entities"]) >= 60


def test_malformed_curation_fails_the_build_naming_file_line_and_field(tmp_path):
    curation = "articles:\n  003_19718d29d283a864.txt:\n    title_en: T\n    summary_en: S\n    publishr: X\n"
    config = make_project(tmp_path, {FOUNDING_FILES["003"].name: FOUNDING_FILES["003"].read_bytes()}, curation)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert f"{tmp_path / 'seeds' / 'articles.yml'}:5: field 'articles.003_19718d29d283a864.txt.publishr'" in result.log


def test_profile_pages_show_names_events_relations_and_quotes(founding_site):
    html = (founding_site.site / "entities" / "pillpack" / "index.html").read_text(encoding="utf-8")
    assert "药丸包" in html and "mistranslation" in html
    assert "2018" in html and "acquired by" in html
    assert 'href="../../articles/001_05f2a6e073801e21/#p' in html
    assert "7.53 亿美元收购网上药店药丸包" in html


def test_profile_index_groups_by_type_with_counts(founding_site):
    html = (founding_site.site / "entities" / "index.html").read_text(encoding="utf-8")
    for heading in ("Company", "Venture", "Joint venture", "Pharmacy", "Telehealth"):
        assert f">{heading}</h2>" in html
    assert 'href="amazon-care/"' in html


def test_article_pages_link_mentions_to_profiles(founding_site):
    html = (founding_site.site / "articles" / "001_05f2a6e073801e21" / "index.html").read_text(encoding="utf-8")
    assert '<a class="entity" href="../../entities/pillpack/" title="PillPack">药丸包</a>' in html
    assert '<a class="source-link" href="https://www.pillpack.com/"' in html


def recombined_articles(count: int) -> dict[str, bytes]:
    """Articles made of the founding articles' paragraphs, shuffled the same way every time."""
    rng = random.Random(11)
    paragraphs = [part.strip() for path in FOUNDING_FILES.values()
                  for part in path.read_text(encoding="utf-8").split("\n\n") if len(part.strip()) > 40]
    return {f"recombined-{n:02d}.txt": "\n\n".join([f"Report {n} on health ventures", *rng.sample(paragraphs, 6)]).encode()
            for n in range(count)}


def test_builds_are_byte_identical_whatever_the_hash_seed_and_jobs(tmp_path):
    """Same inputs, same bytes: two builds, each with its own hash seed (the order of sets and of
    dict-keyed sets follows it) and its own cache, one in one job (in the test process, with the seed
    Python drew for it) and one in a pool of two (in a process of its own, another seed), of a corpus big
    enough for the pool, with a relationship graph, a timeline, hostile text and the hostile corpus (every
    encoding, junk, entries that are not regular files) among recombined articles: every file and folder
    compared."""
    files = {**founding_site_files(),
             "hostile.txt": f"AT&T <b>😀 𠮷</b>\n\n{UNCURATED_TEXT}".encode(),
             **{case.name: case.data for case in cases()}, **recombined_articles(10)}
    make_project(tmp_path, files, FOUNDING_CURATION, FOUNDING_REGISTRY)
    outside = tmp_path / "outside"
    outside.mkdir()
    make_special_entries(tmp_path / "seeds" / "articles", outside, special_entries())
    assert file_count(tmp_path / "seeds" / "articles") >= MIN_PARALLEL_FILES  # the second build runs a pool
    configs = [write_config(tmp_path / f"mkdocs-{seed}.yml", tmp_path / "seeds",
                            dossier={"cache_dir": str(tmp_path / f"cache-{seed}"), "max_file_bytes": FIXTURE_MAX_FILE_BYTES})
               for seed in ("1", "2")]
    other_seed = "3" if os.environ.get("PYTHONHASHSEED") == "2" else "2"  # never the test process's own
    # Both at once: the one in a process of its own started first, the one in this process meanwhile.
    elsewhere = started_mkdocs_build(configs[1], tmp_path / "site-2", PYTHONHASHSEED=other_seed, DOSSIER_JOBS="2")
    try:
        here = mkdocs_build(configs[0], tmp_path / "site-1")
    finally:
        there = elsewhere()  # waited for however the build here ends
    for result in (here, there):
        assert result.returncode == 0, result.log[-3000:]
    first, second = site_entries(tmp_path / "site-1"), site_entries(tmp_path / "site-2")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert "graph/index.html" in first and "timeline/index.html" in first
