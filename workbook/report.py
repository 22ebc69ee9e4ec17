"""The HTML report: one self-contained file with the metrics, the theme summary and the charts.

Charts are embedded as PNG data URIs, so the file makes no outside request.
Every piece of the person's own text (companies, roles, theme names) is
escaped with :func:`html.escape`.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from workbook import history, metrics
from workbook.errors import WorkbookError
from workbook.files import open_private
from workbook.journal import Journal
from workbook.messages import count, date_text
from workbook.outputs import check_output
from workbook.themes import Theme, theme_counts

TITLE = "Rebound: how you are bouncing back"
STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: left; }
td.number { text-align: right; }
img { max-width: 100%; height: auto; margin: 0.5rem 0; }
.note { background: #eef5fb; border-left: 4px solid #0072B2; padding: 0.6rem 1rem; }
"""


def write_report(
    journal: Journal,
    path: str | Path,
    *,
    today: dt.date | None = None,
    vocabulary: Mapping[str, Theme] | None = None,
    inputs: Iterable[Path] = (),
) -> Path:
    """Write the report for ``journal`` to ``path`` (UTF-8 HTML, mode 0600) and return the path.

    Feedback themes are named as ``vocabulary`` (a coach template's) names them.

    A folder at ``path``, or a ``path`` whose folder does not exist, is refused
    before anything is drawn, and so are the journal, its files and the
    ``inputs`` read for the report (:func:`workbook.outputs.check_output`);
    other failures to write raise OSError naming the file.
    """
    target = Path(path)
    _check_target(target)
    check_output(target, "report", journal=journal.path, inputs=inputs)
    text = render_report(
        applications=journal.applications(),
        stage_changes=journal.stage_changes(),
        moods=journal.moods(),
        feedback=journal.feedback(),
        today=today,
        vocabulary=vocabulary,
    )
    # The report holds the person's own story: private to them, like the journal.
    with open_private(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    return target


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise WorkbookError(
            f"report: {target}: is a folder; name the file to write, e.g. {target / 'report.html'}"
        )
    folder = target.parent
    if not folder.is_dir():
        reason = "is a file, not a folder" if folder.exists() else "does not exist; create it first"
        raise WorkbookError(f"report: {target}: the folder {folder} {reason}")


def render_report(
    *,
    applications: pd.DataFrame,
    stage_changes: pd.DataFrame,
    moods: pd.DataFrame,
    feedback: pd.DataFrame,
    today: dt.date | None = None,
    vocabulary: Mapping[str, Theme] | None = None,
) -> str:
    """The whole report as one HTML string, from the journal's DataFrames."""
    today = today or dt.date.today()
    rejections = metrics.rejection_metrics(applications, moods)
    parts = [
        f"<h1>{escape(TITLE)}</h1>",
        f"<p>Made on {date_text(today)} from {count(len(applications), 'application')} and "
        f"{count(len(moods), 'mood entry', 'mood entries')}.</p>",
        _support_note(moods, today),
        "<h2>After each rejection</h2>",
        f"<p>{escape(metrics.recovery_trend(rejections).words)}</p>",
        rejection_table(rejections),
        "<h2>What the feedback says</h2>",
        theme_table(feedback, vocabulary),
        _ghosted(applications, stage_changes, today),
        "<h2>Charts</h2>",
        *(
            _image(figure, alt)
            for alt, figure in _charts(applications, stage_changes, moods, feedback, rejections, vocabulary)
        ),
    ]
    body = "\n".join(part for part in parts if part)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(TITLE)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


REJECTION_HEADINGS = {
    "company": "Company",
    "role": "Role",
    "rejected_on": "Rejected on",
    "baseline": "Mood before",
    "dip": "Dip",
    "recovery_days": "Days to recover",
    "recovered": "Recovered",
    "bounce_back_days": "Days to next application",
}


def rejection_table(rejections: pd.DataFrame) -> str:
    """The per-rejection metrics as an HTML table (escaped), or a kind line when there are none."""
    if rejections.empty:
        return "<p>No rejections logged yet.</p>"
    head = "".join(f"<th>{escape(name)}</th>" for name in REJECTION_HEADINGS.values())
    rows = []
    for row in metrics.rejection_rows(rejections):
        row["rejected_on"] = date_text(dt.date.fromisoformat(row["rejected_on"]))
        cells = "".join(_cell(row[name]) for name in REJECTION_HEADINGS)
        rows.append(f"<tr>{cells}</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def theme_table(feedback: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None) -> str:
    """How often each feedback theme came up, as an HTML table (escaped)."""
    counts = theme_counts(feedback, vocabulary)
    if counts.empty:
        return "<p>No feedback with themes logged yet.</p>"
    rows = "\n".join(
        f'<tr><td>{escape(str(label))}</td><td class="number">{items}</td></tr>'
        for label, items in zip(counts["label"], counts["items"])
    )
    return (
        "<table>\n<thead><tr><th>Theme</th><th>Feedback items</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _cell(value: Any) -> str:
    if value is None:
        return "<td>&ndash;</td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'not yet'}</td>"
    if isinstance(value, int | float):
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return f'<td class="number">{text}</td>'
    return f"<td>{escape(str(value))}</td>"


def _support_note(moods: pd.DataFrame, today: dt.date) -> str:
    if not metrics.low_mood_signal(moods, today=today):
        return ""
    return (
        '<p class="note">Your mood has been low for several days in a row. That is a lot to carry. '
        "Talking it through with someone you trust, or with a professional, can help.</p>"
    )


def _ghosted(applications: pd.DataFrame, stage_changes: pd.DataFrame, today: dt.date) -> str:
    quiet = history.probably_ghosted(applications, stage_changes, today=today)
    if quiet.empty:
        return ""
    items = "\n".join(
        f"<li>{escape(row.role)} at {escape(row.company)}: quiet for {count(int(row.quiet_days), 'day')}</li>"
        for row in quiet.itertuples(index=False)
    )
    return (
        "<h2>Probably ghosted</h2>\n<p>No news for a while; nothing has been changed, "
        f"these are only for you to look at.</p>\n<ul>\n{items}\n</ul>"
    )


def _charts(
    applications: pd.DataFrame,
    stage_changes: pd.DataFrame,
    moods: pd.DataFrame,
    feedback: pd.DataFrame,
    rejections: pd.DataFrame,
    vocabulary: Mapping[str, Theme] | None,
) -> list[tuple[str, Any]]:
    # matplotlib is heavy: loaded only when a report is actually made.
    from workbook import charts

    return [
        ("Recovery days after each rejection", charts.recovery_chart(rejections)),
        ("Mood over time", charts.mood_timeline_chart(moods, applications, rejections)),
        ("Feedback themes", charts.theme_frequency_chart(feedback, vocabulary)),
        ("Feedback themes over time", charts.themes_over_time_chart(feedback, applications, vocabulary)),
        ("Rejections per month", charts.rejections_by_month_chart(applications)),
        ("How far applications got", charts.funnel_chart(applications, stage_changes)),
        ("How rejections reached you", charts.channel_chart(applications)),
        ("Mood by day of the week", charts.weekday_chart(moods)),
        ("Mood dip by stage reached", charts.dip_by_stage_chart(rejections, applications)),
    ]


def _image(figure: Any, alt: str) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'
