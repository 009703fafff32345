"""A line's shape and language, which every signal of the clean stage measures: its weight (visible
length, a CJK character counting as a word), whether it is written with spaces, its words, and the
stopwords of its language (stopwords-iso lists), by which prose is told from a list of keywords; and the parts
of a line read as a browser tab's title (the headline, then the site's name)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import cast

import stopwordsiso

from .characters import CJK, WIDE, WORD, char_class
from .thresholds import CLEANING

# A browser tab's title adds the site's name after the headline (" | ", " - ", " – "), or in CJK without
# spaces: "…碎了一个？-极点商业", "…有限？｜鼎富財經網", "…_新浪财经" (between CJK characters or marks only:
# "Санкт-Петербург" is one word).
_CJK_OR_MARK = f"[{char_class(CJK)}\u3000-\u303f\uff01-\uff60]"
_TAB_TITLE_SEPARATOR = re.compile(rf" [–—|-] |[ \u3000]?｜[ \u3000]?|(?<={_CJK_OR_MARK})[-_–—|](?={_CJK_OR_MARK})")
_TAB_COUNT = re.compile(r"^\(\d+\)\s+")  # "(1) Headline | Site": a tab's count of notifications

_WIDE = re.compile(f"[{char_class(WIDE)}]")
WEIGHTS_KEPT = 8192  # lines: a few articles' worth


@lru_cache(maxsize=WEIGHTS_KEPT)  # each signal weighs the same line again: a dozen times per line
def weight(text: str) -> int:
    """Visible length, with wide (CJK) characters counted twice: a CJK character carries about a word."""
    return len(text) if text.isascii() else len(text) + _WIDE.subn("", text)[1]  # subn: a count, not a list


def is_spaced(text: str) -> bool:
    """Written with spaces between words (most alphabetic scripts), unlike Chinese and Japanese."""
    return _WIDE.subn("", text)[1] < len(text) * CLEANING.unspaced_max_wide_share


def words(text: str) -> list[str]:
    return cast(list[str], WORD.findall(text.lower()))  # regex ships no types


# --- stopwords ----------------------------------------------------------------------------------------

# Languages written with spaces whose stopword lists decide which one a text is in; CJK is told by
# script, and its prose is recognized by punctuation instead.
_STOPWORD_LANGUAGES = tuple(sorted(language for language in stopwordsiso.langs() if language not in ("zh", "ja", "th")))


@cache
def stopwords(language: str) -> frozenset[str]:
    return frozenset(stopwordsiso.stopwords(language)) if stopwordsiso.has_lang(language) else frozenset()


@cache
def any_languages_stopwords() -> frozenset[str]:
    """Every language's stopwords at once: a word among them is a function word somewhere ("के", "में")."""
    return frozenset().union(*(stopwords(language) for language in _STOPWORD_LANGUAGES))


def stopword_language(text: str) -> str | None:
    """The language whose stopwords cover the text best (None for unspaced text)."""
    tokens = words(text[: CLEANING.stopword_sample_chars])[: CLEANING.stopword_sample_words]
    if len(tokens) < CLEANING.stopword_min_words:
        return None
    # Each of the sixty lists met by a set intersection, which walks the smaller set: the text's words.
    counts = Counter(tokens)
    distinct = set(counts)
    shares = {language: sum(counts[t] for t in stopwords(language).intersection(distinct)) / len(tokens)
              for language in _STOPWORD_LANGUAGES}
    best = max(sorted(shares), key=lambda language: shares[language])
    # A list that covers almost nothing is not the text's language (one without a list here).
    return best if shares[best] >= CLEANING.min_stopword_coverage else None


def stopword_density(text: str, language: str | None) -> float | None:
    """Share of the line's words that are stopwords of `language` (None: not measurable)."""
    if language is None or not is_spaced(text):
        return None
    tokens = words(text)
    return sum(1 for t in tokens if t in stopwords(language)) / len(tokens) if tokens else None


def tab_title_parts(line: str) -> list[str]:
    """A line read as a browser tab's title: its parts between the site-name separators, stripped, the tab's
    count of notifications left out ("(1) Headline | by Author | Site" → Headline, by Author, Site); one
    part where it has no separator."""
    return [part.strip() for part in _TAB_TITLE_SEPARATOR.split(_TAB_COUNT.sub("", line.strip()))]
