"""Resilience charts: recovery days per rejection with the trend in words, and dip by stage."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import metrics
from workbook.charts.canvas import colour, empty, label, new_figure
from workbook.records import STAGES

NO_REJECTIONS = "No rejections logged yet.\nWhen one comes, this shows how you bounce back."
NO_RECOVERIES = "No recoveries to show yet.\nLog your mood for a couple of weeks around a rejection."
NO_DIPS = "No dips to show yet.\nLog your mood in the days before and after a rejection."


def recovery_chart(rejections: pd.DataFrame) -> Figure:
    """Recovery days per rejection over time, the fitted trend line, and the verdict in words.

    ``rejections`` is :func:`workbook.metrics.rejection_metrics`.  Rejections not
    yet recovered are counted in a note, as they have no number yet.
    """
    figure, axes = new_figure(9, 4.5)
    label(axes, "Days to bounce back after each rejection", "Date of rejection", "Recovery days")
    if rejections.empty:
        return empty(figure, axes, NO_REJECTIONS)
    known = rejections[rejections["recovered"].fillna(False).astype(bool)]
    trend = metrics.recovery_trend(rejections)
    if known.empty:
        return empty(figure, axes, NO_RECOVERIES)
    axes.plot(
        known["rejected_on"],
        known["recovery_days"].to_numpy(dtype="float64"),
        "o",
        color=colour(0),
        markersize=7,
        label="recovery days",
    )
    if trend.slope_per_month is not None:
        dates = pd.DatetimeIndex([known["rejected_on"].min(), known["rejected_on"].max()])
        axes.plot(dates, trend.fitted(dates), "--", color=colour(5), label="trend")
    waiting = int(rejections["recovered"].eq(False).sum())
    note = trend.words + (f"\nStill recovering from {waiting} (not shown)." if waiting else "")
    axes.text(0.01, 0.98, note, transform=axes.transAxes, va="top", fontsize=9, wrap=True)
    axes.set_ylim(bottom=0, top=max(known["recovery_days"].max(), 1) * 1.4)
    axes.legend(frameon=False, loc="upper right")
    return figure


def dip_by_stage_chart(rejections: pd.DataFrame, applications: pd.DataFrame) -> Figure:
    """How far mood dipped after each rejection, against the stage the application reached."""
    figure, axes = new_figure()
    label(axes, "Mood dip by stage reached", "Stage reached", "Dip (baseline minus lowest mood)")
    if rejections.empty:
        return empty(figure, axes, NO_REJECTIONS)
    stage = rejections["application_id"].map(applications.set_index("id")["stage"].astype(str))
    dips = pd.DataFrame({"stage": stage, "dip": rejections["dip"]}).dropna()
    if dips.empty:
        return empty(figure, axes, NO_DIPS)
    positions = dips["stage"].map({name: number for number, name in enumerate(STAGES)})
    axes.plot(
        positions.to_numpy(), dips["dip"].to_numpy(), "o", color=colour(0), alpha=0.8, label="one rejection"
    )
    means = dips.groupby("stage")["dip"].mean()
    for name, mean in means.items():
        spot = STAGES.index(name)
        axes.hlines(mean, spot - 0.3, spot + 0.3, color=colour(5), linewidth=2)
    axes.set_xticks(range(len(STAGES)), list(STAGES))
    axes.set_xlim(-0.5, len(STAGES) - 0.5)
    axes.axhline(0, color="#888888", linewidth=0.8)
    axes.legend(frameon=False)
    return figure
