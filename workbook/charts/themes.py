"""Feedback-theme charts: how often each theme comes up, over time, and by stage reached.

Themes are those stored on each feedback item: the person's own where they
confirmed them, the classifier's suggestion otherwise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from workbook.charts.canvas import SEQUENTIAL, colour, empty, label, new_figure
from workbook.records import STAGES
from workbook.themes import feedback_themes, theme_counts, themes_by_month

NO_FEEDBACK = "No feedback with themes logged yet.\nWhat employers tell you will gather here."


def theme_frequency_chart(feedback: pd.DataFrame) -> Figure:
    """Feedback items per theme as horizontal bars, the most frequent at the top."""
    figure, axes = new_figure()
    label(axes, "What feedback keeps coming back", "Feedback items", "Theme")
    counts = theme_counts(feedback)
    if counts.empty:
        return empty(figure, axes, NO_FEEDBACK)
    counts = counts.iloc[::-1]
    bars = axes.barh(counts["label"], counts["items"], color=colour(0))
    axes.bar_label(bars, padding=3)
    axes.grid(True, axis="x", color="#DDDDDD")
    axes.grid(False, axis="y")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def themes_over_time_chart(feedback: pd.DataFrame, applications: pd.DataFrame) -> Figure:
    """A month x theme grid: how many feedback items raised each theme in each month.

    The month is the application's outcome date (else its application date).
    """
    figure, axes = new_figure(9, 5)
    label(axes, "Feedback themes over time", "Month", "Theme")
    rows = feedback_themes(feedback, applications)
    if rows.empty:
        return empty(figure, axes, NO_FEEDBACK)
    grid = themes_by_month(feedback, applications)
    axes.grid(False)
    image = axes.imshow(grid.to_numpy(), cmap=SEQUENTIAL, aspect="auto", vmin=0)
    axes.set_xticks(
        range(grid.shape[1]), [m.strftime("%b %Y") for m in grid.columns], rotation=45, ha="right"
    )
    axes.set_yticks(range(grid.shape[0]), list(grid.index))
    high = grid.to_numpy().max()
    for (row, col), value in np.ndenumerate(grid.to_numpy()):
        if value:
            axes.text(
                col, row, str(value), ha="center", va="center", color="black" if value > high / 2 else "white"
            )
    figure.colorbar(image, ax=axes, label="Feedback items")
    return figure


def themes_by_stage_chart(feedback: pd.DataFrame, applications: pd.DataFrame) -> Figure:
    """For each theme, the feedback items split by how far the application got (stacked bars)."""
    figure, axes = new_figure()
    label(axes, "Feedback themes by stage reached", "Feedback items", "Theme")
    rows = feedback_themes(feedback, applications)
    if rows.empty:
        return empty(figure, axes, NO_FEEDBACK)
    table = pd.crosstab(rows["label"], rows["stage"].astype(str)).reindex(columns=list(STAGES), fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(kind="stable").index]
    left = np.zeros(len(table))
    for number, stage in enumerate(STAGES):
        values = table[stage].to_numpy()
        axes.barh(table.index, values, left=left, label=f"reached {stage}", color=colour(number))
        left = left + values
    axes.grid(True, axis="x", color="#DDDDDD")
    axes.grid(False, axis="y")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(title="Stage reached", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return figure
