"""Are recoveries getting shorter?  A line through recovery days over time, and a verdict the data support.

A direction is only stated with at least 4 known recoveries and when the
slope's 95% range (from its standard error) lies on one side of zero; the
numbers stay on the :class:`Trend` so summaries can say them in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DAYS_PER_MONTH = 365.25 / 12

#: Fewest rejections with a known recovery before a trend is worth a sentence.
TREND_MIN_POINTS = 4
#: A change smaller than this many days per month reads as "holding steady".
TREND_STEADY_DAYS = 0.5
#: Two-sided 95% quantiles of Student's t for 1 ... 30 degrees of freedom.
_T95 = (
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
)
_T95 += (
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
)


@dataclass(frozen=True)
class Trend:
    """Recovery days against rejection date, with a fitted line and a verdict in words.

    ``verdict`` is ``shorter`` or ``longer`` only when the whole likely range
    of the slope (``low_per_month`` ... ``high_per_month``, a 95% interval)
    lies on one side of zero; ``steady`` when it lies within half a day a
    month either way; ``unclear`` when it could go either way; ``too_few``
    below 4 known recoveries (then there is no line).
    """

    points: int
    slope_per_month: float | None
    intercept: float | None
    origin: pd.Timestamp | None
    verdict: str
    words: str
    low_per_month: float | None = None
    high_per_month: float | None = None

    @property
    def is_clear(self) -> bool:
        """True when the data support the verdict (shorter, longer or steady), so a line may be shown as a trend."""
        return self.verdict in ("shorter", "longer", "steady")

    def fitted(self, dates: pd.Series | pd.DatetimeIndex) -> np.ndarray:
        """The fitted recovery days at ``dates`` (an empty array when there is no line)."""
        if self.slope_per_month is None or self.origin is None or self.intercept is None:
            return np.array([])
        days = (pd.DatetimeIndex(dates) - self.origin).days.to_numpy(dtype="float64")
        return self.intercept + self.slope_per_month / DAYS_PER_MONTH * days


def recovery_trend(rejections: pd.DataFrame) -> Trend:
    """Are recoveries getting shorter?  A least-squares line through recovery days over time.

    Only rejections with a known recovery (``recovered`` true) count, as
    censored ones have no number yet.  With fewer than 4 of them, or all on one
    date, the verdict is ``too_few``.  Otherwise the slope, in days per month
    (365.25 / 12 days), comes with a 95% range from its standard error
    (Student's t, n - 2 degrees of freedom); see :class:`Trend` for how the
    range decides the verdict.  ``intercept`` is the line's value at
    ``origin``, the first of those rejection dates.
    """
    known = rejections[rejections["recovered"].fillna(False).astype(bool)]
    dates = pd.DatetimeIndex(known["rejected_on"])
    n = len(known)
    if n < TREND_MIN_POINTS or dates.nunique() < 2:
        return Trend(
            n, None, None, None, "too_few", _TREND_WORDS["too_few"].format(n=n, need=TREND_MIN_POINTS)
        )
    origin = dates.min()
    days = (dates - origin).days.to_numpy(dtype="float64")
    recovery = known["recovery_days"].to_numpy(dtype="float64")
    slope, intercept = np.polyfit(days, recovery, 1)
    residuals = recovery - (intercept + slope * days)
    spread = np.sqrt(residuals @ residuals / (n - 2) / np.sum((days - days.mean()) ** 2))
    t = _T95[n - 3] if n - 2 <= len(_T95) else 1.96 + 2.4 / (n - 2)
    per_month, margin = float(slope) * DAYS_PER_MONTH, float(t * spread) * DAYS_PER_MONTH
    low, high = per_month - margin, per_month + margin
    verdict = _verdict(per_month, low, high)
    words = _TREND_WORDS[verdict].format(
        n=n,
        change=abs(per_month),
        near=min(abs(low), abs(high)),
        far=max(abs(low), abs(high)),
        quicker=abs(low),
        longer=abs(high),
    )
    return Trend(n, per_month, float(intercept), origin, verdict, words, low, high)


def _verdict(per_month: float, low: float, high: float) -> str:
    if -TREND_STEADY_DAYS < low and high < TREND_STEADY_DAYS:
        return "steady"
    if high < 0 and per_month <= -TREND_STEADY_DAYS:
        return "shorter"
    if low > 0 and per_month >= TREND_STEADY_DAYS:
        return "longer"
    return "unclear"


_TREND_WORDS = {
    "too_few": "Too few recoveries logged yet to say whether they are getting shorter: "
    "{n} so far, and a trend needs at least {need}.",
    "shorter": "Your recoveries are getting shorter: about {change:.1f} days quicker each month "
    "(likely between {near:.1f} and {far:.1f}), from {n} recoveries.",
    "longer": "Your recoveries are getting longer: about {change:.1f} days more each month "
    "(likely between {near:.1f} and {far:.1f}), from {n} recoveries. "
    "Go gently, and lean on the people around you.",
    "steady": "Your recoveries are holding steady, about as long as before, over {n} recoveries.",
    "unclear": "No clear change in your recoveries yet: over {n} of them, they could be anywhere from "
    "{quicker:.1f} days quicker to {longer:.1f} days longer each month. More entries will tell.",
}
