"""Datelines: a line that is a date (or a few) plus a short remainder, a place, a name, an outlet or a
marker word. The dates are read by `text_dates`; what is left may name the author or the outlet.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from .date_shape import DATELINE_PARTS
from .meta_lines import CJK_CHAR, URL_OR_EMAIL, digit_share, segments, width
from .meta_vocabulary import DATE_MARKERS, VOCABULARY
from .text_dates import DateOrder, FoundDate, find_dates
from .thresholds import META_LINES

# A time, with its "PM" ("10:42 PM IST": the zone is left, and dropped as one).
_TIME = re.compile(r"(?<!\d)\d{1,2}\s?[:h時시]\s?\d{2}(?:\s?[:：]\d{2})?(?:\s?[分분])?(?:\s?[AaPp]\.?[Mm]\b\.?)?(?!\d)")


@dataclass(frozen=True)
class Dateline:
    """A line that is one or more dates and little else; `parts` is what else it says, in order."""

    dates: tuple[FoundDate, ...]
    parts: tuple[str, ...]

    @property
    def published(self) -> datetime.date | None:
        """The first date that is not marked as a revision."""
        return next((date.value for date in self.dates if not date.update), None)


def dateline(text: str, language: str = "und", order: DateOrder | None = None) -> Dateline | None:
    """`text` as a dateline: some date, and a remainder short enough to be a place, a name, an outlet
    or a marker word (never a sentence that happens to mention a date, never a link)."""
    text = text.strip()
    if width(text) > META_LINES.meta_line_max_chars or URL_OR_EMAIL.search(text):
        return None
    dates = find_dates(text, language, order)
    if not dates:
        return None
    remainder: list[str] = []
    last = 0
    for date in dates:
        remainder.append(text[last: date.start])
        last = date.end
    remainder.append(text[last:])
    rest = " | ".join(_TIME.sub(" | ", part) for part in remainder)
    words = [word for word in re.split(r"[\s|｜·•–—,，;；()（）]+", rest) if re.search(r"\w", word)]
    cjk_chars = len(CJK_CHAR.findall(rest))
    if len(words) > META_LINES.dateline_max_words and cjk_chars == 0:
        return _in_parts(text, language, order)
    if re.search(r"[，。！？；]", rest):
        return None  # a sentence of CJK prose that mentions a date
    if width(" ".join(words)) > META_LINES.dateline_max_chars:
        return None
    return Dateline(dates, tuple(_dateline_parts(rest, language)))


def _in_parts(text: str, language: str, order: DateOrder | None) -> Dateline | None:
    """A line set out in parts between bars or dots, each of them short, some of them dates: "Par Camille
    Roussel | Publié le 12 novembre 2019 à 18h42 | Mis à jour le 13 novembre 2019" says more than one
    dateline's remainder holds, but each part says one thing."""
    pieces = [piece.strip() for piece in DATELINE_PARTS.split(text) if piece.strip()]
    if len(pieces) < 2:  # noqa: PLR2004 (parts, not one)
        return None
    dates: list[FoundDate] = []
    parts: list[str] = []
    for piece in pieces:
        found = dateline(piece, language, order)  # a piece holds no separator: no deeper than this
        if found:
            dates.extend(found.dates)
            parts.extend(found.parts)
        elif width(piece) <= META_LINES.dateline_max_chars:
            parts.append(piece)  # a byline ("Par Camille Roussel"), a section, a place
        else:
            return None
    return Dateline(tuple(dates), tuple(parts)) if dates else None


def _dateline_parts(rest: str, language: str) -> list[str]:
    """The remainder's parts, without marker words, labels, days of the week, time zones and numbers: what
    may be a name or an outlet. Parts of CJK text divided by single spaces are separate parts."""
    days = _day_names(language)
    parts: list[str] = []
    for part in segments(rest):
        pieces = part.split() if CJK_CHAR.search(part) else [part]
        for piece in (raw.strip(" ·・•-–—|") for raw in pieces):
            if _marked(piece, DATE_MARKERS, VOCABULARY.update_markers):
                continue  # "发表于北京", "Atualizado há 2 anos", "Last Updated"
            if piece in VOCABULARY.labels or piece.casefold() in VOCABULARY.date_fillers or piece.casefold() in days:
                continue  # "Thứ Sáu" (Friday) reads as a name
            if digit_share(piece) >= META_LINES.max_digit_share or not re.search(r"\w", piece) \
                    or re.fullmatch(r"[A-Z]{1,5}([+-]\d{1,2}(:?\d{2})?)?", piece):
                continue  # an issue number, a time zone (CET, ET, GMT+7)
            parts.append(piece)
    return parts


@cache
def _day_names(language: str) -> frozenset[str]:
    """The language's names of the days of the week, full and short, as CLDR writes them (casefolded)."""
    try:
        days = Locale.parse(language, sep="-").days
    except (ValueError, UnknownLocaleError):  # "und", or a tag CLDR does not know
        return frozenset()
    return frozenset(name.casefold() for context in days.values() for width in context.values()
                     for name in width.values())


def _marked(piece: str, markers: tuple[str, ...], last: tuple[str, ...]) -> bool:
    """Whether the piece opens with one of `markers`, or ends with one of `last` as a word of its own: the
    label of a revision's date ("Last Updated", "Zuletzt aktualisiert", "Dernière mise à jour"), never a name
    (a publication's marker may be one: Vietnamese "đăng", "Nguyễn Hải Đăng")."""
    folded = piece.casefold()
    return any(folded.startswith(marker) for marker in markers) or any(folded.endswith(" " + m) for m in last)
