"""Your view beside the employers': self-ratings over time per dimension, and what employers said of each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from workbook.charts.canvas import (
    FEEDBACK,
    FONT_SIZE,
    GRID,
    PALETTE,
    TITLE_Y,
    date_axis,
    empty,
    label,
    label_inches,
)
from workbook.charts.strengths import PRAISE, paired_bars
from workbook.self_review import Dimension, comparison, ratings, ratings_by_period
from workbook.themes import Theme

NO_REVIEWS = "No self-reviews yet.\nAfter an interview, rate your own answers\nand they will show here."
NO_THEMED = "None of your dimensions has\nfeedback themes to compare with yet."
#: A dimension's colour, the same in both panels (Okabe & Ito, without the yellow that fades on white).
DIMENSION_COLOURS = tuple(colour for colour in PALETTE if colour != "#F0E442")


def side_by_side(
    width: float,
    height: float,
    split: float,
    *,
    left: float = 0.8,
    middle: float = 0.8,
    right: float = 0.3,
    bottom: float = 0.75,
) -> tuple[Figure, Axes, Axes]:
    """A figure with two axes side by side; ``split`` is the left one's share of the plotting width.

    Margins are inches, as in :func:`workbook.charts.canvas.new_figure` (no constrained layout).
    """
    figure = Figure(figsize=(width, height), dpi=100)
    top, bottom = 0.85 / height, bottom / height
    usable = width - left - middle - right
    first = figure.add_axes((left / width, bottom, usable * split / width, 1 - top - bottom))
    second_left = (left + usable * split + middle) / width
    second = figure.add_axes((second_left, bottom, usable * (1 - split) / width, 1 - top - bottom))
    for axes in (first, second):
        axes.tick_params(labelsize=FONT_SIZE)
        axes.grid(True, axis="y", color=GRID, linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    return figure, first, second


def self_review_chart(
    self_reviews: pd.DataFrame,
    feedback: pd.DataFrame,
    dimensions: Iterable[Dimension] = (),
    vocabulary: Mapping[str, Theme] | None = None,
) -> Figure:
    """Left: each dimension's self-rating over time (1–5).  Right: how many employers praised or flagged it."""
    rated = ratings(self_reviews)
    table = comparison(self_reviews, feedback, dimensions, vocabulary, rated)
    names = [
        f"{row.label} (you: {row.rating:.1f})" if row.reviews else row.label for row in table.itertuples()
    ]
    middle = 0.9 + label_inches(names)
    figure, over_time, said = side_by_side(11, 5.2, 0.5, middle=middle, bottom=1.25)
    label(over_time, "Your own ratings over time", "Interview date", "Your rating (1–5)")
    over_time.set_title(
        over_time.get_title(loc="left"), loc="left", y=TITLE_Y, fontsize=FONT_SIZE + 3, pad=26
    )
    said.set_title("What employers said of it", fontsize=FONT_SIZE + 3, loc="left", y=TITLE_Y, pad=26)
    said.set_xlabel("Employers", fontsize=FONT_SIZE + 1)
    if rated.empty:
        empty(figure, said, "")
        return empty(figure, over_time, NO_REVIEWS)
    colours = {
        row.dimension: DIMENSION_COLOURS[n % len(DIMENSION_COLOURS)]
        for n, row in enumerate(table.itertuples())
    }
    _ratings_over_time(over_time, rated, table, colours)
    themed = table[table["theme"] != ""]
    if themed.empty:
        return empty(figure, said, NO_THEMED)
    shown = [names[n] for n in np.flatnonzero(table["theme"].to_numpy() != "")]
    paired_bars(
        said, shown, themed["praised"], themed["flagged"], ("praised it", "flagged it"), (PRAISE, FEEDBACK)
    )
    for tick, dimension in zip(said.get_yticklabels(), themed["dimension"], strict=True):
        tick.set_color(colours[dimension])
    return figure


def _ratings_over_time(axes: Axes, rated: pd.DataFrame, table: pd.DataFrame, colours: dict[str, str]) -> None:
    by_period, period = ratings_by_period(rated)
    many = len(by_period) > 12
    for row in table[table["reviews"] > 0].itertuples():
        line = by_period[row.dimension].dropna()
        axes.plot(
            line.index,
            line.to_numpy(),
            linestyle="-" if len(line) > 1 else "none",
            marker="o" if not many or len(line) == 1 else None,
            markersize=5,
            color=colours[row.dimension],
            linewidth=1.6,
            alpha=0.9,
            label=row.label,
        )
    axes.set_ylim(0.7, 5.3)
    axes.set_yticks([1, 2, 3, 4, 5])
    if period != "review":
        axes.set_xlabel(f"Interview date (mean per {period})", fontsize=FONT_SIZE + 1)
    if len(by_period) == 1:
        day = by_period.index[0]
        axes.set_xlim(day - pd.Timedelta(days=10), day + pd.Timedelta(days=10))
    date_axis(axes)
    axes.legend(frameon=False, fontsize=FONT_SIZE - 1, loc="upper left", bbox_to_anchor=(0, -0.17), ncols=3)
