"""Actions: made by hand or suggested from the most frequent feedback themes; ticked done; overdue shown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Action, Application, FeedbackItem
from workbook.widgets import ActionTracker
from workbook.widgets.actions import SUGGESTED_DUE_DAYS

TODAY = dt.date.today()


def stored_actions(journal_file: Path) -> list[Action]:
    with Journal(journal_file) as again:
        return again.records(Action)


def add_feedback(journal: Journal, themes_per_item: list[tuple[str, ...]]) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=TODAY))
    for number, themes in enumerate(themes_per_item):
        journal.add(
            FeedbackItem(application_id=app.id, text=f"feedback {number}", themes=themes, confirmed=True)
        )


def test_an_action_made_by_hand_is_saved_and_listed(journal: Journal, journal_file: Path) -> None:
    tracker = ActionTracker(journal)
    due = TODAY + dt.timedelta(days=7)
    tracker.title.value = "Mock interview with Sam"
    tracker.theme.value = "communication"
    tracker.due_on.value = due
    tracker.add_button.click()

    [action] = stored_actions(journal_file)
    assert (action.title, action.theme, action.due_on, action.created_on, action.done_on) == (
        "Mock interview with Sam",
        "communication",
        due,
        TODAY,
        None,
    )
    assert re.fullmatch(r"Added at \d\d:\d\d", tracker.status_text)
    assert f"Mock interview with Sam · due {due.day} {due:%b %Y}" == tracker.done_boxes[action.id].description
    assert tracker.title.value == ""


def test_an_empty_title_is_explained_and_the_rest_is_kept(journal: Journal) -> None:
    tracker = ActionTracker(journal)
    due = TODAY + dt.timedelta(days=7)
    tracker.theme.value = "preparation"
    tracker.due_on.value = due
    before = journal.counts()
    tracker.add_button.click()
    assert tracker.error_text("title") == "The action: must not be empty"
    assert journal.counts() == before
    assert (tracker.theme.value, tracker.due_on.value) == ("preparation", due)


def test_suggestions_follow_the_most_frequent_themes(journal: Journal, journal_file: Path) -> None:
    add_feedback(
        journal,
        [
            ("communication", "preparation"),
            ("communication",),
            ("communication", "technical_depth"),
            ("technical_depth",),
            ("examples_impact", "preparation", "technical_depth"),
        ],
    )
    tracker = ActionTracker(journal)
    suggestions = tracker.suggest()
    assert [(s.theme, s.items) for s in suggestions] == [
        ("communication", 3),
        ("technical_depth", 3),
        ("preparation", 2),
    ]
    assert suggestions[0].title.startswith("Record yourself")
    assert "heard in 3 feedback items" in tracker.suggestions["communication"][1].description

    tracker.suggestions["technical_depth"][1].value = False
    tracker.add_suggestions_button.click()
    actions = stored_actions(journal_file)
    assert [a.theme for a in actions] == ["communication", "preparation"]
    assert {a.due_on for a in actions} == {TODAY + dt.timedelta(days=SUGGESTED_DUE_DAYS)}
    assert tracker.status_text.startswith("Added 2 at ")

    assert [s.theme for s in tracker.suggest()] == ["technical_depth", "examples_impact"]


def test_with_no_feedback_there_is_nothing_to_suggest(journal: Journal) -> None:
    tracker = ActionTracker(journal)
    assert tracker.suggest() == []
    assert "No feedback themes logged yet" in tracker.suggestion_box.children[0].value
    assert journal.counts()["actions"] == 0


def test_ticking_an_action_marks_it_done_today_and_unticking_reopens_it(
    journal: Journal, journal_file: Path
) -> None:
    action = journal.add(Action(title="Read about STAR answers"))
    tracker = ActionTracker(journal)
    tracker.done_boxes[action.id].value = True
    assert stored_actions(journal_file)[0].done_on == TODAY
    assert tracker.done_boxes[action.id].value
    tracker.done_boxes[action.id].value = False
    assert stored_actions(journal_file)[0].done_on is None


def test_overdue_actions_are_shown(journal: Journal) -> None:
    late = journal.add(Action(title="Update CV", due_on=TODAY - dt.timedelta(days=3)))
    journal.add(Action(title="Course", due_on=TODAY + dt.timedelta(days=3)))
    journal.add(Action(title="Old and done", due_on=TODAY - dt.timedelta(days=9), done_on=TODAY))
    tracker = ActionTracker(journal)
    assert [a.title for a in tracker.overdue()] == ["Update CV"]
    assert "1 overdue" in tracker.overdue_note.value
    assert "overdue since" in tracker.done_boxes[late.id].description

    tracker.done_boxes[late.id].value = True
    assert tracker.overdue() == []
    assert tracker.overdue_note.value == ""


def test_creating_and_displaying_the_tracker_writes_nothing(journal: Journal) -> None:
    add_feedback(journal, [("communication",)])
    before = journal.counts()
    tracker = ActionTracker(journal)
    tracker._repr_mimebundle_()
    tracker.suggest()
    assert journal.counts() == before


def test_years_of_actions_list_what_is_ahead_then_recent_slips_then_recent_wins(journal: Journal) -> None:
    """Thirty actions: ten are listed (coming up, then the latest overdue, then the latest done); the rest on request."""
    ahead = [
        journal.add(Action(title=f"Ahead {n}", due_on=TODAY + dt.timedelta(days=10 - n))) for n in range(3)
    ]
    slipped = [
        journal.add(Action(title=f"Slipped {n}", due_on=TODAY - dt.timedelta(days=1 + 40 * n)))
        for n in range(12)
    ]
    done = [
        journal.add(
            Action(
                title=f"Done {n}",
                created_on=TODAY - dt.timedelta(days=900),
                due_on=TODAY - dt.timedelta(days=800),
                done_on=TODAY - dt.timedelta(days=2 + 30 * n),
            )
        )
        for n in range(15)
    ]
    tracker = ActionTracker(journal)
    shown = [box.description.split(" · ")[0] for box in tracker.done_boxes.values()]
    assert shown == ["Ahead 2", "Ahead 1", "Ahead 0", *(f"Slipped {n}" for n in range(7))]
    assert "12 overdue" in tracker.overdue_note.value
    *_, more = tracker.list_box.children
    assert "And 20 more (15 of them done)." in more.children[0].value

    tracker.rest.toggle.click()
    assert len(tracker.done_boxes) == 30
    assert list(tracker.done_boxes)[-15:] == [a.id for a in done]  # the most recently done first
    tracker.done_boxes[slipped[11].id].value = True  # the oldest slip, ticked from the full list
    assert len(tracker.overdue()) == 11 and tracker.rest.showing_all
    tracker.rest.toggle.click()
    assert len(tracker.done_boxes) == 10
    assert ahead[0].id in tracker.done_boxes
