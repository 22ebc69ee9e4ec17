"""Dates as people type them in spreadsheets.

Accepted: ISO (``2026-11-25``, also with a time after it), numeric dates with
``/``, ``.`` or ``-`` (``25/11/2026``, ``11/25/2026``, two-digit years as
20xx), and English month names (``Nov 25, 2026``, ``25 November 2026``).  A
numeric date that reads both ways (``03/04/2026``) is refused unless the
person says which order the file uses; one that reads only one way
(``25/11/2026``) is taken as it reads.
"""

from __future__ import annotations

import datetime as dt
import re

from workbook.errors import ValidationError
from workbook.values import shown

DAY_FIRST = "dayfirst"
MONTH_FIRST = "monthfirst"
DAY_ORDERS = (DAY_FIRST, MONTH_FIRST)

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
    "august": 8, "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
} | {abbr: number for number, abbr in enumerate(MONTHS, start=1)}  # fmt: skip
_IGNORED_WORDS = frozenset({"st", "nd", "rd", "th", "of", "mon", "tue", "wed", "thu", "fri", "sat", "sun"})
_TOKENS = re.compile(r"[^\W\d_]+|\d+")


def parse_sheet_date(field: str, text: str, order: str | None = None) -> dt.date | None:
    """Read ``text`` as a date; empty is None.

    ``order`` is :data:`DAY_FIRST`, :data:`MONTH_FIRST` or None (refuse dates
    that read both ways).  Raises ValidationError naming ``field``.
    """
    text = text.strip()
    if not text:
        return None
    iso = _iso(text)
    if iso is not None:
        return iso
    tokens = [t.lower() for t in _TOKENS.findall(text) if t.lower() not in _IGNORED_WORDS]
    words = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if any(len(number) > 4 for number in numbers):  # no part of a date has more; int() of 5,000 would fail
        raise ValidationError(field, f"{shown(text)} is not a real date")
    try:
        if len(words) == 1 and len(numbers) == 2 and words[0] in _MONTH_NAMES:
            return _named_month(field, text, _MONTH_NAMES[words[0]], numbers)
        if not words and len(numbers) == 3:
            return _numeric(field, text, numbers, order)
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a real date") from None
    raise ValidationError(
        field,
        f"{text!r} is not a date Rebound can read; write it like 2026-11-25, 25/11/2026 or Nov 25, 2026",
    )


def _iso(text: str) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T].*)?", text):
        return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _named_month(field: str, text: str, month: int, numbers: list[str]) -> dt.date:
    years = [i for i, n in enumerate(numbers) if len(n) == 4]
    if len(years) != 1:
        raise ValidationError(field, f"{text!r} needs a four-digit year, like Nov 25, 2026")
    return dt.date(int(numbers[years[0]]), month, int(numbers[1 - years[0]]))


def _numeric(field: str, text: str, numbers: list[str], order: str | None) -> dt.date:
    if len(numbers[0]) == 4:
        return dt.date(int(numbers[0]), int(numbers[1]), int(numbers[2]))
    first, second, year = (int(n) for n in numbers)
    if len(numbers[2]) == 2:
        year += 2000
    elif len(numbers[2]) != 4:
        raise ValidationError(field, f"{text!r} has no year Rebound can read")
    if order == DAY_FIRST:
        return _checked(field, text, year, month=second, day=first, order=order)
    if order == MONTH_FIRST:
        return _checked(field, text, year, month=first, day=second, order=order)
    if first > 12 >= second:
        return dt.date(year, second, first)
    if second > 12 >= first:
        return dt.date(year, first, second)
    if first == second:
        return dt.date(year, first, first)
    if first <= 12 and second <= 12:
        one, other = dt.date(year, second, first), dt.date(year, first, second)
        raise ValidationError(
            field,
            f"{text!r} could be {_spoken(one)} or {_spoken(other)}; "
            "add --dayfirst or --monthfirst to say which order this file uses",
        )
    raise ValidationError(field, f"{text!r} is not a real date")


def _checked(field: str, text: str, year: int, *, month: int, day: int, order: str) -> dt.date:
    if month > 12:
        raise ValidationError(field, f"{text!r} cannot be read with --{order}: there is no month {month}")
    return dt.date(year, month, day)


def _spoken(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"
