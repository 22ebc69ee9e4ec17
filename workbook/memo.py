"""Answers kept: a pure function of journal frames that answers again, from a copy, when the same frames come back.

A notebook's summary and its chart ask for the same result moments apart;
:func:`remembered` lets the second ask cost a comparison instead of the work.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

#: How many recent answers a :func:`remembered` function keeps.
REMEMBERED = 4
F = TypeVar("F", bound=Callable[..., Any])


def remembered(function: F) -> F:
    """``function`` (of frames and plain values) answering again when the same inputs come back.

    A notebook's summary and its chart ask for the same result moments apart,
    each with fresh copies of the same journal frames.  Inputs are the same
    when every frame :meth:`~pandas.DataFrame.equals` the one given before
    (values, dtypes, index and column names) and every other argument is
    equal; then a copy of the kept answer is handed out, so no caller can
    change it for another.  The inputs are kept as copies for the same reason.
    """
    kept: list[tuple[tuple[Any, ...], dict[str, Any], Any]] = []

    @functools.wraps(function)
    def answer(*args: Any, **kwargs: Any) -> Any:
        for before, named, result in kept:
            if (
                _all_same(before, args)
                and named.keys() == kwargs.keys()
                and _all_same(tuple(named.values()), tuple(kwargs[name] for name in named))
            ):
                return _copied(result)
        result = function(*args, **kwargs)
        copies = {name: _copied(value) for name, value in kwargs.items()}
        kept.insert(0, (tuple(_copied(arg) for arg in args), copies, result))
        del kept[REMEMBERED:]
        return _copied(result)

    return answer  # type: ignore[return-value]


def _all_same(kept: tuple[Any, ...], given: tuple[Any, ...]) -> bool:
    return len(kept) == len(given) and all(map(_same, kept, given))


def _same(kept: Any, given: Any) -> bool:
    if isinstance(kept, pd.DataFrame | pd.Series) or isinstance(given, pd.DataFrame | pd.Series):
        return type(kept) is type(given) and kept.equals(given)
    return type(kept) is type(given) and bool(kept == given)


def _copied(value: Any) -> Any:
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_copied(item) for item in value)
    if isinstance(value, dict):
        return dict(value)
    return value
