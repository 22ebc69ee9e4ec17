"""The short paths for an import's usual cells (plain dates, timestamps, true/false) agree with the full rules.

Each value below is checked twice: by the function with its short path, and by
the general rule it stands for (``parse_date`` / ``parse_timestamp`` and the
not-in-the-future check; the spelled-out words of ``check_bool``).  Valid
values must come out equal, with the same type; invalid ones must be refused
with the same one-line message naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from workbook import values
from workbook.errors import ValidationError
from workbook.values import (
    check_bool,
    check_not_future,
    check_past_date,
    check_past_timestamp,
    parse_date,
    parse_timestamp,
)

TODAY = dt.date(2024, 6, 15)


@pytest.fixture(autouse=True)
def pinned_today() -> Iterator[None]:
    """Every check here counts 2024-06-15 as today, as an import's one_today() block would."""
    token = values._PINNED_TODAY.set(TODAY)
    yield
    values._PINNED_TODAY.reset(token)


def outcome(check: Any, *args: Any) -> Any:
    """What ``check`` gives, or the one-line message it refuses with."""
    try:
        return check(*args)
    except ValidationError as error:
        assert "\n" not in str(error)
        return str(error)


def general_past_date(name: str, value: Any) -> dt.date:
    day = parse_date(name, value)
    if day is None:
        raise ValidationError(name, "is required")
    check_not_future(name, day)
    return day


def general_past_timestamp(name: str, value: Any) -> dt.datetime:
    moment = parse_timestamp(name, value)
    if moment is None:
        raise ValidationError(name, "is required")
    check_not_future(name, moment)
    return moment


DATES = [
    "2024-06-15", "2024-06-16", "1900-01-01", "1899-12-31", "0025-01-01", "2024-02-30", "2024-13-01",
    " 2024-6-1 ", "2024-W24-6", "20240615", " 2024-06-15", "2024-06-15 ", "2024/06/15", "", None,
    dt.date(2024, 6, 1), dt.datetime(2024, 6, 1, 12), "2024-06-1x", "２０２４-06-15",
]  # fmt: skip
TIMESTAMPS = [
    "2024-06-15T23:59:59", "2024-06-16T00:00:00", "2024-06-15 08:00:00", "1900-01-01T00:00:00",
    "1899-12-31T23:59:59", "2024-06-15T08:00:00+02:00", "2024-06-15T25:00:00", "20240615T080000.5",
    "2024-06-15T08:00", " 2024-06-15T08:00:00", "2024-06-15T08:00:00 ", "2024-06-15T08:00:00.123456",
    "", None, dt.datetime(2024, 6, 1, 8, 0, 0, 5), "not a time at all!!", "2024-W24-6T08:00:00",
    dt.datetime(2024, 6, 15, 23, 59, 59), dt.datetime(2024, 6, 16), dt.datetime(1899, 12, 31, 23),
    dt.datetime(1900, 1, 1), dt.datetime(2024, 6, 1, 8, tzinfo=dt.UTC), dt.date(2024, 6, 1),
    dt.datetime(2024, 6, 1, 8, 0, 0, 999_999),
]  # fmt: skip


@pytest.mark.parametrize("value", DATES, ids=repr)
def test_a_past_date_agrees_with_the_general_rule(value: Any) -> None:
    quick, general = outcome(check_past_date, "held_on", value), outcome(general_past_date, "held_on", value)
    assert quick == general and type(quick) is type(general)


@pytest.mark.parametrize("value", TIMESTAMPS, ids=repr)
def test_a_past_timestamp_agrees_with_the_general_rule(value: Any) -> None:
    quick, general = outcome(check_past_timestamp, "at", value), outcome(general_past_timestamp, "at", value)
    assert quick == general and type(quick) is type(general)


def test_hand_worked_refusals_name_the_field() -> None:
    assert outcome(check_past_date, "held_on", "2024-06-16") == "held_on: 2024-06-16 is in the future"
    assert (
        outcome(check_past_date, "held_on", "1899-12-31")
        == "held_on: 1899-12-31 is before 1900; check the year"
    )
    assert outcome(check_past_date, "held_on", "2024-02-30") == (
        "held_on: '2024-02-30' is not a date (use YYYY-MM-DD)"
    )
    assert outcome(check_past_timestamp, "at", "2024-06-16T00:00:00") == "at: 2024-06-16 is in the future"
    assert outcome(check_past_timestamp, "at", "2024-06-15T25:00:00") == (
        "at: '2024-06-15T25:00:00' is not a date and time (use YYYY-MM-DDTHH:MM:SS)"
    )
    assert outcome(check_past_timestamp, "at", "2024-06-15T23:59:59") == dt.datetime(2024, 6, 15, 23, 59, 59)


def general_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "yes", "no"):
        return value.strip().lower() in ("true", "1", "yes")
    raise ValidationError("confirmed", f"{value!r} is not true or false")


@pytest.mark.parametrize(
    "value",
    ["true", "false", "TRUE", " false ", "yes", "no", "1", "0", "", "maybe", True, False, 1, 0, 2, None, 1.0],
    ids=repr,
)
def test_true_and_false_agree_with_the_general_rule(value: Any) -> None:
    quick, general = outcome(check_bool, "confirmed", value), outcome(general_bool, value)
    assert quick == general and type(quick) is type(general)


# --- a mood entry's empty energy and link, and its context ---------------------------------------

MOOD_FIELDS: list[tuple[str, Any]] = [
    ("energy", None), ("energy", ""), ("energy", "3"), ("energy", 5), ("energy", 6), ("energy", True),
    ("context", None), ("context", ""), ("context", "daily"), ("context", " After_Call "), ("context", "bogus"),
    ("context", 5), ("application_id", None), ("application_id", ""), ("application_id", "3"),
    ("application_id", 0), ("application_id", "x"),
]  # fmt: skip


def general_mood_field(name: str, value: Any) -> Any:
    """The rule MoodEntry.validate applies to ``name``, called as it was before its shortcuts."""
    from workbook.records import CONTEXTS
    from workbook.values import check_choice, check_optional_id, check_scale

    if name == "energy":
        return check_scale("energy", value, 1, 5, required=False)
    if name == "context":
        return check_choice("context", value or "daily", CONTEXTS)
    return check_optional_id("application_id", value)


@pytest.mark.parametrize(("name", "value"), MOOD_FIELDS, ids=repr)
def test_a_mood_entry_takes_and_refuses_each_field_as_its_rule_does(name: str, value: Any) -> None:
    from workbook.records import MoodEntry

    def built() -> Any:
        return getattr(MoodEntry(at="2024-06-01T08:00:00", mood=5, **{name: value}), name)

    quick, general = outcome(built), outcome(general_mood_field, name, value)
    assert quick == general and type(quick) is type(general)
