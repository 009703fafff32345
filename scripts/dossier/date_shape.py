"""Whether a line holds a full calendar date, by its shape alone (no parsing): the clean stage's test
for a dateline. The metadata stage reads the date itself (text_dates, datelines)."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from .characters import THAI_OR_LAO, ascii_digits
from .thresholds import CLEANING

# A year, not one written as a CJK year ("2018年"): a CJK date marks its day too ("20日"), which _NUMERIC_DATE
# reads; beside "2018年", a number is an item's ("２．２０１８年に買収した…").
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d|\s*年)")
# A span of years ("(2008–2012)", "2019-2022"): a period, not a date's year, whatever number stands near it
# ("1. Google Health (2008–2012)" is a numbered subheading).
YEAR_SPAN = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}(?!\d)")
# A year alone in brackets, or a span open at its end ("2. PillPack (2018)", "4. Amazon Pharmacy (2020– )"):
# a numbered subheading's period; a dateline gives its year beside the day.
_BRACKETED_YEAR = re.compile(r"[(\[]\s*(?:19|20)\d{2}\s*(?:[-–—]\s*)?[)\]]")
# A dateline's parts stand between bars or dots with spaces around them ("By … | Published …"), never « » or >.
DATELINE_PARTS = re.compile(r"\s[|｜·•]\s")
# The languages whose pages count years in the Buddhist era (2565 is 2022): text_dates reads them so too.
BUDDHIST_ERA_LANGUAGES = frozenset({"th", "lo"})
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))(?!\d)"
    r"|\d{1,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?<![\d/])1[0-4]\d/\d{1,2}/\d{1,2}(?![\d/])"  # Taiwan's, in Minguo years (era_dates)
)
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?!\d)")
# A day: not part of a decimal ("2,1 milyar"), nor written onto a word ("워치3", Watch 3).
_SMALL_NUMBER = re.compile(r"(?<![\d.,\w])\d{1,2}(?!\d|[.,]\d)")


# The months of Iran's Solar Hijri calendar, as Persian pages name them.
SOLAR_HIJRI_MONTHS = "فروردین|اردیبهشت|خرداد|تیر|امرداد|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
# A date in the Islamic or the Iranian calendar, its year in the 1300s or 1400s ("١٥ جمادى الآخرة ١٤٤٥ هـ", "۲۴
# فروردین ۱۴۰۰", "23 مرداد 1397"), beside the Gregorian one or alone: a dateline's (a Persian page's Solar Hijri day
# is read as its Gregorian one: era_dates).
_HIJRI_OR_SOLAR_DATE = re.compile(
    r"(?<!\d)\d{1,2}\s*(?:محرم|صفر|ربيع الأول|ربيع الأ?آخر|ربيع الثاني|جمادى الأولى|جمادى الآخرة|جمادى الثانية|رجب"
    rf"|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة|{SOLAR_HIJRI_MONTHS})"
    r"\s*1[34]\d{2}(?!\d)")


def has_full_date(text: str) -> bool:
    """A calendar date: numeric (2022-03-31, 21.07.2022, 2023年1月25日), or a year beside a day or a
    time (Jan. 4, 2021; 16 novembre 2022 ore 09:45), in any script's digits; in Thai and Lao, a day and
    month with a Buddhist-era year."""
    text = ascii_digits(text)
    if _NUMERIC_DATE.search(text) or _HIJRI_OR_SOLAR_DATE.search(text):
        return True
    if THAI_OR_LAO.search(text) and (dated := _buddhist_era_date().search(without_era_marker(text))):
        # Thai and Lao end no sentence with a full stop: a dateline is the date, or is set out with a bar or a
        # time; "เริ่มให้บริการวันที่ 1 กรกฎาคม 2567" ("the service starts on …") is a sentence.
        return len(dated.group()) * 2 >= len(text.strip()) or "|" in text or bool(_CLOCK.search(text))
    text = _BRACKETED_YEAR.sub(" ", YEAR_SPAN.sub(" ", text))
    if not _YEAR.search(text):
        return False
    if _CLOCK.search(_YEAR.sub(" ", text)):
        return True
    # The day stands a word or two from its year ("Jan. 4, 2021", "31 August 2023"), not across the line
    # ("Apple Event 2018 LIVE: … Watch Series 4").
    words = text.split()
    near = CLEANING.date_day_max_words_from_year
    return any(_SMALL_NUMBER.search(_YEAR.sub(" ", " ".join(words[max(n - near, 0) : n + near + 1])))
               for n, word in enumerate(words) if _YEAR.search(word))


# The era's name between a date's month and its year ("๑๘ พฤศจิกายน พ.ศ. ๒๕๖๓"): Thai พ.ศ., Lao ພ.ສ.
_ERA_MARKER = re.compile(r"(?<=\s)(?:พ\.\s?ศ\.|ພ\.\s?ສ\.)(?=\s*\d)")


def without_era_marker(text: str) -> str:
    """`text` with the Buddhist era's name before a year blanked, at the same offsets: the year reads as
    any date's."""
    return _ERA_MARKER.sub(lambda marker: " " * len(marker.group()), text)


@cache
def _buddhist_era_date() -> re.Pattern[str]:
    """A day, a month's name and a Buddhist-era year, as Thai and Lao pages date ("9 มิถุนายน 2565": 2565
    is 2022). Only with the month's name (CLDR's, full or abbreviated): a bare 25xx is as often a count."""
    months = {name for language in sorted(BUDDHIST_ERA_LANGUAGES) for width in ("wide", "abbreviated")
              for name in Locale(language).months["format"][width].values()}
    names = "|".join(map(re.escape, sorted(months, key=len, reverse=True)))
    return re.compile(rf"(?<!\d)\d{{1,2}}\s*(?:{names})\s*25\d{{2}}(?!\d)")
