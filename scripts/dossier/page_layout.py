"""The page as the metadata stage reads it: the clean text's lines (the headline, the blocks, the lines
the clean stage removed) in line order, and the zones where pages state facts about themselves (the
head, the masthead, the foot)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .meta_lines import is_prose
from .outlets import is_rights_line
from .records import CleanText
from .thresholds import META_LINES

# Where a line of the page comes from: the headline, a block of the article, or a line clean removed.
LineKind = Literal["title", "block", "removed"]


@dataclass(frozen=True)
class PageLine:
    """One line of the page as the clean stage left it: the headline, a block of the article, or a
    line it removed (bylines, datelines, mastheads, copyright lines are among those)."""

    number: int
    text: str
    kind: LineKind
    rule: str = ""  # why the clean stage removed it (a removed line's rule: "dateline", "page_chrome", …)

    @property
    def prose(self) -> bool:
        return self.kind == "block" and is_prose(self.text)


@dataclass(frozen=True)
class Page:
    """Where a page states facts about itself: the head (everything down to the article's second
    paragraph of prose after the headline), the masthead (the first lines, before the headline) and
    the foot (everything after the last paragraph of prose)."""

    lines: tuple[PageLine, ...]
    head: tuple[PageLine, ...]
    masthead: tuple[PageLine, ...]
    foot: tuple[PageLine, ...]
    tail: tuple[PageLine, ...] = ()  # the page's last lines when they are not all foot (a notice kept as text)


# Removed lines that state nothing about the page in its own words: a consent banner's buttons and text
# ("Accept all" is no masthead) and a metadata block, whose fields page_facts reads by name.
_NO_FACTS = frozenset({"consent_banner", "front_matter"})


def page_lines(clean: CleanText) -> tuple[PageLine, ...]:
    """Blocks and removed lines in line order, with the headline where it stood. A clean stage that
    leaves bylines in the blocks is read the same way as one that removes them."""
    lines = [PageLine(r.line, r.text.strip(), "removed", r.rule) for r in clean.removed_lines
             if r.text.strip() and r.rule not in _NO_FACTS]
    lines += [PageLine(b.line, b.text.strip(), "block") for b in clean.blocks if b.text.strip()]
    if clean.title and clean.title_line:
        lines.append(PageLine(clean.title_line, clean.title.strip(), "title"))
    elif clean.title:  # a headline of unknown place (a clean stage that records none) may be a masthead
        lines.append(PageLine(0, clean.title.strip(), "removed"))
    order: dict[LineKind, int] = {"title": 0, "removed": 1, "block": 2}
    return tuple(sorted(lines, key=lambda line: (line.number, order[line.kind])))


def page(clean: CleanText) -> Page:
    """The clean text's lines, divided into the zones where pages state facts about themselves."""
    lines = page_lines(clean)
    title = next((n for n, line in enumerate(lines) if line.kind == "title"), -1)
    head_end, prose = len(lines), 0
    for n in range(title + 1, len(lines)):
        if n - title > META_LINES.head_max_lines:
            head_end = n
            break
        if lines[n].prose:
            prose += 1
            if prose >= META_LINES.head_prose_blocks:
                head_end = n + 1  # that paragraph too: its opening may be a byline ("寰宇网讯（记者 周斌）…")
                break
    if title >= 0:
        top = lines[:title]
    else:
        first_prose = next((n for n, line in enumerate(lines) if line.prose), len(lines))
        top = lines[:first_prose]
    # a copyright line long enough to read as prose does not end the article
    last_prose = max((n for n, line in enumerate(lines) if line.prose and not is_rights_line(line.text)),
                     default=-1)
    foot_start = max(last_prose + 1, head_end)
    tail_start = max(min(foot_start, len(lines) - META_LINES.foot_tail_lines), head_end)
    head = tuple(line for line in lines[:head_end] if line.kind != "title")
    return Page(lines, head, tuple(top[: META_LINES.site_lines]), lines[foot_start:], lines[tail_start:foot_start])


def headline_number(layout: Page) -> int | None:
    return next((line.number for line in layout.lines if line.kind == "title"), None)


def first_positions(lines: list[PageLine]) -> dict[PageLine, int]:
    """Where each line first stands, as list.index says, for all of them at once."""
    return {line: n for n, line in reversed(list(enumerate(lines)))}
