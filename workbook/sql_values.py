"""How record fields are kept in SQLite columns, and read back as values or DataFrame columns.

Dates and timestamps are ISO text, word lists JSON arrays, booleans 0/1.
Reading back never refuses a stored value: one that cannot be parsed is
returned as stored, and a date pandas cannot hold becomes NaT.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from workbook.records import CATEGORIES, Record

if TYPE_CHECKING:
    import pandas as pd


def to_sql(kind: str, value: Any) -> Any:
    """``value`` of field kind ``kind`` as SQLite stores it."""
    if value is None:
        return None
    convert = _CONVERT.get(kind)
    return value if convert is None else convert(value)


def from_sql(kind: str, value: Any) -> Any:
    """A stored value of field kind ``kind`` as Python has it, trusted as stored."""
    if value is None:
        return None
    if kind == "words":
        return tuple(json.loads(value))
    if kind == "bool":
        return bool(value)
    if kind in ("date", "timestamp") and isinstance(value, str):
        parse = dt.date.fromisoformat if kind == "date" else dt.datetime.fromisoformat
        try:
            return parse(value)
        except ValueError:
            return value  # a stored row is shown as it is, never refused
    return value


def to_row(record: Record) -> dict[str, Any]:
    """The record's stored fields as SQLite values, by column name."""
    return dict(zip(record.columns(), to_values(record)))


def to_values(record: Record) -> list[Any]:
    """The record's stored fields as SQLite values, in the order of its columns (``id`` first)."""
    kind = type(record)
    pick, converted = _CONVERTERS.get(kind) or _converters(kind)
    values = list(pick(record.__dict__))
    for position, convert in converted:
        value = values[position]
        if value is not None:
            values[position] = convert(value)
    return values


def to_value_rows(records: Sequence[Record]) -> list[list[Any]]:
    """:func:`to_values` of each of ``records``, all of one type, converted column by column."""
    if not records:
        return []
    kind = type(records[0])
    pick, converted = _CONVERTERS.get(kind) or _converters(kind)
    rows = [list(pick(record.__dict__)) for record in records]
    for position, convert in converted:
        for row in rows:
            value = row[position]
            if value is not None:
                row[position] = convert(value)
    return rows


def _words(value: Any) -> str:
    # Exactly json.dumps(list(value), ensure_ascii=False) for a list of text, which every
    # stored word list is; encoding each word directly skips building an encoder per call.
    if not value:
        return "[]"
    try:
        text = _WORD_TEXTS.get(value)
        if text is not None:
            return text
        if len(value) == 1:
            text = "[" + encode_basestring(value[0]) + "]"
        else:
            text = "[" + ", ".join(map(encode_basestring, value)) + "]"
    except TypeError:  # a word that is not text (only ever in a row read back as stored)
        return json.dumps(list(value), ensure_ascii=False)
    if type(value) is tuple:  # every word is text, or encoding it would have failed
        if len(_WORD_TEXTS) >= _REMEMBERED:
            _WORD_TEXTS.clear()
        _WORD_TEXTS[value] = text
    return text


#: ISO texts of dates and times of day already written: a journal repeats them (several moods
#: a day, an application's dates again in its stage history), and ``isoformat`` costs several
#: times the lookup.  Each is emptied when it reaches :data:`_REMEMBERED` entries.
_DATE_TEXTS: dict[dt.date, str] = {}
#: JSON texts of word lists already written: a journal repeats a few hundred (emotions, themes, scores).
_WORD_TEXTS: dict[tuple[str, ...], str] = {}
_CLOCK_TEXTS: dict[dt.time, str] = {}
_REMEMBERED = 10_000


def _date(value: Any) -> str:
    """``value.isoformat()``."""
    if type(value) is not dt.date:
        return value.isoformat()
    text = _DATE_TEXTS.get(value)
    if text is None:
        if len(_DATE_TEXTS) >= _REMEMBERED:
            _DATE_TEXTS.clear()
        text = _DATE_TEXTS[value] = value.isoformat()
    return text


def _timestamp(value: Any) -> str:
    """``value.isoformat(timespec="seconds")``."""
    if type(value) is not dt.datetime or value.tzinfo is not None:
        return value.isoformat(timespec="seconds")
    clock = value.time()
    text = _CLOCK_TEXTS.get(clock)
    if text is None:
        if len(_CLOCK_TEXTS) >= _REMEMBERED:
            _CLOCK_TEXTS.clear()
        text = _CLOCK_TEXTS[clock] = clock.isoformat(timespec="seconds")
    return _date(value.date()) + "T" + text


_CONVERT: dict[str, Callable[[Any], Any] | None] = {
    "words": _words,
    "timestamp": _timestamp,
    "date": _date,
    "bool": int,
}

#: What picks a record type's stored fields out of a record's ``__dict__`` (a tuple, in column
#: order), and the position of each field that needs converting, with its function.
_Plan = tuple[Callable[[dict[str, Any]], tuple[Any, ...]], tuple[tuple[int, Callable[[Any], Any]], ...]]
# A plain dict, not functools.cache: it is looked up for every record stored.
_CONVERTERS: dict[type[Record], _Plan] = {}


def _converters(kind: type[Record]) -> _Plan:
    kinds = kind.kinds()
    names = tuple(kinds)
    pick = operator.itemgetter(*names) if len(names) > 1 else lambda fields: (fields[names[0]],)
    converted = tuple(
        (position, convert)
        for position, k in enumerate(kinds.values())
        if (convert := _CONVERT.get(k)) is not None
    )
    _CONVERTERS[kind] = (pick, converted)
    return pick, converted


def series(name: str, kind: str, column: pd.Series, record: type[Record]) -> pd.Series:
    """A stored column as a typed DataFrame column: categories, datetimes, lists, numbers or text."""
    import pandas as pd

    if name in CATEGORIES:
        return pd.Categorical(column, categories=list(CATEGORIES[name]))
    if kind in ("date", "timestamp"):
        # A stored date pandas cannot hold (before 1677, say) becomes NaT instead of breaking every reader.
        moments = pd.to_datetime(column, format="ISO8601", errors="coerce")
        moments = moments.where((moments >= pd.Timestamp.min) & (moments <= pd.Timestamp.max))
        return moments.astype("datetime64[ns]")
    if kind == "words":
        return pd.Series(_word_lists(column), dtype=object)
    if kind == "bool":
        return column.astype(bool)
    if kind == "float":
        return column.astype("float64")
    if kind == "int":
        optional = name != "id" and record.__dataclass_fields__[name].default is None
        return column.astype("Int64" if optional else "int64")
    return column.astype("str")


def _word_lists(column: Iterable[str]) -> list[list[str]]:
    """Each stored JSON list as a list of its own; a journal repeats a few hundred lists, each decoded once."""
    decoded: dict[str, list[str]] = {}
    lists = []
    for text in column:
        words = decoded.get(text)
        if words is None:
            words = decoded[text] = json.loads(text)
        lists.append(words.copy())
    return lists
