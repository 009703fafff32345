"""The full dates a text states, in any language, and how a page orders day and month.

- `find_dates`: the full dates a line states. This module only finds where a date may stand (numerals
  with date separators, or the few words before a year) and asks `dateparser` (200+ locales, restricted
  to the article's language) whether those words are a date: no month name is spelled out here. An
  update marker makes a date a revision; between two dates it belongs to the nearest following one.
- `date_order`: how the page orders day and month in an ambiguous numeric date (09/02/2024): by its
  other numeric dates (a day above 12), by its dates with month names, for English by its spelling
  (`english_order`); else the language's convention holds.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from .characters import ascii_digits
from .date_shape import BUDDHIST_ERA_LANGUAGES, without_era_marker
from .era_dates import era_dates, valid_date
from .meta_vocabulary import VOCABULARY
from .thresholds import META_LINES

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

# How a page writes an ambiguous numeric date: day first (09/02/2024 is 9 February) or month first.
DateOrder = Literal["DMY", "MDY"]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: datetime.date
    update: bool = False  # the text marks it as a revision ("mis à jour le …", "수정 …", "…更新")


_YEAR_FIRST = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})|[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?)(?![\d])"
)
_YEAR_LAST = re.compile(r"(?<![\d.:/-])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d])")
# (after a full stop only when a letter stands before it: "28.jun.2018", never "21.07.2022")
_YEAR = re.compile(r"(?<![\d,:/-])(?<![\d.]\.)(?<!^\.)((?:19|20)\d{2})(?![\d])")
# An English month's name or abbreviation: only then is a date in another language's text read as English.
_ENGLISH_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_SETTINGS: dict[str, list[str] | bool | datetime.datetime | str] = {  # dateparser's settings, by name
    "REQUIRE_PARTS": ["day", "month", "year"],  # a publication date is a full date
    "PARSERS": ["absolute-time"],  # never "3 days ago"
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": datetime.datetime(2000, 1, 1),  # same inputs, same output, whatever today is
}


@cache
def dateparser_languages(language: str) -> tuple[str, ...]:
    """The dateparser locales for a BCP 47 tag: the tag itself, or its base language, or English."""
    from dateparser.data.languages_info import language_order  # the codes only, no locale loaded

    known = set(language_order)
    for candidate in (language, language.split("-")[0]):
        if candidate in known:
            return (candidate,)
    return ("en",)


@cache
def _parser(languages: tuple[str, ...], date_order: DateOrder | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings = dict(_SETTINGS)
    if date_order:
        settings["DATE_ORDER"] = date_order
    return DateDataParser(languages=list(languages), settings=settings)


def _parse(text: str, language: str, date_order: DateOrder | None = None) -> datetime.date | None:
    """The date dateparser reads in `text`, in the article's language; a date written in ASCII letters
    with an English month that this language does not read ("13 Aug 2020" on a Hindi page) is read as
    English too (asking dateparser again for every year in a text would double its time)."""
    locales = dateparser_languages(language)
    english = locales != ("en",) and text.isascii() and _ENGLISH_MONTH.search(text)
    for languages in (locales, ("en",)) if english else (locales,):
        try:
            found: datetime.datetime | None = _parser(languages, date_order).get_date_data(text).date_obj
        except (ValueError, OverflowError, TypeError):  # dateparser raises on some odd inputs
            continue
        if found:
            return found.date()
    return None


def find_dates(text: str, language: str = "und", order: DateOrder | None = None) -> tuple[FoundDate, ...]:
    """Every full date (day, month, year) the text states, in order.

    Numerals with date separators are read in any script: year first is always year-month-day
    (2021-09-10, 2022.03.31, 2023年1月25日, 2022년 3월 31일); year last with dots is day.month.year;
    with slashes or dashes `order` ("DMY" or "MDY", what the page itself settles, see `date_order`)
    decides, else the language's own order (dateparser's locale). Dates with month names are the few
    words before a year that dateparser, in the article's language, reads as one.
    """
    text = ascii_digits(text)  # "١٢ مارس ٢٠٢٣" as "12 مارس 2023", at the same offsets
    if language.split("-")[0] in BUDDHIST_ERA_LANGUAGES:
        text = _BUDDHIST_YEAR.sub(lambda year: str(int(year.group()) - _BUDDHIST_ERA_OFFSET), without_era_marker(text))
    # Spans already read, kept in order and looked up by bisection: a long text with many dates is read
    # in linear time (each year against every span before it was quadratic).
    found = [FoundDate(start, end, value) for start, end, value in era_dates(text, language)]
    era_spans = _Spans(sorted((date.start, date.end) for date in found))  # "1402/10/05" is no year 1402
    year_first = [match for match in _YEAR_FIRST.finditer(text) if not era_spans.overlaps(match.span())]
    for match in year_first:
        year, _sep, month, day, cjk_month, cjk_day = match.groups()
        value = valid_date(int(year), int(month or cjk_month), int(day or cjk_day))
        if value:
            found.append(FoundDate(match.start(), match.end(), value))
    numeric = sorted([match.span() for match in year_first] + [(date.start, date.end) for date in found])
    first_spans = _Spans(numeric)
    for match in _YEAR_LAST.finditer(text):
        if first_spans.overlaps(match.span()):
            continue
        if match.group(2) == ".":
            value = _parse(match.group(0), language, "DMY")
        elif order:
            first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            day, month = (first, second) if order == "DMY" else (second, first)
            value = valid_date(year, month, day) or valid_date(year, day, month)  # 25/08 reads one way only
        else:
            value = _parse(match.group(0), language)
        if value:
            found.append(FoundDate(match.start(), match.end(), value))
        numeric.append(match.span())
    taken = _Spans(sorted(numeric))
    words = _Spans([match.span() for match in _WORD.finditer(text)])
    textual_end = 0  # where the last date read from words ends: before the next year
    for match in _YEAR.finditer(text):
        if taken.overlaps(match.span()):
            continue
        floor = max(taken.last_end_before(match.start()), textual_end)
        spanned = (_textual_date(text, match, language, words.starts_within(floor, match.start()))
                   or _year_first_date(text, match, language))
        if spanned:
            found.append(spanned)
            textual_end = spanned.end
    found.sort(key=lambda date: date.start)
    return tuple(_mark_updates(text, found))


_WORD = re.compile(r"\S+")
# A Buddhist-era year (date_shape.BUDDHIST_ERA_LANGUAGES) is read as the Gregorian year, four digits at the
# same offsets (2500-2599 are 1957-2056).
_BUDDHIST_ERA_OFFSET = 543
_BUDDHIST_YEAR = re.compile(r"(?<!\d)25\d{2}(?!\d)")


class _Spans:
    """Disjoint (start, end) spans in text order, looked up by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, span: tuple[int, int]) -> bool:
        before = bisect.bisect_left(self.starts, span[1])  # the spans that start before this one ends
        return before > 0 and self.ends[before - 1] > span[0]

    def last_end_before(self, position: int) -> int:
        """The end of the last span that ends at or before `position` (0: none)."""
        count = bisect.bisect_right(self.ends, position)
        return self.ends[count - 1] if count else 0

    def starts_within(self, floor: int, stop: int) -> list[int]:
        """Where the last few spans (words) between `floor` and `stop` start, a span cut by `floor`
        starting there."""
        last = bisect.bisect_left(self.starts, stop)
        first = max(bisect.bisect_right(self.ends, floor), last - META_LINES.date_words_before_year)
        return [max(start, floor) for start in self.starts[first:last]]


def _textual_date(text: str, year: re.Match[str], language: str, word_starts: list[int]) -> FoundDate | None:
    """The shortest run of the words starting at `word_starts` (the last few before `year`) and ending
    at `year` that dateparser reads as a full date in that year, widened while the wider run still reads
    as the same date ("Thursday", "le")."""
    best: FoundDate | None = None
    for count in range(1, min(META_LINES.date_words_before_year, len(word_starts)) + 1):
        start = word_starts[-count]
        value = _parse(text[start: year.end()], language)
        if value and value.year == int(year.group(1)) and (best is None or value == best.value):
            best = FoundDate(start, year.end(), value)
            continue
        if best:
            break
    return best


# After a year, the month's name and the day: "2023. február 23." (Hungarian writes the year first).
_MONTH_AND_DAY_AFTER = re.compile(r"\.?\s+(?:[^\W\d_]+\.?\s+){1,2}\d{1,2}\b\.?")


def _year_first_date(text: str, year: re.Match[str], language: str) -> FoundDate | None:
    """A date written year first with the month's name ("2023. február 23."), where dateparser reads it as
    a full date in that year."""
    after = _MONTH_AND_DAY_AFTER.match(text, year.end())
    if not after:
        return None
    value = _parse(text[year.start(): after.end()], language)
    return FoundDate(year.start(), after.end(), value) if value and value.year == int(year.group(1)) else None


_BEFORE_SEPARATORS = re.compile(r"[|｜·•,，;；(（]")
_AFTER_SEPARATORS = re.compile(r"[|｜·•,，;；)）]")
_ANY_SEPARATOR = re.compile(r"[|｜·•,，;；()（）]")


def _mark_updates(text: str, dates: list[FoundDate]) -> list[FoundDate]:
    """A date is a revision when an update marker stands in its own part of the line: between the
    separator before it and the date, or after it before the next separator or date.

    Between two dates with no separator between them, a marker belongs to the nearest FOLLOWING date
    ("August 24, 2022 9:12 PM UTC Updated August 25, 2022": the second is the revision), unless it is
    glued to the time before it ("…10:32更新 …"), the way languages that write the marker after the
    date attach it."""
    marked = []
    for n, date in enumerate(dates):
        gap_before = text[dates[n - 1].end if n else 0: date.start]
        before = _BEFORE_SEPARATORS.split(gap_before)[-1]
        shared_before = n > 0 and not _ANY_SEPARATOR.search(gap_before)  # nothing parts it from the previous date
        has_next = n + 1 < len(dates)
        gap_after = text[date.end: dates[n + 1].start if has_next else len(text)]
        after = _AFTER_SEPARATORS.split(gap_after)[0]
        shared_after = has_next and not _ANY_SEPARATOR.search(gap_after)
        update = any(
            not (shared_before and glued) for glued in _update_markers(before)
        ) or any(
            glued or not shared_after for glued in _update_markers(after)
        )
        marked.append(FoundDate(date.start, date.end, date.value, update))
    return marked


def _update_markers(text: str) -> list[bool]:
    """The update markers in `text`, each as whether it is glued to what precedes it: no space between,
    or at the very start of `text` (right after a date, or a separator). A marker followed by a time
    relative to now ("Atualizado há 2 anos", "Updated 3 hours ago") dates the update itself, not the date
    before it."""
    folded = text.casefold()
    found = []
    for marker in VOCABULARY.update_markers:
        start = folded.find(marker)
        while start >= 0:
            if not _RELATIVE_TIME.match(folded, start + len(marker)):
                found.append(start == 0 or not folded[start - 1].isspace())
            start = folded.find(marker, start + len(marker))
    return found


# A time relative to now: "há 2 anos", "vor 3 Stunden", "hace 2 horas", "il y a 2 heures", "3 hours ago",
# "2 uur geleden", "2 timmar sedan", "2 godziny temu", "2 часа назад", "3小时前", "2시간 전".
_RELATIVE_TIME = re.compile(r"\w*\W*(?:(?:há|vor|hace|il y a)\s+(?:\d|(?:uma?|una?|une|einer|einem|einigen)\s)"
                         r"|\d+\s*\w+\s+(?:ago|geleden|sedan|siden|temu|назад)\b|\d+\s*\S{1,3}\s*(?:前|전))")


# --- day and month order --------------------------------------------------------------------------------

# Spellings that tell Commonwealth English (day first: 09/02/2024 is 9 February) from American English
# (month first), each pair one word in its two spellings.
_ENGLISH_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"\w+(?<!v)isations?", r"\w+izations?"),  # not improvisation, spelled so everywhere
    (r"(?:colo|behavio|favo|hono|neighbo|flavo|humo|harbo|rumo|endeavo|vapo|odo|armo|tumo)urs?",
     r"(?:colo|behavio|favo|hono|neighbo|flavo|humo|harbo|rumo|endeavo|vapo|odo|armo|tumo)rs?"),
    (r"(?:cent|fib|theat|lit)res?", r"(?:cent|fib|theat|lit)ers?"),
    (r"apnoea|oedema|oestrogen|diarrhoea|foet(?:us|al)|anaemi[ac]|leukaemia|haemo\w+|haemat\w+|haemorrh\w+|"
     r"paediatric\w*|orthopaedic\w*|anaesthe\w*|gynaecolog\w*|oesophag\w*",
     r"apnea|edema|estrogen|diarrhea|fet(?:us|al)|anemi[ac]|leukemia|hemo(?:globin|philia|dialysis)|hemat\w+|"
     r"hemorrh\w+|pediatric\w*|orthopedic\w*|anesthe\w*|gynecolog\w*|esophag\w*"),
    (r"defence|offence|licence|programmes?|analys(?:e|ed|ing)|catalogue|aluminium",
     r"defense|offense|analyz(?:e|ed|ing)|catalog|aluminum"),
    (r"(?:travel|cancel|model|label|fuel|signal)l(?:ed|ing)", r"(?:travel|cancel|model|label|fuel|signal)(?:ed|ing)"),
    (r"enrolments?|fulfilments?", r"enrollments?|fulfillments?"),
)


def english_order(text: str) -> DateOrder | None:
    """The day/month order English text implies by its spelling: "DMY" for Commonwealth spelling
    (authorisation, apnoea, colour, centre), "MDY" for American (authorization, apnea, color, center),
    None when it does not lean either way. American forms count only in lowercase: Commonwealth text
    keeps them in proper names (World Health Organization, Stanford Medical Center)."""
    commonwealth = american = 0
    for ours, theirs in _ENGLISH_SPELLINGS:
        commonwealth += len(re.findall(rf"\b(?:{ours})\b", text, re.I))
        american += sum(1 for found in re.findall(rf"\b(?:{theirs})\b", text, re.I) if found[0].islower())
    if commonwealth > american:
        return "DMY"
    if american > commonwealth:
        return "MDY"
    return None


def date_order(texts: Iterable[str], language: str = "und") -> DateOrder | None:
    """How the page orders day and month in numeric dates with the year last (09/02/2024): "DMY",
    "MDY", or None (then the language's own convention holds, as it does where no such date is
    ambiguous).

    In order of strength: another numeric date on the same page that only one order can read (a day
    above 12: 25/08/2022 settles 09/02/2024 as 9 February); the order of the page's dates written with
    month names (9 February 2024 vs February 9, 2024); for English, the spelling (Commonwealth or
    American)."""
    texts = [text for text in texts if text]
    votes: dict[DateOrder, int] = {"DMY": 0, "MDY": 0}
    ambiguous = False
    for text in texts:
        for match in _YEAR_LAST.finditer(text):
            if match.group(2) == ".":
                continue  # dotted dates are day first everywhere
            first, second = int(match.group(1)), int(match.group(3))
            if first > META_LINES.max_month >= second >= 1:
                votes["DMY"] += 1
            elif second > META_LINES.max_month >= first >= 1:
                votes["MDY"] += 1
            elif first != second:
                ambiguous = True
    if not ambiguous:
        return None
    if votes["DMY"] != votes["MDY"]:
        return _winner(votes)
    for text in texts:
        for found in find_dates(text, language):
            written = text[found.start: found.end]
            if not re.search(r"[^\W\d_]", re.sub(r"[年月日년월일]", "", written)):
                continue  # all numerals: says nothing of the order
            before_year = re.sub(r"(?:19|20)\d{2}\W*$", "", written).rstrip(" ,.")
            votes["MDY" if re.search(r"\d(?:st|nd|rd|th)?$", before_year) else "DMY"] += 1  # "March 1st"
    if votes["DMY"] != votes["MDY"]:
        return _winner(votes)
    if language.split("-")[0] == "en":
        return english_order("\n".join(texts))
    return None


def _winner(votes: dict[DateOrder, int]) -> DateOrder:
    return "DMY" if votes["DMY"] > votes["MDY"] else "MDY"
