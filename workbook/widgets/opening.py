"""Open one saved entry in the form where it was written (used by "Your journal" to edit an entry)."""

from __future__ import annotations

from workbook.journal import Journal
from workbook.records import Action, CallNotes, ChecklistRun, FeedbackItem, Reflection
from workbook.template import Template
from workbook.widgets.actions import ActionTracker
from workbook.widgets.checklist import ChecklistForm
from workbook.widgets.form import Form
from workbook.widgets.mood import MoodLogger
from workbook.widgets.questions import QuestionBank
from workbook.widgets.reflection import ReflectionForm
from workbook.widgets.rejection import RejectionLog
from workbook.widgets.support import SupportLog


def open_entry(journal: Journal, template: Template, kind: str, entry_id: int) -> Form:
    """The form for an entry of ``kind`` (a key of :data:`workbook.entries.KINDS`), showing that entry."""
    return _OPENERS[kind](journal, template, entry_id)


def _application(journal: Journal, template: Template, entry_id: int) -> Form:
    return RejectionLog(journal, template, application_id=entry_id)


def _call_notes(journal: Journal, template: Template, entry_id: int) -> Form:
    notes = journal.get(CallNotes, entry_id)
    log = RejectionLog(journal, template, application_id=notes.application_id)
    log.open_notes(entry_id)
    return log


def _feedback(journal: Journal, template: Template, entry_id: int) -> Form:
    item = journal.get(FeedbackItem, entry_id)
    log = RejectionLog(journal, template, application_id=item.application_id)
    log.feedback.open_item(entry_id)
    return log


def _mood(journal: Journal, template: Template, entry_id: int) -> Form:
    logger = MoodLogger(journal, template)
    logger.open_entry(entry_id)
    return logger


def _reflection(journal: Journal, template: Template, entry_id: int) -> Form:
    record = journal.get(Reflection, entry_id)
    set_id = record.prompt_id.split(".", 1)[0]
    form = ReflectionForm(journal, template.prompt_set(set_id), template=template)
    form.open_entry(record.at)
    return form


def _checklist(journal: Journal, template: Template, entry_id: int) -> Form:
    run = journal.get(ChecklistRun, entry_id)
    if run.checklist_id not in template.checklists:  # the question bank's picks are stored as runs
        return QuestionBank(journal, template, application_id=run.application_id)
    form = ChecklistForm(journal, template.checklist(run.checklist_id), template=template)
    form.open_run(entry_id)
    return form


def _action(journal: Journal, template: Template, entry_id: int) -> Form:
    tracker = ActionTracker(journal, template)
    tracker.open_action(journal.get(Action, entry_id).id)  # type: ignore[arg-type]
    return tracker


def _support(journal: Journal, template: Template, entry_id: int) -> Form:
    log = SupportLog(journal, template)
    log.open_contact(entry_id)
    return log


_OPENERS = {
    "application": _application,
    "call_notes": _call_notes,
    "feedback": _feedback,
    "mood": _mood,
    "reflection": _reflection,
    "checklist": _checklist,
    "action": _action,
    "support": _support,
}
