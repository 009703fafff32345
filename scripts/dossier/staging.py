"""The generated pages as files: MkDocs reads a generated page from its file in a staging folder.

A page is written as soon as it is rendered, so that a build never holds every page in memory at once
(at 10,000 articles the pages are half a gigabyte; MkDocs then reads them one at a time), and only when
its content changed since the file was last written: with `mkdocs serve --dirty`, MkDocs renders again
only the pages whose files are newer than their output.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from pathlib import Path

from mkdocs.utils.meta import YAML_RE, get_data


class StagedPages(MutableMapping[str, str]):
    """The pages one build renders, by their docs-relative source path, as files under `folder`.

    `written` (content hash by path) is what the folder holds, kept by the caller from build to build;
    `changed` is this build's pages, each with whether its file was written anew."""

    def __init__(self, folder: Path, written: dict[str, int]) -> None:
        self.folder = folder
        self.written = written
        self.changed: dict[str, bool] = {}

    def path(self, uri: str) -> Path:
        return self.folder / uri

    def __setitem__(self, uri: str, content: str) -> None:
        changed = self.written.get(uri) != hash(content)
        if changed:
            path = self.path(uri)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            self.written[uri] = hash(content)
        self.changed[uri] = changed

    def __getitem__(self, uri: str) -> str:
        if uri not in self.changed:
            raise KeyError(uri)
        return self.path(uri).read_text(encoding="utf-8")

    def __delitem__(self, uri: str) -> None:
        del self.changed[uri]
        self._remove(uri)

    def __iter__(self) -> Iterator[str]:
        return iter(self.changed)

    def __len__(self) -> int:
        return len(self.changed)

    def remove_others(self) -> None:
        """Delete the files of the pages this build did not render (a deleted article or entity)."""
        for uri in [uri for uri in self.written if uri not in self.changed]:
            self._remove(uri)

    def _remove(self, uri: str) -> None:
        self.path(uri).unlink(missing_ok=True)
        self.written.pop(uri, None)


def staged_body(path: Path) -> str:
    """A staged page's body (its HTML), as MkDocs hands it to `on_page_markdown` (front matter off) and
    the plugin keeps it (the newlines at its ends off): read again when MkDocs renders the page, so that
    MkDocs need not hold every page's HTML from the first page it reads to the last it writes. The front
    matter is cut where MkDocs cuts it, without parsing it again: the pipeline wrote it."""
    text = path.read_text(encoding="utf-8")
    found = YAML_RE.match(text)
    body = text[found.end():] if found else get_data(text)[0]
    return body.strip("\n")
