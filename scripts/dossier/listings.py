"""Long lists cut into pages (the catalogue of every article, a profile's older sources), so that no page
grows with the corpus: how many items a page holds, and what a page's pager shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class Listings:
    """How many articles the long lists show on one page, so that pages stay small at any size of corpus:
    the home page its newest articles, the catalogue every one in pages of `per_page`; a profile quotes its
    newest `profile_quotes` sources and the others in pages of `per_page`; the build report lists every
    input, and its needs-attention items, in pages of `per_page`."""

    home: int = 20
    per_page: int = 100
    profile_quotes: int = 20


@dataclass(frozen=True)
class ListPage:
    """One page of a list cut into pages (the catalogue, a profile's older sources), for its template."""

    number: int  # from 1
    count: int  # pages in all
    first: int  # the position of its first item (from 1)
    last: int
    total: int  # items in all
    urls: tuple[str, ...]  # every page's site-root URL, in order
    numbers: list[int | None]  # the page numbers its pager links to; None for a gap
    dates: tuple[str, str] | None = None  # the catalogue: its newest and oldest date, if any

    @property
    def url(self) -> str:
        return self.urls[self.number - 1]


Item = TypeVar("Item")


def paged(items: Sequence[Item], per_page: int, url_of: Callable[[int], str]) -> list[tuple[ListPage, Sequence[Item]]]:
    """`items` cut into pages of `per_page` (one page, empty, for no items), each with its ListPage."""
    count = max(1, -(-len(items) // per_page))
    urls = tuple(url_of(number) for number in range(1, count + 1))
    pages = []
    for number in range(1, count + 1):
        start = (number - 1) * per_page
        shown = items[start:start + per_page]
        pages.append((ListPage(number, count, start + 1, start + len(shown), len(items), urls,
                               pager_numbers(number, count)), shown))
    return pages


def pager_numbers(current: int, count: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows: the first, the last, and `around` on each side of the current
    one, with None where numbers are left out (a gap of one number shows the number instead)."""
    shown = sorted({1, count} | set(range(max(1, current - around), min(count, current + around) + 1)))
    numbers: list[int | None] = []
    previous = 0
    for number in shown:
        left_out = number - previous - 1
        if left_out == 1:  # one number left out: showing it takes no more room than a gap
            numbers.append(previous + 1)
        elif left_out > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers
