"""Rules for single values: text, dates, timestamps, choices, scales, word lists, ids.

Each ``check_*`` or ``parse_*`` function returns the value normalised or raises
:class:`~workbook.errors.ValidationError` naming the field and the reason.  The
record types in :mod:`workbook.records` build every rule of theirs from these.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from workbook import messages
from workbook.errors import ValidationError

MAX_TEXT = 20_000
#: The earliest date accepted: older ones are typos (0025 for 2025), and pandas cannot hold them.
EARLIEST = dt.date(1900, 1, 1)
MAX_WORD = 100
LIST_SEPARATOR = ";"
#: The largest id SQLite can store (a signed 64-bit integer).
MAX_ID = 2**63 - 1
#: The most digits a whole number given as text may have: as many as :data:`MAX_ID`.  Python's
#: ``int()`` refuses text over 4,300 digits with a ValueError, and nothing Rebound keeps needs more.
MAX_DIGITS = len(str(MAX_ID))
#: How much of a refused value a message repeats.
SHOWN = 40
#: Half of a UTF-16 pair on its own: what an escape such as ``\ud83d`` in JSON or YAML gives.
_SURROGATE = re.compile("[\ud800-\udfff]")

#: The date a bulk check counts as today (see :func:`one_today`); None outside one.
_PINNED_TODAY: ContextVar[dt.date | None] = ContextVar("pinned_today", default=None)


def today() -> dt.date:
    """The date a value may not lie after: today, or the day pinned by :func:`one_today`."""
    # What date.today() does (Python's documentation says so), without its method lookups.
    return _PINNED_TODAY.get() or dt.date.fromtimestamp(time.time())


@contextmanager
def one_today() -> Iterator[dt.date]:
    """Check every value inside the block against one "today", read once as the block starts.

    A bulk import checks thousands of dates; asking the clock for each costs
    more than the check.  The day is read afresh by every block, so a
    long-lived kernel that crosses midnight never checks against a stale one.
    """
    day = dt.date.today()
    token = _PINNED_TODAY.set(day)
    try:
        yield day
    finally:
        _PINNED_TODAY.reset(token)


def check_text(name: str, value: Any, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    """Return ``value`` stripped, refusing non-text, NUL bytes and overlong text."""
    if type(value) is str and "\x00" not in value and (value.isascii() or _plain_text(value)):
        # The usual case, checked in full with fewer steps; anything else takes the path below.
        value = value.strip()
        if (value or not required) and len(value) <= limit:
            return value
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(name, f"must be text, not {type(value).__name__}")
    if "\x00" in value:
        raise ValidationError(name, "contains a NUL byte")
    check_valid_text(name, value)
    value = value.strip()
    if required and not value:
        raise ValidationError(name, "must not be empty")
    if len(value) > limit:
        raise ValidationError(name, f"is {len(value):,} characters long; the limit is {limit:,}")
    return value


def check_valid_text(name: str, value: str) -> str:
    """Refuse text holding half of a UTF-16 pair (a lone surrogate), which no file can store.

    Such text comes from an escape in JSON or YAML (``"\\ud83d"``), never from
    typing; the message says what to write instead.
    """
    problem = invalid_text(value)
    if problem is not None:
        raise ValidationError(name, problem)
    return value


def invalid_text(value: str) -> str | None:
    """Why ``value`` is not valid text (it holds a lone surrogate), or None when it is."""
    found = None if value.isascii() else _SURROGATE.search(value)
    if found is None:
        return None
    first = found.group()
    escape = f"\\u{ord(first):04x}"
    pair = value[found.start() : found.start() + 2]
    instead = ""
    if len(pair) == 2 and "\ud800" <= pair[0] <= "\udbff" and "\udc00" <= pair[1] <= "\udfff":
        joined = 0x10000 + ((ord(pair[0]) - 0xD800) << 10) + (ord(pair[1]) - 0xDC00)
        instead = messages.NOT_VALID_TEXT_INSTEAD.format(escape=f"\\U{joined:08X}")
    return messages.NOT_VALID_TEXT.format(escape=escape, instead=instead)


def shown(value: Any) -> str:
    """``value`` as a message repeats it: its repr, cut short when long (a 5,000-digit number)."""
    if isinstance(value, int) and value.bit_length() > 4 * SHOWN:  # repr() of a huge one may fail
        return f"a number of {len(str(value)) if value.bit_length() < 10_000 else 'thousands of'} digits"
    text = repr(value)
    if len(text) <= SHOWN:
        return text
    length = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{text[: SHOWN - 1]}…{length}"


def shown_number(text: str) -> str:
    """Text that spells a number, as a message repeats it: unquoted, cut short past 40 digits."""
    if len(text) <= SHOWN:
        return text
    return f"{text.strip()[: SHOWN - 1]}… ({len(text.strip()):,} digits)"


def spells_number(text: str) -> bool:
    """True when ``text`` is decimal digits, perhaps with a sign and spaces around: a number, if a big one."""
    body = text.strip()
    return (body[1:] if body[:1] in ("+", "-") else body).isdecimal()


def whole_number(name: str, text: str) -> int:
    """The whole number ``text`` spells: decimal digits, perhaps a sign, perhaps spaces around.

    Refused in words, before ``int()`` sees it: text that is not one (``1_000``,
    ``²``, ``5.0``), and one of more than :data:`MAX_DIGITS` digits.
    """
    body = text.strip()
    digits = body[1:] if body[:1] in ("+", "-") else body
    if not digits.isdecimal():
        raise ValidationError(name, messages.NOT_A_WHOLE_NUMBER.format(value=shown(text)))
    significant = digits.lstrip("0") or "0"  # int() counts leading zeros against its 4,300 too
    if len(significant) > MAX_DIGITS:
        raise ValidationError(name, messages.TOO_MANY_DIGITS.format(digits=len(digits), most=MAX_DIGITS))
    return -int(significant) if body[:1] == "-" else int(significant)


def parse_date(name: str, value: Any) -> dt.date | None:
    """Parse an ISO date (``YYYY-MM-DD``) or pass a ``date`` through; empty is None.

    Dates before 1900 are refused.
    """
    if type(value) is str:
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass  # the general path below refuses it in words
        else:
            if day >= EARLIEST:
                return day
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return check_plausible(name, value.date())
    if isinstance(value, dt.date):
        return check_plausible(name, value)
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return check_plausible(name, day)
    raise ValidationError(name, f"{value!r} is not a date (use YYYY-MM-DD)")


def check_plausible(name: str, day: dt.date) -> dt.date:
    """Refuse a date before 1900: far more often a mistyped year than a real entry."""
    if day < EARLIEST:
        raise ValidationError(name, f"{day.isoformat()} is before {EARLIEST.year}; check the year")
    return day


def parse_timestamp(name: str, value: Any) -> dt.datetime | None:
    """Parse an ISO timestamp or pass a ``datetime`` through, to whole seconds, naive local time."""
    moment = value
    if type(value) is str:
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass  # the general path below refuses it in words
    if type(moment) is dt.datetime and moment.tzinfo is None and moment.year >= EARLIEST.year:
        # The usual case: naive, in range; only the fraction of a second comes off.
        return moment.replace(microsecond=0) if moment.microsecond else moment
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                name, f"{text!r} is not a date and time (use YYYY-MM-DDTHH:MM:SS)"
            ) from None
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise ValidationError(name, f"{value!r} is not a date and time")
    check_plausible(name, value.date())
    if value.tzinfo is not None:
        try:
            value = value.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):
            # Moving a moment at the very end of the calendar into local time runs off it.
            raise ValidationError(name, f"{value.isoformat()} is out of range; check the year") from None
    check_plausible(name, value.date())
    return value.replace(microsecond=0)


def check_not_future(name: str, value: dt.date | dt.datetime | None) -> None:
    """Refuse a date (or a timestamp's date) after today."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if day > today():
        raise ValidationError(name, f"{day.isoformat()} is in the future")


def check_past_date(name: str, value: Any) -> dt.date:
    """A required date that is not after today."""
    if type(value) is str and len(value) == 10:
        # A plain YYYY-MM-DD, the usual cell of an import: parse_date's own short path, one call sooner.
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass  # the general path below refuses it in words
        else:
            if EARLIEST <= day <= today():
                return day
    day = parse_date(name, value)
    if day is None:
        raise ValidationError(name, "is required")
    if day > today():
        check_not_future(name, day)  # says so
    return day


def check_optional_past_date(name: str, value: Any) -> dt.date | None:
    """An optional date that is not after today."""
    day = parse_date(name, value)
    check_not_future(name, day)
    return day


def check_order(name: str, value: dt.date | None, earlier_name: str, earlier: dt.date) -> None:
    """Refuse ``value`` when it lies before ``earlier`` (described as ``earlier_name``)."""
    if value is not None and value < earlier:
        raise ValidationError(name, f"{value.isoformat()} is before {earlier_name} ({earlier.isoformat()})")


def check_past_timestamp(name: str, value: Any) -> dt.datetime:
    """A required timestamp whose date is not after today."""
    # A plain moment (a form's or a Daylio row's datetime, or an import's YYYY-MM-DDTHH:MM:SS):
    # parse_timestamp's own short path, one call sooner.  Anything else takes the general path.
    plain: dt.datetime | None = None
    if type(value) is dt.datetime:
        plain = value
    elif type(value) is str and len(value) == 19:
        try:
            plain = dt.datetime.fromisoformat(value)
        except ValueError:
            pass  # the general path below refuses it in words
    if (
        plain is not None
        and plain.tzinfo is None
        and not plain.microsecond
        and plain.year >= EARLIEST.year
        and plain.date() <= today()
    ):
        return plain
    moment = parse_timestamp(name, value)
    if moment is None:
        raise ValidationError(name, "is required")
    if moment.date() > today():
        check_not_future(name, moment)  # says so
    return moment


def check_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Return ``value`` when it is one of ``choices``; otherwise say which are allowed."""
    if type(value) is str and type(choices) is tuple and value in choices:
        return value  # already one of them, exactly as stored
    choices = tuple(choices)
    text = value.strip().lower() if isinstance(value, str) else value
    if text not in choices:
        raise ValidationError(name, f"{value!r} is not one of {', '.join(choices)}")
    return text


def check_scale(name: str, value: Any, low: int, high: int, *, required: bool = True) -> int | None:
    """Return ``value`` as a whole number from ``low`` to ``high``."""
    if type(value) is str and len(value) <= MAX_DIGITS and value.isdigit() and value.isascii():
        value = int(value)  # plain digits: the usual cell of an import
    if type(value) is int and low <= value <= high:
        return value
    if value is None or value == "":
        if required:
            raise ValidationError(name, "is required")
        return None
    if isinstance(value, bool):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if isinstance(value, str):
        value = whole_number(name, value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(name, f"must be a whole number from {low} to {high}")
        value = int(value)
    if not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be between {low} and {high}, not {shown(value)}")
    return value


def check_words(name: str, value: Any) -> tuple[str, ...]:
    """Return a clean tuple of short words or phrases, without blanks or repeats."""
    if type(value) is str and LIST_SEPARATOR not in value and _plain_text(value):
        # One word or none, the usual cell of an import: what _plain_words does, one call sooner.
        word = value.strip()
        if len(word) <= MAX_WORD:
            return (word,) if word else ()
    elif value is None or (type(value) is tuple and not value):
        return ()
    # A list is remembered as the tuple of its items, which _plain_words reads the same way.
    key = (
        value if type(value) is str or type(value) is tuple else tuple(value) if type(value) is list else None
    )
    if key is not None:
        try:
            known = _WORD_LISTS.get(key)
        except TypeError:  # a word that cannot be hashed (a list in a tuple): not one to remember
            known = key = None
        if known is not None:
            return known
    if value == "":
        return ()
    quick = _plain_words(value)
    if quick is not None:
        if key is not None:
            if len(_WORD_LISTS) >= _REMEMBERED:
                _WORD_LISTS.clear()
            _WORD_LISTS[key] = quick
        return quick
    if isinstance(value, str):
        value = value.split(LIST_SEPARATOR)
    if not isinstance(value, Iterable):
        raise ValidationError(name, "must be a list of words")
    words: list[str] = []
    for item in value:
        word = check_text(name, item, limit=MAX_WORD)
        if LIST_SEPARATOR in word:
            raise ValidationError(name, f"{word!r} contains {LIST_SEPARATOR!r}, which separates words")
        if word and word not in words:
            words.append(word)
    return tuple(words)


#: What :func:`_plain_words` gave for each ``;``-joined text or tuple seen: a journal repeats a few
#: hundred lists of emotions, activities and themes.  Only lists that passed are kept.
_WORD_LISTS: dict[str | tuple[Any, ...], tuple[str, ...]] = {}
_REMEMBERED = 10_000


def _plain_words(value: Any) -> tuple[str, ...] | None:
    """:func:`check_words` of ``;``-joined text or a list or tuple of text, when every word passes.

    None when any word needs a closer look (not text, a NUL, too long, holding
    ``;``): then the general path finds it and names the reason.
    """
    kind = type(value)
    if kind is str:
        if not _plain_text(value):
            return None
        if LIST_SEPARATOR not in value:  # one word, or none
            word = value.strip()
            return None if len(word) > MAX_WORD else (word,) if word else ()
        items: Iterable[Any] = value.split(LIST_SEPARATOR)
    elif kind is tuple or kind is list:
        items = value
    else:
        return None
    words: list[str] = []
    for item in items:
        if type(item) is not str or not _plain_text(item):
            return None
        word = item.strip()
        if len(word) > MAX_WORD or LIST_SEPARATOR in word:
            return None
        if word and word not in words:
            words.append(word)
    return tuple(words)


def _plain_text(value: str) -> bool:
    """True when ``value`` holds no NUL and no lone surrogate: nothing :func:`check_text` refuses but length."""
    if "\x00" in value:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")  # fails on a lone surrogate only; faster than searching for one
    except UnicodeEncodeError:
        return False
    return True


def check_optional_id(name: str, value: Any) -> int | None:
    """Return a positive record id, or None."""
    if value is None or value == "":
        return None
    return check_id(name, value)


def check_id(name: str, value: Any) -> int:
    """Return a positive record id."""
    if type(value) is str and len(value) <= MAX_DIGITS and value.isdigit() and value.isascii():
        number = int(value)  # plain digits: the usual cell of an import
        if 0 < number <= MAX_ID:
            return number
    elif type(value) is int and 0 < value <= MAX_ID:
        return value
    try:
        number = whole_number(name, value) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, ValidationError):  # ValidationError: text that spells none
        raise ValidationError(name, f"{shown(value)} is not a record id") from None
    except OverflowError:  # int(float("inf"))
        raise ValidationError(name, f"{shown(value)} is not a record id") from None
    if number < 1 or isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValidationError(name, f"{shown(value)} is not a record id")
    if number > MAX_ID:
        raise ValidationError(name, f"{shown(number)} is larger than any record id")
    return number


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` as True or False (accepting true/false, yes/no, 1/0 as text)."""
    if type(value) is str and value == "false":
        return False  # as written by an export; the general path below says the same
    if type(value) is str and value == "true":
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "yes", "no"):
        return value.strip().lower() in ("true", "1", "yes")
    raise ValidationError(name, f"{value!r} is not true or false")
