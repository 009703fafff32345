"""Hard-wrapped text (a text browser's dump, an e-mail, a PDF's text): the width a page was wrapped at,
and the lines a wrap broke mid-paragraph, which go on in the line under them.

A word wrap breaks a line where its next word would pass the width; a page whose long lines agree on
one such width was wrapped at it, and a line broken there goes on below wherever in the sentence it
breaks. Without such a width, a line goes on below when its sentence visibly does ("… and phy-" over
"sician assistants").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import pairwise

from .furniture import Labels
from .line_shape import is_spaced, stopword_density, weight, words
from .sentences import ends_like_sentence, goes_on_below
from .thresholds import CLEANING, CleaningThresholds


def wrap_width(pairs: Iterable[tuple[str, str]]) -> int | None:
    """The width a hard-wrapped text was wrapped at (a lynx or w3m dump, an e-mail, a PDF's text), if it was:
    a word wrap breaks a line where its next word would pass the width (`wrap_span`). The width most of a
    page's long lines agree on; None for a page whose paragraphs stand each on a line of its own (its
    lines' lengths agree on none). `pairs`: each line as written, with the line under it."""
    spans = [wrap_span(text, below) for text, below in pairs
             if CLEANING.wrapped_line_min_weight <= weight(text) and len(text) <= CLEANING.wrap_max_width
             and below.strip() and is_spaced(text)]  # CJK has no words for a wrap to keep whole
    if len(spans) < CLEANING.wrap_min_lines:
        return None
    fits = Counter(width for low, high in spans for width in range(low, high + 1))
    width, count = max(sorted(fits.items()), key=lambda item: item[1])  # sorted: the narrowest of equals
    return width if count >= CLEANING.wrap_min_share * len(spans) else None


def wrap_span(text: str, below: str) -> tuple[int, int]:
    """The widths a wrap may have broken `text` at, with `below` under it: from the line's length to its
    length with the next word (len(line) <= width <= len(line) + len(next word))."""
    next_word = below.split(maxsplit=1)[0] if below.strip() else ""
    return len(text), len(text) + len(next_word)


def is_wrapped_prose(text: str, below: str, language: str | None, at_width: bool = False,
                     limits: CleaningThresholds = CLEANING) -> bool:
    """A line of a hard-wrapped paragraph (a PDF's text, an e-mail) that the wrap breaks mid-sentence: long,
    as full of stopwords as prose, and going on in the line below it ("… and phy-" over "sician assistants"),
    or, on a page wrapped at one width, broken `at_width` wherever in the sentence ("… Amazon betreibt mit"
    over "Amazon Care einen …": a German noun, a name, go on in capitals; "… The Example Ledger." over
    "Reach her at …")."""
    density = stopword_density(text, language)
    # (a line broken at the page's width is as long as the wrap made it, however narrow the page)
    short = weight(text) < limits.wrapped_line_min_weight and not at_width
    if short or (density is not None and density < limits.good_min_stopwords):
        return False
    if at_width and words(text):
        return True
    return not ends_like_sentence(text) and goes_on_below(text, below)


def wrapped_lines(kept: list[int], texts: Mapping[int, str], language: str | None, written: list[str]) -> set[int]:
    """The kept lines that a hard-wrapped paragraph breaks, each going on in the line right under it (not
    indented further), judged on the width the page is wrapped at, if it is (`wrap_width`), measured on all
    its lines as `written` (a text browser counts the numbers of its links in the width)."""
    adjacent = [(i, below) for i, below in pairwise(kept)
                if below == i + 1 and _indent(written[below]) <= _indent(written[i])]
    width = wrap_width((line.rstrip(), below) for line, below in pairwise(written) if line.strip())
    at_width = {i for i, below in adjacent if width is not None
                and (span := wrap_span(written[i].rstrip(), written[below]))[0] <= width <= span[1]}
    return {i for i, below in adjacent if is_wrapped_prose(texts[i], texts[below], language, i in at_width)}


def _indent(line: str) -> int:
    """A wrapped paragraph's lines stand at its first line's indentation or left of it; the second line of a
    heading a text browser centred stands right of the first."""
    return len(line) - len(line.lstrip())


# What the end of a wrapped sentence may look like on its own line: "2021." a count, "and phy-" / "sician
# assistants, nurses" a keyword list, "March 12, 2024." a dateline.
_SHAPES_OF_A_WRAPPED_END = frozenset({"keyword_stuffing", "counter", "page_chrome", "dateline"})


def unlabel_wrapped_prose(texts: dict[int, str], label: Labels, wrapped: set[int]) -> None:
    """A hard-wrapped paragraph (a PDF's text, an e-mail) breaks lines mid-sentence: its first line may open
    with a dateline ("PORTLAND, Ore. — March 12, 2024 — Cascade Valley Health today announced that it has
    begun"), and a line it goes on with may read as a lower-case keyword list, or a count ("2021."). None is
    what it looks.
    `wrapped`: the lines that go on in the line below them."""
    for i in sorted(wrapped):
        if label.get(i + 1) == "byline":
            continue
        if label.get(i) == "dateline":
            del label[i]
        if label.get(i + 1) in _SHAPES_OF_A_WRAPPED_END and not ends_like_sentence(texts[i]):
            del label[i + 1]  # (under a full stop, a line may be a button: "… members." / "Read Full Story")
