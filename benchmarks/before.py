"""Issue 14's figures, measured on main when it was filed, beside the same figures from this run.

The "before" column is text quoted from the issue (it was measured once, on
the code of that day); the "now" column is this run's figure, found by its
name, shown the way its own table shows it.
"""

from __future__ import annotations

from harness import Figure

SECTION = "Before and after (issue 14)"
NOTE = (
    "Before: the figures issue 14 quotes, measured on the same 10-year journal with the code of the day "
    "it was filed. Now: this run (a `--quick` run measures a 2-year journal, so compare only a full run)."
)
HEAD = "| figure | before (issue 14) | now | target | met |\n|---|---|---|---|---|"

#: (what, before as the issue states it, the start of this run's figure name).
BEFORE: tuple[tuple[str, str, str], ...] = (
    ("`rejection_metrics`", "1,077 ms", "`metrics.rejection_metrics`"),
    ("mood-over-time chart, call + PNG", "2,196 ms", "`mood_timeline_chart`"),
    ("recovery chart", "1,353 ms", "`recovery_chart`"),
    ("dip-by-stage chart", "1,244 ms", "`dip_by_stage_chart`"),
    ("themes-over-time chart", "1,191 ms", "`themes_over_time_chart`"),
    ("rejections-by-month chart", "691 ms", "`rejections_by_month_chart`"),
    ("*Resilience over time* run-all", "5.4× a bare kernel", "06_resilience_over_time.ipynb"),
    ("`import workbook`", "1.27× its dependencies", "`import workbook`"),
    ("Daylio path, whole process", "2.7× slower than daylio-parser", "Rebound: `workbook import daylio`"),
    ("`workbook import DIR`", "12.5× bare sqlite3", "`workbook import DIR`"),
    ("one mood save", "1.43–1.50× bare sqlite3", "one mood save ("),
)


def table(figures: list[Figure]) -> list[str]:
    """The before-and-after table, for the figures this run measured."""
    rows = []
    for what, before, name in BEFORE:
        found = next((f for f in figures if f.name.startswith(name)), None)
        if found is None:
            continue
        now = _now(found)
        met = {None: "", True: "yes", False: "**no**"}[found.met()]
        rows.append(f"| {what} | {before} | {now} | {found.target or ''} | {met} |")
    return [HEAD, *rows] if rows else []


def _now(figure: Figure) -> str:
    """The figure as its target reads it: milliseconds, a ratio to its floor, or speed against a peer."""
    kind = figure.target.kind if figure.target else "ratio"
    if kind == "ms":
        return figure.shown(figure.median)
    if kind == "faster":
        speed = figure.floor_median / figure.median
        return f"{speed:.2f}× faster" if speed >= 1 else f"{1 / speed:.2f}× slower"
    return f"{figure.ratio:.2f}× ({figure.shown(figure.median)} against {figure.shown(figure.floor_median)})"
