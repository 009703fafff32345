"""The clean stage's line rules: each kills the lines of a page it recognizes, before blocks are parsed.

`Lines` holds the page's lines, which of them are still kept, and a record of every removal; each rule
is a named function of the lines and the cleaning vocabulary, tested on its own.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Literal

from .characters import DIGIT
from .cleaning_vocabulary import CleaningVocabulary
from .furniture import FurnitureLabel, is_notice
from .menus import is_navigation
from .records import Removal
from .sentences import CLOSERS, ROUGH_BOUNDARY, TERMINALS
from .thresholds import CLEANING

# What the line rules below remove, each named after its rule.
LineRule = Literal["front_matter", "html_debris", "consent_banner", "keyword_stuffing", "repeated_body",
                   "page_chrome", "repeated_title", "embedded_card", "image_link", "link_addresses",
                   "forwarded_note", "mail_header"]  # (the last two: mail_lines.py)
# Why a line was taken out: a line rule, or (plain text) the furniture signal that labelled it.
RemovalKind = LineRule | FurnitureLabel

# A line that ends like a sentence, or like a clause that goes on (";", ":"). Headlines, tags, bylines and
# buttons do not.
_SENTENCE_LIKE_ENDING = tuple(TERMINALS + CLOSERS + ";；:：")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# A list item's bullet (one drawn as an emoji carries U+FE0F: "▪️"; Japanese lists use the middle dot ・).
BULLET = re.compile(r"^(?:[•·▪●◦‣・]\ufe0f?\s*|[-*+]\s+)")
_LIST_SEPARATORS = re.compile(r"[,，|｜、]| [-–—] ")
# A line of Markdown links and nothing else (a bullet before them, separators between them).
_LINKS_ONLY = re.compile(r"(?:[•·▪●◦‣]\s*|[-*+]\s+)?(?:!?\[[^\[\]\n]*\]\([^()\s]*\)[\s|·•,/]*)+")
_LETTER = re.compile(r"[^\W\d_]")
_CARD_START = re.compile(r"\[\]\((\S+?)\)\s*\[#{1,6} ")
_IMAGES_ONLY = re.compile(r"(!\[[^\]]*\]\([^)]*\)\s*)+")


def is_prose(line: str) -> bool:
    """A sentence or a long line: what article bodies are made of."""
    return len(line) >= CLEANING.prose_min_chars or line.endswith(_SENTENCE_LIKE_ENDING)


@dataclass
class Lines:
    """The text's lines and which of them are still kept, with the removals made so far."""

    raw: list[str]
    kept: list[bool]  # per line: not removed (yet)
    removals: list[Removal] = field(default_factory=list)
    removed_by: dict[int, RemovalKind] = field(default_factory=dict)  # 1-based line -> what took it
    # per line, what a reader sees of it (Markdown without its syntax, a text browser's dump without its
    # links' numbers)
    shown: list[str] | None = None
    wrapped: set[int] = field(default_factory=set)  # the lines a hard-wrapped paragraph goes on below (wrapping)

    @classmethod
    def of(cls, text: str, removals: tuple[Removal, ...] = ()) -> Lines:
        """Every line of `text` kept."""
        raw = text.split("\n")
        return cls(raw, [True] * len(raw), list(removals))

    def kept_nonblank(self) -> list[int]:
        """Indexes of the kept lines that hold text, in order."""
        return [i for i, line in enumerate(self.raw) if self.kept[i] and line.strip()]

    def text(self, index: int) -> str:
        return (self.raw if self.shown is None else self.shown)[index].strip()

    def remove(self, rule: RemovalKind, indexes: list[int], apart: Set[int] = frozenset()) -> None:
        """Take the lines out, a removal per run of adjacent kept lines; another rule's lines (`apart`) end a run."""
        run: list[int] = []
        for index in sorted(set(indexes)):
            if run and not self._adjacent(run[-1], index, apart):
                self._record(rule, run)
                run = []
            run.append(index)
        if run:
            self._record(rule, run)
        for index in indexes:
            self.kept[index] = False
            self.removed_by.setdefault(index + 1, rule)

    def _is_kept_nonblank(self, index: int) -> bool:
        return self.kept[index] and bool(self.raw[index].strip())

    def _adjacent(self, earlier: int, later: int, apart: Set[int]) -> bool:
        """Both lines kept, and no kept line with text between them. Looks only between the two, so that
        removing a few lines costs what they span, not the whole text."""
        return (self._is_kept_nonblank(earlier) and self._is_kept_nonblank(later) and not any(
            self._is_kept_nonblank(index) or index in apart for index in range(earlier + 1, later)))

    def _record(self, rule: RemovalKind, run: list[int]) -> None:
        chars = sum(len(self.text(i)) for i in run)
        self.removals.append(Removal(rule, run[0] + 1, run[-1] + 1, chars))


# A text browser's dump (lynx -dump) numbers each link in the text ("[14]Amazon Care") and lists the
# addresses at the end ("  14. https://amazon.care/", under "References").
_LINK_NUMBER = re.compile(r"\[(\d{1,4})\]")
_NUMBERED_ADDRESS = re.compile(r"^\s*(\d{1,4})\.\s+(?:https?|ftp|file|mailto):\S+\s*$")


def _numbered_links(raw: list[str]) -> set[str]:
    """The numbers of the links a text browser's dump lists at its end and numbers in its text; none for
    a text that lists no links so, or whose brackets do not number them (a reference "[1]" of its own)."""
    listed = {found.group(1) for line in raw if (found := _NUMBERED_ADDRESS.match(line))}
    marks = sum(1 for line in raw for number in _LINK_NUMBER.findall(line) if number in listed)
    return listed if min(len(listed), marks) >= CLEANING.link_numbers_min else set()


def without_link_numbers(raw: list[str]) -> list[str] | None:
    """A text browser's dump as a reader of the page saw it: each line without the numbers of its links
    ("By [11]Megan Holloway" is "By Megan Holloway"); None for any other text."""
    listed = _numbered_links(raw)
    if not listed:
        return None
    return [_LINK_NUMBER.sub(lambda found: "" if found.group(1) in listed else found.group(), line) for line in raw]


LineRuleFunction = Callable[[Lines, CleaningVocabulary], None]

# --- the rules: each takes the lines and the vocabulary, and kills what it recognizes ---------------


def remove_html_debris(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """Lines made only of HTML tags (and bullets): markup the scraper flattened, with no text."""
    debris = [
        i for i in lines.kept_nonblank()
        if _TAG.search(lines.text(i)) and not BULLET.sub("", _TAG.sub("", lines.text(i))).strip()
    ]
    lines.remove("html_debris", debris)


def remove_keyword_stuffing(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """Spam lines: lists of short keywords, not sentences. At the edges of the page, the list shape
    alone is enough; elsewhere the line must be a long list or carry a spam term."""
    limits = CLEANING
    kept = lines.kept_nonblank()
    edges = set(kept[: limits.stuffing_edge_lines] + kept[-limits.stuffing_edge_lines :])
    spam = []
    for i in kept:
        line = lines.text(i)
        if is_prose(line) and (line.endswith(_SENTENCE_LIKE_ENDING) or ROUGH_BOUNDARY.search(line)):
            continue  # sentences, however many commas they hold
        if is_navigation(line):
            continue  # a menu: the locator labels it, and looks for the headline below it, not above
        items = [item.strip() for item in _LIST_SEPARATORS.split(line) if item.strip()]
        if (len(items) < limits.stuffing_min_items
                or statistics.median(len(item) for item in items) > limits.stuffing_max_median_item_chars):
            continue
        if i in edges or len(items) >= limits.stuffing_min_items_anywhere or vocabulary.has_spam_term(line):
            spam.append(i)
    lines.remove("keyword_stuffing", spam)


def remove_repeated_body(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """A second copy of the body (scrapers often capture a page's text twice): any run of consecutive
    lines each of which already appeared earlier, long enough (in lines and characters) to be a copy."""
    seen: set[str] = set()
    run: list[int] = []
    repeats: list[list[int]] = []
    for i in lines.kept_nonblank():
        key = "".join(lines.text(i).split())
        if key in seen:
            run.append(i)
            continue
        seen.add(key)
        if run:
            repeats.append(run)
        run = []
    if run:
        repeats.append(run)
    for run in repeats:
        if (len(run) >= CLEANING.repeated_body_min_lines
                and sum(len(lines.text(i)) for i in run) >= CLEANING.repeated_body_min_chars):
            lines.remove("repeated_body", run)


def remove_page_chrome(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """Page furniture: lines the chrome vocabulary names, and the run of links, signs and short lines
    (related-article links, counters, "Follow us") that trails the article once chrome has begun. A list
    of text there (the article's closing list) is left to the article locator, which judges it by the
    prose above."""
    kept = lines.kept_nonblank()
    chrome = {i for i in kept if vocabulary.is_chrome(lines.text(i))}
    tail: list[int] = []
    for i in reversed(kept):
        text = lines.text(i)
        if (i in chrome or _LINKS_ONLY.fullmatch(text) or not _LETTER.search(text)
                or (not is_prose(text) and not BULLET.match(text))):
            tail.append(i)
        else:
            break
    if any(i in chrome for i in tail):
        chrome |= set(tail)
    lines.remove("page_chrome", sorted(chrome))


# A line of a metadata block: a field ("title: …", TOML's "title = …"), a list item ("  - …") or a value going on.
_FRONT_MATTER_LINE = re.compile(r"[A-Za-z_][\w -]{0,40}:(?:\s.*)?|[A-Za-z_][\w-]{0,40}\s*=\s*\S.*|\s*-\s.*|\s+\S.*")
_FIELD_NAME = re.compile(r"[a-z_][\w-]{0,40}\s*(?::(?:\s.*)?|=\s*\S.*)")  # a field of YAML's or TOML's, in lower case
# The fields that make it a page's metadata ("Key takeaways:" and bullets between two rules are the article's).
_FRONT_MATTER_FIELD = re.compile(r"(?:title|date|published|author|authors|source|url|canonical|tags|categories|"
                                 r"description|created|updated|slug|layout|lang|language|site|image)"
                                 r"\s*(?::(?:\s.*)?|=\s*\S.*)")
# Its delimiters: YAML's (Jekyll, Hugo, Obsidian's web clipper) and TOML's (Hugo).
_FRONT_MATTER_DELIMITERS = ("---", "+++")


def remove_front_matter(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """A metadata block at the top of a saved page (YAML front matter, as Obsidian's web clipper, Jekyll and
    Hugo write it, or Hugo's TOML): the lines from a first "---" (or "+++") to the next, each a field, a list
    item or a continuation, two fields at least, one of them a page's ("title", "date", "author" …). The
    metadata stage reads its fields (page_facts.front_matter_fields)."""
    raw = lines.raw
    first = next((i for i, line in enumerate(raw) if line.strip()), None)
    if first is None or raw[first].strip() not in _FRONT_MATTER_DELIMITERS:
        return
    delimiter = raw[first].strip()
    for end in range(first + 1, min(len(raw), first + CLEANING.front_matter_max_lines)):
        if raw[end].strip() == delimiter:
            block = raw[first + 1 : end]
            known = any(_FRONT_MATTER_FIELD.fullmatch(line) for line in block)
            if known and sum(1 for line in block if _FIELD_NAME.fullmatch(line)) >= CLEANING.front_matter_min_fields:
                lines.remove("front_matter", [i for i in range(first, end + 1) if lines.kept[i] and raw[i].strip()])
            return
        if raw[end].strip() and not _FRONT_MATTER_LINE.fullmatch(raw[end]):
            return


def remove_consent_banners(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """A consent banner: its buttons ("Accept all", "Akkoord") and the few lines right above them that speak
    of cookies, as long as a notice is (its paragraph reads like prose: above the headline, it would be
    taken for the article's first)."""
    kept = lines.kept_nonblank()
    edge = CLEANING.consent_banner_edge_lines
    banner: set[int] = set()
    listed: set[int] = set()  # buttons the text lists ("… three buttons:" over them)
    for n, i in enumerate(kept):
        if not vocabulary.is_consent_button(lines.text(i)) or edge <= n < len(kept) - edge:
            continue  # not a button, or one the article's text names ("Tout refuser") in its middle
        if n and (kept[n - 1] in listed or lines.text(kept[n - 1]).rstrip().endswith((":", "："))):
            listed.add(i)
            continue
        banner.add(i)
        if n and kept[n - 1] in banner:
            continue  # the banner's next button: its text was taken with the first
        below = i
        for above in reversed(kept[max(n - CLEANING.consent_banner_max_lines, 0) : n]):
            if above != below - 1 or not (is_notice(lines.text(above), vocabulary)
                                          and vocabulary.speaks_of_cookies(lines.text(above))):
                break  # the banner is one block: a paragraph set apart by a blank line is the article's
            banner.add(above)
            below = above
    lines.remove("consent_banner", sorted(banner))


def remove_repeated_title(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """The headline printed twice at the top of the page: keep the first."""
    head = lines.kept_nonblank()[: CLEANING.repeated_title_head_lines]
    seen: set[str] = set()
    repeated = []
    for i in head:
        line = lines.text(i)
        if line in seen and not is_prose(line) and any(ch.isalnum() for ch in line):  # not a code fence's ```
            repeated.append(i)
        seen.add(line)
    lines.remove("repeated_title", repeated)


def remove_embedded_cards(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """Markdown link cards for other articles (`[](url) [## title … site](url)`): a promotion, not text.
    A card spans a few lines: its closing is looked for only that far, so that many card openings
    without one cost linear time."""
    kept = lines.kept_nonblank()
    for n, i in enumerate(kept):
        start = _CARD_START.match(lines.text(i))
        if not start:
            continue
        closing = f"]({start.group(1)})"
        for end in range(n, min(n + CLEANING.card_max_lines, len(kept))):
            j = kept[end]
            if closing in lines.raw[j] and (j != i or lines.raw[j].count(closing) > 1):
                lines.remove("embedded_card", kept[n : end + 1])
                break


def remove_link_addresses(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """A text browser's list of the page's link addresses ("References", "  14. https://amazon.care/"), when
    its text numbers its links: what the links point to, not what the page says. Its headers ("References",
    "Visible links", "Hidden links:") go with it: the short lines without a digit over and among them."""
    if not _numbered_links(lines.raw):
        return
    kept = lines.kept_nonblank()
    numbers = [int(found.group(1)) if (found := _NUMBERED_ADDRESS.match(lines.raw[i])) else None for i in kept]
    end = max((n for n, number in enumerate(numbers) if number is not None), default=None)
    if end is None:
        return
    # Up from the last address, the browser's numbers one by one down to 1 (an article's own "1. https://…"
    # stands above them), with the headers over and among them ("References", "Hidden links:").
    start, expected = end, (numbers[end] or 0) - 1
    for n in range(end - 1, -1, -1):
        header = numbers[n] is None and _is_list_header(lines.text(kept[n]))
        if numbers[n] == expected > 0:
            start, expected = n, expected - 1
        elif header and (expected == 0 or (n and numbers[n - 1] == expected)):
            start = n
        else:
            break
        if expected == 0 and start == n and header:
            break  # the list's own header
    lines.remove("link_addresses", kept[start : end + 1])


def _is_list_header(text: str) -> bool:
    return len(text.split()) <= CLEANING.link_list_header_max_words and not DIGIT.search(text)  # "Hidden links:"


def remove_image_lines(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """Markdown lines that are only images: the files are not in the scrape, and the site loads
    nothing from other hosts."""
    images = [i for i in lines.kept_nonblank() if _IMAGES_ONLY.fullmatch(lines.text(i))]
    lines.remove("image_link", images)


PLAIN_RULES: tuple[LineRuleFunction, ...] = (
    remove_front_matter,
    remove_link_addresses,
    remove_html_debris,
    remove_consent_banners,
    remove_keyword_stuffing,
    remove_repeated_body,
)
MARKDOWN_RULES: tuple[LineRuleFunction, ...] = (
    remove_front_matter,
    remove_html_debris,
    remove_consent_banners,
    remove_keyword_stuffing,
    remove_embedded_cards,
    remove_image_lines,
    remove_repeated_body,
    remove_page_chrome,
    remove_repeated_title,
)
