"""Your strengths: per feedback theme, how often employers praised it beside how often they asked for more."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from workbook.charts.canvas import (
    FEEDBACK,
    FONT_SIZE,
    GRID,
    INK,
    TITLE_Y,
    empty,
    label,
    label_inches,
    new_figure,
)
from workbook.strengths import theme_balance
from workbook.themes import Theme

NO_THEMES = "No feedback with themes logged yet.\nWhat employers praise and ask for will gather here."
#: Praise: a strength.  Bluish green, beside the orange of feedback that asks for more.
PRAISE = "#009E73"
#: At most this many themes are drawn, the most mentioned; a note says how many more there are.
MOST_THEMES = 12


def strengths_chart(feedback: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None) -> Figure:
    """One row per theme: a bar of items praising it beside a bar of items asking for more of it."""
    balance = theme_balance(feedback, vocabulary)
    shown = balance.head(MOST_THEMES)
    height = float(np.clip(1.5 + 0.42 * len(shown), 3.2, 7))
    figure, axes = new_figure(8, height, left=0.4 + 1.1 * label_inches(shown["label"]), top=0.85)
    label(axes, "What employers praise, and what they ask for", "Feedback items", "")
    if balance.empty:
        return empty(figure, axes, NO_THEMES)
    paired_bars(axes, list(shown["label"]), shown["praised"], shown["asked"], ("praised", "asked for more"))
    if len(balance) > MOST_THEMES:
        note = f"The {MOST_THEMES} themes heard most; {len(balance) - MOST_THEMES} more not shown."
        axes.text(
            1, -0.12, note, transform=axes.transAxes, ha="right", va="top", fontsize=FONT_SIZE - 1, color=INK
        )
    return figure


def paired_bars(
    axes: Axes,
    labels: list[str],
    first: pd.Series,
    second: pd.Series,
    names: tuple[str, str],
    colours: tuple[str, str] = (PRAISE, FEEDBACK),
) -> None:
    """Two bars per row (``first`` above ``second``), the first row at the top, each bar with its count.

    A row with only one of the two has its bar centred on the row's name.
    """
    rows = np.arange(len(labels))[::-1]
    height = 0.38
    both = (first.to_numpy() > 0) & (second.to_numpy() > 0)
    for values, offset, name, colour in (
        (first, np.where(both, height / 2, 0), names[0], colours[0]),
        (second, np.where(both, -height / 2, 0), names[1], colours[1]),
    ):
        bars = axes.barh(rows + offset, values.to_numpy(), height=height, color=colour, label=name)
        axes.bar_label(
            bars, labels=[f"{v:g}" if v else "" for v in values], padding=3, fontsize=FONT_SIZE - 1
        )
    axes.set_yticks(rows, labels)
    axes.set_ylim(-0.6, len(labels) - 0.4)
    axes.grid(True, axis="x", color=GRID)
    axes.grid(False, axis="y")
    axes.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    high = float(max(first.max(), second.max(), 1))
    axes.set_xlim(0, high * 1.12)
    legend_under_title(axes)


def legend_under_title(axes: Axes, **options: Any) -> None:
    """A one-row legend between the title and the plot, so neither hides the other (the title moves up)."""
    axes.legend(
        frameon=False,
        fontsize=FONT_SIZE - 1,
        loc="lower left",
        bbox_to_anchor=(0, 1),
        borderaxespad=0.3,
        ncols=4,
        **options,
    )
    axes.set_title(axes.get_title(loc="left"), y=TITLE_Y, loc="left", fontsize=FONT_SIZE + 3, pad=26)
