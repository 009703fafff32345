"""The search index's byte format, shared by the writer (search_index.py) and the tools that read it.

A chunk (`search/dossier/c/<n>.bin`) is a run of term entries in the order the worker searches them
(JavaScript's string comparison: UTF-16 code units). An entry is the term's UTF-8 length and bytes, the
number of its postings, then each posting as the gap from the previous page number and a one-byte
weight. Numbers are LEB128 varints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

_VARINT_MORE = 0x80  # LEB128: the high bit of a byte says another byte follows
_VARINT_BITS = 0x7F
ENCODE_BATCH = 1 << 20  # postings encoded at once


def _varint(value: int, out: bytearray) -> None:
    while value >= _VARINT_MORE:
        out.append((value & _VARINT_BITS) | _VARINT_MORE)
        value >>= 7
    out.append(value)


def utf16_key(term: str) -> bytes:
    """Sort order of JavaScript's string comparison (UTF-16 code units), which the worker searches by."""
    return term.encode("utf-16-be")


Postings = tuple[str, np.ndarray, np.ndarray]  # a term, its pages (rising, uint32), their weights (uint8)


def encode_entries(postings: Iterable[Postings]) -> Iterator[tuple[str, bytes]]:
    """Each term's bytes in a chunk, from its postings (at least one). The postings of many terms are
    encoded at once, with numpy: a common word's postings name most of the site's pages (14,000 varints
    at 10,000 articles), and one at a time in Python they were most of the time an edit took to index.
    At most ENCODE_BATCH postings at a time: numpy's temporaries take about 40 bytes for each."""
    batch: list[Postings] = []
    size = 0
    for term_postings in postings:
        batch.append(term_postings)
        size += len(term_postings[1])
        if size >= ENCODE_BATCH:
            yield from _encoded(batch)
            batch, size = [], 0
    if batch:
        yield from _encoded(batch)


def _encoded(batch: list[Postings]) -> Iterator[tuple[str, bytes]]:
    counts = np.fromiter((len(pages) for _, pages, _ in batch), dtype=np.int64, count=len(batch))
    page = np.concatenate([pages for _, pages, _ in batch])
    weight = np.concatenate([weights for _, _, weights in batch])
    firsts = np.cumsum(counts) - counts  # where each term's postings start
    _check(batch, counts, page, weight, firsts)
    gaps = np.diff(page, prepend=np.uint32(0))  # wrapped round at a term's first posting, set right here:
    gaps[firsts] = page[firsts]  # its first page is its own gap from 0
    lengths = np.ones(len(gaps), dtype=np.uint8)  # the bytes of each gap's varint
    for bits in range(7, 32, 7):
        lengths += gaps >= 1 << bits
    # Arrays of a million postings: one byte each where one will do, and changed in place (a new array's
    # memory costs more to touch than the arithmetic).
    sizes = lengths + np.uint8(1)  # the gap, then the weight
    starts = np.cumsum(sizes, dtype=np.int64)
    starts -= sizes
    out = np.empty(int(starts[-1] + sizes[-1]), dtype=np.uint8)
    for byte in range(int(lengths.max())):
        at = slice(None) if byte == 0 else np.flatnonzero(lengths > byte)  # most gaps take one byte
        varint = ((gaps[at] >> np.uint32(7 * byte)) & np.uint32(_VARINT_BITS)).astype(np.uint8)
        varint |= (lengths[at] > byte + 1).view(np.uint8) << np.uint8(7)  # another byte follows
        out[starts[at] + byte] = varint
    bounds = [*starts[firsts].tolist(), len(out)]
    starts += lengths
    out[starts] = weight
    for n, (term, _, _) in enumerate(batch):
        head = bytearray()
        encoded = term.encode("utf-8")
        _varint(len(encoded), head)
        head += encoded
        _varint(int(counts[n]), head)
        yield term, bytes(head) + out[bounds[n]:bounds[n + 1]].tobytes()


def _check(batch: list[Postings], counts: np.ndarray, page: np.ndarray, weight: np.ndarray,
           firsts: np.ndarray) -> None:
    """The postings as the format holds them; a wrong one would otherwise wrap round into a wrong page."""
    if page.dtype != np.uint32 or weight.dtype != np.uint8 or len(weight) != len(page):
        raise ValueError("postings: pages must be uint32 and weights uint8, one each")
    if not counts.all():
        raise ValueError(f"postings: {batch[int(np.argmin(counts))][0]!r} has none")
    rising = page[1:] > page[:-1]
    rising[firsts[1:] - 1] = True  # a term's first page follows the last term's last
    if not rising.all():
        raise ValueError("postings: a term's pages must rise")


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
    keys = [utf16_key(first) for first in manifest["chunks"]]
    chunk = max((n for n, key in enumerate(keys) if key <= utf16_key(term)), default=None)
    if chunk is None:
        return []
    return read_chunk((directory / "c" / f"{chunk}.bin").read_bytes()).get(term, [])
