"""Lines that stand on several pages of the corpus: the sites' own furniture (menus, footers, site names)
that the cleaning vocabulary does not know. The clean stage's third step ("How the article is found in
a scrape" in the README): each page's countable lines are gathered before cleaning, and a line on
enough pages is furniture wherever it stands outside the run of prose."""

from __future__ import annotations

from .line_shape import weight
from .sentences import ends_like_sentence
from .thresholds import CLEANING, CleaningThresholds


def shareable(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """Lines the cross-corpus index counts: short and not a sentence (menus, footers, site names,
    headlines of related articles). Sentences are left to the duplicate detector."""
    return 0 < weight(text) <= limits.shared_line_max_weight and not ends_like_sentence(text)


def page_lines(text: str) -> frozenset[str]:
    """The distinct countable lines of one page, stripped."""
    return frozenset(line for line in (raw.strip() for raw in text.split("\n")) if shareable(line))


def shared_lines(pages: list[frozenset[str]], limits: CleaningThresholds = CLEANING) -> frozenset[str]:
    """Lines that stand on several pages of the corpus: furniture of the sites they come from (the same
    line in several articles is not any one article's text)."""
    counts: dict[str, int] = {}
    for lines in pages:
        for line in lines:
            counts[line] = counts.get(line, 0) + 1
    return frozenset(line for line, count in counts.items() if count >= limits.shared_line_min_files)
