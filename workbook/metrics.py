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
history (funnel, response rate, ghosting) lives in :mod:`workbook.history`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

BASELINE_DAYS = 14
BASELINE_MIN_DATES = 3
DIP_DAYS = 7
RECOVERY_WINDOW = 3
RECOVERY_MARGIN = 0.5
#: How recent the last mood entry must be for the low-mood signal to be "now".
SIGNAL_RECENT_DAYS = 7
DAYS_PER_MONTH = 365.25 / 12

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
    if moods.empty:
        return pd.Series([], dtype="float64", index=pd.DatetimeIndex([], name="date"), name="mood")
    days = pd.to_datetime(moods["at"]).dt.normalize().rename("date")
    daily = moods["mood"].astype("float64").groupby(days).mean().sort_index()
    return daily.rename("mood")


def rolling_mood(moods: pd.DataFrame, days: int = 7) -> pd.Series:
    """Mean of the daily moods in the ``days`` calendar days ending on each date that has one."""
    daily = daily_mood(moods)
    if daily.empty:
        return daily.rename(f"mean_{days}d")
    return daily.rolling(f"{days}D").mean().rename(f"mean_{days}d")


def mood_by_weekday(moods: pd.DataFrame) -> pd.DataFrame:
    """Mean daily mood per weekday, Monday first.  Columns: mood (NaN if none), days."""
    daily = daily_mood(moods)
    names = pd.Series(daily.index.day_of_week, index=daily.index).map(dict(enumerate(WEEKDAYS)))
    grouped = daily.groupby(names)
    frame = pd.DataFrame({"mood": grouped.mean(), "days": grouped.size()}).reindex(list(WEEKDAYS))
    frame["days"] = frame["days"].fillna(0).astype("int64")
    frame.index.name = "weekday"
    return frame


def mood_stability(moods: pd.DataFrame) -> pd.DataFrame:
    """Mood stability per month: the mean squared successive difference (MSSD) of daily mood.

    Successive means consecutive dates *that have* a daily mood within the
    month (gaps are skipped, not filled).  Lower is steadier.  A month with
    fewer than two such dates has NaN.  Index: month start; columns mssd, days.
    """
    daily = daily_mood(moods)
    months = daily.index.to_period("M")
    rows = {}
    for month, values in daily.groupby(months):
        steps = np.diff(values.to_numpy())
        rows[month.to_timestamp()] = {
            "mssd": float(np.mean(steps**2)) if len(steps) else np.nan,
            "days": len(values),
        }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["mssd", "days"])
    frame.index = pd.DatetimeIndex(frame.index, name="month")
    return frame.astype({"mssd": "float64", "days": "int64"})


# --- the low-mood signal ------------------------------------------------------------


def low_mood_periods(moods: pd.DataFrame, *, threshold: float = 3, min_days: int = 5) -> pd.DataFrame:
    """Runs of at least ``min_days`` consecutive calendar days, each with daily mood <= ``threshold``.

    A day without an entry breaks a run.  Columns: start, end (dates), days; oldest first.
    """
    daily = daily_mood(moods)
    low = daily.index[daily.to_numpy() <= threshold]
    runs: list[dict[str, object]] = []
    start = previous = None
    for day in [*low, None]:
        if day is not None and previous is not None and (day - previous).days == 1:
            previous = day
            continue
        if start is not None and (previous - start).days + 1 >= min_days:
            runs.append({"start": start, "end": previous, "days": (previous - start).days + 1})
        start = previous = day
    frame = pd.DataFrame(runs, columns=["start", "end", "days"])
    return frame.astype({"start": "datetime64[ns]", "end": "datetime64[ns]", "days": "int64"})


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
    last_entry = daily_mood(moods).index.max().date()
    latest_end = periods["end"].iloc[-1].date()
    return latest_end == last_entry and 0 <= (today - last_entry).days <= SIGNAL_RECENT_DAYS


# --- per rejection ------------------------------------------------------------------


def rejection_metrics(applications: pd.DataFrame, moods: pd.DataFrame) -> pd.DataFrame:
    """One row per rejected application, oldest rejection first (ties by id).

    Columns are those of ``workbook metrics --json``: application_id, company,
    role, rejected_on, baseline, dip (floats, NaN when undefined),
    recovery_days (Int64), recovered (boolean: <NA> when the baseline is
    unknown), bounce_back_days (Int64).
    """
    daily = daily_mood(moods)
    rejected = applications[applications["outcome"] == "rejected"].dropna(subset=["outcome_on"])
    rejected = rejected.sort_values(["outcome_on", "id"], kind="stable")
    rows = [_one_rejection(app, daily, applications) for app in rejected.itertuples(index=False)]
    frame = pd.DataFrame(rows, columns=list(REJECTION_COLUMNS))
    return frame.astype(
        {
            "application_id": "int64",
            "company": "str",
            "role": "str",
            "rejected_on": "datetime64[ns]",
            "baseline": "float64",
            "dip": "float64",
            "recovery_days": "Int64",
            "recovered": "boolean",
            "bounce_back_days": "Int64",
        }
    )


def _one_rejection(app: object, daily: pd.Series, applications: pd.DataFrame) -> dict[str, object]:
    day = pd.Timestamp(app.outcome_on).normalize()
    baseline = _baseline(daily, day)
    recovery = _recovery_days(daily, day, baseline)
    return {
        "application_id": app.id,
        "company": app.company,
        "role": app.role,
        "rejected_on": day,
        "baseline": baseline,
        "dip": _dip(daily, day, baseline),
        "recovery_days": recovery,
        "recovered": None if baseline is None else recovery is not None,
        "bounce_back_days": _bounce_back(applications, app.id, day),
    }


def _baseline(daily: pd.Series, day: pd.Timestamp) -> float | None:
    before = daily[(daily.index >= day - pd.Timedelta(days=BASELINE_DAYS)) & (daily.index < day)]
    return float(before.median()) if len(before) >= BASELINE_MIN_DATES else None


def _dip(daily: pd.Series, day: pd.Timestamp, baseline: float | None) -> float | None:
    window = daily[(daily.index >= day) & (daily.index <= day + pd.Timedelta(days=DIP_DAYS))]
    if baseline is None or window.empty:
        return None
    return baseline - float(window.min())


def _recovery_days(daily: pd.Series, day: pd.Timestamp, baseline: float | None) -> int | None:
    if baseline is None:
        return None
    after = daily[daily.index >= day]
    values = after.to_numpy()
    target = baseline - RECOVERY_MARGIN
    for position, date in enumerate(after.index):
        recent = values[max(0, position - RECOVERY_WINDOW + 1) : position + 1]
        # A hair of tolerance: a mean of thirds must not miss the target by rounding.
        if recent.mean() >= target - 1e-9:
            return int((date - day).days)
    return None


def _bounce_back(applications: pd.DataFrame, app_id: int, day: pd.Timestamp) -> int | None:
    others = applications[(applications["id"] != app_id) & (applications["applied_on"] >= day)]
    if others.empty:
        return None
    return int((others["applied_on"].min() - day).days)


def rejection_rows(rejections: pd.DataFrame) -> list[dict[str, object]]:
    """The rows of :func:`rejection_metrics` as JSON-ready dicts.

    Dates become ISO strings, whole numbers ints, other numbers floats, and
    undefined values None (JSON null).
    """
    return [{name: _plain(row[name]) for name in REJECTION_COLUMNS} for row in rejections.to_dict("records")]


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


# --- the trend of recovery days ---------------------------------------------------------

#: Fewest rejections with a known recovery before a trend is worth a sentence.
TREND_MIN_POINTS = 3
#: A change smaller than this many days per month reads as "holding steady".
TREND_STEADY_DAYS = 0.5


@dataclass(frozen=True)
class Trend:
    """Recovery days against rejection date, with a fitted line and a verdict in words."""

    points: int
    slope_per_month: float | None
    intercept: float | None
    origin: pd.Timestamp | None
    verdict: str
    words: str

    def fitted(self, dates: pd.Series | pd.DatetimeIndex) -> np.ndarray:
        """The fitted recovery days at ``dates`` (an empty array when there is no line)."""
        if self.slope_per_month is None or self.origin is None or self.intercept is None:
            return np.array([])
        days = (pd.DatetimeIndex(dates) - self.origin).days.to_numpy(dtype="float64")
        return self.intercept + self.slope_per_month / DAYS_PER_MONTH * days


def recovery_trend(rejections: pd.DataFrame) -> Trend:
    """Are recoveries getting shorter?  A least-squares line through recovery days over time.

    Rule: only rejections with a known recovery (``recovered`` true) count, as
    censored ones have no number yet.  With fewer than 3 of them, or all on one
    date, the verdict is ``too_few``.  Otherwise the slope is converted to days
    per month (365.25 / 12 days): at most -0.5 is ``shorter``, at least +0.5 is
    ``longer``, anything between is ``steady``.  ``intercept`` is the line's
    value at ``origin``, the first of those rejection dates.
    """
    known = rejections[rejections["recovered"].fillna(False).astype(bool)]
    dates = pd.DatetimeIndex(known["rejected_on"])
    if len(known) < TREND_MIN_POINTS or dates.nunique() < 2:
        return Trend(len(known), None, None, None, "too_few", _TREND_WORDS["too_few"])
    origin = dates.min()
    days = (dates - origin).days.to_numpy(dtype="float64")
    slope, intercept = np.polyfit(days, known["recovery_days"].to_numpy(dtype="float64"), 1)
    per_month = float(slope) * DAYS_PER_MONTH
    if per_month <= -TREND_STEADY_DAYS:
        verdict = "shorter"
    elif per_month >= TREND_STEADY_DAYS:
        verdict = "longer"
    else:
        verdict = "steady"
    words = _TREND_WORDS[verdict].format(change=abs(per_month))
    return Trend(len(known), per_month, float(intercept), origin, verdict, words)


_TREND_WORDS = {
    "too_few": "Too few recoveries logged yet to say whether they are getting shorter.",
    "shorter": "Your recoveries are getting shorter: about {change:.1f} days quicker each month.",
    "longer": "Your recoveries are getting longer: about {change:.1f} days more each month. "
    "Go gently, and lean on the people around you.",
    "steady": "Your recoveries are holding steady, about as long as before.",
}
