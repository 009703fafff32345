"""Duplicate detection: the same article saved twice is published once.

Works on the cleaned text, so chrome, spam, encodings and newlines do not matter, and on each sentence
normalized (Simplified script, case-folded, without spaces or punctuation), so a script-converted copy
or a copy with one sentence edited is caught too. An index from sentence fingerprint to the article
that first had it keeps this linear in the corpus size: no all-pairs comparison.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from .chinese import SIMPLIFIED, convert
from .records import CleanText
from .sentences import ROUGH_BOUNDARY
from .thresholds import CLEANING

# Where sentences part: a sentence's end (the mark is dropped with the rest of the punctuation), or a line's.
_SENTENCE_END = re.compile(f"{ROUGH_BOUNDARY.pattern}|\n")
_NOT_WORD = re.compile(r"[\W_]+")


def fingerprints(text: CleanText) -> dict[bytes, int]:
    """Each normalized sentence's hash, with its length in characters."""
    words = "\n".join([text.title, *(block.text for block in text.blocks)])
    normalized = convert(words, SIMPLIFIED).casefold()
    prints: dict[bytes, int] = {}
    for sentence in _SENTENCE_END.split(normalized):
        key = _NOT_WORD.sub("", sentence)
        if len(key) >= CLEANING.fingerprint_min_chars:
            prints[hashlib.blake2b(key.encode(), digest_size=12).digest()] = len(key)
    return prints


@dataclass(frozen=True)
class Duplicate:
    original: str  # source_file of the earlier article
    share: float  # how much of the later article's text lies in the original


@dataclass
class DuplicateIndex:
    """Sentence fingerprints of the articles published so far, in path order."""

    owner: dict[bytes, str] = field(default_factory=dict)  # each fingerprint's first article
    prints_of: dict[str, frozenset[bytes]] = field(default_factory=dict)  # each article's fingerprints
    whole: dict[bytes, str] = field(default_factory=dict)  # each article by all its fingerprints at once

    def find(self, prints: dict[bytes, int]) -> Duplicate | None:
        """The earlier article holding most of these sentence fingerprints, if it holds enough. A sentence is
        credited to the first article that had it: an earlier article quoting part of a later one takes those
        sentences from it, so the articles credited most are measured against the whole of their text, and
        a text that is all of an earlier one's is its copy whoever had its sentences first."""
        total = sum(prints.values())
        if not total:
            return None
        same = self.whole.get(_digest(prints))
        if same is not None:
            return Duplicate(same, 1.0)
        credited: Counter[str] = Counter()
        for key, length in prints.items():
            if key in self.owner:
                credited[self.owner[key]] += length
        candidates = sorted(credited, key=lambda name: (-credited[name], name))[:CLEANING.duplicate_candidates]
        shared = {name: sum(length for key, length in prints.items() if key in self.prints_of[name])
                  for name in candidates}
        if not shared:
            return None
        original, chars = min(shared.items(), key=lambda item: (-item[1], item[0]))
        share = chars / total
        return Duplicate(original, share) if share >= CLEANING.near_duplicate_share else None

    def add(self, source_file: str, prints: dict[bytes, int]) -> None:
        for key in prints:
            self.owner.setdefault(key, source_file)
        self.prints_of[source_file] = frozenset(prints)
        self.whole.setdefault(_digest(prints), source_file)


def _digest(prints: dict[bytes, int]) -> bytes:
    """One key for a text's fingerprints all together, whatever their order."""
    return hashlib.blake2b(b"".join(sorted(prints)), digest_size=16).digest()
