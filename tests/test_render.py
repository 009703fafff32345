"""render: article text is escaped data; URLs are relative; every block has a stable anchor."""

from pathlib import Path

from mkdocs.utils.meta import get_data

from dossier.records import Block, Inline
from dossier.render import front_matter, relative, render_blocks

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
    )
    html = render_blocks(blocks)
    assert html.splitlines() == [
        '<h3 id="p1">H</h3>', "<ul>", '<li id="p2">a</li>', '<li id="p3">b</li>', "</ul>", '<p id="p4">p</p>'
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


def test_page_templates_leave_front_matter_to_render():
    """A page template declares its front matter as `meta`; render.front_matter writes (and escapes) it."""
    for template in TEMPLATES.glob("*.md.j2"):
        text = template.read_text(encoding="utf-8")
        assert not text.startswith("---") and "{% set meta = " in text, template.name
