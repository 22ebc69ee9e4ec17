"""How long each chart takes on ten years of entries, call plus PNG render, against a bare floor.

The data is built directly as DataFrames with the columns and dtypes the
journal hands out: 5,500 moods (gaps, several a day), 1,000 applications, 590
of them rejected, about 1,200 feedback items.  Each chart is timed (call, then
``savefig`` to PNG at the figure's dpi) interleaved with a floor: a bare
matplotlib line or bar plot of the same number of points, rendered the same
way.  Prints medians and ratios.  ``--dpi 144`` renders as a retina screen would.

    .venv/bin/python benchmarks/charts_speed.py [--runs 7] [--dpi 144] [--only NAME]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from workbook import charts, metrics
from workbook.records import CHANNELS, OUTCOMES, STAGES
from workbook.themes import load_vocabulary

START = pd.Timestamp("2016-01-04")
DAYS = 3650


def synthetic_journal(seed: int = 14) -> dict[str, pd.DataFrame]:
    """Ten years of moods, applications, stage changes and feedback, typed as the journal types them."""
    rng = np.random.default_rng(seed)
    apps = _applications(rng)
    return {
        "applications": apps,
        "moods": _moods(rng),
        "feedback": _feedback(rng, apps),
        "stage_changes": _stage_changes(apps),
    }


def _applications(rng: np.random.Generator, count: int = 1000, rejected: int = 590) -> pd.DataFrame:
    applied = START + pd.to_timedelta(np.sort(rng.integers(0, DAYS - 90, count)), unit="D")
    outcome = np.array(["rejected"] * rejected + ["ghosted"] * 250 + ["offer"] * 30 + ["withdrawn"] * 40)
    outcome = np.concatenate([outcome, ["pending"] * (count - len(outcome))])
    rng.shuffle(outcome)
    wait = pd.to_timedelta(rng.gamma(2.0, 12.0, count).astype(int) + 1, unit="D")
    outcome_on = pd.Series(applied + wait).where(pd.Series(outcome).isin(["rejected", "offer", "withdrawn"]))
    stage = rng.choice(STAGES, count, p=[0.4, 0.3, 0.2, 0.1])
    return pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "company": [f"Company {n:04d}" for n in range(count)],
            "role": "Developer",
            "applied_on": pd.Series(applied).astype("datetime64[ns]"),
            "stage": pd.Categorical(stage, categories=list(STAGES)),
            "outcome": pd.Categorical(outcome, categories=list(OUTCOMES)),
            "outcome_on": outcome_on.astype("datetime64[ns]"),
            "channel": pd.Categorical(rng.choice(CHANNELS, count), categories=list(CHANNELS)),
            "notes": "",
            "stage_on": (pd.Series(applied) + pd.Timedelta(days=5)).astype("datetime64[ns]"),
        }
    )


def _moods(rng: np.random.Generator, count: int = 5500) -> pd.DataFrame:
    # About 2,900 days with an entry (gaps), several entries on many of them.
    days = np.sort(rng.choice(DAYS, 2900, replace=False))
    at = START + pd.to_timedelta(np.sort(rng.choice(days, count)), unit="D")
    at = at + pd.to_timedelta(rng.integers(7 * 60, 23 * 60, count), unit="min")
    mood = np.clip(np.round(6 + 1.5 * np.sin(np.arange(count) / 90) + rng.normal(0, 1.6, count)), 1, 10)
    return pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "at": pd.Series(at).astype("datetime64[ns]"),
            "mood": mood.astype("int64"),
            "emotions": pd.Series([("calm",)] * count, dtype=object),
            "tags": pd.Series([()] * count, dtype=object),
            "energy": pd.array([None] * count, dtype="Int64"),
            "note": "",
            "context": "daily",
            "application_id": pd.array([None] * count, dtype="Int64"),
        }
    )


def _feedback(rng: np.random.Generator, apps: pd.DataFrame, count: int = 1200) -> pd.DataFrame:
    names = list(load_vocabulary())
    themes = [tuple(rng.choice(names, rng.integers(1, 3), replace=False)) for _ in range(count)]
    rejected = apps.loc[apps["outcome"] == "rejected", "id"].to_numpy()
    return pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "application_id": rng.choice(rejected, count).astype("int64"),
            "text": "feedback",
            "themes": pd.Series(themes, dtype=object),
            "confirmed": rng.random(count) < 0.5,
        }
    )


def _stage_changes(apps: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": apps["id"],
            "application_id": apps["id"],
            "stage": apps["stage"],
            "changed_on": apps["stage_on"],
        }
    )


def chart_cases(data: dict[str, pd.DataFrame]) -> dict[str, tuple[Callable[[], Figure], int]]:
    """Each chart as a call, with the number of points its floor draws."""
    apps, moods, feedback = data["applications"], data["moods"], data["feedback"]
    rejections = metrics.rejection_metrics(apps, moods)
    changes = data["stage_changes"]
    days = moods["at"].dt.normalize().nunique()
    return {
        "mood over time": (lambda: charts.mood_timeline_chart(moods, apps, rejections), days),
        "year in pixels": (lambda: charts.year_in_pixels_chart(moods), 366),
        "weekday": (lambda: charts.weekday_chart(moods), 7),
        "recovery": (lambda: charts.recovery_chart(rejections), len(rejections)),
        "dip by stage": (lambda: charts.dip_by_stage_chart(rejections, apps), len(rejections)),
        "rejections by month": (lambda: charts.rejections_by_month_chart(apps), 120),
        "funnel": (lambda: charts.funnel_chart(apps, changes), 4),
        "channels": (lambda: charts.channel_chart(apps), 5),
        "days to outcome": (lambda: charts.days_to_outcome_chart(apps), 20),
        "theme frequency": (lambda: charts.theme_frequency_chart(feedback), len(load_vocabulary())),
        "themes over time": (lambda: charts.themes_over_time_chart(feedback, apps), 120),
        "themes by stage": (lambda: charts.themes_by_stage_chart(feedback, apps), len(load_vocabulary())),
    }


def floor(points: int) -> Figure:
    """A bare matplotlib figure: a line (many points) or bars (few), default layout."""
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.add_subplot()
    if points > 30:
        axes.plot(np.arange(points), np.sin(np.arange(points)), "o", markersize=3)
    else:
        axes.bar(np.arange(points), np.arange(points) + 1)
    axes.set_title("floor")
    return figure


def render_ms(make: Callable[[], Figure], dpi: float | None) -> float:
    """Milliseconds to build the figure and save it as PNG."""
    start = time.perf_counter()
    figure = make()
    figure.savefig(io.BytesIO(), format="png", dpi=dpi or "figure")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Print each chart's median time against its floor, interleaved run by run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dpi", type=float, default=None, help="savefig dpi (default: the figure's)")
    parser.add_argument("--only", default=None, help="time only charts whose name contains this")
    args = parser.parse_args()
    cases = chart_cases(synthetic_journal())
    print(f"{'chart':<22}{'chart ms':>10}{'floor ms':>10}{'ratio':>8}")
    for name, (make, points) in cases.items():
        if args.only and args.only not in name:
            continue
        render_ms(make, args.dpi)  # warm-up
        chart, bare = [], []
        for _ in range(args.runs):
            chart.append(render_ms(make, args.dpi))
            bare.append(render_ms(lambda points=points: floor(points), args.dpi))
        ms, base = statistics.median(chart), statistics.median(bare)
        print(f"{name:<22}{ms:>10.0f}{base:>10.0f}{ms / base:>7.1f}x")


if __name__ == "__main__":
    main()
