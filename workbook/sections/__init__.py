"""The notebook sections on what a rejection can still give: strengths, self-reviews, wants, what helps, check-ins.

Each section is a summary in Markdown (a few warm sentences, each saying how
many rejections or items it rests on, or what to log first) and a chart.
:data:`SECTIONS` names each section's summary and the journal frames it reads;
:data:`CHARTS` holds the charts in the same shape as
:data:`workbook.session.CHARTS` (what it needs, what it reads, how to draw it),
so :class:`workbook.session.Workbook` shows both as live views.

Modules: :mod:`~workbook.sections.page` (the :class:`Markdown` summary and how
it is written), :mod:`~workbook.sections.feedback` (strengths, self-review),
:mod:`~workbook.sections.resilience` (wants, what helps, check-ins) and
:mod:`~workbook.sections.figures` (the charts).  Every word they show lives in
:mod:`workbook.messages`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbook.sections.feedback import self_review, strengths
from workbook.sections.figures import CHARTS
from workbook.sections.page import Markdown, escape
from workbook.sections.resilience import checkin, hurts_and_helps, wants, what_helps

if TYPE_CHECKING:
    from workbook.session import Workbook

__all__ = [
    "CHARTS",
    "FEEDBACK_NOTEBOOK",
    "RESILIENCE_NOTEBOOK",
    "WHAT_HELPS_NOTEBOOK",
    "SECTIONS",
    "Markdown",
    "Section",
    "checkin",
    "escape",
    "hurts_and_helps",
    "self_review",
    "strengths",
    "wants",
    "what_helps",
]


@dataclass(frozen=True)
class Section:
    """One notebook section: its summary, the journal frames it reads, and its chart's name in :data:`CHARTS`."""

    notebook: str
    reads: tuple[str, ...]
    summary: Callable[[Workbook], Markdown]
    chart: str


FEEDBACK_NOTEBOOK = "05_feedback_themes"
RESILIENCE_NOTEBOOK = "06_resilience_over_time"
WHAT_HELPS_NOTEBOOK = "07_what_helps"

#: Each section: the notebook it belongs in, the journal frames its summary reads, its summary, its chart.
SECTIONS: dict[str, Section] = {
    "strengths": Section(FEEDBACK_NOTEBOOK, ("feedback",), strengths, "strengths"),
    "self_review": Section(FEEDBACK_NOTEBOOK, ("self_reviews", "feedback"), self_review, "self_review"),
    "wants": Section(WHAT_HELPS_NOTEBOOK, ("motivations", "applications", "moods"), wants, "wants"),
    "what_helps": Section(
        WHAT_HELPS_NOTEBOOK,
        ("applications", "moods", "feedback", "support_contacts"),
        what_helps,
        "what_helps",
    ),
    "checkin": Section(RESILIENCE_NOTEBOOK, ("check_ins", "applications", "moods"), checkin, "checkin"),
}
