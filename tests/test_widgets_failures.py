"""When the journal fails (a record deleted elsewhere, locked, full), every form says so and keeps the text.

Real journal files and real second connections; nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem
from workbook.template import load_template
from workbook.widgets import (
    ActionTracker,
    ChecklistForm,
    MoodLogger,
    QuestionBank,
    ReflectionForm,
    RejectionLog,
    SupportLog,
)
from workbook.widgets.form import Form

TODAY = dt.date.today()
APPLIED = TODAY - dt.timedelta(days=30)
REJECTED = TODAY - dt.timedelta(days=2)
NOT_SAVED = "Not saved: "
STILL_HERE = ". Your text is still here."
QUESTIONS = "What would have made my answer on testing stronger?"
FEEDBACK = "Great portfolio; others had more years of experience."


@pytest.fixture(autouse=True)
def no_callback_log(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Nothing may fall into ipywidgets' callback log, which a person never sees."""
    with caplog.at_level(logging.WARNING):
        yield
    assert [r.getMessage() for r in caplog.records if "callback" in r.getMessage().lower()] == []


def fill_rejection(log: RejectionLog) -> None:
    log.notes.value = "Second round went well, I thought."
    log.outcome.value = "rejected"
    log.outcome_on.value = REJECTED
    log.channel.value = "phone"
    log.questions.value = QUESTIONS
    log.feedback.text.value = FEEDBACK


def assert_rejection_kept(log: RejectionLog) -> None:
    assert log.status_text.startswith(NOT_SAVED) and log.status_text.endswith(STILL_HERE)
    assert (log.notes.value, log.outcome.value, log.outcome_on.value, log.channel.value) == (
        "Second round went well, I thought.",
        "rejected",
        REJECTED,
        "phone",
    )
    assert (log.questions.value, log.feedback.text.value) == (QUESTIONS, FEEDBACK)
    assert log.unsaved


@pytest.fixture
def app(journal: Journal) -> Application:
    return journal.add(Application(company="Acme", role="Designer", applied_on=APPLIED, stage="interview"))


def test_a_record_deleted_elsewhere_says_so_and_keeps_every_field(
    journal: Journal, journal_file: Path, app: Application
) -> None:
    log = RejectionLog(journal, application_id=app.id)
    with Journal(journal_file) as elsewhere:
        elsewhere.delete(Application, app.id)  # type: ignore[arg-type]
    fill_rejection(log)
    log.save_button.click()

    assert_rejection_kept(log)
    assert f"id {app.id}" in log.status_text
    with Journal(journal_file) as again:
        assert again.counts()["call_notes"] == 0 and again.counts()["feedback_items"] == 0


def test_a_locked_journal_says_so_and_keeps_every_field(
    journal: Journal, journal_file: Path, app: Application
) -> None:
    log = RejectionLog(journal, application_id=app.id)
    fill_rejection(log)
    journal._conn.execute("PRAGMA busy_timeout = 200")  # until Journal(path, busy_timeout=0.2) lands
    holder = sqlite3.connect(journal_file, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        log.save_button.click()
    finally:
        holder.close()

    assert_rejection_kept(log)
    assert "locked" in log.status_text
    log.save_button.click()  # once the other program lets go, the same text saves
    assert log.status_text.startswith("Saved at")
    with Journal(journal_file) as again:
        assert [n.questions for n in again.records(CallNotes)] == [QUESTIONS]
        assert [f.text for f in again.records(FeedbackItem)] == [FEEDBACK]


def fill_the_disk(journal: Journal, log: RejectionLog) -> None:
    """Let the widget's journal connection grow no further, as on a full disk."""
    log.call_notes.value = "A long note. " * 1500  # needs new pages in the file
    pages = journal._conn.execute("PRAGMA page_count").fetchone()[0]
    journal._conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_says_not_saved_and_keeps_every_field(
    journal: Journal, journal_file: Path, app: Application
) -> None:
    log = RejectionLog(journal, application_id=app.id)
    fill_rejection(log)
    fill_the_disk(journal, log)
    log.save_button.click()

    assert_rejection_kept(log)
    with Journal(journal_file) as again:
        assert again.counts()["call_notes"] == 0 and again.get(Application, app.id).outcome == "pending"


def test_a_full_disk_is_named_as_the_reason(journal: Journal, app: Application) -> None:
    log = RejectionLog(journal, application_id=app.id)
    fill_rejection(log)
    fill_the_disk(journal, log)
    log.save_button.click()
    assert "full" in log.status_text


def _mood(journal: Journal) -> Form:
    form = MoodLogger(journal)
    form.note.value = "Heavy day."
    return form


def _reflection(journal: Journal) -> Form:
    form = ReflectionForm(journal, load_template().prompt_set("after_call"))
    form.answers["feel"].value = "Heavy day."
    return form


def _support(journal: Journal) -> Form:
    form = SupportLog(journal)
    form.who.value = "Sam"
    form.note.value = "Heavy day."
    return form


def _action(journal: Journal) -> Form:
    form = ActionTracker(journal)
    form.title.value = "Heavy day."
    return form


FORMS: dict[str, tuple[Callable[[Journal], Form], str]] = {
    "mood": (_mood, "save_button"),
    "reflection": (_reflection, "save_button"),
    "support": (_support, "save_button"),
    "action": (_action, "add_button"),
    "checklist": (lambda j: ChecklistForm(j, load_template().checklist("after_call")), "save_button"),
    "questions": (lambda j: QuestionBank(j), "save_button"),
}


@pytest.mark.parametrize("name", FORMS)
def test_every_form_says_not_saved_when_the_journal_is_locked(
    journal: Journal, journal_file: Path, name: str
) -> None:
    make, button = FORMS[name]
    form = make(journal)
    typed = form.typed()
    before = journal.counts()
    journal._conn.execute("PRAGMA busy_timeout = 200")
    holder = sqlite3.connect(journal_file, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        getattr(form, button).click()
    finally:
        holder.close()

    assert form.status_text.startswith(NOT_SAVED) and form.status_text.endswith(STILL_HERE)
    assert form.typed() == typed
    assert journal.counts() == before
