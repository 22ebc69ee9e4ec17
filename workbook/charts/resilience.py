"""Resilience charts: recovery days per rejection with the trend in words, and dip by stage."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from workbook import metrics
from workbook.charts.canvas import (
    FONT_SIZE,
    GRID,
    REJECTION,
    SUMMARY,
    TITLE_Y,
    counted,
    date_axis,
    empty,
    label,
    new_figure,
)
from workbook.messages import STAGE_LABELS
from workbook.records import STAGES

NO_REJECTIONS = "No rejections logged yet.\nWhen one comes, this shows how you bounce back."
NO_RECOVERIES = "No recoveries to show yet.\nLog your mood for a couple of weeks around a rejection."
NO_DIPS = "No dips to show yet.\nLog your mood in the days before and after a rejection."
#: Characters a line of the verdict under the title holds before it wraps.
NOTE_WIDTH = 90


def recovery_chart(rejections: pd.DataFrame) -> Figure:
    """Recovery days per rejection over time, the fitted trend line, and the verdict in words.

    ``rejections`` is :func:`workbook.metrics.rejection_metrics`.  Rejections not
    yet recovered are counted in a note, as they have no number yet.
    """
    figure, axes = new_figure(9, 4.8, top=0.95)
    label(axes, "Days to bounce back after each rejection", "Date of rejection", "Recovery days")
    axes.set_title(axes.get_title(loc="left"), y=TITLE_Y, fontsize=FONT_SIZE + 3, loc="left", pad=30)
    if rejections.empty:
        return empty(figure, axes, NO_REJECTIONS)
    known = rejections[rejections["recovered"].fillna(False).astype(bool)]
    trend = metrics.recovery_trend(rejections)
    if known.empty:
        return empty(figure, axes, NO_RECOVERIES)
    many = len(known) > 60
    axes.plot(
        known["rejected_on"],
        known["recovery_days"].to_numpy(dtype="float64"),
        "o",
        color=REJECTION,
        markersize=4 if many else 7,
        alpha=0.6 if many else 1,
        label="one rejection",
    )
    if trend.is_clear and trend.slope_per_month is not None:
        dates = pd.DatetimeIndex([known["rejected_on"].min(), known["rejected_on"].max()])
        axes.plot(dates, trend.fitted(dates), "--", color=SUMMARY, linewidth=1.5, label="trend")
    waiting = int(rejections["recovered"].eq(False).sum())
    note = textwrap.fill(trend.words, NOTE_WIDTH) + (
        f"\nStill recovering from {counted(waiting, 'rejection')} (not shown)." if waiting else ""
    )
    axes.text(0, 1.02, note, transform=axes.transAxes, va="bottom", fontsize=FONT_SIZE)
    # The title sits above however many lines the verdict takes.
    axes.set_title(
        axes.get_title("left"),
        loc="left",
        y=TITLE_Y,
        fontsize=FONT_SIZE + 3,
        pad=8 + 1.3 * FONT_SIZE * (note.count("\n") + 1),
    )
    first, last = known["rejected_on"].min(), known["rejected_on"].max()
    pad = max(pd.Timedelta(days=3), (last - first) * 0.03)
    axes.set_xlim(first - pad, last + pad)
    date_axis(axes)
    axes.set_ylim(bottom=0, top=max(float(known["recovery_days"].max()), 1) * 1.15)
    axes.legend(frameon=False, loc="upper right", fontsize=FONT_SIZE - 1)
    return figure


def dip_by_stage_chart(rejections: pd.DataFrame, applications: pd.DataFrame) -> Figure:
    """How far mood dipped after each rejection, against the stage the application reached.

    Each dot is one rejection (spread sideways so many stay visible), the bar
    is the stage's mean, and each stage names how many rejections it rests on.
    """
    figure, axes = new_figure(bottom=0.85)
    label(axes, "Mood dip by stage reached", "Stage reached", "Dip (usual mood minus lowest)")
    if rejections.empty:
        return empty(figure, axes, NO_REJECTIONS)
    stage = rejections["application_id"].map(applications.set_index("id")["stage"].astype(str))
    dips = pd.DataFrame({"stage": stage, "dip": rejections["dip"]}).dropna()
    if dips.empty:
        return empty(figure, axes, NO_DIPS)
    positions = (
        dips["stage"].map({name: number for number, name in enumerate(STAGES)}).to_numpy(dtype="float64")
    )
    axes.plot(
        positions + _spread(dips["stage"]),
        dips["dip"].to_numpy(),
        "o",
        color=REJECTION,
        alpha=0.8 if len(dips) < 60 else 0.35,
        markersize=6 if len(dips) < 60 else 3.5,
        label="one rejection",
    )
    means = dips.groupby("stage")["dip"].mean()
    spots = np.array([STAGES.index(name) for name in means.index], dtype="float64")
    axes.hlines(means.to_numpy(), spots - 0.32, spots + 0.32, color=SUMMARY, linewidth=2, label="mean")
    sizes = dips["stage"].value_counts()
    axes.set_xticks(
        range(len(STAGES)),
        [f"{STAGE_LABELS[name]}\n{counted(int(sizes.get(name, 0)), 'rejection')}" for name in STAGES],
    )
    axes.set_xlim(-0.5, len(STAGES) - 0.5)
    axes.axhline(0, color=GRID, linewidth=0.8)
    axes.legend(frameon=False, fontsize=FONT_SIZE - 1, loc="lower right", bbox_to_anchor=(1, 1), ncols=2)
    return figure


def _spread(stages: pd.Series) -> np.ndarray:
    """A small sideways offset per dot within its stage (within ±0.25), so dots do not hide each other.

    The golden-ratio sequence spreads the dots evenly without randomness, so a chart never changes between runs.
    """
    rank = stages.groupby(stages).cumcount().to_numpy()
    size = stages.map(stages.value_counts()).to_numpy()
    return np.where(size > 1, ((rank * 0.6180339887) % 1 - 0.5) * 0.5, 0.0)
