"""The rejection log: applications, and for every rejection, the notes (on the call or the email) and feedback."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem, StageChange
from workbook.template import DEFAULT_TEMPLATE, load_template
from workbook.widgets import RejectionLog

CALLS = ("video_call", "phone", "in_person")

TODAY = dt.date.today()
APPLIED = TODAY - dt.timedelta(days=30)
REJECTED = TODAY - dt.timedelta(days=2)


def stored(journal_file: Path, kind: type) -> list:
    with Journal(journal_file) as again:
        return again.records(kind)


def fill_application(log: RejectionLog) -> None:
    log.company.value = "Acme"
    log.role.value = "Product designer"
    log.applied_on.value = APPLIED
    log.stage.value = "interview"


def fill_rejection_call(log: RejectionLog) -> None:
    fill_application(log)
    log.outcome.value = "rejected"
    log.outcome_on.value = REJECTED
    log.channel.value = "video_call"


@pytest.fixture
def log(journal: Journal) -> RejectionLog:
    return RejectionLog(journal)


def test_a_pending_application_is_saved_without_call_notes(
    log: RejectionLog, journal: Journal, journal_file: Path
) -> None:
    fill_application(log)
    log.channel.value = "email"
    assert log.call_section.layout.display == "none"
    log.save_button.click()

    [app] = stored(journal_file, Application)
    assert (app.company, app.role, app.applied_on, app.stage, app.outcome) == (
        "Acme",
        "Product designer",
        APPLIED,
        "interview",
        "pending",
    )
    assert stored(journal_file, CallNotes) == []
    assert re.fullmatch(r"Saved at \d\d:\d\d", log.status_text)
    assert log.choose.value == app.id


@pytest.mark.parametrize(
    ("channel", "heading", "held_on"),
    [
        ("video_call", "The call", "Call date (if not the outcome date)"),
        ("phone", "The call", "Call date (if not the outcome date)"),
        ("in_person", "The call", "Call date (if not the outcome date)"),
        ("email", "What the email said", "Date the email came (if not the outcome date)"),
        ("none", "What they told you", "Date you heard (if not the outcome date)"),
    ],
)
def test_every_rejection_opens_the_notes_in_the_words_of_how_it_was_told(
    log: RejectionLog, channel: str, heading: str, held_on: str
) -> None:
    fill_application(log)
    log.channel.value = channel
    assert log.call_section.layout.display == "none"
    log.outcome.value = "rejected"
    assert log.call_section.layout.display != "none"
    assert f"<h4 class='rebound-heading'>{heading}</h4>" == log.notes_heading.value
    assert log.held_on.description == held_on
    texts = getattr(
        load_template().rejection_log, "call" if channel in CALLS else channel.replace("none", "other")
    )
    assert (log.questions.description, log.feedback.title.value) == (texts.questions, texts.feedback)
    log.outcome.value = "withdrawn"
    assert log.call_section.layout.display == "none"


def test_feedback_gets_suggested_themes_with_the_words_that_matched(log: RejectionLog) -> None:
    fill_rejection_call(log)
    log.feedback.text.value = "You rambled a bit and the system design answer lacked depth."
    assert log.feedback.ticked == ("technical_depth", "communication")
    assert "Communication (you wrote “rambled”)" in log.feedback.reason.value
    assert "Technical depth (you wrote “system design”)" in log.feedback.reason.value


def test_themes_ticked_by_hand_survive_editing_the_text(log: RejectionLog) -> None:
    log.feedback.text.value = "You rambled a bit."
    log.feedback.theme_boxes["communication"].value = False
    log.feedback.theme_boxes["preparation"].value = True
    log.feedback.text.value = "You rambled a bit, honestly."
    assert log.feedback.ticked == ("preparation",)
    log.feedback.suggest()
    assert log.feedback.ticked == ("communication",)


def test_application_call_notes_and_feedback_are_saved_together(
    log: RejectionLog, journal: Journal, journal_file: Path
) -> None:
    fill_rejection_call(log)
    log.covered["thanks"].value = True
    log.covered["feedback"].value = True
    log.questions.value = "What would a stronger answer have looked like?"
    log.answers.value = "More numbers about impact."
    log.call_notes.value = "Kind, ten minutes."
    log.feedback.text.value = "You rambled a bit and the system design answer lacked depth."
    log.feedback.theme_boxes["technical_depth"].value = False
    log.feedback.keep()
    assert log.feedback.text.value == ""
    log.feedback.text.value = "We went with someone with more experience."
    log.save_button.click()

    [app] = stored(journal_file, Application)
    assert (app.outcome, app.outcome_on, app.channel) == ("rejected", REJECTED, "video_call")
    [notes] = stored(journal_file, CallNotes)
    assert (notes.application_id, notes.held_on, notes.covered) == (app.id, REJECTED, ("thanks", "feedback"))
    assert (notes.questions, notes.answers, notes.notes) == (
        "What would a stronger answer have looked like?",
        "More numbers about impact.",
        "Kind, ten minutes.",
    )
    first, second = stored(journal_file, FeedbackItem)
    assert (first.themes, first.confirmed) == (("communication",), True)
    assert second.text == "We went with someone with more experience."
    assert second.themes == ("experience_level", "competition")
    assert len(log.feedback.saved.rows) == 2  # shown back, newest first
    assert "more experience" in list(log.feedback.saved.rows.values())[0].text.value
    assert log.feedback.kept == [] and log.feedback.text.value == ""


def test_a_missing_outcome_date_is_explained_and_nothing_is_stored(
    log: RejectionLog, journal: Journal
) -> None:
    fill_rejection_call(log)
    log.outcome_on.value = None
    log.feedback.text.value = "Great portfolio, but others had more experience."
    before = journal.counts()
    log.save_button.click()

    assert (
        log.error_text("outcome_on", section="application")
        == "The outcome date: is required when the outcome is rejected"
    )
    assert journal.counts() == before
    assert (log.company.value, log.role.value) == ("Acme", "Product designer")
    assert log.feedback.text.value == "Great portfolio, but others had more experience."


def test_a_bad_call_date_stores_not_even_the_application(log: RejectionLog, journal: Journal) -> None:
    fill_rejection_call(log)
    log.held_on.value = TODAY + dt.timedelta(days=3)
    log.feedback.text.value = "Lovely to meet you."
    log.feedback.keep()
    before = journal.counts()
    log.save_button.click()

    assert log.error_text("held_on", section="call").startswith("The call date: ")
    assert log.error_text("held_on", section="call").endswith("is in the future")
    assert journal.counts() == before
    assert [draft.text for draft in log.feedback.kept] == ["Lovely to meet you."]
    assert log.choose.label == "(a new application)"


def test_keeping_empty_feedback_is_explained(log: RejectionLog) -> None:
    log.feedback.keep()
    assert log.error_text("text", section="feedback") == "The feedback: must not be empty"
    assert log.feedback.kept == []


def test_a_kept_item_can_be_removed_before_saving(log: RejectionLog) -> None:
    log.feedback.text.value = "Too junior for the team."
    log.feedback.keep()
    log.feedback.text.value = "Strong portfolio."
    log.feedback.keep()
    log.feedback.remove(0)
    assert [draft.text for draft in log.feedback.kept] == ["Strong portfolio."]


def test_an_existing_application_is_loaded_and_updated(journal: Journal, journal_file: Path) -> None:
    app = journal.add(Application(company="Globex", role="Analyst", applied_on=APPLIED, stage="screen"))
    log = RejectionLog(journal, application_id=app.id)
    assert (log.company.value, log.stage.value, log.applied_on.value) == ("Globex", "screen", APPLIED)
    assert log.stage_on_row.layout.display == "none"
    log.outcome.value = "rejected"
    log.outcome_on.value = REJECTED
    log.channel.value = "video_call"
    log.covered["reapply"].value = True
    log.save_button.click()

    [updated] = stored(journal_file, Application)
    assert (updated.id, updated.stage, updated.outcome) == (app.id, "screen", "rejected")
    assert stored(journal_file, CallNotes)[0].covered == ("reapply",)

    log.answers.value = "Try again in spring."
    log.save_button.click()
    [notes] = stored(journal_file, CallNotes)
    assert (notes.covered, notes.answers) == (("reapply",), "Try again in spring.")


def test_a_new_stage_asks_when_it_was_reached_defaulting_to_the_outcome_date(journal: Journal) -> None:
    app = journal.add(Application(company="Globex", role="Analyst", applied_on=APPLIED, stage="screen"))
    log = RejectionLog(journal, application_id=app.id)
    log.stage.value = "final"
    assert log.stage_on_row.layout.display != "none"
    assert log.stage_on.description == load_template().rejection_log.stage_on
    assert log.stage_on.value == TODAY
    log.outcome.value = "rejected"
    log.outcome_on.value = REJECTED
    assert log.stage_on.value == REJECTED
    picked = REJECTED - dt.timedelta(days=5)
    log.stage_on.value = picked
    log.outcome_on.value = REJECTED - dt.timedelta(days=1)
    assert log.stage_on.value == picked  # picked by hand: left alone
    log.stage.value = "screen"
    assert log.stage_on_row.layout.display == "none"


def test_a_new_application_past_the_first_stage_records_the_date_picked(
    log: RejectionLog, journal_file: Path
) -> None:
    fill_application(log)
    reached = APPLIED + dt.timedelta(days=9)
    log.stage_on.value = reached
    log.save_button.click()
    assert [(c.stage, c.changed_on) for c in stored(journal_file, StageChange)] == [
        ("applied", APPLIED),
        ("interview", reached),
    ]
    assert log.stage_on_row.layout.display == "none"


def test_changing_the_stage_records_it_on_the_date_picked(journal: Journal, journal_file: Path) -> None:
    app = journal.add(Application(company="Globex", role="Analyst", applied_on=APPLIED, stage="screen"))
    log = RejectionLog(journal, application_id=app.id)
    reached = APPLIED + dt.timedelta(days=12)
    log.stage.value = "final"
    log.stage_on.value = reached
    log.outcome.value = "rejected"
    log.outcome_on.value = REJECTED
    log.channel.value = "video_call"
    log.save_button.click()

    [updated] = stored(journal_file, Application)
    assert (updated.stage, updated.outcome) == ("final", "rejected")
    assert [(c.stage, c.changed_on) for c in stored(journal_file, StageChange)][-1] == ("final", reached)
    assert re.fullmatch(r"Saved at \d\d:\d\d", log.status_text)


def test_choosing_an_application_fills_the_form_and_new_clears_it(journal: Journal) -> None:
    app = journal.add(Application(company="Initech", role="Tester", applied_on=APPLIED))
    log = RejectionLog(journal)
    log.choose.value = app.id
    assert log.company.value == "Initech"
    log.choose.index = 0  # "(a new application)"
    assert log.company.value == ""


def test_creating_and_displaying_the_log_writes_nothing(journal: Journal) -> None:
    app = journal.add(Application(company="Initech", role="Tester", applied_on=APPLIED))
    before = journal.counts()
    RejectionLog(journal, application_id=app.id)._repr_mimebundle_()
    assert journal.counts() == before


def test_a_rejection_told_by_phone_keeps_its_questions_and_feedback(
    log: RejectionLog, journal_file: Path
) -> None:
    # The reproduction of issue 10, item 1: typed under "Video call", then the channel corrected.
    fill_rejection_call(log)
    log.questions.value = "Could I apply again?"
    log.feedback.text.value = "Strong portfolio."
    log.feedback.keep()
    log.channel.value = "phone"
    log.save_button.click()

    assert re.fullmatch(r"Saved at \d\d:\d\d", log.status_text)
    [notes] = stored(journal_file, CallNotes)
    assert (notes.questions, notes.held_on) == ("Could I apply again?", REJECTED)
    assert [item.text for item in stored(journal_file, FeedbackItem)] == ["Strong portfolio."]
    assert not log.unsaved


def test_an_email_rejection_keeps_what_the_email_said(log: RejectionLog, journal_file: Path) -> None:
    fill_rejection_call(log)
    log.channel.value = "email"
    came = REJECTED - dt.timedelta(days=1)
    log.held_on.value = came
    log.covered["reapply"].value = True
    log.call_notes.value = "Short and kind; said to watch their careers page."
    log.feedback.text.value = "Others had more experience with our tools."
    log.save_button.click()

    [notes] = stored(journal_file, CallNotes)
    assert (notes.held_on, notes.covered, notes.notes) == (
        came,
        ("reapply",),
        "Short and kind; said to watch their careers page.",
    )
    [item] = stored(journal_file, FeedbackItem)
    assert item.text == "Others had more experience with our tools."


def test_a_rejection_with_nothing_noted_stores_no_empty_notes(log: RejectionLog, journal_file: Path) -> None:
    fill_rejection_call(log)
    log.channel.value = "email"
    log.save_button.click()
    assert len(stored(journal_file, Application)) == 1
    assert stored(journal_file, CallNotes) == []


def test_notes_left_when_the_outcome_is_no_longer_rejected_are_kept_and_said(
    journal: Journal, journal_file: Path
) -> None:
    other = journal.add(Application(company="Bolt", role="Researcher", applied_on=APPLIED))
    log = RejectionLog(journal)
    fill_rejection_call(log)
    log.questions.value = "Could I apply again?"
    log.feedback.text.value = "Strong portfolio."
    log.feedback.keep()
    log.outcome.value = "withdrawn"
    log.save_button.click()

    [app] = [a for a in stored(journal_file, Application) if a.id != other.id]
    assert app.outcome == "withdrawn"
    assert stored(journal_file, CallNotes) == [] and stored(journal_file, FeedbackItem) == []
    assert log.status_text == load_template().rejection_log.notes_kept
    assert "call notes are not saved" in log.status_text
    assert log.questions.value == "Could I apply again?"
    assert [draft.text for draft in log.feedback.kept] == ["Strong portfolio."]
    assert log.unsaved

    # Issue 10, item 2: switching now asks first, and the notes stay.
    log.choose.value = other.id
    assert log.choose.value == app.id
    assert "aren't saved yet" in log.status_text
    assert log.questions.value == "Could I apply again?"
    assert [draft.text for draft in log.feedback.kept] == ["Strong portfolio."]

    log.outcome.value = "rejected"
    log.save_button.click()
    assert [item.text for item in stored(journal_file, FeedbackItem)] == ["Strong portfolio."]
    assert stored(journal_file, CallNotes)[0].questions == "Could I apply again?"
    assert not log.unsaved


def test_switching_application_never_drops_what_was_typed(journal: Journal, journal_file: Path) -> None:
    first = journal.add(Application(company="Acme", role="Designer", applied_on=APPLIED))
    second = journal.add(Application(company="Bolt", role="Researcher", applied_on=APPLIED))
    log = RejectionLog(journal, application_id=first.id)
    log.notes.value = "They loved the portfolio; I rambled on the last question."
    log.choose.value = second.id
    assert log.choose.value == first.id
    assert log.notes.value == "They loved the portfolio; I rambled on the last question."
    assert "aren't saved yet" in log.status_text
    assert log.discard_button.layout.display != "none"
    log.discard_button.click()
    assert (log.choose.value, log.company.value, log.notes.value) == (second.id, "Bolt", "")
    assert stored(journal_file, Application)[0].notes == ""


def test_switching_after_saving_needs_no_confirmation(journal: Journal) -> None:
    first = journal.add(Application(company="Acme", role="Designer", applied_on=APPLIED))
    second = journal.add(Application(company="Bolt", role="Researcher", applied_on=APPLIED))
    log = RejectionLog(journal, application_id=first.id)
    log.notes.value = "Follow up in spring."
    log.save_button.click()
    log.choose.value = second.id
    assert log.company.value == "Bolt"
    assert journal.get(Application, first.id).notes == "Follow up in spring."


def test_the_notes_words_come_from_the_template(journal: Journal) -> None:
    data = yaml.safe_load(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    data["rejection_log"]["email"]["heading"] = "Their email, in short"
    data["rejection_log"]["stage_on"] = "Got that far on"
    log = RejectionLog(journal, load_template(data))
    log.outcome.value = "rejected"
    log.channel.value = "email"
    assert log.notes_heading.value == "<h4 class='rebound-heading'>Their email, in short</h4>"
    assert log.stage_on.description == "Got that far on"


def test_a_save_never_changes_an_application_other_than_the_one_the_picker_names(
    log: RejectionLog, journal_file: Path
) -> None:
    fill_rejection_call(log)
    log.save_button.click()
    # The picker's own callback is lost (as it once was, failing on another thread): the drop-down
    # says "(a new application)" while the fields still hold Acme.
    log.choose.unobserve_all("value")
    log.choose.index = 0
    log.company.value = "Fabrikam"
    log.save_button.click()

    assert [app.company for app in stored(journal_file, Application)] == ["Acme"]
    assert "Not saved" in log.status.value and "choose the application again" in log.status.value
    assert log.company.value == "Fabrikam"  # what was typed stays
