"""A long list cut to its first few rows, with a line about the rest and a Show all / Show fewer button.

After months of use a list of follow-ups or actions can run to dozens of rows;
:class:`Shortened` keeps the first few on the page and the rest one click away.
The list's own widget decides the order and the words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as w

from workbook.widgets.form import button, escaped, shared

Rows = TypeVar("Rows")


class Shortened:
    """Which rows of a list to show (the first ``shown``, or all), and the line under them about the rest."""

    def __init__(self, shown: int, redraw: Callable[[], None]) -> None:
        self.shown = shown
        self.showing_all = False
        self.more = w.HTML()
        self.toggle = button("", self.show_all_or_fewer)
        self.line = shared(w.Layout, align_items="center")
        self._redraw = redraw

    def cut(self, rows: Rows) -> Rows:
        """``rows`` (a list or a DataFrame), or only the first few of them."""
        return rows if self.showing_all else rows[: self.shown]  # type: ignore[index]

    def footer(self, total: int, more: str, show_all: str, show_fewer: str) -> list[Any]:
        """The line under a list of ``total`` rows (``more`` about the hidden ones) and its button; none when all fit."""
        if total <= self.shown:
            return []
        self.more.value = escaped(more)
        self.toggle.description = show_fewer if self.showing_all else show_all
        # Centred, so the words sit level with the button beside them.
        return [w.HBox([self.more, self.toggle], layout=self.line)]

    def show_all_or_fewer(self) -> None:
        """List every row, or only the first few again."""
        self.showing_all = not self.showing_all
        self._redraw()
