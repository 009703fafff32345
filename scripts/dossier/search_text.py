"""Search text analysis: how the index (search_pages.py) and a query in the browser cut text into terms.

The worker (templates/assets/search-worker.js.j2) implements the same from the tables of
`analysis_tables()`:

- text is NFKC-normalized; a token is a run of CJK characters (Han, kana, hangul) or a run of letters,
  marks and digits;
- a word is lower-cased and its accents folded (`infirmières` -> `infirmieres`); it is indexed as it
  is, by its stem in the language of the text around it (lang attributes; `stemming.py`: the stems
  the browser computes too), and by the parts of a CamelCase word (`PillPack` -> `pill`, `pack`);
- a CJK run is indexed by its characters and its overlapping bigrams, each character in its
  Simplified form: either script finds both, and a word inside a longer run is found (关爱 in 亚马逊关爱);
- each name of a profile is one key (`=amazon care`, `=亚马逊`).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TypedDict

import regex

from .characters import CJK, HAN, Ranges, char_class
from .chinese import TRADITIONAL, convert, simplify_chars
from .stemming import LANGUAGES, stemmer

# Letters no decomposition takes apart, folded by hand (the same table goes to the worker).
FOLD = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
        "ħ": "h", "ŧ": "t", "ŋ": "n"}
MAX_TERM = 40  # characters of a term; longer words are cut (query words alike)

_CJK_RUN = rf"[{char_class(CJK)}]+"
_WORD = rf"(?:(?![{char_class(CJK)}])[\p{{L}}\p{{M}}\p{{N}}])+"
TOKEN = regex.compile(rf"({_CJK_RUN})|({_WORD})")
# Each kind of token alone: the same runs, since the two classes do not overlap.
CJK_RUN = regex.compile(_CJK_RUN)
WORD = regex.compile(_WORD)
HAN_CHAR = regex.compile(rf"[{char_class(HAN)}]")
_MARKS = regex.compile(r"\p{Mn}+")
_FOLD_TABLE = str.maketrans(FOLD)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _cut(term: str) -> str:
    return term[:MAX_TERM]


@lru_cache(maxsize=1 << 18)
def fold(word: str) -> str:
    """Lower case, accents removed: what a word is indexed and looked up as."""
    unmarked: str = _MARKS.sub("", unicodedata.normalize("NFD", word.lower()))
    return unmarked.translate(_FOLD_TABLE)


@lru_cache(maxsize=1 << 18)
def word_terms(word: str, language: str | None) -> tuple[str, ...]:
    """The terms one word of text is indexed by: itself, its stem, its CamelCase parts."""
    surface = _cut(fold(word))
    terms = [surface]
    stem = stemmer(language)
    if stem:
        stemmed = _cut(fold(stem(word.lower())))
        if stemmed and stemmed != surface:
            terms.append(stemmed)
    parts = _CAMEL.split(word)
    if len(parts) > 1:
        terms += [p for p in (_cut(fold(part)) for part in parts) if p and p != surface]
    return tuple(dict.fromkeys(terms))


def cjk_terms(chars: str) -> list[str]:
    """A CJK run (already Simplified): its characters and overlapping bigrams."""
    return [*chars, *map(operator.add, chars, chars[1:])]


def name_key(name: str) -> str:
    """A name as one key: its words folded, CJK in Simplified form, words apart by one space and CJK
    runs joined to their neighbours (伯克希尔·哈撒韦 and 伯克希尔哈撒韦 are one key)."""
    key = ""
    previous_word = False
    for match in TOKEN.finditer(unicodedata.normalize("NFKC", name)):
        cjk, word = match.groups()
        if word:
            key += (" " if previous_word else "") + fold(word)
        else:
            key += simplify_chars(cjk)
        previous_word = bool(word)
    return key[:2 * MAX_TERM]


def simplified_map(texts: Iterable[str]) -> dict[str, str]:
    """Character -> Simplified character, for every Han character of `texts` whose form differs, and
    for the Traditional forms of their Simplified ones (a query may be written in either)."""
    chars: set[str] = set()
    for text in texts:
        chars.update(HAN_CHAR.findall(text))
    chars |= {t for t in (convert(ch, TRADITIONAL) for ch in chars) if len(t) == 1}
    return {ch: simple for ch in sorted(chars) if (simple := simplify_chars(ch)) != ch}


class AnalysisTables(TypedDict):
    """What the worker's CONFIG holds (its keys are the worker's names)."""

    cjk: list[list[int]]
    han: list[list[int]]
    fold: dict[str, str]
    maxTerm: int
    stem: list[str]


def _coalesced(ranges: Ranges) -> list[list[int]]:
    """`ranges` as [lo, hi] pairs, adjacent ones joined: the worker's table stays as short as the
    class it stands for (characters.CJK lists hiragana and katakana apart; the table has one kana
    range, as it always had)."""
    pairs: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if pairs and lo <= pairs[-1][1] + 1:
            pairs[-1][1] = max(pairs[-1][1], hi)
        else:
            pairs.append([lo, hi])
    return pairs


def analysis_tables() -> AnalysisTables:
    """The analysis tables, for the worker: it must cut and fold a query exactly as the index was."""
    return {"cjk": _coalesced(CJK), "han": _coalesced(HAN), "fold": FOLD, "maxTerm": MAX_TERM,
            "stem": list(LANGUAGES)}
