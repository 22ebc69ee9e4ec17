"""Charts of shared summaries: check-in scores over time, recoveries per client, themes across clients.

Pure functions, DataFrames in, :class:`matplotlib.figure.Figure` out, drawn
with the same canvas as every other chart (:mod:`workbook.charts.canvas`).
They read well with one client or with many: past :data:`MAX_LINES` clients
the check-in lines lose their legend and share one colour, and only the
:data:`MAX_THEMES` most frequent themes are drawn.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from workbook.charts.canvas import (
    FEEDBACK,
    PALETTE,
    REJECTION,
    SUMMARY,
    date_axis,
    empty,
    label,
    label_inches,
    new_figure,
)
from workbook.messages import (
    COHORT_CHECK_INS,
    COHORT_NO_CHECK_INS,
    COHORT_NO_REJECTIONS,
    COHORT_NO_THEMES,
    COHORT_RECOVERIES,
    COHORT_THEMES,
)

#: More clients than this and the check-in chart draws every line alike, without a legend.
MAX_LINES = 8
#: The theme chart shows at most this many themes, the most frequent.
MAX_THEMES = 15
#: The recoveries chart names at most this many clients down its side; past that, every n-th.
MAX_NAMES = 60
#: The check-in scale.
SCORE_RANGE = (1, 5)


#: Names and theme labels from a bundle are cut to this many characters on a chart.
MAX_LABEL = 40


def plain(text: object) -> str:
    """``text`` as a chart shows it word for word: cut to :data:`MAX_LABEL`, ``$`` never read as maths."""
    words = str(text)
    if len(words) > MAX_LABEL:
        words = words[: MAX_LABEL - 1] + "…"
    return words.replace("$", r"\$")


def check_in_chart(scores: pd.DataFrame) -> Figure:
    """Check-in scores (1-5) over time: one line per ``client``; columns client, at, score."""
    figure, axes = new_figure()
    label(axes, COHORT_CHECK_INS, "", "Score (1-5)")
    if scores.empty:
        return empty(figure, axes, COHORT_NO_CHECK_INS)
    clients = list(dict.fromkeys(scores["client"]))
    many = len(clients) > MAX_LINES
    for number, client in enumerate(clients):
        own = scores[scores["client"] == client].sort_values("at")
        colour = PALETTE[0] if many else PALETTE[number % len(PALETTE)]
        axes.plot(
            pd.to_datetime(own["at"]),
            own["score"],
            marker="o",
            markersize=3,
            linewidth=1 if many else 1.6,
            alpha=0.5 if many else 1,
            color=colour,
            label=plain(client),
        )
    axes.set_ylim(SCORE_RANGE[0] - 0.2, SCORE_RANGE[1] + 0.2)
    axes.set_yticks(range(SCORE_RANGE[0], SCORE_RANGE[1] + 1))
    date_axis(axes)
    if 1 < len(clients) <= MAX_LINES:
        axes.legend(fontsize=9, loc="best", framealpha=0.9, edgecolor="#DDDDDD")
    return figure


def recoveries_chart(recoveries: pd.DataFrame) -> Figure:
    """Days to recover after each rejection, one row per client; columns client, recovery_days."""
    known = recoveries.dropna(subset=["recovery_days"]) if not recoveries.empty else recoveries
    clients = list(dict.fromkeys(recoveries["client"])) if not recoveries.empty else []
    height = min(2 + 0.35 * max(len(clients), 1), 30)
    figure, axes = new_figure(8, height, left=0.3 + label_inches([plain(c) for c in clients]))
    label(axes, COHORT_RECOVERIES, "Days to recover", "")
    if known.empty:
        return empty(figure, axes, COHORT_NO_REJECTIONS)
    axes.grid(True, axis="x", color="#DDDDDD", linewidth=0.8)
    axes.grid(False, axis="y")
    for row, client in enumerate(clients):
        days = known.loc[known["client"] == client, "recovery_days"].astype(float)
        axes.scatter(days, [row] * len(days), s=18, color=REJECTION, alpha=0.6, zorder=2)
        if len(days):
            axes.scatter([days.median()], [row], marker="|", s=300, color=SUMMARY, zorder=3)
    step = -(-len(clients) // MAX_NAMES)  # name every client, or every n-th when there are very many
    rows = range(0, len(clients), step)
    axes.set_yticks(list(rows), [plain(clients[row]) for row in rows])
    axes.set_xlim(left=0, right=max(float(known["recovery_days"].max()) * 1.05, 5))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(len(clients) - 0.5, -0.5)
    return figure


def cohort_themes_chart(themes: pd.DataFrame) -> Figure:
    """How many feedback items named each theme, across clients; columns label, items."""
    top = themes.head(MAX_THEMES)
    labels = [plain(text) for text in top["label"]] if not top.empty else []
    height = min(2 + 0.32 * max(len(labels), 1), 12)
    figure, axes = new_figure(8, height, left=0.3 + label_inches(labels))
    label(axes, COHORT_THEMES, "Feedback items", "")
    if top.empty:
        return empty(figure, axes, COHORT_NO_THEMES)
    axes.grid(True, axis="x", color="#DDDDDD", linewidth=0.8)
    axes.grid(False, axis="y")
    axes.barh(range(len(labels)), top["items"], color=FEEDBACK)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_yticks(range(len(labels)), labels)
    axes.set_ylim(len(labels) - 0.5, -0.5)
    return figure
