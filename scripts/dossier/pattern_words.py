"""The words a pattern cannot match without, read from its parse tree: a test of a line before the engine's search.

The clean stage searches every paragraph of prose for a notice's or a disclosure's words: alternations of
hundreds of phrases in many languages, which Python's engine tries, each, at every position of the text
(a tenth of a millisecond for a paragraph, milliseconds for a long one). Every alternative of such a list
holds a word ("cookie", "newsletter", "投资有风险"): a line that holds none of them cannot match, and most
lines of prose hold none, which a substring test tells many times faster than the engine.

Words are compared as the engine compares characters case-insensitively (`fold`), so that a word found
by the engine is always found here too: the test only ever spares a search that would fail.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from re import _casefix as sre_casefix  # type: ignore[attr-defined]  # the engine's own tables: typeshed omits them
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

# Characters the engine takes as the same letter once lower-cased ("ſ" and "s", "ς" and "σ", "ı" and
# "i"), each to one of them; and the dot above that "İ" keeps once lower-cased ("i̇"), which the engine
# reads as "i" alone.
_SAME_LETTER = {code: min((lower, *others)) for lower, others in sre_casefix._EXTRA_CASES.items()
                for code in (lower, *others)}
_FOLD = {**_SAME_LETTER, 0x0307: None}

Words = frozenset[str]


def fold(text: str) -> str:
    """`text` with every character as the engine matches it case-insensitively: two texts the engine
    would match one for the other fold to the same text."""
    return text.lower().translate(_FOLD)


def required_words(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, ...] | None:
    """Words (folded), one of which every match of `pattern` holds; None when some alternative needs no
    word, or none longer than one ASCII character (a test for "a" spares nothing)."""
    words = {fold(word) for word in _sequence_words(sre_parser.parse(pattern, flags)) or ()}
    if not words or any(len(word) < 2 and word.isascii() for word in words):  # noqa: PLR2004 (one character)
        return None
    return tuple(sorted(words))


def _sequence_words(items: list[tuple[object, Any]]) -> Words | None:
    """The best words of a sequence: of its runs of literal characters and its items that need words, the
    set whose shortest word is longest."""
    best: Words | None = None
    run: list[str] = []

    def consider(words: Words | None) -> None:
        nonlocal best
        if words and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    for op, value in [*items, (None, None)]:
        if op == sre_constants.LITERAL:
            run.append(chr(value))
            continue
        if run:  # a run ends at anything but a literal character
            consider(frozenset({"".join(run)}))
            run = []
        consider(_item_words(op, value))
    return best


def _item_words(op: object, value: Any) -> Words | None:
    if op == sre_constants.SUBPATTERN:
        return _sequence_words(value[-1])  # (group, flags added, flags removed, pattern)
    if op == sre_constants.BRANCH:
        alternatives = [_sequence_words(branch) for branch in value[1]]
        return frozenset().union(*alternatives) if all(alternatives) else None  # type: ignore[arg-type]
    if op == sre_constants.IN and all(member == sre_constants.LITERAL for member, _ in value):
        return frozenset(chr(code) for _, code in value)  # "©|ⓒ", which the parser makes a set of characters
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, sub = value
        return _sequence_words(sub) if low >= 1 else None
    return None  # a set of characters, an anchor, a lookaround: no word of its own


@dataclass(frozen=True)
class WordGatedPattern:
    """A pattern searched anywhere in a text, tried only on a text that holds one of its words."""

    compiled: re.Pattern[str]
    words: tuple[str, ...] | None  # None: tried on every text

    def found_in(self, text: str, folded: str | None = None) -> bool:
        """Whether the pattern matches somewhere in `text` (`folded`: `fold(text)`, when known)."""
        if self.words is not None:
            folded = fold(text) if folded is None else folded
            if not any(map(folded.__contains__, self.words)):  # (no generator: a loop in C, a call per text)
                return False
        return self.compiled.search(text) is not None


# A pattern's words are its string's alone: read once per process, as `re` compiles a pattern once.
@functools.lru_cache(maxsize=256)
def word_gated(compiled: re.Pattern[str]) -> WordGatedPattern:
    return WordGatedPattern(compiled, required_words(compiled.pattern, compiled.flags))
