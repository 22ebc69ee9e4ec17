"""How record fields are kept in SQLite columns, and read back as values or DataFrame columns.

Dates and timestamps are ISO text, word lists JSON arrays, booleans 0/1.
Reading back never refuses a stored value: one that cannot be parsed is
returned as stored, and a date pandas cannot hold becomes NaT.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
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
    fields = record.__dict__
    return [
        value if convert is None or value is None else convert(value)
        for name, convert in _converters(type(record))
        for value in [fields[name]]
    ]


def _words(value: Any) -> str:
    # Exactly json.dumps(list(value), ensure_ascii=False) for a list of text, which every
    # stored word list is; encoding each word directly skips building an encoder per call.
    try:
        return "[" + ", ".join(map(encode_basestring, value)) + "]"
    except TypeError:  # a word that is not text (only ever in a row read back as stored)
        return json.dumps(list(value), ensure_ascii=False)


def _timestamp(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _date(value: dt.date) -> str:
    return value.isoformat()


_CONVERT: dict[str, Callable[[Any], Any] | None] = {
    "words": _words,
    "timestamp": _timestamp,
    "date": _date,
    "bool": int,
}


@functools.cache
def _converters(kind: type[Record]) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each stored field with the function that turns it into its SQLite value (to_sql's, per kind)."""
    return tuple((name, _CONVERT.get(k)) for name, k in kind.kinds().items())


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
        return pd.Series([json.loads(v) for v in column], dtype=object)
    if kind == "bool":
        return column.astype(bool)
    if kind == "float":
        return column.astype("float64")
    if kind == "int":
        optional = name != "id" and record.__dataclass_fields__[name].default is None
        return column.astype("Int64" if optional else "int64")
    return column.astype("str")
