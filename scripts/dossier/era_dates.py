"""Dates counted in an era's years, as Taiwan and Japan date their pages: the Republic of China's Minguo
years ("民國112年12月19日", and in numerals "112/12/19": 2023) and Japan's imperial eras ("令和5年3月1日",
"令和元年11月2日": an era's first year is 元); and dates of Iran's Solar Hijri calendar, as Persian pages print
them ("۵ دی ۱۴۰۲", "1402/10/05": 26 December 2023), converted by dateparser's Jalali calendar.
`text_dates.find_dates` reads them beside Gregorian dates."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from .date_shape import SOLAR_HIJRI_MONTHS

# The Gregorian year before each era's first: Minguo 1 is 1912, Reiwa 1 is 2019 (1 May), Heisei 1 is 1989.
_ERA_YEAR_ZERO = {"民國": 1911, "民国": 1911, "中華民國": 1911, "令和": 2018, "平成": 1988, "昭和": 1925}
_ERA_NAMES = "|".join(sorted(_ERA_YEAR_ZERO, key=len, reverse=True))
_ERA_DATE = re.compile(rf"({_ERA_NAMES})\s*(\d{{1,3}}|元)\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
# Taiwan's numeric dates count Minguo years too ("111/03/05"), on pages in Traditional script: three digits
# first, with slashes, are never a Gregorian year (not "比分 110-8-3", a score, nor "版本 119.1.2", a version).
_MINGUO_NUMERIC = re.compile(r"(?<![\d/.])(1[0-4]\d)/(\d{1,2})/(\d{1,2})(?![\d/.])")
_MINGUO_LANGUAGES = frozenset({"zh-Hant", "zh-TW", "zh-HK", "zh-MO"})
# The Solar Hijri calendar's months, as Iran names them, and its years of this era (13xx, 14xx): a day, a month's
# name and a year ("5 دی 1402"), or the year first in numerals ("1402/10/05"), on a page in Persian.
_SOLAR_HIJRI_LANGUAGES = frozenset({"fa"})
_SOLAR_HIJRI_DATE = re.compile(rf"(?<!\d)\d{{1,2}}\s+(?:{SOLAR_HIJRI_MONTHS})\s+1[34]\d\d(?!\d)"
                               r"|(?<![\d/])1[34]\d\d/\d{1,2}/\d{1,2}(?![\d/])")


def era_dates(text: str, language: str) -> Iterator[tuple[int, int, datetime.date]]:
    """Each era-counted date in `text` (its digits ASCII): where it stands and its Gregorian day."""
    for match in _ERA_DATE.finditer(text):
        era, year, month, day = match.groups()
        value = valid_date(_ERA_YEAR_ZERO[era] + (1 if year == "元" else int(year)), int(month), int(day))
        if value:
            yield match.start(), match.end(), value
    if language.split("-", 1)[0] in _SOLAR_HIJRI_LANGUAGES:
        yield from _solar_hijri_dates(text)
    if language in _MINGUO_LANGUAGES:
        for match in _MINGUO_NUMERIC.finditer(text):
            year, month, day = match.groups()
            value = valid_date(_ERA_YEAR_ZERO["民國"] + int(year), int(month), int(day))
            if value:
                yield match.start(), match.end(), value


def valid_date(year: int, month: int, day: int) -> datetime.date | None:
    """The day, if the calendar has it (no 30 February)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _solar_hijri_dates(text: str) -> Iterator[tuple[int, int, datetime.date]]:
    from dateparser.calendars.jalali import JalaliCalendar  # (its calendars extra: convertdate, for Persian pages)

    for match in _SOLAR_HIJRI_DATE.finditer(text):
        found = JalaliCalendar(match.group()).get_date()
        if found is not None and found.date_obj is not None:
            yield match.start(), match.end(), found.date_obj.date()
