"""Check-ins over time beside recovery days: two panels on one time axis.

The top panel shows each check-in score (1–5, higher is bouncing back more
easily) with the template's bands of meaning as faint guides; the bottom one
shows how many days each rejection took to recover from.  A snapshot to
compare with oneself, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.figure import Figure

from workbook.charts.canvas import FONT_SIZE, GRID, INK, MOOD, MOOD_MEAN, REJECTION, TITLE_Y, date_axis, empty
from workbook.charts.strengths import legend_under_title
from workbook.checkin_trend import band_edges, rolling_score

NO_CHECKINS = "No check-ins yet.\nThe resilience check-in takes two minutes;\nyour scores will show here."
NO_RECOVERIES = "No recoveries measured yet."
#: Above this many check-ins, dots are small and a running mean of this many carries the line.
MANY = 60
RUNNING = 10


def checkin_chart(
    scores: pd.DataFrame, rejections: pd.DataFrame, bands: Mapping[str, str] | None = None
) -> Figure:
    """Top: check-in scores over time.  Bottom: recovery days per rejection, on the same dates."""
    figure = Figure(figsize=(9, 6), dpi=100)
    grid = figure.add_gridspec(
        2, 1, height_ratios=(3, 2), hspace=0.12, left=0.09, right=0.97, top=0.9, bottom=0.1
    )
    top = figure.add_subplot(grid[0])
    bottom = figure.add_subplot(grid[1], sharex=top)
    for axes in (top, bottom):
        axes.tick_params(labelsize=FONT_SIZE)
        axes.grid(True, axis="y", color=GRID, linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    top.set_title(
        "Your check-in scores, beside your recoveries", fontsize=FONT_SIZE + 3, loc="left", y=TITLE_Y
    )
    top.set_ylabel("Check-in score (1–5)", fontsize=FONT_SIZE + 1)
    bottom.set_ylabel("Days to recover", fontsize=FONT_SIZE + 1)
    bottom.set_xlabel("Date", fontsize=FONT_SIZE + 1)
    top.tick_params(labelbottom=False)
    if scores.empty:
        empty(figure, bottom, "")
        return empty(figure, top, NO_CHECKINS)
    many = len(scores) > MANY
    top.plot(
        scores["at"],
        scores["score"],
        "o",
        color=MOOD if many else MOOD_MEAN,
        markersize=3 if many else 6,
        alpha=0.5 if many else 1,
        label="one check-in",
    )
    if len(scores) > 1:
        running = max(RUNNING, len(scores) // 50)
        line = rolling_score(scores, running) if many else scores["score"].to_numpy()
        top.plot(
            scores["at"],
            line,
            "-",
            color=MOOD_MEAN,
            linewidth=1.6,
            label=f"mean of the last {running}" if many else None,
        )
    for edge in band_edges(bands or {}):
        top.axhline(edge, color=INK, linewidth=0.8, linestyle=":")
    top.set_ylim(0.8, 5.2)
    top.set_yticks([1, 2, 3, 4, 5])
    if many:
        legend_under_title(top)
    latest = scores.iloc[-1]
    top.annotate(
        f"latest: {latest['score']:.1f}",
        (latest["at"], latest["score"]),
        xytext=(-6, 10),
        textcoords="offset points",
        ha="right",
        fontsize=FONT_SIZE,
        color=MOOD_MEAN,
        fontweight="bold",
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
    )
    known = (
        rejections[rejections["recovered"].fillna(False).astype(bool)] if not rejections.empty else rejections
    )
    first, last = scores["at"].min(), scores["at"].max()
    if not known.empty:
        first, last = min(first, known["rejected_on"].min()), max(last, known["rejected_on"].max())
        days = known["recovery_days"].to_numpy(dtype="float64")
        small = len(known) > MANY
        bottom.plot(
            known["rejected_on"],
            days,
            "o",
            color=REJECTION,
            markersize=3.5 if small else 6,
            alpha=0.5 if small else 1,
        )
        bottom.set_ylim(0, max(float(days.max()), 1) * 1.2)
    else:
        bottom.text(
            0.5,
            0.5,
            NO_RECOVERIES,
            transform=bottom.transAxes,
            ha="center",
            va="center",
            color=INK,
            fontsize=FONT_SIZE,
        )
        bottom.set_yticks([])
    pad = max(pd.Timedelta(days=5), (last - first) * 0.03)
    top.set_xlim(first - pad, last + pad)
    date_axis(bottom)
    return figure
