"""render: article text is escaped data; URLs are relative; every block has a stable anchor."""

import json
import posixpath
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import get_args

import markdown
import pytest
import yaml
from jinja2 import Environment, FileSystemLoader
from mkdocs.utils.meta import get_data

from conftest import page_memo
from dossier.article_html import render_blocks
from dossier.block_parsing import RepairRule
from dossier.characters import visible
from dossier.front_matter import front_matter
from dossier.furniture import FurnitureLabel
from dossier.line_rules import LineRule
from dossier.listings import Listings, pager_numbers
from dossier.records import AttentionItem, Block, Inline, InputOutcome, Removal, Repair
from dossier.render import language_attributes, language_name, render_site
from dossier.urls import relative

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_article_text_is_escaped_never_markup():
    hostile = '<script>alert(1)</script> {{ config }} {% raw %} <img src=x onerror=alert(1)> &amp;'
    html = render_blocks((Block("paragraph", (Inline(hostile),), 1),))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ config }}" in html and "&amp;amp;" in html


def test_link_hrefs_are_attribute_escaped():
    html = render_blocks((Block("paragraph", (Inline("x", href='https://a.example/"onmouseover="x'),), 1),))
    assert 'href="https://a.example/&quot;onmouseover=&quot;x"' in html


def test_blocks_get_stable_anchors_and_lists_are_grouped():
    blocks = (
        Block("heading", (Inline("H"),), 1, level=2),
        Block("list_item", (Inline("a"),), 2, level=1),
        Block("list_item", (Inline("b"),), 3, level=1),
        Block("paragraph", (Inline("p"),), 4),
        Block("code", (Inline("if a < b:", code=True),), 5),
    )
    html = render_blocks(blocks)
    assert html.splitlines() == [
        '<h3 id="p1">H</h3>', "<ul>", '<li id="p2">a</li>', '<li id="p3">b</li>', "</ul>", '<p id="p4">p</p>',
        '<div id="p5" class="code-block"><pre><code>if a &lt; b:</code></pre></div>',  # one <code>, not two
    ]


def test_relative_urls_work_under_any_subpath():
    assert relative("articles/a/", "articles/a/removed/") == "removed/"
    assert relative("articles/a/zh-hans/", "articles/a/#removed") == "../#removed"
    assert relative("articles/a/", "articles/a/#removed") == "./#removed"
    assert relative("articles/a/zh-hans/", "articles/a/") == "../"
    assert relative("report/", "data/build-report.json") == "../data/build-report.json"
    assert relative("", "articles/a/") == "articles/a/"
    assert relative("articles/a/", "articles/a/") == "./"


def test_front_matter_is_escaped_once_and_keeps_any_unicode():
    """The theme prints page.meta as it is: front matter carries HTML-escaped text, which MkDocs reads
    back whole (emoji and astral characters included; no text can end the YAML block early)."""
    meta = {"title": "AT&T <b>x</b> \"q\" 's 😀 𠮷", "description": "a\n---\n...\nsearch: {exclude: true}",
            "search": {"boost": 3}, "script_variants": {"zh-Hans": "zh-hans/"}, "script": None}
    body, read = get_data(front_matter(meta) + "<div>body</div>\n")
    assert read == {"title": "AT&amp;T &lt;b&gt;x&lt;/b&gt; &#34;q&#34; &#39;s 😀 𠮷",
                    "description": "a\n---\n...\nsearch: {exclude: true}",
                    "search": {"boost": 3}, "script_variants": {"zh-Hans": "zh-hans/"}}
    assert body == "<div>body</div>\n"


def test_front_matter_takes_a_lone_surrogate_as_the_replacement_character():
    """A file name that is not UTF-8 carries lone surrogates: YAML holds none, and a front matter that
    MkDocs cannot read would become the page's text."""
    body, read = get_data(front_matter({"title": "report-\udcff.txt"}) + "<div>body</div>\n")
    assert read == {"title": "report-\ufffd.txt"}
    assert body == "<div>body</div>\n"


def test_page_templates_leave_front_matter_to_render():
    """A page template declares its front matter as `meta`; render.front_matter writes (and escapes) it."""
    for template in TEMPLATES.glob("*.md.j2"):
        text = template.read_text(encoding="utf-8")
        assert not text.startswith("---") and "{% set meta = " in text, template.name


# --- entity links: once per paragraph, at the first mention there ---------------------------------------


def _profile(entity_id):
    return f"../../entities/{entity_id}/", entity_id.title()


def test_an_entity_is_linked_once_per_paragraph_at_its_first_mention():
    blocks = (
        Block("paragraph", (Inline("Amazon", entity="amazon"), Inline(" bought "), Inline("PillPack", entity="pillpack"),
                            Inline("; "), Inline("Amazon", entity="amazon", strong=True), Inline(" grew.")), 1),
        Block("paragraph", (Inline("Then "), Inline("Amazon", entity="amazon"), Inline(" again.")), 2),
    )
    first, second = render_blocks(blocks, _profile).splitlines()
    assert first == ('<p id="p1"><a class="entity" href="../../entities/amazon/" title="Amazon">Amazon</a> bought '
                     '<a class="entity" href="../../entities/pillpack/" title="Pillpack">PillPack</a>; '
                     "<strong>Amazon</strong> grew.</p>")
    assert second == '<p id="p2">Then <a class="entity" href="../../entities/amazon/" title="Amazon">Amazon</a> again.</p>'


def test_a_repeated_mention_keeps_the_sources_own_link():
    blocks = (Block("list_item", (Inline("Haven", entity="haven"), Inline(" and "),
                                  Inline("Haven", entity="haven", href="https://a.example/h")), 1, level=1),)
    html = render_blocks(blocks, _profile)
    assert html.count('class="entity"') == 1
    assert '<a href="https://a.example/h" rel="nofollow noopener">Haven</a>' in html


def test_founding_article_links_each_entity_once_per_block_and_counts_every_mention(corpus, articles):
    """Article 000 names Amazon again and again within a paragraph: one link there, and the data still
    counts every mention."""
    site = render_site(corpus, TEMPLATES, page_memo())
    article = articles["000"]
    page = site.pages[f"articles/{article.id}/index.md"]
    per_block = {(m.block, m.entity) for m in article.mentions}
    assert page.count('class="entity"') == len(per_block) < len(article.mentions)
    for block in {b for b, _ in per_block}:
        paragraph = re.search(rf'<(p|li|h\d|blockquote) id="p{block}">(.*?)</\1>', page, re.S).group(2)
        hrefs = re.findall(r'class="entity" href="([^"]+)"', paragraph)
        assert len(hrefs) == len(set(hrefs)), block
    mentions = {e["id"]: e["mentions"] for e in json.loads(site.data["data/entities.json"])["entities"]}
    counted = Counter(m.entity for a in corpus.articles for m in a.mentions)
    assert {k: v for k, v in mentions.items() if v} == dict(counted)


def _linked_articles(page: str, page_url: str) -> list[str]:
    """The article pages a listing's entries link to (their English-title links), as site-root URLs."""
    hrefs = re.findall(r'<h3 lang="[^"]*"><a href="([^"]+)">', page)
    return [posixpath.normpath(posixpath.join(page_url, href)) + "/" for href in hrefs]


def test_the_home_page_lists_the_newest_and_the_catalogue_every_article_once(corpus):
    site = render_site(corpus, TEMPLATES, page_memo(), listings=Listings(home=2, per_page=2))
    newest_first = _linked_articles(site.pages["catalogue/index.md"], "catalogue/")
    assert _linked_articles(site.pages["index.md"], "") == newest_first[:2]
    assert 'href="catalogue/"' in site.pages["index.md"]
    pages = sorted(uri for uri in site.pages if uri.startswith("catalogue/"))
    assert pages == ["catalogue/2/index.md", "catalogue/3/index.md", "catalogue/index.md"]
    listed = [url for page_url in ("catalogue/", "catalogue/2/", "catalogue/3/")
              for url in _linked_articles(site.pages[page_url + "index.md"], page_url)]
    assert len(listed) == len(set(listed)) == len(corpus.articles)
    assert all(url + "index.md" in site.pages for url in listed)  # every link leads to an article page
    dates = [next(a.dated for a in corpus.articles if url.endswith(f"/{a.id}/")) or "" for url in listed]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated  # newest first, undated last


def test_an_article_without_a_headline_is_named_by_its_file_wherever_it_is_shown(corpus):
    # The clean stage found no headline and nobody curated an English title: no listing links it by nothing.
    first = corpus.articles[0]
    untitled = replace(first, title_en="", normalized=replace(first.normalized, renditions=tuple(
        replace(r, title="") for r in first.normalized.renditions), detected=replace(
        first.normalized.detected, clean=replace(first.clean, title=""))))
    site = render_site(replace(corpus, articles=(untitled, *corpus.articles[1:])), TEMPLATES, page_memo())
    name = first.clean.source_file.rsplit("/", 1)[-1]
    page = site.pages[f"articles/{first.id}/index.md"]
    assert get_data(page)[1]["title"] == f"Untitled ({name})" and f">Untitled ({name})</h1>" in page
    assert f'/{first.id}/">Untitled ({name})</a></h3>' in site.pages["catalogue/index.md"]
    assert '"></a>' not in site.pages["catalogue/index.md"] + site.pages["index.md"]


def test_a_cited_file_that_is_not_published_is_named_with_its_invisible_characters_written_out(corpus):
    # A profile, the timeline and the graph cite by its name a file that has no page (rejected, a duplicate).
    hidden = "dup\u200b\u2060.txt"
    entity = next(e for e in corpus.registry.entities if e.events)
    event = replace(entity.events[0], sources=(hidden,))
    registry = replace(corpus.registry, entities=tuple(
        replace(e, events=(event, *e.events[1:])) if e is entity else e for e in corpus.registry.entities))
    site = render_site(replace(corpus, registry=registry), TEMPLATES, page_memo())
    for uri in (f"entities/{entity.id}/index.md", "timeline/index.md"):
        assert f"<code>{visible(hidden)}</code>" in site.pages[uri] and hidden not in site.pages[uri], uri


def test_an_articles_page_says_how_its_file_was_read(corpus):
    site = render_site(corpus, TEMPLATES, page_memo())
    for article in corpus.articles:
        page = site.pages[f"articles/{article.id}/index.md"]
        assert article.clean.encoding and page.count(f"read as <code>{article.clean.encoding}</code>") == 2


def test_catalogue_pages_link_to_each_other_and_stay_out_of_search(corpus):
    site = render_site(corpus, TEMPLATES, page_memo(), listings=Listings(home=2, per_page=2))
    second = site.pages["catalogue/2/index.md"]
    meta = get_data(second)[1]
    assert meta["title"] == "Articles, page 2 of 3" and meta["search"] == {"exclude": True}
    assert '<a href="../" rel="prev">Newer</a>' in second and '<a href="../3/" rel="next">Older</a>' in second
    assert '<span class="current" aria-current="page">2</span>' in second
    assert "articles 3 to 4 of 5" in second


def test_one_catalogue_page_has_no_pager_and_the_home_page_no_catalogue_note(corpus):
    site = render_site(corpus, TEMPLATES, page_memo())
    assert [uri for uri in site.pages if uri.startswith("catalogue/")] == ["catalogue/index.md"]
    assert "list-pager" not in site.pages["catalogue/index.md"]
    assert "catalogue-link" not in site.pages["index.md"]  # the home page lists every article already


@pytest.mark.parametrize(
    "current, count, expected",
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, None, 10]),
        (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),  # 2 alone between 1 and 3 is shown, not a gap
        (6, 100, [1, None, 4, 5, 6, 7, 8, None, 100]),
        (100, 100, [1, None, 98, 99, 100]),
    ],
)
def test_the_pager_shows_the_ends_and_the_neighbours(current, count, expected):
    assert pager_numbers(current, count) == expected


def _quoted_articles(page: str) -> list[str]:
    return re.findall(r'<h3 id="from-([^"]+)"', page)


def test_a_profile_quotes_its_newest_sources_and_pages_the_others(corpus):
    site = render_site(corpus, TEMPLATES, page_memo(), listings=Listings(profile_quotes=1, per_page=2))
    full = render_site(corpus, TEMPLATES, page_memo()).pages["entities/amazon/index.md"]
    every = _quoted_articles(full)
    assert len(every) >= 4  # the founding articles that name Amazon: enough for two pages of older sources
    profile = site.pages["entities/amazon/index.md"]
    assert _quoted_articles(profile) == every[:1]
    assert f"{len(every) - 1} older articles also name Amazon" in profile and 'href="sources/"' in profile
    assert f"in {len(every)} articles" in profile  # the count is of every article, not of those shown
    sources = sorted(uri for uri in site.pages if uri.startswith("entities/amazon/sources/"))
    assert len(sources) == -(-(len(every) - 1) // 2)
    older = [name for number in range(1, len(sources) + 1)
             for name in _quoted_articles(site.pages["entities/amazon/sources/"
                                                     + ("" if number == 1 else f"{number}/") + "index.md"])]
    assert older == every[1:]  # each older source once, newest first
    second = site.pages["entities/amazon/sources/2/index.md"]
    meta = get_data(second)[1]
    assert meta["search"] == {"exclude": True} and meta["title"].startswith("Amazon: older sources, page 2 of")
    assert '<a href="../" rel="prev">Newer</a>' in second and 'href="../../"' in second  # back to the profile


def test_a_profile_that_quotes_few_sources_has_no_pages_of_older_ones(corpus):
    site = render_site(corpus, TEMPLATES, page_memo())
    assert not [uri for uri in site.pages if "/sources/" in uri]
    assert "older articles also name" not in site.pages["entities/amazon/index.md"]


def _report_corpus(corpus):
    """The founding corpus with two rejected files and a duplicate beside its published articles, and
    needs-attention items of two kinds."""
    extra = (InputOutcome("seeds/articles/zz-empty.txt", "0" * 64, "rejected", reason="empty after cleaning"),
             InputOutcome("seeds/articles/aa-binary.bin", None, "rejected", reason="not text"),
             InputOutcome("seeds/articles/mm-copy.txt", "1" * 64, "duplicate",
                          duplicate_of=corpus.outcomes[0].source_file, reason="the same text"))
    article = corpus.articles[0]
    attention = (AttentionItem("date_unknown", article.clean.source_file, article.id),
                 AttentionItem("not_curated", article.clean.source_file, article.id),
                 AttentionItem("organisation_candidate", None, None, "Oak Street Health", 3))
    return replace(corpus, outcomes=corpus.outcomes + extra, attention=attention)


def _report_files(site, first_url):
    pages, url = [], first_url
    while url is not None:
        page = site.pages[url + "index.md"]
        pages.append(page)
        following = re.search(r'<a href="([^"]+)" rel="next">', page)
        url = posixpath.normpath(posixpath.join(url, following.group(1))) + "/" if following else None
    return [name for page in pages for name in re.findall(r"<td><code>([^<]+)</code></td>", page)]


def test_the_build_report_lists_every_input_once_in_pages_problems_first(corpus):
    report_corpus = _report_corpus(corpus)
    site = render_site(report_corpus, TEMPLATES, page_memo(), listings=Listings(per_page=3))
    listed = _report_files(site, "report/")
    published = sorted(o.source_file for o in report_corpus.outcomes if o.status == "published")
    assert listed == ["seeds/articles/aa-binary.bin", "seeds/articles/zz-empty.txt", "seeds/articles/mm-copy.txt",
                      *published]
    first = site.pages["report/index.md"]
    assert f"{len(listed)} input files: {len(published)} published, 1 duplicate, 2 rejected." in first
    assert get_data(first)[1] == {"title": "Build report"}  # in search, as the report
    second = get_data(site.pages["report/2/index.md"])[1]
    assert second["search"] == {"exclude": True} and second["title"].startswith("Build report, page 2 of")


def test_the_needs_attention_list_has_pages_of_its_own_linked_from_the_report(corpus):
    site = render_site(_report_corpus(corpus), TEMPLATES, page_memo(), listings=Listings(per_page=2))
    first = site.pages["report/index.md"]
    summary = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> \((\d+)\)</li>', first)
    assert [(href, count) for href, _, count in summary] == [
        ("attention/#attention-date-unknown", "1"), ("attention/#attention-not-curated", "1"),
        ("attention/2/#attention-organisation-candidate", "1")]
    one, two = site.pages["report/attention/index.md"], site.pages["report/attention/2/index.md"]
    assert 'id="attention-date-unknown"' in one and 'id="attention-not-curated"' in one
    assert 'id="attention-organisation-candidate"' in two and "Oak Street Health (3×)" in two
    assert get_data(two)[1]["search"] == {"exclude": True}


def test_a_site_with_nothing_to_attend_to_has_no_attention_pages(corpus):
    site = render_site(replace(corpus, attention=()), TEMPLATES, page_memo())
    assert not [uri for uri in site.pages if uri.startswith("report/attention/")]
    assert "Nothing: every article has a headline" in site.pages["report/index.md"]


def test_markdown_leaves_every_generated_page_as_it_is(corpus):
    """Why the plugin sends generated pages round Markdown: every block of them is raw HTML, which
    Markdown (with the site's extensions) gives back unchanged."""
    config = yaml.safe_load((TEMPLATES.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    settings = {name: options for e in config["markdown_extensions"] if isinstance(e, dict) for name, options in e.items()}
    site = render_site(_report_corpus(corpus), TEMPLATES, page_memo(), listings=Listings(home=2, per_page=2, profile_quotes=1))
    for uri, page in site.pages.items():
        body = get_data(page)[0]
        assert markdown.Markdown(extensions=extensions, extension_configs=settings).convert(body) == body.strip("\n"), uri


@pytest.mark.parametrize(
    "code, name",
    [("zh-Hant", "Chinese (Traditional)"), ("zh-Hans", "Chinese (Simplified)"), ("zh", "Chinese"),
     ("de", "German"), ("gl", "Galician"), ("br", "Breton"), ("nb", "Norwegian Bokmål"), ("und", "Undetermined"),
     ("sr-Cyrl", "Serbian (Cyrillic)"), ("uz-Latn", "Uzbek (Latin)"),
     ("pt-br", "Portuguese (Brazil)"), ("zh-hant", "Chinese (Traditional)"), ("es-419", "Spanish (Latin America)"),
     ("qq", "qq")],  # a code CLDR does not know is shown as it is
)
def test_languages_are_named_in_english(code, name):
    assert language_name(code) == name


@pytest.mark.parametrize(("code", "attributes"), [
    ("ar", ' lang="ar" dir="rtl"'), ("he", ' lang="he" dir="rtl"'), ("fa", ' lang="fa" dir="rtl"'),
    ("ur", ' lang="ur" dir="rtl"'), ("en", ' lang="en"'), ("zh-Hans", ' lang="zh-Hans"'), ("sr-Cyrl", ' lang="sr-Cyrl"'),
    ("und", ' lang="und"'), ("qq", ' lang="qq"'),
    # a tag's subtags in any case, as BCP 47 allows (a curated `translated_from: {language: pt-br}`)
    ("pt-br", ' lang="pt-br"'), ("zh-hant", ' lang="zh-hant"'), ("ar-eg", ' lang="ar-eg" dir="rtl"'),
])
def test_a_language_written_right_to_left_is_set_right_to_left(code, attributes):
    assert str(language_attributes(code)) == attributes


def test_the_files_an_attention_item_names_are_shown_with_their_invisible_characters_written_out(corpus):
    article = corpus.articles[0]
    other = "seeds/articles/sub/rlo\u202egnp.txt"  # shows as "rlo" + "txt.png" reversed: another name
    attention = (AttentionItem("shared_file_name", article.clean.source_file, article.id, other),)
    page = render_site(replace(corpus, attention=attention), TEMPLATES, page_memo()).pages["report/attention/index.md"]
    assert "\u202e" not in page and "sub/rlo\\u202egnp.txt" in page


def test_the_removal_report_explains_each_rule_it_names_and_only_those():
    every = {*get_args(LineRule), *get_args(FurnitureLabel), "control_characters"}
    removals = tuple(Removal(rule, n, n, 1) for n, rule in enumerate(sorted(every), 1))
    repairs = tuple(Repair(rule, 1, 1) for rule in get_args(RepairRule))
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    env.filters["visible"] = visible
    clean = SimpleNamespace(source_file="seeds/articles/a.txt", kept_chars=1, removals=removals, repairs=repairs)
    legend = env.get_template("_removed.html.j2").render(clean=clean).split('id="rules"')[1]
    meanings = dict(re.findall(r"<dt><code>([^<]+)</code></dt><dd>([^<]*)</dd>", legend))
    assert set(meanings) == every | set(get_args(RepairRule)) and all(meanings.values())
    one = SimpleNamespace(source_file="seeds/articles/a.txt", kept_chars=1, removals=removals[:1], repairs=())
    assert env.get_template("_removed.html.j2").render(clean=one).count("<dt>") == 1
