"""The timeline, laid out at build time so its page needs no JavaScript: every dated event of the
profiles and every publication, one per row in date order, under a heading per year.

Layout only: positions and label lines. The SVG markup is in templates/timeline.md.j2, the colours in
docs/assets/figures.css; text is measured by figure_text.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .figure_text import MIDLINE_EM, Box, text_box, text_width, wrap
from .records import Article, file_name
from .registry import Registry, merged_events

TIMELINE_FONT_PX = 14  # event and publication labels
TIMELINE_YEAR_FONT_PX = 16
TIMELINE_WIDTH = 350  # fits a 390 px phone's column at natural size
TIMELINE_AXIS_X = 10
TIMELINE_TEXT_X = 26
TIMELINE_RIGHT_PAD = 4  # kept clear at the right of a label
TIMELINE_LINE_PX = 19
TIMELINE_ROW_GAP = 10
TIMELINE_YEAR_ROW = 34
TIMELINE_YEAR_DROP = 6  # from the top of a year's row down to its heading's baseline, beyond the font size
TIMELINE_DOT_R = 5
_MID_YEAR, _MONTHS, _DAYS = 0.5, 12, 366  # a partial date sits in the middle of its period

MarkKind = Literal["event", "publication"]


@dataclass(frozen=True)
class Citation:
    """A source as the figures' tables name it: an article (title, site-root relative url) or, for a
    file that is not published, its file name without a link."""

    title: str
    url: str | None


@dataclass(frozen=True)
class Mark:
    """One row of the timeline: a dated event of a profile, or an article's publication."""

    date: str
    kind: MarkKind
    label: str
    url: str  # site-root relative
    detail: str
    sources: tuple[Citation, ...]
    dot_y: float  # centre of its dot on the axis
    baseline: float  # of its first line
    lines: tuple[str, ...]  # the label after the date, wrapped

    @property
    def box(self) -> Box:
        width = max(text_width(self.date + " " + self.lines[0], TIMELINE_FONT_PX),
                    *(text_width(line, TIMELINE_FONT_PX) for line in self.lines))
        return text_box(TIMELINE_TEXT_X, self.baseline, width, TIMELINE_FONT_PX, len(self.lines), TIMELINE_LINE_PX)


@dataclass(frozen=True)
class Timeline:
    marks: tuple[Mark, ...]
    years: tuple[tuple[int, float], ...]  # (year, baseline of its heading)
    width: int
    height: float
    font_px: int = TIMELINE_FONT_PX
    year_font_px: int = TIMELINE_YEAR_FONT_PX
    line_px: int = TIMELINE_LINE_PX
    axis_x: int = TIMELINE_AXIS_X
    text_x: int = TIMELINE_TEXT_X
    dot_r: int = TIMELINE_DOT_R


@dataclass(frozen=True)
class _Row:
    date: str
    kind: MarkKind
    label: str
    url: str
    detail: str
    sources: tuple[Citation, ...]


def decimal_year(date: str) -> float:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a fraction of years; partial dates sit mid-period."""
    match [int(p) for p in date.split("-")]:
        case [year]:
            return year + _MID_YEAR
        case [year, month]:
            return year + (month - _MID_YEAR) / _MONTHS
        case [year, month, day]:
            return year + (datetime.date(year, month, day).timetuple().tm_yday - _MID_YEAR) / _DAYS
    raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {date!r}")


def timeline(registry: Registry, articles: list[Article], entity_url: Callable[[str], str],
             article_url: Callable[[Article], str]) -> Timeline:
    """Every dated event and every publication, one per row in date order, under a heading per year."""
    by_file = {file_name(article.clean.source_file): article for article in articles}

    def cited(source: str) -> Citation:
        article = by_file.get(source)
        if article is None:
            return Citation(source, None)
        return Citation(article.display_title, article_url(article))

    rows = [_Row(event.date, "event", f"{entity.name}: {event.type}", entity_url(entity.id), event.description,
                 tuple(cited(source) for source in event.sources))
            for entity in registry.entities for event in merged_events(entity.events)]
    for article in articles:
        if article.dated:
            title = article.display_title
            publisher = article.publisher.value or "publisher not named"
            rows.append(_Row(article.dated, "publication", f"Article: {title}", article_url(article),
                             article.clean.title, (Citation(publisher, article_url(article)),)))
    rows.sort(key=lambda row: (decimal_year(row.date), row.label, row.url))

    marks: list[Mark] = []
    years: list[tuple[int, float]] = []
    y = 0.0
    text_width_available = TIMELINE_WIDTH - TIMELINE_TEXT_X - TIMELINE_RIGHT_PAD
    for row in rows:
        year = int(row.date[:4])
        if not years or years[-1][0] != year:
            years.append((year, round(y + TIMELINE_YEAR_FONT_PX + TIMELINE_YEAR_DROP, 1)))
            y += TIMELINE_YEAR_ROW
        lines = wrap(row.label, text_width_available - text_width(row.date + " ", TIMELINE_FONT_PX),
                     text_width_available, TIMELINE_FONT_PX)
        baseline = y + TIMELINE_FONT_PX
        marks.append(Mark(row.date, row.kind, row.label, row.url, row.detail, row.sources,
                          round(baseline - TIMELINE_FONT_PX * MIDLINE_EM, 1), round(baseline, 1), lines))
        y += len(lines) * TIMELINE_LINE_PX + TIMELINE_ROW_GAP
    return Timeline(tuple(marks), tuple(years), TIMELINE_WIDTH, round(y + TIMELINE_ROW_GAP, 1))
