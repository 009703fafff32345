"""The Files of the generated pages, from build to build of one command, and the site's outputs.

Under `mkdocs serve --dirty` MkDocs is given only the generated pages an edit changed (and those in the
navigation): it would otherwise make a page object of each of the others on every rebuild, check its
time stamp and skip it (most of a rebuild's time at 10,000 articles). The others are held back: not given
to MkDocs, but still part of the site (their URLs, their outputs). A File is kept from one build to the
next while its source and place in the site are the same, as MkDocs works a File's paths out once per
object (for 14,000 new ones at 10,000 articles, 0.3 s of the first reload).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .staging import StagedPages


class GeneratedFiles:
    """The generated pages' Files of the last build (given to MkDocs or held back) and the files it wrote.
    `hand_changed_only`: hold back the unchanged pages (`mkdocs serve --dirty`)."""

    def __init__(self, hand_changed_only: bool):
        self.hand_changed_only = hand_changed_only
        self.held_back: list[File] = []  # the unchanged pages not given to MkDocs this build
        self.page_files: dict[str, File] = {}  # the File of every generated page of the last build, by URI
        self.outputs: set[str] = set()  # the files the last build wrote

    def add(self, files: Files, staged: StagedPages, config: MkDocsConfig) -> None:
        """This build's generated pages: appended to `files`, or held back when unchanged (and out of the
        navigation, which MkDocs makes of the pages it is given)."""
        in_nav = _nav_sources(config.nav)
        files_before, self.page_files, self.held_back = self.page_files, {}, []
        for uri, changed in sorted(staged.changed.items()):
            if self.hand_changed_only and not changed and in_nav is not None and uri not in in_nav:
                file = _held_back_file(files_before.get(uri), config, uri, str(staged.path(uri)))
                self.held_back.append(file)
            else:
                file = File.generated(config, uri, abs_src_path=str(staged.path(uri)))
                files.append(file)
            self.page_files[uri] = file

    def page_urls(self, files: Files) -> set[str]:
        """The URLs of every page of the site, held back or not."""
        return {file.url for file in [*files.documentation_pages(), *self.held_back]}

    def remove_stale_outputs(self, files: Files, site: Path) -> None:
        """`mkdocs serve --dirty` keeps the site directory between builds: a file the last build wrote and
        this one does not (the page of a deleted article) is removed, or it would still be served."""
        outputs = {file.abs_dest_path for file in [*files, *self.held_back]}
        for path in sorted(self.outputs - outputs):
            _remove_output(Path(path), site)
        self.outputs = outputs

    def let_go_of_pages(self) -> None:
        """Once a build is over: a page's File may be held back in the next build, as it is (its paths
        already worked out); it lets go of the Page MkDocs made of it, which holds this build's whole
        navigation."""
        for file in self.page_files.values():
            file.page = None

    def forget(self) -> None:
        """After a failed build, whose pages may never have been written out: the next one makes every
        File anew."""
        self.page_files.clear()


def _held_back_file(before: File | None, config: MkDocsConfig, uri: str, path: str) -> File:
    """A page not given to MkDocs this build, as MkDocs would make it (its URL and output path): the last
    build's File of it (held back or given to MkDocs) while its source and place in the site are the same."""
    if (before is not None and before.abs_src_path == path and before.dest_dir == config.site_dir
            and before.use_directory_urls == config.use_directory_urls):
        return before
    return File.generated(config, uri, abs_src_path=path)


def _nav_sources(nav: object) -> set[str] | None:
    """The source files the `nav` setting names; None when it is not set (every page is then in the
    navigation MkDocs makes)."""
    if nav is None:
        return None
    if isinstance(nav, str):
        return {nav}
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return {uri for value in values for uri in _nav_sources(value) or ()}


def _remove_output(path: Path, site: Path) -> None:
    """Delete a file of the site, and the directories it leaves empty."""
    path.unlink(missing_ok=True)
    for directory in path.parents:
        if directory == site or not directory.is_relative_to(site):
            break
        try:
            directory.rmdir()
        except FileNotFoundError:
            continue
        except OSError:  # not empty
            break
