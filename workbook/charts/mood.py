"""Mood charts: daily mood with its 7-day mean and rejections marked, a year in pixels, weekdays."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from workbook import metrics
from workbook.charts.canvas import MOOD_MAP, colour, empty, label, new_figure

NO_MOODS = "No moods logged yet.\nA quick check-in a day is enough to start."
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def mood_timeline_chart(moods: pd.DataFrame, applications: pd.DataFrame) -> Figure:
    """Daily mood (dots), its 7-day mean (line), and each rejection as a labelled dashed line."""
    figure, axes = new_figure(10, 4.5)
    label(axes, "Your mood over time", "Date", "Mood (1-10)")
    daily = metrics.daily_mood(moods)
    if daily.empty:
        return empty(figure, axes, NO_MOODS)
    axes.plot(daily.index, daily.to_numpy(), "o", color=colour(4), markersize=4, label="daily mood")
    rolling = metrics.rolling_mood(moods)
    axes.plot(rolling.index, rolling.to_numpy(), "-", color=colour(0), linewidth=2, label="7-day mean")
    axes.set_ylim(0.5, 10.5)
    rejected = applications[applications["outcome"] == "rejected"].dropna(subset=["outcome_on"])
    for app in rejected.sort_values("outcome_on").itertuples(index=False):
        axes.axvline(app.outcome_on, color=colour(5), linestyle="--", linewidth=1)
        axes.text(app.outcome_on, 10.3, f" {app.company}", rotation=90, va="top", ha="right", fontsize=8)
    axes.legend(frameon=False, loc="lower left")
    return figure


def year_in_pixels_chart(moods: pd.DataFrame, year: int | None = None) -> Figure:
    """A year as a grid of days (months down, days across), each coloured by that day's mood.

    ``year`` defaults to the latest year with an entry.  Days without an entry stay blank.
    """
    figure, axes = new_figure(10, 4.5)
    daily = metrics.daily_mood(moods)
    year = year or (int(daily.index.max().year) if not daily.empty else dt.date.today().year)
    label(axes, f"{year} in pixels", "Day of the month", "Month")
    grid = year_grid(daily, year)
    if np.isnan(grid).all():
        return empty(figure, axes, NO_MOODS)
    axes.grid(False)
    image = axes.imshow(grid, cmap=MOOD_MAP, vmin=1, vmax=10, aspect="equal")
    axes.set_xticks(range(0, 31, 5), [str(day) for day in range(1, 32, 5)])
    axes.set_yticks(range(12), list(MONTHS))
    figure.colorbar(image, ax=axes, label="Mood (1-10)", shrink=0.8)
    return figure


def year_grid(daily: pd.Series, year: int) -> np.ndarray:
    """A 12 x 31 array of daily mood for ``year`` (NaN where there is none)."""
    grid = np.full((12, 31), np.nan)
    for day, mood in daily[daily.index.year == year].items():
        grid[day.month - 1, day.day - 1] = mood
    return grid


def weekday_chart(moods: pd.DataFrame) -> Figure:
    """Mean daily mood for each day of the week, Monday first."""
    figure, axes = new_figure()
    label(axes, "Mood by day of the week", "Day", "Mean mood (1-10)")
    table = metrics.mood_by_weekday(moods)
    if table["days"].sum() == 0:
        return empty(figure, axes, NO_MOODS)
    bars = axes.bar([name[:3] for name in table.index], table["mood"].fillna(0), color=colour(0))
    axes.bar_label(bars, labels=["" if pd.isna(m) else f"{m:.1f}" for m in table["mood"]], padding=2)
    axes.set_ylim(0, 10.5)
    return figure
