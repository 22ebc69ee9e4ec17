"""The thank-you note (drafted, edited, copied, saved), the reconnect date, and the follow-ups due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from workbook.growth_records import FollowUp, Person
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.widgets.follow_up import DueFollowUps, FollowUpForm, copy_button_html

TODAY = dt.date.today()
NEWS = TODAY - dt.timedelta(days=3)


@pytest.fixture
def app(journal: Journal) -> Application:
    app = journal.add(
        Application(
            company="Acme",
            role="Designer",
            applied_on=TODAY - dt.timedelta(days=40),
            stage="interview",
            outcome="rejected",
            outcome_on=NEWS,
            channel="video_call",
        )
    )
    journal.add(Person(application_id=app.id, name="Dana"))
    journal.add(FeedbackItem(application_id=app.id, text="Your case study was clear", positive=True))
    journal.add(FeedbackItem(application_id=app.id, text="Say more about impact", themes=("communication",)))
    return app


def test_the_note_is_drafted_from_what_was_logged(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    assert form.interviewer.value == "Dana"
    assert form.appreciated.value == "hearing that “Your case study was clear”"
    assert form.working_on.value == "communication"
    assert form.note.value.startswith(
        "Dear Dana, thank you for taking the time to call me about the Designer role"
    )
    assert "I am working on communication." in form.note.value
    assert not form.unsaved  # a draft is not the person's typing yet


def test_changing_a_field_redrafts_the_note_until_the_person_edits_it(
    journal: Journal, app: Application
) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.appreciated.value = "your honesty"
    assert "I appreciated your honesty." in form.note.value
    form.note.value = form.note.value.replace("Dear Dana", "Hi Dana")
    form.working_on.value = "shorter stories"
    assert form.note.value.startswith("Hi Dana") and "shorter stories" not in form.note.value


def test_draft_again_asks_before_replacing_an_edited_note(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.note.value = "My own words."
    form.redraft_button.click()
    assert form.note.value == "My own words." and form.discard_button.layout.display is None
    form.discard_button.click()
    assert form.note.value.startswith("Dear Dana")


def test_the_copy_button_carries_the_note_escaped(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.note.value = 'Thanks <b>Dana</b> & "team"'
    assert "Thanks &lt;b&gt;Dana&lt;/b&gt; &amp; &quot;team&quot;" in form.copy.value
    assert "<b>Dana" not in form.copy.value
    assert "navigator.clipboard.writeText" in form.copy.value
    assert "Ctrl+C" in form.copy.value  # said when the browser will not let it copy


def test_label_words_cannot_break_out_of_the_copy_button() -> None:
    markup = copy_button_html("x", "Copy", "it's copied", "press <Ctrl+C>")
    assert "data-copied='it&#x27;s copied'" in markup and "&lt;Ctrl+C&gt;" in markup


def test_saving_stores_the_note_as_edited(journal: Journal, journal_file: Path, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.note.value = form.note.value + " Best wishes, Ana"
    form.save_note_button.click()
    with Journal(journal_file) as again:
        [note] = again.records(FollowUp)
    assert (note.kind, note.application_id, note.person) == ("thank_you", app.id, "Dana")
    assert note.text.endswith("Best wishes, Ana") and note.done_on is None
    assert form.status_text.startswith("Saved at")
    [row] = form.saved.rows.values()
    assert "Thank-you note · Dana · Acme, Designer" in row.text.value and "Best wishes, Ana" in row.text.value


def test_the_reconnect_date_is_suggested_and_saved(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    assert form.reconnect_on.value == NEWS + dt.timedelta(days=90)
    journal.update(journal.get(Application, app.id).replace(invited_back=True))  # type: ignore[arg-type]
    form = FollowUpForm(journal, application_id=app.id)
    assert form.reconnect_on.value == NEWS + dt.timedelta(days=60)
    form.reconnect_on.value = NEWS + dt.timedelta(days=45)
    form.save_reconnect_button.click()
    [date] = journal.records(FollowUp)
    assert (date.kind, date.due_on) == ("reconnect", NEWS + dt.timedelta(days=45))


def test_edit_updates_the_saved_note_and_delete_asks_once(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.save_note_button.click()
    [(key, row)] = form.saved.rows.items()
    row.edit_button.click()
    form.note.value = "Dear Dana, thank you."
    form.save_note_button.click()
    [note] = journal.records(FollowUp)
    assert note.text == "Dear Dana, thank you." and note.id == key

    row = form.saved.rows[key]
    row.delete_button.click()
    assert row.asking and journal.counts()["follow_ups"] == 1
    row.keep_button.click()
    assert not row.asking and journal.counts()["follow_ups"] == 1
    row.delete_button.click()
    row.yes_button.click()
    assert journal.counts()["follow_ups"] == 0 and form.status_text.startswith("Deleted")


def test_an_empty_note_is_not_saved(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.note.value = "  "
    form.save_note_button.click()
    assert form.error_text("text") == "The note: must not be empty"
    assert journal.counts()["follow_ups"] == 0


def test_without_an_application_nothing_is_saved_and_the_note_stays(
    journal: Journal, app: Application
) -> None:
    form = FollowUpForm(journal)
    form.note.value = "Dear team, thank you."
    form.save_note_button.click()
    assert form.error_text("application_id").startswith("The application")
    assert form.note.value == "Dear team, thank you." and journal.counts()["follow_ups"] == 0


def test_a_locked_journal_keeps_the_edited_note(
    journal: Journal, hold_journal: Callable[[], AbstractContextManager[None]], app: Application
) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.note.value = "Dear Dana, my own words."
    with hold_journal():
        form.save_note_button.click()
    assert form.status_text.startswith("Not saved: ") and form.status_text.endswith(
        "Your text is still here."
    )
    assert form.note.value == "Dear Dana, my own words." and form.unsaved
    assert journal.counts()["follow_ups"] == 0


def test_choosing_another_application_asks_before_replacing_an_edited_note(
    journal: Journal, app: Application
) -> None:
    other = journal.add(Application(company="Birch", role="Analyst", applied_on=TODAY - dt.timedelta(days=9)))
    form = FollowUpForm(journal, application_id=app.id)
    form.note.value = "Dear Dana, my own words."
    form.application.value = other.id
    assert form.note.value == "Dear Dana, my own words."
    form.discard_button.click()
    assert "the Analyst role at Birch" in form.note.value and form.interviewer.value == ""


def test_an_application_added_elsewhere_appears_in_the_list(journal: Journal, app: Application) -> None:
    form = FollowUpForm(journal)
    new = journal.add(Application(company="Cedar", role="Lead", applied_on=TODAY))
    assert new.id in form.picker.ids


def test_due_follow_ups_list_what_has_come_due_and_mark_done_records_today(
    journal: Journal, journal_file: Path, app: Application
) -> None:
    late = journal.add(
        FollowUp(
            application_id=app.id,
            kind="reconnect",
            created_on=TODAY - dt.timedelta(days=10),
            due_on=TODAY - dt.timedelta(days=2),
            person="Dana",
        )
    )
    journal.add(FollowUp(application_id=app.id, kind="reconnect", due_on=TODAY + dt.timedelta(days=30)))
    due = DueFollowUps(journal)
    assert due.due_ids == [late.id]
    [row] = due.rows.children
    assert "Get back in touch with Dana (Acme, Designer)" in row.children[0].value

    due.done_buttons[late.id].click()  # type: ignore[index]
    with Journal(journal_file) as again:
        assert again.get(FollowUp, late.id).done_on == TODAY  # type: ignore[arg-type]
    assert due.due_ids == [] and "Nothing due" in due.rows.children[0].value


def test_years_of_due_follow_ups_show_the_latest_few_and_the_rest_on_request(
    journal: Journal, app: Application
) -> None:
    """Twelve reconnect dates waiting: the five most recent are listed, newest first, then 'Show all 12'."""
    waiting = [
        journal.add(
            FollowUp(
                application_id=app.id,
                kind="reconnect",
                created_on=TODAY - dt.timedelta(days=400 + 30 * n),
                due_on=TODAY - dt.timedelta(days=1 + 30 * n),
            )
        )
        for n in range(12)
    ]
    due = DueFollowUps(journal)
    assert due.due_ids == [f.id for f in waiting[:5]]
    *_, more = due.rows.children
    oldest = TODAY - dt.timedelta(days=1 + 30 * 11)
    assert f"7 older ones wait too, going back to {oldest.day} " in more.children[0].value
    assert due.rest.toggle.description == "Show all 12"

    due.rest.toggle.click()
    assert due.due_ids == [f.id for f in waiting]
    assert due.rest.toggle.description == "Show only the latest"
    due.done_buttons[waiting[11].id].click()  # the oldest, marked done from the full list
    assert len(due.due_ids) == 11 and due.rest.showing_all

    due.rest.toggle.click()
    assert len(due.due_ids) == 5


def test_a_saved_note_is_due_until_marked_sent(journal: Journal, app: Application) -> None:
    due = DueFollowUps(journal)
    form = FollowUpForm(journal, application_id=app.id)
    form.save_note_button.click()
    [note] = journal.records(FollowUp)
    assert due.due_ids == [note.id]  # the list follows the journal


def test_saving_again_updates_the_same_note_and_a_new_form_shows_it(
    journal: Journal, app: Application
) -> None:
    form = FollowUpForm(journal, application_id=app.id)
    form.save_note_button.click()
    form.note.value = "Dear Dana, a better version."
    form.save_note_button.click()
    form.save_reconnect_button.click()
    form.reconnect_on.value = TODAY + dt.timedelta(days=20)
    form.save_reconnect_button.click()
    kinds = sorted((f.kind, f.text, f.due_on) for f in journal.records(FollowUp))
    assert kinds == [
        ("reconnect", "", TODAY + dt.timedelta(days=20)),
        ("thank_you", "Dear Dana, a better version.", None),
    ]

    again = FollowUpForm(journal, application_id=app.id)
    assert again.note.value == "Dear Dana, a better version."  # what was saved, not a fresh draft
    assert again.reconnect_on.value == TODAY + dt.timedelta(days=20)
    again.appreciated.value = "your time"
    assert again.note.value == "Dear Dana, a better version."  # a saved note is not redrafted by itself
