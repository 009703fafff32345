"""A list of whole-line patterns, indexed by the characters a line they match can open with.

The clean stage asks of every line whether it is page chrome: does it match, whole, one of a hundred
patterns? Joined into one alternation, Python's engine tries every alternative on every line (tens of
microseconds a line, a quarter of the stage's time). Most alternatives can only match a line that opens
with one of a few characters ("share|teilen|…" opens with s, t, …): each line is tried against the
patterns its first character allows, and the few that may open with anything.

What a pattern may open with is read from the parse tree of Python's own compiler, as the engine reads
it, case-insensitively (the vocabulary's patterns are): two characters are the same key when the engine
would match one for the other ("ı" and "i", "ſ" and "s"); any decimal digit is one key, any space another
(as `\\d` and `\\s` match them all). A pattern that may open with anything (".{0,60}'s avatar") is
tried only on a line no longer than the longest it can match, which the parse tree tells too.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from re import _casefix as sre_casefix  # type: ignore[attr-defined]  # the engine's own tables: typeshed omits them
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

from .curated_yaml import compiled_pattern

_DIGIT = -1  # the key of every decimal digit (\d)
_SPACE = -2  # the key of every space (\s)
_ANY = None  # a pattern that may open with any character
_LARGEST_RANGE = 512  # a character range wider than this ([一-龥]) is taken as "any": cheaper than its keys

Keys = frozenset[int] | None


def key(character: str) -> int:
    """The key of a line's first character."""
    if character.isdecimal():
        return _DIGIT
    if character.isspace():
        return _SPACE
    lower: int = _sre.unicode_tolower(ord(character))
    same: tuple[int, ...] = sre_casefix._EXTRA_CASES.get(lower, ())
    return min((lower, *same))


@functools.lru_cache(maxsize=4096)  # a pattern's shape is its string's alone, as `re` caches compiled patterns
def opening_keys(pattern: str) -> tuple[Keys, int]:
    """The keys of the characters a line `pattern` matches whole can open with (None: any), and the
    length of the longest line it can match."""
    tree = sre_parser.parse(pattern, re.IGNORECASE)
    keys, _ = _sequence(tree)
    return keys, tree.getwidth()[1]


def _sequence(items: Iterable[tuple[object, Any]]) -> tuple[Keys, bool]:
    """The opening keys of a sequence of items, and whether it can match nothing."""
    keys: set[int] = set()
    for item in items:
        item_keys, empty = _item(item)
        if item_keys is None:
            return _ANY, False
        keys |= item_keys
        if not empty:
            return frozenset(keys), False
    return frozenset(keys), True


def _item(item: tuple[object, Any]) -> tuple[Keys, bool]:
    op, value = item
    if op == sre_constants.LITERAL:
        return frozenset({key(chr(value))}), False
    if op == sre_constants.IN:
        return _set_keys(value), False
    if op == sre_constants.SUBPATTERN:
        return _sequence(value[-1])  # (group, flags added, flags removed, pattern)
    if op == sre_constants.ATOMIC_GROUP:
        return _sequence(value)
    if op == sre_constants.BRANCH:
        union: set[int] = set()
        empty = False
        for branch in value[1]:
            keys, branch_empty = _sequence(branch)
            if keys is None:
                return _ANY, False
            union |= keys
            empty = empty or branch_empty
        return frozenset(union), empty
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, sub = value
        keys, empty = _sequence(sub)
        return (keys, low == 0 or empty) if keys is not None else (_ANY, False)
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return frozenset(), True  # an anchor or a lookaround: it takes no character
    return _ANY, False  # ".", a negated character, a back-reference


def _set_keys(members: list[tuple[object, Any]]) -> Keys:
    """The keys of a character set ([…], \\d, \\s)."""
    keys: set[int] = set()
    for op, value in members:
        if op == sre_constants.LITERAL:
            keys.add(key(chr(value)))
        elif op == sre_constants.RANGE and value[1] - value[0] <= _LARGEST_RANGE:
            keys.update(key(chr(code)) for code in range(value[0], value[1] + 1))
        elif op == sre_constants.CATEGORY and value in (sre_constants.CATEGORY_DIGIT, sre_constants.CATEGORY_SPACE):
            keys.add(_DIGIT if value == sre_constants.CATEGORY_DIGIT else _SPACE)
        else:
            return _ANY  # a negated set, \w, a wide range
    return frozenset(keys)


@dataclass(frozen=True)
class LinePattern:
    compiled: re.Pattern[str]
    longest: int  # the longest line it can match (Python's MAXREPEAT and more: any)

    def fullmatch(self, line: str) -> bool:
        return len(line) <= self.longest and self.compiled.fullmatch(line) is not None


@dataclass(frozen=True)
class LinePatterns:
    """Patterns a whole line may match, each compiled on its own, by the key of a line's first character."""

    by_key: Mapping[int, tuple[LinePattern, ...]]
    anywhere: tuple[LinePattern, ...]  # those that may open with any character
    every: tuple[LinePattern, ...]  # all of them, for the empty line

    @classmethod
    def of(cls, patterns: Iterable[str], flags: int = re.IGNORECASE) -> LinePatterns:
        keyed = []
        for pattern in patterns:
            keys, longest = opening_keys(pattern)
            keyed.append((LinePattern(compiled_pattern(f"(?:{pattern})", flags), longest), keys))
        anywhere = tuple(compiled for compiled, keys in keyed if keys is None)
        all_keys = set().union(*(keys for _, keys in keyed if keys is not None))
        by_key = {k: tuple(compiled for compiled, keys in keyed if keys is None or k in keys) for k in all_keys}
        return cls(by_key, anywhere, tuple(compiled for compiled, _ in keyed))

    def fullmatch(self, line: str) -> bool:
        candidates = self.by_key.get(key(line[0]), self.anywhere) if line else self.every
        return any(pattern.fullmatch(line) for pattern in candidates)
