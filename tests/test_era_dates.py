"""Dates counted in an era's years: Taiwan's Minguo and Japan's imperial eras, and Iran's Solar Hijri calendar,
read as Gregorian days."""

import datetime

import pytest

from dossier.date_shape import has_full_date
from dossier.text_dates import find_dates


@pytest.mark.parametrize(("text", "language", "day"), [
    ("民國112年12月19日 14:05", "zh-Hant", datetime.date(2023, 12, 19)),
    ("中華民國111年3月5日", "zh-Hant", datetime.date(2022, 3, 5)),
    ("2022/03/05 發布｜111/03/05 更新", "zh-Hant", datetime.date(2022, 3, 5)),
    ("111/03/05 14:20", "zh-Hant", datetime.date(2022, 3, 5)),  # numerals in Minguo years too
    ("令和5年3月1日", "ja", datetime.date(2023, 3, 1)),
    ("令和元年11月2日 9時30分", "ja", datetime.date(2019, 11, 2)),  # an era's first year is 元
    ("平成30年１月５日", "ja", datetime.date(2018, 1, 5)),  # full-width digits
    # Solar Hijri, in Persian digits or ASCII, the month named or numbered
    ("سه‌شنبه ۵ دی ۱۴۰۲ - ۱۰:۳۰", "fa", datetime.date(2023, 12, 26)),
    ("23 مرداد 1397", "fa", datetime.date(2018, 8, 14)),
    ("1402/10/05", "fa", datetime.date(2023, 12, 26)),  # no year 1402 of the Gregorian calendar
])
def test_an_era_counted_date_is_read_as_its_gregorian_day(text, language, day):
    assert find_dates(text, language)[0].value == day
    assert has_full_date(text)


@pytest.mark.parametrize(("text", "language"), [
    ("111/03/05", "en"),  # three digits first are Minguo years only on a Chinese page
    ("令和5年2月30日", "ja"),  # no such day
    ("令和5年", "ja"),  # a year alone is no date
    ("比分 110-8-3", "zh-Hans"),  # a score; Minguo numerals are Taiwan's, in Traditional script, with slashes
    ("版本 119.1.2", "zh-Hant"),  # a version
    ("5 دی 1402", "ar"),  # Solar Hijri dates are Persian pages' only
])
def test_what_is_no_era_counted_date(text, language):
    assert find_dates(text, language) == ()
