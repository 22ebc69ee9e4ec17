"""Checklists: tick, see progress, save a run, reopen it; a bad link stores nothing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, ChecklistRun
from workbook.template import load_template
from workbook.widgets import ChecklistForm


def stored_runs(journal_file: Path) -> list[ChecklistRun]:
    with Journal(journal_file) as again:
        return again.records(ChecklistRun)


def test_ticking_shows_progress_and_save_stores_the_run(journal: Journal, journal_file: Path) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date.today()))
    form = ChecklistForm(journal, load_template().checklist("before_call"))
    assert form.progress.value == "0 of 5 done"
    form.boxes["questions"].value = True
    form.boxes["calm"].value = True
    form.boxes["notes"].value = True
    assert form.progress.value == "3 of 5 done"
    form.application.value = app.id
    form.save_button.click()

    [run] = stored_runs(journal_file)
    assert run.checklist_id == "before_call"
    assert run.ticked == ("calm", "questions", "notes")
    assert run.application_id == app.id
    assert re.fullmatch(r"Saved at \d\d:\d\d", form.status_text)


def test_reopening_shows_the_last_saved_ticks(journal: Journal) -> None:
    checklist = load_template().checklist("after_call")
    first = ChecklistForm(journal, checklist)
    first.boxes["feel"].value = True
    first.save_button.click()
    first.boxes["talk"].value = True
    first.save_button.click()

    again = ChecklistForm(journal, checklist)
    assert again.ticked == ("feel", "talk")
    assert again.progress.value == "2 of 6 done"
    assert again.last_saved.value.startswith("Last saved ")
    assert ChecklistForm(journal, load_template().checklist("before_call")).ticked == ()


def test_the_last_run_is_per_application_when_one_is_given(journal: Journal) -> None:
    checklist = load_template().checklist("call_covered")
    acme = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date.today()))
    globex = journal.add(Application(company="Globex", role="Analyst", applied_on=dt.date.today()))
    form = ChecklistForm(journal, checklist, application_id=acme.id)
    form.boxes["thanks"].value = True
    form.save_button.click()
    assert ChecklistForm(journal, checklist, application_id=acme.id).ticked == ("thanks",)
    assert ChecklistForm(journal, checklist, application_id=globex.id).ticked == ()


def test_a_link_to_a_deleted_application_is_refused_and_the_ticks_stay(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date.today()))
    form = ChecklistForm(journal, load_template().checklist("before_call"), application_id=app.id)
    form.boxes["open"].value = True
    with Journal(journal.path) as elsewhere:  # deleted by another program: the form cannot know
        elsewhere.delete(Application, app.id)
    before = journal.counts()
    form.save_button.click()

    assert form.error_text("application_id") == f"The application: there is no application with id {app.id}"
    assert journal.counts() == before
    assert form.ticked == ("open",)


def test_creating_and_displaying_a_checklist_writes_nothing(journal: Journal) -> None:
    ChecklistForm(journal, load_template().checklist("before_call")).save_button.click()
    before = journal.counts()
    form = ChecklistForm(journal, load_template().checklist("before_call"))
    form._repr_mimebundle_()
    assert journal.counts() == before
