"""Article text -> HTML, with every character of the text escaped: the text is data, so Markdown, HTML
and template syntax in it are shown, never run.

This HTML is built in Python rather than by a Jinja macro: it is the bulk of every article page (a
call per run of text), and its escaping is `html.escape`'s (quotes kept as they are in text, `&quot;`
and `&#x27;` in attributes), which Jinja's autoescape (markupsafe: `&#34;`, `&#39;`) would change.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from markupsafe import Markup

from .records import Block, Inline

# How an article page links an entity: the profile's href (relative to the page) and its name.
EntityLinker = Callable[[str], tuple[str, str]]
MAX_HEADING = 6  # HTML has no <h7>: deeper headings of an article stay <h6>


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


def _block(kind: str, level: int, anchor: str, content: str) -> str:
    if kind == "heading":
        tag = f"h{min(level + 1, MAX_HEADING)}"  # the page's own h1 is the article title
        return f'<{tag} id="{anchor}">{content}</{tag}>'
    if kind == "list_item":
        return f'<li id="{anchor}">{content}</li>'
    if kind == "quote":
        return f'<blockquote id="{anchor}"><p>{content}</p></blockquote>'
    if kind == "rule":
        return f'<hr id="{anchor}">'
    if kind == "code":
        # The anchor sits on a wrapper: Material renames ids on <pre> when it adds its copy button. The
        # content's runs are code already, each in its <code>.
        return f'<div id="{anchor}" class="code-block"><pre>{content}</pre></div>'
    return f'<p id="{anchor}">{content}</p>'


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
        linked: set[str | None] = set()
        runs = []
        for inline in block.inlines:
            runs.append(render_inline(inline, entity_link if inline.entity not in linked else None))
            linked.add(inline.entity)
        parts.append(_block(block.kind, block.level, f"p{number}", "".join(runs)))
    parts.extend(f"</{tag}>" for tag in reversed(open_lists))
    return Markup("\n".join(parts))  # every piece of text in it was escaped above
