"""Every metric (workbook.metrics, workbook.history) and every chart (workbook.charts) on the large journal.

The journal's frames are read once; each function is called with them.  A
chart's time is the call plus rendering its PNG, as a notebook shows it.

Floors, on the same frames:

- a metric of moods: bare pandas daily means (group the moods by date);
- a metric of rejections: bare pandas monthly mean dip;
- any other metric: bare pandas count of applications per stage;
- a chart: a bare matplotlib Figure of the same size drawing one line through as
  many points as the chart's main input has rows, with title and labels, as PNG.

The notebooks' sections (your strengths, your view beside theirs, what you
want, what helps, check-ins) are measured as a notebook shows them: each
summary and each chart through a :class:`workbook.session.Workbook` opened on
the journal, which reads each table once and keeps it until a save.
"""

from __future__ import annotations

import datetime as dt
import inspect
import io
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from harness import Figure, Target, interleaved, timed
from matplotlib.figure import Figure as MplFigure

from workbook import charts, history, metrics
from workbook.journal import Journal
from workbook.sections import CHARTS as SECTION_CHARTS
from workbook.sections import SECTIONS
from workbook.session import Workbook

SECTION_METRICS = "Metrics on the large journal"
SECTION_CHARTS_TITLE = "Charts on the large journal (call + PNG)"
#: Figures with a target in issue 14; every chart has the same one.
METRIC_TARGETS = {"rejection_metrics": Target("ms", 100)}
CHART_TARGET = Target("ms", 500)


def frames(journal_file: Path) -> dict[str, Any]:
    """The inputs a metric or chart may ask for, by parameter name."""
    with Journal(journal_file) as journal:
        inputs: dict[str, Any] = {
            "moods": journal.moods(),
            "applications": journal.applications(),
            "stage_changes": journal.stage_changes(),
            "feedback": journal.feedback(),
        }
    inputs["rejections"] = metrics.rejection_metrics(inputs["applications"], inputs["moods"])
    inputs["by"] = "stage"
    inputs["today"] = dt.date(2026, 11, 1)
    return inputs


def public_functions(module: Any) -> list[tuple[str, Callable[..., Any]]]:
    """The public functions defined in ``module``, in source order."""
    found = [
        (name, value)
        for name, value in vars(module).items()
        if inspect.isfunction(value) and not name.startswith("_") and value.__module__ == module.__name__
    ]
    return sorted(found, key=lambda item: item[1].__code__.co_firstlineno)


def arguments(function: Callable[..., Any], inputs: dict[str, Any]) -> dict[str, Any] | None:
    """Keyword arguments for ``function`` from ``inputs``; None if a required one is unknown."""
    chosen = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if name in inputs:
            chosen[name] = inputs[name]
        elif parameter.default is inspect.Parameter.empty:
            return None
    return chosen


def metric_floor(kwargs: dict[str, Any]) -> tuple[str, Callable[[], object]]:
    """The bare pandas floor for a metric that takes ``kwargs``."""
    if "moods" in kwargs:
        moods = kwargs["moods"]
        return "pandas daily means", lambda: moods.groupby(moods["at"].dt.normalize())["mood"].mean()
    if "rejections" in kwargs:
        rejections = kwargs["rejections"]
        return "pandas monthly mean dip", lambda: rejections.groupby(
            rejections["rejected_on"].dt.to_period("M")
        )["dip"].mean()
    applications = kwargs.get("applications", next(iter(kwargs.values())))
    return "pandas count per stage", lambda: applications.groupby("stage", observed=False)["id"].count()


def chart_floor(points: int) -> Callable[[], object]:
    """A bare matplotlib chart of ``points`` points, rendered to PNG."""
    xs = list(range(points))
    ys = [x % 10 for x in xs]

    def draw() -> bytes:
        figure = MplFigure(figsize=(8, 4.5), dpi=100)
        axes = figure.add_subplot()
        axes.plot(xs, ys)
        axes.set_title("Floor")
        axes.set_xlabel("x")
        axes.set_ylabel("y")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100)
        return buffer.getvalue()

    return draw


def metric_figures(inputs: dict[str, Any], runs: int) -> tuple[list[Figure], list[str]]:
    """Every public metric and history function against its pandas floor."""
    figures, skipped = [], []
    for module in (metrics, history):
        for name, function in public_functions(module):
            kwargs = arguments(function, inputs)
            if kwargs is None:
                skipped.append(f"{module.__name__}.{name}")
                continue
            floor_name, floor = metric_floor(kwargs)
            samples = interleaved(
                {
                    "ours": lambda f=function, k=kwargs: timed(lambda: f(**k)),
                    "floor": lambda fl=floor: timed(fl),
                },
                runs,
            )
            figures.append(
                Figure(
                    SECTION_METRICS,
                    f"`{module.__name__.split('.')[-1]}.{name}`",
                    samples["ours"],
                    samples["floor"],
                    floor_name,
                    METRIC_TARGETS.get(name),
                )
            )
    return figures, skipped


def chart_figures(inputs: dict[str, Any], runs: int) -> tuple[list[Figure], list[str]]:
    """Every chart in workbook.charts, call + PNG, against a bare matplotlib chart of its size."""
    figures, skipped = [], []
    for name in charts.__all__:
        function = getattr(charts, name)
        kwargs = arguments(function, inputs)
        if kwargs is None:
            skipped.append(f"workbook.charts.{name}")
            continue
        main_input = next(iter(kwargs.values()))
        points = len(metrics.daily_mood(main_input)) if "moods" in kwargs else len(main_input)
        floor = chart_floor(points)

        def ours(f: Callable[..., Any] = function, k: dict[str, Any] = kwargs) -> float:
            return timed(lambda: f(**k).savefig(io.BytesIO(), format="png", dpi=100))

        samples = interleaved({"ours": ours, "floor": lambda fl=floor: timed(fl)}, runs)
        figures.append(
            Figure(
                SECTION_CHARTS_TITLE,
                f"`{name}`",
                samples["ours"],
                samples["floor"],
                f"matplotlib, {points:,} points",
                CHART_TARGET,
            )
        )
    return figures, skipped


def section_figures(journal_file: Path, runs: int) -> tuple[list[Figure], list[Figure]]:
    """Each notebook section's summary (against a pandas floor) and chart (against a matplotlib floor)."""
    summaries, drawn = [], []
    with Journal(journal_file) as journal:
        book = Workbook(journal)
        for name, section in SECTIONS.items():
            first = getattr(journal, section.reads[0])()
            floor_name, floor = metric_floor({"applications": journal.applications()})
            samples = interleaved(
                {
                    "ours": lambda s=section: timed(lambda: s.summary(book)),
                    "floor": lambda fl=floor: timed(fl),
                },
                runs,
            )
            summaries.append(
                Figure(
                    SECTION_METRICS,
                    f"section `{name}` summary",
                    samples["ours"],
                    samples["floor"],
                    floor_name,
                )
            )
            draw = SECTION_CHARTS[section.chart][2]

            def ours(d: Callable[[Workbook], Any] = draw) -> float:
                return timed(lambda: d(book).savefig(io.BytesIO(), format="png", dpi=100))

            points = len(first)
            samples = interleaved({"ours": ours, "floor": lambda p=points: timed(chart_floor(p))}, runs)
            drawn.append(
                Figure(
                    SECTION_CHARTS_TITLE,
                    f"section `{section.chart}` chart",
                    samples["ours"],
                    samples["floor"],
                    f"matplotlib, {points:,} points",
                    CHART_TARGET,
                )
            )
    return summaries, drawn


def reads(journal_file: Path, runs: int) -> list[Figure]:
    """The journal handing out its moods and applications as DataFrames, against bare sqlite3 + pandas."""
    figures = []
    with Journal(journal_file) as journal:
        conn = sqlite3.connect(journal_file)
        for table, read in (("mood_entries", journal.moods), ("applications", journal.applications)):

            def bare(table: str = table) -> pd.DataFrame:
                cursor = conn.execute(f"SELECT * FROM {table}")
                names = [column[0] for column in cursor.description]
                return pd.DataFrame.from_records(cursor.fetchall(), columns=names)

            samples = interleaved({"ours": lambda r=read: timed(r), "floor": lambda b=bare: timed(b)}, runs)
            name = f"`Journal.{read.__name__}()`"
            floor = "bare sqlite3 SELECT * into a DataFrame"
            figures.append(Figure(SECTION_METRICS, name, samples["ours"], samples["floor"], floor))
        conn.close()
    return figures


def warm_up(inputs: dict[str, Any]) -> None:
    """Draw one chart first so font caches and lazy imports stay out of the figures."""
    chart_floor(10)()
    charts.weekday_chart(inputs["moods"]).savefig(io.BytesIO(), format="png")
    pd.Timestamp("2020-01-01")
