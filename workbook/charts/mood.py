"""Mood charts: daily mood with its 7-day mean, the usual level and rejections marked; a year in pixels; weekdays."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from workbook import metrics
from workbook.charts.canvas import (
    FONT_SIZE,
    INK,
    MOOD,
    MOOD_MAP,
    MOOD_MEAN,
    NO_ENTRY,
    TITLE_Y,
    USUAL,
    counted,
    date_axis,
    empty,
    label,
    new_figure,
)
from workbook.charts.marks import mark_rejections

NO_MOODS = "No moods logged yet.\nA quick check-in a day is enough to start."
#: Days of moods from which the dots turn small and faint.
MANY_DAYS = 400
#: Running-mean windows in days, and the span from which the longer one is used.
SHORT_WINDOW, LONG_WINDOW = 7, 30
LONG_SPAN = pd.Timedelta(days=548)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def mood_timeline_chart(
    moods: pd.DataFrame, applications: pd.DataFrame, rejections: pd.DataFrame | None = None
) -> Figure:
    """Daily mood (dots), its running mean (line; see :func:`mean_window`), and each rejection marked.

    ``rejections`` (:func:`workbook.metrics.rejection_metrics`), when given,
    adds the usual level (baseline) as a band from two weeks before each
    rejection until the mood came back to it.  Rejections are named above the
    chart where the names fit; the rest are marked without a name.
    """
    figure, axes = new_figure(10, 5, top=0.45, bottom=0.95)
    label(axes, "Your mood over time", "Date", "Mood (1-10)")
    daily = metrics.daily_mood(moods)
    if daily.empty:
        return empty(figure, axes, NO_MOODS)
    rejected = applications[applications["outcome"] == "rejected"].dropna(subset=["outcome_on"])
    rejected = rejected.sort_values(["outcome_on", "id"], kind="stable")
    dates = pd.DatetimeIndex(daily.index).append(pd.DatetimeIndex(rejected["outcome_on"]))
    _span(axes, dates.min(), dates.max())
    if rejections is not None:
        _usual_band(axes, rejections)
    if len(daily) < MANY_DAYS:
        axes.plot(daily.index, daily.to_numpy(), "o", color=MOOD, markersize=5, label="daily mood", zorder=3)
    else:  # thousands of dots: small and faint, so the mean line reads on top of them
        axes.plot(
            daily.index, daily.to_numpy(), "o", color=MOOD, markersize=2.5, alpha=0.4, label="daily mood"
        )
    window = mean_window(dates.max() - dates.min())
    rolling = _broken_at_gaps(metrics.rolling_mood(moods, window), window)
    if rolling.rolling(2).count().max() >= 2:  # some stretch of the line is drawn
        axes.plot(
            rolling.index,
            rolling.to_numpy(),
            "-",
            color=MOOD_MEAN,
            linewidth=1.6,
            label=f"{window}-day mean",
            zorder=3,
        )
    axes.set_ylim(0.5, 12.2)
    axes.set_yticks(range(1, 11))
    mark_rejections(figure, axes, rejected["outcome_on"], rejected["company"].astype(str))
    axes.xaxis.set_label_coords(0, -0.1)
    axes.xaxis.label.set_horizontalalignment("left")
    axes.legend(
        frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncols=4, fontsize=FONT_SIZE - 1
    )
    return figure


def mean_window(span: pd.Timedelta) -> int:
    """Days in the chart's running mean: a week, or a month once the chart spans more than a year and a half.

    Over years, a weekly mean swings up and down every few pixels and hides the
    longer ups and downs; a monthly one shows them.
    """
    return SHORT_WINDOW if span <= LONG_SPAN else LONG_WINDOW


def _broken_at_gaps(rolling: pd.Series, window: int) -> pd.Series:
    """The running mean with a break wherever ``window`` days pass without an entry, so no line bridges a gap."""
    gaps = rolling.index.to_series().diff() > pd.Timedelta(days=window)
    if not gaps.any():
        return rolling
    breaks = pd.Series(np.nan, index=rolling.index[gaps.to_numpy()] - pd.Timedelta(hours=12))
    return pd.concat([rolling, breaks]).sort_index()


def _span(axes, first: pd.Timestamp, last: pd.Timestamp) -> None:
    # The x-axis spans exactly the data, with a little air either side.
    pad = max(pd.Timedelta(days=1), (last - first) * 0.01)
    axes.set_xlim(first - pad, last + pad)
    date_axis(axes)


def _usual_band(axes, rejections: pd.DataFrame) -> None:
    """The baseline band: [baseline - 0.5, baseline], the level a recovery is measured against."""
    known = rejections.dropna(subset=["baseline"]).sort_values("rejected_on")
    if known.empty:
        return
    start = (known["rejected_on"] - pd.Timedelta(days=metrics.BASELINE_DAYS)).to_numpy().copy()
    lasting = known["recovery_days"].astype("float64").fillna(metrics.BASELINE_DAYS).clip(lower=1)
    end = (known["rejected_on"] + pd.to_timedelta(lasting, unit="D")).to_numpy()
    # Each band starts where the one before ended, so they never pile up.
    start[1:] = np.maximum(start[1:], np.maximum.accumulate(end)[:-1])
    left, right = mdates.date2num(start), mdates.date2num(end)
    top = known["baseline"].to_numpy()
    low = top - metrics.RECOVERY_MARGIN
    boxes = [
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)] for x0, x1, y0, y1 in zip(left, right, low, top) if x1 > x0
    ]
    band = PolyCollection(
        boxes, facecolors=USUAL, alpha=0.6, linewidths=0, zorder=0.5, label="your usual level"
    )
    axes.add_collection(band, autolim=False)


def year_in_pixels_chart(moods: pd.DataFrame, year: int | None = None) -> Figure:
    """A year as a grid of days (months down, days across), each coloured by that day's mood.

    ``year`` defaults to the latest year with an entry.  Only months with an
    entry are shown; days without one are grey, a colour the mood scale never uses.
    """
    daily = metrics.daily_mood(moods)
    year = year or (int(daily.index.max().year) if not daily.empty else dt.date.today().year)
    grid = year_grid(daily, year)
    months = [m for m in range(12) if not np.isnan(grid[m]).all()]
    height = PIXEL_TOP + PIXEL_ROW * max(len(months), 1) + PIXEL_BOTTOM
    figure, axes = new_figure(10, height, top=PIXEL_TOP, bottom=PIXEL_BOTTOM)
    label(axes, f"{year} in pixels", "Day of the month", "Month")
    if not months:
        return empty(figure, axes, NO_MOODS)
    axes.grid(False)
    grid = grid[months]
    possible = np.array([[_is_day(year, m + 1, d + 1) for d in range(31)] for m in months])
    backdrop = np.zeros(grid.shape + (4,))
    backdrop[possible] = to_rgba(NO_ENTRY)
    axes.imshow(backdrop, aspect="auto", interpolation="nearest")
    image = axes.imshow(
        np.ma.masked_invalid(grid), cmap=MOOD_MAP, vmin=1, vmax=10, aspect="auto", interpolation="nearest"
    )
    axes.set_xticks(range(0, 31, 5), [str(day) for day in range(1, 32, 5)])
    axes.set_yticks(range(len(months)), [MONTHS[m] for m in months])
    _cell_borders(axes, 31, len(months))
    for side in axes.spines.values():
        side.set_visible(False)
    _mood_key(figure, image, height)
    return figure


PIXEL_TOP, PIXEL_ROW, PIXEL_BOTTOM = 0.5, 0.3, 1.45


def _cell_borders(axes: Axes, columns: int, rows: int) -> None:
    """White lines between the days, drawn as one collection over the grid (not as 45 minor-tick gridlines)."""
    across = [[(x, -0.5), (x, rows - 0.5)] for x in np.arange(-0.5, columns)]
    down = [[(-0.5, y), (columns - 0.5, y)] for y in np.arange(-0.5, rows)]
    lines = LineCollection(
        across + down, colors="white", linewidths=1.2, capstyle="projecting", zorder=0.5, clip_on=True
    )
    axes.add_collection(lines, autolim=False)


def _mood_key(figure: Figure, image, height: float) -> None:
    """A horizontal mood scale under the grid, and beside it the grey of a day with no entry."""
    width = figure.get_figwidth()
    scale = figure.add_axes((0.8 / width, 0.3 / height, 3.2 / width, 0.14 / height))
    colorbar = figure.colorbar(image, cax=scale, orientation="horizontal")
    colorbar.set_ticks(range(1, 11))
    colorbar.ax.tick_params(labelsize=FONT_SIZE - 1)
    scale.set_title("Mood (1-10)", fontsize=FONT_SIZE - 1, loc="left", y=TITLE_Y)
    swatch = figure.add_axes((4.4 / width, 0.3 / height, 0.3 / width, 0.14 / height))
    swatch.set_facecolor(NO_ENTRY)
    swatch.set_xticks([])
    swatch.set_yticks([])
    for side in swatch.spines.values():
        side.set_visible(False)
    swatch.text(
        1.3, 0.5, "no entry that day", transform=swatch.transAxes, va="center", fontsize=FONT_SIZE - 1
    )


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def year_grid(daily: pd.Series, year: int) -> np.ndarray:
    """A 12 x 31 array of daily mood for ``year`` (NaN where there is none)."""
    grid = np.full((12, 31), np.nan)
    days = daily[daily.index.year == year]
    grid[days.index.month - 1, days.index.day - 1] = days.to_numpy()
    return grid


def weekday_chart(moods: pd.DataFrame) -> Figure:
    """Mean daily mood for each day of the week, Monday first, with the days each mean rests on."""
    figure, axes = new_figure(bottom=0.85)
    label(axes, "Mood by day of the week", "Day (and how many days with a mood)", "Mean mood (1-10)")
    table = metrics.mood_by_weekday(moods)
    if table["days"].sum() == 0:
        return empty(figure, axes, NO_MOODS)
    names = [f"{name[:3]}\n{counted(int(days), 'day')}" for name, days in zip(table.index, table["days"])]
    bars = axes.bar(names, table["mood"].fillna(0), color=MOOD_MEAN)
    axes.bar_label(bars, labels=["" if pd.isna(m) else f"{m:.1f}" for m in table["mood"]], padding=2)
    axes.tick_params(axis="x", labelsize=FONT_SIZE - 1, labelcolor=INK)
    axes.set_ylim(0, 10.5)
    return figure
