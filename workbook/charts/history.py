"""Rejection-history charts: monthly rejections by stage, the funnel, channels, days to outcome."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import history
from workbook.charts.canvas import colour, empty, label, new_figure

NO_REJECTIONS = "No rejections logged yet.\nWhen one comes, log it here and it will show up."
NO_APPLICATIONS = "No applications logged yet."
NO_OUTCOMES = "No answers logged yet: this fills in as employers reply."
CHANNEL_NAMES = {
    "video_call": "Video call",
    "phone": "Phone",
    "email": "Email",
    "in_person": "In person",
    "none": "Not said",
}


def rejections_by_month_chart(applications: pd.DataFrame) -> Figure:
    """Rejections per month as bars stacked by the stage each application had reached."""
    figure, axes = new_figure()
    label(axes, "Rejections per month", "Month", "Rejections")
    counts = history.rejections_by_month(applications)
    if counts.empty:
        return empty(figure, axes, NO_REJECTIONS)
    names = [month.strftime("%b %Y") for month in counts.index]
    bottom = pd.Series(0, index=counts.index)
    for number, stage in enumerate(counts.columns):
        axes.bar(names, counts[stage], bottom=bottom, label=f"reached {stage}", color=colour(number))
        bottom = bottom + counts[stage]
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(title="Stage reached", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return figure


def funnel_chart(applications: pd.DataFrame, stage_changes: pd.DataFrame) -> Figure:
    """Applications that reached each stage, with the share that went on to the next one."""
    figure, axes = new_figure()
    label(axes, "How far applications got", "Applications", "Stage")
    if applications.empty:
        return empty(figure, axes, NO_APPLICATIONS)
    table = history.funnel(applications, stage_changes)
    stages = list(table.index)[::-1]
    reached = table["reached"].to_numpy()[::-1]
    bars = axes.barh(stages, reached, color=colour(0))
    notes = [
        f"{count}" + ("" if pd.isna(rate) else f"  ({rate:.0%} went on)")
        for count, rate in zip(reached, table["conversion"].to_numpy()[::-1])
    ]
    axes.bar_label(bars, labels=notes, padding=4)
    axes.grid(True, axis="x", color="#DDDDDD")
    axes.grid(False, axis="y")
    axes.set_xlim(0, max(reached.max(), 1) * 1.35)
    return figure


def channel_chart(applications: pd.DataFrame) -> Figure:
    """How rejections reached you: video call, phone, email, in person."""
    figure, axes = new_figure()
    label(axes, "How rejections reached you", "Channel", "Rejections")
    counts = history.rejections_by_channel(applications)
    if counts.sum() == 0:
        return empty(figure, axes, NO_REJECTIONS)
    names = [CHANNEL_NAMES.get(name, name) for name in counts.index]
    axes.bar(names, counts.to_numpy(), color=[colour(n) for n in range(len(names))])
    axes.yaxis.get_major_locator().set_params(integer=True)
    return figure


def days_to_outcome_chart(applications: pd.DataFrame) -> Figure:
    """How many days answers took, from applying to the outcome (a histogram)."""
    figure, axes = new_figure()
    label(axes, "Days from applying to an answer", "Days", "Applications")
    days = history.days_to_outcome(applications)["days"]
    if days.empty:
        return empty(figure, axes, NO_OUTCOMES)
    bins = min(20, max(1, days.nunique()))
    axes.hist(days.to_numpy(), bins=bins, color=colour(0), edgecolor="white")
    axes.axvline(days.median(), color=colour(5), linestyle="--", label=f"median {days.median():g} days")
    axes.legend(frameon=False)
    axes.yaxis.get_major_locator().set_params(integer=True)
    return figure
