"""The site's search index: a chunked static index, built here, read by a small worker in the browser.

Material for MkDocs' search downloads and parses one lunr index of the whole site before the first
result (33 MB at 5,000 articles). This index is cut into files instead, and the browser fetches only
what a query needs:

- `search/dossier/manifest.json`: the first term of each chunk, the number of pages of each kind, the
  Traditional -> Simplified table of the corpus' characters; a few kilobytes, loaded with the page.
- `search/dossier/c/<n>.bin`: the terms, sorted, cut into chunks of about 16 KB; each term with its
  postings (page, weight). A query reads the one chunk each of its terms falls in.
- `search/dossier/f/<page>.json`: a page's URL, title and the start of its text: fetched for the
  results shown, to draw them.

Pages are analysed by search_pages.py (terms by search_text.py, as the worker analyses a query; the
worker itself comes from search_worker.py). Each name of a profile is one key (`=amazon care`) that
leads to the profile and to the articles that link it: a query that is a company's name finds its
profile first, then the articles that mention it, in any language. Weights are BM25's, with the title
and names counting more.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from collections import Counter
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .search_pages import Document, Kind, document
from .search_text import simplified_map

CHUNK_BYTES = 16_384  # target size of an index chunk
BM25_K1, BM25_B = 1.2, 0.75
MAX_WEIGHT = BM25_K1 + 1  # BM25's term weight never reaches it; weights are stored as 1..255 of it
TOP_WEIGHT = 255  # a weight is one byte: a name's own profile gets the top of the scale
MENTION_TF = 2.0  # how often a link to a profile counts, as term frequency, in the article that has it
_KIND_ORDER = {Kind.ARTICLE: 0, Kind.PROFILE: 1, Kind.LISTING: 2}
_VARINT_MORE = 0x80  # LEB128: the high bit of a byte says another byte follows
_VARINT_BITS = 0x7F


def _varint(value: int, out: bytearray) -> None:
    while value >= _VARINT_MORE:
        out.append((value & _VARINT_BITS) | _VARINT_MORE)
        value >>= 7
    out.append(value)


def _utf16_key(term: str) -> bytes:
    """Sort order of JavaScript's string comparison (UTF-16 code units), which the worker searches by."""
    return term.encode("utf-16-be")


def read_chunk(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """An index chunk decoded: term -> [(page, weight)] (what the worker reads; for tests and tools)."""
    terms: dict[str, list[tuple[int, int]]] = {}
    at = 0

    def varint() -> int:
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & _VARINT_BITS) << shift
            shift += 7
            if not byte & _VARINT_MORE:
                return value

    while at < len(data):
        length = varint()
        term = data[at:at + length].decode("utf-8")
        at += length
        page, items = 0, []
        for _ in range(varint()):
            page += varint()
            items.append((page, data[at]))
            at += 1
        terms[term] = items
    return terms


def lookup(directory: Path, term: str) -> list[tuple[int, int]]:
    """The postings of `term` in the index written into `directory` (tests and tools)."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    keys = [_utf16_key(first) for first in manifest["chunks"]]
    chunk = max((n for n, key in enumerate(keys) if key <= _utf16_key(term)), default=None)
    if chunk is None:
        return []
    return read_chunk((directory / "c" / f"{chunk}.bin").read_bytes()).get(term, [])


@dataclass(frozen=True)
class IndexStats:
    documents: int
    terms: int
    chunks: int
    bytes: int


def _postings(docs: list[Document]) -> dict[str, list[tuple[int, int]]]:
    """Term -> [(page, quantized BM25 weight)], name keys included."""
    ids = {d.url: n for n, d in enumerate(docs)}
    average = sum(d.length for d in docs) / len(docs) if docs else 1.0
    postings: dict[str, list[tuple[int, int]]] = {}

    def quantized(tf: float, length: int) -> int:
        weight = tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length / average))
        return max(1, min(TOP_WEIGHT, round(weight / MAX_WEIGHT * TOP_WEIGHT)))

    mentions: dict[int, list[tuple[int, int]]] = {}  # profile -> the articles that link it
    for n, doc in enumerate(docs):
        for term, tf in doc.terms.items():
            postings.setdefault(term, []).append((n, quantized(tf, doc.length)))
        if doc.kind == Kind.ARTICLE:
            for target, count in doc.links.items():
                if target in ids and docs[ids[target]].kind == Kind.PROFILE:
                    mentions.setdefault(ids[target], []).append((n, quantized(count * MENTION_TF, doc.length)))
    # A name's key leads to its profile and, in the same entry (one fetch), to the articles that mention
    # it: pages are numbered articles first, so the worker tells them apart by number.
    for n, doc in enumerate(docs):
        for key in doc.names:
            postings.setdefault("=" + key, []).extend([(n, TOP_WEIGHT), *mentions.get(n, [])])
    return postings


def _entry(term: str, postings: list[tuple[int, int]]) -> bytearray:
    """One term's bytes in a chunk: its length and UTF-8, then its pages (one posting each) as gaps."""
    entry = bytearray()
    encoded = term.encode("utf-8")
    _varint(len(encoded), entry)
    entry += encoded
    items = sorted(dict(postings).items())
    _varint(len(items), entry)
    previous = 0
    for doc_id, weight in items:
        _varint(doc_id - previous, entry)
        entry.append(weight)
        previous = doc_id
    return entry


def index_files(documents: Iterable[Document]) -> tuple[dict[str, bytes], IndexStats]:
    """The index of `documents`: its files' bytes by their path in the index folder, and its figures.
    Same documents, same bytes: pages are numbered in (kind, URL) order and terms sorted."""
    docs = sorted(documents, key=lambda d: (_KIND_ORDER[d.kind], d.url))
    ids = {d.url: n for n, d in enumerate(docs)}
    postings = _postings(docs)
    files: dict[str, bytes] = {}
    digest = hashlib.sha256()
    chunks: list[str] = []
    current = bytearray()

    def close_chunk() -> None:
        nonlocal current
        if current:
            files[f"c/{len(chunks) - 1}.bin"] = bytes(current)
            digest.update(current)
            current = bytearray()

    for term in sorted(postings, key=_utf16_key):
        entry = _entry(term, postings[term])
        if not chunks or (len(current) + len(entry) > CHUNK_BYTES and current):
            close_chunk()
            chunks.append(term)
        current += entry
    close_chunk()
    for n, doc in enumerate(docs):
        fragment = json.dumps({"u": doc.url, "t": doc.title, "x": doc.excerpt}, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
        files[f"f/{n}.json"] = fragment
        digest.update(fragment)
    kinds = Counter(d.kind for d in docs)
    han = sorted(set().union(*(d.han for d in docs))) if docs else []
    manifest: dict[str, object] = {
        "documents": len(docs),
        "articles": kinds[Kind.ARTICLE],
        "profiles": kinds[Kind.PROFILE],
        # Listing pages (home, profiles index, timeline, …) rank after articles and profiles unless the
        # query names them: the worker needs their titles.
        "listings": {str(ids[d.url]): d.title for d in docs if d.kind == Kind.LISTING},
        "chunks": chunks,
        "simplified": simplified_map(han),
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest.update(body.encode("utf-8"))
    manifest["version"] = digest.hexdigest()[:16]
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                        separators=(",", ":")).encode("utf-8")
    return files, IndexStats(len(docs), len(postings), len(chunks), sum(len(data) for data in files.values()))


def write_index(documents: Iterable[Document], directory: Path, written: dict[str, int] | None = None,
                ) -> IndexStats:
    """Write the index of `documents` into `directory`, replacing what it held. `written` holds what the
    last write into it left there (path -> hash of the bytes), and is updated: files whose bytes did not
    change are not written again, which is most of them after an edit (`mkdocs serve`)."""
    files, stats = index_files(documents)
    if written is None:
        written = {}
    if not written and directory.exists():  # written by someone else: start afresh
        shutil.rmtree(directory)
    elif not directory.exists():
        written.clear()
    for name in sorted(set(written) - set(files)):
        (directory / name).unlink(missing_ok=True)
        del written[name]
    for name, data in files.items():
        if written.get(name) != hash(data):
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written[name] = hash(data)
    return stats


class Page(Protocol):
    """What SiteIndex reads of an MkDocs page (mkdocs.structure.pages.Page)."""

    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def meta(self) -> MutableMapping[str, Any]: ...


class SiteIndex:
    """The search documents of a site's pages, kept across `mkdocs serve` rebuilds: a page MkDocs does
    not render again (under --dirty) keeps its document, one rendered again is analysed again only if
    its content changed, and the index is written from the pages the site has now."""

    def __init__(self) -> None:
        self.documents: dict[str, tuple[int, Document]] = {}
        self.names: dict[str, tuple[str, ...]] = {}  # profile URL -> the entity's names
        self.written: dict[str, int] = {}  # what the last write left in the index folder

    def add_page(self, page: Page, content: str) -> None:
        """Index a rendered page (unless its front matter says `search: {exclude: true}`), and take it
        out of Material's own index, which would otherwise be built and downloaded as well."""
        settings = page.meta.get("search") or {}
        if not isinstance(settings, dict):
            raise TypeError(f"{page.url}: front matter `search` must be a mapping")
        page.meta["search"] = {**settings, "exclude": True}
        if settings.get("exclude"):
            self.documents.pop(page.url, None)
            return
        names = self.names.get(page.url, ())
        title = html.unescape(str(page.title or ""))  # front matter arrives HTML-escaped
        key = hash((content, title, names))
        known = self.documents.get(page.url)
        if known is None or known[0] != key:
            self.documents[page.url] = (key, document(page.url, content, title, names))

    def write(self, directory: Path, urls: set[str]) -> IndexStats:
        for url in [url for url in self.documents if url not in urls]:  # a page the site no longer has
            del self.documents[url]
        return write_index((doc for _, doc in self.documents.values()), directory, self.written)
