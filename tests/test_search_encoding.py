"""search_encoding: the index's bytes, as the worker in the browser reads them."""

import numpy as np
import pytest

import dossier.search_encoding
from dossier.search_encoding import encode_entries, read_chunk


def postings_of(postings: dict[str, list[tuple[int, int]]]):
    """(term, pages, weights) as the index hands them over: pages uint32, weights uint8."""
    return [(term, np.array([page for page, _ in found], dtype=np.uint32),
             np.array([weight for _, weight in found], dtype=np.uint8)) for term, found in postings.items()]


def entries(postings: dict[str, list[tuple[int, int]]]) -> bytes:
    return b"".join(entry for _, entry in encode_entries(postings_of(postings)))


def test_an_entry_is_the_term_its_count_then_gaps_and_weights_as_varints():
    # "a": length 1, the letter, 2 postings; page 0 (gap 0) weight 1; page 128 (gap 128: two bytes) weight 2
    assert entries({"a": [(0, 1), (128, 2)]}) == bytes([1, ord("a"), 2, 0, 1, 0x80, 0x01, 2])


@pytest.mark.parametrize(
    "postings",
    [
        {"one": [(5, 255)]},
        {"gaps": [(0, 0), (127, 1), (128, 2), (16_383, 3), (16_384, 4), (2**21 + 16_384, 5), (2**32 - 1, 6)]},
        {"zwei": [(3, 10), (4, 11)], "三": [(0, 7), (200_000, 8)], "long" * 40: [(n * 3, n % 256) for n in range(500)]},
    ],
    ids=["one posting", "varints of one to five bytes", "several terms, each from page 0 again"],
)
def test_the_entries_decode_to_what_was_encoded(postings):
    assert read_chunk(entries(postings)) == postings


def test_terms_are_encoded_a_batch_at_a_time_with_the_same_bytes(monkeypatch):
    postings = {f"t{n}": [(page, (page + n) % 256) for page in range(n, 60, 1 + n % 3)] for n in range(40)}
    whole = entries(postings)
    monkeypatch.setattr(dossier.search_encoding, "ENCODE_BATCH", 7)
    assert entries(postings) == whole and read_chunk(whole) == postings


@pytest.mark.parametrize(
    "postings",
    [
        [("falling", np.array([5, 3], dtype=np.uint32), np.array([1, 1], dtype=np.uint8))],
        [("repeated", np.array([5, 5], dtype=np.uint32), np.array([1, 1], dtype=np.uint8))],
        [("wide", np.array([2**40], dtype=np.int64), np.array([1], dtype=np.uint8))],
        [("heavy", np.array([1], dtype=np.uint32), np.array([300], dtype=np.uint16))],
        [("short", np.array([1, 2], dtype=np.uint32), np.array([1], dtype=np.uint8))],
        [("a", np.array([1], dtype=np.uint32), np.array([1], dtype=np.uint8)),
         ("none", np.array([], dtype=np.uint32), np.array([], dtype=np.uint8))],
    ],
    ids=["pages that fall", "a page twice", "a page beyond 32 bits", "a weight beyond a byte",
         "fewer weights than pages", "a term without postings"],
)
def test_postings_the_format_cannot_hold_are_refused_not_wrapped_round(postings):
    with pytest.raises(ValueError, match="postings"):
        list(encode_entries(postings))
