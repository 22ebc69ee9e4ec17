"""Charts: pure functions, journal DataFrames in, :class:`matplotlib.figure.Figure` out.

No pyplot, no global state, no display needed.  Every chart has a title,
labelled axes, a colour-blind-safe palette and a friendly message when there is
nothing to show yet.  Importing this package loads matplotlib; ``import
workbook`` does not import it.
"""

from workbook.charts.history import (
    channel_chart,
    days_to_outcome_chart,
    funnel_chart,
    rejections_by_month_chart,
)
from workbook.charts.mood import mood_timeline_chart, weekday_chart, year_in_pixels_chart
from workbook.charts.resilience import dip_by_stage_chart, recovery_chart
from workbook.charts.themes import theme_frequency_chart, themes_by_stage_chart, themes_over_time_chart

__all__ = [
    "channel_chart",
    "days_to_outcome_chart",
    "dip_by_stage_chart",
    "funnel_chart",
    "mood_timeline_chart",
    "recovery_chart",
    "rejections_by_month_chart",
    "theme_frequency_chart",
    "themes_by_stage_chart",
    "themes_over_time_chart",
    "weekday_chart",
    "year_in_pixels_chart",
]
