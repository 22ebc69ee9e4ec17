"""Daily mood and its mean over the last days, in plain Python, for the command line.

The same definitions as :func:`workbook.metrics.daily_mood` and
:func:`workbook.metrics.rolling_mood` (DESIGN.md, "daily mood"): a date's mood
is the mean of that date's entries, and a date's recent mean is the mean of the
daily moods in the ``window`` calendar days ending on it, counting only dates
that have one.  Without pandas, so ``workbook list moods --daily`` starts fast.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from typing import NamedTuple

#: Calendar days in the recent mean, the same window the charts use.
WINDOW_DAYS = 7


class MoodDay(NamedTuple):
    """One date that has a mood: its mean, how many entries made it, and the recent mean."""

    date: dt.date
    mood: float
    entries: int
    recent: float


def mood_days(times: Iterable[tuple[dt.date, int]], window: int = WINDOW_DAYS) -> list[MoodDay]:
    """The daily moods of ``(when, mood)`` pairs, oldest date first, each with its ``window``-day mean."""
    totals: dict[dt.date, list[int]] = {}
    for when, mood in times:
        day = when.date() if isinstance(when, dt.datetime) else when
        total = totals.setdefault(day, [0, 0])
        total[0] += mood
        total[1] += 1
    span = dt.timedelta(days=window)
    recent: deque[tuple[dt.date, float]] = deque()
    days = []
    for day in sorted(totals):
        summed, count = totals[day]
        mean = summed / count
        recent.append((day, mean))
        while recent[0][0] <= day - span:
            recent.popleft()
        days.append(MoodDay(day, mean, count, sum(m for _, m in recent) / len(recent)))
    return days
