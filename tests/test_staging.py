"""The generated pages as the files MkDocs reads: written as they are rendered, rewritten only when
they change, removed when their page is gone."""

import os

import pytest

from conftest import ROOT, page_memo
from dossier.render import render_site
from dossier.staging import StagedPages


def _mtimes(folder):
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_page_is_a_file_as_soon_as_it_is_set(tmp_path):
    pages = StagedPages(tmp_path, {})
    pages["articles/a/index.md"] = "<p>A</p>"
    assert (tmp_path / "articles/a/index.md").read_text(encoding="utf-8") == "<p>A</p>"
    assert pages["articles/a/index.md"] == "<p>A</p>" and list(pages) == ["articles/a/index.md"]
    assert pages.changed == {"articles/a/index.md": True}
    with pytest.raises(KeyError):
        pages["articles/b/index.md"]


def test_the_next_build_rewrites_only_the_pages_that_changed_and_removes_those_gone(tmp_path):
    written: dict[str, int] = {}
    first = StagedPages(tmp_path, written)
    first.update({"a/index.md": "A", "b/index.md": "B", "c/index.md": "C"})
    for path in tmp_path.rglob("*"):
        os.utime(path, ns=(0, 0))  # written long ago
    second = StagedPages(tmp_path, written)
    second.update({"a/index.md": "A", "b/index.md": "B, edited"})
    second.remove_others()
    assert second.changed == {"a/index.md": False, "b/index.md": True}
    assert {path: bool(mtime) for path, mtime in _mtimes(tmp_path).items()} == {"a/index.md": False, "b/index.md": True}
    assert set(written) == {"a/index.md", "b/index.md"}
    del second["b/index.md"]
    assert not (tmp_path / "b/index.md").exists() and set(written) == {"a/index.md"}


def test_rendering_into_staged_pages_writes_the_pages_a_dict_would_hold(tmp_path, corpus):
    held = render_site(corpus, ROOT / "templates", page_memo()).pages
    staged = StagedPages(tmp_path, {})
    render_site(corpus, ROOT / "templates", page_memo(), pages=staged)
    assert sorted(staged) == sorted(held)
    assert all((tmp_path / uri).read_text(encoding="utf-8") == content for uri, content in held.items())


def test_a_memo_that_does_not_keep_computes_every_time():
    memo = page_memo()
    memo.pages.keep = False
    made = []
    for _ in range(2):
        memo.pages.get("key", "page", lambda: made.append(1) or "page")
    assert len(made) == 2 and not memo.pages.entries


def test_a_staged_body_is_what_mkdocs_hands_the_plugin_for_every_kind_of_page(tmp_path, corpus):
    """Read again from the file, a page's body is the Markdown MkDocs reads from it (front matter off, as
    `get_data` cuts it), without the newlines at its ends: what on_page_markdown kept."""
    from mkdocs.utils.meta import get_data

    from dossier.staging import staged_body

    staged = StagedPages(tmp_path, {})
    render_site(corpus, ROOT / "templates", page_memo(), pages=staged)
    kinds = {uri.split("/")[0] for uri in staged}
    assert {"articles", "entities", "catalogue", "report", "index.md"} <= kinds
    for uri in staged:
        text = staged[uri]
        assert staged_body(staged.path(uri)) == get_data(text)[0].strip("\n"), uri
