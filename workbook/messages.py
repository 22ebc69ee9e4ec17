"""Words a person reads that are not a coach's to change: the names of things, and counts.

The widgets' prompts, labels and guidance live in the template
(``templates/default.yaml``); this module holds the one vocabulary every view
shares, so a stage, an outcome or a channel is called the same in a widget, a
summary, a chart and a report.  The journal and its exports keep the plain
values (``video_call``); these are only what a person sees.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

STAGE_LABELS = {
    "applied": "Applied",
    "screen": "Screening call",
    "interview": "Interview",
    "final": "Final round",
}
OUTCOME_LABELS = {
    "pending": "Still waiting",
    "rejected": "Rejected",
    "offer": "Offer",
    "withdrawn": "I withdrew",
    "ghosted": "No reply",
}
CHANNEL_LABELS = {
    "video_call": "Video call",
    "phone": "Phone call",
    "email": "Email",
    "in_person": "In person",
    "none": "Not told",
}
CONTEXT_LABELS = {
    "daily": "Daily check-in",
    "before_call": "Before a call",
    "after_call": "After a call",
}


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` with its noun, singular or plural as it should be: "1 day", "3 rejections"."""
    noun = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {noun}"


def date_text(day: dt.date | dt.datetime | pd.Timestamp) -> str:
    """A date as every view writes it: "3 Oct 2026"."""
    return f"{day.day} {day:%b %Y}"


def month_text(day: dt.date | dt.datetime | pd.Timestamp) -> str:
    """A month as every view writes it: "Oct 2026"."""
    return f"{day:%b %Y}"


def times(number: int) -> str:
    """How often: "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(number, f"{number:,} times")


SAMPLE_BANNER = (
    "Using the sample journal ({name}): a made-up job search to explore. "
    "Nothing you log here touches your own journal."
)
OWN_BANNER = "Using your journal ({name}). Everything you log stays in this file."
#: Said in JupyterLab only, where a notebook opens with its cells not yet run.
LAB_HINT = "Run › Run All Cells shows every form and chart in this notebook at once."

# --- notebooks built from a template (workbook.build) ---------------------------------------
#: What the links back to the first notebook say.
START_HERE = "Start here"
#: The line that ends each notebook but the last: ``{next}`` and ``{home}`` are links.
NEXT_NOTEBOOK = "**Next:** {next} · {home}"
#: The line that ends the last notebook of a workbook.
LAST_NOTEBOOK = "That's the whole workbook. Come back to any part whenever you need it: {home}."
#: Under the welcome on Start here, when the template names a coach: their name and contact, joined.
COACH_LINE = "**Your coach:** {coach}"
