"""Rejection-history charts: rejections over time by stage, the funnel, channels, days to outcome."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, MultipleLocator

from workbook import history
from workbook.charts.canvas import (
    FONT_SIZE,
    GRID,
    OUTCOME_COLOURS,
    REJECTION,
    TITLE_Y,
    counted,
    empty,
    label,
    label_inches,
    new_figure,
    stage_colour,
)
from workbook.messages import CHANNEL_LABELS, OUTCOME_LABELS, STAGE_LABELS, month_text

NO_REJECTIONS = "No rejections logged yet.\nWhen one comes, log it here and it will show up."
NO_APPLICATIONS = "No applications logged yet."
NO_OUTCOMES = "No answers logged yet: this fills in as employers reply."
#: Bars per chart before months are counted per quarter, and quarters per year.
MOST_BARS = 36
#: Bin widths in days that read naturally: a day, a few days, a week, a fortnight, a month...
BIN_DAYS = (1, 2, 3, 5, 7, 14, 21, 28, 30, 60, 90, 180, 365)
MOST_TICK_LABELS = 12
#: The narrowest the month axis gets, in bars, so one or two months do not stretch across the chart.
MIN_SLOTS = 8


def rejections_by_month_chart(applications: pd.DataFrame) -> Figure:
    """Rejections per month as bars stacked by the stage each application had reached.

    Over three years the bars count quarters, and over nine years of quarters whole years.
    """
    figure, axes = new_figure(right=1.7)
    label(axes, "Rejections per month", "Month", "Rejections")
    counts = history.rejections_by_month(applications)
    if counts.empty:
        return empty(figure, axes, NO_REJECTIONS)
    counts, period, names = _coarsen(counts)
    axes.set_title(f"Rejections per {period}", fontsize=FONT_SIZE + 3, loc="left", y=TITLE_Y)
    axes.set_xlabel(period.capitalize(), fontsize=FONT_SIZE + 1)
    spots = np.arange(len(counts))
    bottom = np.zeros(len(counts))
    for number, stage in enumerate(counts.columns):
        values = counts[stage].to_numpy()
        axes.bar(
            spots,
            values,
            bottom=bottom,
            label=STAGE_LABELS.get(str(stage), str(stage)),
            color=stage_colour(number),
            width=0.85,
        )
        bottom = bottom + values
    every = max(1, int(np.ceil(len(names) / MOST_TICK_LABELS)))
    axes.set_xticks(spots[::every], names[::every])
    room = max(0.0, (MIN_SLOTS - len(counts)) / 2)  # a lone bar stays bar-shaped, in the middle
    axes.set_xlim(-0.6 - room, len(counts) - 0.4 + room)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(title="Stage reached", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return figure


def _coarsen(counts: pd.DataFrame) -> tuple[pd.DataFrame, str, list[str]]:
    """Counts per month, quarter or year (the finest that keeps the bars readable), with names."""
    months = pd.DatetimeIndex(counts.index)
    if len(months) <= MOST_BARS:
        return counts, "month", [month_text(m) for m in months]
    quarters = months.to_period("Q")
    if quarters.nunique() <= MOST_BARS:
        summed = counts.groupby(quarters).sum()
        return summed, "quarter", [f"Q{q.quarter} {q.year}" for q in summed.index]
    summed = counts.groupby(months.year).sum()
    return summed, "year", [str(year) for year in summed.index]


def funnel_chart(applications: pd.DataFrame, stage_changes: pd.DataFrame) -> Figure:
    """Applications that reached each stage, with the share that went on to the next one."""
    figure, axes = new_figure(left=0.6 + label_inches(STAGE_LABELS.values()))
    label(axes, "How far applications got", "Applications", "Stage")
    if applications.empty:
        return empty(figure, axes, NO_APPLICATIONS)
    table = history.funnel(applications, stage_changes)
    stages = [STAGE_LABELS[stage] for stage in table.index][::-1]
    reached = table["reached"].to_numpy()[::-1]
    colours = [stage_colour(number) for number in range(len(stages))][::-1]
    bars = axes.barh(stages, reached, color=colours)
    notes = [
        f"{count}" + ("" if pd.isna(rate) else f"  ({rate:.0%} went on)")
        for count, rate in zip(reached, table["conversion"].to_numpy()[::-1])
    ]
    axes.bar_label(bars, labels=notes, padding=4)
    axes.grid(True, axis="x", color=GRID)
    axes.grid(False, axis="y")
    axes.set_xlim(0, max(reached.max(), 1) * 1.35)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def channel_chart(applications: pd.DataFrame) -> Figure:
    """How rejections reached you: video call, phone, email, in person."""
    figure, axes = new_figure()
    label(axes, "How rejections reached you", "Channel", "Rejections")
    counts = history.rejections_by_channel(applications)
    if counts.sum() == 0:
        return empty(figure, axes, NO_REJECTIONS)
    names = [CHANNEL_LABELS.get(name, name) for name in counts.index]
    bars = axes.bar(names, counts.to_numpy(), color=REJECTION)
    axes.bar_label(bars, padding=2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def days_to_outcome_chart(applications: pd.DataFrame) -> Figure:
    """How many days answers took, from applying to the outcome: one stacked series per outcome.

    Rejections, offers, withdrawals and ghosting are told apart, each named with
    its count and median.  Bins are whole days of a natural width (a day, a week,
    a month...) chosen for how many answers there are and how far they spread.
    """
    figure, axes = new_figure(right=1.9)
    label(axes, "Days from applying to an answer", "Days", "Applications")
    days = history.days_to_outcome(applications)
    if days.empty:
        return empty(figure, axes, NO_OUTCOMES)
    edges = day_bins(days["days"].to_numpy())
    series, names, colours = [], [], []
    for outcome, colour in OUTCOME_COLOURS.items():
        values = days.loc[days["outcome"].astype(str) == outcome, "days"].to_numpy()
        if len(values):
            series.append(values)
            middle = float(np.median(values))
            names.append(f"{OUTCOME_LABELS[outcome]}: {len(values):,}\nmedian {middle:g} {_days(middle)}")
            colours.append(colour)
    axes.hist(series, bins=edges, stacked=True, color=colours, label=names, edgecolor="white", linewidth=0.5)
    axes.set_xlim(edges[0], edges[-1])
    width = int(edges[1] - edges[0])
    axes.xaxis.set_major_locator(MultipleLocator(width * max(1, int(np.ceil((len(edges) - 1) / 10)))))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(f"Days (each bar: {counted(width, 'day')})", fontsize=FONT_SIZE + 1)
    axes.legend(
        title="Outcome", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=FONT_SIZE - 1
    )
    return figure


def _days(number: float) -> str:
    return "day" if number == 1 else "days"


def day_bins(days: np.ndarray) -> np.ndarray:
    """Bin edges in whole days: a natural width giving about 3 bins for 2 values and up to 20 for 1,000."""
    low, high = int(days.min()), int(days.max())
    wanted = int(np.clip(np.ceil(2 * np.sqrt(len(days))), 3, 20))
    raw = max(1.0, (high - low + 1) / wanted)
    width = next((w for w in BIN_DAYS if w >= raw), BIN_DAYS[-1])
    start = (low // width) * width
    stop = (high // width + 1) * width
    return np.arange(start, stop + width, width, dtype="float64")
