"""Stage 7, render: the corpus -> the site's generated pages and data files.

Pages are Markdown files whose article content is HTML we build here, with every character of article
text escaped: the text is data, so Markdown, HTML and template syntax in it are shown, never run.
Layout lives in the Jinja2 templates under `templates/`; this module only prepares what they show.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .chinese import SIMPLIFIED, TRADITIONAL
from .records import Article, Block, Corpus, Inline, Rendition

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
    return f"{article_url(article)}removed/"


def relative(from_url: str, to_url: str) -> str:
    """The href that leads from the page at `from_url` to `to_url` (both site-root relative)."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    if target == ".":
        return "./"
    return target + "/" if to_url.endswith("/") or not to_url else target


# --- article text -> escaped HTML ----------------------------------------------------------------------


def render_inline(inline: Inline) -> Markup:
    html = escape(inline.text)
    if inline.code:
        html = Markup("<code>%s</code>") % html
    if inline.em:
        html = Markup("<em>%s</em>") % html
    if inline.strong:
        html = Markup("<strong>%s</strong>") % html
    if inline.href:
        html = Markup('<a href="%s" rel="nofollow noopener">%s</a>') % (inline.href, html)
    return html


def render_blocks(blocks: tuple[Block, ...]) -> Markup:
    """Article blocks as HTML; every block carries a stable anchor `p<N>` (its place in the article)."""
    parts: list[Markup] = []
    open_lists: list[str] = []
    for number, block in enumerate(blocks, start=1):
        depth = block.level if block.kind == "list_item" else 0
        while len(open_lists) > depth or (open_lists and block.kind == "list_item" and len(open_lists) == depth
                                          and open_lists[-1] != ("ol" if block.ordered else "ul")):
            parts.append(Markup("</%s>") % open_lists.pop())
        while len(open_lists) < depth:
            tag = "ol" if block.ordered else "ul"
            open_lists.append(tag)
            parts.append(Markup("<%s>") % tag)
        content = Markup("").join(render_inline(inline) for inline in block.inlines)
        anchor = f"p{number}"
        if block.kind == "heading":
            level = min(block.level + 1, 6)  # the page's own h1 is the article title
            parts.append(Markup('<h%d id="%s">%s</h%d>') % (level, anchor, content, level))
        elif block.kind == "list_item":
            parts.append(Markup('<li id="%s">%s</li>') % (anchor, content))
        elif block.kind == "quote":
            parts.append(Markup('<blockquote id="%s"><p>%s</p></blockquote>') % (anchor, content))
        elif block.kind == "rule":
            parts.append(Markup('<hr id="%s">') % anchor)
        elif block.kind == "code":
            parts.append(Markup('<pre id="%s"><code>%s</code></pre>') % (anchor, content))
        else:
            parts.append(Markup('<p id="%s">%s</p>') % (anchor, content))
    while open_lists:
        parts.append(Markup("</%s>") % open_lists.pop())
    return Markup("\n").join(parts)


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


def _sort_key(article: Article):
    # Newest first; undated articles after the dated ones, in id order.
    published = article.published.value or ""
    return (published == "", "".join(chr(0x10FFFF - ord(c)) for c in published), article.id)


def render_site(corpus: Corpus, templates: Path) -> GeneratedSite:
    env = _environment(templates)
    articles = sorted(corpus.articles, key=_sort_key)
    pages: dict[str, str] = {}
    pages["index.md"] = env.get_template("home.md.j2").render(
        articles=articles, article_url=article_url, outcomes=corpus.outcomes
    )
    for article in articles:
        for rendition in article.normalized.renditions:
            url = rendition_url(article, rendition)
            pages[url + "index.md"] = env.get_template("article.md.j2").render(
                article=article,
                rendition=rendition,
                body=render_blocks(rendition.blocks),
                href=lambda to, url=url: relative(url, to),
                variants=_variants(article),
                removed_url=removed_url(article),
                script_labels=SCRIPT_LABELS,
            )
        pages[removed_url(article) + "index.md"] = env.get_template("removed.md.j2").render(
            article=article, clean=article.clean
        )
    pages["report/index.md"] = env.get_template("report.md.j2").render(
        outcomes=corpus.outcomes,
        cleaned=corpus.cleaned,
        articles={a.id: a for a in corpus.articles},
        href=lambda to: relative("report/", to),
        article_url=article_url,
        removed_url=removed_url,
    )
    data = {
        "data/corpus.json": _json({"articles": [corpus_entry(a) for a in articles]}),
        "data/build-report.json": _json({"inputs": [outcome_entry(o) for o in corpus.outcomes]}),
    }
    return GeneratedSite(pages, data)


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
        "entities": [],
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
