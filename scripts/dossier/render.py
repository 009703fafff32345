"""Stage 7, render: the corpus -> the site's generated pages and data files.

Pages are Markdown files whose article content is HTML we build here, with every character of article
text escaped: the text is data, so Markdown, HTML and template syntax in it are shown, never run.
Layout lives in the Jinja2 templates under `templates/`; this module only prepares what they show.
"""

from __future__ import annotations

import json
import math
import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from html import escape

from markupsafe import Markup
from markupsafe import escape as escape_html

from .chinese import SIMPLIFIED, TRADITIONAL
from .citation import citation, first_commit_dates
from .attention import KINDS as ATTENTION_KINDS
from .profiles import SourceQuote, cited_files, profile, profile_index, quotes_of, type_label
from .records import Article, Block, Corpus, Inline, Rendition
from .visuals import relationship_graph, timeline

LANGUAGE_NAMES = {
    TRADITIONAL: "Chinese (Traditional)",
    SIMPLIFIED: "Chinese (Simplified)",
    "zh": "Chinese",
    "de": "German",
    "fr": "French",
    "en": "English",
    "es": "Spanish",
    "ja": "Japanese",
    "it": "Italian",
    "ko": "Korean",
    "pt": "Portuguese",
    "nl": "Dutch",
    "und": "Undetermined",
}
SCRIPT_LABELS = {TRADITIONAL: "繁體", SIMPLIFIED: "简体"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


# --- URLs: relative to the site root, directory style, so the site works under any subpath -------------


def article_url(article: Article) -> str:
    return f"articles/{article.id}/"


def rendition_url(article: Article, rendition: Rendition) -> str:
    if not rendition.converted:
        return article_url(article)
    return f"{article_url(article)}{rendition.language.lower()}/"


def removed_url(article: Article) -> str:
    """The cleaning report: a section at the end of the article's canonical page."""
    return f"{article_url(article)}#removed"


def entity_url(entity_id: str) -> str:
    return f"entities/{entity_id}/"


@lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """The href that leads from the page at `from_url` to `to_url` (both site-root relative)."""
    path, hash_, fragment = to_url.partition("#")
    target = posixpath.relpath(path or ".", from_url or ".")
    if target == ".":
        target = "./"
    elif path.endswith("/") or not path:
        target += "/"
    return target + hash_ + fragment


# --- article text -> escaped HTML ----------------------------------------------------------------------


# How an article page links an entity: the profile's href (relative to the page) and its name.
EntityLinker = Callable[[str], tuple[str, str]]


def render_inline(inline: Inline, entity_link: EntityLinker | None = None) -> str:
    """One run of article text as HTML: escaped, then wrapped in its formatting and link."""
    html = escape(inline.text, quote=False)
    if inline.code:
        html = f"<code>{html}</code>"
    if inline.em:
        html = f"<em>{html}</em>"
    if inline.strong:
        html = f"<strong>{html}</strong>"
    if inline.entity and entity_link:
        # The mention links to its profile; a source's own link on the same words is kept beside it.
        href, name = entity_link(inline.entity)
        profile = f'<a class="entity" href="{escape(href)}" title="{escape(name)}">{html}</a>'
        if inline.href:
            url = escape(inline.href)
            return profile + f'<a class="source-link" href="{url}" rel="nofollow noopener" title="{url}">↗</a>'
        return profile
    if inline.href:
        html = f'<a href="{escape(inline.href)}" rel="nofollow noopener">{html}</a>'
    return html


def render_blocks(blocks: tuple[Block, ...], entity_link: EntityLinker | None = None) -> Markup:
    """Article blocks as HTML; every block carries a stable anchor `p<N>` (its place in the article).
    An entity is linked once per block, at its first mention there, as an encyclopedia does: the later
    mentions are plain text (every one is still a mention: the link stage counts them, not this)."""
    parts: list[str] = []
    open_lists: list[str] = []
    for number, block in enumerate(blocks, start=1):
        depth = block.level if block.kind == "list_item" else 0
        tag = "ol" if block.ordered else "ul"
        while len(open_lists) > depth or (open_lists and depth and len(open_lists) == depth and open_lists[-1] != tag):
            parts.append(f"</{open_lists.pop()}>")
        while len(open_lists) < depth:
            open_lists.append(tag)
            parts.append(f"<{tag}>")
        linked: set[str] = set()
        runs = []
        for inline in block.inlines:
            runs.append(render_inline(inline, entity_link if inline.entity not in linked else None))
            linked.add(inline.entity)
        content = "".join(runs)
        anchor = f"p{number}"
        if block.kind == "heading":
            level = min(block.level + 1, 6)  # the page's own h1 is the article title
            parts.append(f'<h{level} id="{anchor}">{content}</h{level}>')
        elif block.kind == "list_item":
            parts.append(f'<li id="{anchor}">{content}</li>')
        elif block.kind == "quote":
            parts.append(f'<blockquote id="{anchor}"><p>{content}</p></blockquote>')
        elif block.kind == "rule":
            parts.append(f'<hr id="{anchor}">')
        elif block.kind == "code":
            # The anchor sits on a wrapper: Material renames ids on <pre> when it adds its copy button.
            parts.append(f'<div id="{anchor}" class="code-block"><pre><code>{content}</code></pre></div>')
        else:
            parts.append(f'<p id="{anchor}">{content}</p>')
    while open_lists:
        parts.append(f"</{open_lists.pop()}>")
    return Markup("\n".join(parts))  # every piece of text in it was escaped above


# --- pages ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedSite:
    """Everything the build generates: site-relative path -> file content."""

    pages: dict[str, str]  # Markdown pages, by their docs-relative source path
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
    return env


class _FrontMatterDumper(yaml.SafeDumper):
    """Every string double-quoted on one line: no text can close the front matter or start a YAML node."""


_FrontMatterDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def _escaped(value):
    if isinstance(value, str):
        return str(escape_html(value))
    if isinstance(value, dict):
        return {_escaped(key): _escaped(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [_escaped(item) for item in value]
    return value


def front_matter(meta: dict) -> str:
    """A page's YAML front matter: the only way generated text reaches `page.meta`. Every string in it
    is HTML-escaped here, once, because the theme prints `page.meta.title` and `description` into
    <title>, the header and meta tags (and its search index) as they are. Any Unicode is written as
    itself: the `\\ud83d`-style escapes of JSON are surrogates, which YAML rejects."""
    text = yaml.dump(_escaped(meta), Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=math.inf)
    return f"---\n{text}---\n"


def _page(env: Environment, template: str, **context) -> str:
    """A generated page: the template's `meta` (a `{% set meta = {...} %}` in it) as front matter, then
    its body. Templates hold no front matter of their own, so none can skip the escaping."""
    module = env.get_template(template).make_module(context)
    return front_matter(module.meta) + str(module)


def _sort_key(article: Article):
    # Newest first; undated articles after the dated ones, in id order.
    published = article.dated or ""
    return (published == "", "".join(chr(0x10FFFF - ord(c)) for c in published), article.id)


class PageMemo:
    """Pages rendered in earlier builds, reused while what they show is the very same objects and the
    templates are unchanged (the plugin keeps it across `mkdocs serve` rebuilds: an edit to one article
    renders again its pages and the profiles it mentions, nothing else)."""

    def __init__(self):
        self.templates = ""
        self.pages: dict[tuple[int, str], tuple[object, tuple, object]] = {}
        self._used: set[tuple[int, str]] = set()

    def start(self, templates: Path) -> Environment:
        """The Jinja environment for this build: the last one (templates compiled) while unchanged."""
        fingerprint = repr(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in templates.rglob("*")))
        if fingerprint != self.templates:
            self.templates, self.pages, self.environment = fingerprint, {}, _environment(templates)
        self._used = set()
        return self.environment

    def get(self, owner: object, part: str, compute: Callable[[], object], depends: tuple = ()) -> object:
        """What `compute` made for `owner` last time, while `owner` is the very same object and
        `depends` (anything else the value shows) is equal."""
        key = (id(owner), part)
        self._used.add(key)
        known = self.pages.get(key)
        if known and known[0] is owner and known[1] == depends:
            return known[2]
        value = compute()
        self.pages[key] = (owner, depends, value)
        return value

    def prune(self) -> None:
        self.pages = {key: value for key, value in self.pages.items() if key in self._used}


def _holdings(corpus: Corpus, articles: list[Article]) -> dict:
    """What the home page says the dossier holds: articles, their languages (Chinese once, whatever its
    script) and years, and the profiles, of which how many the articles name."""
    years = sorted(a.dated[:4] for a in articles if a.dated)
    return {
        "articles": len(articles),
        "languages": sorted({language_name(a.normalized.detected.base_language) for a in articles}),
        "years": (years[0], years[-1]) if years else None,
        "undated": sum(1 for a in articles if not a.dated),
        "profiles": len(_registry(corpus)),
        "named": len({entity for a in articles for entity in a.entities}),
    }


def render_site(corpus: Corpus, templates: Path, memo: PageMemo | None = None) -> GeneratedSite:
    memo = memo or PageMemo()
    env = memo.start(templates)
    articles = sorted(corpus.articles, key=_sort_key)
    # the project is the templates' folder's parent: source files are named relative to it
    first_commits = first_commit_dates(templates.parent, [a.clean.source_file for a in articles])
    pages: dict[str, str] = {}
    pages["index.md"] = _page(
        env, "home.md.j2", articles=articles, article_url=article_url, rendition_url=rendition_url,
        outcomes=corpus.outcomes, holdings=_holdings(corpus, articles),
    )
    for article in articles:
        for rendition in article.normalized.renditions:
            url = rendition_url(article, rendition)
            first_commit = first_commits.get(article.clean.source_file)
            pages[url + "index.md"] = memo.get(
                article, rendition.language, lambda: _article_page(env, corpus, article, rendition, url, first_commit),
                depends=(first_commit,),
            )
    by_file = {a.clean.source_file.rsplit("/", 1)[-1]: a for a in articles}  # events and relations cite files
    counts = Counter(m.entity for a in articles for m in a.mentions)
    pages.update(_entity_pages(env, corpus, articles, by_file, counts, memo))
    memo.prune()
    if corpus.registry:
        pages["timeline/index.md"] = _page(
            env, "timeline.md.j2",
            timeline=timeline(corpus.registry, articles, entity_url, article_url),
            href=lambda to: relative("timeline/", to),
        )
        pages["graph/index.md"] = _page(
            env, "graph.md.j2",
            graph=relationship_graph(corpus.registry, entity_url),
            sources=by_file,
            article_url=article_url,
            href=lambda to: relative("graph/", to),
        )
    pages["report/index.md"] = _page(
        env, "report.md.j2",
        outcomes=corpus.outcomes,
        cleaned=corpus.cleaned,
        articles={a.id: a for a in corpus.articles},
        href=lambda to: relative("report/", to),
        article_url=article_url,
        removed_url=removed_url,
        attention=corpus.attention,
        attention_kinds=ATTENTION_KINDS,
    )
    data = {
        "data/corpus.json": _json({"articles": [corpus_entry(a) for a in articles]}),
        "data/build-report.json": _json({"inputs": [outcome_entry(o) for o in corpus.outcomes],
                                         "needs_attention": [attention_entry(item) for item in corpus.attention]}),
        "data/entities.json": _json({"entities": entity_entries(_registry(corpus), articles, counts)}),
    }
    return GeneratedSite(pages, data)


def _article_page(env: Environment, corpus: Corpus, article: Article, rendition: Rendition, url: str,
                  first_commit: str | None) -> str:
    variants = _variants(article)
    return _page(
        env, "article.md.j2",
        article=article,
        rendition=rendition,
        script_hrefs={language: relative(url, to) for language, to in variants.items()},
        citation=citation(article, rendition, url, first_commit, language_name),
        body=render_blocks(rendition.blocks, _entity_linker(corpus, url)),
        href=lambda to: relative(url, to),
        variants=variants,
        removed_url=removed_url(article),
        script_labels=SCRIPT_LABELS,
    )


def _registry(corpus: Corpus) -> tuple:
    return corpus.registry.entities if corpus.registry else ()


def _entity_linker(corpus: Corpus, page_url: str) -> EntityLinker:
    def link(entity_id: str) -> tuple[str, str]:
        return relative(page_url, entity_url(entity_id)), corpus.registry.get(entity_id).name

    return link


def _entity_pages(env: Environment, corpus: Corpus, articles: list[Article], by_file: dict[str, Article],
                  counts: Counter, memo: PageMemo) -> dict[str, str]:
    """The profiles (built in `profiles`) and their index."""
    registry = _registry(corpus)
    quotes: dict[str, list[SourceQuote]] = defaultdict(list)
    for article in articles:
        for entity_id, quote in memo.get(article, "quotes", lambda: quotes_of(article)).items():
            quotes[entity_id].append(quote)
    pages = {}
    for entity in registry:
        url = entity_url(entity.id)
        # The page shows these objects and nothing else: while they are the same ones, so is the page.
        shown = (tuple(map(id, quotes.get(entity.id, []))),
                 tuple(id(by_file.get(f)) for f in cited_files(entity, corpus.registry)), counts[entity.id])

        def render_profile(entity=entity, url=url) -> str:
            return _page(
                env, "entity.md.j2",
                profile=profile(entity, corpus.registry, by_file),
                quotes=quotes.get(entity.id, []),
                script_labels=SCRIPT_LABELS,
                mention_count=counts[entity.id],
                href=lambda to: relative(url, to),
                article_url=article_url,
                entity_url=entity_url,
            )

        pages[url + "index.md"] = memo.get(entity, "page", render_profile, depends=shown)
    pages["entities/index.md"] = _page(
        env, "entities.md.j2", **profile_index(registry, articles, counts), type_label=type_label,
        entity_url=lambda entity_id: relative("entities/", entity_url(entity_id)),
    )
    return pages


def entity_entries(registry, articles: list[Article], mentions: Counter) -> list[dict]:
    mentioned_in = defaultdict(list)
    for article in articles:
        for entity_id in article.entities:
            mentioned_in[entity_id].append(article.id)
    return [
        {
            "id": entity.id,
            "type": entity.type,
            "name": entity.name,
            "names": {language: names[0] for language, names in entity.names.items()},
            "aliases": [form for form in entity.surface_forms if form != entity.name],
            "url": entity_url(entity.id),
            "articles": sorted(mentioned_in[entity.id]),
            "mentions": mentions[entity.id],
            "description": entity.description,
        }
        for entity in registry
    ]


def _variants(article: Article) -> dict[str, str]:
    return {r.language: rendition_url(article, r) for r in article.normalized.renditions} if len(
        article.normalized.renditions
    ) > 1 else {}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def corpus_entry(article: Article) -> dict:
    clean = article.clean
    translated = article.translated_from
    return {
        "id": article.id,
        "source_file": clean.source_file,
        "sha256": clean.sha256,
        "language": article.language,
        "title": clean.title,
        "title_en": article.title_en,
        "summary_en": article.summary_en,
        "publisher": article.publisher.value,
        "author": article.author.value,
        "published": article.published.value,
        "original_url": article.original_url.value,
        "translated_from": translated.__dict__ if translated else None,
        "url": article_url(article),
        "variants": _variants(article),
        "entities": list(article.entities),
        "kept_chars": clean.kept_chars,
        "removed": [
            {"rule": r.rule, "chars": r.chars, "line_start": r.line_start, "line_end": r.line_end}
            for r in clean.removals
        ],
        "repaired": [{"rule": r.rule, "chars": r.chars, "line": r.line} for r in clean.repairs],
    }


def outcome_entry(outcome) -> dict:
    return {
        "source_file": outcome.source_file,
        "sha256": outcome.sha256,
        "status": outcome.status,
        "article": outcome.article,
        "duplicate_of": outcome.duplicate_of,
        "reason": outcome.reason,
    }


def attention_entry(item) -> dict:
    return {"kind": item.kind, "source_file": item.source_file, "article": item.article, "detail": item.detail,
            "count": item.count}
