"""Feedback-theme charts: how often each theme comes up, over time, and by stage reached.

Themes are those stored on each feedback item: the person's own where they
confirmed them, the classifier's suggestion otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from workbook.charts.canvas import (
    COUNT_MAP,
    FEEDBACK,
    FONT_SIZE,
    GRID,
    MARGINS,
    empty,
    label,
    label_inches,
    new_figure,
    stage_colour,
)
from workbook.messages import STAGE_LABELS, month_text
from workbook.records import STAGES
from workbook.themes import Theme, feedback_themes, theme_counts, themes_by_month

NO_FEEDBACK = "No feedback with themes logged yet.\nWhat employers tell you will gather here."
#: Above this many months the grid counts per quarter, above this many quarters per year.
MOST_MONTHS = 36
MOST_QUARTERS = 24
#: Cells are numbered only while the grid is at most this many columns wide.
NUMBERED_COLUMNS = 24
QUIET = "#F4F4F4"


def theme_frequency_chart(feedback: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None) -> Figure:
    """Feedback items per theme as horizontal bars, the most frequent at the top."""
    counts = theme_counts(feedback, vocabulary)
    figure, axes = new_figure(left=0.6 + label_inches(counts["label"]))
    label(axes, "What feedback keeps coming back", "Feedback items", "Theme")
    if counts.empty:
        return empty(figure, axes, NO_FEEDBACK)
    counts = counts.iloc[::-1]
    bars = axes.barh(counts["label"], counts["items"], color=FEEDBACK)
    axes.bar_label(bars, padding=3)
    axes.grid(True, axis="x", color=GRID)
    axes.grid(False, axis="y")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def themes_over_time_chart(
    feedback: pd.DataFrame, applications: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None
) -> Figure:
    """A period x theme grid: how many feedback items raised each theme in each month.

    The month is the application's outcome date (else its application date).
    Long spans are counted per quarter or per year, so each cell stays readable;
    empty cells are left a quiet grey and the colour scale steps by whole items.
    """
    grid = themes_by_month(feedback, applications, vocabulary) if not feedback.empty else pd.DataFrame()
    left = 0.6 + label_inches(list(grid.index))
    grid, period, names = _coarsen(grid) if not grid.empty else (grid, "month", [])
    # Few columns make a narrow grid, not a few stretched stripes.
    # Cells carry their counts while they fit; past that, a colour scale beside the grid says them.
    numbered = len(names) <= NUMBERED_COLUMNS
    width = float(np.clip(left + 0.6 * len(names) + (0.5 if numbered else 1.3), 5.2, 9))
    every = max(1, int(np.ceil(len(names) / 12)))
    tilted = period != "year" and every == 1
    # Names tilted by 45 degrees reach down by about 0.7 of their length, and the axis label sits below them.
    bottom = 0.55 + 0.71 * label_inches(names) if tilted else MARGINS["bottom"]
    figure, axes = new_figure(width, 5, left=left, right=0.3 if numbered else 0.6, bottom=bottom)
    label(axes, "Feedback themes over time", "Month", "Theme")
    if grid.empty:
        return empty(figure, axes, NO_FEEDBACK)
    axes.set_xlabel(period.capitalize(), fontsize=FONT_SIZE + 1)
    values = grid.to_numpy()
    high = max(int(values.max()), 1)
    # One flat colour per whole count; a lone count of one is mid-orange, not the darkest.
    steps = ListedColormap(COUNT_MAP(np.linspace(0.2 if high > 1 else 0.5, 1, high))).with_extremes(bad=QUIET)
    norm = BoundaryNorm(np.arange(0.5, high + 1), steps.N)
    axes.grid(False)
    image = axes.imshow(
        np.ma.masked_equal(values, 0), cmap=steps, norm=norm, aspect="auto", interpolation="nearest"
    )
    axes.set_xticks(
        range(0, len(names), every),
        names[::every],
        rotation=45 if tilted else 0,
        ha="right" if tilted else "center",
    )
    axes.set_yticks(range(grid.shape[0]), list(grid.index))
    if numbered:
        for (row, col), value in np.ndenumerate(values):
            if value:
                ink = "white" if high > 1 and value > high * 0.6 else "black"  # white only on the dark steps
                axes.text(col, row, str(value), ha="center", va="center", fontsize=FONT_SIZE - 1, color=ink)
        return figure
    colorbar = figure.colorbar(image, ax=axes, label="Feedback items", fraction=0.04, pad=0.02)
    colorbar.set_ticks(_integer_ticks(high))
    colorbar.minorticks_off()
    return figure


def _integer_ticks(high: int) -> list[int]:
    step = max(1, int(np.ceil(high / 8)))
    return list(range(1, high + 1, step))


def _coarsen(grid: pd.DataFrame) -> tuple[pd.DataFrame, str, list[str]]:
    """The grid per month, quarter or year (whichever keeps it readable), with column names."""
    months = pd.DatetimeIndex(grid.columns)
    if len(months) <= MOST_MONTHS:
        return grid, "month", [month_text(m) for m in months]
    quarters = months.to_period("Q")
    if quarters.nunique() <= MOST_QUARTERS:
        summed = grid.T.groupby(quarters).sum().T
        return summed, "quarter", [f"Q{q.quarter} {q.year}" for q in summed.columns]
    summed = grid.T.groupby(months.year).sum().T
    return summed, "year", [str(year) for year in summed.columns]


def themes_by_stage_chart(
    feedback: pd.DataFrame, applications: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None
) -> Figure:
    """For each theme, the feedback items split by how far the application got (stacked bars)."""
    rows = feedback_themes(feedback, applications, vocabulary)
    figure, axes = new_figure(left=0.6 + label_inches(rows["label"].unique()), right=1.7)
    label(axes, "Feedback themes by stage reached", "Feedback items", "Theme")
    if rows.empty:
        return empty(figure, axes, NO_FEEDBACK)
    table = pd.crosstab(rows["label"], rows["stage"].astype(str)).reindex(columns=list(STAGES), fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(kind="stable").index]
    left = np.zeros(len(table))
    for number, stage in enumerate(STAGES):
        values = table[stage].to_numpy()
        axes.barh(table.index, values, left=left, label=STAGE_LABELS[stage], color=stage_colour(number))
        left = left + values
    axes.grid(True, axis="x", color=GRID)
    axes.grid(False, axis="y")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(title="Stage reached", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return figure
