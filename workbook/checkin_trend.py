"""Resilience check-ins over time: the scores, what a score means in the template's words, and how they move.

Pure functions of the journal's check-ins frame and the template's
questionnaire.  A score is the mean answer (1–5) after reverse-scored
statements are turned round, so higher always means bouncing back more easily;
it is a snapshot to compare with oneself, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook import checkin

#: How many check-ins at each end are averaged to say whether scores have moved.
ENDS = 3
#: A change in mean score smaller than this reads as "about the same".
SAME_SCORE = 0.3


@dataclass(frozen=True)
class CheckInTrend:
    """How many check-ins, the latest score, and the mean of the first and the last few."""

    count: int
    latest: float
    latest_at: pd.Timestamp
    first_mean: float
    last_mean: float

    @property
    def change(self) -> float | None:
        """Last few minus first few; None until there are at least twice :data:`ENDS` check-ins."""
        return self.last_mean - self.first_mean if self.count >= 2 * ENDS else None


def scores(check_ins: pd.DataFrame, questionnaire_id: str | None = None) -> pd.DataFrame:
    """The check-ins of one questionnaire (all when None), oldest first: at, score."""
    chosen = check_ins
    if questionnaire_id is not None:
        chosen = check_ins[check_ins["questionnaire_id"].astype("str") == questionnaire_id]
    frame = chosen[["at", "score"]].astype({"at": "datetime64[ns]", "score": "float64"})
    return frame.sort_values("at", kind="stable", ignore_index=True)


def trend(series: pd.DataFrame) -> CheckInTrend | None:
    """The latest score and the first and last few averaged; None when there is no check-in."""
    if series.empty:
        return None
    values = series["score"].to_numpy()
    return CheckInTrend(
        count=len(values),
        latest=float(values[-1]),
        latest_at=pd.Timestamp(series["at"].iloc[-1]),
        first_mean=float(values[:ENDS].mean()),
        last_mean=float(values[-ENDS:].mean()),
    )


def meaning(score: float, bands: Mapping[str, str]) -> str:
    """The template's words for ``score`` (:func:`workbook.checkin.band`)."""
    return checkin.band(score, bands)


def band_edges(bands: Mapping[str, str]) -> list[float]:
    """The scores where a new band of meaning starts, above the lowest (for guide lines on a chart)."""
    return sorted(float(low) for low in bands)[1:]


def rolling_score(series: pd.DataFrame, window: int) -> np.ndarray:
    """The mean of the last ``window`` check-ins at each one (fewer at the start)."""
    return series["score"].rolling(window, min_periods=1).mean().to_numpy()
