"""What to practise next: actions suggested from the feedback heard most, and the ones past their due date.

Pure functions of the journal's DataFrames and records; the action tracker
widget only shows what they return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook import themes
from workbook.records import Action
from workbook.template import ActionTexts

if TYPE_CHECKING:
    import pandas as pd

#: How many of the most frequent feedback themes get a suggested action.
TOP_THEMES = 3


@dataclass(frozen=True)
class Suggestion:
    """An action proposed for a feedback theme, with how many feedback items mention it."""

    theme: str
    label: str
    items: int
    title: str


def suggest_actions(
    feedback: pd.DataFrame,
    actions: Iterable[Action],
    vocabulary: Mapping[str, Any],
    texts: ActionTexts,
    *,
    limit: int = TOP_THEMES,
) -> list[Suggestion]:
    """One action per most frequent feedback theme, skipping themes that already have an open action."""
    counts = themes.theme_counts(feedback)
    open_themes = {action.theme for action in actions if action.done_on is None}
    suggestions = []
    for row in counts.itertuples(index=False):
        if row.theme in open_themes:
            continue
        label = themes.theme_label(row.theme, vocabulary)
        suggestions.append(Suggestion(row.theme, label, int(row.items), texts.title_for(row.theme, label)))
    return suggestions[:limit]


def overdue(actions: Iterable[Action], today: dt.date | None = None) -> list[Action]:
    """The open actions whose due date has passed, most overdue first."""
    today = today or dt.date.today()
    late = [a for a in actions if a.done_on is None and a.due_on is not None and a.due_on < today]
    return sorted(late, key=lambda a: (a.due_on, a.id))


def listing_order(actions: Iterable[Action], today: dt.date | None = None) -> list[Action]:
    """Actions in the order a person wants to see them after months of use.

    Open ones first: those still ahead (soonest due first, undated last), then
    the overdue ones (the most recently slipped first: an old one is less
    pressing than last week's).  Then the done ones, the most recently done first.
    """
    today = today or dt.date.today()

    def place(action: Action) -> tuple[int, int, int]:
        if action.done_on is not None:
            return (2, -action.done_on.toordinal(), -(action.id or 0))
        if action.due_on is not None and action.due_on < today:
            return (1, -action.due_on.toordinal(), action.id or 0)
        due = action.due_on.toordinal() if action.due_on is not None else dt.date.max.toordinal()
        return (0, due, action.id or 0)

    return sorted(actions, key=place)
