"""The search index's byte format, shared by the writer (search_index.py) and the tools that read it.

A chunk (`search/dossier/c/<n>.bin`) is a run of term entries in the order the worker searches them
(JavaScript's string comparison: UTF-16 code units). An entry is the term's UTF-8 length and bytes, the
number of its postings, then each posting as the gap from the previous page number and a one-byte
weight. Numbers are LEB128 varints.
"""

from __future__ import annotations

import json
from pathlib import Path

_VARINT_MORE = 0x80  # LEB128: the high bit of a byte says another byte follows
_VARINT_BITS = 0x7F


def _varint(value: int, out: bytearray) -> None:
    while value >= _VARINT_MORE:
        out.append((value & _VARINT_BITS) | _VARINT_MORE)
        value >>= 7
    out.append(value)


def utf16_key(term: str) -> bytes:
    """Sort order of JavaScript's string comparison (UTF-16 code units), which the worker searches by."""
    return term.encode("utf-16-be")


def encode_entry(term: str, postings: list[tuple[int, int]]) -> bytes:
    """One term's bytes in a chunk; `postings` are (page, weight) in page order."""
    entry = bytearray()
    encoded = term.encode("utf-8")
    _varint(len(encoded), entry)
    entry += encoded
    _varint(len(postings), entry)
    previous = 0
    for page, weight in postings:
        _varint(page - previous, entry)
        entry.append(weight)
        previous = page
    return bytes(entry)


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
