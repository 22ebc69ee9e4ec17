"""What hurts most, and what helps: the deepest dips by theme and stage, and the recoveries beside tags and support."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from workbook.charts.canvas import FONT_SIZE, GRID, MOOD_MEAN, REJECTION, TITLE_Y, WITHDRAWN, empty, label
from workbook.charts.self_review import side_by_side
from workbook.charts.strengths import legend_under_title
from workbook.what_helps import ANYONE, MIN_REJECTIONS

NO_HURTS = f"Not enough yet: a theme or stage shows\nonce {MIN_REJECTIONS} rejections with moods logged\naround them share it."
NO_HELPS = f"Not enough yet: a tag or a person shows\nonce {MIN_REJECTIONS} recovered rejections had it\nand {MIN_REJECTIONS} did not."
MOST_ROWS = 10
LONGEST = 26


def what_helps_chart(hurts: pd.DataFrame, helps: pd.DataFrame) -> Figure:
    """Left: mean dip per feedback theme and stage reached.  Right: mean recovery days with and without each tag or person.

    ``hurts`` and ``helps`` are :func:`workbook.what_helps.hurts` and
    :func:`~workbook.what_helps.helps` frames (concatenated over their kinds);
    only rows resting on enough rejections are drawn, each naming how many.
    """
    hurt = hurts[hurts["enough"]].sort_values("dip", ascending=False).head(MOST_ROWS)
    helped = helps[helps["enough"]].sort_values("faster_by", ascending=False).head(MOST_ROWS)
    hurt_names = [_hurt_name(row) for row in hurt.itertuples()]
    helped_names = [_helped_name(row) for row in helped.itertuples()]
    rows = max(len(hurt), len(helped), 3)
    height = float(np.clip(1.8 + 0.45 * rows, 3.6, 7.5))
    figure, left, right = side_by_side(
        11, height, 0.5, left=_inches(hurt_names, 6), middle=_inches(helped_names, 0) + 0.3
    )
    label(left, "What hurt most", "Mean dip, usual mood minus lowest (n rejections)", "")
    left.set_title(left.get_title(loc="left"), y=TITLE_Y, loc="left", fontsize=FONT_SIZE + 3, pad=26)
    label(right, "Days to recover, with and without", "Mean days to recover (n rejections)", "")
    if hurt.empty:
        empty(figure, left, NO_HURTS)
    else:
        _bars(left, hurt_names, hurt["dip"], hurt["dips"], REJECTION)
    if helped.empty:
        return empty(figure, right, NO_HELPS)
    _with_without(right, helped, helped_names)
    return figure


def _inches(names: list[str], extra: int) -> float:
    return 0.5 + min(max((len(n) for n in names), default=10) + extra, LONGEST + extra) * FONT_SIZE * 0.5 / 72


def _hurt_name(row: Any) -> str:
    name = _short(row.name)
    return f"Stage: {name}" if getattr(row, "kind", "") == "stage" else name


def _helped_name(row: Any) -> str:
    if getattr(row, "kind", "") != "support":
        return _short(row.name)
    return "talked to anyone" if row.name == ANYONE else _short(f"talked to {row.name}")


def _short(name: str) -> str:
    return name if len(name) <= LONGEST else name[: LONGEST - 1] + "…"


def _bars(axes: Axes, names: list[str], values: pd.Series, counts: pd.Series, colour: str) -> None:
    rows = np.arange(len(names))[::-1]
    axes.barh(rows, values.to_numpy(), color=colour, height=0.6)
    axes.set_yticks(rows, [f"{n} ({c:,})" for n, c in zip(names, counts, strict=True)])
    for row, value in zip(rows, values, strict=True):
        axes.text(value, row, f" {value:.1f}", va="center", fontsize=FONT_SIZE - 1)
    _finish(axes, len(names), float(values.max()))


def _with_without(axes: Axes, helped: pd.DataFrame, names: list[str]) -> None:
    rows = np.arange(len(helped))[::-1]
    height = 0.38
    pairs = (
        ("with_days", "with_n", height / 2, MOOD_MEAN, "with it"),
        ("without_days", "without_n", -height / 2, WITHDRAWN, "without it"),
    )
    for days, count, offset, colour, name in pairs:
        axes.barh(rows + offset, helped[days].to_numpy(), height=height, color=colour, label=name)
        for row, value, n in zip(rows + offset, helped[days], helped[count], strict=True):
            axes.text(value, row, f" {value:.1f} ({n:,})", va="center", fontsize=FONT_SIZE - 2)
    axes.set_yticks(rows, names)
    _finish(axes, len(helped), float(helped[["with_days", "without_days"]].max().max()))
    legend_under_title(axes)


def _finish(axes: Axes, rows: int, high: float) -> None:
    axes.set_ylim(-0.6, rows - 0.4)
    low = min(float(axes.dataLim.x0), 0.0)
    axes.set_xlim(low * 1.3, max(high, 1) * 1.3)
    axes.axvline(0, color=GRID, linewidth=0.8)
    axes.grid(True, axis="x", color=GRID)
    axes.grid(False, axis="y")
