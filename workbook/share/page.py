"""The cohort page: one self-contained HTML file a coach opens in any browser.

Charts are inline PNG ``data:`` URIs (the cohort's own, drawn here, and each
client's, taken from their bundle after its PNG signature was checked); the
page has no script, no link and no outside request.  Every text that came
from a bundle or a label is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.messages import (
    COHORT_CHECK_INS,
    COHORT_CLIENTS,
    COHORT_COLUMNS,
    COHORT_INCLUDE_NAMES,
    COHORT_MADE,
    COHORT_NOTHING_EXTRA,
    COHORT_RECOVERIES,
    COHORT_SHARED,
    COHORT_TEXT_HEADINGS,
    COHORT_THEME_COLUMNS,
    COHORT_THEMES,
    COHORT_TITLE,
    count,
    date_text,
)
from workbook.share.cohort import Client, Cohort
from workbook.share.contents import png
from workbook.share.writer import write_page

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
td.number { text-align: right; }
img { max-width: 100%; height: auto; margin: 0.5rem 0; }
.text { white-space: pre-wrap; }
"""
#: The headings of the rejections table.
RECOVERY_HEADINGS = {
    "client": "Client",
    "application": "Application",
    "role": "Role",
    "rejected_on": "Rejected on",
    "dip": "Dip",
    "recovery_days": "Days to recover",
}


def write_cohort_page(cohort: Cohort, path: str | os.PathLike[str], *, today: dt.date | None = None) -> Path:
    """Write the cohort page to ``path`` (mode 0600, all at once) and return the path."""
    return write_page(path, render_cohort(cohort, today=today))


def render_cohort(cohort: Cohort, *, today: dt.date | None = None) -> str:
    """The whole cohort page as one HTML string."""
    figures = cohort.charts()
    parts = [
        f"<h1>{escape(COHORT_TITLE)}</h1>",
        f"<p>{escape(COHORT_MADE.format(day=date_text(today or dt.date.today()), bundles=count(len(cohort), 'bundle')))}</p>",
        f"<h2>{escape(COHORT_CLIENTS)}</h2>",
        table(cohort.overview(), COHORT_COLUMNS),
        f"<h2>{escape(COHORT_RECOVERIES)}</h2>",
        image(png(figures["recoveries"]), COHORT_RECOVERIES),
        table(cohort.recoveries(), RECOVERY_HEADINGS),
        f"<h2>{escape(COHORT_THEMES)}</h2>",
        image(png(figures["themes"]), COHORT_THEMES),
        table(cohort.themes(), COHORT_THEME_COLUMNS),
        f"<h2>{escape(COHORT_CHECK_INS)}</h2>",
        image(png(figures["check_ins"]), COHORT_CHECK_INS),
        *(client_section(cohort, client) for client in cohort.clients),
    ]
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(COHORT_TITLE)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def client_section(cohort: Cohort, client: Client) -> str:
    """One client's part of the page: when they shared, what they included, their charts and texts."""
    bundle = client.bundle
    included = ", ".join(COHORT_INCLUDE_NAMES[word] for word in bundle.included) or COHORT_NOTHING_EXTRA
    parts = [
        f"<h2>{escape(client.name)}</h2>",
        f"<p>{escape(bundle.title)}. {escape(COHORT_SHARED.format(day=date_text(bundle.created), included=included))}</p>",
        *(image(data, f"{client.name}: {name.replace('_', ' ')}") for name, data in bundle.charts.items()),
    ]
    for word, rows in cohort.texts(client).items():
        parts.append(f"<h3>{escape(COHORT_TEXT_HEADINGS[word])}</h3>")
        parts.append(text_list(rows))
    return "\n".join(parts)


class ClientPages:
    """Every client's section of the page, shown as HTML in a notebook."""

    def __init__(self, cohort: Cohort) -> None:
        self.cohort = cohort

    def _repr_html_(self) -> str:
        return "\n".join(client_section(self.cohort, client) for client in self.cohort.clients)

    def __repr__(self) -> str:
        return ", ".join(client.name for client in self.cohort.clients)


def table(frame: pd.DataFrame, headings: dict[str, str]) -> str:
    """``frame``'s columns named in ``headings`` as an HTML table, every cell escaped."""
    if frame.empty:
        return ""
    head = "".join(f"<th>{escape(text)}</th>" for text in headings.values())
    rows = []
    for record in frame.to_dict("records"):
        rows.append("<tr>" + "".join(_cell(record.get(name)) for name in headings) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def text_list(rows: list[dict[str, Any]]) -> str:
    """Shared texts as a list: where each came from, then the words, all escaped."""
    items = []
    for row in rows:
        where = " · ".join(
            str(row[key]) for key in ("company", "application", "prompt", "on", "at") if row.get(key)
        )
        lead = f"<strong>{escape(where)}</strong><br>" if where else ""
        items.append(f'<li>{lead}<span class="text">{escape(str(row["text"]))}</span></li>')
    return "<ul>\n" + "\n".join(items) + "\n</ul>" if items else ""


def image(data: bytes, alt: str) -> str:
    """A PNG as an inline ``<img>``; ``alt`` escaped."""
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{encoded}">'


def _cell(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "<td>&ndash;</td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'not yet'}</td>"
    if isinstance(value, pd.Timestamp | dt.date):
        return f"<td>{escape(date_text(value))}</td>"
    if isinstance(value, int | float):
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return f'<td class="number">{text}</td>'
    return f"<td>{escape(str(value))}</td>"
