"""The widgets' own words: field labels, buttons, show-back lists and their errors, read from the template.

The template's ``widgets`` section is a mapping of short keys to texts
(``support.who: Who I talked to``); a coach's template may set any of them,
and every key it leaves out keeps the built-in text.  Dates a person reads are
written the same way everywhere: :meth:`Labels.day` ("3 Oct 2026") and
:meth:`Labels.moment` ("3 Oct 2026, 14:02").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from workbook.messages import date_text


class Labels:
    """Texts by dotted key (``labels["support.who"]``), with ``{name}`` filled in by :meth:`fill`."""

    def __init__(self, texts: Mapping[str, str], defaults: Mapping[str, str] | None = None) -> None:
        self._texts = MappingProxyType({**(defaults or {}), **texts})

    @classmethod
    def merged(
        cls, own: Mapping[str, str], builtin: Labels | None, unknown: Callable[[str], Exception]
    ) -> Labels:
        """``own`` texts over ``builtin`` ones; ``unknown(key)`` is raised for a key the widgets do not use."""
        if builtin is None:
            return cls(own)
        for key in own:
            if key not in builtin:
                raise unknown(key)
        return cls(own, builtin._texts)

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Labels):
            return NotImplemented
        return dict(self._texts) == dict(other._texts)

    __hash__ = None  # type: ignore[assignment]  # equal by their texts, which can differ: not hashable

    def __repr__(self) -> str:
        return f"Labels({len(self._texts)} texts)"

    def __contains__(self, key: object) -> bool:
        return key in self._texts

    def keys(self) -> list[str]:
        """Every key there is a text for."""
        return list(self._texts)

    def fill(self, key: str, **values: Any) -> str:
        """The text of ``key`` with each ``{name}`` replaced by ``values[name]``."""
        text = self._texts[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def day(self, day: dt.date | None) -> str:
        """A date as a person reads it: "3 Oct 2026" ("" for none)."""
        return "" if day is None else date_text(day)

    def moment(self, at: dt.datetime | None) -> str:
        """A date and time as a person reads it: "3 Oct 2026, 14:02" ("" for none)."""
        if at is None:
            return ""
        return f"{self.day(at.date())}, {at:%H:%M}"


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": "x"}}`` as ``{"a.b": "x"}``: the template's nested ``widgets`` section as keys."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat
