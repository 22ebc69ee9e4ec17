"""Dates as people type them in spreadsheets."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.errors import ValidationError
from workbook.interop.sheet_dates import DAY_FIRST, MONTH_FIRST, parse_sheet_date

NOV_25 = dt.date(2025, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "2025-11-25",
        "2025-11-25 00:00:00",
        "2025/11/25",
        "25/11/2025",
        "11/25/2025",
        "25.11.2025",
        "25-11-25",
        "Nov 25, 2025",
        "November 25 2025",
        "25 November 2025",
        "25-Nov-2025",
        "Tue, 25th Nov 2025",
        " 25/11/2025 ",
    ],
)
def test_common_formats(text: str) -> None:
    assert parse_sheet_date("applied_on", text) == NOV_25


def test_empty_is_no_date() -> None:
    assert parse_sheet_date("applied_on", "  ") is None


@pytest.mark.parametrize(
    ("order", "expected"), [(DAY_FIRST, dt.date(2025, 4, 3)), (MONTH_FIRST, dt.date(2025, 3, 4))]
)
def test_order_settles_an_ambiguous_date(order: str, expected: dt.date) -> None:
    assert parse_sheet_date("applied_on", "03/04/2025", order) == expected


def test_same_day_and_month_need_no_order() -> None:
    assert parse_sheet_date("applied_on", "04/04/2025") == dt.date(2025, 4, 4)


@pytest.mark.parametrize(
    ("text", "order", "reason"),
    [
        ("03/04/2025", None, "could be 3 April 2025 or 4 March 2025"),
        ("25/11/2025", MONTH_FIRST, "there is no month 25"),
        ("11/25/2025", DAY_FIRST, "there is no month 25"),
        ("31/02/2025", None, "is not a real date"),
        ("13/13/2025", None, "is not a real date"),
        ("Nov 25", None, "is not a date Rebound can read"),
        ("Smarch 3, 2025", None, "is not a date Rebound can read"),
        ("3/4/202", None, "has no year"),
    ],
)
def test_refusals_name_the_field_and_reason(text: str, order: str | None, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_sheet_date("Date Applied", text, order)
    assert caught.value.field == "Date Applied" and reason in caught.value.reason
