"""The one place that talks to OpenCC (the official bindings): script conversion and script checks."""

from __future__ import annotations

from functools import cache, lru_cache

import opencc

TRADITIONAL = "zh-Hant"
SIMPLIFIED = "zh-Hans"
_CONFIGS = {SIMPLIFIED: "t2s.json", TRADITIONAL: "s2t.json"}
# OpenCC converts CJK characters only, none before the CJK Radicals Supplement (test_chinese.py holds
# each character below it to that): the rest of a text is not looked up.
FIRST_CONVERTED = "\u2e80"


@cache
def _converter(target: str) -> opencc.OpenCC:
    return opencc.OpenCC(_CONFIGS[target])


def convert(text: str, target: str) -> str:
    """`text` in the `target` script ("zh-Hant" or "zh-Hans")."""
    converted: str = _converter(target).convert(text)  # OpenCC ships no types
    return converted


def other_script(script: str) -> str:
    return SIMPLIFIED if script == TRADITIONAL else TRADITIONAL


def dominant_script(text: str) -> str:
    """Traditional or Simplified, by how many characters OpenCC would change each way.

    Mixed text (a Traditional page with Simplified leftovers) goes to whichever script more of its
    characters are unambiguously written in.
    """
    traditional_only = _changed(text, SIMPLIFIED)  # characters t2s rewrites are Traditional
    simplified_only = _changed(text, TRADITIONAL)  # characters s2t rewrites are Simplified
    return TRADITIONAL if traditional_only > simplified_only else SIMPLIFIED


def _changed(text: str, target: str) -> int:
    converted = convert(text, target)
    if len(converted) != len(text):  # phrase conversions can change length: compare per character
        changes = {ch for ch in set(text) if _converted_char(ch, target) != ch}
        return sum(1 for ch in text if ch in changes)
    return sum(1 for a, b in zip(text, converted, strict=True) if a != b)


@lru_cache(maxsize=65536)
def _converted_char(ch: str, target: str) -> str:
    return convert(ch, target)


@lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    converted = _converted_char(ch, SIMPLIFIED)
    return converted if len(converted) == 1 else ch


def simplify_chars(text: str) -> str:
    """`text` with each character in its Simplified form: same length, so offsets carry over to the
    original (phrase-level conversions are left out on purpose)."""
    # Each distinct CJK character converted once, the text mapped in one pass (a long article has
    # millions of characters and a few thousand distinct ones).
    return text.translate({ord(ch): _simplified_char(ch) for ch in set(text) if ch >= FIRST_CONVERTED})
