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

The bytes are search_encoding.py's. Pages are analysed by search_pages.py (terms by search_text.py,
as the worker analyses a query; the worker itself comes from search_worker.py). Each name of a profile
is one key (`=amazon care`) that leads to the profile and to the articles that link it: a query that is
a company's name finds its profile first, then the articles that mention it, in any language. Weights
are BM25's, with the title and names counting more.

Under `mkdocs serve` an edit changes a page or two: the index is kept between builds (IndexBuilder) and
only the terms of the changed pages are weighted and encoded again. The files are the same bytes as a
fresh build's: BM25's average page length is rounded (AVERAGE_STEP) so that an edit seldom moves it,
and when it moves, or a page comes or goes (pages are numbered in order), everything is computed again.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from array import array
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .search_encoding import Postings, encode_entries, utf16_key
from .search_pages import Document, Kind
from .search_text import simplified_map

CHUNK_BYTES = 16_384  # target size of an index chunk
BM25_K1, BM25_B = 1.2, 0.75
MAX_WEIGHT = BM25_K1 + 1  # BM25's term weight never reaches it; weights are stored as 1..255 of it
TOP_WEIGHT = 255  # a weight is one byte: a name's own profile gets the top of the scale
WEIGHT_BITS = 8
MENTION_TF = 2.0  # how often a link to a profile counts, as term frequency, in the article that has it
# BM25 divides by the average page length. It is rounded to steps of 1 %: an edit to one page among
# many seldom moves it, so the other pages' weights stay, and 1 % moves no weight by a visible amount.
AVERAGE_STEP = 1.01
_KIND_ORDER = {Kind.ARTICLE: 0, Kind.PROFILE: 1, Kind.LISTING: 2}
NAME_KEY = "="  # a name key's prefix; no analysed term starts with it (terms are letters and digits)


@dataclass(frozen=True)
class IndexStats:
    documents: int
    terms: int
    chunks: int
    bytes: int


def average_length(docs: list[Document]) -> float:
    """The pages' mean length in tokens, rounded to a power of AVERAGE_STEP."""
    mean = max(1.0, sum(d.length for d in docs) / len(docs)) if docs else 1.0
    return float(AVERAGE_STEP ** round(math.log(mean, AVERAGE_STEP)))


def length_norm(length: int, average: float) -> float:
    """BM25's length normalization of a page of `length` tokens."""
    return BM25_K1 * (1 - BM25_B + BM25_B * length / average)


def quantized(tf: float, norm: float) -> int:
    """BM25's weight of a term of frequency `tf` in a page of length norm `norm`, as 1..TOP_WEIGHT."""
    weight = tf * (BM25_K1 + 1) / (tf + norm)
    return max(1, min(TOP_WEIGHT, round(weight / MAX_WEIGHT * TOP_WEIGHT)))


class IndexBuilder:
    """The index's files for a set of documents, kept between calls so that the next call, after an
    edit, weights and encodes again only the terms of the pages that changed. Each call returns what a
    fresh builder would for the same documents."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._docs: list[Document] = []
        self._shape: list[tuple[str, Kind]] = []  # the pages' URLs and kinds, in page order
        self._average = 0.0
        # term -> its postings in page order, each a page's number and its weight in one integer
        # (page << WEIGHT_BITS | weight): at 10,000 articles, millions of them, in a quarter to a third of
        # a dict's room
        self._terms: dict[str, array[int]] = {}
        self._mentions: dict[int, dict[int, int]] = {}  # profile -> the articles that link it -> weight
        self._named: dict[str, list[int]] = {}  # name key -> the profiles with that name, in page order
        self._entries: dict[str, bytes] = {}  # term -> its bytes in a chunk
        self._order: list[str] = []  # the terms, in the worker's order
        self._fragments: list[bytes] = []  # page -> its result fragment
        self._han: Counter[str] = Counter()  # Han character -> the pages that have it
        self._simplified: tuple[frozenset[str], dict[str, str]] = (frozenset(), {})

    def files(self, documents: Iterable[Document]) -> tuple[dict[str, bytes], IndexStats]:
        """The index of `documents`: its files' bytes by their path in the index folder, and its figures.
        Same documents, same bytes: pages are numbered in (kind, URL) order and terms sorted."""
        docs = sorted(documents, key=lambda d: (_KIND_ORDER[d.kind], d.url))
        shape = [(d.url, d.kind) for d in docs]
        average = average_length(docs)
        if shape != self._shape or average != self._average:
            self._reset()  # pages renumbered, or every weight moved: start afresh
        previous: list[Document | None] = list(self._docs) or [None] * len(docs)
        changed = [n for n, doc in enumerate(docs) if previous[n] is not doc and previous[n] != doc]
        ids = {url: n for n, (url, _) in enumerate(shape)}
        dirty: set[str] = set()  # terms whose postings changed
        mentioned: set[int] = set()  # profiles whose mentions changed
        for n in changed:
            if (old := previous[n]) is not None:
                self._withdraw(n, old, ids, dirty, mentioned)
        self._docs, self._shape, self._average = docs, shape, average
        self._fragments += [b""] * (len(docs) - len(self._fragments))
        for n in changed:
            self._contribute(n, docs[n], ids, dirty, mentioned)
        dirty.update(NAME_KEY + key for profile in mentioned for key in docs[profile].names)
        self._encode(dirty)
        return self._write_out()

    def _withdraw(self, n: int, doc: Document, ids: dict[str, int], dirty: set[str], mentioned: set[int]) -> None:
        for term in doc.terms:
            postings = self._terms[term]
            at = bisect_left(postings, n << WEIGHT_BITS)  # the page's one posting
            assert postings[at] >> WEIGHT_BITS == n, (term, n)
            del postings[at]
            if not postings:
                del self._terms[term]
            dirty.add(term)
        self._han.subtract(doc.han)
        for ch in doc.han:
            if not self._han[ch]:
                del self._han[ch]
        for target in self._profiles_linked(doc, ids):
            del self._mentions[target][n]
            mentioned.add(target)
        for key in dict.fromkeys(doc.names):
            self._named[key].remove(n)
            dirty.add(NAME_KEY + key)

    def _contribute(self, n: int, doc: Document, ids: dict[str, int], dirty: set[str], mentioned: set[int]) -> None:
        norm = length_norm(doc.length, self._average)
        weights: dict[float, int] = {}  # a page's frequencies are a few values, over thousands of terms
        for term, tf in doc.terms.items():
            if (weight := weights.get(tf)) is None:
                weight = weights[tf] = quantized(tf, norm)
            posting = n << WEIGHT_BITS | weight
            if (postings := self._terms.get(term)) is None:
                self._terms[term] = array("I", (posting,))
            elif postings[-1] < posting:  # pages come in order when the index is built afresh: at the end
                postings.append(posting)
            else:
                insort(postings, posting)
        dirty.update(doc.terms)
        self._han.update(doc.han)
        for target in self._profiles_linked(doc, ids):
            self._mentions.setdefault(target, {})[n] = quantized(doc.links[self._docs[target].url] * MENTION_TF, norm)
            mentioned.add(target)
        # A name's key leads to its profile and, in the same entry (one fetch), to the articles that
        # mention it: pages are numbered articles first, so the worker tells them apart by number.
        for key in dict.fromkeys(doc.names):
            insort(self._named.setdefault(key, []), n)
            dirty.add(NAME_KEY + key)
        self._fragments[n] = json.dumps({"u": doc.url, "t": doc.title, "x": doc.excerpt}, ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8")

    def _profiles_linked(self, doc: Document, ids: dict[str, int]) -> list[int]:
        """The profiles an article links (the pages its mentions count for)."""
        if doc.kind != Kind.ARTICLE:
            return []
        return [ids[target] for target in doc.links if target in ids and self._shape[ids[target]][1] == Kind.PROFILE]

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The term's pages, in order, and their weights."""
        if not term.startswith(NAME_KEY):
            packed = np.frombuffer(self._terms.get(term, array("I")), dtype=np.uintc)  # uint32
            return packed >> WEIGHT_BITS, (packed & TOP_WEIGHT).astype(np.uint8)
        merged: dict[int, int] = {}
        for profile in self._named.get(term[len(NAME_KEY):], []):
            merged[profile] = TOP_WEIGHT
            merged.update(self._mentions.get(profile, {}))
        pages = sorted(merged)
        return np.array(pages, dtype=np.uint32), np.array([merged[page] for page in pages], dtype=np.uint8)

    def _with_postings(self, terms: Iterable[str]) -> Iterator[Postings]:
        for term in terms:
            pages, weights = self._postings(term)
            if len(pages):
                yield term, pages, weights

    def _encode(self, dirty: set[str]) -> None:
        held = dirty & self._entries.keys()
        encoded = dict(encode_entries(self._with_postings(dirty)))
        for term in held - encoded.keys():  # no page has it any longer
            del self._entries[term]
        self._entries.update(encoded)
        if held != encoded.keys():  # a term came or went
            self._order = sorted(self._entries, key=utf16_key)

    def _write_out(self) -> tuple[dict[str, bytes], IndexStats]:
        files: dict[str, bytes] = {}
        digest = hashlib.sha256()
        chunks: list[str] = []
        current: list[bytes] = []
        size = 0
        for term in self._order:
            entry = self._entries[term]
            if not chunks or (size + len(entry) > CHUNK_BYTES and current):
                if current:
                    files[f"c/{len(chunks) - 1}.bin"] = data = b"".join(current)
                    digest.update(data)
                current, size = [], 0
                chunks.append(term)
            current.append(entry)
            size += len(entry)
        if current:
            files[f"c/{len(chunks) - 1}.bin"] = data = b"".join(current)
            digest.update(data)
        for n, fragment in enumerate(self._fragments):
            files[f"f/{n}.json"] = fragment
            digest.update(fragment)
        docs = self._docs
        kinds = Counter(d.kind for d in docs)
        han = frozenset(self._han)
        if han != self._simplified[0]:
            self._simplified = (han, simplified_map(sorted(han)))
        manifest: dict[str, object] = {
            "documents": len(docs),
            "articles": kinds[Kind.ARTICLE],
            "profiles": kinds[Kind.PROFILE],
            # Listing pages (home, profiles index, timeline, …) rank after articles and profiles unless the
            # query names them: the worker needs their titles.
            "listings": {str(n): d.title for n, d in enumerate(docs) if d.kind == Kind.LISTING},
            "chunks": chunks,
            "simplified": self._simplified[1],
        }
        body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest.update(body.encode("utf-8"))
        manifest["version"] = digest.hexdigest()[:16]
        files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                            separators=(",", ":")).encode("utf-8")
        return files, IndexStats(len(docs), len(self._entries), len(chunks), sum(len(data) for data in files.values()))


def index_files(documents: Iterable[Document]) -> tuple[dict[str, bytes], IndexStats]:
    """The index of `documents`, built afresh: its files' bytes by path, and its figures."""
    return IndexBuilder().files(documents)


def write_files(files: dict[str, bytes], directory: Path, written: dict[str, int]) -> None:
    """Write the index `files` into `directory`, replacing what it held. `written` holds what the last
    write into it left there (path -> hash of the bytes), and is updated: files whose bytes did not
    change are not written again, which is most of them after an edit (`mkdocs serve`)."""
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


def write_index(documents: Iterable[Document], directory: Path, written: dict[str, int] | None = None,
                ) -> IndexStats:
    """Write the index of `documents` into `directory` (see write_files for `written`)."""
    files, stats = index_files(documents)
    write_files(files, directory, {} if written is None else written)
    return stats
