"""Resilience metrics: pure functions, journal DataFrames in, DataFrames out.

The definitions follow DESIGN.md "Resilience metrics" to the letter:

- **daily mood**: the mean of each calendar date's entries; days without an
  entry have none (nothing is interpolated).
- For each rejected application, D is its ``outcome_on``.
- **baseline**: median daily mood over D-14 ... D-1, when at least 3 of those
  dates have one; otherwise undefined.
- **dip**: baseline minus the lowest daily mood over D ... D+7.
- **recovery days**: walking the dates d >= D that have a daily mood, the mean
  of the last three such dates (fewer at the start) first reaches
  baseline - 0.5 at d; recovery days = d - D.  Never reached: not yet
  recovered.  No baseline: unknown.
- **bounce-back days**: D to the earliest ``applied_on`` >= D of any other
  application.

Undefined values are NaN / <NA> in the frames and null in JSON.  Rejection
history (funnel, response rate, ghosting) lives in :mod:`workbook.history`, and
the trend of recovery days in :mod:`workbook.trend`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

# The trend lives in its own module; it stays importable from here for every caller.
from workbook.memo import remembered
from workbook.trend import DAYS_PER_MONTH as DAYS_PER_MONTH
from workbook.trend import Trend as Trend
from workbook.trend import recovery_trend as recovery_trend

BASELINE_DAYS = 14
BASELINE_MIN_DATES = 3
DIP_DAYS = 7
RECOVERY_WINDOW = 3
RECOVERY_MARGIN = 0.5
#: How recent the last mood entry must be for the low-mood signal to be "now".
SIGNAL_RECENT_DAYS = 7

REJECTION_COLUMNS = (
    "application_id",
    "company",
    "role",
    "rejected_on",
    "baseline",
    "dip",
    "recovery_days",
    "recovered",
    "bounce_back_days",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --- mood over time ---------------------------------------------------------------


def daily_mood(moods: pd.DataFrame) -> pd.Series:
    """Mean mood of each calendar date that has an entry, indexed by date (midnight), oldest first."""
    days = pd.DatetimeIndex(moods["at"]).to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    dates, which = np.unique(days, return_inverse=True)
    totals = np.bincount(which, weights=moods["mood"].to_numpy(dtype="float64"), minlength=len(dates))
    means = totals / np.bincount(which, minlength=len(dates))
    return pd.Series(means, index=pd.DatetimeIndex(dates.astype("datetime64[ns]"), name="date"), name="mood")


def rolling_mood(moods: pd.DataFrame, days: int = 7) -> pd.Series:
    """Mean of the daily moods in the ``days`` calendar days ending on each date that has one."""
    daily = daily_mood(moods)
    if daily.empty:
        return daily.rename(f"mean_{days}d")
    return daily.rolling(f"{days}D").mean().rename(f"mean_{days}d")


def mood_by_weekday(moods: pd.DataFrame) -> pd.DataFrame:
    """Mean daily mood per weekday, Monday first.  Columns: mood (NaN if none), days."""
    daily = daily_mood(moods)
    grouped = daily.groupby(daily.index.day_of_week.to_numpy())
    frame = pd.DataFrame({"mood": grouped.mean(), "days": grouped.size()}).reindex(range(len(WEEKDAYS)))
    frame["days"] = frame["days"].fillna(0).astype("int64")
    frame.index = pd.Index(WEEKDAYS, name="weekday")
    return frame


def mood_stability(moods: pd.DataFrame) -> pd.DataFrame:
    """Mood stability per month: the mean squared successive difference (MSSD) of daily mood.

    Successive means consecutive dates *that have* a daily mood within the
    month (gaps are skipped, not filled).  Lower is steadier.  A month with
    fewer than two such dates has NaN.  Index: month start; columns mssd, days.
    """
    daily = daily_mood(moods)
    months, which, days = np.unique(
        daily.index.to_numpy().astype("datetime64[M]"), return_inverse=True, return_counts=True
    )
    steps = np.diff(daily.to_numpy())
    same = which[1:] == which[:-1]
    squares = np.bincount(which[1:][same], weights=steps[same] ** 2, minlength=len(months))
    mssd = np.divide(squares, days - 1, out=np.full(len(months), np.nan), where=days > 1)
    index = pd.DatetimeIndex(months.astype("datetime64[us]"), name="month")  # as Period.to_timestamp gives
    return pd.DataFrame({"mssd": mssd, "days": days.astype("int64")}, index=index)


# --- the low-mood signal ------------------------------------------------------------


def low_mood_periods(moods: pd.DataFrame, *, threshold: float = 3, min_days: int = 5) -> pd.DataFrame:
    """Runs of at least ``min_days`` consecutive calendar days, each with daily mood <= ``threshold``.

    A day without an entry breaks a run.  Columns: start, end (dates), days; oldest first.
    """
    daily = daily_mood(moods)
    low = _day_numbers(daily.index[daily.to_numpy() <= threshold])
    ends = np.flatnonzero(np.diff(low) != 1)  # the last day of every run but the final one
    first = np.append(0, ends + 1) if low.size else ends
    last = np.append(ends, low.size - 1) if low.size else ends
    days = low[last] - low[first] + 1
    keep = days >= min_days
    as_dates = np.datetime64("1970-01-01", "ns") + low.astype("timedelta64[D]")
    return pd.DataFrame(
        {"start": as_dates[first[keep]], "end": as_dates[last[keep]], "days": days[keep].astype("int64")}
    )


def low_mood_signal(
    moods: pd.DataFrame, *, today: dt.date | None = None, threshold: float = 3, min_days: int = 5
) -> bool:
    """True while a low-mood run is still going on: it is not a diagnosis, only a cue to offer support.

    The latest run must end on the last date with a mood entry, and that date
    must be within 7 days of ``today``.
    """
    periods = low_mood_periods(moods, threshold=threshold, min_days=min_days)
    if periods.empty:
        return False
    today = today or dt.date.today()
    last_entry = pd.Timestamp(moods["at"].max()).date()
    latest_end = periods["end"].iloc[-1].date()
    return latest_end == last_entry and 0 <= (today - last_entry).days <= SIGNAL_RECENT_DAYS


# --- per rejection ------------------------------------------------------------------


@remembered
def rejection_metrics(applications: pd.DataFrame, moods: pd.DataFrame) -> pd.DataFrame:
    """One row per rejected application, oldest rejection first (ties by id).

    Columns are those of ``workbook metrics --json``: application_id, company,
    role, rejected_on, baseline, dip (floats, NaN when undefined),
    recovery_days (Int64), recovered (boolean: <NA> when the baseline is
    unknown), bounce_back_days (Int64).  All rejections are worked out at once
    on arrays of day numbers, so ten years of entries take milliseconds; the
    same frames given again get the same answer again (:func:`remembered`).
    """
    dated = (applications["outcome"] == "rejected") & applications["outcome_on"].notna()
    rejected = applications.loc[dated, ["id", "company", "role", "applied_on", "outcome_on"]]
    rejected = rejected.sort_values(["outcome_on", "id"], kind="stable")
    rejected_on = pd.DatetimeIndex(rejected["outcome_on"]).normalize()
    on = _day_numbers(rejected_on)
    daily = daily_mood(moods)
    dates, values = _day_numbers(daily.index), daily.to_numpy(dtype="float64")
    baseline = _baselines(dates, values, on)
    recovery = _recovery_days(dates, values, on, baseline)
    known = ~np.isnan(baseline)
    frame = pd.DataFrame(
        {
            "application_id": rejected["id"].to_numpy(dtype="int64"),
            "company": rejected["company"].to_numpy(),
            "role": rejected["role"].to_numpy(),
            "rejected_on": rejected_on.to_numpy(),
            "baseline": baseline,
            "dip": baseline - _lowest_in_week(dates, values, on),
            "recovery_days": pd.arrays.IntegerArray(recovery, recovery < 0),
            "recovered": pd.arrays.BooleanArray(recovery >= 0, ~known),
            "bounce_back_days": _bounce_back(applications, rejected, on),
        },
        columns=list(REJECTION_COLUMNS),
    )
    return frame.astype({"company": "str", "role": "str", "rejected_on": "datetime64[ns]"})


def _day_numbers(dates: pd.DatetimeIndex | pd.Series) -> np.ndarray:
    """Whole days since 1970-01-01, as int64."""
    return np.asarray(
        pd.DatetimeIndex(dates).to_numpy(dtype="datetime64[ns]").astype("datetime64[D]"), "int64"
    )


def _window(
    dates: np.ndarray, values: np.ndarray, first: np.ndarray, last: np.ndarray, fill: float
) -> np.ndarray:
    """The daily moods dated first ... last (inclusive) for each rejection, one row each, padded with ``fill``."""
    lo = np.searchsorted(dates, first, "left")
    count = np.searchsorted(dates, last, "right") - lo
    width = int(count.max(initial=0))
    positions = lo[:, None] + np.arange(width)
    inside = np.arange(width) < count[:, None]
    taken = values[np.minimum(positions, len(values) - 1)] if len(values) else np.zeros(positions.shape)
    return np.where(inside, taken, fill)


def _baselines(dates: np.ndarray, values: np.ndarray, on: np.ndarray) -> np.ndarray:
    """Median daily mood over D-14 ... D-1 with at least 3 dates; NaN otherwise."""
    window = np.sort(_window(dates, values, on - BASELINE_DAYS, on - 1, np.nan), axis=1)  # NaN sorts last
    count = (~np.isnan(window)).sum(axis=1)
    rows = np.arange(len(on))
    low = window[rows, np.maximum((count - 1) // 2, 0)] if window.size else np.full(len(on), np.nan)
    high = window[rows, np.maximum(count // 2, 0)] if window.size else low
    median = np.where(count % 2 == 1, low, (low + high) / 2)
    return np.where(count >= BASELINE_MIN_DATES, median, np.nan)


def _lowest_in_week(dates: np.ndarray, values: np.ndarray, on: np.ndarray) -> np.ndarray:
    """Lowest daily mood over D ... D+7; NaN when none was logged."""
    window = _window(dates, values, on, on + DIP_DAYS, np.inf)
    lowest = window.min(axis=1, initial=np.inf)
    return np.where(np.isinf(lowest), np.nan, lowest)


def _recovery_days(dates: np.ndarray, values: np.ndarray, on: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """Days to recovery per rejection; -1 when not (yet) recovered or the baseline is unknown.

    The mean of the last three dates only counts dates >= D, so the first two
    dates of each walk use the mean of one and of two; from the third on, a
    trailing mean of three shared by every walk.
    """
    n = len(values)
    first = np.searchsorted(dates, on, "left")
    # A hair of tolerance: a mean of thirds must not miss the target by rounding.
    target = baseline - RECOVERY_MARGIN - 1e-9
    found = np.full(len(on), -1, dtype="int64")
    if n == 0:
        return found
    of_two = np.concatenate([[np.nan], (values[:-1] + values[1:]) / 2])
    of_three = np.concatenate([[np.nan, np.nan], (values[:-2] + values[1:-1] + values[2:]) / 3])[:n]
    for offset, means in ((0, values), (1, of_two)):
        at = first + offset
        hit = (found < 0) & (at < n) & (means[np.minimum(at, n - 1)] >= target)
        found[hit] = at[hit]
    later = _first_reaching(of_three, first + 2, target)
    found = np.where(found < 0, later, found)
    return np.where(found >= 0, dates[np.maximum(found, 0)] - on, -1)


def _first_reaching(means: np.ndarray, start: np.ndarray, target: np.ndarray) -> np.ndarray:
    """For each start, the first position >= start where ``means`` >= its target, else -1.

    Binary lifting over a table of running maxima: skip every block of 2**k
    positions whose maximum stays below the target, largest blocks first.
    """
    n = len(means)
    filled = np.where(np.isnan(means), -np.inf, means)
    maxima = [filled]
    while 2 ** len(maxima) <= n:
        half = 2 ** (len(maxima) - 1)
        previous = maxima[-1]
        maxima.append(np.concatenate([np.maximum(previous[:-half], previous[half:]), np.full(half, -np.inf)]))
    position = start.copy()
    for level in range(len(maxima) - 1, -1, -1):
        size = 2**level
        skip = (position + size <= n) & (maxima[level][np.minimum(position, n - 1)] < target)
        position = np.where(skip, position + size, position)
    reached = (position < n) & (filled[np.minimum(position, n - 1)] >= target)
    return np.where(reached, position, -1)


def _bounce_back(
    applications: pd.DataFrame, rejected: pd.DataFrame, on: np.ndarray
) -> pd.arrays.IntegerArray:
    """Days from D to the earliest applied_on >= D among the other applications; <NA> when none."""
    applied = applications["applied_on"].dropna()
    ordered = np.sort(_day_numbers(applied))
    own = _day_numbers(rejected["applied_on"])
    at = np.searchsorted(ordered, on, "left")
    padded = np.concatenate([ordered, [np.iinfo("int64").max] * 2])
    earliest, next_one = padded[at], padded[at + 1]
    # The rejected application is among those on or after D only when applied on D itself;
    # then, if it is the earliest, the next one in order is the earliest other.
    own_is_first = rejected["applied_on"].notna().to_numpy() & (own == earliest)
    chosen = np.where(own_is_first, next_one, earliest)
    none = chosen == np.iinfo("int64").max
    return pd.arrays.IntegerArray(np.where(none, on, chosen) - on, none)


def rejection_rows(rejections: pd.DataFrame) -> list[dict[str, object]]:
    """The rows of :func:`rejection_metrics` as JSON-ready dicts.

    Dates become ISO strings, whole numbers ints, other numbers floats, and
    undefined values None (JSON null).
    """
    columns = [_plain_column(rejections[name]) for name in REJECTION_COLUMNS]
    return [dict(zip(REJECTION_COLUMNS, values, strict=True)) for values in zip(*columns, strict=True)]


def _plain_column(column: pd.Series) -> list[object]:
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "M":
        iso = column.dt.strftime("%Y-%m-%d").astype(object)
        return iso.where(column.notna(), None).tolist()
    return [_plain(value) for value in column.tolist()]


def _plain(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return int(value) if float(value).is_integer() else float(value)
    return value
