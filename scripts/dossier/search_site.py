"""The site's search index as MkDocs renders its pages: each page's text handed to an index kept in this
process (`SiteIndex`) or in a helper process beside it (`IndexProcess`), and the index files written at
the end of the build. Under `mkdocs serve` both keep the documents of the pages a rebuild does not render
again. The documents themselves are search_pages.py's, the files search_index.py's."""

from __future__ import annotations

import html
from collections.abc import ItemsView, Iterator, Mapping, MutableMapping
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from sys import intern
from typing import Any, Protocol

from .parallel import helper_process
from .search_index import IndexBuilder, IndexStats, write_files
from .search_pages import Document, document
from .staging import staged_body


class Terms(Mapping[str, float]):
    """A page's terms and their frequencies as two tuples: about half a dict's room. The index holds every
    page's terms until it is written, millions of them at 10,000 articles, and reads them in order, never
    one by one (a lookup here is a scan)."""

    __slots__ = ("_frequencies", "_terms")

    def __init__(self, terms: Mapping[str, float]) -> None:
        self._terms = tuple(terms)
        self._frequencies = tuple(terms.values())

    def __getitem__(self, term: str) -> float:
        try:
            return self._frequencies[self._terms.index(term)]
        except ValueError:
            raise KeyError(term) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def items(self) -> ItemsView[str, float]:
        return _TermItems(self)

    def pairs(self) -> Iterator[tuple[str, float]]:
        return zip(self._terms, self._frequencies, strict=True)


class _TermItems(ItemsView[str, float]):
    """Terms.items(), read in one pass (the view's own would look each term up)."""

    def __init__(self, terms: Terms) -> None:
        super().__init__(terms)
        self.terms = terms

    def __iter__(self) -> Iterator[tuple[str, float]]:
        return self.terms.pairs()


def shared(document: Document) -> Document:
    """`document` as the index keeps it: its strings and numbers shared with the other pages' documents
    (a term's string is one object for every page that has it, interned; a page's few distinct
    frequencies are one number each, not one per term), its terms in two tuples (`Terms`). Done where
    the index is kept: a document analysed in another process arrives with strings and numbers of its
    own."""
    frequencies: dict[float, float] = {}
    terms = {intern(term): frequencies.setdefault(frequency, frequency) for term, frequency in document.terms.items()}
    return replace(document, terms=Terms(terms), han=frozenset(map(intern, document.han)))


class Page(Protocol):
    """What the index reads of an MkDocs page (mkdocs.structure.pages.Page)."""

    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def meta(self) -> MutableMapping[str, Any]: ...


@dataclass(frozen=True)
class PageText:
    """What a page gives the index: its rendered HTML content and what MkDocs knows of it."""

    url: str
    content: str
    title: str
    names: tuple[str, ...]  # a profile's names
    indexed: bool  # False: its front matter says `search: {exclude: true}`
    staged: str | None = None  # the staged file the content is also in (a generated page)

    def read(self) -> str:
        """The content: a helper process reads a generated page's from its file (so that the pages on
        their way to it are small; MkDocs reads pages faster than the helper analyses them)."""
        return staged_body(Path(self.staged)) if self.staged and not self.content else self.content


def page_text(page: Page, content: str, names: tuple[str, ...], staged: str | None = None) -> PageText:
    """A rendered page, for the index; and out of Material's own index, which would otherwise be built and
    downloaded as well."""
    settings = page.meta.get("search") or {}
    if not isinstance(settings, dict):
        raise TypeError(f"{page.url}: front matter `search` must be a mapping")
    page.meta["search"] = {**settings, "exclude": True}
    title = html.unescape(str(page.title or ""))  # front matter arrives HTML-escaped
    return PageText(page.url, content, title, names, not settings.get("exclude"), staged)


class SiteIndex:
    """The search documents of a site's pages, kept across `mkdocs serve` rebuilds: a page MkDocs does
    not render again (under --dirty) keeps its document, one rendered again is analysed again only if
    its content changed, and the index is written from the pages the site has now."""

    def __init__(self) -> None:
        self.documents: dict[str, tuple[int, Document]] = {}  # page URL -> hash of its text, its document
        self.builder = IndexBuilder()
        self.written: dict[str, int] = {}  # what the last write left in the index folder

    def add(self, text: PageText) -> None:
        if not text.indexed:
            self.documents.pop(text.url, None)
            return
        content = text.read()
        key = hash((content, text.title, text.names))
        known = self.documents.get(text.url)
        if known is None or known[0] != key:
            self.documents[text.url] = (key, shared(document(text.url, content, text.title, text.names)))

    def write(self, directory: Path, urls: set[str]) -> IndexStats:
        for url in [url for url in self.documents if url not in urls]:  # a page the site no longer has
            del self.documents[url]
        files, stats = self.builder.files(doc for _, doc in self.documents.values())
        write_files(files, directory, self.written)
        return stats

    def close(self) -> None:
        """Nothing to stop: the index lives in this process."""


# In the helper process of an IndexProcess only: its SiteIndex, made by its first task (state kept in the
# process, as parallel._WORKER_TOOLS). The process that hands pages to it never reads or writes it.
_HELPER_INDEX: list[SiteIndex] = []


def _new_helper_index() -> None:
    _HELPER_INDEX[:] = [SiteIndex()]


def _add_in_helper(text: PageText) -> None:
    try:
        _HELPER_INDEX[0].add(text)
    except Exception as error:
        raise RuntimeError(f"{text.url}: the search index could not analyse it: {error}") from error


def _write_in_helper(directory: Path, urls: set[str]) -> IndexStats:
    return _HELPER_INDEX[0].write(directory, urls)


class IndexProcess:
    """A SiteIndex kept in a helper process: a page handed to it is analysed there while this process
    goes on rendering the next one (MkDocs renders pages one at a time; the machine's other cores are
    idle meanwhile), and its documents take no room here. Same files as a SiteIndex: the helper runs
    the same code, on one page at a time, in the order they were handed. It lives until `close`, so
    that under `mkdocs serve` it keeps the documents of the pages a rebuild does not render again."""

    def __init__(self, method: str | None = None) -> None:
        self.helper = helper_process(method)
        # The helper process starts with its first task: now, while this one holds little it would share.
        self.sent: list[Future[None]] = [self.helper.submit(_new_helper_index)]  # errors surface at write

    def add(self, text: PageText) -> None:
        self.sent.append(self.helper.submit(_add_in_helper, replace(text, content="") if text.staged else text))

    def forget_failures(self) -> None:
        """After a failed build: what went wrong with its pages is not the next build's error."""
        self.sent = []

    def write(self, directory: Path, urls: set[str]) -> IndexStats:
        sent, self.sent = self.sent, []
        for page in sent:
            page.result()
        return self.helper.submit(_write_in_helper, directory, urls).result()

    def close(self) -> None:
        self.helper.shutdown(cancel_futures=True)
