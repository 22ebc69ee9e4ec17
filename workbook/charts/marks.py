"""Rejections marked on a time axis: one collection of dashed lines, and names only where they fit.

Drawing 590 separate lines and rotated names costs seconds and ends in a
smudge, so the lines are one :class:`~matplotlib.collections.LineCollection`
and names are placed in two rows above the plot, newest first, each only if
its measured width leaves room beside the names already placed.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from workbook.charts.canvas import FONT_SIZE, INK, REJECTION, counted

#: Where the rows of names sit, in mood units above the top of the scale (10).
ROWS = (11.05, 11.75)
NAME_SIZE = FONT_SIZE - 1
LONGEST_NAME = 16
#: Above this many rejections, each is a short tick along the top rather than a line across the chart.
MOST_LINES = 60
#: Pixels kept clear between two names in a row.
GAP = 6


def mark_rejections(figure: Figure, axes: Axes, dates: pd.Series, names: pd.Series) -> list[int]:
    """Mark each rejection date with a dashed line and name those that fit; return the named positions."""
    if dates.empty:
        return []
    if len(dates) <= MOST_LINES:
        axes.vlines(
            dates.to_numpy(), 0.5, 10.5, colors=REJECTION, linestyles="--", linewidth=0.9, label="rejection"
        )
    else:
        # Hundreds of full-height lines would hide the mood itself: a rug along the top instead.
        axes.vlines(dates.to_numpy(), 10.45, 10.95, colors=REJECTION, linewidth=0.8, label="rejection")
    placed = _fit_names(figure, axes, dates, names)
    days, words = list(dates), list(names)  # by position: no pandas indexing per name
    for position, row, align in placed:
        axes.text(
            days[position],
            ROWS[row],
            _short(words[position]),
            fontsize=NAME_SIZE,
            color=REJECTION,
            ha=align,
            va="bottom",
            clip_on=False,
        )
    if len(placed) < len(dates):
        note = f"Named where they fit: {len(placed)} of {counted(len(dates), 'rejection')}"
        axes.text(
            1, 1.01, note, transform=axes.transAxes, ha="right", va="bottom", fontsize=NAME_SIZE, color=INK
        )
    return sorted(position for position, _, _ in placed)


def _fit_names(figure: Figure, axes: Axes, dates: pd.Series, names: pd.Series) -> list[tuple[int, int, str]]:
    """(position, row, alignment) of each name that fits, newest first.

    A name starts at its line (or ends there, near the right edge) and never
    overlaps another name or leaves the axes.
    """
    measure = RendererAgg(1, 1, figure.dpi)
    font = FontProperties(size=NAME_SIZE)
    xs = axes.transData.transform(
        np.column_stack([mdates.date2num(dates.to_numpy()), np.full(len(dates), ROWS[0])])
    )[:, 0]
    left_edge, right_edge = axes.transAxes.transform([(0, 0), (1, 0)])[:, 0]
    taken: list[list[tuple[float, float]]] = [[] for _ in ROWS]
    guess = _CharWidths(measure, font)
    placed = []
    shortened = [_short(name) for name in names]
    for position in np.argsort(xs, kind="stable")[::-1]:
        name = shortened[position]
        # Measuring a text exactly is slow; a sum of letter widths rules out most names first.
        if _free_spot(taken, xs[position], guess(name) * 0.9, left_edge, right_edge) is None:
            continue
        width = measure.get_text_width_height_descent(name, font, ismath=False)[0]
        spot = _free_spot(taken, xs[position], width, left_edge, right_edge)
        if spot is not None:
            row, align, span = spot
            taken[row].append(span)
            placed.append((int(position), row, align))
    return placed


def _free_spot(
    taken: list[list[tuple[float, float]]], x: float, width: float, left_edge: float, right_edge: float
) -> tuple[int, str, tuple[float, float]] | None:
    for row, spans in enumerate(taken):
        for align, span in (("left", (x, x + width)), ("right", (x - width, x))):
            if span[0] < left_edge or span[1] > right_edge:
                continue
            if all(span[1] + GAP <= start or span[0] >= end + GAP for start, end in spans):
                return row, align, span
    return None


class _CharWidths:
    """Width of a text guessed as the sum of its letters' widths, each measured once."""

    def __init__(self, measure: RendererAgg, font: FontProperties) -> None:
        self._measure, self._font, self._widths = measure, font, {}

    def __call__(self, text: str) -> float:
        for char in set(text) - self._widths.keys():
            self._widths[char] = self._measure.get_text_width_height_descent(char, self._font, ismath=False)[
                0
            ]
        return sum(self._widths[char] for char in text)


def _short(name: str) -> str:
    return name if len(name) <= LONGEST_NAME else name[: LONGEST_NAME - 1] + "…"
