"""What to practise: suggested actions from the feedback heard most, and overdue actions, as pure functions."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from workbook.practice import overdue, suggest_actions
from workbook.records import Action
from workbook.template import load_template
from workbook.themes import load_vocabulary

TODAY = dt.date(2026, 10, 3)


def feedback(*themes: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": range(1, len(themes) + 1),
            "application_id": 1,
            "text": "x",
            "themes": list(themes),
            "confirmed": True,
        }
    )


def test_the_most_frequent_themes_get_an_action_each_skipping_open_ones() -> None:
    template = load_template()
    heard = feedback(("communication",), ("communication", "competition"), ("technical_depth",))
    open_action = Action(title="Breathe", theme="technical_depth", created_on=TODAY)
    found = suggest_actions(heard, [open_action], load_vocabulary(), template.actions)
    assert [(s.theme, s.items) for s in found] == [("communication", 2), ("competition", 1)]
    assert found[0].title == template.actions.title_for("communication", found[0].label)


def test_a_done_action_does_not_hold_back_its_theme() -> None:
    done = Action(title="Breathe", theme="communication", created_on=TODAY, done_on=TODAY)
    found = suggest_actions(feedback(("communication",)), [done], load_vocabulary(), load_template().actions)
    assert [s.theme for s in found] == ["communication"]


def test_no_feedback_suggests_nothing() -> None:
    assert suggest_actions(feedback(), [], load_vocabulary(), load_template().actions) == []


def test_overdue_lists_open_actions_past_due_most_overdue_first() -> None:
    actions = [
        Action(id=1, title="late", created_on=dt.date(2026, 9, 1), due_on=dt.date(2026, 10, 1)),
        Action(id=2, title="later", created_on=dt.date(2026, 9, 1), due_on=dt.date(2026, 9, 20)),
        Action(id=3, title="done", created_on=dt.date(2026, 9, 1), due_on=dt.date(2026, 9, 2), done_on=TODAY),
        Action(id=4, title="due today", created_on=dt.date(2026, 9, 1), due_on=TODAY),
        Action(id=5, title="no date", created_on=dt.date(2026, 9, 1)),
    ]
    assert [a.title for a in overdue(actions, TODAY)] == ["later", "late"]
