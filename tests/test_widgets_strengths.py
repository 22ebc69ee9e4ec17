""" "One thing that went well": saved as praise among the feedback, with strengths suggested and confirmable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.widgets.strengths import WentWellForm

TODAY = dt.date.today()
WORDS = "They said my portfolio was the clearest they saw."


def test_it_is_saved_as_praise_with_the_themes_the_person_kept(
    journal: Journal, journal_file: Path, interview_app: Application
) -> None:
    form = WentWellForm(journal, application_id=interview_app.id)
    form.text.value = "I explained my design process clearly and they liked my portfolio."
    suggested = form.ticked
    assert suggested  # the words suggest at least one theme, ticked for the person
    first = next(iter(form.theme_boxes))
    form.theme_boxes[first].value = not form.theme_boxes[first].value
    kept = form.ticked
    form.save_button.click()
    with Journal(journal_file) as again:
        [item] = again.records(FeedbackItem)
    assert item.positive and item.confirmed and item.application_id == interview_app.id
    assert item.themes == kept
    assert form.status_text.startswith("Saved at") and form.text.value == "" and form.ticked == ()


def test_ticks_changed_by_hand_are_not_overwritten_by_more_typing(
    journal: Journal, interview_app: Application
) -> None:
    form = WentWellForm(journal, application_id=interview_app.id)
    form.text.value = "good"
    first = next(iter(form.theme_boxes))
    form.theme_boxes[first].value = True
    form.text.value = "good, really"
    assert form.theme_boxes[first].value is True


def test_praise_is_shown_back_and_what_to_work_on_is_not(
    journal: Journal, interview_app: Application
) -> None:
    journal.add(FeedbackItem(application_id=interview_app.id, text="Needs more depth"))
    form = WentWellForm(journal, application_id=interview_app.id)
    form.text.value = WORDS
    form.save_button.click()
    [row] = form.saved.rows.values()
    assert "clearest they saw" in row.text.value and "Acme, Designer" in row.text.value


def test_empty_words_are_named_and_nothing_is_stored(journal: Journal, interview_app: Application) -> None:
    form = WentWellForm(journal, application_id=interview_app.id)
    form.save_button.click()
    assert form.error_text("text") == "What went well: must not be empty"
    assert journal.counts()["feedback_items"] == 0


def test_edit_keeps_the_confirmed_themes_and_delete_asks_once(
    journal: Journal, interview_app: Application
) -> None:
    journal.add(
        FeedbackItem(application_id=interview_app.id, text=WORDS, themes=(), confirmed=True, positive=True)
    )
    form = WentWellForm(journal, application_id=interview_app.id)
    [(key, row)] = form.saved.rows.items()
    row.edit_button.click()
    assert form.text.value == WORDS and form.ticked == ()  # what was confirmed, not a new suggestion
    form.text.value = WORDS + " And the team laughed at my joke."
    form.save_button.click()
    [item] = journal.records(FeedbackItem)
    assert item.id == key and item.text.endswith("my joke.") and item.positive

    row = form.saved.rows[key]
    row.delete_button.click()
    assert row.asking and journal.counts()["feedback_items"] == 1
    row.yes_button.click()
    assert journal.counts()["feedback_items"] == 0


def test_a_locked_journal_keeps_the_words_and_ticks(
    journal: Journal, hold_journal: Callable[[], AbstractContextManager[None]], interview_app: Application
) -> None:
    form = WentWellForm(journal, application_id=interview_app.id)
    form.text.value = WORDS
    typed = form.typed()
    with hold_journal():
        form.save_button.click()
    assert form.status_text.startswith("Not saved: ") and form.typed() == typed
    assert journal.counts()["feedback_items"] == 0


def test_an_application_added_elsewhere_appears_in_the_list(
    journal: Journal, interview_app: Application
) -> None:
    form = WentWellForm(journal)
    new = journal.add(Application(company="Cedar", role="Lead", applied_on=TODAY))
    assert new.id in form.picker.ids
