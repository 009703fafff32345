"""Stage 2, clean: decoded text -> the article's own blocks, with every removal recorded.

Each heuristic is a named rule, tested on its own. Line rules run first, over the lines still kept
(line_rules.py); the furniture around and inside the article is then labelled and removed
(article_location.py), judged on what a reader sees of each line (for Markdown, its text without the
syntax); the surviving lines are parsed into blocks (block_parsing.py: Markdown through markdown-it-py
with raw HTML off, plain text by its paragraph shape).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from .article_location import NO_OVERRIDES, LineOverrides, locate_article
from .block_parsing import (
    REFERENCE_LABEL,
    fenced_lines,
    markdown_blocks,
    markdown_shown,
    markdown_text,
    parses_whole,
    plain_blocks,
    setext_underlines,
)
from .cleaning_vocabulary import CleaningVocabulary
from .line_rules import MARKDOWN_RULES, PLAIN_RULES, Lines, without_link_numbers
from .mail_lines import MAIL_RULES
from .records import Block, CleanText, DecodedText, RemovedLine
from .sentences import ROUGH_BOUNDARY
from .thresholds import CLEANING

# Markdown's signals: a heading, a link, an image, a list item, a quote. No "[" inside a link's text or
# target: each "[" then starts a scan that ends before the next one, so the search is linear (with "["
# allowed, `[a](` and a long run of letters took quadratic time).
_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_LINK = re.compile(rf"\[[^\[\]\n]*\]\([\w./-][^)\s\[]*\)|\[[^\[\]\n]+\]{REFERENCE_LABEL}|^ {{0,3}}\[[^\[\]\n]+\]: \S",
                   re.MULTILINE)  # inline, by reference ("[text][3]"), a reference's definition ("[3]: https://…")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^)\s\[]+\)")
_LIST_MARKER = re.compile(r"^ {0,3}(?:\*|-|\d+\.)\s{1,4}\S", re.MULTILINE)
_QUOTE = re.compile(r"^> \S", re.MULTILINE)


MARKDOWN_SUFFIXES = (".md", ".markdown")


def looks_like_markdown(text: str, named_markdown: bool = False) -> bool:
    """Markdown when at least two kinds of its syntax appear (headings, links, images, list markers,
    quotes), or one in a file named as Markdown (.md): a headline over prose."""
    signals = [pattern.search(text) for pattern in (_HEADING, _LINK, _IMAGE, _LIST_MARKER, _QUOTE)]
    # Lists and quotes alone are common in plain text; Markdown needs a heading, link or image too.
    wanted = 1 if named_markdown else CLEANING.markdown_min_signals
    return sum(1 for signal in signals if signal) >= wanted and any(signals[:3])


def clean(decoded: DecodedText, vocabulary: CleaningVocabulary, overrides: LineOverrides = NO_OVERRIDES,
          shared: frozenset[str] = frozenset()) -> CleanText:
    """The article's own text, title and blocks, from a decoded page. `shared` holds the lines that
    stand on several pages of the corpus (corpus_lines.shared_lines); `overrides` a maintainer's
    corrections."""
    # markdown-it takes quadratic time on some runs inside one block (unclosed brackets or emphasis marks,
    # long lists): a text with a longer block is read as plain text, so each parse is bounded. So is one
    # nested too deep for it to read whole.
    markdown = (looks_like_markdown(decoded.text, decoded.source_file.lower().endswith(MARKDOWN_SUFFIXES))
                and _longest_block(decoded.text) <= CLEANING.markdown_block_max_chars
                and parses_whole(decoded.text))
    lines = Lines.of(decoded.text, decoded.removals)
    if markdown:
        fenced = fenced_lines(lines.raw)
        with _set_aside(lines, fenced):  # code is the article's own, whatever it looks like ("<div>", "</p>")
            for rule in (*MAIL_RULES, *MARKDOWN_RULES):
                rule(lines, vocabulary)
        shown = [markdown_shown(line) for line in lines.raw]
        title_index = _locate_in_markdown(lines, shown, fenced, vocabulary, overrides, shared)
        title = markdown_text(lines.raw[title_index]) if title_index is not None else ""
        blocks, removals, repairs = markdown_blocks(lines)
        title_line = title_index + 1 if title_index is not None else 0
        if title_index is None:
            title, title_line, blocks = _split_title(blocks)
    else:
        lines.shown = without_link_numbers(lines.raw)  # a text browser's dump, read as its reader saw the page
        for rule in (*MAIL_RULES, *PLAIN_RULES):
            rule(lines, vocabulary)
        shown = lines.shown or lines.raw
        title_index = locate_article(lines, vocabulary, overrides, shared)
        title = lines.text(title_index) if title_index is not None else ""
        title_line = title_index + 1 if title_index is not None else 0
        if title_index is not None:
            lines.kept[title_index] = False
        blocks, removals, repairs = plain_blocks(lines), [], []
    kept_chars = len(title) + sum(len(block.text) for block in blocks)
    removed_lines = tuple(
        RemovedLine(number, shown[number - 1].strip(), rule)
        for number, rule in sorted(lines.removed_by.items())
    )
    return CleanText(
        source_file=decoded.source_file,
        sha256=decoded.sha256,
        source_format="markdown" if markdown else "plain",
        title=title,
        blocks=tuple(blocks),
        removals=tuple(sorted(lines.removals + removals, key=lambda r: (r.line_start, r.rule))),
        repairs=tuple(repairs),
        kept_chars=kept_chars,
        title_line=title_line,
        removed_lines=removed_lines,
        encoding=decoded.encoding,
    )


def _locate_in_markdown(lines: Lines, shown: list[str], fenced: set[int], vocabulary: CleaningVocabulary,
                        overrides: LineOverrides, shared: frozenset[str]) -> int | None:
    """`locate_article` on a Markdown page, each line judged by what a reader sees of it (`shown`); code
    (the `fenced` lines) is not judged, nor the underlines of setext headings, which go with their
    heading. The headline's line (and its underline) is taken out of the lines; its index is returned."""
    underlines = setext_underlines(lines.raw, fenced)
    lines.shown = shown
    try:
        with _set_aside(lines, fenced | set(underlines.values())):
            title_index = locate_article(lines, vocabulary, overrides, shared, _marked_headline(lines, underlines),
                                         markdown=True)
    finally:
        lines.shown = None
    if title_index is not None:
        lines.kept[title_index] = False
    for heading, underline in underlines.items():
        if not lines.kept[heading]:
            lines.kept[underline] = False  # the underline of a heading taken out (the headline, furniture)
    return title_index


@contextmanager
def _set_aside(lines: Lines, indexes: set[int]) -> Iterator[None]:
    """The kept lines at `indexes` out of sight of what runs inside, kept again after it."""
    hidden = [i for i in sorted(indexes) if lines.kept[i]]
    for i in hidden:
        lines.kept[i] = False
    try:
        yield
    finally:
        for i in hidden:
            lines.kept[i] = True


def _marked_headline(lines: Lines, underlines: dict[int, int]) -> int | None:
    """The line a Markdown page marks as its headline: its first heading that shows text (a logo's is
    empty), when it is of the first level ("# …", or underlined with "===") or opens the page (what is
    left of it)."""
    kept = lines.kept_nonblank()
    first = next((i for i in kept if (_HEADING.match(lines.raw[i]) or i in underlines) and lines.text(i)), None)
    if first is None:
        return None
    first_level = lines.raw[first].startswith("# ") or (
        first in underlines and lines.raw[underlines[first]].strip().startswith("="))
    return first if first_level or first == kept[0] else None


def _longest_block(text: str) -> int:
    """Characters of the longest run of lines between blank ones (blank as Markdown has it: spaces and
    tabs only)."""
    longest = current = 0
    for line in text.split("\n"):
        current = 0 if not line.strip(" \t") else current + len(line) + 1
        longest = max(longest, current)
    return longest


def _split_title(blocks: list[Block]) -> tuple[str, int, list[Block]]:
    """Markdown: the first heading is the title. Failing that, a short first block is; a text that
    starts with a long paragraph keeps it, and is titled by its first sentence."""
    for n, block in enumerate(blocks):
        if block.kind == "heading":
            if n == 0 or block.level == 1:
                return block.text.strip(), block.line, blocks[:n] + blocks[n + 1 :]
            break
    if not blocks:
        return "", 0, []
    first = blocks[0].text.strip()
    if len(first) <= CLEANING.title_max_chars:
        return first, blocks[0].line, blocks[1:]
    end = ROUGH_BOUNDARY.search(first)
    sentence = first[: end.end()] if end else first
    longest = CLEANING.sentence_title_max_chars
    return (sentence if len(sentence) <= longest else sentence[: longest - 1] + "…"), blocks[0].line, blocks
