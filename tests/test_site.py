"""The built site: a strict MkDocs build, the data contracts of DESIGN.md, and every link resolving."""

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import ROOT, SEEDS

CORPUS_FIELDS = {"id", "source_file", "sha256", "language", "title", "title_en", "publisher", "author",
                 "published", "original_url", "url", "variants", "entities", "removed"}
REPORT_FIELDS = {"source_file", "sha256", "status", "article", "duplicate_of", "reason"}


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


def test_corpus_json_follows_the_contract(corpus_json, built_site):
    articles = corpus_json["articles"]
    assert len(articles) == 5
    for entry in articles:
        assert CORPUS_FIELDS <= set(entry)
        raw = (ROOT / entry["source_file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest()
        assert entry["language"] in {"zh-Hant", "zh-Hans", "de", "fr", "en"}
        assert entry["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["published"])
        assert not entry["url"].startswith("/") and page_file(built_site, entry["url"]).is_file()
        assert all({"rule", "chars"} <= set(r) for r in entry["removed"])
        assert isinstance(entry["entities"], list)
        if entry["language"].startswith("zh"):
            assert set(entry["variants"]) == {"zh-Hant", "zh-Hans"}
            assert entry["variants"][entry["language"]] == entry["url"]
            for url in entry["variants"].values():
                assert page_file(built_site, url).is_file()


def test_build_report_lists_every_input_exactly_once(report_json, corpus_json):
    inputs = report_json["inputs"]
    assert sorted(i["source_file"] for i in inputs) == sorted(
        p.relative_to(ROOT).as_posix() for p in SEEDS.rglob("*") if p.is_file()
    )
    ids = {a["id"] for a in corpus_json["articles"]}
    for entry in inputs:
        assert set(entry) == REPORT_FIELDS
        assert entry["status"] in {"published", "duplicate", "rejected"}
        if entry["status"] == "published":
            assert entry["article"] in ids and entry["reason"] is None
        else:
            assert entry["reason"]


def test_home_page_lists_every_article_with_its_facts(built_site, corpus_json):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for entry in corpus_json["articles"]:
        assert f'href="{entry["url"]}"' in home
        assert entry["title_en"].replace("'", "&#39;") in home
    assert "2020-04-29" in home and "21世紀商業評論" in home


@pytest.mark.parametrize("prefix, lang", [("000", "zh-Hant"), ("001", "zh-Hans"), ("002", "de"),
                                          ("003", "zh-Hant"), ("004", "fr")])
def test_article_pages_carry_their_language_and_header(built_site, corpus_json, prefix, lang):
    entry = next(a for a in corpus_json["articles"] if a["id"].startswith(prefix))
    path = page_file(built_site, entry["url"])
    page = parse(path)
    html = path.read_text(encoding="utf-8")
    assert f'<div class="article-text" lang="{lang}">' in html
    assert "what was removed" in html and 'href="./#removed"' in html and 'id="removed"' in html
    for other_lang, url in entry["variants"].items():
        variant = page_file(built_site, url).read_text(encoding="utf-8")
        assert f'<div class="article-text" lang="{other_lang}">' in variant
        assert "繁體" in variant and "简体" in variant
    assert lang in page.langs


def test_converted_page_points_to_the_canonical_original(built_site):
    page = (built_site / "articles/003_19718d29d283a864/zh-hans/index.html").read_text(encoding="utf-8")
    assert "阿里健康谋局" in page and "OpenCC conversion" in page and 'href="../"' in page


def test_removed_text_is_not_republished(built_site):
    site_text = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    for spam in ("heyzo", "蜘蛛池", "爱赏网", "掃一掃下載"):
        assert spam not in site_text


def test_every_internal_link_and_anchor_resolves(built_site):
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


def test_site_loads_nothing_from_other_hosts(built_site):
    for path in built_site.rglob("*.html"):
        for resource in parse(path).resources:
            assert not re.match(r"(https?:)?//", resource), f"{path} loads {resource}"


def test_malformed_curation_fails_the_build_naming_file_line_and_field(tmp_path):
    from conftest import SEED_FILES, make_project, mkdocs_build

    curation = "articles:\n  003_19718d29d283a864.txt:\n    title_en: T\n    summary_en: S\n    publishr: X\n"
    config = make_project(tmp_path, {SEED_FILES["003"].name: SEED_FILES["003"].read_bytes()}, curation)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert f"{tmp_path / 'seeds' / 'articles.yml'}:5: field 'articles.003_19718d29d283a864.txt.publishr'" in result.stderr


ENTITY_FIELDS = {"id", "type", "name", "names", "aliases", "url", "articles"}


def test_entities_json_follows_the_contract_and_agrees_with_the_corpus(built_site, corpus_json):
    import json

    entities = json.loads((built_site / "data" / "entities.json").read_text(encoding="utf-8"))["entities"]
    assert len(entities) >= 60
    by_id = {e["id"]: e for e in entities}
    for entity in entities:
        assert ENTITY_FIELDS <= set(entity)
        assert isinstance(entity["names"], dict) and entity["names"]["en"]
        assert page_file(built_site, entity["url"]).is_file()
    for article in corpus_json["articles"]:
        assert article["entities"] == sorted(article["entities"]) and article["entities"]
        for entity_id in article["entities"]:
            assert article["id"] in by_id[entity_id]["articles"]
    for entity in entities:
        for article_id in entity["articles"]:
            article = next(a for a in corpus_json["articles"] if a["id"] == article_id)
            assert entity["id"] in article["entities"]


def test_profile_pages_show_names_events_relations_and_quotes(built_site):
    html = (built_site / "entities" / "pillpack" / "index.html").read_text(encoding="utf-8")
    assert "药丸包" in html and "mistranslation" in html
    assert "2018" in html and "acquired by" in html
    assert 'href="../../articles/001_05f2a6e073801e21/#p' in html
    assert "7.53 亿美元收购网上药店药丸包" in html


def test_profile_index_groups_by_type_with_counts(built_site):
    html = (built_site / "entities" / "index.html").read_text(encoding="utf-8")
    for heading in ("Company", "Venture", "Joint venture", "Pharmacy", "Telehealth"):
        assert f">{heading}</h2>" in html
    assert 'href="amazon-care/"' in html


def test_article_pages_link_mentions_to_profiles(built_site):
    html = (built_site / "articles" / "001_05f2a6e073801e21" / "index.html").read_text(encoding="utf-8")
    assert '<a class="entity" href="../../entities/pillpack/" title="PillPack">药丸包</a>' in html
    assert '<a class="source-link" href="https://www.pillpack.com/"' in html
