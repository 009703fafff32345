"""render: article text is escaped data; URLs are relative; every block has a stable anchor."""

from dossier.records import Block, Inline
from dossier.render import relative, render_blocks


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
