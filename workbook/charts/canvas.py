"""What every chart shares: the colour-blind-safe palette, a fresh Figure, the empty state.

Figures are built with :class:`matplotlib.figure.Figure` directly, never
pyplot, so no global state is touched and no display is needed.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
#: A sequential colour map that reads the same for most colour-vision deficiencies.
SEQUENTIAL = "cividis"
#: Mood runs from low (vermillion) through to high (blue) on a diverging, colour-blind-safe map.
MOOD_MAP = "RdYlBu"
GRID = "#DDDDDD"
FONT_SIZE = 10


def new_figure(width: float = 8, height: float = 4.5) -> tuple[Figure, Axes]:
    """A figure (100 dpi, constrained layout) with one Axes."""
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    axes.tick_params(labelsize=FONT_SIZE)
    axes.grid(True, axis="y", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def label(axes: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Set the title and both axis labels."""
    axes.set_title(title, fontsize=FONT_SIZE + 3, loc="left")
    axes.set_xlabel(xlabel, fontsize=FONT_SIZE + 1)
    axes.set_ylabel(ylabel, fontsize=FONT_SIZE + 1)


def empty(figure: Figure, axes: Axes, message: str) -> Figure:
    """Show a friendly message in place of the chart, keeping title and labels."""
    axes.set_xticks([])
    axes.set_yticks([])
    axes.grid(False)
    axes.text(
        0.5,
        0.5,
        message,
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=FONT_SIZE + 2,
        color="#555555",
        wrap=True,
    )
    return figure


def colour(number: int) -> str:
    """The palette colour for series ``number`` (wrapping round)."""
    return PALETTE[number % len(PALETTE)]
