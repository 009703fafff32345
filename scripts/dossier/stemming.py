"""Stemmers for the search index, the same ones the browser runs on a query.

A stemmed index only works if the query is stemmed by the very same algorithm: the browser stems a
query with lunr's English Porter stemmer and lunr-languages' Snowball stemmers (both vendored in the
site by Material for MkDocs, under assets/javascripts/), so the index is stemmed here with
- German, French, Spanish, Italian, Portuguese: `snowballstemmer` 2.2.0, generated from the
  same Snowball algorithms as lunr-languages (3.x changed German's -et endings, for one);
- English: a line-by-line port of lunr 2.3.9's Porter stemmer (below). `snowballstemmer` cannot
  serve it: its "english" is Porter2, which differs on words like "always" or "this", and its
  "porter" is not lunr's variant either: it stems words of one or two letters ("is" -> "i", "us" ->
  "u"), turns a final y after a vowel into i ("play" -> "plai", "employ" -> "emploi") and keeps
  "-logi" ("technology" -> "technologi", lunr: "technolog"): 13 of the 1,317 English words of the
  seed articles would be indexed under stems the browser never looks up.
tests/test_search.py runs both sides over the corpus vocabulary and requires identical stems.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import snowballstemmer

# Language (primary subtag) -> the lunr-languages file that stems it in the browser / Snowball name.
SNOWBALL = {"de": "german", "fr": "french", "es": "spanish", "it": "italian", "pt": "portuguese"}
LANGUAGES = ("en", *SNOWBALL)  # every language the site stems, index and query alike

# --- lunr 2.3.9 lunr.stemmer (Porter), ported as written ------------------------------------------------

_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
          "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
          "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
          "iviti": "ive", "biliti": "ble", "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
_S_V = re.compile("^(" + _C + ")?" + _v)
_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_1B_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(r"^(.+?)(" + "|".join(_STEP2) + ")$")
_3 = re.compile(r"^(.+?)(" + "|".join(_STEP3) + ")$")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_4B = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5LL = re.compile(r"ll$")
_5CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_MIN_LENGTH = 3  # lunr leaves shorter words as they are


def porter(w: str) -> str:
    """lunr's English stemmer. The regular expressions are JavaScript's; in these patterns Python's
    `re` means the same (no flags, no lookbehind, `.` excludes newlines in both)."""
    if len(w.encode("utf-16-le")) // 2 < _MIN_LENGTH:  # w.length, in JavaScript's UTF-16 units
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    if (m := _1A.search(w)) or (m := _1A2.search(w)):
        w = m.group(1) + m.group(2)
    if m := _1B.search(w):
        if _MGR0.search(m.group(1)):
            w = w[:-1]
    elif m := _1B2.search(w):
        stem = m.group(1)
        if _S_V.search(stem):
            w = stem
            if _1B_AT.search(w):
                w += "e"
            elif _1B_DOUBLE.search(w):
                w = w[:-1]
            elif _1B_CVC.search(w):
                w += "e"
    if m := _1C.search(w):
        w = m.group(1) + "i"
    if (m := _2.search(w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP2[m.group(2)]
    if (m := _3.search(w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP3[m.group(2)]
    if m := _4.search(w):
        if _MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := _4B.search(w):
        stem = m.group(1) + m.group(2)
        if _MGR1.search(stem):
            w = stem
    if m := _5.search(w):
        stem = m.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _5CVC.search(stem)):
            w = stem
    if _5LL.search(w) and _MGR1.search(w):
        w = w[:-1]
    if first == "y":
        w = "y" + w[1:]
    return w


@cache
def _snowball(language: str) -> Callable[[str], str]:
    stem: Callable[[str], str] = snowballstemmer.stemmer(SNOWBALL[language]).stemWord
    return stem


def stemmer(language: str | None) -> Callable[[str], str] | None:
    """The stemmer of a language (BCP 47 tag; its primary subtag counts), or None."""
    primary = (language or "").split("-")[0].lower()
    if primary == "en":
        return porter
    if primary in SNOWBALL:
        return _snowball(primary)
    return None
