"""What you want next: the draws and avoids that keep coming back, and the dip against how much a role was wanted."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from workbook.charts.canvas import FONT_SIZE, GRID, INK, REJECTION, SUMMARY, empty, label
from workbook.charts.self_review import side_by_side
from workbook.charts.strengths import PRAISE, legend_under_title
from workbook.wants import RECURS, WANTED_A_LOT, dips_by_wanted, recurring

NO_WORDS = f"No draw or avoid named by {RECURS} applications yet.\nNote what drew you to a role, and\nwhat you'd rather avoid, after each one."
NO_DIPS = "No rejection with both a dip\nand a 'how much did I want this' yet."
#: At most this many words of each kind are drawn, the most named.
MOST_WORDS = 8
AVOID = "#CC79A7"
#: The bar chart of words always has room for this many rows.
MIN_SLOTS = 7


def wants_chart(motivations: pd.DataFrame, rejections: pd.DataFrame) -> Figure:
    """Left: draws and avoids named by at least two applications.  Right: each rejection's dip against how much it was wanted."""
    draws, avoids = recurring(motivations, "draws"), recurring(motivations, "avoids")
    words = pd.concat(
        [draws.head(MOST_WORDS).assign(kind="draw"), avoids.head(MOST_WORDS).assign(kind="avoid")]
    )
    left = 0.9 + min(int(words["word"].str.len().max()) if len(words) else 0, 28) * FONT_SIZE * 0.5 / 72
    figure, recurs, dips = side_by_side(11, 4.8, 0.42, left=left, middle=1.0)
    label(recurs, "What keeps coming back", "Applications", "")
    label(
        dips,
        "Did wanting it more make it hurt more?",
        "How much I wanted it, 1–5 (n rejections)",
        "Dip (usual mood minus lowest)",
    )
    if words.empty:
        empty(figure, recurs, NO_WORDS)
    else:
        _words(recurs, words)
    wanted = dips_by_wanted(rejections, motivations) if not rejections.empty else pd.DataFrame()
    if wanted.empty:
        return empty(figure, dips, NO_DIPS)
    _dips(dips, wanted)
    return figure


def _words(axes: Axes, words: pd.DataFrame) -> None:
    slots = max(len(words), MIN_SLOTS)  # a few words keep a bar's usual thickness, at the top
    rows = slots - 1 - np.arange(len(words))
    colours = np.where(words["kind"] == "draw", PRAISE, AVOID)
    shown = [w if len(w) <= 28 else w[:27] + "…" for w in words["word"]]
    bars = axes.barh(rows, words["applications"].to_numpy(), color=colours, height=0.7)
    axes.bar_label(bars, padding=3, fontsize=FONT_SIZE - 1)
    axes.set_yticks(rows, shown)
    axes.set_ylim(-0.6, slots - 0.4)
    axes.grid(True, axis="x", color=GRID)
    axes.grid(False, axis="y")
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.set_xlim(0, float(words["applications"].max()) * 1.15)
    from matplotlib.patches import Patch

    legend_under_title(
        axes, handles=[Patch(color=PRAISE, label="drew me"), Patch(color=AVOID, label="I'd avoid")]
    )


def _dips(axes: Axes, wanted: pd.DataFrame) -> None:
    many = len(wanted) > 60
    levels = wanted["wanted"].to_numpy(dtype="float64")
    axes.plot(
        levels + _spread(wanted["wanted"]),
        wanted["dip"].to_numpy(),
        "o",
        color=REJECTION,
        markersize=3.5 if many else 6,
        alpha=0.35 if many else 0.85,
        label="one rejection",
    )
    means = wanted.groupby("wanted")["dip"].agg(["mean", "size"])
    spots = means.index.to_numpy(dtype="float64")
    axes.hlines(means["mean"].to_numpy(), spots - 0.3, spots + 0.3, color=SUMMARY, linewidth=2, label="mean")
    sizes = means["size"].reindex(range(1, 6), fill_value=0)
    axes.set_xticks(range(1, 6), [f"{level}\n({int(n):,})" for level, n in sizes.items()])
    axes.set_xlim(0.5, 5.5)
    axes.axvline(WANTED_A_LOT - 0.5, color=GRID, linewidth=1, linestyle=":")
    axes.text(
        WANTED_A_LOT - 0.45,
        1.0,
        "wanted a lot →",
        transform=axes.get_xaxis_transform(),
        va="top",
        fontsize=FONT_SIZE - 1,
        color=INK,
    )
    axes.axhline(0, color=GRID, linewidth=0.8)
    legend_under_title(axes)


def _spread(levels: pd.Series) -> np.ndarray:
    """A small, repeatable sideways offset per dot within its level, so dots do not hide each other."""
    rank = levels.groupby(levels).cumcount().to_numpy()
    size = levels.map(levels.value_counts()).to_numpy()
    return np.where(size > 1, ((rank * 0.6180339887) % 1 - 0.5) * 0.5, 0.0)
