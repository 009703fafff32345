"""generated_files: which generated pages MkDocs is given, and the outputs a build no longer writes.
(Holding back unchanged pages under `serve --dirty` is checked on real rebuilds in test_plugin.py.)"""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File, Files

from dossier.generated_files import GeneratedFiles, _nav_sources


@pytest.mark.parametrize(
    "nav, sources",
    [
        (None, None),  # no `nav` setting: every page is in the navigation MkDocs makes
        ("index.md", {"index.md"}),
        ([{"Home": "index.md"}, {"About": ["about.md", {"Data": "data/index.md"}]}, "report/index.md"],
         {"index.md", "about.md", "data/index.md", "report/index.md"}),
        ([], set()),
    ],
    ids=["unset", "one page", "nested sections", "empty"],
)
def test_the_navigation_names_its_pages_at_any_depth(nav, sources):
    assert _nav_sources(nav) == sources


def written(site, *uris: str) -> Files:
    """The Files of pages at `uris`, their outputs written under `site`."""
    files = Files([File(uri, src_dir=None, dest_dir=str(site), use_directory_urls=True) for uri in uris])
    for file in files:
        output = site / file.dest_uri
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("page", encoding="utf-8")
    return files


def test_an_output_no_build_writes_any_more_is_removed_with_the_folders_it_leaves_empty(tmp_path):
    site = tmp_path / "site"
    generated = GeneratedFiles(hand_changed_only=True)
    generated.remove_stale_outputs(written(site, "index.md", "articles/a/index.md", "articles/b/index.md"), site)
    (site / "articles" / "b" / "photo.txt").write_text("a file of the site's own", encoding="utf-8")

    generated.remove_stale_outputs(written(site, "index.md"), site)  # the two articles were deleted

    assert (site / "index.html").is_file()
    assert not (site / "articles" / "a").exists()  # its page removed, and its folder with it
    assert (site / "articles" / "b" / "photo.txt").is_file()  # a folder still holding a file stays
    assert not (site / "articles" / "b" / "index.html").exists()
    assert site.is_dir()


def test_a_failed_build_leaves_no_file_to_be_reused():
    generated = GeneratedFiles(hand_changed_only=True)
    generated.page_files["index.md"] = File("index.md", src_dir=None, dest_dir="site", use_directory_urls=True)
    generated.forget()
    assert generated.page_files == {}
