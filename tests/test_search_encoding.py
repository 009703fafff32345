"""search_encoding: the index's bytes, as the worker in the browser reads them."""

import numpy as np
import pytest

from dossier.search_encoding import encode_entries, read_chunk


def entries(postings: dict[str, list[tuple[int, int]]]) -> bytes:
    terms = list(postings)
    pages = [np.array([page for page, _ in postings[term]], dtype=np.int64) for term in terms]
    weights = [np.array([weight for _, weight in postings[term]], dtype=np.uint8) for term in terms]
    return b"".join(encode_entries(terms, pages, weights))


def test_an_entry_is_the_term_its_count_then_gaps_and_weights_as_varints():
    # "a": length 1, the letter, 2 postings; page 0 (gap 0) weight 1; page 128 (gap 128: two bytes) weight 2
    assert entries({"a": [(0, 1), (128, 2)]}) == bytes([1, ord("a"), 2, 0, 1, 0x80, 0x01, 2])


@pytest.mark.parametrize(
    "postings",
    [
        {"one": [(5, 255)]},
        {"gaps": [(0, 0), (127, 1), (128, 2), (16_383, 3), (16_384, 4), (2**21 + 16_384, 5), (2**28 + 2**22, 6)]},
        {"zwei": [(3, 10), (4, 11)], "三": [(0, 7), (200_000, 8)], "long" * 40: [(n * 3, n % 256) for n in range(500)]},
    ],
    ids=["one posting", "varints of one to five bytes", "several terms, each from page 0 again"],
)
def test_the_entries_decode_to_what_was_encoded(postings):
    assert read_chunk(entries(postings)) == postings
