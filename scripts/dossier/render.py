"""Stage 7, render: the corpus -> the site's generated pages and data files.

Pages are Markdown files whose article content is HTML built by article_html.py, with every character
of article text escaped. Layout lives in the Jinja2 templates under `templates/`; this module only
prepares what they show (profiles.py the profiles, timeline.py and graph.py the figures, citation.py
the citations, data_files.py the JSON files).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import TypedDict

from babel import Locale, UnknownLocaleError
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .article_html import EntityLinker, render_blocks
from .characters import visible
from .chinese import SIMPLIFIED, TRADITIONAL
from .citation import citation
from .data_files import attention_entry, corpus_entry, entity_entries, outcome_entry, to_json, variants
from .front_matter import render_page
from .graph import relationship_graph
from .listings import Listings, ListPage, paged
from .page_memo import PageMemo
from .profiles import SourceQuote, cited_files, profile, profile_index, quotes_of, type_label
from .records import Article, Corpus, Rendition, file_name
from .registry import Entity, Registry
from .report_pages import report_pages
from .timeline import timeline
from .urls import (
    article_url,
    catalogue_url,
    entity_url,
    href_from,
    relative,
    removed_url,
    rendition_url,
    sources_url,
)

# The names CLDR (through Babel) does not give as the site needs them; every other code is named by CLDR.
LANGUAGE_NAMES = {
    TRADITIONAL: "Chinese (Traditional)",
    SIMPLIFIED: "Chinese (Simplified)",
    "und": "Undetermined",
}
SCRIPT_LABELS = {TRADITIONAL: "繁體", SIMPLIFIED: "简体"}
_SCRIPT_SUBTAG_LENGTH = 4  # "Cyrl", "Hant"; a region is two letters or three digits


@cache
def language_name(code: str) -> str:
    """A language's English name ("gl": "Galician", "sr-Cyrl": "Serbian (Cyrillic)"); a code CLDR does not
    know is shown as it is."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    english = Locale("en")
    language, *subtags = code.split("-")
    name = english.languages.get(language.lower())
    if not name:
        return code
    # A tag's subtags in any case: a script of four letters ("Cyrl"), else a region ("br", "419").
    details = [english.scripts.get(part.title(), part) if len(part) == _SCRIPT_SUBTAG_LENGTH
               else english.territories.get(part.upper(), part) for part in subtags]
    return f"{name} ({', '.join(details)})" if details else name


@cache
def language_attributes(code: str) -> Markup:
    """The attributes of an element whose text is in language `code`: its lang, and for a language written
    right to left (Arabic, Hebrew, Persian, Urdu: CLDR's character order) dir="rtl", so that its lines
    read and align from the right."""
    try:  # Babel reads a tag in any case ("pt-br", "zh-hant"); its data files are named in one
        rtl = Locale.parse(code, sep="-").character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):  # a tag CLDR does not know: left to right, as most scripts
        rtl = False
    return Markup(' lang="{}"{}').format(code, Markup(' dir="rtl"') if rtl else "")


@dataclass(frozen=True)
class GeneratedSite:
    """Everything the build generates: site-relative path -> file content."""

    pages: MutableMapping[str, str]  # Markdown pages, by their docs-relative source path
    data: dict[str, str]  # static files (JSON), by their site-relative path


def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["language_name"] = language_name
    env.filters["language_attributes"] = language_attributes  # lang, and dir="rtl" for Arabic, Hebrew …
    env.filters["visible"] = visible  # file names, which may hold invisible characters
    return env


def _sort_key(article: Article) -> tuple[bool, str, str]:
    # Newest first; undated articles after the dated ones, in id order.
    published = article.dated or ""
    return (published == "", "".join(chr(0x10FFFF - ord(c)) for c in published), article.id)


def _entities(registry: Registry | None) -> tuple[Entity, ...]:
    return registry.entities if registry else ()


class Holdings(TypedDict):
    """What the home page says the dossier holds."""

    articles: int
    languages: list[str]
    years: tuple[str, str] | None  # the first and the last
    undated: int
    profiles: int
    named: int  # profiles some article names


def _holdings(corpus: Corpus, articles: list[Article]) -> Holdings:
    """What the home page says the dossier holds: articles, their languages (Chinese once, whatever its
    script) and years, and the profiles, of which how many the articles name."""
    years = sorted(a.dated[:4] for a in articles if a.dated)
    return {
        "articles": len(articles),
        "languages": sorted({language_name(a.normalized.detected.base_language) for a in articles}),
        "years": (years[0], years[-1]) if years else None,
        "undated": sum(1 for a in articles if not a.dated),
        "profiles": len(_entities(corpus.registry)),
        "named": len({entity for a in articles for entity in a.entities}),
    }


def render_site(corpus: Corpus, templates: Path, memo: PageMemo | None = None,
                listings: Listings | None = None, pages: MutableMapping[str, str] | None = None,
                first_commits: Mapping[str, str] | None = None) -> GeneratedSite:
    """The site's pages, each set in `pages` (a dict unless given: staging.StagedPages writes each one out
    as it comes), and its data files. `first_commits` dates the day each source file was first committed
    (`citation.first_commit_dates`), by source file: a citation's access date where none is curated (none
    given: no citation is dated so)."""
    memo = memo or PageMemo()
    listings = listings or Listings()
    env = memo.start(templates, _environment)
    articles = sorted(corpus.articles, key=_sort_key)
    first_commits = first_commits or {}
    pages = {} if pages is None else pages
    pages["index.md"] = render_page(
        env, "home.md.j2", articles=articles[:listings.home], article_url=article_url, rendition_url=rendition_url,
        outcomes=corpus.outcomes, holdings=_holdings(corpus, articles), href=href_from(""),
        catalogue_url=catalogue_url(1), per_page=listings.per_page,
    )
    pages.update(_catalogue_pages(env, articles, listings.per_page, memo, corpus.article_keys))
    for article in articles:
        for rendition in article.normalized.renditions:
            url = rendition_url(article, rendition)
            first_commit = first_commits.get(article.clean.source_file)
            render_article = partial(_article_page, env, corpus.registry, article, rendition, url, first_commit)
            pages[url + "index.md"] = memo.pages.get(corpus.article_keys.get(article.clean.source_file),
                                                     rendition.language, render_article, depends=(first_commit,))
    by_file = {file_name(a.clean.source_file): a for a in articles}  # events and relations cite files
    counts = Counter(m.entity for a in articles for m in a.mentions)
    pages.update(_entity_pages(env, corpus, articles, by_file, counts, memo, listings))
    if corpus.registry:
        pages["timeline/index.md"] = render_page(
            env, "timeline.md.j2",
            timeline=timeline(corpus.registry, articles, entity_url, article_url),
            href=href_from("timeline/"),
        )
        pages["graph/index.md"] = render_page(
            env, "graph.md.j2",
            graph=relationship_graph(corpus.registry, entity_url),
            sources=by_file,
            article_url=article_url,
            href=href_from("graph/"),
        )
    pages.update(report_pages(env, corpus, memo.pages, listings.per_page))
    memo.prune()
    data = {
        "data/corpus.json": to_json({"articles": [corpus_entry(a) for a in articles]}),
        "data/build-report.json": to_json({"inputs": [outcome_entry(o) for o in corpus.outcomes],
                                           "needs_attention": [attention_entry(item) for item in corpus.attention]}),
        "data/entities.json": to_json({"entities": entity_entries(_entities(corpus.registry), articles, counts)}),
    }
    return GeneratedSite(pages, data)


def _catalogue_pages(env: Environment, articles: list[Article], per_page: int, memo: PageMemo,
                     article_keys: dict[str, str]) -> dict[str, str]:
    """Every article, newest first, in pages of `per_page`; one page, empty, for an empty corpus. A page
    is rendered again when the articles it lists change (their content keys)."""
    pages = {}
    for undated, shown in paged(articles, per_page, catalogue_url):
        dated = [a.dated for a in shown if a.dated]
        keys = tuple(article_keys.get(a.clean.source_file) for a in shown)
        page = replace(undated, dates=(dated[0], dated[-1]) if dated else None)
        pages[page.url + "index.md"] = memo.pages.get(
            None if None in keys else "catalogue", page.url,
            partial(render_page, env, "catalogue.md.j2", page=page, articles=shown, href=href_from(page.url),
                    article_url=article_url, rendition_url=rendition_url),
            depends=(page, keys))
    return pages


def _article_page(env: Environment, registry: Registry | None, article: Article, rendition: Rendition, url: str,
                  first_commit: str | None) -> str:
    shown = variants(article)
    return render_page(
        env, "article.md.j2",
        article=article,
        rendition=rendition,
        script_hrefs={language: relative(url, to) for language, to in shown.items()},
        citation=citation(article, rendition, url, first_commit, language_name),
        body=render_blocks(rendition.blocks, _entity_linker(registry, url)),
        href=href_from(url),
        variants=shown,
        removed_url=removed_url(article),
        script_labels=SCRIPT_LABELS,
    )


def _entity_linker(registry: Registry | None, page_url: str) -> EntityLinker | None:
    """Links from the page at `page_url` to the profiles it mentions; none without a registry (an
    article then mentions no entity)."""
    if registry is None:
        return None

    def link(entity_id: str) -> tuple[str, str]:
        return relative(page_url, entity_url(entity_id)), registry.get(entity_id).name

    return link


def _entity_pages(env: Environment, corpus: Corpus, articles: list[Article], by_file: dict[str, Article],
                  counts: Counter[str], memo: PageMemo, listings: Listings) -> dict[str, str]:
    """The profiles (built in `profiles`), their older sources in pages, and their index."""
    registry = corpus.registry
    quotes: dict[str, list[SourceQuote]] = defaultdict(list)
    quoted_from: dict[str, list[str | None]] = defaultdict(list)  # the content keys of the quoted articles
    for article in articles:
        key = corpus.article_keys.get(article.clean.source_file)
        for entity_id, quote in quotes_of(article).items():  # cut with the per-article stages, cached with them
            quotes[entity_id].append(quote)
            quoted_from[entity_id].append(key)
    pages = {}
    shown = listings.profile_quotes
    if registry:
        for entity in registry.entities:
            # A profile shows its entity and the names of others (the registry), its newest quotes, cited
            # articles; each page of older sources, its own quotes. A page is rendered again when these change.
            cited = tuple(corpus.article_keys.get(by_file[f].clean.source_file) if f in by_file else None
                          for f in cited_files(entity, registry))
            key = None if None in cited or None in quoted_from[entity.id] else registry.digest
            older = paged(quotes[entity.id][shown:], listings.per_page, partial(sources_url, entity.id))
            sources_page = older[0][0] if older[0][0].total else None
            pages[entity_url(entity.id) + "index.md"] = memo.pages.get(
                key, f"profile {entity.id}",
                partial(_profile_page, env, entity, registry, by_file, quotes[entity.id][:shown], counts, sources_page),
                depends=(tuple(quoted_from[entity.id][:shown]), cited, counts[entity.id], sources_page))
            if sources_page:
                pages.update(_older_sources(env, memo, key, entity, older, quoted_from[entity.id][shown:], shown))
    pages["entities/index.md"] = render_page(
        env, "entities.md.j2", **profile_index(_entities(registry), articles, counts),
        type_label=type_label, entity_url=lambda entity_id: relative("entities/", entity_url(entity_id)),
    )
    return pages


def _older_sources(env: Environment, memo: PageMemo, key: str | None, entity: Entity,
                   older: list[tuple[ListPage, Sequence[SourceQuote]]], keys: list[str | None],
                   shown: int) -> dict[str, str]:
    """The pages of a profile's older sources (`keys`: the content keys of the articles they quote)."""
    pages = {}
    for page, quotes in older:
        pages[page.url + "index.md"] = memo.pages.get(
            key, f"sources {entity.id} {page.number}",
            partial(render_page, env, "entity_sources.md.j2", entity=entity, page=page, quotes=quotes,
                    shown_on_profile=shown, script_labels=SCRIPT_LABELS, href=href_from(page.url),
                    article_url=article_url, entity_url=entity_url),
            depends=(tuple(keys[page.first - 1:page.last]), page))
    return pages


def _profile_page(env: Environment, entity: Entity, registry: Registry, by_file: dict[str, Article],
                  quotes: list[SourceQuote], counts: Counter[str], sources_page: ListPage | None) -> str:
    return render_page(
        env, "entity.md.j2",
        profile=profile(entity, registry, by_file),
        quotes=quotes,
        quote_total=len(quotes) + (sources_page.total if sources_page else 0),
        sources_page=sources_page,
        script_labels=SCRIPT_LABELS,
        mention_count=counts[entity.id],
        href=href_from(entity_url(entity.id)),
        article_url=article_url,
        entity_url=entity_url,
    )
