"""How long the metrics take on a ten-year journal, against a bare-pandas floor.

A quick local measurement (the full harness lives elsewhere).  The frames are
built directly with the columns and dtypes ``Journal.moods()``,
``Journal.applications()`` and ``Journal.stage_changes()`` hand out: 5,500
moods over ten years with gaps and several a day, 1,000 applications of which
about 590 are rejected.  Each function is timed interleaved with the floor
(the daily mean by ``groupby(at.dt.date)``), median of several runs, and
printed as milliseconds and a ratio to the floor.

Run: ``.venv/bin/python benchmarks/metrics_speed.py [--runs 7]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from workbook import history, metrics
from workbook.records import CHANNELS, CONTEXTS, OUTCOMES, STAGES

START = pd.Timestamp("2016-01-01")
DAYS = 3_652


def moods_frame(rng: np.random.Generator, entries: int = 5_500) -> pd.DataFrame:
    """Mood entries over ten years: about a quarter of days empty, one to four entries on the rest."""
    active = np.sort(rng.choice(DAYS, size=2_750, replace=False))
    per_day = rng.integers(1, 4, size=active.size)
    days = np.repeat(active, per_day)[:entries]
    hours = rng.integers(7, 23, size=days.size)
    at = START + pd.to_timedelta(days, unit="D") + pd.to_timedelta(hours, unit="h")
    walk = np.clip(np.round(6 + np.cumsum(rng.normal(0, 0.6, days.size)) % 8 - 2), 1, 10)
    mood = np.clip(walk + rng.integers(-2, 3, days.size), 1, 10).astype("int64")
    n = days.size
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1, dtype="int64"),
            "at": pd.DatetimeIndex(at).astype("datetime64[ns]"),
            "mood": mood,
            "emotions": pd.Series([["calm"]] * n, dtype=object),
            "tags": pd.Series([[]] * n, dtype=object),
            "energy": pd.array(rng.integers(1, 6, n), dtype="Int64"),
            "note": pd.Series([""] * n, dtype="str"),
            "context": pd.Categorical(["daily"] * n, categories=list(CONTEXTS)),
            "application_id": pd.array([None] * n, dtype="Int64"),
        }
    )


def applications_frame(rng: np.random.Generator, count: int = 1_000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Applications (about 59% rejected) and their stage history."""
    applied = START + pd.to_timedelta(np.sort(rng.integers(0, DAYS - 90, count)), unit="D")
    outcome = rng.choice(
        ["rejected", "pending", "offer", "withdrawn", "ghosted"], count, p=[0.59, 0.2, 0.05, 0.06, 0.1]
    )
    stage_rank = rng.choice(4, count, p=[0.5, 0.25, 0.17, 0.08])
    waited = pd.to_timedelta(rng.integers(3, 80, count), unit="D")
    outcome_on = pd.Series(applied + waited).where(np.isin(outcome, ["rejected", "offer", "withdrawn"]))
    ids = np.arange(1, count + 1, dtype="int64")
    apps = pd.DataFrame(
        {
            "id": ids,
            "company": [f"Company {i}" for i in ids],
            "role": "Analyst",
            "applied_on": pd.DatetimeIndex(applied).astype("datetime64[ns]"),
            "stage": pd.Categorical(np.array(STAGES)[stage_rank], categories=list(STAGES)),
            "outcome": pd.Categorical(outcome, categories=list(OUTCOMES)),
            "outcome_on": outcome_on.astype("datetime64[ns]"),
            "channel": pd.Categorical(rng.choice(list(CHANNELS), count), categories=list(CHANNELS)),
            "notes": "",
        }
    )
    rows = [
        (app_id, STAGES[rank], applied[i] + pd.Timedelta(days=2 * rank))
        for i, (app_id, top) in enumerate(zip(ids, stage_rank, strict=True))
        for rank in range(1, top + 1)
    ]
    changes = pd.DataFrame(rows, columns=["application_id", "stage", "changed_on"])
    changes.insert(0, "id", np.arange(1, len(changes) + 1, dtype="int64"))
    changes["stage"] = pd.Categorical(changes["stage"], categories=list(STAGES))
    changes["changed_on"] = changes["changed_on"].astype("datetime64[ns]")
    latest = changes.groupby("application_id")["changed_on"].max()
    return apps.join(latest.rename("stage_on"), on="id"), changes


def measure(function: Callable[[], object], floor: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median seconds of ``function`` and of ``floor``, run alternately."""
    mine, base = [], []
    function(), floor()  # warm caches and lazy imports
    for _ in range(runs):
        for sink, call in ((mine, function), (base, floor)):
            began = time.perf_counter()
            call()
            sink.append(time.perf_counter() - began)
    return statistics.median(mine), statistics.median(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    rng = np.random.default_rng(14)
    moods = moods_frame(rng)
    apps, changes = applications_frame(rng)
    rejections = metrics.rejection_metrics(apps, moods)
    print(f"{len(moods)} moods, {len(apps)} applications, {len(rejections)} rejections, {runs} runs\n")

    def floor() -> object:
        return moods.groupby(moods["at"].dt.date)["mood"].mean()

    cases: dict[str, Callable[[], object]] = {
        "rejection_metrics": lambda: metrics.rejection_metrics(apps, moods),
        "daily_mood": lambda: metrics.daily_mood(moods),
        "rolling_mood": lambda: metrics.rolling_mood(moods),
        "mood_by_weekday": lambda: metrics.mood_by_weekday(moods),
        "mood_stability": lambda: metrics.mood_stability(moods),
        "low_mood_periods": lambda: metrics.low_mood_periods(moods, threshold=4, min_days=2),
        "low_mood_signal": lambda: metrics.low_mood_signal(moods, threshold=4, min_days=2),
        "recovery_trend": lambda: metrics.recovery_trend(rejections),
        "rejection_rows": lambda: metrics.rejection_rows(rejections),
        "history.rejections_by_month": lambda: history.rejections_by_month(apps),
        "history.funnel": lambda: history.funnel(apps, changes),
        "history.response_rate": lambda: history.response_rate(apps),
        "history.days_to_outcome": lambda: history.days_to_outcome(apps),
        "history.days_to_outcome_by": lambda: history.days_to_outcome_by(apps, "channel"),
        "history.rejections_by_channel": lambda: history.rejections_by_channel(apps),
        "history.probably_ghosted": lambda: history.probably_ghosted(apps, changes),
    }
    print(f"{'function':32} {'ms':>9} {'floor ms':>9} {'ratio':>7}")
    for name, call in cases.items():
        mine, base = measure(call, floor, runs)
        print(f"{name:32} {mine * 1e3:9.2f} {base * 1e3:9.2f} {mine / base:7.2f}")


if __name__ == "__main__":
    main()
