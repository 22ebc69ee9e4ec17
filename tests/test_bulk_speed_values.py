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


# --- whole numbers: the short path for plain digits, against hostile text (issue 22, defect 7) ------------

HOSTILE_NUMBERS: list[Any] = [
    "5", "05", "0", "10", "11", " 7 ", "+5", "-5", "-0", "9" * 19, "9" * 20, "9" * 4_300, "9" * 5_000,
    "0" * 5_000 + "5", "٣", "３", "²", "½", "1_000", "1_0", "5.0", "5.", "1e1", "0x5", "", "   ", "\t5\n",
    "5\x00", "nan", "inf", "-inf", 5, 0, -1, 11, 2**63 - 1, 2**63, 10**400, 5.0, 5.5, 1e300,
    float("nan"), float("inf"), -float("inf"), True, False, None, [5], b"5",
]  # fmt: skip


def general_scale(name: str, value: Any, low: int, high: int) -> int | None:
    """The rule check_scale stands for, spelled out without its short path."""
    if value is None or value == "":
        raise ValidationError(name, "is required")
    if isinstance(value, bool):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if isinstance(value, str):
        value = values.whole_number(name, value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(name, f"must be a whole number from {low} to {high}")
        value = int(value)
    if not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be between {low} and {high}, not {values.shown(value)}")
    return value


def general_id(name: str, value: Any) -> int:
    """The rule check_id stands for: a whole number from 1 to SQLite's largest."""
    try:
        number = values.whole_number(name, value) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, OverflowError, ValidationError):
        raise ValidationError(name, f"{values.shown(value)} is not a record id") from None
    if number < 1 or isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValidationError(name, f"{values.shown(value)} is not a record id")
    if number > values.MAX_ID:
        raise ValidationError(name, f"{values.shown(number)} is larger than any record id")
    return number


@pytest.mark.parametrize("value", HOSTILE_NUMBERS, ids=lambda v: repr(v)[:30])
def test_a_scale_agrees_with_the_general_rule_on_hostile_values(value: Any) -> None:
    quick = outcome(values.check_scale, "mood", value, 1, 10)
    general = outcome(general_scale, "mood", value, 1, 10)
    assert quick == general and type(quick) is type(general)
    assert len(str(quick)) < 200  # a refusal repeats a 5,000-digit value only in part


@pytest.mark.parametrize("value", HOSTILE_NUMBERS, ids=lambda v: repr(v)[:30])
def test_an_id_agrees_with_the_general_rule_on_hostile_values(value: Any) -> None:
    quick, general = outcome(values.check_id, "id", value), outcome(general_id, "id", value)
    assert quick == general and type(quick) is type(general)
    assert len(str(quick)) < 200


def test_hostile_numbers_are_refused_in_words() -> None:
    assert outcome(values.check_scale, "mood", "9" * 5_000, 1, 10) == (
        "mood: has 5,000 digits; no number Rebound keeps needs more than 19"
    )
    assert outcome(values.check_scale, "mood", "1_0", 1, 10) == "mood: '1_0' is not a whole number"
    assert outcome(values.check_scale, "mood", "²", 1, 10) == "mood: '²' is not a whole number"
    assert outcome(values.check_scale, "mood", "٣", 1, 10) == 3  # a decimal digit of another script
    assert outcome(values.check_scale, "mood", 1e300, 1, 10) == (
        "mood: must be between 1 and 10, not a number of 301 digits"
    )
    assert outcome(values.check_scale, "mood", "0" * 5_000 + "5", 1, 10) == 5
    assert outcome(values.check_id, "id", "9" * 5_000).startswith("id: '999")
    assert outcome(values.check_id, "id", float("inf")) == "id: inf is not a record id"
